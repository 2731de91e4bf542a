//! Scalar values: texts (with their length limit), numbers, booleans,
//! dates and names from a fixed list, each reported where it is wrong.

use super::*;

impl Reader<'_> {
    /// The text of a scalar node.
    pub(super) fn text(&mut self, node: &Node, path: &str) -> Option<Spanned<String>> {
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

    pub(super) fn req_str(&mut self, fields: &Fields, key: &str) -> Option<Spanned<String>> {
        let node = fields.req(self, key)?;
        self.text(node, &fields.path(key))
    }

    pub(super) fn opt_str(&mut self, fields: &Fields, key: &str) -> Option<Spanned<String>> {
        let node = fields.get(key)?;
        self.text(node, &fields.path(key))
    }

    /// A required text, or an empty one (already reported) so reading goes on.
    pub(super) fn str_or_empty(&mut self, fields: &Fields, key: &str) -> Spanned<String> {
        self.req_str(fields, key)
            .unwrap_or_else(|| Spanned::new(String::new(), fields.pos))
    }

    pub(super) fn parse<T>(
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

    pub(super) fn u32_of(&mut self, node: &Node, path: &str) -> Option<Spanned<u32>> {
        let text = self.text(node, path)?;
        self.parse(text, path, "a whole number from 0 to 4294967295", |t| {
            t.parse().ok()
        })
    }

    pub(super) fn req_u32(&mut self, fields: &Fields, key: &str) -> Option<Spanned<u32>> {
        let node = fields.req(self, key)?;
        self.u32_of(node, &fields.path(key))
    }

    pub(super) fn opt_bool(&mut self, fields: &Fields, key: &str) -> Option<Spanned<bool>> {
        let text = self.opt_str(fields, key)?;
        self.parse(text, &fields.path(key), "`true` or `false`", |t| match t {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
    }

    pub(super) fn req_bool(&mut self, fields: &Fields, key: &str) -> Option<Spanned<bool>> {
        fields.req(self, key)?;
        self.opt_bool(fields, key)
    }

    /// `from` and `until`: the days something is in force; `until` must
    /// come after `from`.
    pub(super) fn in_force(&mut self, fields: &Fields) -> InForce {
        let dates = InForce {
            from: self.opt_date(fields, "from"),
            until: self.opt_date(fields, "until"),
        };
        if let (Some(from), Some(until)) = (&dates.from, &dates.until) {
            if until.value <= from.value {
                self.error(
                    Kind::Inconsistent,
                    until.pos,
                    &fields.path("until"),
                    format!(
                        "`until` ({}) is not after `from` ({}): in force on no day",
                        until.value, from.value
                    ),
                )
                .help = Some(
                    "`until` is the first day no longer in force; it must come after `from`"
                        .to_string(),
                );
            }
        }
        dates
    }

    pub(super) fn req_date(&mut self, fields: &Fields, key: &str) -> Option<Spanned<time::Date>> {
        fields.req(self, key)?;
        self.opt_date(fields, key)
    }

    pub(super) fn opt_date(&mut self, fields: &Fields, key: &str) -> Option<Spanned<time::Date>> {
        let text = self.opt_str(fields, key)?;
        let format = time::macros::format_description!("[year]-[month]-[day]");
        self.parse(text, &fields.path(key), "a date written YYYY-MM-DD", |t| {
            time::Date::parse(t, &format).ok()
        })
    }

    /// A text that must be one of the names in `table`.
    pub(super) fn name_of<T: Copy>(
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

    pub(super) fn req_name<T: Copy>(
        &mut self,
        fields: &Fields,
        key: &str,
        table: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let text = self.req_str(fields, key)?;
        self.name_of(text, &fields.path(key), table)
    }

    pub(super) fn opt_name<T: Copy>(
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
    pub(super) fn texts(&mut self, fields: &Fields, key: &str) -> Vec<Spanned<String>> {
        let path = fields.path(key);
        self.list(fields, key, false, |r, node, i| {
            r.text(node, &format!("{path}[{i}]"))
        })
    }
}
