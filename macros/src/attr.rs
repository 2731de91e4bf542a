//! Parses `#[pcr(...)]` attributes. Every mistake is recorded in the
//! [`Ctxt`] under the tokens that made it, and parsing goes on with the next
//! key, so one derive reports all of them.

use proc_macro2::TokenTree;
use syn::meta::ParseNestedMeta;
use syn::{Expr, ExprLit, Ident, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;
use crate::keys::{self, Derive, Key, Place, Reading};

/// One rule on a field, e.g. `required_if(field = t, equals = T::A, code = "D40")`.
pub struct Rule {
    pub kind: RuleKind,
    /// The rule's name as written, for spans and duplicate checks.
    pub name: Ident,
    pub code: Option<LitStr>,
}

pub enum RuleKind {
    // #[pcr(required(code = "..."))]
    Required,
    // #[pcr(optional)]
    Optional,
    // #[pcr(required_if(field = f, equals = VALUE, code = "..."))]
    RequiredIf {
        field: Ident,
        equals: Expr,
    },
    // #[pcr(absent_if(field = f, equals = VALUE, code = "..."))]
    AbsentIf {
        field: Ident,
        equals: Expr,
    },
    // #[pcr(allowed(values = [A, B], code = "..."))]
    Allowed {
        values: Vec<Expr>,
    },
    // #[pcr(min_items(min = 1, code = "..."))]
    MinItems {
        min: LitInt,
    },
    // #[pcr(range(min = 0, max = 9, code = "..."))] or decimal bounds as
    // strings: range(min = "0", max = "99.99", ...)
    Range {
        min: Option<Bound>,
        max: Option<Bound>,
    },
    // #[pcr(date_range(min = "2020-01-01", max = "today", code = "..."))]
    DateRange {
        min: Option<DateBound>,
        max: Option<DateBound>,
    },
    // #[pcr(fixed(value = true, code = "..."))]
    Fixed {
        value: Expr,
    },
    // #[pcr(non_blank(code = "..."))]
    NonBlank,
    // #[pcr(max_chars(max = 64, code = "..."))] or a `usize` constant:
    // max_chars(max = crate::STRING_MAX_CHARS, ...)
    MaxChars {
        max: Count,
    },
    // #[pcr(min_chars(min = 1, code = "..."))]
    MinChars {
        min: Count,
    },
    // #[pcr(max_items(max = 10, code = "..."))]
    MaxItems {
        max: LitInt,
    },
    // #[pcr(pattern(regex = "[A-Z]{2}", code = "..."))]
    Pattern {
        regex: LitStr,
    },
    // #[pcr(charset(set = crate::STRING_CHARSET, code = "..."))]
    Charset {
        set: syn::Path,
    },
    // #[pcr(id_code(type_field = f, personal_identity_code = A, business_id = B, code = "..."))]
    IdCode {
        type_field: Ident,
        personal_identity_code: Option<Expr>,
        business_id: Option<Expr>,
    },
    // #[pcr(stage(code = "..."))]
    Stage,
    // #[pcr(in_force(from = "2027-01-04", until = "2028-01-01", code = "..."))]:
    // the element's own days; #[pcr(in_force(code = "..."))]: the days of
    // the code the field holds (`StageRestricted::in_force`).
    InForce {
        from: Option<time::Date>,
        until: Option<time::Date>,
    },
    // #[pcr(nested)]
    Nested,
    // #[pcr(custom = path::to_fn)]: the function reports its own errors.
    Custom {
        function: syn::Path,
    },
    // #[pcr(skip)]: not validated, not even as a nested value.
    Skip,
}

impl RuleKind {
    /// Whether the rule reports an error, and so needs a `code`.
    pub fn can_fail(&self) -> bool {
        !matches!(
            self,
            RuleKind::Optional | RuleKind::Nested | RuleKind::Custom { .. } | RuleKind::Skip
        )
    }
}

/// A count of characters: a whole number, or the path of a `usize`
/// constant (the spec's `STRING_MAX_CHARS`), which the compiler checks.
#[derive(Clone)]
pub enum Count {
    Literal(LitInt),
    Constant(syn::Path),
}

impl quote::ToTokens for Count {
    fn to_tokens(&self, tokens: &mut proc_macro2::TokenStream) {
        match self {
            Count::Literal(lit) => lit.to_tokens(tokens),
            Count::Constant(path) => path.to_tokens(tokens),
        }
    }
}

/// A bound of `range`: a whole number, or a decimal written as a string.
#[derive(Clone)]
pub enum Bound {
    Int(LitInt),
    Decimal {
        lit: LitStr,
        value: rust_decimal::Decimal,
    },
}

impl Bound {
    /// The bound's value, for comparing bounds (`None` for a whole number
    /// too large to be a decimal, which the compiler refuses anyway).
    fn value(&self) -> Option<rust_decimal::Decimal> {
        match self {
            Bound::Int(lit) => lit.base10_digits().parse().ok(),
            Bound::Decimal { value, .. } => Some(*value),
        }
    }

    fn span(&self) -> proc_macro2::Span {
        match self {
            Bound::Int(lit) => lit.span(),
            Bound::Decimal { lit, .. } => lit.span(),
        }
    }
}

/// A bound of `date_range`: a day, or today moved by some days.
#[derive(Clone)]
pub enum DateBound {
    Fixed(time::Date),
    Today(i32),
}

impl DateBound {
    /// Whether this bound, as `min`, lies after `max` whatever today is.
    fn after(&self, max: &DateBound) -> bool {
        match (self, max) {
            (DateBound::Fixed(a), DateBound::Fixed(b)) => a > b,
            (DateBound::Today(a), DateBound::Today(b)) => a > b,
            _ => false,
        }
    }
}

/// The attributes of one field.
#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<LitStr>,
    pub rules: Vec<Rule>,
}

/// The attributes of the struct or enum.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `#[pcr(crate = "path")]`: where the runtime crate is.
    pub krate: Option<syn::Path>,
    /// `#[pcr(rename_all = "camelCase")]`: how field names become JSON names.
    pub rename_all: Option<LitStr>,
    /// `#[pcr(transparent)]`: the one field stands for the type, as serde's
    /// `transparent`: its errors are at the type's own path.
    pub transparent: bool,
    /// `#[pcr(custom = path::to_fn)]`: rules across fields, each a function
    /// `fn(&Self, &mut Report)`.
    pub custom: Vec<syn::Path>,
    /// `#[pcr(readings = path::TO_CONST)]`: the other nestings a response
    /// may follow, a `&'static [pcr_runtime::json::Reading]`.
    pub readings: Option<syn::Path>,
}

/// The case conventions `rename_all` takes, as serde names them.
pub const RENAME_ALL: &[&str] = &[
    "camelCase",
    "PascalCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "lowercase",
    "UPPERCASE",
];

/// Reads every `#[pcr(...)]` of `attrs` at `place` for `derive`: each key
/// that derive reads goes to `read`; another derive's key is left to it;
/// a key no derive reads is reported with the closest one. The one reader of
/// the three derives.
pub(crate) fn read_keys(
    cx: &Ctxt,
    attrs: &[syn::Attribute],
    place: Place,
    derive: Derive,
    mut read: impl FnMut(&'static Key, Ident, &ParseNestedMeta) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("pcr")) {
        let result = attr.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().cloned() else {
                let example = keys::names(place, derive)
                    .first()
                    .copied()
                    .unwrap_or("crate");
                let what = if place == Place::Field {
                    "a rule name"
                } else {
                    "a key"
                };
                cx.error_spanned_by(&meta.path, format!("expected {what}, e.g. `{example}`"));
                return skip_value(&meta);
            };
            match keys::reading(place, derive, &key.to_string()) {
                Reading::Own(known) => read(known, key, &meta),
                Reading::Other => skip_value(&meta),
                Reading::Unknown => {
                    keys::unknown(cx, &key, place, derive);
                    skip_value(&meta)
                }
            }
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
}

/// A key that takes no value (`nested`, `transparent`): one given is
/// reported and skipped.
pub(crate) fn flag(cx: &Ctxt, key: &Ident, meta: &ParseNestedMeta) -> syn::Result<()> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        cx.error_spanned_by(key, format!("`{key}` takes no arguments"));
        skip_value(meta)?;
    }
    Ok(())
}

/// `crate = "path"`: where `pcr-runtime` is, for all three derives.
pub(crate) fn crate_path(
    cx: &Ctxt,
    key: &Ident,
    meta: &ParseNestedMeta,
) -> syn::Result<Option<syn::Path>> {
    let Some(lit) = parse_value(cx, meta, key)?.and_then(|v| lit_str(cx, key, v)) else {
        return Ok(None);
    };
    match lit.parse::<syn::Path>() {
        Ok(path) => Ok(Some(path)),
        Err(_) => {
            cx.error_spanned_by(&lit, "expected a path, e.g. \"::pcr_runtime\"");
            Ok(None)
        }
    }
}

pub fn field_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    read_keys(
        cx,
        attrs,
        Place::Field,
        Derive::Validate,
        |known, key, meta| {
            match known.name {
            "rename" => {
                let value = parse_value(cx, meta, &key)?;
                if let Some(lit) = value.and_then(|v| lit_str(cx, &key, v)) {
                    if out.rename.is_some() {
                        cx.error_spanned_by(&key, "duplicate `rename`");
                    }
                    out.rename = Some(lit);
                }
            }
            "custom" => match parse_value(cx, meta, &key)? {
                Some(Expr::Path(path)) if path.qself.is_none() => out.rules.push(Rule {
                    kind: RuleKind::Custom { function: path.path },
                    name: key,
                    code: None,
                }),
                Some(other) => cx.error_spanned_by(
                    &other,
                    "`custom` takes the path of a function `fn(&FieldType, &mut Report)`, e.g. `custom = checks::amount`",
                ),
                None => {}
            },
            "optional" | "nested" | "skip" => {
                flag(cx, &key, meta)?;
                let kind = match known.name {
                    "optional" => RuleKind::Optional,
                    "nested" => RuleKind::Nested,
                    _ => RuleKind::Skip,
                };
                out.rules.push(Rule {
                    kind,
                    name: key,
                    code: None,
                });
            }
            _ => {
                if let Some(rule) = rule(cx, meta, key, known.args)? {
                    out.rules.push(rule);
                }
            }
        }
            Ok(())
        },
    );
    out
}

pub fn container_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    read_keys(
        cx,
        attrs,
        Place::Type,
        Derive::Validate,
        |known, key, meta| {
            match known.name {
            "crate" => {
                if let Some(path) = crate_path(cx, &key, meta)? {
                    out.krate = Some(path);
                }
            }
            "transparent" => {
                flag(cx, &key, meta)?;
                out.transparent = true;
            }
            "custom" => match parse_value(cx, meta, &key)? {
                Some(Expr::Path(path)) if path.qself.is_none() => out.custom.push(path.path),
                Some(other) => cx.error_spanned_by(
                    &other,
                    "`custom` takes the path of a function `fn(&Self, &mut Report)`, e.g. `custom = checks::dates_in_order`",
                ),
                None => {}
            },
            "readings" => match parse_value(cx, meta, &key)? {
                Some(Expr::Path(path)) if path.qself.is_none() => {
                    if out.readings.is_some() {
                        cx.error_spanned_by(&path, "`readings` is given twice; list every reading in one constant");
                    } else {
                        out.readings = Some(path.path);
                    }
                }
                Some(other) => cx.error_spanned_by(
                    &other,
                    "`readings` takes the path of a constant `&[pcr_runtime::json::Reading]`, e.g. `readings = READINGS`",
                ),
                None => {}
            },
            "rename_all" => {
                if let Some(lit) = parse_value(cx, meta, &key)?.and_then(|v| lit_str(cx, &key, v)) {
                    if RENAME_ALL.contains(&lit.value().as_str()) {
                        out.rename_all = Some(lit);
                    } else {
                        cx.error_spanned_by(&lit, format!("unknown case convention; use one of: {}", RENAME_ALL.join(", ")));
                    }
                }
            }
            _ => unreachable!("every key of this derive is read above"),
        }
            Ok(())
        },
    );
    out
}

/// Parses the arguments of a rule, `name(arg = value, ...)`.
fn rule(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: Ident,
    expected_args: &[&'static str],
) -> syn::Result<Option<Rule>> {
    let kind_name = name.to_string();
    if !meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(
            &name,
            format!(
                "`{name}` needs its arguments: `{name}({})`",
                expected_args
                    .iter()
                    .map(|a| format!("{a} = ..."))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return skip_value(meta).map(|_| None);
    }
    let mut args: Vec<(Ident, Expr)> = Vec::new();
    // Arguments that a misspelt one was taken for: not reported missing too.
    let mut guessed: Vec<&str> = Vec::new();
    meta.parse_nested_meta(|arg| {
        let Some(key) = arg.path.get_ident().cloned() else {
            cx.error_spanned_by(&arg.path, "expected an argument name");
            return skip_value(&arg);
        };
        if !expected_args.contains(&key.to_string().as_str()) {
            let mut message = format!("unknown argument `{key}` of `{name}`");
            if let Some(near) = keys::closest(&key.to_string(), expected_args) {
                message.push_str(&format!("; did you mean `{near}`?"));
                guessed.push(near);
            } else {
                message.push_str(&format!(
                    "; its arguments are: {}",
                    expected_args.join(", ")
                ));
            }
            cx.error_spanned_by(&key, message);
            return skip_value(&arg);
        }
        if args.iter().any(|(k, _)| *k == key) {
            cx.error_spanned_by(&key, format!("duplicate argument `{key}`"));
            return skip_value(&arg);
        }
        if let Some(value) = parse_value(cx, &arg, &key)? {
            args.push((key, value));
        }
        Ok(())
    })?;

    let mut take = |arg: &str| {
        args.iter()
            .position(|(k, _)| k == arg)
            .map(|i| args.remove(i))
    };
    let code_arg = take("code");
    let code_given = code_arg.is_some();
    let code = code_arg.and_then(|(key, value)| lit_str(cx, &key, value));
    let missing = |arg: &str| {
        if !guessed.contains(&arg) {
            cx.error_spanned_by(&name, format!("`{name}` needs `{arg} = ...`"));
        }
    };

    let kind = match kind_name.as_str() {
        "required" => Some(RuleKind::Required),
        "stage" => Some(RuleKind::Stage),
        "in_force" => {
            let from = take("from").and_then(|(key, value)| day(cx, &key, value));
            let until = take("until").and_then(|(key, value)| day(cx, &key, value));
            let (from, until) = days_in_order(cx, from, until, "the element");
            Some(RuleKind::InForce { from, until })
        }
        "non_blank" => Some(RuleKind::NonBlank),
        "required_if" | "absent_if" => {
            let field_arg = take("field");
            let field_given = field_arg.is_some();
            let field = field_arg.and_then(|(k, v)| ident(cx, &k, v));
            let equals = take("equals").map(|(_, v)| v);
            if !field_given {
                missing("field");
            }
            if equals.is_none() {
                missing("equals");
            }
            match (field, equals) {
                (Some(field), Some(equals)) if kind_name == "absent_if" => {
                    Some(RuleKind::AbsentIf { field, equals })
                }
                (Some(field), Some(equals)) => Some(RuleKind::RequiredIf { field, equals }),
                _ => None,
            }
        }
        "allowed" => match take("values") {
            Some((key, Expr::Array(array))) => {
                if array.elems.is_empty() {
                    cx.error_spanned_by(&key, "`values` lists no value");
                }
                Some(RuleKind::Allowed {
                    values: array.elems.into_iter().collect(),
                })
            }
            Some((key, other)) => {
                cx.error_spanned_by(
                    &other,
                    format!("`{key}` takes a list, e.g. `values = [A::X, A::Y]`"),
                );
                None
            }
            None => {
                missing("values");
                None
            }
        },
        "min_items" | "max_items" | "min_chars" | "max_chars" => {
            let arg = if kind_name.starts_with("min") {
                "min"
            } else {
                "max"
            };
            match take(arg) {
                Some((_, Expr::Path(path)))
                    if kind_name.ends_with("_chars") && path.qself.is_none() =>
                {
                    let count = Count::Constant(path.path);
                    Some(match kind_name.as_str() {
                        "min_chars" => RuleKind::MinChars { min: count },
                        _ => RuleKind::MaxChars { max: count },
                    })
                }
                Some((key, value)) => lit_int(cx, &key, value).map(|n| match kind_name.as_str() {
                    "min_items" => RuleKind::MinItems { min: n },
                    "max_items" => RuleKind::MaxItems { max: n },
                    "min_chars" => RuleKind::MinChars {
                        min: Count::Literal(n),
                    },
                    _ => RuleKind::MaxChars {
                        max: Count::Literal(n),
                    },
                }),
                None => {
                    missing(arg);
                    None
                }
            }
        }
        "range" => bounds(cx, &name, &mut take, bound).map(|(min, max)| {
            if let (Some(lo), Some(hi)) = (&min, &max) {
                if let (Some(l), Some(h)) = (lo.value(), hi.value()) {
                    if l > h {
                        cx.syn_error(syn::Error::new(
                            hi.span(),
                            format!("`max` ({h}) is below `min` ({l}): no value keeps this range"),
                        ));
                    }
                }
            }
            RuleKind::Range { min, max }
        }),
        "date_range" => bounds(cx, &name, &mut take, date_bound).map(|(min, max)| {
            if let (Some(lo), Some(hi)) = (&min, &max) {
                if lo.after(hi) {
                    cx.error_spanned_by(&name, "`max` is before `min`: no day keeps this range");
                }
            }
            RuleKind::DateRange { min, max }
        }),
        "pattern" => match take("regex") {
            Some((key, value)) => lit_str(cx, &key, value).and_then(|regex| {
                match regex_syntax::Parser::new().parse(&regex.value()) {
                    Ok(_) => Some(RuleKind::Pattern { regex }),
                    Err(error) => {
                        let text = error.to_string();
                        let last = text.lines().last().unwrap_or("").trim();
                        let last = last.strip_prefix("error: ").unwrap_or(last).to_string();
                        cx.error_spanned_by(&regex, format!("not a regular expression: {last}"));
                        None
                    }
                }
            }),
            None => {
                missing("regex");
                None
            }
        },
        "fixed" => match take("value") {
            Some((_, value)) => Some(RuleKind::Fixed { value }),
            None => {
                missing("value");
                None
            }
        },
        "charset" => match take("set") {
            Some((_, Expr::Path(path))) => Some(RuleKind::Charset { set: path.path }),
            Some((key, other)) => {
                cx.error_spanned_by(&other, format!("`{key}` takes the path of a `CharSet` constant, e.g. `pcr_models::STRING_CHARSET`"));
                None
            }
            None => {
                missing("set");
                None
            }
        },
        "id_code" => {
            let type_field_arg = take("type_field");
            let type_field_given = type_field_arg.is_some();
            let type_field = type_field_arg.and_then(|(k, v)| ident(cx, &k, v));
            let personal_identity_code = take("personal_identity_code").map(|(_, v)| v);
            let business_id = take("business_id").map(|(_, v)| v);
            if personal_identity_code.is_none() && business_id.is_none() {
                cx.error_spanned_by(&name, "`id_code` needs `personal_identity_code = ...`, `business_id = ...` or both: the type codes that choose each format");
            }
            match type_field {
                Some(type_field) => Some(RuleKind::IdCode {
                    type_field,
                    personal_identity_code,
                    business_id,
                }),
                None => {
                    if !type_field_given {
                        missing("type_field");
                    }
                    None
                }
            }
        }
        _ => unreachable!("called for rules only"),
    };
    let Some(kind) = kind else { return Ok(None) };
    if kind.can_fail() && !code_given && !guessed.contains(&"code") {
        cx.error_spanned_by(&name, format!("`{name}` needs `code = \"...\"`: the error code it reports, e.g. \"D40\" or \"PCR-REQUIRED\""));
    }
    Ok(Some(Rule { kind, name, code }))
}

/// `key = value`, as an expression; `None` after recording a missing `=`.
pub(crate) fn parse_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<Expr>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(key, format!("expected `{key} = ...`"));
        skip_value(meta)?;
        return Ok(None);
    }
    let value: Expr = meta.value()?.parse()?;
    Ok(Some(value))
}

/// Skips whatever follows a key (`= value` or `(...)`), so parsing can go on.
pub(crate) fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

pub(crate) fn lit_str(cx: &Ctxt, key: &Ident, value: Expr) -> Option<LitStr> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit),
        other => {
            cx.error_spanned_by(
                &other,
                format!("`{key}` takes a string literal, e.g. `{key} = \"...\"`"),
            );
            None
        }
    }
}

fn lit_int(cx: &Ctxt, key: &Ident, value: Expr) -> Option<LitInt> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => Some(lit),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match *expr {
            Expr::Lit(ExprLit {
                lit: Lit::Int(lit), ..
            }) => Some(LitInt::new(
                &format!("-{}", lit.base10_digits()),
                lit.span(),
            )),
            other => {
                cx.error_spanned_by(&other, format!("`{key}` takes a whole number"));
                None
            }
        },
        other => {
            cx.error_spanned_by(
                &other,
                format!("`{key}` takes a whole number, e.g. `{key} = 1`"),
            );
            None
        }
    }
}

/// The `min` and `max` of `range` or `date_range`, each read by `parse`;
/// `None` (after reporting why) when neither is given or neither reads.
fn bounds<T>(
    cx: &Ctxt,
    name: &Ident,
    take: &mut impl FnMut(&str) -> Option<(Ident, Expr)>,
    parse: fn(&Ctxt, &Ident, Expr) -> Option<T>,
) -> Option<(Option<T>, Option<T>)> {
    let (min, max) = (take("min"), take("max"));
    if min.is_none() && max.is_none() {
        cx.error_spanned_by(
            name,
            format!("`{name}` needs `min = ...`, `max = ...` or both"),
        );
        return None;
    }
    let min = min.and_then(|(k, v)| parse(cx, &k, v));
    let max = max.and_then(|(k, v)| parse(cx, &k, v));
    (min.is_some() || max.is_some()).then_some((min, max))
}

/// A `range` bound: a whole number, or a decimal in a string (`"99.99"`),
/// read exactly as `rust_decimal` reads one.
fn bound(cx: &Ctxt, key: &Ident, value: Expr) -> Option<Bound> {
    match value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => match rust_decimal::Decimal::from_str_exact(&lit.value()) {
            Ok(value) => Some(Bound::Decimal { lit, value }),
            Err(_) => {
                cx.error_spanned_by(
                    &lit,
                    format!("`{key}` in a string is a decimal number, e.g. \"99.99\" or \"-0.5\", of at most 28 digits"),
                );
                None
            }
        },
        other => lit_int(cx, key, other).map(Bound::Int),
    }
}

/// A `date_range` bound: `"2024-01-31"`, `"today"`, `"today+30"` or
/// `"today-30"` (days).
fn date_bound(cx: &Ctxt, key: &Ident, value: Expr) -> Option<DateBound> {
    let lit = lit_str(cx, key, value)?;
    let text = lit.value();
    let parsed = match text.strip_prefix("today") {
        Some("") => Some(DateBound::Today(0)),
        Some(offset) if offset.starts_with(['+', '-']) => offset
            .parse::<i32>()
            .ok()
            .filter(|d| d.abs() <= 3_660_000)
            .map(DateBound::Today),
        Some(_) => None,
        None => calendar_day(&text).map(DateBound::Fixed),
    };
    if parsed.is_none() {
        cx.error_spanned_by(
            &lit,
            format!("`{key}` takes a day of the calendar as \"YYYY-MM-DD\", or \"today\", \"today+N\" or \"today-N\" (days)"),
        );
    }
    parsed
}

/// A day written `"YYYY-MM-DD"` (`from`, `until`), or `None` after saying
/// why, under the value.
pub(crate) fn day(cx: &Ctxt, key: &Ident, value: Expr) -> Option<(LitStr, time::Date)> {
    let lit = lit_str(cx, key, value)?;
    match calendar_day(&lit.value()) {
        Some(day) => Some((lit, day)),
        None => {
            cx.error_spanned_by(
                &lit,
                format!("`{key}` takes a day of the calendar as \"YYYY-MM-DD\""),
            );
            None
        }
    }
}

/// The days of `from` and `until`, refusing (under `until`) an `until`
/// that does not come after `from`: `what` would be in force on no day.
pub(crate) fn days_in_order(
    cx: &Ctxt,
    from: Option<(LitStr, time::Date)>,
    until: Option<(LitStr, time::Date)>,
    what: &str,
) -> (Option<time::Date>, Option<time::Date>) {
    if let (Some((_, from)), Some((lit, until))) = (&from, &until) {
        if until <= from {
            cx.error_spanned_by(
                lit,
                format!("`until` is not after `from`: {what} would be in force on no day"),
            );
        }
    }
    (from.map(|(_, d)| d), until.map(|(_, d)| d))
}

/// `YYYY-MM-DD`, if that day exists.
fn calendar_day(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year repr:full sign:automatic]-[month]-[day]");
    text.len()
        .eq(&10)
        .then(|| time::Date::parse(text, &format).ok())
        .flatten()
}

fn ident(cx: &Ctxt, key: &Ident, value: Expr) -> Option<Ident> {
    match &value {
        Expr::Path(path) if path.qself.is_none() => {
            if let Some(ident) = path.path.get_ident() {
                return Some(ident.clone());
            }
        }
        _ => {}
    }
    cx.error_spanned_by(
        &value,
        format!("`{key}` takes the name of a field of this struct, e.g. `{key} = id_code_type`"),
    );
    None
}
