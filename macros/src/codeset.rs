//! `#[derive(Codeset)]`: a unit-variant enum as a codeset, read ignoring
//! case, written as the document's code, never in numeric form.
//!
//! ```text
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
//! #[pcr(codeset = "LoanType")]
//! enum LoanType {
//!     #[pcr(code = "LumpSumLoan", label = "Lump-sum loan")]
//!     LumpSumLoan,
//!     #[pcr(code = "NewLoan", label = "New loan contract", not_allowed_in = [first])]
//!     NewLoan,
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, Data, DeriveInput, Expr, Fields, Ident, LitStr};

use crate::attr::{crate_path, day, days_in_order, lit_str, parse_value, read_keys};
use crate::ctxt::Ctxt;
use crate::expand::in_force_tokens;
use crate::keys::{Derive, Place};

struct Value<'a> {
    ident: &'a Ident,
    code: String,
    code_span: proc_macro2::Span,
    label: String,
    not_allowed_in: Vec<Ident>,
    // #[pcr(from = "...", until = "...")]: the days in force, if dated.
    days: Option<(Option<time::Date>, Option<time::Date>)>,
}

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let mut krate: syn::Path = parse_quote!(::pcr_runtime);
    let mut id = input.ident.to_string();
    read_keys(
        &cx,
        &input.attrs,
        Place::Type,
        Derive::Codeset,
        |known, key, meta| {
            match known.name {
                "crate" => {
                    if let Some(path) = crate_path(&cx, &key, meta)? {
                        krate = path;
                    }
                }
                "codeset" => {
                    if let Some(lit) =
                        parse_value(&cx, meta, &key)?.and_then(|v| lit_str(&cx, &key, v))
                    {
                        id = lit.value();
                    }
                }
                _ => unreachable!("every key of this derive is read above"),
            }
            Ok(())
        },
    );

    let mut values = Vec::new();
    match &input.data {
        Data::Enum(data) => {
            for variant in &data.variants {
                if !matches!(variant.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        variant,
                        "a codeset value is a unit variant: it holds no data",
                    );
                    continue;
                }
                values.push(value(&cx, variant));
            }
            if values.is_empty() && !data.variants.is_empty() {
                // Every variant was reported above.
            } else if data.variants.is_empty() {
                cx.error_spanned_by(&input.ident, "a codeset needs at least one value");
            }
        }
        _ => cx.error_spanned_by(
            &input.ident,
            "derive(Codeset) needs an enum of unit variants",
        ),
    }
    for (i, value) in values.iter().enumerate() {
        if let Some(first) = values[..i]
            .iter()
            .find(|v| v.code.eq_ignore_ascii_case(&value.code))
        {
            cx.syn_error(syn::Error::new(
                value.code_span,
                format!(
                    "code `{}` is given twice (also on `{}`); codes are compared ignoring case",
                    value.code, first.ident
                ),
            ));
        }
    }
    if let Err(errors) = cx.check() {
        return errors.to_compile_error();
    }
    expand(input, &krate, &id, &values)
}

fn value<'a>(cx: &Ctxt, variant: &'a syn::Variant) -> Value<'a> {
    let mut value = Value {
        ident: &variant.ident,
        code: variant.ident.to_string(),
        code_span: variant.ident.span(),
        label: String::new(),
        not_allowed_in: Vec::new(),
        days: None,
    };
    let mut label: Option<LitStr> = None;
    let (mut from, mut until) = (None, None);
    read_keys(
        cx,
        &variant.attrs,
        Place::Variant,
        Derive::Codeset,
        |known, key, meta| {
            match known.name {
                "code" => {
                    if let Some(lit) =
                        parse_value(cx, meta, &key)?.and_then(|v| lit_str(cx, &key, v))
                    {
                        value.code = lit.value();
                        value.code_span = lit.span();
                    }
                }
                "label" => {
                    label = parse_value(cx, meta, &key)?.and_then(|v| lit_str(cx, &key, v));
                }
                "not_allowed_in" => match parse_value(cx, meta, &key)? {
                    Some(Expr::Array(array)) => {
                        for stage in array.elems {
                            match &stage {
                                Expr::Path(p)
                                    if p.path.is_ident("first") || p.path.is_ident("second") =>
                                {
                                    value
                                        .not_allowed_in
                                        .push(p.path.get_ident().cloned().expect("checked"));
                                }
                                _ => cx.error_spanned_by(&stage, "a stage is `first` or `second`"),
                            }
                        }
                    }
                    Some(other) => cx.error_spanned_by(
                        &other,
                        "`not_allowed_in` takes a list of stages, e.g. `[first]`",
                    ),
                    None => {}
                },
                // #[pcr(from = "2027-01-04")], #[pcr(until = "2028-01-01")]
                "from" | "until" => {
                    let day = parse_value(cx, meta, &key)?.and_then(|v| day(cx, &key, v));
                    if key == "from" {
                        from = day;
                    } else {
                        until = day;
                    }
                }
                _ => unreachable!("every key of this derive is read above"),
            }
            Ok(())
        },
    );
    if from.is_some() || until.is_some() {
        value.days = Some(days_in_order(cx, from, until, "the code"));
    }
    value.label = label
        .map(|l| l.value())
        .unwrap_or_else(|| value.code.clone());
    value
}

fn expand(input: &DeriveInput, krate: &syn::Path, id: &str, values: &[Value]) -> TokenStream {
    let ident = &input.ident;
    let variants: Vec<&Ident> = values.iter().map(|v| v.ident).collect();
    let codes: Vec<_> = values.iter().map(|v| &v.code).collect();
    let labels = values.iter().map(|v| &v.label);
    let restricted = values
        .iter()
        .filter(|v| !v.not_allowed_in.is_empty())
        .map(|v| {
            let variant = v.ident;
            let stages = v
                .not_allowed_in
                .iter()
                .map(|s| match s.to_string().as_str() {
                    "first" => quote!(#krate::Stage::First),
                    _ => quote!(#krate::Stage::Second),
                });
            quote! { #ident::#variant => &[#(#stages),*], }
        });
    let dated = values
        .iter()
        .filter_map(|v| {
            let (from, until) = v.days?;
            let variant = v.ident;
            let days = in_force_tokens(krate, from, until);
            Some(quote! { #ident::#variant => #days, })
        })
        .collect::<Vec<_>>();
    let in_force = (!dated.is_empty()).then(|| {
        quote! {
            #[allow(unreachable_patterns)]
            fn in_force(self) -> #krate::InForce {
                match self {
                    #(#dated)*
                    _ => #krate::InForce::ALWAYS,
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #krate::Codeset for #ident {
            const ID: &'static str = #id;
            const ALL: &'static [Self] = &[#(#ident::#variants),*];

            fn code(self) -> &'static str {
                match self {
                    #(#ident::#variants => #codes,)*
                }
            }

            fn label(self) -> &'static str {
                match self {
                    #(#ident::#variants => #labels,)*
                }
            }

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                // As written (a match on the text), else ignoring case by
                // the runtime's one search for every codeset.
                match code {
                    #(#codes => ::core::option::Option::Some(#ident::#variants),)*
                    _ => {
                        let index = #krate::codeset::position_ignoring_case(&[#(#codes),*], code)?;
                        <Self as #krate::Codeset>::ALL.get(index).copied()
                    }
                }
            }

            #[allow(unreachable_patterns)]
            fn not_allowed_in(self) -> &'static [#krate::Stage] {
                match self {
                    #(#restricted)*
                    _ => &[],
                }
            }

            #in_force
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #krate::codeset::UnknownCode;

            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                #krate::codeset::parse(code)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#krate::Codeset::code(*self))
            }
        }

        #[automatically_derived]
        impl #krate::__serde::Serialize for #ident {
            fn serialize<__S: #krate::__serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #krate::codeset::serialize(self, serializer)
            }
        }

        #[automatically_derived]
        impl<'de> #krate::__serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #krate::__serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #krate::codeset::deserialize(deserializer)
            }
        }

        #[automatically_derived]
        impl #krate::structure::Structure for #ident {
            fn shape() -> #krate::structure::Shape {
                #krate::codeset::shape::<Self>()
            }
        }

        #[automatically_derived]
        impl #krate::StageRestricted for #ident {
            fn allowed_in(&self, stage: #krate::Stage) -> bool {
                !#krate::Codeset::not_allowed_in(*self).contains(&stage)
            }

            fn in_force(&self) -> #krate::InForce {
                #krate::Codeset::in_force(*self)
            }
        }
    }
}
