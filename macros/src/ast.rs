//! The model of the type being derived: its fields, their JSON names and
//! shapes, and their parsed rules.

use heck::{
    ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase,
    ToUpperCamelCase,
};
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;

pub struct Container<'a> {
    pub input: &'a DeriveInput,
    pub attrs: ContainerAttrs,
    pub body: Body<'a>,
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// `#[serde(default)]` on the struct: every field may be absent.
    pub serde_default: bool,
}

pub enum Body<'a> {
    Struct(Vec<Field<'a>>),
    /// Each variant holds one value (validated) or none.
    Enum(Vec<Variant<'a>>),
}

pub struct Field<'a> {
    pub member: &'a Ident,
    /// The JSON name used in error paths.
    pub json: String,
    pub shape: Shape,
    pub attrs: FieldAttrs,
    pub ty: &'a Type,
    /// serde's attributes that change what the JSON holds.
    pub serde: SerdeField,
}

/// What serde's field attributes say about the field's place in the JSON.
#[derive(Default)]
pub struct SerdeField {
    /// `#[serde(default)]` or `#[serde(default = "...")]`.
    pub default: bool,
    /// `#[serde(skip)]` or `#[serde(skip_deserializing)]`.
    pub skipped: bool,
    /// `#[serde(flatten)]`.
    pub flatten: bool,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub holds_value: bool,
}

/// How a field holds its values, read from its type as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `T`: one value, always present.
    Plain,
    /// `Option<T>`.
    Option,
    /// `Vec<T>`.
    Vec,
    /// `Option<Vec<T>>`.
    OptionVec,
}

impl Shape {
    pub fn is_option(self) -> bool {
        matches!(self, Shape::Option | Shape::OptionVec)
    }

    pub fn is_list(self) -> bool {
        matches!(self, Shape::Vec | Shape::OptionVec)
    }
}

impl<'a> Container<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Container<'a>> {
        let attrs = attr::container_attrs(cx, &input.attrs);
        let body = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => {
                    let rename_all = attrs
                        .rename_all
                        .as_ref()
                        .map(syn::LitStr::value)
                        .or_else(|| serde_rename_all(&input.attrs));
                    Body::Struct(
                        named
                            .named
                            .iter()
                            .map(|field| {
                                let member = field.ident.as_ref().expect("named fields have names");
                                let attrs = attr::field_attrs(cx, &field.attrs);
                                let json = json_name(member, &attrs, &field.attrs, rename_all.as_deref());
                                let serde = SerdeField {
                                    default: serde_has(&field.attrs, "default"),
                                    skipped: serde_has(&field.attrs, "skip") || serde_has(&field.attrs, "skip_deserializing"),
                                    flatten: serde_has(&field.attrs, "flatten"),
                                };
                                Field { member, json, shape: shape(&field.ty), attrs, ty: &field.ty, serde }
                            })
                            .collect(),
                    )
                }
                _ => {
                    cx.error_spanned_by(&input.ident, "derive(Validate) needs a struct with named fields, or an enum");
                    return None;
                }
            },
            Data::Enum(data) => Body::Enum(
                data.variants
                    .iter()
                    .filter_map(|variant| {
                        for field in variant.fields.iter() {
                            if field.attrs.iter().any(|a| a.path().is_ident("pcr")) {
                                cx.error_spanned_by(field, "#[pcr(...)] rules go on the fields of a struct; a variant's value validates itself");
                            }
                        }
                        match &variant.fields {
                            Fields::Unit => Some(Variant { ident: &variant.ident, holds_value: false }),
                            Fields::Unnamed(f) if f.unnamed.len() == 1 => Some(Variant { ident: &variant.ident, holds_value: true }),
                            _ => {
                                cx.error_spanned_by(&variant.ident, "derive(Validate) on an enum needs variants holding one value, like `Extract(Extract)`, or none");
                                None
                            }
                        }
                    })
                    .collect(),
            ),
            Data::Union(_) => {
                cx.error_spanned_by(&input.ident, "derive(Validate) does not support unions");
                return None;
            }
        };
        Some(Container {
            input,
            attrs,
            body,
            deny_unknown_fields: serde_has(&input.attrs, "deny_unknown_fields"),
            serde_default: serde_has(&input.attrs, "default"),
        })
    }
}

/// `Option<T>`, `Vec<T>`, `Option<Vec<T>>` or `T`, by the last path segment
/// (so `::core::option::Option<T>` counts as well as `Option<T>`).
pub(crate) fn shape(ty: &Type) -> Shape {
    match wrapped(ty, "Option") {
        Some(inner) if wrapped(inner, "Vec").is_some() => Shape::OptionVec,
        Some(_) => Shape::Option,
        None if wrapped(ty, "Vec").is_some() => Shape::Vec,
        None => Shape::Plain,
    }
}

/// The `T` of `Name<T>`.
fn wrapped<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The name in JSON: `#[pcr(rename)]`, else serde's `rename`, else the field
/// name under `#[pcr(rename_all)]` or serde's `rename_all`.
fn json_name(
    member: &Ident,
    attrs: &FieldAttrs,
    field_attrs: &[syn::Attribute],
    rename_all: Option<&str>,
) -> String {
    if let Some(rename) = &attrs.rename {
        return rename.value();
    }
    if let Some(rename) = serde_string(field_attrs, "rename") {
        return rename;
    }
    let name = member.unraw().to_string();
    match rename_all {
        Some("camelCase") => name.to_lower_camel_case(),
        Some("PascalCase") => name.to_upper_camel_case(),
        Some("snake_case") => name.to_snake_case(),
        Some("SCREAMING_SNAKE_CASE") => name.to_shouty_snake_case(),
        Some("kebab-case") => name.to_kebab_case(),
        Some("SCREAMING-KEBAB-CASE") => name.to_shouty_kebab_case(),
        Some("lowercase") => name.to_lowercase(),
        Some("UPPERCASE") => name.to_uppercase(),
        _ => name,
    }
}

/// Whether `#[serde(key)]` or `#[serde(key = ...)]` is there.
fn serde_has(attrs: &[syn::Attribute], key: &str) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            found |= meta.path.is_ident(key);
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.input.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(())
        });
    }
    found
}

fn serde_rename_all(attrs: &[syn::Attribute]) -> Option<String> {
    serde_string(attrs, "rename_all")
}

/// The string value of `#[serde(key = "...")]`, ignoring every other serde
/// key (those are serde's to check).
fn serde_string(attrs: &[syn::Attribute], key: &str) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) && meta.input.peek(syn::Token![=]) {
                let value: syn::LitStr = meta.value()?.parse()?;
                found = Some(value.value());
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            } else if meta.input.peek(syn::token::Paren) {
                meta.input.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(())
        });
    }
    found
}
