//! Rules that span fields: references to siblings resolve, rules fit the
//! field's shape, rules do not repeat or contradict each other.

use crate::ast::{Body, Container, Field};
use crate::attr::RuleKind;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, container: &Container) {
    let Body::Struct(fields) = &container.body else {
        return;
    };
    for field in fields {
        let mut seen: Vec<String> = Vec::new();
        for rule in &field.attrs.rules {
            let name = rule.name.to_string();
            if seen.contains(&name) {
                cx.error_spanned_by(
                    &rule.name,
                    format!("duplicate rule `{name}` on `{}`", field.member),
                );
            }
            seen.push(name.clone());
            match &rule.kind {
                RuleKind::Required | RuleKind::Optional | RuleKind::RequiredIf { .. }
                    if !field.shape.is_option() =>
                {
                    cx.error_spanned_by(
                        &rule.name,
                        format!(
                            "`{name}` needs an `Option` field: `{}` is always present",
                            field.member
                        ),
                    );
                }
                RuleKind::AbsentIf { .. } if !field.shape.is_option() && !field.shape.is_list() => {
                    cx.error_spanned_by(
                        &rule.name,
                        format!(
                            "`absent_if` needs an `Option` or `Vec` field: `{}` is always present",
                            field.member
                        ),
                    );
                }
                RuleKind::MinItems { .. } if !field.shape.is_list() => {
                    cx.error_spanned_by(
                        &rule.name,
                        format!(
                            "`min_items` needs a `Vec` field; `{}` is not a list",
                            field.member
                        ),
                    );
                }
                RuleKind::RequiredIf { field: sibling, .. }
                | RuleKind::AbsentIf { field: sibling, .. }
                | RuleKind::IdCode {
                    type_field: sibling,
                    ..
                } => {
                    if sibling == field.member {
                        cx.error_spanned_by(
                            sibling,
                            format!("`{name}` names the field it stands on; name a sibling field"),
                        );
                    } else if !fields.iter().any(|f| f.member == sibling) {
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
                    format!(
                        "`{a}` and `{b}` contradict each other on `{}`",
                        field.member
                    ),
                );
            }
        }
    }
}

fn names(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| f.member.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
