//! The `document` section and the project-wide tables beside it:
//! `format_rules`, `error_codes` and `implicit_errors`.

use super::*;

impl Reader<'_> {
    pub(super) fn document(&mut self, node: &Node) -> Option<Document> {
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

    pub(super) fn format_rules(&mut self, node: &Node) -> Option<FormatRules> {
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

    pub(super) fn char_class(&mut self, node: &Node, path: &str) -> Option<Spanned<CharClass>> {
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

    pub(super) fn error_code(&mut self, node: &Node, i: usize) -> Option<ErrorCode> {
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

    pub(super) fn implicit_errors(&mut self, node: &Node) -> Option<ImplicitErrors> {
        const KEYS: &[&str] = &[
            "schema",
            "required",
            "max_length",
            "allowed_characters",
            "range",
            "fixed",
            "stage",
            "in_force",
        ];
        let fields = self.map(node, "implicit_errors", KEYS)?;
        let code = |r: &mut Self, key: &str| r.str_or_empty(&fields, key);
        Some(ImplicitErrors {
            schema: code(self, "schema"),
            required: code(self, "required"),
            max_length: code(self, "max_length"),
            allowed_characters: code(self, "allowed_characters"),
            range: code(self, "range"),
            fixed: code(self, "fixed"),
            stage: code(self, "stage"),
            in_force: self.opt_str(&fields, "in_force"),
        })
    }
}

impl Reader<'_> {
    /// One row of `stages`: a stage and the day it starts per environment.
    pub(super) fn stage_dates(&mut self, node: &Node, i: usize) -> Option<StageDates> {
        let path = item_path(node, "stage", "stages", i);
        let fields = self.map(node, &path, &["stage", "starts", "decisions"])?;
        let stage = self.req_name(&fields, "stage", &Stage::ALL)?;
        let starts_path = fields.path("starts");
        let starts = self.list(&fields, "starts", true, |r, node, i| {
            let path = item_path(node, "environment", &starts_path, i);
            let fields = r.map(node, &path, &["environment", "date", "source"])?;
            let environment = r.req_str(&fields, "environment")?;
            if environment
                .value
                .parse::<pcr_runtime::Environment>()
                .is_err()
            {
                r.error(
                    Kind::InvalidValue,
                    environment.pos,
                    &fields.path("environment"),
                    format!(
                        "`{}` is not an environment a stage can start in",
                        environment.value
                    ),
                )
                .help = Some(format!(
                    "use one of: {}",
                    pcr_runtime::Environment::ALL.map(|e| e.name()).join(", ")
                ));
            }
            Some(StageStart {
                date: r.req_date(&fields, "date")?,
                source: r.source(&fields),
                environment,
            })
        });
        Some(StageDates {
            stage,
            starts,
            decisions: self.decisions(&fields),
            pos: fields.pos,
        })
    }
}
