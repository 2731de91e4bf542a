//! An element's `rules`, `presence` and the conditions in them.

use super::*;

impl Reader<'_> {
    pub(super) fn rule(&mut self, node: &Node, path: &str) -> Option<Rule> {
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
            Some(key @ ("required_if" | "absent_if")) => fields.get(key).and_then(|node| {
                let f = self.map(node, &fields.path(key), &["element", "equals"])?;
                let (element, equals) = (self.req_str(&f, "element")?, self.req_str(&f, "equals")?);
                let check = if key == "required_if" {
                    Check::RequiredIf { element, equals }
                } else {
                    Check::AbsentIf { element, equals }
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

    pub(super) fn presence(&mut self, node: &Node, path: &str) -> Option<Presence> {
        let fields = self.map(node, path, &["text", "returned_if"])?;
        let returned_if = fields
            .get("returned_if")
            .and_then(|node| self.condition(node, &fields.path("returned_if")));
        Some(Presence {
            text: self.str_or_empty(&fields, "text"),
            returned_if,
        })
    }

    pub(super) fn condition(&mut self, node: &Node, path: &str) -> Option<Spanned<Condition>> {
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
