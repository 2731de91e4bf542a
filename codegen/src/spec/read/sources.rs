//! `source` citations, the cited lines checked against
//! `document.source_lines`, and `decisions`.

use super::*;

impl Reader<'_> {
    pub(super) fn source_of(&mut self, node: &Node, path: &str) -> Option<Source> {
        let fields = self.map(
            node,
            path,
            &["section", "line", "reference", "title", "address", "read"],
        )?;
        let document_keys = fields.get("section").is_some() || fields.get("line").is_some();
        if fields.get("title").is_some()
            || fields.get("address").is_some()
            || fields.get("read").is_some()
        {
            if document_keys || fields.get("reference").is_some() {
                self.error(
                    Kind::Inconsistent,
                    node.pos,
                    path,
                    "a page (`title`, `address`, `read`) is cited alone, without `section`, `line` or `reference`".to_string(),
                );
            }
            let title = self.req_str(&fields, "title");
            let address = self.req_str(&fields, "address");
            let read = self.req_date(&fields, "read");
            if let Some(address) = &address {
                if !address.value.starts_with("https://")
                    || address.value.contains(char::is_whitespace)
                {
                    self.error(
                        Kind::InvalidValue,
                        address.pos,
                        &fields.path("address"),
                        format!("`{}` is not an https:// address", address.value),
                    );
                }
            }
            // A part missing has been reported; the page is still a
            // source, so the element is not reported as uncited too.
            return Some(Source::Page {
                title: or(title, String::new(), node.pos),
                address: or(address, String::new(), node.pos),
                read: or(read, time::Date::MIN, node.pos),
            });
        }
        if let Some(reference) = self.opt_str(&fields, "reference") {
            if document_keys {
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

    /// `source`: one source or a list of them.
    pub(super) fn sources(&mut self, fields: &Fields) -> Vec<Source> {
        let Some(node) = fields.get("source") else {
            return Vec::new();
        };
        let path = fields.path("source");
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, node)| self.source_of(node, &format!("{path}[{i}]")))
                .collect(),
            _ => self.source_of(node, &path).into_iter().collect(),
        }
    }

    pub(super) fn source(&mut self, fields: &Fields) -> Option<Source> {
        let node = fields.get("source")?;
        self.source_of(node, &fields.path("source"))
    }

    /// `source_lines`, required beside `source_text`: the number of lines of
    /// the converted text, so cited lines can be checked against it.
    pub(super) fn source_lines(&mut self, fields: &Fields) -> Option<Spanned<u32>> {
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

    /// A cited line past the end of the converted text is an error at the
    /// citation. The text's length is written in the spec
    /// (`document.source_lines`), so this check needs no file beside it; the
    /// test that reads the text checks that number.
    pub(super) fn cited_lines_exist(&mut self, document: &Document) {
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

    pub(super) fn decisions(&mut self, fields: &Fields) -> Vec<Decision> {
        let path = fields.path("decisions");
        self.list(fields, "decisions", false, |r, node, i| {
            let fields = r.map(node, &format!("{path}[{i}]"), &["topic", "text"])?;
            Some(Decision {
                topic: r.str_or_empty(&fields, "topic"),
                text: r.str_or_empty(&fields, "text"),
            })
        })
    }
}
