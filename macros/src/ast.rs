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
    /// How serde writes an enum's variants (`tag`, `content`, `untagged`).
    pub tagging: Tagging,
}

/// serde's representation of an enum, which decides whether a variant's
/// name is a step of the path.
pub enum Tagging {
    /// `{"Variant": value}`: the default.
    External,
    /// `#[serde(tag = "t")]`: the value's members beside the tag.
    Internal,
    /// `#[serde(tag = "t", content = "c")]`: the value under `c`.
    Adjacent { content: String },
    /// `#[serde(untagged)]`: the value alone.
    Untagged,
}

pub enum Body<'a> {
    /// A struct with named fields, a tuple struct, or a newtype.
    Struct(Vec<Field<'a>>),
    /// Each variant holds one value (validated) or none.
    Enum(Vec<Variant<'a>>),
}

pub struct Field<'a> {
    /// `self.<member>`: a name, or an index in a tuple struct.
    pub member: syn::Member,
    /// The field's name, for rules that name a sibling; none in a tuple.
    pub ident: Option<&'a Ident>,
    /// How the path steps into the field.
    pub step: Step,
    pub shape: Shape,
    pub attrs: FieldAttrs,
    pub ty: &'a Type,
    /// serde's attributes that change what the JSON holds.
    pub serde: SerdeField,
}

/// How the path steps into a field.
#[derive(Clone, PartialEq, Eq)]
pub enum Step {
    /// Into the JSON member of this name.
    Member(String),
    /// Into this index of a JSON array: a field of a tuple struct.
    Index(usize),
    /// Nowhere: a newtype, a `transparent` type or a `flatten`ed field,
    /// whose values are at the type's own path.
    Stay,
}

impl Field<'_> {
    /// Whether this is the field named `name`.
    pub fn is(&self, name: &Ident) -> bool {
        self.ident == Some(name)
    }

    /// The field as written: `id_code`, or `0` in a tuple struct.
    pub fn name(&self) -> String {
        match &self.member {
            syn::Member::Named(ident) => ident.unraw().to_string(),
            syn::Member::Unnamed(index) => index.index.to_string(),
        }
    }

    /// The JSON name when the field is a member, else the field's name.
    pub fn json_name(&self) -> String {
        match &self.step {
            Step::Member(json) => json.clone(),
            _ => self.name(),
        }
    }
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
    /// The variant's name in JSON (serde's `rename`, `rename_all`).
    pub json: String,
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
        let serde_rename_all = serde_string(&input.attrs, "rename_all");
        if let (Some(ours), Some(serde)) = (&attrs.rename_all, &serde_rename_all) {
            if ours.value() != *serde {
                cx.error_spanned_by(
                    ours,
                    format!("`rename_all = \"{}\"` contradicts serde's `rename_all = \"{serde}\"`: the paths would name members the JSON does not have; remove this one (serde's is read)", ours.value()),
                );
            }
        }
        let rename_all = attrs
            .rename_all
            .as_ref()
            .map(syn::LitStr::value)
            .or(serde_rename_all);
        let transparent = attrs.transparent || serde_has(&input.attrs, "transparent");
        let body = match &input.data {
            Data::Struct(data) => {
                let fields: Vec<&syn::Field> = data.fields.iter().collect();
                let tuple = matches!(data.fields, Fields::Unnamed(_));
                if matches!(data.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &input.ident,
                        "derive(Validate) needs a struct with fields, or an enum",
                    );
                    return None;
                }
                if transparent && fields.len() != 1 {
                    cx.error_spanned_by(
                        &input.ident,
                        "`transparent` needs a struct with exactly one field",
                    );
                }
                if let Some(readings) = &attrs.readings {
                    if tuple || transparent {
                        cx.error_spanned_by(
                            readings,
                            "`readings` needs a struct with named fields: a reading moves members of a JSON object",
                        );
                    }
                }
                Body::Struct(
                    fields
                        .iter()
                        .enumerate()
                        .map(|(index, field)| {
                            let attrs = attr::field_attrs(cx, &field.attrs);
                            let serde = SerdeField {
                                default: serde_has(&field.attrs, "default"),
                                skipped: serde_has(&field.attrs, "skip")
                                    || serde_has(&field.attrs, "skip_deserializing"),
                                flatten: serde_has(&field.attrs, "flatten"),
                            };
                            let (member, ident) = match &field.ident {
                                Some(ident) => (syn::Member::Named(ident.clone()), Some(ident)),
                                None => (syn::Member::Unnamed(syn::Index::from(index)), None),
                            };
                            let step =
                                if transparent || serde.flatten || (tuple && fields.len() == 1) {
                                    Step::Stay
                                } else if let Some(ident) = ident {
                                    Step::Member(json_name(
                                        cx,
                                        ident,
                                        &attrs,
                                        &field.attrs,
                                        rename_all.as_deref(),
                                    ))
                                } else {
                                    Step::Index(index)
                                };
                            Field {
                                member,
                                ident,
                                step,
                                shape: shape(&field.ty),
                                attrs,
                                ty: &field.ty,
                                serde,
                            }
                        })
                        .collect(),
                )
            }
            Data::Enum(data) => Body::Enum({
                if attrs.transparent {
                    cx.error_spanned_by(
                        &input.ident,
                        "`transparent` needs a struct with exactly one field, not an enum",
                    );
                }
                if let Some(readings) = &attrs.readings {
                    cx.error_spanned_by(
                        readings,
                        "`readings` needs a struct with named fields, not an enum: put it on each message the enum holds",
                    );
                }
                data.variants
                    .iter()
                    .filter_map(|variant| {
                        // #[derive(Codeset)]'s keys on a variant are that derive's.
                        let codeset_only = |attr: &syn::Attribute| {
                            let mut only = true;
                            let _ = attr.parse_nested_meta(|meta| {
                                only &= ["code", "label", "not_allowed_in"].iter().any(|k| meta.path.is_ident(k));
                                if meta.input.peek(syn::Token![=]) {
                                    meta.value()?.parse::<syn::Expr>()?;
                                } else if meta.input.peek(syn::token::Paren) {
                                    meta.input.parse::<proc_macro2::TokenTree>()?;
                                }
                                Ok(())
                            });
                            only
                        };
                        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("pcr") && !codeset_only(a)) {
                            cx.error_spanned_by(attr, "#[pcr(...)] has nothing to say on a variant: a variant's name in paths is serde's (`#[serde(rename = \"...\")]`), and its value validates itself");
                        }
                        for field in variant.fields.iter() {
                            if field.attrs.iter().any(|a| a.path().is_ident("pcr")) {
                                cx.error_spanned_by(field, "#[pcr(...)] rules go on the fields of a struct; a variant's value validates itself");
                            }
                        }
                        let json = serde_string(&variant.attrs, "rename")
                            .unwrap_or_else(|| convert_case(&variant.ident.unraw().to_string(), rename_all.as_deref()));
                        match &variant.fields {
                            Fields::Unit => Some(Variant { ident: &variant.ident, holds_value: false, json }),
                            Fields::Unnamed(f) if f.unnamed.len() == 1 => Some(Variant { ident: &variant.ident, holds_value: true, json }),
                            _ => {
                                cx.error_spanned_by(&variant.ident, "derive(Validate) on an enum needs variants holding one value, like `Extract(Extract)`, or none");
                                None
                            }
                        }
                    })
                    .collect()
            }),
            Data::Union(_) => {
                cx.error_spanned_by(&input.ident, "derive(Validate) does not support unions");
                return None;
            }
        };
        let tagging = if serde_has(&input.attrs, "untagged") {
            Tagging::Untagged
        } else {
            match (
                serde_string(&input.attrs, "tag"),
                serde_string(&input.attrs, "content"),
            ) {
                (Some(_), Some(content)) => Tagging::Adjacent { content },
                (Some(_), None) => Tagging::Internal,
                _ => Tagging::External,
            }
        };
        Some(Container {
            input,
            attrs,
            body,
            deny_unknown_fields: serde_has(&input.attrs, "deny_unknown_fields"),
            serde_default: serde_has(&input.attrs, "default"),
            tagging,
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

/// The name in JSON: `#[pcr(rename)]`, else serde's `rename` (its
/// `deserialize` name when it has two), else the field name under
/// `#[pcr(rename_all)]` or serde's `rename_all`. A `pcr(rename)` that
/// contradicts serde's is an error.
fn json_name(
    cx: &Ctxt,
    member: &Ident,
    attrs: &FieldAttrs,
    field_attrs: &[syn::Attribute],
    rename_all: Option<&str>,
) -> String {
    let serde = serde_string(field_attrs, "rename");
    if let Some(rename) = &attrs.rename {
        if let Some(serde) = serde.as_ref().filter(|s| **s != rename.value()) {
            cx.error_spanned_by(
                rename,
                format!("`rename = \"{}\"` contradicts serde's `rename = \"{serde}\"`: remove this one (serde's is read)", rename.value()),
            );
        }
        return rename.value();
    }
    if let Some(rename) = serde {
        return rename;
    }
    convert_case(&member.unraw().to_string(), rename_all)
}

/// `name` under a serde case convention.
fn convert_case(name: &str, rename_all: Option<&str>) -> String {
    let name = name.to_string();
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

/// The string value of `#[serde(key = "...")]`, or the `deserialize` one
/// of `#[serde(key(serialize = "...", deserialize = "..."))]` (what is read
/// is what is validated), ignoring every other serde key (those are
/// serde's to check).
fn serde_string(attrs: &[syn::Attribute], key: &str) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) && meta.input.peek(syn::Token![=]) {
                let value: syn::LitStr = meta.value()?.parse()?;
                found = Some(value.value());
            } else if meta.path.is_ident(key) && meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("deserialize") {
                        let value: syn::LitStr = inner.value()?.parse()?;
                        found = Some(value.value());
                    } else if inner.input.peek(syn::Token![=]) {
                        inner.value()?.parse::<syn::Expr>()?;
                    }
                    Ok(())
                })?;
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
