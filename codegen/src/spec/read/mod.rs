//! YAML nodes to the model, reporting every node of the wrong shape: unknown
//! and missing keys, wrong YAML types, values that cannot be parsed.
//!
//! Reading never stops at a problem. An item without its identifying key (a
//! codeset without `id`, an element without `json`) is left out of the model;
//! any other missing value is reported and replaced by an empty one, so the
//! checks that follow still run on everything else.
//!
//! This file holds the entry point and the reader of mappings and lists;
//! one file per part of the spec format reads the rest:
//! `scalars` (texts, numbers, dates, names from a list), `sources`
//! (citations and decisions), `document` (with format rules, error codes
//! and implicit errors), `codesets`, `api` (with HTTP statuses and footnote
//! markers), `messages` (elements and their shapes) and `rules` (rules,
//! presence and conditions).

mod api;
mod codesets;
mod document;
mod messages;
mod rules;
mod scalars;
mod sources;

use super::model::*;
use super::yaml::{Node, Value};
use super::{Pos, Spanned};
use crate::diagnostic::{did_you_mean, Diagnostic, Kind};

pub(super) fn read(file: &str, root: &Node, diagnostics: &mut Vec<Diagnostic>) -> Option<Spec> {
    let mut r = Reader {
        file,
        diagnostics,
        cited_lines: Vec::new(),
    };
    let top = r.map(root, "", TOP_KEYS)?;
    let spec_format = r.req_u32(&top, "spec_format");
    if let Some(format) = &spec_format {
        if format.value != SPEC_FORMAT {
            r.error(
                Kind::InvalidValue,
                format.pos,
                "spec_format",
                format!(
                    "this loader reads spec format {SPEC_FORMAT}, not {}",
                    format.value
                ),
            )
            .help = Some(format!(
                "write `spec_format: {SPEC_FORMAT}`, or use a pcr-codegen that reads format {}",
                format.value
            ));
        }
    }
    let document = top.req(&mut r, "document").and_then(|n| r.document(n));
    let format_rules = top
        .req(&mut r, "format_rules")
        .and_then(|n| r.format_rules(n));
    let error_codes = r.list(&top, "error_codes", true, |r, node, i| {
        r.error_code(node, i)
    });
    let implicit_errors = top
        .req(&mut r, "implicit_errors")
        .and_then(|n| r.implicit_errors(n));
    let codesets = r.list(&top, "codesets", true, |r, node, i| r.codeset(node, i));
    let http_statuses = r.list(&top, "http_statuses", false, |r, node, i| {
        r.http_status(node, i)
    });
    let footnote_markers = r.list(&top, "footnote_markers", false, |r, node, i| {
        r.footnote_marker(node, i)
    });
    let messages = r.list(&top, "messages", true, |r, node, i| r.message(node, i));
    let api = top.get("api").and_then(|n| r.api(n));
    let stages = r.list(&top, "stages", false, |r, node, i| r.stage_dates(node, i));
    if let Some(document) = &document {
        r.cited_lines_exist(document);
    }
    // A section that could not be read has been reported; an empty one stands
    // in for it so the checks of the other sections still run.
    let pos = root.pos;
    Some(Spec {
        file: file.to_string(),
        spec_format: or(spec_format, SPEC_FORMAT, pos),
        document: document.unwrap_or_else(|| placeholder_document(pos)),
        format_rules: format_rules.unwrap_or_else(|| placeholder_format_rules(pos)),
        error_codes,
        implicit_errors: implicit_errors.unwrap_or_else(|| placeholder_implicit_errors(pos)),
        codesets,
        http_statuses,
        footnote_markers,
        messages,
        api,
        stages,
    })
}

/// The longest text a spec value may hold, in characters: the generator
/// repeats texts (the title is in every doc comment), so one huge value
/// would make a huge file.
pub const MAX_TEXT_CHARS: usize = 4000;

const TOP_KEYS: &[&str] = &[
    "spec_format",
    "document",
    "format_rules",
    "error_codes",
    "implicit_errors",
    "codesets",
    "http_statuses",
    "footnote_markers",
    "messages",
    "api",
    "stages",
];

/// A mapping node whose keys have been checked against the known ones.
struct Fields<'n> {
    entries: &'n [(super::yaml::Key, Node)],
    pos: Pos,
    path: String,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v)
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of a key the format requires, or a diagnostic.
    fn req(&self, r: &mut Reader, key: &str) -> Option<&'n Node> {
        let node = self.get(key);
        if node.is_none() {
            r.error(
                Kind::MissingKey,
                self.pos,
                &self.path,
                format!("`{key}` is missing"),
            )
            .help = Some(format!("add `{key}:` here (see spec/README.md)"));
        }
        node
    }
}

/// The text of the scalar under `key` of a mapping node, if there is one.
fn scalar_under<'n>(node: &'n Node, key: &str) -> Option<&'n str> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(k, _)| k.text == key)
        .and_then(|(_, v)| match &v.value {
            Value::Scalar { text, .. } if !text.is_empty() => Some(text.as_str()),
            _ => None,
        })
}

/// `list[ID]` for an item identified by its `key`, or `list[INDEX]` when it
/// has none, so every diagnostic about the item names it the same way.
fn item_path(node: &Node, key: &str, list: &str, index: usize) -> String {
    match scalar_under(node, key) {
        Some(id) => format!("{list}[{id}]"),
        None => format!("{list}[{index}]"),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

struct Reader<'d> {
    file: &'d str,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Every document line a `source` cites, with its path, checked against
    /// `document.source_lines` once the whole spec is read.
    cited_lines: Vec<(Spanned<u32>, String)>,
}

impl Reader<'_> {
    fn error(&mut self, kind: Kind, pos: Pos, path: &str, message: String) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(kind, self.file, pos, path, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        self.error(
            Kind::WrongType,
            node.pos,
            path,
            format!("expected {expected}, found {}", node.kind()),
        );
    }

    /// Opens a mapping, reporting every key not in `known`.
    fn map<'n>(&mut self, node: &'n Node, path: &str, known: &[&str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, path, "a mapping");
            return None;
        };
        for (key, _) in entries {
            if !known.contains(&key.text.as_str()) {
                let help = did_you_mean(&key.text, known.iter().copied())
                    .unwrap_or_else(|| format!("the keys here are: {}", known.join(", ")));
                self.error(
                    Kind::UnknownKey,
                    key.pos,
                    path,
                    format!("unknown key `{}`", key.text),
                )
                .help = Some(help);
            }
        }
        Some(Fields {
            entries,
            pos: node.pos,
            path: path.to_string(),
        })
    }

    /// A sequence under `key`, each item read by `item`; absent is an empty
    /// list unless `required`.
    fn list<T>(
        &mut self,
        fields: &Fields,
        key: &str,
        required: bool,
        mut item: impl FnMut(&mut Self, &Node, usize) -> Option<T>,
    ) -> Vec<T> {
        let node = if required {
            fields.req(self, key)
        } else {
            fields.get(key)
        };
        let Some(node) = node else { return Vec::new() };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, node)| item(self, node, i))
                .collect(),
            _ => {
                self.wrong_type(node, &fields.path(key), "a list");
                Vec::new()
            }
        }
    }
}

/// A required value, or a stand-in for one that has been reported missing or
/// invalid. A spec with any report is never returned, so stand-ins never
/// leave the loader.
fn or<T>(value: Option<Spanned<T>>, default: T, pos: Pos) -> Spanned<T> {
    value.unwrap_or_else(|| Spanned::new(default, pos))
}

fn placeholder_document(pos: Pos) -> Document {
    Document {
        id: Spanned::new(String::new(), pos),
        title: Spanned::new(String::new(), pos),
        version: Spanned::new(String::new(), pos),
        date: Spanned::new(time::Date::MIN, pos),
        publisher: None,
        source_text: None,
        source_lines: None,
        stage: Spanned::new(Stage::First, pos),
        history: Vec::new(),
    }
}

fn placeholder_format_rules(pos: Pos) -> FormatRules {
    let text = Spanned::new(String::new(), pos);
    FormatRules {
        applies_to: Spanned::new(Direction::Request, pos),
        text: text.clone(),
        source: None,
        enum_rule: EnumRule {
            text: text.clone(),
            case_insensitive: Spanned::new(true, pos),
            numeric_form: Spanned::new(NumericForm::Rejected, pos),
            source: None,
        },
        string_rule: StringRule {
            text,
            max_length: Spanned::new(0, pos),
            length_unit: Spanned::new(LengthUnit::Characters, pos),
            case_insensitive: Spanned::new(true, pos),
            allowed_characters: Vec::new(),
            source: None,
            decisions: Vec::new(),
        },
    }
}

fn placeholder_implicit_errors(pos: Pos) -> ImplicitErrors {
    // Empty codes are not looked up, so they add no reports.
    let code = Spanned::new(String::new(), pos);
    ImplicitErrors {
        schema: code.clone(),
        required: code.clone(),
        max_length: code.clone(),
        allowed_characters: code.clone(),
        range: code.clone(),
        fixed: code.clone(),
        stage: code,
        in_force: None,
    }
}

const DIRECTIONS: [(&str, Direction); 2] = [
    ("request", Direction::Request),
    ("response", Direction::Response),
];

const CHECK_KEYS: &[&str] = &[
    "required_if",
    "absent_if",
    "allowed_values",
    "min_items",
    "id_code",
];

const ELEMENT_KEYS: &[&str] = &[
    "json",
    "name",
    "data_type",
    "required",
    "permissible",
    "codeset",
    "range",
    "fixed",
    "rules",
    "notes",
    "presence",
    "markers",
    "compared_date",
    "register_side",
    "renamed_from",
    "item_name",
    "parties",
    "source",
    "decisions",
    "elements",
    "from",
    "until",
];
