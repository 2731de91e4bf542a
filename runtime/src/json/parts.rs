//! The rules of the parts of a message whose structure is right, listed
//! beside the structural errors of the rest: a text where a number belongs
//! in one loan does not hide a negative sum in another.
//!
//! Each object of the message is read and validated on its own
//! ([`Object::check`]); one that does not read is read again without its
//! members whose own structure is wrong (their errors are the walk's), and
//! the walk goes on into the members that did not read.

use super::tree::Tree;
use super::ReadOptions;
use crate::structure::{Object, Shape};
use crate::{Context, JsonPath, ValidationErrors};

/// The rule errors of every part of `tree` (of `shape`) that reads, at
/// their paths below `path`, into `errors`.
pub(crate) fn validate(
    tree: &Tree,
    shape: Shape,
    ctx: &Context,
    path: &mut JsonPath,
    errors: &mut ValidationErrors,
    options: &ReadOptions,
) {
    match shape {
        Shape::Nullable(inner) if !tree.is_null() => {
            validate(tree, inner(), ctx, path, errors, options)
        }
        Shape::List(item) => {
            if let Tree::List(items) = tree {
                for (i, value) in items.iter().enumerate() {
                    path.push_index(i);
                    validate(value, item(), ctx, path, errors, options);
                    path.pop();
                }
            }
        }
        Shape::Choice(choice) => {
            if let Ok(index) = choice.select(tree.names()) {
                let shape = (choice.alternatives[index].shape)();
                validate(tree, shape, ctx, path, errors, options);
            }
        }
        Shape::Object(object) => {
            if let Tree::Object(members) = tree {
                object_parts(members, &object, ctx, path, errors, options);
            }
        }
        _ => {}
    }
}

fn object_parts(
    members: &[(String, Tree)],
    object: &Object,
    ctx: &Context,
    path: &mut JsonPath,
    errors: &mut ValidationErrors,
    options: &ReadOptions,
) {
    let known = |key: &str| object.members.iter().find(|m| m.name == key);
    // The members to go into: all of them, unless the object reads.
    let mut into: Vec<bool> = vec![true; members.len()];
    if let Some(check) = object.check {
        let text = Tree::Object(members.to_vec()).render();
        if check(&text, ctx, path, errors) {
            return;
        }
        // Without the members whose own structure is wrong.
        let wrong: Vec<bool> = members
            .iter()
            .map(|(key, value)| {
                known(key).is_some_and(|m| !structure_is_right(value, (m.shape)(), options))
            })
            .collect();
        if wrong.iter().any(|w| *w) {
            let rest: Vec<(String, Tree)> = members
                .iter()
                .zip(&wrong)
                .filter(|(_, w)| !**w)
                .map(|(member, _)| member.clone())
                .collect();
            let mut found = ValidationErrors::with_limit(options.max_errors);
            if check(&Tree::Object(rest).render(), ctx, path, &mut found) {
                // A rule about a member taken out (it is required) is the
                // walk's to report, as it is.
                let here = path.to_string();
                let taken: Vec<String> = members
                    .iter()
                    .zip(&wrong)
                    .filter(|(_, w)| **w)
                    .map(|((key, _), _)| join(&here, key))
                    .collect();
                for error in found.into_iter() {
                    if !taken.iter().any(|t| within(&error.path, t)) {
                        errors.push_error(error);
                    }
                }
                into = wrong;
            }
        }
    }
    for ((key, value), into) in members.iter().zip(into) {
        if let (Some(member), true) = (known(key), into) {
            path.push_field(member.name);
            validate(value, (member.shape)(), ctx, path, errors, options);
            path.pop();
        }
    }
}

/// Whether `value` has `shape`'s structure.
fn structure_is_right(value: &Tree, shape: Shape, options: &ReadOptions) -> bool {
    let mut found = ValidationErrors::with_limit(1);
    super::walk(&value.render(), shape, options, &mut found);
    found.is_empty()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether `path` is `of` or inside it.
fn within(path: &str, of: &str) -> bool {
    path.strip_prefix(of)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}
