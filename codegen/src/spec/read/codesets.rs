//! `codesets`: each codeset and its values.

use super::*;

impl Reader<'_> {
    pub(super) fn codeset(&mut self, node: &Node, i: usize) -> Option<Codeset> {
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

    pub(super) fn codeset_value(&mut self, node: &Node, path: &str) -> Option<CodesetValue> {
        let fields = self.map(
            node,
            path,
            &[
                "code",
                "label",
                "not_allowed_in_stages",
                "from",
                "until",
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
            in_force: self.in_force(&fields),
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }
}
