//! Emits `impl Validate`. Paths are absolute, and each rule's code carries
//! the rule's span, so a rule put on a field of the wrong type fails to
//! compile under that rule.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{parse_quote, DeriveInput, Expr};

use crate::ast::{Body, Container, Field, Shape, Step, Tagging};
use crate::attr::{Bound, DateBound, Rule, RuleKind};
use crate::ctxt::Ctxt;
use crate::{check, fallback};

pub fn derive_validate(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    if let Some(container) = &container {
        check::check(&cx, container);
    }
    let krate: syn::Path = container
        .as_ref()
        .and_then(|c| c.attrs.krate.clone())
        .unwrap_or_else(|| parse_quote!(::pcr_runtime));
    match (cx.check(), container) {
        (Ok(()), Some(container)) => expand(&container, &krate),
        (Err(errors), _) => fallback::validate(input, errors, &krate),
        (Ok(()), None) => unreachable!("a container is missing only after an error"),
    }
}

fn expand(container: &Container, krate: &syn::Path) -> TokenStream {
    let input = container.input;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Rules on the type, after its fields' or its variant's own.
    let custom = container.attrs.custom.iter().map(|function| {
        quote_spanned! {function.span()=>
            #function(self, &mut #krate::Report::new(__ctx, __path, __errors));
        }
    });
    let custom = quote! { #(#custom)* };
    let body = match &container.body {
        Body::Struct(fields) => {
            let checks = fields
                .iter()
                .map(|field| field_checks(field, fields, krate));
            quote! { #(#checks)* #custom }
        }
        Body::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                let json = &variant.json;
                // The variant's name is a step of the path where serde
                // writes it as a member.
                let (push, pop) = match &container.tagging {
                    Tagging::External => (quote! { __path.push_field(#json); }, quote! { __path.pop(); }),
                    Tagging::Adjacent { content } => (quote! { __path.push_field(#content); }, quote! { __path.pop(); }),
                    Tagging::Internal | Tagging::Untagged => (TokenStream::new(), TokenStream::new()),
                };
                if variant.holds_value {
                    quote! { #ident::#name(__value) => { #push #krate::Validate::validate_into(__value, __ctx, __path, __errors); #pop } }
                } else {
                    quote! { #ident::#name => {} }
                }
            });
            quote! {
                match self {
                    #(#arms)*
                }
                #custom
            }
        }
    };
    let structure = structure(container, krate);
    quote! {
        #structure
        #[automatically_derived]
        impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                __ctx: &#krate::Context,
                __path: &mut #krate::JsonPath,
                __errors: &mut #krate::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

/// `impl Structure` of a struct: its members from its fields, each field's
/// shape from its type (or `Shape::Any` for a type without `Structure`).
/// A struct with a flattened field reads members it cannot list, so its
/// shape is `Shape::Any`: serde alone judges it.
fn structure(container: &Container, krate: &syn::Path) -> TokenStream {
    let Body::Struct(fields) = &container.body else {
        return TokenStream::new();
    };
    let input = container.input;
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let tuple = fields.iter().any(|f| f.ident.is_none());
    let shape = if fields.iter().any(|f| f.serde.flatten) || tuple || container.attrs.transparent {
        quote! { #krate::structure::Shape::Any }
    } else {
        let members = fields.iter().filter(|f| !f.serde.skipped).map(|field| {
            let json = field.json_name();
            let ty = field.ty;
            let required =
                !(field.shape.is_option() || field.serde.default || container.serde_default);
            quote! {
                #krate::structure::Member {
                    name: #json,
                    required: #required,
                    shape: {
                        #[allow(unused_imports)]
                        use #krate::structure::__private::{Fallback as _, Known as _};
                        (&#krate::structure::__private::Probe::<#ty>::new()).shape_fn()
                    },
                }
            }
        });
        let unknown = if container.deny_unknown_fields {
            quote! { #krate::structure::Unknown::Deny }
        } else {
            quote! { #krate::structure::Unknown::Ignore }
        };
        let readings = match &container.attrs.readings {
            Some(path) => quote! { #path },
            None => quote! { &[] },
        };
        quote! {
            #krate::structure::Shape::Object(#krate::structure::Object {
                name: #name,
                members: ::std::vec![#(#members),*],
                unknown: #unknown,
                readings: #readings,
                check: {
                    #[allow(unused_imports)]
                    use #krate::__private::{FallbackCheck as _, KnownCheck as _};
                    (&#krate::__private::Probe::<Self>::new()).check_fn()
                },
            })
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::structure::Structure for #ident #ty_generics #where_clause {
            fn shape() -> #krate::structure::Shape {
                #shape
            }
        }
    }
}

/// The checks of one field, between stepping into it and back out.
fn field_checks(field: &Field, fields: &[Field], krate: &syn::Path) -> TokenStream {
    let rules = &field.attrs.rules;
    if rules.iter().any(|r| matches!(r.kind, RuleKind::Skip)) || field.serde.skipped {
        return TokenStream::new();
    }
    let member = &field.member;
    let presence = rules
        .iter()
        .filter_map(|rule| presence_check(rule, field, fields, krate));
    let value_rules: Vec<TokenStream> = rules
        .iter()
        .filter_map(|rule| value_check(rule, fields, krate))
        .collect();
    let values = if value_rules.is_empty() {
        TokenStream::new()
    } else {
        let body = quote! { #(#value_rules)* };
        let each = quote! {
            for (__index, __value) in ::core::iter::Iterator::enumerate(::core::iter::IntoIterator::into_iter(__list)) {
                __path.push_index(__index);
                #body
                __path.pop();
            }
        };
        match field.shape {
            Shape::Plain => quote! { { let __value = &self.#member; #body } },
            Shape::Option => quote! {
                if let ::core::option::Option::Some(__value) = &self.#member { #body }
            },
            Shape::Vec => quote! { { let __list = &self.#member; #each } },
            Shape::OptionVec => quote! {
                if let ::core::option::Option::Some(__list) = &self.#member { #each }
            },
        }
    };
    // The value itself, as a whole: `nested` (or, without it, a type that
    // implements `Validate`), then custom functions.
    let nested = match rules.iter().find(|r| matches!(r.kind, RuleKind::Nested)) {
        Some(rule) => quote_spanned! {rule.name.span()=>
            #krate::Validate::validate_into(&self.#member, __ctx, __path, __errors);
        },
        None if is_leaf(field.ty) => TokenStream::new(),
        None => {
            let ty = field.ty;
            quote! {
                {
                    #[allow(unused_imports)]
                    use #krate::__private::{NestedFallback as _, NestedKnown as _};
                    (&#krate::__private::Probe::<#ty>::new()).nested(&self.#member, __ctx, __path, __errors);
                }
            }
        }
    };
    let custom = rules.iter().filter_map(|rule| match &rule.kind {
        RuleKind::Custom { function } => Some(quote_spanned! {function.span()=>
            #function(&self.#member, &mut #krate::Report::new(__ctx, __path, __errors));
        }),
        _ => None,
    });
    let custom: Vec<TokenStream> = custom.collect();
    let presence: Vec<TokenStream> = presence.collect();
    if presence.is_empty() && values.is_empty() && nested.is_empty() && custom.is_empty() {
        return TokenStream::new();
    }
    let (push, pop) = match &field.step {
        Step::Member(json) => (
            quote! { __path.push_field(#json); },
            quote! { __path.pop(); },
        ),
        Step::Index(index) => (
            quote! { __path.push_index(#index); },
            quote! { __path.pop(); },
        ),
        Step::Stay => (TokenStream::new(), TokenStream::new()),
    };
    quote! {
        #push
        #(#presence)*
        #values
        #nested
        #(#custom)*
        #pop
    }
}

/// Whether a field's type has no `Validate` (also in an `Option`, `Vec`
/// or `Box`), so no probe is emitted for it: a primitive, `String`, or a
/// date, time, decimal or UUID named by a path through its crate
/// (`time::Date`, `::pcr_runtime::rust_decimal::Decimal`). A bare `Date` may
/// be the user's own type with a `Validate`, so it is probed.
fn is_leaf(ty: &syn::Type) -> bool {
    const LEAVES: &[&str] = &[
        "String", "str", "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
        "u32", "u64", "u128", "usize", "f32", "f64",
    ];
    const CRATES: &[&str] = &["time", "rust_decimal", "uuid"];
    const CRATE_LEAVES: &[&str] = &[
        "Date",
        "OffsetDateTime",
        "PrimitiveDateTime",
        "Time",
        "Decimal",
        "Uuid",
    ];
    if let syn::Type::Path(path) = ty {
        let segments = &path.path.segments;
        let through_crate = segments
            .iter()
            .any(|s| CRATES.contains(&s.ident.to_string().as_str()));
        if through_crate
            && segments.last().is_some_and(|s| {
                s.arguments.is_empty() && CRATE_LEAVES.contains(&s.ident.to_string().as_str())
            })
        {
            return true;
        }
    }
    match ty {
        syn::Type::Reference(r) => is_leaf(&r.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            if LEAVES.contains(&name.as_str()) && last.arguments.is_empty() {
                return true;
            }
            match (&*name, &last.arguments) {
                ("Option" | "Vec" | "Box", syn::PathArguments::AngleBracketed(args)) => {
                    args.args.len() == 1
                        && matches!(args.args.first(), Some(syn::GenericArgument::Type(inner)) if is_leaf(inner))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// A reference to a sibling's value, as `Option<&T>`.
fn sibling_value(sibling: &syn::Ident, fields: &[Field]) -> TokenStream {
    let shape = fields.iter().find(|f| f.is(sibling)).map(|f| f.shape);
    match shape {
        Some(Shape::Option) => quote! { ::core::option::Option::as_ref(&self.#sibling) },
        _ => quote! { ::core::option::Option::Some(&self.#sibling) },
    }
}

/// How a value is named in an error description: `ForeignBusinessId` for
/// `IdCodeType::ForeignBusinessId`, `true` for `true`.
/// A permitted value as an error's description names it: a path by its
/// last segment (`IdCodeType::PersonalIdentityCode` is
/// `PersonalIdentityCode`), a value wrapped in one field by what it wraps
/// (`Lenient::Known(X::Y)` is `Y`), a string by its text, anything else as
/// written.
fn value_text(expr: &Expr) -> String {
    match expr {
        Expr::Path(path) => path
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        Expr::Call(call) if call.args.len() == 1 => value_text(&call.args[0]),
        Expr::Paren(inner) => value_text(&inner.expr),
        Expr::Group(inner) => value_text(&inner.expr),
        Expr::Reference(inner) => value_text(&inner.expr),
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => text.value(),
        other => other.to_token_stream().to_string(),
    }
}

/// Reports the error a rule's check describes: every rule's runtime
/// function returns `Option<String>`, `Some` with the description when the
/// value breaks the rule.
fn report(span: proc_macro2::Span, code: &Option<syn::LitStr>, check: TokenStream) -> TokenStream {
    quote_spanned! {span=>
        if let ::core::option::Option::Some(__description) = #check {
            __errors.push(__path, #code, __description);
        }
    }
}

/// A text value, for the rules on text; a value that is not text is
/// reported under the rule (`span`).
fn text(span: proc_macro2::Span) -> TokenStream {
    quote_spanned! {span=> ::core::convert::AsRef::<str>::as_ref(__value) }
}

fn presence_check(
    rule: &Rule,
    field: &Field,
    fields: &[Field],
    krate: &syn::Path,
) -> Option<TokenStream> {
    let member = &field.member;
    let code = &rule.code;
    let span = rule.name.span();
    Some(match &rule.kind {
        RuleKind::Required => report(
            span,
            code,
            quote! { #krate::rules::required(&self.#member) },
        ),
        // Both compare a sibling with a value; they differ in what they ask
        // of this field: to be there (E) or not to be (a rule like "no
        // payment delays are reported for a guarantee receivable").
        RuleKind::RequiredIf {
            field: sibling,
            equals,
        }
        | RuleKind::AbsentIf {
            field: sibling,
            equals,
        } => {
            let sibling_json = fields.iter().find(|f| f.is(sibling))?.json_name();
            let value = sibling_value(sibling, fields);
            let text = value_text(equals);
            let equals = quote_spanned! {equals.span()=> (#equals) };
            let applies =
                quote! { ::core::option::Option::is_some_and(#value, |__v| *__v == #equals) };
            let check = if matches!(rule.kind, RuleKind::RequiredIf { .. }) {
                quote! { #krate::rules::required_if(&self.#member, #applies, #sibling_json, #text) }
            } else {
                let present = match field.shape {
                    Shape::Option => quote! { ::core::option::Option::is_some(&self.#member) },
                    Shape::OptionVec => quote! {
                        ::core::option::Option::is_some_and(::core::option::Option::as_ref(&self.#member), |__l| !__l.is_empty())
                    },
                    Shape::Vec => quote! { !self.#member.is_empty() },
                    Shape::Plain => quote! { true },
                };
                quote! { #krate::rules::absent_if(#present, #applies, #sibling_json, #text) }
            };
            report(span, code, check)
        }
        RuleKind::MinItems { min: n } | RuleKind::MaxItems { max: n } => {
            let count = if matches!(rule.kind, RuleKind::MinItems { .. }) {
                quote!(min_items)
            } else {
                quote!(max_items)
            };
            let check = report(
                span,
                code,
                quote_spanned! {span=> #krate::rules::#count(__list.len(), #n) },
            );
            match field.shape {
                Shape::OptionVec => quote! {
                    if let ::core::option::Option::Some(__list) = &self.#member { #check }
                },
                _ => quote! { { let __list = &self.#member; #check } },
            }
        }
        _ => return None,
    })
}

fn value_check(rule: &Rule, fields: &[Field], krate: &syn::Path) -> Option<TokenStream> {
    let code = &rule.code;
    let span = rule.name.span();
    let text = text(span);
    let check = match &rule.kind {
        RuleKind::Allowed { values } => {
            let names = values.iter().map(value_text);
            quote_spanned! {span=>
                #krate::__private::allowed_described(__value, &[#(#values),*], &[#(#names),*], |__value| {
                    #[allow(unused_imports)]
                    use #krate::__private::{DescribeDebug as _, DescribeDisplay as _};
                    (&#krate::__private::Describe(__value)).describe()
                })
            }
        }
        RuleKind::Range { min, max } => {
            let decimal = [min, max]
                .iter()
                .any(|b| matches!(b, Some(Bound::Decimal { .. })));
            // Whole-number bounds alone are compared as `i64`s; with a decimal
            // bound, both are `Decimal`s, as the value must be.
            let bound = |b: &Option<Bound>| match b {
                Some(Bound::Decimal { value, .. }) => {
                    let mantissa = proc_macro2::Literal::i128_unsuffixed(value.mantissa());
                    let scale = value.scale();
                    quote! { ::core::option::Option::Some(#krate::rust_decimal::Decimal::from_i128_with_scale(#mantissa, #scale)) }
                }
                Some(Bound::Int(lit)) if decimal => {
                    quote! { ::core::option::Option::Some(#krate::rust_decimal::Decimal::from(#lit as i64)) }
                }
                Some(Bound::Int(lit)) => quote! { ::core::option::Option::Some(#lit) },
                None => quote! { ::core::option::Option::None },
            };
            let (min, max) = (bound(min), bound(max));
            let function = if decimal {
                quote! { #krate::rules::range_of::<#krate::rust_decimal::Decimal> }
            } else {
                quote! { #krate::rules::range }
            };
            quote_spanned! {span=> #function(__value, #min, #max) }
        }
        RuleKind::DateRange { min, max } => {
            let bound = |b: &Option<DateBound>| match b {
                Some(DateBound::Fixed(day)) => {
                    let day = date_tokens(krate, *day);
                    quote! { ::core::option::Option::Some(#krate::rules::DateBound::Fixed(#day)) }
                }
                Some(DateBound::Today(days)) => {
                    quote! { ::core::option::Option::Some(#krate::rules::DateBound::Today(#days)) }
                }
                None => quote! { ::core::option::Option::None },
            };
            let (min, max) = (bound(min), bound(max));
            quote_spanned! {span=> #krate::rules::date_range(__value, #min, #max, __ctx) }
        }
        RuleKind::Fixed { value } => {
            // A value of the wrong type is reported under the value.
            let only = quote_spanned! {value.span()=> &(#value) };
            quote_spanned! {span=>
                #krate::__private::fixed_described(__value, #only, |__value| {
                    #[allow(unused_imports)]
                    use #krate::__private::{DescribeDebug as _, DescribeDisplay as _};
                    (&#krate::__private::Describe(__value)).describe()
                })
            }
        }
        RuleKind::MinChars { min } => {
            quote_spanned! {span=> #krate::rules::min_chars(#text, #min) }
        }
        RuleKind::MaxChars { max } => {
            quote_spanned! {span=> #krate::rules::max_chars(#text, #max) }
        }
        RuleKind::NonBlank => quote_spanned! {span=> #krate::rules::non_blank(#text) },
        RuleKind::Charset { set } => quote_spanned! {span=> #krate::rules::charset(#text, &#set) },
        RuleKind::Pattern { regex } => {
            let source = regex.value();
            let anchored = format!("^(?:{source})$");
            quote_spanned! {span=>
                {
                    static __PATTERN: #krate::__private::LazyLock<::core::option::Option<#krate::__private::regex::Regex>> =
                        #krate::__private::LazyLock::new(|| #krate::__private::regex::Regex::new(#anchored).ok());
                    match &*__PATTERN {
                        ::core::option::Option::Some(__regex) => #krate::rules::pattern(#text, __regex, #source),
                        ::core::option::Option::None => ::core::option::Option::Some(::std::format!("The pattern `{}` is too large to compile.", #source)),
                    }
                }
            }
        }
        RuleKind::IdCode {
            type_field,
            personal_identity_code,
            business_id,
        } => {
            let kind = sibling_value(type_field, fields);
            let personal = personal_identity_code.iter();
            let business = business_id.iter();
            let check = report(
                span,
                code,
                quote! { #krate::rules::id_code(#text, __format, __ctx) },
            );
            return Some(quote_spanned! {span=>
                let __format = match #kind {
                    #(::core::option::Option::Some(__t) if *__t == (#personal) =>
                        ::core::option::Option::Some(#krate::id::IdFormat::PersonalIdentityCode),)*
                    #(::core::option::Option::Some(__t) if *__t == (#business) =>
                        ::core::option::Option::Some(#krate::id::IdFormat::BusinessId),)*
                    _ => ::core::option::Option::None,
                };
                if let ::core::option::Option::Some(__format) = __format {
                    #check
                }
            });
        }
        RuleKind::Stage => quote_spanned! {span=> #krate::rules::stage(__value, __ctx) },
        RuleKind::InForce {
            from: None,
            until: None,
        } => quote_spanned! {span=>
            #krate::rules::in_force(#krate::StageRestricted::in_force(__value), __ctx)
        },
        RuleKind::InForce { from, until } => {
            let days = in_force_tokens(krate, *from, *until);
            quote_spanned! {span=> #krate::rules::in_force(#days, __ctx) }
        }
        RuleKind::Required
        | RuleKind::Optional
        | RuleKind::RequiredIf { .. }
        | RuleKind::AbsentIf { .. }
        | RuleKind::MinItems { .. }
        | RuleKind::MaxItems { .. }
        | RuleKind::Nested
        | RuleKind::Custom { .. }
        | RuleKind::Skip => return None,
    };
    Some(report(span, code, check))
}

/// `#krate::InForce { from: .., until: .. }` of days read from an
/// attribute, for the three derives that take them.
pub fn in_force_tokens(
    krate: &syn::Path,
    from: Option<time::Date>,
    until: Option<time::Date>,
) -> TokenStream {
    let day = |d: Option<time::Date>| match d {
        Some(day) => {
            let day = date_tokens(krate, day);
            quote! { ::core::option::Option::Some(#day) }
        }
        None => quote! { ::core::option::Option::None },
    };
    let (from, until) = (day(from), day(until));
    quote! { #krate::InForce { from: #from, until: #until } }
}

/// `#krate::date!(Y - M - D)` for a day read from an attribute.
fn date_tokens(krate: &syn::Path, day: time::Date) -> TokenStream {
    let (y, m, d) = (
        proc_macro2::Literal::i32_unsuffixed(day.year()),
        proc_macro2::Literal::u8_unsuffixed(day.month() as u8),
        proc_macro2::Literal::u8_unsuffixed(day.day()),
    );
    quote! { #krate::date!(#y - #m - #d) }
}
