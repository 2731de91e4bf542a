//! Emits `impl Validate`. Paths are absolute, and each rule's code carries
//! the rule's span, so a rule put on a field of the wrong type fails to
//! compile under that rule.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::{parse_quote, DeriveInput, Expr};

use crate::ast::{Body, Container, Field, Shape};
use crate::attr::{Rule, RuleKind};
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
    let body = match &container.body {
        Body::Struct(fields) => {
            let checks = fields
                .iter()
                .map(|field| field_checks(field, fields, krate));
            quote! { #(#checks)* }
        }
        Body::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let name = variant.ident;
                if variant.holds_value {
                    quote! { #ident::#name(__value) => #krate::Validate::validate_into(__value, __ctx, __path, __errors), }
                } else {
                    quote! { #ident::#name => {} }
                }
            });
            quote! {
                match self {
                    #(#arms)*
                }
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
    let shape = if fields.iter().any(|f| f.serde.flatten) {
        quote! { #krate::structure::Shape::Any }
    } else {
        let members = fields.iter().filter(|f| !f.serde.skipped).map(|field| {
            let json = &field.json;
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
        quote! {
            #krate::structure::Shape::Object(#krate::structure::Object {
                name: #name,
                members: ::std::vec![#(#members),*],
                unknown: #unknown,
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

/// The checks of one field, between pushing and popping its JSON name.
fn field_checks(field: &Field, fields: &[Field], krate: &syn::Path) -> TokenStream {
    if field.attrs.rules.is_empty() {
        return TokenStream::new();
    }
    let member = field.member;
    let json = &field.json;
    let presence = field
        .attrs
        .rules
        .iter()
        .filter_map(|rule| presence_check(rule, field, fields, krate));
    let value_rules: Vec<TokenStream> = field
        .attrs
        .rules
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
    quote! {
        __path.push_field(#json);
        #(#presence)*
        #values
        __path.pop();
    }
}

/// A reference to a sibling's value, as `Option<&T>`.
fn sibling_value(sibling: &syn::Ident, fields: &[Field]) -> TokenStream {
    let shape = fields.iter().find(|f| f.member == sibling).map(|f| f.shape);
    match shape {
        Some(Shape::Option) => quote! { ::core::option::Option::as_ref(&self.#sibling) },
        _ => quote! { ::core::option::Option::Some(&self.#sibling) },
    }
}

/// How a value is named in an error description: `ForeignBusinessId` for
/// `IdCodeType::ForeignBusinessId`, `true` for `true`.
fn value_text(expr: &Expr) -> String {
    match expr {
        Expr::Path(path) => path
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        other => other.to_token_stream().to_string(),
    }
}

fn presence_check(
    rule: &Rule,
    field: &Field,
    fields: &[Field],
    krate: &syn::Path,
) -> Option<TokenStream> {
    let member = field.member;
    let code = &rule.code;
    let span = rule.name.span();
    Some(match &rule.kind {
        RuleKind::Required => quote_spanned! {span=>
            if ::core::option::Option::is_none(&self.#member) {
                __errors.push(__path, #code, #krate::rules::required());
            }
        },
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
            let sibling_json = fields.iter().find(|f| f.member == sibling)?.json.clone();
            let value = sibling_value(sibling, fields);
            let text = value_text(equals);
            let (broken, description) = if matches!(rule.kind, RuleKind::RequiredIf { .. }) {
                (
                    quote! { ::core::option::Option::is_none(&self.#member) },
                    quote! { #krate::rules::required_if(#sibling_json, #text) },
                )
            } else {
                let present = match field.shape {
                    Shape::Option => quote! { ::core::option::Option::is_some(&self.#member) },
                    Shape::OptionVec => quote! {
                        ::core::option::Option::is_some_and(::core::option::Option::as_ref(&self.#member), |__l| !__l.is_empty())
                    },
                    Shape::Vec => quote! { !self.#member.is_empty() },
                    Shape::Plain => quote! { true },
                };
                (
                    present,
                    quote! { #krate::rules::absent_if(#sibling_json, #text) },
                )
            };
            quote_spanned! {span=>
                if #broken && ::core::option::Option::is_some_and(#value, |__v| *__v == (#equals)) {
                    __errors.push(__path, #code, #description);
                }
            }
        }
        RuleKind::MinItems { min } => {
            let check = quote_spanned! {span=>
                if let ::core::option::Option::Some(__description) = #krate::rules::min_items(__list.len(), #min) {
                    __errors.push(__path, #code, __description);
                }
            };
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
    Some(match &rule.kind {
        RuleKind::Allowed { values } => {
            let names = values.iter().map(value_text);
            quote_spanned! {span=>
                if let ::core::option::Option::Some(__description) =
                    #krate::rules::allowed(__value, &[#(#values),*], &[#(#names),*])
                {
                    __errors.push(__path, #code, __description);
                }
            }
        }
        RuleKind::Range { min, max } => {
            let bound = |b: &Option<syn::LitInt>| match b {
                Some(b) => quote! { ::core::option::Option::Some(#b) },
                None => quote! { ::core::option::Option::None },
            };
            let (min, max) = (bound(min), bound(max));
            quote_spanned! {span=>
                if let ::core::option::Option::Some(__description) = #krate::rules::range(__value, #min, #max) {
                    __errors.push(__path, #code, __description);
                }
            }
        }
        RuleKind::Fixed { value } => quote_spanned! {span=>
            if let ::core::option::Option::Some(__description) = #krate::rules::fixed(__value, &(#value)) {
                __errors.push(__path, #code, __description);
            }
        },
        RuleKind::NonBlank => quote_spanned! {span=>
            if let ::core::option::Option::Some(__description) =
                #krate::rules::non_blank(::core::convert::AsRef::<str>::as_ref(__value))
            {
                __errors.push(__path, #code, __description);
            }
        },
        RuleKind::MaxChars { max } => quote_spanned! {span=>
            if let ::core::option::Option::Some(__description) =
                #krate::rules::max_chars(::core::convert::AsRef::<str>::as_ref(__value), #max)
            {
                __errors.push(__path, #code, __description);
            }
        },
        RuleKind::Charset { set } => quote_spanned! {span=>
            if let ::core::option::Option::Some(__description) =
                #krate::rules::allowed_chars(::core::convert::AsRef::<str>::as_ref(__value), &#set)
            {
                __errors.push(__path, #code, __description);
            }
        },
        RuleKind::IdCode {
            type_field,
            personal_identity_code,
            business_id,
        } => {
            let kind = sibling_value(type_field, fields);
            let personal = personal_identity_code.iter();
            let business = business_id.iter();
            quote_spanned! {span=>
                let __format = match #kind {
                    #(::core::option::Option::Some(__t) if *__t == (#personal) =>
                        ::core::option::Option::Some(#krate::id::IdFormat::PersonalIdentityCode),)*
                    #(::core::option::Option::Some(__t) if *__t == (#business) =>
                        ::core::option::Option::Some(#krate::id::IdFormat::BusinessId),)*
                    _ => ::core::option::Option::None,
                };
                if let ::core::option::Option::Some(__format) = __format {
                    if let ::core::option::Option::Some(__description) = #krate::rules::id_code(
                        ::core::convert::AsRef::<str>::as_ref(__value),
                        __format,
                        __ctx,
                    ) {
                        __errors.push(__path, #code, __description);
                    }
                }
            }
        }
        RuleKind::Stage => quote_spanned! {span=>
            if !#krate::StageRestricted::allowed_in(__value, __ctx.stage) {
                __errors.push(__path, #code, #krate::rules::stage_not_allowed(__value, __ctx));
            }
        },
        RuleKind::Nested => quote_spanned! {span=>
            #krate::Validate::validate_into(__value, __ctx, __path, __errors);
        },
        RuleKind::Required
        | RuleKind::Optional
        | RuleKind::RequiredIf { .. }
        | RuleKind::AbsentIf { .. }
        | RuleKind::MinItems { .. } => return None,
    })
}
