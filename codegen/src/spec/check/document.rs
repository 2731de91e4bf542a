//! The document, its history, and the error codes and their references.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn document(&mut self) {
        let document = &self.spec.document;
        self.unique(
            document
                .history
                .iter()
                .enumerate()
                .map(|(i, h)| (&h.version, format!("document.history[{i}]"))),
            "version",
            false,
        );
        for pair in document.history.windows(2) {
            if pair[1].date.value < pair[0].date.value {
                self.report(
                    Kind::Inconsistent,
                    pair[1].date.pos,
                    "document.history",
                    format!(
                        "version {} is dated before version {}",
                        pair[1].version.value, pair[0].version.value
                    ),
                    Some("list the history rows in the document's order, oldest first".to_string()),
                );
            }
        }
        if let Some(last) = document.history.last() {
            if last.version.value != document.version.value {
                self.report(
                    Kind::Inconsistent,
                    last.version.pos,
                    "document.history",
                    format!(
                        "the last history row is version {}, but the document is version {}",
                        last.version.value, document.version.value
                    ),
                    Some(
                        "the history of a document ends with the document's own version"
                            .to_string(),
                    ),
                );
            }
        }
    }

    pub(super) fn error_codes(&mut self) {
        let spec = self.spec;
        self.unique(
            spec.error_codes
                .iter()
                .map(|e| (&e.code, format!("error_codes[{}]", e.code.value))),
            "error code",
            false,
        );
        for error in &spec.error_codes {
            let code = &error.code.value;
            let (ok, help) = match error.owner.value {
                Owner::Register => (
                    is_register_code(code),
                    "the register's codes are a capital letter and two digits, e.g. D40",
                ),
                Owner::Project => (
                    is_project_code(code),
                    "the project's codes are PCR- and capitalised words, e.g. PCR-REQUIRED, so they never look like the register's",
                ),
            };
            if !ok {
                self.report(
                    Kind::InvalidValue,
                    error.code.pos,
                    &format!("error_codes[{code}]"),
                    format!("`{code}` is not shaped like a code of its owner"),
                    Some(help.to_string()),
                );
            }
        }
        for (key, code) in spec.implicit_errors.all() {
            self.error_code_ref(code, &format!("implicit_errors.{key}"));
        }
    }

    pub(super) fn error_code_ref(&mut self, code: &Spanned<String>, path: &str) {
        let known = &self.spec.error_codes;
        if code.value.is_empty() || known.iter().any(|e| e.code.value == code.value) {
            return;
        }
        let help = did_you_mean(&code.value, known.iter().map(|e| e.code.value.as_str()))
            .unwrap_or_else(|| "declare it under `error_codes` with its owner".to_string());
        self.report(
            Kind::UnknownErrorCode,
            code.pos,
            path,
            format!("error code `{}` is not declared", code.value),
            Some(help),
        );
    }
}
