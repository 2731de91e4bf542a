//! The rules that span the spec: references resolve, names are unique,
//! values belong to their codesets, keys agree with each other and with the
//! element's type. Every rule reports every violation; nothing stops early.
//!
//! One file per part of the spec: `document` (history, error codes),
//! `codesets`, `api` (endpoint, HTTP statuses, footnote markers), `dates`
//! (stages and the days elements and values are in force),
//! `elements` (messages and their elements), `readings` (the other
//! nestings a response may follow), `rules` (rules and
//! conditions), `markers`; and `rust_names`, the names the generator turns
//! into Rust, checked with the generator's own naming functions.

mod api;
mod codesets;
mod dates;
mod document;
mod elements;
mod markers;
mod readings;
mod rules;
mod rust_names;

use std::collections::HashMap;

use super::model::*;
use super::{Pos, Spanned};
use crate::diagnostic::{did_you_mean, Diagnostic, Kind};

pub(super) fn check(file: &str, spec: &Spec, diagnostics: &mut Vec<Diagnostic>) {
    let mut c = Checker {
        file,
        spec,
        diagnostics,
        codesets: spec
            .codesets
            .iter()
            .map(|c| (c.id.value.as_str(), c))
            .collect(),
    };
    c.document();
    c.error_codes();
    c.codesets();
    c.http_statuses();
    c.footnote_markers();
    c.messages();
    c.readings();
    c.api();
    c.dates();
    c.names();
}

struct Checker<'a> {
    file: &'a str,
    spec: &'a Spec,
    diagnostics: &'a mut Vec<Diagnostic>,
    codesets: HashMap<&'a str, &'a Codeset>,
}

/// Where an element stands: its message, and the elements of its group.
#[derive(Clone, Copy)]
struct Place<'a> {
    message: &'a Message,
    siblings: &'a [Element],
}

impl<'a> Checker<'a> {
    /// Adds a diagnostic at `pos`.
    fn report(&mut self, kind: Kind, pos: Pos, path: &str, message: String, help: Option<String>) {
        let mut diagnostic = Diagnostic::new(kind, self.file, pos, path, message);
        diagnostic.help = help;
        self.diagnostics.push(diagnostic);
    }

    /// Reports each name after its first occurrence.
    fn unique<'n>(
        &mut self,
        names: impl IntoIterator<Item = (&'n Spanned<String>, String)>,
        what: &str,
        fold_case: bool,
    ) {
        let mut seen: HashMap<String, Pos> = HashMap::new();
        for (name, path) in names {
            let key = if fold_case {
                name.value.to_ascii_lowercase()
            } else {
                name.value.clone()
            };
            if let Some(first) = seen.get(&key) {
                let help = if fold_case {
                    format!(
                        "the first is at line {}; {what}s are compared case-insensitively",
                        first.line
                    )
                } else {
                    format!("the first is at line {}; rename or remove one", first.line)
                };
                self.report(
                    Kind::Duplicate,
                    name.pos,
                    &path,
                    format!("{what} `{}` is given twice", name.value),
                    Some(help),
                );
            } else {
                seen.insert(key, name.pos);
            }
        }
    }
}

fn find_anywhere(elements: &[Element], name: &str) -> bool {
    elements
        .iter()
        .any(|e| e.json.value == name || find_anywhere(&e.elements, name))
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

fn is_json_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase()) && is_identifier(s)
}

fn is_register_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit() && b[2].is_ascii_digit()
}

fn is_project_code(s: &str) -> bool {
    s.strip_prefix("PCR-").is_some_and(|rest| {
        rest.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
    })
}
