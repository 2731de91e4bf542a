//! `#[derive(Disclose)]`: a register-side struct to the wire struct a reader
//! may see, by the footnote markers and "returned if" conditions written on
//! its fields.
//!
//! ```text
//! #[derive(Disclose)]
//! #[pcr(disclose(into = super::Loans, payment_plan_if_any = [payment_plan.is_in_debt_arrangement]))]
//! struct Loans {
//!     #[pcr(withheld_in_payment_plan, withheld_before_added(date = self))]
//!     contract_date: Option<Date>,
//!     #[pcr(register_side)]
//!     amount_issued_date: Option<Date>,
//!     #[pcr(returned_if(field = loan_type, in = [Kind::LumpSum]), nested)]
//!     lump_sum_loan: Option<LumpSumLoan>,
//! }
//! ```

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{parse_quote, Data, DeriveInput, Expr, Fields, Ident};

use crate::ast::Shape;
use crate::attr::{closest, parse_value, skip_value, FIELD_KEYS as VALIDATE_KEYS};
use crate::ctxt::Ctxt;

/// The keys this derive takes on a field.
pub const FIELD_KEYS: &[&str] = &[
    "nested",
    "register_side",
    "withheld_in_payment_plan",
    "withheld_before_added",
    "withheld_unless_after_added",
    "returned_if",
    "returned_within_years",
    "returned_to_reader",
    "returned_between",
    "parties",
];

/// `#[pcr(parties(id_code = f, original = f, added = f, removed = f))]` on
/// a register-side list: the loan's parties, each item's fields by role.
struct Parties {
    key: Ident,
    id_code: Ident,
    original: Ident,
    added: Ident,
    removed: Ident,
}

/// Which date a rule compares.
enum DateRef {
    /// The field itself.
    ItSelf,
    /// A sibling field.
    Sibling(Ident),
    /// A field of each item of the list.
    Item(Ident),
}

enum Condition {
    Equals(Expr),
    In(Vec<Expr>),
    NotIn(Vec<Expr>),
}

enum Rule {
    // #[pcr(withheld_in_payment_plan)]
    InPaymentPlan,
    // #[pcr(withheld_before_added(date = self | field, item_date = field))]
    BeforeAdded(DateRef),
    // #[pcr(withheld_unless_after_added(date = ..., item_date = ...))]
    UnlessAfterAdded(DateRef),
    // #[pcr(returned_if(field = f | f.g, equals = X | in = [..] | not_in = [..]))]
    ReturnedIf(Vec<Ident>, Condition),
    // #[pcr(returned_within_years(date = f | item_date = f, years = N))]
    WithinYears(DateRef, syn::LitInt),
    // #[pcr(returned_to_reader(id = f))]
    ToReader(Ident),
    // #[pcr(returned_between(from = "2027-01-04", until = "2028-01-01"))]
    Between(Option<time::Date>, Option<time::Date>),
}

struct Field<'a> {
    member: &'a Ident,
    shape: Shape,
    nested: bool,
    register_side: bool,
    parties: Option<Parties>,
    rules: Vec<(Ident, Rule)>,
}

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let mut krate: syn::Path = parse_quote!(::pcr_runtime);
    let mut into: Option<syn::Path> = None;
    let mut flags: Vec<Vec<Ident>> = Vec::new();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("pcr")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let key = Ident::new("crate", meta.path.span());
                if let Some(Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(lit), .. })) = parse_value(&cx, &meta, &key)? {
                    match lit.parse() {
                        Ok(path) => krate = path,
                        Err(_) => cx.error_spanned_by(&lit, "expected a path, e.g. \"::pcr_runtime\""),
                    }
                }
                return Ok(());
            }
            // #[derive(Validate)]'s keys; that derive checks them.
            if crate::attr::CONTAINER_KEYS
                .iter()
                .any(|k| *k != "crate" && meta.path.is_ident(k))
            {
                return skip_value(&meta);
            }
            if !meta.path.is_ident("disclose") {
                cx.error_spanned_by(&meta.path, "unknown key on the type; the keys here are: disclose, crate");
                return skip_value(&meta);
            }
            meta.parse_nested_meta(|arg| {
                let key = arg.path.get_ident().cloned().unwrap_or_else(|| Ident::new("key", arg.path.span()));
                match key.to_string().as_str() {
                    "into" => match parse_value(&cx, &arg, &key)? {
                        Some(Expr::Path(path)) => into = Some(path.path),
                        Some(other) => cx.error_spanned_by(other, "`into` takes the path of the wire type"),
                        None => {}
                    },
                    "payment_plan_if_any" => match parse_value(&cx, &arg, &key)? {
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
                        let hint = closest(other, &["into", "payment_plan_if_any"])
                            .map(|n| format!("; did you mean `{n}`?"))
                            .unwrap_or_else(|| "; its arguments are: into, payment_plan_if_any".to_string());
                        cx.error_spanned_by(&key, format!("unknown argument `{other}` of `disclose`{hint}"));
                        skip_value(&arg)?;
                    }
                }
                Ok(())
            })
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    let fields: Vec<Field> = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => named.named.iter().map(|f| field(&cx, f)).collect(),
            _ => {
                cx.error_spanned_by(
                    &input.ident,
                    "derive(Disclose) needs a struct with named fields",
                );
                Vec::new()
            }
        },
        _ => {
            cx.error_spanned_by(
                &input.ident,
                "derive(Disclose) needs a struct with named fields",
            );
            Vec::new()
        }
    };
    if into.is_none() && matches!(input.data, Data::Struct(_)) {
        cx.error_spanned_by(
            &input.ident,
            "derive(Disclose) needs `#[pcr(disclose(into = WireType))]`: the type the reader gets",
        );
    }
    check(&cx, &fields, &flags);
    if let Err(errors) = cx.check() {
        let errors = errors.to_compile_error();
        let ident = &input.ident;
        // A stub, so the type's other uses do not add errors of their own.
        return quote! {
            #errors
            impl #krate::Disclose for #ident {
                type Output = ();
                fn disclose_in(&self, _: &#krate::DisclosureContext, _: #krate::disclosure::Scope) {}
            }
        };
    }
    expand(input, &krate, &into.expect("checked"), &fields, &flags)
}

/// `a` or `a.b` as identifiers.
fn field_path(expr: &Expr) -> Option<Vec<Ident>> {
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

fn field<'a>(cx: &Ctxt, field: &'a syn::Field) -> Field<'a> {
    let mut out = Field {
        member: field.ident.as_ref().expect("named"),
        shape: crate::ast::shape(&field.ty),
        nested: false,
        register_side: false,
        parties: None,
        rules: Vec::new(),
    };
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("pcr")) {
        let result = attr.parse_nested_meta(|meta| {
            let Some(key) = meta.path.get_ident().cloned() else {
                cx.error_spanned_by(&meta.path, "expected a rule name");
                return skip_value(&meta);
            };
            let name = key.to_string();
            match name.as_str() {
                "nested" => out.nested = true,
                "parties" => {
                    let mut roles: [Option<Ident>; 4] = Default::default();
                    const ROLES: [&str; 4] = ["id_code", "original", "added", "removed"];
                    meta.parse_nested_meta(|arg| {
                        let role = arg.path.get_ident().map(Ident::to_string).unwrap_or_default();
                        let value = parse_value(cx, &arg, &key)?;
                        match (ROLES.iter().position(|r| *r == role), value) {
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
                "withheld_before_added" | "withheld_unless_after_added" | "returned_within_years" => {
                    let mut date = None;
                    let mut years = None;
                    meta.parse_nested_meta(|arg| {
                        let arg_key = arg.path.get_ident().map(Ident::to_string).unwrap_or_default();
                        let value = parse_value(cx, &arg, &key)?;
                        match (arg_key.as_str(), value) {
                            ("date", Some(Expr::Path(p))) if p.path.is_ident("self") => date = Some(DateRef::ItSelf),
                            ("date", Some(Expr::Path(p))) if p.path.get_ident().is_some() => {
                                date = Some(DateRef::Sibling(p.path.get_ident().cloned().expect("checked")))
                            }
                            ("item_date", Some(Expr::Path(p))) if p.path.get_ident().is_some() => {
                                date = Some(DateRef::Item(p.path.get_ident().cloned().expect("checked")))
                            }
                            ("years", Some(Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }))) if name == "returned_within_years" => {
                                years = Some(n)
                            }
                            (_, Some(_)) => cx.error_spanned_by(
                                &arg.path,
                                format!(
                                    "`{name}` takes `date = self | FIELD` or `item_date = FIELD`{}",
                                    if name == "returned_within_years" { " and `years = N`" } else { "" }
                                ),
                            ),
                            (_, None) => {}
                        }
                        Ok(())
                    })?;
                    match (name.as_str(), date, years) {
                        ("returned_within_years", Some(date), Some(years)) => out.rules.push((key, Rule::WithinYears(date, years))),
                        ("returned_within_years", _, _) => cx.error_spanned_by(&key, "`returned_within_years` needs a date and `years = N`"),
                        ("withheld_before_added", Some(date), _) => out.rules.push((key, Rule::BeforeAdded(date))),
                        (_, Some(date), _) => out.rules.push((key, Rule::UnlessAfterAdded(date))),
                        (_, None, _) => cx.error_spanned_by(&key, format!("`{name}` needs `date = self | FIELD` or `item_date = FIELD`")),
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
                        (Some(field), Some(condition)) => out.rules.push((key, Rule::ReturnedIf(field, condition))),
                        _ => cx.error_spanned_by(&key, "`returned_if` needs `field = FIELD` and `equals`, `in` or `not_in`"),
                    }
                }
                "returned_between" if !meta.input.peek(syn::token::Paren) => {
                    cx.error_spanned_by(&key, "`returned_between` needs `from = \"YYYY-MM-DD\"`, `until = \"YYYY-MM-DD\"` or both");
                    skip_value(&meta)?;
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
                            Some(Expr::Path(p)) if arg.path.is_ident("id") && p.path.get_ident().is_some() => {
                                id = p.path.get_ident().cloned()
                            }
                            Some(_) => cx.error_spanned_by(&arg.path, "`returned_to_reader` takes `id = FIELD`"),
                            None => {}
                        }
                        Ok(())
                    })?;
                    match id {
                        Some(id) => out.rules.push((key, Rule::ToReader(id))),
                        None => cx.error_spanned_by(&key, "`returned_to_reader` needs `id = FIELD`: the field with the ID code of the one who may see it"),
                    }
                }
                // #[derive(Validate)]'s rules; that derive checks them.
                other if VALIDATE_KEYS.contains(&other) => skip_value(&meta)?,
                other => {
                    let mut known: Vec<&str> = FIELD_KEYS.to_vec();
                    known.extend(VALIDATE_KEYS);
                    let hint = closest(other, &known)
                        .map(|n| format!("; did you mean `{n}`?"))
                        .unwrap_or_else(|| format!("; the disclosure rules are: {}", FIELD_KEYS.join(", ")));
                    cx.error_spanned_by(&key, format!("unknown rule `{other}`{hint}"));
                    skip_value(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    out
}

fn check(cx: &Ctxt, fields: &[Field], flags: &[Vec<Ident>]) {
    let exists = |name: &Ident| fields.iter().any(|f| f.member == name);
    let lists: Vec<&Parties> = fields.iter().filter_map(|f| f.parties.as_ref()).collect();
    if let Some(second) = lists.get(1) {
        cx.error_spanned_by(&second.key, "a loan has one list of parties");
    }
    for field in fields.iter().filter(|f| f.parties.is_some()) {
        let key = &field.parties.as_ref().expect("filtered").key;
        if !field.register_side || !field.shape.is_list() {
            cx.error_spanned_by(
                key,
                "`parties` goes on a `register_side` list: the register's record of the loan's parties",
            );
        }
    }
    for path in flags {
        if !exists(&path[0]) {
            cx.error_spanned_by(&path[0], format!("no field `{}` in this struct", path[0]));
        }
    }
    for field in fields {
        for (key, rule) in &field.rules {
            let list = field.shape.is_list();
            let field_level = match rule {
                Rule::BeforeAdded(DateRef::Item(item))
                | Rule::UnlessAfterAdded(DateRef::Item(item))
                | Rule::WithinYears(DateRef::Item(item), _) => {
                    if !(list && field.nested) {
                        cx.error_spanned_by(item, "`item_date` needs a `nested` list of groups");
                    }
                    false
                }
                Rule::ReturnedIf(path, _) => {
                    if !exists(&path[0]) {
                        cx.error_spanned_by(
                            &path[0],
                            format!("no field `{}` in this struct", path[0]),
                        );
                    }
                    true
                }
                Rule::BeforeAdded(DateRef::Sibling(s))
                | Rule::UnlessAfterAdded(DateRef::Sibling(s))
                | Rule::WithinYears(DateRef::Sibling(s), _)
                | Rule::ToReader(s) => {
                    if !exists(s) {
                        cx.error_spanned_by(s, format!("no field `{s}` in this struct"));
                    }
                    true
                }
                _ => true,
            };
            if field_level && !field.shape.is_option() {
                cx.error_spanned_by(
                    key,
                    format!(
                        "`{key}` may withhold `{}`, so it must be an `Option`",
                        field.member
                    ),
                );
            }
            if field.register_side {
                cx.error_spanned_by(
                    key,
                    "a `register_side` field is never disclosed; it takes no disclosure rule",
                );
            }
        }
    }
}

/// The date a rule compares, spanned at the field the rule names, so a
/// field of the wrong type is reported under its name in the attribute.
fn date_expr(date: &DateRef, member: &Ident, item: &TokenStream) -> TokenStream {
    match date {
        DateRef::ItSelf => quote_spanned!(member.span()=> &self.#member),
        DateRef::Sibling(s) => quote_spanned!(s.span()=> &self.#s),
        DateRef::Item(f) => quote_spanned!(f.span()=> &#item.#f),
    }
}

fn expand(
    input: &DeriveInput,
    krate: &syn::Path,
    into: &syn::Path,
    fields: &[Field],
    flags: &[Vec<Ident>],
) -> TokenStream {
    let ident = &input.ident;
    let shape_of = |name: &Ident| {
        fields
            .iter()
            .find(|f| f.member == name)
            .map(|f| f.shape)
            .unwrap_or(Shape::Plain)
    };
    let flag_checks = flags.iter().map(|path| {
        let first = &path[0];
        match (path.get(1), shape_of(first).is_option()) {
            (None, _) => quote!(#krate::disclosure::Flag::is_true(&self.#first)),
            (Some(leaf), true) => quote! {
                ::core::option::Option::is_some_and(::core::option::Option::as_ref(&self.#first), |__g| #krate::disclosure::Flag::is_true(&__g.#leaf))
            },
            (Some(leaf), false) => quote!(#krate::disclosure::Flag::is_true(&self.#first.#leaf)),
        }
    });
    // Each field is disclosed into a binding of its own, in declaration
    // order, so a condition on an earlier field reads what the reader sees
    // of it: a group chosen by a withheld loan type is withheld too, and
    // does not give the type away.
    let binding = |name: &Ident| quote::format_ident!("__disclosed_{}", name);
    let disclosed: Vec<&Ident> = fields
        .iter()
        .filter(|f| !f.register_side)
        .map(|f| f.member)
        .collect();
    let outputs = fields.iter().filter(|f| !f.register_side).map(|field| {
        let member = field.member;
        let position = disclosed.iter().position(|m| *m == member).expect("a disclosed field");
        let earlier = &disclosed[..position];
        let item = quote!(__item);
        // Items of a list kept by their own dates.
        let item_keeps: Vec<TokenStream> = field
            .rules
            .iter()
            .filter_map(|(key, rule)| {
                let span = key.span();
                Some(match rule {
                    Rule::BeforeAdded(d @ DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::withheld_before_added(#date, __scope.party(__ctx)))
                    }
                    Rule::UnlessAfterAdded(d @ DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::withheld_unless_after_added(#date, __scope.party(__ctx)))
                    }
                    Rule::WithinYears(d @ DateRef::Item(_), years) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::returned_within_years(#date, #years, __ctx.today))
                    }
                    _ => return None,
                })
            })
            .collect();
        let keep = if item_keeps.is_empty() { quote!(true) } else { quote!(#(#item_keeps)&&*) };
        let one = if field.nested {
            quote!(#krate::Disclose::disclose_in(__item, __ctx, __scope))
        } else {
            quote!(::core::clone::Clone::clone(__item))
        };
        // An item the reader may not see at all (a loan it is not a party
        // to) is left out of the list.
        let keep = if field.nested {
            quote!(#krate::Disclose::is_disclosed_in(__item, __ctx, __scope) && #keep)
        } else {
            keep
        };
        let list = quote! {
            #krate::disclosure::disclose_list(__list, |__item| #keep, |__item| #one)
        };
        let base = match (field.shape, field.nested) {
            (Shape::Plain, true) => quote!({ let __item = &self.#member; #one }),
            (Shape::Option, true) => quote!(::core::option::Option::map(::core::option::Option::as_ref(&self.#member), |__item| #one)),
            (Shape::Vec, _) => quote!({ let __list = &self.#member; #list }),
            (Shape::OptionVec, _) => quote!(::core::option::Option::map(::core::option::Option::as_ref(&self.#member), |__list| #list)),
            (_, false) => quote!(::core::clone::Clone::clone(&self.#member)),
        };
        let withheld: Vec<TokenStream> = field
            .rules
            .iter()
            .filter_map(|(key, rule)| {
                let span = key.span();
                Some(match rule {
                    Rule::InPaymentPlan => quote_spanned!(span=> __scope.in_payment_plan),
                    Rule::BeforeAdded(d) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::withheld_before_added(#date, __scope.party(__ctx)))
                    }
                    Rule::UnlessAfterAdded(d) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::withheld_unless_after_added(#date, __scope.party(__ctx)))
                    }
                    Rule::WithinYears(d, years) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::returned_within_years(#date, #years, __ctx.today))
                    }
                    Rule::ReturnedIf(path, condition) => {
                        let first = &path[0];
                        // What the reader sees of an earlier field; the
                        // register's value of the field itself or a later one.
                        let source = if earlier.contains(&first) {
                            let disclosed = binding(first);
                            quote!(#disclosed)
                        } else {
                            quote!(self.#first)
                        };
                        // `Option<&T>` of the compared value: a field, or a
                        // field of a group field.
                        let value = match (path.get(1), shape_of(first).is_option()) {
                            (None, true) => quote!(::core::option::Option::as_ref(&#source)),
                            (None, false) => quote!(::core::option::Option::Some(&#source)),
                            (Some(leaf), true) => quote! {
                                ::core::option::Option::map(::core::option::Option::as_ref(&#source), |__g| &__g.#leaf)
                            },
                            (Some(leaf), false) => quote!(::core::option::Option::Some(&#source.#leaf)),
                        };
                        let test = match condition {
                            Condition::Equals(v) => quote!(#krate::disclosure::equals(__v, &(#v))),
                            Condition::In(vs) => quote!(#krate::disclosure::one_of(__v, &[#(#vs),*])),
                            Condition::NotIn(vs) => quote!(!#krate::disclosure::one_of(__v, &[#(#vs),*])),
                        };
                        quote_spanned!(span=> !::core::option::Option::is_some_and(#value, |__v| #test))
                    }
                    Rule::ToReader(id) => quote_spanned!(span=> !#krate::disclosure::returned_to_reader(&self.#id, __ctx)),
                    Rule::Between(from, until) => {
                        let days = crate::expand::in_force_tokens(krate, *from, *until);
                        quote_spanned!(span=> !(#days).on(__ctx.today))
                    }
                    _ => return None,
                })
            })
            .collect();
        let name = binding(member);
        if withheld.is_empty() {
            quote!(let #name = #base;)
        } else {
            quote! {
                let #name = if #(#withheld)||* { ::core::option::Option::None } else { #base };
            }
        }
    });
    let assignments = disclosed.iter().map(|member| {
        let name = binding(member);
        quote!(#member: #name,)
    });
    // The reader's place in this loan, from its parties, if it lists them.
    let party_here = fields.iter().find_map(|f| {
        let parties = f.parties.as_ref()?;
        let (member, id_code, original, added, removed) = (
            f.member,
            &parties.id_code,
            &parties.original,
            &parties.added,
            &parties.removed,
        );
        // The list, or the list in an `Option`, item by item.
        let items = if f.shape == Shape::OptionVec {
            quote!(::core::iter::Iterator::flatten(::core::option::Option::iter(&self.#member)))
        } else {
            quote!(::core::iter::IntoIterator::into_iter(&self.#member))
        };
        Some(quote! {
            #krate::disclosure::party_in(
                ::core::iter::Iterator::map(#items, |__p| {
                    #krate::disclosure::PartyRecord {
                        // A party without an ID code is no one's.
                        id_code: ::core::option::Option::unwrap_or(#krate::disclosure::MaybeText::text(&__p.#id_code), ""),
                        original: #krate::disclosure::Flag::is_true(&__p.#original),
                        added: #krate::disclosure::MaybeDate::date(&__p.#added),
                        removed: #krate::disclosure::MaybeDate::date(&__p.#removed),
                    }
                }),
                __ctx,
            )
        })
    });
    let (party, is_disclosed) = match &party_here {
        Some(party) => (
            quote!(::core::option::Option::Some(#party)),
            quote! {
                fn is_disclosed_in(&self, __ctx: &#krate::DisclosureContext, _: #krate::disclosure::Scope) -> bool {
                    #party != #krate::disclosure::Party::NotAParty
                }
            },
        ),
        None => (quote!(__scope.party), TokenStream::new()),
    };
    quote! {
        #[automatically_derived]
        impl #krate::Disclose for #ident {
            type Output = #into;

            fn disclose_in(&self, __ctx: &#krate::DisclosureContext, __scope: #krate::disclosure::Scope) -> #into {
                let __scope = #krate::disclosure::Scope {
                    in_payment_plan: __scope.in_payment_plan #(|| #flag_checks)*,
                    party: #party,
                };
                #(#outputs)*
                #into {
                    #(#assignments)*
                }
            }

            #is_disclosed
        }
    }
}
