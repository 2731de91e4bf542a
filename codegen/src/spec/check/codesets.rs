//! Codesets, and the codes and codesets elements name.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn codesets(&mut self) {
        let spec = self.spec;
        self.unique(
            spec.codesets
                .iter()
                .map(|c| (&c.id, format!("codesets[{}]", c.id.value))),
            "codeset",
            false,
        );
        for codeset in &spec.codesets {
            let path = format!("codesets[{}]", codeset.id.value);
            if !is_identifier(&codeset.id.value) {
                self.report(
                    Kind::InvalidValue,
                    codeset.id.pos,
                    &path,
                    format!(
                        "codeset id `{}` is not a name of letters and digits",
                        codeset.id.value
                    ),
                    Some("use the name in parentheses in the document, e.g. LoanType".to_string()),
                );
            }
            if let CodesetContent::Listed(values) = &codeset.content {
                self.unique(
                    values
                        .iter()
                        .map(|v| (&v.code, format!("{path}.values[{}]", v.code.value))),
                    "code",
                    true,
                );
                for value in values {
                    let code = &value.code.value;
                    if !is_identifier(code) {
                        self.report(
                            Kind::InvalidValue,
                            value.code.pos,
                            &format!("{path}.values[{code}]"),
                            format!("code `{code}` is not a name of letters and digits"),
                            Some(
                                "codes are sent by name (2.2); use the name in parentheses"
                                    .to_string(),
                            ),
                        );
                    }
                }
            }
        }
    }

    /// Resolves the element's codeset and checks it fits the data type.
    pub(super) fn element_codeset(&mut self, element: &Element) -> Option<&'a Codeset> {
        let path = element.path.as_str();
        let scalar = element.shape.scalar();
        let Some(name) = &element.codeset else {
            if scalar == Some(ScalarType::Enum) {
                self.report(
                    Kind::MissingKey,
                    element.pos,
                    path,
                    "an Enum element needs `codeset`".to_string(),
                    Some("name the codeset its Permissible values column gives".to_string()),
                );
            }
            return None;
        };
        if !matches!(scalar, Some(ScalarType::Enum | ScalarType::String)) {
            self.report(
                Kind::Inconsistent,
                name.pos,
                path,
                "only Enum and String elements take their values from a codeset".to_string(),
                None,
            );
        }
        let found = self.codesets.get(name.value.as_str()).copied();
        if found.is_none() {
            let help =
                did_you_mean(&name.value, self.codesets.keys().copied()).unwrap_or_else(|| {
                    let mut known: Vec<&str> = self.codesets.keys().copied().collect();
                    known.sort_unstable();
                    format!(
                        "define it under `codesets`, or use one of: {}",
                        known.join(", ")
                    )
                });
            self.report(
                Kind::UnknownCodeset,
                name.pos,
                path,
                format!("codeset `{}` is not defined", name.value),
                Some(help),
            );
        }
        found
    }

    /// The Permissible values column, as written, agrees with the structured
    /// keys read from it: `Codeset: X` with `codeset`, `>=0` with `range`,
    /// `true` with `fixed`.
    pub(super) fn permissible(&mut self, element: &Element, codeset: Option<&Codeset>) {
        let path = element.path.as_str();
        let scalar = element.shape.scalar();
        let text = element.permissible.as_ref();
        if let Some(text) = text {
            if let Some(name) = text.value.strip_prefix("Codeset: ") {
                match codeset {
                    Some(codeset)
                        if codeset.name.value == name
                            || codeset.also_called.iter().any(|a| a.value == name) => {}
                    Some(codeset) => self.report(
                        Kind::Inconsistent,
                        text.pos,
                        path,
                        format!(
                            "the document names codeset \"{name}\", but `codeset` is {} (\"{}\")",
                            codeset.id.value, codeset.name.value
                        ),
                        Some(format!(
                            "pick the codeset named \"{name}\", or add that name to the `also_called` of {}",
                            codeset.id.value
                        )),
                    ),
                    // An Enum without a codeset is reported by `element_codeset`.
                    None if element.codeset.is_none() && scalar != Some(ScalarType::Enum) => self.report(
                        Kind::MissingKey,
                        text.pos,
                        path,
                        format!("the document names codeset \"{name}\", but the element has no `codeset`"),
                        None,
                    ),
                    None => {}
                }
            }
        }
        let written_min = text
            .and_then(|t| t.value.strip_prefix(">="))
            .and_then(|n| n.trim().parse::<i64>().ok());
        match (&element.range, written_min) {
            (None, Some(min)) => self.report(
                Kind::MissingKey,
                element.pos,
                path,
                format!("the permissible values are \">={min}\", but the element has no `range`"),
                Some(format!("add `range: {{min: {min}}}`")),
            ),
            (Some(range), Some(min)) if range.value.min != Some(min) => self.report(
                Kind::Inconsistent,
                range.pos,
                path,
                format!("the permissible values are \">={min}\", but `range` says otherwise"),
                Some(format!("write `range: {{min: {min}}}`")),
            ),
            _ => {}
        }
        if let Some(range) = &element.range {
            if !matches!(scalar, Some(ScalarType::Int | ScalarType::Decimal)) {
                self.report(
                    Kind::Inconsistent,
                    range.pos,
                    path,
                    "a `range` applies to Int and Decimal elements only".to_string(),
                    None,
                );
            }
            if let (Some(min), Some(max)) = (range.value.min, range.value.max) {
                if min > max {
                    self.report(
                        Kind::InvalidValue,
                        range.pos,
                        path,
                        format!("the range is empty: min {min} is above max {max}"),
                        None,
                    );
                }
            }
        }
        let written_fixed = match text.map(|t| t.value.as_str()) {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        };
        match (&element.fixed, written_fixed) {
            (None, Some(value)) => self.report(
                Kind::MissingKey,
                element.pos,
                path,
                format!("the only permissible value is {value}, but the element has no `fixed`"),
                Some(format!("add `fixed: {value}`")),
            ),
            (Some(fixed), Some(value)) if fixed.value != value => self.report(
                Kind::Inconsistent,
                fixed.pos,
                path,
                format!(
                    "the only permissible value is {value}, but `fixed` is {}",
                    fixed.value
                ),
                None,
            ),
            _ => {}
        }
        if let Some(fixed) = &element.fixed {
            if scalar != Some(ScalarType::Boolean) {
                self.report(
                    Kind::Inconsistent,
                    fixed.pos,
                    path,
                    "`fixed` applies to Boolean elements only".to_string(),
                    None,
                );
            }
        }
    }

    pub(super) fn code_in(&mut self, codeset: &Codeset, value: &Spanned<String>, path: &str) {
        // An external standard is checked by the generated code, and a codeset
        // without values has been reported already.
        if codeset.values().is_empty() || codeset.value(&value.value).is_some() {
            return;
        }
        let codes: Vec<&str> = codeset
            .values()
            .iter()
            .map(|v| v.code.value.as_str())
            .collect();
        let help = did_you_mean(&value.value, codes.iter().copied())
            .unwrap_or_else(|| format!("the codes are: {}", codes.join(", ")));
        self.report(
            Kind::UnknownCodesetValue,
            value.pos,
            path,
            format!(
                "`{}` is not a code of codeset {}",
                value.value, codeset.id.value
            ),
            Some(help),
        );
    }
}
