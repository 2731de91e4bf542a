//! YAML nodes to the model, reporting every node of the wrong shape: unknown
//! and missing keys, wrong YAML types, values that cannot be parsed.
//!
//! Reading never stops at a problem. An item without its identifying key (a
//! codeset without `id`, an element without `json`) is left out of the model;
//! any other missing value is reported and replaced by an empty one, so the
//! checks that follow still run on everything else.

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

    /// The text of a scalar node.
    fn text(&mut self, node: &Node, path: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Scalar { text, quoted } if text.is_empty() && !quoted => {
                self.error(
                    Kind::InvalidValue,
                    node.pos,
                    path,
                    "the value is empty".to_string(),
                );
                None
            }
            Value::Scalar { text, .. } if text.chars().count() > MAX_TEXT_CHARS => {
                self.error(
                    Kind::InvalidValue,
                    node.pos,
                    path,
                    format!(
                        "the text has {} characters; at most {MAX_TEXT_CHARS} are read",
                        text.chars().count()
                    ),
                );
                None
            }
            Value::Scalar { text, .. } => Some(Spanned::new(text.clone(), node.pos)),
            _ => {
                self.wrong_type(node, path, "a text value");
                None
            }
        }
    }

    fn req_str(&mut self, fields: &Fields, key: &str) -> Option<Spanned<String>> {
        let node = fields.req(self, key)?;
        self.text(node, &fields.path(key))
    }

    fn opt_str(&mut self, fields: &Fields, key: &str) -> Option<Spanned<String>> {
        let node = fields.get(key)?;
        self.text(node, &fields.path(key))
    }

    /// A required text, or an empty one (already reported) so reading goes on.
    fn str_or_empty(&mut self, fields: &Fields, key: &str) -> Spanned<String> {
        self.req_str(fields, key)
            .unwrap_or_else(|| Spanned::new(String::new(), fields.pos))
    }

    fn parse<T>(
        &mut self,
        text: Spanned<String>,
        path: &str,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<Spanned<T>> {
        match parse(&text.value) {
            Some(value) => Some(Spanned::new(value, text.pos)),
            None => {
                self.error(
                    Kind::InvalidValue,
                    text.pos,
                    path,
                    format!("`{}` is not {what}", text.value),
                );
                None
            }
        }
    }

    fn u32_of(&mut self, node: &Node, path: &str) -> Option<Spanned<u32>> {
        let text = self.text(node, path)?;
        self.parse(text, path, "a whole number from 0 to 4294967295", |t| {
            t.parse().ok()
        })
    }

    fn req_u32(&mut self, fields: &Fields, key: &str) -> Option<Spanned<u32>> {
        let node = fields.req(self, key)?;
        self.u32_of(node, &fields.path(key))
    }

    fn opt_bool(&mut self, fields: &Fields, key: &str) -> Option<Spanned<bool>> {
        let text = self.opt_str(fields, key)?;
        self.parse(text, &fields.path(key), "`true` or `false`", |t| match t {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    }

    fn req_bool(&mut self, fields: &Fields, key: &str) -> Option<Spanned<bool>> {
        fields.req(self, key)?;
        self.opt_bool(fields, key)
    }

    fn req_date(&mut self, fields: &Fields, key: &str) -> Option<Spanned<time::Date>> {
        let text = self.req_str(fields, key)?;
        let format = time::macros::format_description!("[year]-[month]-[day]");
        self.parse(text, &fields.path(key), "a date written YYYY-MM-DD", |t| {
            time::Date::parse(t, &format).ok()
        })
    }

    /// A text that must be one of the names in `table`.
    fn name_of<T: Copy>(
        &mut self,
        text: Spanned<String>,
        path: &str,
        table: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        if let Some((_, value)) = table.iter().find(|(name, _)| *name == text.value) {
            return Some(Spanned::new(*value, text.pos));
        }
        let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
        let help = did_you_mean(&text.value, names.iter().copied())
            .map(|d| format!("{d} (one of: {})", names.join(", ")))
            .unwrap_or_else(|| format!("use one of: {}", names.join(", ")));
        self.error(
            Kind::InvalidValue,
            text.pos,
            path,
            format!("`{}` is not a known value here", text.value),
        )
        .help = Some(help);
        None
    }

    fn req_name<T: Copy>(
        &mut self,
        fields: &Fields,
        key: &str,
        table: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let text = self.req_str(fields, key)?;
        self.name_of(text, &fields.path(key), table)
    }

    fn opt_name<T: Copy>(
        &mut self,
        fields: &Fields,
        key: &str,
        table: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let text = self.opt_str(fields, key)?;
        self.name_of(text, &fields.path(key), table)
    }

    /// A list of texts; a single text is not accepted, so a reviewer always
    /// sees a list where the format has one.
    fn texts(&mut self, fields: &Fields, key: &str) -> Vec<Spanned<String>> {
        let path = fields.path(key);
        self.list(fields, key, false, |r, node, i| {
            r.text(node, &format!("{path}[{i}]"))
        })
    }

    fn source_of(&mut self, node: &Node, path: &str) -> Option<Source> {
        let fields = self.map(node, path, &["section", "line", "reference"])?;
        if let Some(reference) = self.opt_str(&fields, "reference") {
            if fields.get("section").is_some() || fields.get("line").is_some() {
                self.error(
                    Kind::Inconsistent,
                    node.pos,
                    path,
                    "a source is either a document `section` (with `line`) or a `reference`, not both".to_string(),
                );
            }
            return Some(Source::Reference(reference));
        }
        let section = self.req_str(&fields, "section")?;
        let line = match fields.get("line") {
            Some(node) => self.u32_of(node, &fields.path("line")),
            None => None,
        };
        if let Some(zero) = line.as_ref().filter(|l| l.value == 0) {
            self.error(
                Kind::InvalidValue,
                zero.pos,
                &fields.path("line"),
                "line 0 does not exist: lines count from 1".to_string(),
            );
        }
        if let Some(line) = &line {
            self.cited_lines.push((line.clone(), fields.path("line")));
        }
        Some(Source::Document { section, line })
    }

    /// A cited line past the end of the converted text is an error at the
    /// citation. The text's length is written in the spec
    /// (`document.source_lines`), so this check needs no file beside it; the
    /// test that reads the text checks that number.
    fn cited_lines_exist(&mut self, document: &Document) {
        let Some(lines) = &document.source_lines else {
            return;
        };
        for (line, path) in std::mem::take(&mut self.cited_lines) {
            if line.value > lines.value {
                self.error(
                    Kind::InvalidValue,
                    line.pos,
                    &path,
                    format!(
                        "line {} is past the end of the source text, which ends at line {} (document.source_lines)",
                        line.value, lines.value
                    ),
                );
            }
        }
    }

    /// `source_lines`, required beside `source_text`: the number of lines of
    /// the converted text, so cited lines can be checked against it.
    fn source_lines(&mut self, fields: &Fields) -> Option<Spanned<u32>> {
        let lines = fields
            .get("source_lines")
            .and_then(|node| self.u32_of(node, &fields.path("source_lines")));
        if lines.is_none() && fields.get("source_lines").is_none() {
            if let Some(text) = fields.get("source_text") {
                self.error(
                    Kind::MissingKey,
                    text.pos,
                    &fields.path("source_lines"),
                    "`source_text` is given without `source_lines`, its number of lines"
                        .to_string(),
                )
                .help = Some(
                    "add `source_lines: N`, N being the converted text's number of lines"
                        .to_string(),
                );
            }
        }
        lines
    }

    fn source(&mut self, fields: &Fields) -> Option<Source> {
        let node = fields.get("source")?;
        self.source_of(node, &fields.path("source"))
    }

    fn decisions(&mut self, fields: &Fields) -> Vec<Decision> {
        let path = fields.path("decisions");
        self.list(fields, "decisions", false, |r, node, i| {
            let fields = r.map(node, &format!("{path}[{i}]"), &["topic", "text"])?;
            Some(Decision {
                topic: r.str_or_empty(&fields, "topic"),
                text: r.str_or_empty(&fields, "text"),
            })
        })
    }

    fn document(&mut self, node: &Node) -> Option<Document> {
        let fields = self.map(
            node,
            "document",
            &[
                "id",
                "title",
                "version",
                "date",
                "publisher",
                "source_text",
                "source_lines",
                "stage",
                "history",
            ],
        )?;
        let history = self.list(&fields, "history", false, |r, node, i| {
            let path = format!("document.history[{i}]");
            let fields = r.map(node, &path, &["version", "date", "description", "source"])?;
            Some(HistoryEntry {
                version: r.str_or_empty(&fields, "version"),
                date: or(r.req_date(&fields, "date"), time::Date::MIN, fields.pos),
                description: r.str_or_empty(&fields, "description"),
                source: r.source(&fields),
            })
        });
        Some(Document {
            id: self.str_or_empty(&fields, "id"),
            title: self.str_or_empty(&fields, "title"),
            version: self.str_or_empty(&fields, "version"),
            date: or(self.req_date(&fields, "date"), time::Date::MIN, fields.pos),
            publisher: self.opt_str(&fields, "publisher"),
            source_text: self.opt_str(&fields, "source_text"),
            source_lines: self.source_lines(&fields),
            stage: or(
                self.req_name(&fields, "stage", &Stage::ALL),
                Stage::First,
                fields.pos,
            ),
            history,
        })
    }

    fn format_rules(&mut self, node: &Node) -> Option<FormatRules> {
        let fields = self.map(
            node,
            "format_rules",
            &["applies_to", "text", "source", "enum", "string"],
        )?;
        let applies_to = self.req_name(&fields, "applies_to", &DIRECTIONS);
        let text = self.str_or_empty(&fields, "text");
        let source = self.source(&fields);

        let enum_rule = fields.req(self, "enum").and_then(|node| {
            let fields = self.map(
                node,
                "format_rules.enum",
                &["text", "case_insensitive", "numeric_form", "source"],
            )?;
            Some(EnumRule {
                text: self.str_or_empty(&fields, "text"),
                case_insensitive: or(self.req_bool(&fields, "case_insensitive"), true, fields.pos),
                numeric_form: or(
                    self.req_name(
                        &fields,
                        "numeric_form",
                        &[
                            ("rejected", NumericForm::Rejected),
                            ("accepted", NumericForm::Accepted),
                        ],
                    ),
                    NumericForm::Rejected,
                    fields.pos,
                ),
                source: self.source(&fields),
            })
        });

        let string_rule = fields.req(self, "string").and_then(|node| {
            let fields = self.map(
                node,
                "format_rules.string",
                &[
                    "text",
                    "max_length",
                    "length_unit",
                    "case_insensitive",
                    "allowed_characters",
                    "source",
                    "decisions",
                ],
            )?;
            let allowed_characters =
                self.list(&fields, "allowed_characters", true, |r, node, i| {
                    r.char_class(
                        node,
                        &format!("format_rules.string.allowed_characters[{i}]"),
                    )
                });
            Some(StringRule {
                text: self.str_or_empty(&fields, "text"),
                max_length: or(self.req_u32(&fields, "max_length"), 0, fields.pos),
                length_unit: or(
                    self.req_name(
                        &fields,
                        "length_unit",
                        &[("characters", LengthUnit::Characters)],
                    ),
                    LengthUnit::Characters,
                    fields.pos,
                ),
                case_insensitive: or(self.req_bool(&fields, "case_insensitive"), true, fields.pos),
                allowed_characters,
                source: self.source(&fields),
                decisions: self.decisions(&fields),
            })
        });

        let placeholder = placeholder_format_rules(fields.pos);
        Some(FormatRules {
            applies_to: or(applies_to, Direction::Request, fields.pos),
            text,
            source,
            enum_rule: enum_rule.unwrap_or(placeholder.enum_rule),
            string_rule: string_rule.unwrap_or(placeholder.string_rule),
        })
    }

    fn char_class(&mut self, node: &Node, path: &str) -> Option<Spanned<CharClass>> {
        let fields = self.map(node, path, &["from", "to", "chars"])?;
        if let Some(chars) = self.opt_str(&fields, "chars") {
            if fields.get("from").is_some() || fields.get("to").is_some() {
                self.error(
                    Kind::Inconsistent,
                    node.pos,
                    path,
                    "give either `chars` or a `from`–`to` range, not both".to_string(),
                );
            }
            return Some(Spanned::new(CharClass::Chars(chars.value), node.pos));
        }
        let one_char = |r: &mut Self, key: &str| -> Option<char> {
            let text = r.req_str(&fields, key)?;
            let mut chars = text.value.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => {
                    r.error(
                        Kind::InvalidValue,
                        text.pos,
                        &fields.path(key),
                        format!("`{}` is not a single character", text.value),
                    );
                    None
                }
            }
        };
        let from = one_char(self, "from");
        let to = one_char(self, "to");
        let (from, to) = (from?, to?);
        if from > to {
            self.error(
                Kind::InvalidValue,
                node.pos,
                path,
                format!(
                    "the range {from}–{to} is empty: U+{:04X} comes after U+{:04X}",
                    from as u32, to as u32
                ),
            )
            .help = Some(format!("write from: \"{to}\", to: \"{from}\""));
        }
        Some(Spanned::new(CharClass::Range(from, to), node.pos))
    }

    fn error_code(&mut self, node: &Node, i: usize) -> Option<ErrorCode> {
        let path = item_path(node, "code", "error_codes", i);
        let fields = self.map(
            node,
            &path,
            &["code", "owner", "description", "checked_by", "source"],
        )?;
        let code = self.req_str(&fields, "code")?;
        let checked_by = self
            .opt_name(
                &fields,
                "checked_by",
                &[
                    ("validators", CheckedBy::Validators),
                    ("register", CheckedBy::Register),
                ],
            )
            .unwrap_or(Spanned::new(CheckedBy::Validators, code.pos));
        Some(ErrorCode {
            owner: or(
                self.req_name(
                    &fields,
                    "owner",
                    &[("register", Owner::Register), ("project", Owner::Project)],
                ),
                Owner::Project,
                code.pos,
            ),
            description: self.str_or_empty(&fields, "description"),
            checked_by,
            source: self.source(&fields),
            code,
        })
    }

    fn implicit_errors(&mut self, node: &Node) -> Option<ImplicitErrors> {
        const KEYS: &[&str] = &[
            "schema",
            "required",
            "max_length",
            "allowed_characters",
            "range",
            "fixed",
            "stage",
        ];
        let fields = self.map(node, "implicit_errors", KEYS)?;
        let mut code = |key: &str| self.str_or_empty(&fields, key);
        Some(ImplicitErrors {
            schema: code("schema"),
            required: code("required"),
            max_length: code("max_length"),
            allowed_characters: code("allowed_characters"),
            range: code("range"),
            fixed: code("fixed"),
            stage: code("stage"),
        })
    }

    fn codeset(&mut self, node: &Node, i: usize) -> Option<Codeset> {
        let fields = self.map(
            node,
            &item_path(node, "id", "codesets", i),
            &[
                "id",
                "name",
                "also_called",
                "values",
                "standard",
                "source",
                "decisions",
            ],
        )?;
        let id = self.req_str(&fields, "id")?;
        let content = match (fields.get("values"), fields.get("standard")) {
            (Some(_), Some(_)) | (None, None) => {
                self.error(
                    Kind::Inconsistent,
                    fields.pos,
                    &fields.path,
                    "a codeset has either `values` (listed in the document) or `standard` (an external list)".to_string(),
                )
                .help = Some(format!(
                    "keep one of the two; the standards are: {}",
                    Standard::ALL.map(|(name, _)| name).join(", ")
                ));
                CodesetContent::Listed(Vec::new())
            }
            (Some(values), None) => {
                if matches!(&values.value, Value::Seq(items) if items.is_empty()) {
                    self.error(
                        Kind::MissingKey,
                        values.pos,
                        &fields.path,
                        "the codeset lists no values".to_string(),
                    )
                    .help = Some(
                        "list its values, or give `standard` for an external list".to_string(),
                    );
                }
                let path = fields.path.clone();
                CodesetContent::Listed(self.list(&fields, "values", true, |r, node, i| {
                    r.codeset_value(node, &format!("{path}.values[{i}]"))
                }))
            }
            (None, Some(_)) => match self.opt_name(&fields, "standard", &Standard::ALL) {
                Some(standard) => CodesetContent::Standard(standard),
                None => CodesetContent::Listed(Vec::new()),
            },
        };
        Some(Codeset {
            name: self.str_or_empty(&fields, "name"),
            also_called: self.texts(&fields, "also_called"),
            content,
            source: self.source(&fields),
            decisions: self.decisions(&fields),
            pos: fields.pos,
            id,
        })
    }

    fn codeset_value(&mut self, node: &Node, path: &str) -> Option<CodesetValue> {
        let fields = self.map(
            node,
            path,
            &[
                "code",
                "label",
                "not_allowed_in_stages",
                "source",
                "decisions",
            ],
        )?;
        let stages_path = fields.path("not_allowed_in_stages");
        Some(CodesetValue {
            code: self.req_str(&fields, "code")?,
            label: self.str_or_empty(&fields, "label"),
            not_allowed_in_stages: self.list(
                &fields,
                "not_allowed_in_stages",
                false,
                |r, node, i| {
                    let text = r.text(node, &format!("{stages_path}[{i}]"))?;
                    r.name_of(text, &stages_path, &Stage::ALL)
                },
            ),
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }

    fn api(&mut self, node: &Node) -> Option<Api> {
        let fields = self.map(
            node,
            "api",
            &[
                "name",
                "method",
                "path",
                "content_type",
                "request",
                "client_certificate",
                "environments",
                "source",
                "decisions",
            ],
        )?;
        let pos = fields.pos;
        let client_certificate = fields
            .req(self, "client_certificate")
            .and_then(|node| {
                let fields = self.map(node, "api.client_certificate", &["purpose", "source"])?;
                Some(ClientCertificate {
                    purpose: self.str_or_empty(&fields, "purpose"),
                    source: self.source(&fields),
                })
            })
            .unwrap_or_else(|| ClientCertificate {
                purpose: Spanned::new(String::new(), pos),
                source: None,
            });
        let environments = self.list(&fields, "environments", true, |r, node, i| {
            let path = item_path(node, "name", "api.environments", i);
            let fields = r.map(
                node,
                &path,
                &[
                    "name",
                    "base_url",
                    "target_environment",
                    "source",
                    "decisions",
                ],
            )?;
            Some(Environment {
                name: r.req_str(&fields, "name")?,
                base_url: r.str_or_empty(&fields, "base_url"),
                target_environment: r.opt_str(&fields, "target_environment"),
                source: r.source(&fields),
                decisions: r.decisions(&fields),
            })
        });
        Some(Api {
            name: self.str_or_empty(&fields, "name"),
            method: self.str_or_empty(&fields, "method"),
            path: self.str_or_empty(&fields, "path"),
            content_type: self.str_or_empty(&fields, "content_type"),
            request: self.str_or_empty(&fields, "request"),
            client_certificate,
            environments,
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }

    fn http_status(&mut self, node: &Node, i: usize) -> Option<HttpStatus> {
        let fields = self.map(
            node,
            &format!("http_statuses[{i}]"),
            &["status", "reason", "messages", "source", "decisions"],
        )?;
        let status = self.req_str(&fields, "status")?;
        let status = self.parse(
            status,
            &fields.path("status"),
            "an HTTP status from 100 to 599",
            |t| t.parse::<u16>().ok().filter(|s| (100..=599).contains(s)),
        )?;
        Some(HttpStatus {
            status,
            reason: self.str_or_empty(&fields, "reason"),
            messages: self.texts(&fields, "messages"),
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }

    fn footnote_marker(&mut self, node: &Node, i: usize) -> Option<FootnoteMarker> {
        let fields = self.map(
            node,
            &format!("footnote_markers[{i}]"),
            &[
                "marker",
                "text",
                "withheld_when_any_true",
                "withheld_when_date",
                "source",
            ],
        )?;
        let marker = self.req_name(&fields, "marker", &Marker::ALL)?;
        let effect = match (
            fields.get("withheld_when_any_true"),
            fields.get("withheld_when_date"),
        ) {
            (Some(_), None) => {
                MarkerEffect::WithheldWhenAnyTrue(self.texts(&fields, "withheld_when_any_true"))
            }
            (None, Some(_)) => MarkerEffect::WithheldWhenDate(self.opt_name(
                &fields,
                "withheld_when_date",
                &[
                    ("earlier_than_added", DateComparison::EarlierThanAdded),
                    (
                        "earlier_than_or_same_as_added",
                        DateComparison::EarlierThanOrSameAsAdded,
                    ),
                ],
            )?),
            _ => {
                self.error(
                    Kind::Inconsistent,
                    fields.pos,
                    &fields.path,
                    "a footnote marker has exactly one of `withheld_when_any_true` and `withheld_when_date`".to_string(),
                );
                return None;
            }
        };
        Some(FootnoteMarker {
            marker,
            text: self.str_or_empty(&fields, "text"),
            effect,
            source: self.source(&fields),
        })
    }

    fn message(&mut self, node: &Node, i: usize) -> Option<Message> {
        let fields = self.map(
            node,
            &item_path(node, "id", "messages", i),
            &[
                "id",
                "name",
                "direction",
                "notes",
                "decisions",
                "source",
                "elements",
            ],
        )?;
        let id = self.req_str(&fields, "id")?;
        let path = fields.path.clone();
        let elements = self.list(&fields, "elements", true, |r, node, i| {
            r.element(node, &path, i)
        });
        Some(Message {
            name: self.str_or_empty(&fields, "name"),
            // A response allows every key, so a missing direction adds no reports.
            direction: or(
                self.req_name(&fields, "direction", &DIRECTIONS),
                Direction::Response,
                fields.pos,
            ),
            notes: self.texts(&fields, "notes"),
            decisions: self.decisions(&fields),
            source: self.source(&fields),
            elements,
            pos: fields.pos,
            id,
        })
    }

    fn element(&mut self, node: &Node, parent: &str, i: usize) -> Option<Element> {
        let path = match scalar_under(node, "json") {
            Some(json) => join(parent, json),
            None => format!("{parent}.elements[{i}]"),
        };
        let fields = self.map(node, &path, ELEMENT_KEYS)?;
        let json = self.req_str(&fields, "json")?;
        let path = fields.path.clone();
        let elements = self.list(&fields, "elements", false, |r, node, i| {
            r.element(node, &path, i)
        });
        let data_type = self.opt_str(&fields, "data_type");
        let shape = self.shape(&fields, data_type.as_ref(), !elements.is_empty());
        let rules = self.list(&fields, "rules", false, |r, node, i| {
            r.rule(node, &format!("{path}.rules[{i}]"))
        });
        let markers = {
            let markers_path = fields.path("markers");
            self.list(&fields, "markers", false, |r, node, i| {
                let text = r.text(node, &format!("{markers_path}[{i}]"))?;
                r.name_of(text, &markers_path, &Marker::ALL)
            })
        };
        let compared_date = self.opt_str(&fields, "compared_date").map(|text| {
            let value = if text.value == "self" {
                ComparedDate::ItSelf
            } else {
                ComparedDate::Element(text.value)
            };
            Spanned::new(value, text.pos)
        });
        let source = match fields.get("source") {
            Some(node) => match &node.value {
                Value::Seq(items) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, node)| self.source_of(node, &format!("{path}.source[{i}]")))
                    .collect(),
                _ => self
                    .source_of(node, &fields.path("source"))
                    .into_iter()
                    .collect(),
            },
            None => Vec::new(),
        };
        Some(Element {
            name: self.str_or_empty(&fields, "name"),
            data_type,
            shape,
            required: self.opt_name(
                &fields,
                "required",
                &[("P", Required::P), ("E", Required::E), ("V", Required::V)],
            ),
            permissible: self.opt_str(&fields, "permissible"),
            codeset: self.opt_str(&fields, "codeset"),
            range: fields
                .get("range")
                .and_then(|node| self.range(node, &fields.path("range"))),
            fixed: self.opt_bool(&fields, "fixed"),
            rules,
            notes: self.texts(&fields, "notes"),
            presence: fields
                .get("presence")
                .and_then(|node| self.presence(node, &fields.path("presence"))),
            markers,
            compared_date,
            renamed_from: self.opt_str(&fields, "renamed_from"),
            parties: fields.get("parties").and_then(|node| {
                let f = self.map(
                    node,
                    &fields.path("parties"),
                    &["id_code", "original", "added", "removed"],
                )?;
                Some(PartyRoles {
                    id_code: self.req_str(&f, "id_code")?,
                    original: self.req_str(&f, "original")?,
                    added: self.req_str(&f, "added")?,
                    removed: self.req_str(&f, "removed")?,
                    pos: node.pos,
                })
            }),
            register_side: self
                .opt_bool(&fields, "register_side")
                .is_some_and(|b| b.value),
            source,
            decisions: self.decisions(&fields),
            elements,
            pos: fields.pos,
            path: fields.path,
            json,
        })
    }

    /// What an element is: its data type, and whether it has elements.
    fn shape(
        &mut self,
        fields: &Fields,
        data_type: Option<&Spanned<String>>,
        has_elements: bool,
    ) -> Shape {
        let Some(data_type) = data_type else {
            if !has_elements {
                self.error(
                    Kind::MissingKey,
                    fields.pos,
                    &fields.path,
                    "the element has neither `data_type` nor `elements`".to_string(),
                )
                .help = Some(
                    "a data element needs `data_type`; a group row needs its `elements`"
                        .to_string(),
                );
            }
            return Shape::Group;
        };
        let known = DATA_TYPES.iter().find(|(name, _)| *name == data_type.value);
        match known {
            None => {
                let names: Vec<&str> = DATA_TYPES.iter().map(|(name, _)| *name).collect();
                self.error(
                    Kind::InvalidValue,
                    data_type.pos,
                    &fields.path("data_type"),
                    format!("unknown data type `{}`", data_type.value),
                )
                .help = Some(
                    did_you_mean(&data_type.value, names.iter().copied())
                        .unwrap_or_else(|| format!("the data types are: {}", names.join(", "))),
                );
                Shape::Group
            }
            Some((_, None)) => {
                if !has_elements {
                    self.error(
                        Kind::MissingKey,
                        data_type.pos,
                        &fields.path,
                        "a `List` element needs `elements` (the fields of each item)".to_string(),
                    )
                    .help = Some(
                        "for a list of codeset values write `data_type: List Enum`".to_string(),
                    );
                }
                Shape::GroupList
            }
            Some((_, Some(shape))) => {
                if has_elements {
                    self.error(
                        Kind::Inconsistent,
                        data_type.pos,
                        &fields.path,
                        format!("a `{}` element cannot have `elements`", data_type.value),
                    )
                    .help = Some(
                        "a group row has no data type; a list of groups is `List`".to_string(),
                    );
                }
                *shape
            }
        }
    }

    fn range(&mut self, node: &Node, path: &str) -> Option<Spanned<Range>> {
        let fields = self.map(node, path, &["min", "max"])?;
        let bound = |r: &mut Self, key: &str| -> Option<i64> {
            let text = r.opt_str(&fields, key)?;
            r.parse(text, &fields.path(key), "a whole number", |t| {
                t.parse().ok()
            })
            .map(|s| s.value)
        };
        let range = Range {
            min: bound(self, "min"),
            max: bound(self, "max"),
        };
        if range.min.is_none() && range.max.is_none() {
            self.error(
                Kind::MissingKey,
                node.pos,
                path,
                "a range needs `min`, `max` or both".to_string(),
            );
            return None;
        }
        Some(Spanned::new(range, node.pos))
    }

    fn rule(&mut self, node: &Node, path: &str) -> Option<Rule> {
        let fields = self.map(
            node,
            path,
            &[
                "text",
                "origin",
                "error",
                "required_if",
                "absent_if",
                "allowed_values",
                "min_items",
                "id_code",
            ],
        )?;
        let present: Vec<&str> = CHECK_KEYS
            .iter()
            .copied()
            .filter(|k| fields.get(k).is_some())
            .collect();
        if present.len() > 1 {
            self.error(
                Kind::Inconsistent,
                node.pos,
                path,
                format!(
                    "a rule has at most one check, this one has {}",
                    present.join(" and ")
                ),
            )
            .help = Some("split it into one rule per check, each with its own `error`".to_string());
        }
        let check = match present.first().copied() {
            Some("required_if") => fields.get("required_if").and_then(|node| {
                let p = fields.path("required_if");
                let f = self.map(node, &p, &["element", "equals"])?;
                let check = Check::RequiredIf {
                    element: self.req_str(&f, "element")?,
                    equals: self.req_str(&f, "equals")?,
                };
                Some(Spanned::new(check, node.pos))
            }),
            Some("absent_if") => fields.get("absent_if").and_then(|node| {
                let p = fields.path("absent_if");
                let f = self.map(node, &p, &["element", "equals"])?;
                let check = Check::AbsentIf {
                    element: self.req_str(&f, "element")?,
                    equals: self.req_str(&f, "equals")?,
                };
                Some(Spanned::new(check, node.pos))
            }),
            Some("allowed_values") => {
                let node = fields.get("allowed_values")?;
                let values = self.texts(&fields, "allowed_values");
                Some(Spanned::new(Check::AllowedValues(values), node.pos))
            }
            Some("min_items") => {
                let node = fields.get("min_items")?;
                let n = self.u32_of(node, &fields.path("min_items"))?;
                Some(Spanned::new(Check::MinItems(n), node.pos))
            }
            Some("id_code") => fields.get("id_code").and_then(|node| {
                let f = self.map(node, &fields.path("id_code"), &["type_element", "formats"])?;
                let formats_path = f.path("formats");
                let formats = match f.req(self, "formats") {
                    Some(node) => match &node.value {
                        Value::Map(entries) => entries
                            .iter()
                            .filter_map(|(key, value)| {
                                let code = Spanned::new(key.text.clone(), key.pos);
                                let text = self.text(value, &formats_path)?;
                                let format = self.name_of(text, &formats_path, &IdFormat::ALL)?;
                                Some((code, format))
                            })
                            .collect(),
                        _ => {
                            self.wrong_type(
                                node,
                                &formats_path,
                                "a mapping from type codes to formats",
                            );
                            Vec::new()
                        }
                    },
                    None => Vec::new(),
                };
                let check = Check::IdCode {
                    type_element: self.req_str(&f, "type_element")?,
                    formats,
                };
                Some(Spanned::new(check, node.pos))
            }),
            _ => None,
        };
        Some(Rule {
            text: self.str_or_empty(&fields, "text"),
            origin: self
                .opt_name(
                    &fields,
                    "origin",
                    &[
                        ("document", Origin::Document),
                        ("domain-notes", Origin::DomainNotes),
                    ],
                )
                .unwrap_or(Spanned::new(Origin::Document, node.pos)),
            check,
            error: self.opt_str(&fields, "error"),
            pos: node.pos,
        })
    }

    fn presence(&mut self, node: &Node, path: &str) -> Option<Presence> {
        let fields = self.map(node, path, &["text", "returned_if"])?;
        let returned_if = fields
            .get("returned_if")
            .and_then(|node| self.condition(node, &fields.path("returned_if")));
        Some(Presence {
            text: self.str_or_empty(&fields, "text"),
            returned_if,
        })
    }

    fn condition(&mut self, node: &Node, path: &str) -> Option<Spanned<Condition>> {
        let fields = self.map(
            node,
            path,
            &[
                "element",
                "equals",
                "in",
                "not_in",
                "within_years_after",
                "reader_is",
                "reported",
            ],
        )?;
        let kinds: Vec<&str> = [
            "equals",
            "in",
            "not_in",
            "within_years_after",
            "reader_is",
            "reported",
        ]
        .into_iter()
        .filter(|k| fields.get(k).is_some())
        .collect();
        let [kind] = kinds.as_slice() else {
            self.error(
                Kind::Inconsistent,
                node.pos,
                path,
                if kinds.is_empty() {
                    "a condition needs one of `equals`, `in`, `not_in` (with `element`), `within_years_after`, `reader_is` or `reported`".to_string()
                } else {
                    format!("a condition has one kind, this one has {}", kinds.join(" and "))
                },
            );
            return None;
        };
        let needs_element = matches!(*kind, "equals" | "in" | "not_in");
        if !needs_element && fields.get("element").is_some() {
            self.error(
                Kind::Inconsistent,
                node.pos,
                path,
                format!("`element` goes with `equals`, `in` or `not_in`, not with `{kind}`"),
            );
        }
        let condition = match *kind {
            "equals" => Condition::Equals {
                element: self.req_str(&fields, "element")?,
                value: self.req_str(&fields, "equals")?,
            },
            "in" => Condition::In {
                element: self.req_str(&fields, "element")?,
                values: self.texts(&fields, "in"),
            },
            "not_in" => Condition::NotIn {
                element: self.req_str(&fields, "element")?,
                values: self.texts(&fields, "not_in"),
            },
            "within_years_after" => {
                let node = fields.get("within_years_after")?;
                let f = self.map(
                    node,
                    &fields.path("within_years_after"),
                    &["element", "years"],
                )?;
                Condition::WithinYearsAfter {
                    element: self.req_str(&f, "element")?,
                    years: self.req_u32(&f, "years")?,
                }
            }
            "reader_is" => Condition::ReaderIs {
                element: self.req_str(&fields, "reader_is")?,
            },
            _ => {
                let reported = self.req_bool(&fields, "reported")?;
                if !reported.value {
                    self.error(
                        Kind::InvalidValue,
                        reported.pos,
                        &fields.path("reported"),
                        "`reported` can only be `true`".to_string(),
                    )
                    .help = Some(
                        "leave `returned_if` out if the element is always returned".to_string(),
                    );
                }
                Condition::Reported
            }
        };
        Some(Spanned::new(condition, node.pos))
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
    "parties",
    "source",
    "decisions",
    "elements",
];
