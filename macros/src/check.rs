//! Rules that span fields: references to siblings resolve, rules fit the
//! field's shape and serde's reading of it, rules do not repeat or
//! contradict each other.

use crate::ast::{Body, Container, Field};
use crate::attr::RuleKind;
use crate::ctxt::Ctxt;
use crate::keys::{self, On, Place};

pub fn check(cx: &Ctxt, container: &Container) {
    let Body::Struct(fields) = &container.body else {
        return;
    };
    for field in fields {
        let member = field.name();
        if let (None, Some(rename)) = (field.ident, &field.attrs.rename) {
            cx.error_spanned_by(
                rename,
                "`rename` on a field of a tuple struct: it has no JSON name, its place in the array is its index",
            );
        }
        let mut seen: Vec<String> = Vec::new();
        for rule in &field.attrs.rules {
            let name = rule.name.to_string();
            // A field may call several custom functions.
            if seen.contains(&name) && name != "custom" {
                cx.error_spanned_by(&rule.name, format!("duplicate rule `{name}` on `{member}`"));
            }
            seen.push(name.clone());
            if field.serde.skipped && !matches!(rule.kind, RuleKind::Skip) {
                cx.error_spanned_by(
                    &rule.name,
                    format!("`{name}` on `{member}`, which serde skips: the field is never read from JSON, so the rule would check only its default"),
                );
            }
            // What the rule needs of its field, from the one table of keys.
            let on = keys::find(Place::Field, &name).map_or(On::Any, |k| k.on);
            let fits = match on {
                On::Any => true,
                On::Option => field.shape.is_option(),
                On::OptionOrList => field.shape.is_option() || field.shape.is_list(),
                On::List => field.shape.is_list(),
            };
            if !fits {
                let message = match on {
                    On::Option => {
                        format!("`{name}` needs an `Option` field: `{member}` is always present")
                    }
                    On::OptionOrList => format!(
                        "`{name}` needs an `Option` or `Vec` field: `{member}` is always present"
                    ),
                    _ => format!("`{name}` needs a `Vec` field; `{member}` is not a list"),
                };
                cx.error_spanned_by(&rule.name, message);
            }
            match &rule.kind {
                RuleKind::RequiredIf { field: sibling, .. }
                | RuleKind::AbsentIf { field: sibling, .. }
                | RuleKind::IdCode {
                    type_field: sibling,
                    ..
                } => {
                    if field.is(sibling) {
                        cx.error_spanned_by(
                            sibling,
                            format!("`{name}` names the field it stands on; name a sibling field"),
                        );
                    } else if !fields.iter().any(|f| f.is(sibling)) {
                        cx.error_spanned_by(
                            sibling,
                            format!(
                                "no field `{sibling}` in this struct; the fields are: {}",
                                names(fields)
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
        let has = |kind: &str| seen.iter().any(|n| n == kind);
        for (a, b) in [
            ("required", "optional"),
            ("required", "required_if"),
            ("optional", "required_if"),
        ] {
            if has(a) && has(b) {
                let rule = field
                    .attrs
                    .rules
                    .iter()
                    .rfind(|r| r.name == a || r.name == b)
                    .expect("both present");
                cx.error_spanned_by(
                    &rule.name,
                    format!("`{a}` and `{b}` contradict each other on `{member}`"),
                );
            }
        }
        if has("skip") && field.attrs.rules.len() > 1 {
            let rule = field
                .attrs
                .rules
                .iter()
                .find(|r| r.name == "skip")
                .expect("present");
            cx.error_spanned_by(
                &rule.name,
                format!("`skip` leaves `{member}` unvalidated; it cannot stand beside other rules"),
            );
        }
    }
}

fn names(fields: &[Field]) -> String {
    fields
        .iter()
        .map(Field::name)
        .collect::<Vec<_>>()
        .join(", ")
}
