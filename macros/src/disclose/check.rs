//! The rules across fields: the fields a rule names exist, a withheld field
//! is an `Option`, one list of parties on a register-side list.

use syn::Ident;

use super::{DateRef, Field, Parties, Rule};
use crate::ctxt::Ctxt;

pub(super) fn check(cx: &Ctxt, fields: &[Field], flags: &[Vec<Ident>]) {
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
