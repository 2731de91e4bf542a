//! Reads `#[derive(Disclose)]`'s keys, on the type and on fields.

use syn::spanned::Spanned;
use syn::{parse_quote, DeriveInput, Expr, Ident};

use super::{Condition, DateRef, Field, Parties, Rule};
use crate::attr::{crate_path, parse_value, read_keys, skip_value};
use crate::ctxt::Ctxt;
use crate::keys::{self, Derive, Place};

/// What the type's `#[pcr(...)]` says: where the runtime is, the wire type,
/// and the flags that put a loan in a payment plan.
pub(super) struct Container {
    pub krate: syn::Path,
    pub into: Option<syn::Path>,
    pub flags: Vec<Vec<Ident>>,
}

pub(super) fn container(cx: &Ctxt, input: &DeriveInput) -> Container {
    let mut krate: syn::Path = parse_quote!(::pcr_runtime);
    let mut into: Option<syn::Path> = None;
    let mut flags: Vec<Vec<Ident>> = Vec::new();
    read_keys(
        cx,
        &input.attrs,
        Place::Type,
        Derive::Disclose,
        |known, key, meta| {
            if known.name == "crate" {
                if let Some(path) = crate_path(cx, &key, meta)? {
                    krate = path;
                }
                return Ok(());
            }
            meta.parse_nested_meta(|arg| {
            let key = arg.path.get_ident().cloned().unwrap_or_else(|| Ident::new("key", arg.path.span()));
            match key.to_string().as_str() {
                "into" => match parse_value(cx, &arg, &key)? {
                    Some(Expr::Path(path)) => into = Some(path.path),
                    Some(other) => cx.error_spanned_by(other, "`into` takes the path of the wire type"),
                    None => {}
                },
                "payment_plan_if_any" => match parse_value(cx, &arg, &key)? {
                    Some(Expr::Array(array)) => {
                        for path in array.elems {
                            match field_path(&path) {
                                Some(path) if path.len() <= 2 => flags.push(path),
                                _ => cx.error_spanned_by(&path, "a flag is a field, or a field of a group field: `payment_plan.is_in_debt_arrangement`"),
                            }
                        }
                    }
                    Some(other) => cx.error_spanned_by(other, "`payment_plan_if_any` takes a list of flag fields"),
                    None => {}
                },
                other => {
                    let hint = keys::closest(other, known.args)
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_else(|| format!("; its arguments are: {}", known.args.join(", ")));
                    cx.error_spanned_by(&key, format!("unknown argument `{other}` of `disclose`{hint}"));
                    skip_value(&arg)?;
                }
            }
            Ok(())
        })
        },
    );
    Container { krate, into, flags }
}

/// `a` or `a.b` as identifiers.
pub(super) fn field_path(expr: &Expr) -> Option<Vec<Ident>> {
    match expr {
        Expr::Path(p) => p.path.get_ident().map(|i| vec![i.clone()]),
        Expr::Field(f) => {
            let mut base = field_path(&f.base)?;
            match &f.member {
                syn::Member::Named(name) => base.push(name.clone()),
                syn::Member::Unnamed(_) => return None,
            }
            Some(base)
        }
        _ => None,
    }
}

pub(super) fn field<'a>(cx: &Ctxt, field: &'a syn::Field) -> Field<'a> {
    let mut out = Field {
        member: field.ident.as_ref().expect("named"),
        shape: crate::ast::shape(&field.ty),
        nested: false,
        register_side: false,
        parties: None,
        rules: Vec::new(),
    };
    read_keys(
        cx,
        &field.attrs,
        Place::Field,
        Derive::Disclose,
        |known, key, meta| {
            let name = known.name;
            match name {
                "nested" => out.nested = true,
                "parties" => {
                    let mut roles: [Option<Ident>; 4] = Default::default();
                    // id_code, original, added, removed
                    let roles_named = known.args;
                    meta.parse_nested_meta(|arg| {
                    let role = arg.path.get_ident().map(Ident::to_string).unwrap_or_default();
                    let value = parse_value(cx, &arg, &key)?;
                    match (roles_named.iter().position(|r| *r == role), value) {
                        (Some(at), Some(Expr::Path(p))) if p.path.get_ident().is_some() => {
                            roles[at] = p.path.get_ident().cloned();
                        }
                        (_, Some(_)) => cx.error_spanned_by(
                            &arg.path,
                            "`parties` takes `id_code = FIELD, original = FIELD, added = FIELD, removed = FIELD`: the fields of each party",
                        ),
                        (_, None) => {}
                    }
                    Ok(())
                })?;
                    match roles {
                    [Some(id_code), Some(original), Some(added), Some(removed)] => {
                        out.parties = Some(Parties { key, id_code, original, added, removed })
                    }
                    _ => cx.error_spanned_by(
                        &key,
                        "`parties` needs `id_code`, `original`, `added` and `removed`: the fields of each party",
                    ),
                }
                }
                "register_side" => out.register_side = true,
                "withheld_in_payment_plan" => out.rules.push((key, Rule::InPaymentPlan)),
                "withheld_before_added"
                | "withheld_unless_after_added"
                | "returned_within_years" => {
                    let mut date = None;
                    let mut years = None;
                    meta.parse_nested_meta(|arg| {
                        let arg_key = arg
                            .path
                            .get_ident()
                            .map(Ident::to_string)
                            .unwrap_or_default();
                        let value = parse_value(cx, &arg, &key)?;
                        match (arg_key.as_str(), value) {
                            ("date", Some(Expr::Path(p))) if p.path.is_ident("self") => {
                                date = Some(DateRef::ItSelf)
                            }
                            ("date", Some(Expr::Path(p))) if p.path.get_ident().is_some() => {
                                date = Some(DateRef::Sibling(
                                    p.path.get_ident().cloned().expect("checked"),
                                ))
                            }
                            ("item_date", Some(Expr::Path(p))) if p.path.get_ident().is_some() => {
                                date = Some(DateRef::Item(
                                    p.path.get_ident().cloned().expect("checked"),
                                ))
                            }
                            (
                                "years",
                                Some(Expr::Lit(syn::ExprLit {
                                    lit: syn::Lit::Int(n),
                                    ..
                                })),
                            ) if name == "returned_within_years" => years = Some(n),
                            (_, Some(_)) => cx.error_spanned_by(
                                &arg.path,
                                format!(
                                    "`{name}` takes `date = self | FIELD` or `item_date = FIELD`{}",
                                    if name == "returned_within_years" {
                                        " and `years = N`"
                                    } else {
                                        ""
                                    }
                                ),
                            ),
                            (_, None) => {}
                        }
                        Ok(())
                    })?;
                    match (name, date, years) {
                        ("returned_within_years", Some(date), Some(years)) => {
                            out.rules.push((key, Rule::WithinYears(date, years)))
                        }
                        ("returned_within_years", _, _) => cx.error_spanned_by(
                            &key,
                            "`returned_within_years` needs a date and `years = N`",
                        ),
                        ("withheld_before_added", Some(date), _) => {
                            out.rules.push((key, Rule::BeforeAdded(date)))
                        }
                        (_, Some(date), _) => out.rules.push((key, Rule::UnlessAfterAdded(date))),
                        (_, None, _) => cx.error_spanned_by(
                            &key,
                            format!("`{name}` needs `date = self | FIELD` or `item_date = FIELD`"),
                        ),
                    }
                }
                "returned_if" => {
                    let mut field = None;
                    let mut condition = None;
                    meta.parse_nested_meta(|arg| {
                    let arg_key = arg.path.get_ident().map(Ident::to_string).unwrap_or_default();
                    let value = parse_value(cx, &arg, &key)?;
                    match (arg_key.as_str(), value) {
                        ("field", Some(path)) if field_path(&path).is_some_and(|p| p.len() <= 2) => {
                            field = field_path(&path)
                        }
                        ("equals", Some(value)) => condition = Some(Condition::Equals(value)),
                        ("in", Some(Expr::Array(a))) => condition = Some(Condition::In(a.elems.into_iter().collect())),
                        ("not_in", Some(Expr::Array(a))) => condition = Some(Condition::NotIn(a.elems.into_iter().collect())),
                        (_, Some(_)) => cx.error_spanned_by(&arg.path, "`returned_if` takes `field = FIELD` and one of `equals = VALUE`, `in = [..]`, `not_in = [..]`"),
                        (_, None) => {}
                    }
                    Ok(())
                })?;
                    match (field, condition) {
                        (Some(field), Some(condition)) => {
                            out.rules.push((key, Rule::ReturnedIf(field, condition)))
                        }
                        _ => cx.error_spanned_by(
                            &key,
                            "`returned_if` needs `field = FIELD` and `equals`, `in` or `not_in`",
                        ),
                    }
                }
                "returned_between" if !meta.input.peek(syn::token::Paren) => {
                    cx.error_spanned_by(&key, "`returned_between` needs `from = \"YYYY-MM-DD\"`, `until = \"YYYY-MM-DD\"` or both");
                    skip_value(meta)?;
                }
                "returned_between" => {
                    let (mut from, mut until, mut named) = (None, None, false);
                    meta.parse_nested_meta(|arg| {
                    let arg_key = arg.path.get_ident().cloned().unwrap_or_else(|| key.clone());
                    let value = parse_value(cx, &arg, &arg_key)?;
                    named |= arg_key == "from" || arg_key == "until";
                    match (arg_key.to_string().as_str(), value) {
                        ("from", Some(value)) => from = crate::attr::day(cx, &arg_key, value),
                        ("until", Some(value)) => until = crate::attr::day(cx, &arg_key, value),
                        (_, Some(_)) => cx.error_spanned_by(
                            &arg.path,
                            "`returned_between` takes `from = \"YYYY-MM-DD\"`, `until = \"YYYY-MM-DD\"` or both",
                        ),
                        (_, None) => {}
                    }
                    Ok(())
                })?;
                    match crate::attr::days_in_order(cx, from, until, "the field") {
                    // A day given but unreadable has been reported.
                    (None, None) if named => {}
                    (None, None) => cx.error_spanned_by(&key, "`returned_between` needs `from = \"YYYY-MM-DD\"`, `until = \"YYYY-MM-DD\"` or both"),
                    (from, until) => out.rules.push((key, Rule::Between(from, until))),
                }
                }
                "returned_to_reader" => {
                    let mut id = None;
                    meta.parse_nested_meta(|arg| {
                        match parse_value(cx, &arg, &key)? {
                            Some(Expr::Path(p))
                                if arg.path.is_ident("id") && p.path.get_ident().is_some() =>
                            {
                                id = p.path.get_ident().cloned()
                            }
                            Some(_) => cx.error_spanned_by(
                                &arg.path,
                                "`returned_to_reader` takes `id = FIELD`",
                            ),
                            None => {}
                        }
                        Ok(())
                    })?;
                    match id {
                    Some(id) => out.rules.push((key, Rule::ToReader(id))),
                    None => cx.error_spanned_by(&key, "`returned_to_reader` needs `id = FIELD`: the field with the ID code of the one who may see it"),
                }
                }
                _ => unreachable!("every key of this derive is read above"),
            }
            Ok(())
        },
    );
    out
}
