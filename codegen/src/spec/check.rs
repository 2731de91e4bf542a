//! The rules that span the spec: references resolve, names are unique,
//! values belong to their codesets, keys agree with each other and with the
//! element's type. Every rule reports every violation; nothing stops early.

use std::collections::HashMap;

use super::model::*;
use super::{Pos, Spanned};
use crate::diagnostic::{did_you_mean, Diagnostic, Kind};
use crate::emit::names;

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
    c.api();
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
    /// Every name the generator turns into Rust, through the generator's
    /// own naming functions: each must make an identifier, and names that
    /// make the same identifier where they share a scope (two modules, two
    /// variants of a codeset, two fields of a group) are refused at the
    /// second, naming the first.
    fn names(&mut self) {
        let spec = self.spec;
        let modules = spec.messages.iter().map(|m| {
            (
                &m.id,
                format!("messages[{}]", m.id.value),
                names::try_module(&m.id.value),
            )
        });
        self.same_rust_name(modules.collect(), "module");
        let codesets = spec.codesets.iter().map(|c| {
            (
                &c.id,
                format!("codesets[{}]", c.id.value),
                names::try_type_name(&c.id.value),
            )
        });
        self.same_rust_name(codesets.collect(), "codeset type");
        for codeset in &spec.codesets {
            let values = codeset.values().iter().map(|v| {
                (
                    &v.code,
                    format!("codesets[{}].values[{}]", codeset.id.value, v.code.value),
                    names::try_type_name(&v.code.value),
                )
            });
            self.same_rust_name(values.collect(), "variant");
        }
        for message in &spec.messages {
            self.field_names(&message.elements);
        }
    }

    fn field_names(&mut self, siblings: &'a [Element]) {
        let fields = siblings
            .iter()
            .map(|e| (&e.json, e.path.clone(), names::try_field(&e.json.value)));
        self.same_rust_name(fields.collect(), "field");
        for element in siblings {
            self.field_names(&element.elements);
        }
    }

    /// Reports each name that makes no identifier, and each that makes the
    /// identifier of one before it.
    fn same_rust_name(
        &mut self,
        names: Vec<(&Spanned<String>, String, Result<proc_macro2::Ident, String>)>,
        what: &str,
    ) {
        let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
        for (name, path, ident) in names {
            match ident {
                Err(why) => self.report(
                    Kind::InvalidValue,
                    name.pos,
                    &path,
                    format!("`{}` cannot be a Rust {what} name: {why}", name.value),
                    Some(
                        if why.contains("makes `") && !why.contains("not a Rust identifier")
                            || why.contains("module `")
                        {
                            "choose another name".into()
                        } else {
                            "use letters, digits and `_`, starting with a letter".into()
                        },
                    ),
                ),
                Ok(ident) => {
                    let rust = ident.to_string();
                    match seen.get(&rust) {
                        // The same name twice is the duplicate check's.
                        Some(first) if first.value != name.value => self.report(
                            Kind::Duplicate,
                            name.pos,
                            &path,
                            format!(
                                "`{}` and `{}` both make the Rust {what} `{rust}`",
                                first.value, name.value
                            ),
                            Some(format!(
                                "the first is at line {}; rename one",
                                first.pos.line
                            )),
                        ),
                        Some(_) => {}
                        None => {
                            seen.insert(rust, name);
                        }
                    }
                }
            }
        }
    }

    /// The endpoint: a known method, a path from `/`, an `https://` base
    /// URL per environment, unique environment names, a request message
    /// that exists and is a request, target environments that are codes.
    fn api(&mut self) {
        let Some(api) = &self.spec.api else { return };
        if !HTTP_METHODS.contains(&api.method.value.as_str()) {
            self.report(
                Kind::InvalidValue,
                api.method.pos,
                "api.method",
                format!("`{}` is not an HTTP method", api.method.value),
                Some(format!("write one of: {}", HTTP_METHODS.join(", "))),
            );
        }
        if !api.path.value.starts_with('/') || api.path.value.contains(char::is_whitespace) {
            self.report(
                Kind::InvalidValue,
                api.path.pos,
                "api.path",
                format!("`{}` is not a path", api.path.value),
                Some(
                    "write the path after the base URL, from `/`, e.g. `/GetCreditRegisterExtract`"
                        .into(),
                ),
            );
        }
        if !api.content_type.value.contains('/') {
            self.report(
                Kind::InvalidValue,
                api.content_type.pos,
                "api.content_type",
                format!("`{}` is not a media type", api.content_type.value),
                Some("write e.g. `application/json`".into()),
            );
        }
        match self
            .spec
            .messages
            .iter()
            .find(|m| m.id.value == api.request.value)
        {
            None => {
                let ids: Vec<&str> = self
                    .spec
                    .messages
                    .iter()
                    .map(|m| m.id.value.as_str())
                    .collect();
                self.report(
                    Kind::UnknownMessage,
                    api.request.pos,
                    "api.request",
                    format!("message `{}` is not defined", api.request.value),
                    did_you_mean(&api.request.value, ids.iter().copied()),
                );
            }
            Some(m) if m.direction.value != Direction::Request => self.report(
                Kind::Inconsistent,
                api.request.pos,
                "api.request",
                format!(
                    "message `{}` is a response, not a request",
                    api.request.value
                ),
                None,
            ),
            Some(_) => {}
        }
        if api.client_certificate.purpose.value.trim().is_empty() {
            self.report(
                Kind::MissingKey,
                api.client_certificate.purpose.pos,
                "api.client_certificate",
                "the certificate's purpose is missing".into(),
                Some("add `purpose: requesting data` (what the register issues it for)".into()),
            );
        }
        self.unique(
            api.environments
                .iter()
                .map(|e| (&e.name, format!("api.environments[{}]", e.name.value))),
            "environment",
            true,
        );
        let codes: Vec<&str> = self
            .spec
            .codesets
            .iter()
            .flat_map(|c| c.values())
            .map(|v| v.code.value.as_str())
            .collect();
        for environment in &api.environments {
            let path = format!("api.environments[{}]", environment.name.value);
            let name = &environment.name.value;
            let word = name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !word {
                self.report(
                    Kind::InvalidValue,
                    environment.name.pos,
                    &format!("{path}.name"),
                    format!("environment name `{name}` is not a lower-case word"),
                    Some("write e.g. `production` or `test-future`: letters a-z, digits, `-` and `_`, from a letter".into()),
                );
            }
            let url = &environment.base_url;
            let host = url.value.strip_prefix("https://").unwrap_or("");
            if host.is_empty() || host.contains(['/', ' ']) {
                self.report(
                    Kind::InvalidValue,
                    url.pos,
                    &format!("{path}.base_url"),
                    format!("`{}` is not an https base URL", url.value),
                    Some("write `https://host` without a path or a trailing `/`".into()),
                );
            }
            if let Some(code) = &environment.target_environment {
                if !codes.contains(&code.value.as_str()) {
                    self.report(
                        Kind::UnknownCodesetValue,
                        code.pos,
                        &format!("{path}.target_environment"),
                        format!("`{}` is not a code of any codeset", code.value),
                        did_you_mean(&code.value, codes.iter().copied()),
                    );
                }
            }
        }
    }

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

    fn document(&mut self) {
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

    fn error_codes(&mut self) {
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

    fn error_code_ref(&mut self, code: &Spanned<String>, path: &str) {
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

    fn codesets(&mut self) {
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

    /// A status may stand twice only for two reasons with no body (403 in
    /// v1.4); a status with bodies stands once, and a reason once a status.
    fn http_statuses(&mut self) {
        let statuses = &self.spec.http_statuses;
        for (i, status) in statuses.iter().enumerate() {
            for id in &status.messages {
                self.message_ref(id, &format!("http_statuses[{i}].messages"));
            }
            let earlier = statuses[..i]
                .iter()
                .find(|s| s.status.value == status.status.value);
            let Some(first) = earlier else { continue };
            let problem = if !status.messages.is_empty() || !first.messages.is_empty() {
                Some("a status with message bodies is given once; list every body under its `messages`")
            } else if first.reason.value == status.reason.value {
                Some("the same status with the same reason is given twice")
            } else {
                None
            };
            if let Some(problem) = problem {
                self.report(
                    Kind::Duplicate,
                    status.status.pos,
                    &format!("http_statuses[{i}]"),
                    format!(
                        "status {} is given again (first at line {})",
                        status.status.value, first.status.pos.line
                    ),
                    Some(problem.to_string()),
                );
            }
        }
    }

    fn message_ref(&mut self, id: &Spanned<String>, path: &str) {
        let messages = &self.spec.messages;
        if messages.iter().any(|m| m.id.value == id.value) {
            return;
        }
        let help = did_you_mean(&id.value, messages.iter().map(|m| m.id.value.as_str()))
            .unwrap_or_else(|| "name a message defined under `messages`".to_string());
        self.report(
            Kind::UnknownMessage,
            id.pos,
            path,
            format!("message `{}` is not defined", id.value),
            Some(help),
        );
    }

    fn footnote_markers(&mut self) {
        let spec = self.spec;
        let mut seen: HashMap<Marker, Pos> = HashMap::new();
        for definition in &spec.footnote_markers {
            let marker = definition.marker.value;
            let path = format!("footnote_markers[{}]", marker.symbol());
            if let Some(first) = seen.insert(marker, definition.marker.pos) {
                self.report(
                    Kind::Duplicate,
                    definition.marker.pos,
                    &path,
                    format!("marker `{}` is defined twice", marker.symbol()),
                    Some(format!("the first is at line {}", first.line)),
                );
            }
            match (&definition.effect, marker.compares_date()) {
                (MarkerEffect::WithheldWhenAnyTrue(names), false) => {
                    for name in names {
                        let exists = spec
                            .messages
                            .iter()
                            .any(|m| find_anywhere(&m.elements, &name.value));
                        if !exists {
                            self.report(
                                Kind::UnknownElement,
                                name.pos,
                                &path,
                                format!("no message has an element `{}`", name.value),
                                None,
                            );
                        }
                    }
                }
                (MarkerEffect::WithheldWhenDate(_), true) => {}
                (_, compares_date) => self.report(
                    Kind::Inconsistent,
                    definition.marker.pos,
                    &path,
                    format!("marker `{}` has the wrong kind of effect", marker.symbol()),
                    Some(if compares_date {
                        "markers 1 and 2 compare a date: give `withheld_when_date`".to_string()
                    } else {
                        "`*` depends on the loan's flags: give `withheld_when_any_true`".to_string()
                    }),
                ),
            }
        }
    }

    fn messages(&mut self) {
        let spec = self.spec;
        self.unique(
            spec.messages
                .iter()
                .map(|m| (&m.id, format!("messages[{}]", m.id.value))),
            "message id",
            false,
        );
        for message in &spec.messages {
            if message.elements.is_empty() {
                self.report(
                    Kind::MissingKey,
                    message.pos,
                    &format!("messages[{}]", message.id.value),
                    "the message has no elements".to_string(),
                    None,
                );
            }
            self.elements(Place {
                message,
                siblings: &message.elements,
            });
        }
    }

    fn elements(&mut self, place: Place<'a>) {
        self.unique(
            place.siblings.iter().map(|e| (&e.json, e.path.clone())),
            "element",
            false,
        );
        for element in place.siblings {
            self.element(element, place);
            if !element.elements.is_empty() {
                self.elements(Place {
                    message: place.message,
                    siblings: &element.elements,
                });
            }
        }
    }

    fn element(&mut self, element: &'a Element, place: Place<'a>) {
        let path = element.path.as_str();
        if !is_json_name(&element.json.value) {
            self.report(
                Kind::InvalidValue,
                element.json.pos,
                path,
                format!("`{}` is not a JSON name of the document's form", element.json.value),
                Some("JSON names are letters and digits starting with a small letter, e.g. countryCode".to_string()),
            );
        }
        if element.source.is_empty() {
            self.report(
                Kind::MissingKey,
                element.pos,
                path,
                "the element has no `source`".to_string(),
                Some("cite the section and line it was read from: source: [{section: \"3.2\", line: 163}]".to_string()),
            );
        }
        let codeset = self.element_codeset(element);
        self.permissible(element, codeset);
        self.required(element);
        self.parties(element);
        if let Some(old) = element
            .renamed_from
            .as_ref()
            .filter(|o| o.value == element.json.value)
        {
            self.report(
                Kind::Inconsistent,
                old.pos,
                path,
                format!("`renamed_from` names `{}`, the element's own name", old.value),
                Some("give the JSON name the element had in the previous version, or leave the key out".into()),
            );
        }
        for rule in &element.rules {
            self.rule(element, rule, codeset, place);
        }
        self.markers(element, place);
        if let Some(presence) = &element.presence {
            if place.message.direction.value == Direction::Request {
                self.report(
                    Kind::Inconsistent,
                    element.pos,
                    path,
                    "`presence` describes when a response returns an element; this is a request".to_string(),
                    Some("state when a request element is required with `required: E` and a `required_if` rule".to_string()),
                );
            }
            if let Some(condition) = &presence.returned_if {
                self.condition(element, condition, place);
            }
        }
        if element.register_side && place.message.direction.value == Direction::Request {
            self.report(
                Kind::Inconsistent,
                element.pos,
                path,
                "`register_side` elements belong to responses: the register holds them".to_string(),
                None,
            );
        }
    }

    /// Resolves the element's codeset and checks it fits the data type.
    fn element_codeset(&mut self, element: &Element) -> Option<&'a Codeset> {
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
    fn permissible(&mut self, element: &Element, codeset: Option<&Codeset>) {
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

    /// `parties` stands on a register-side list of groups, and names one
    /// of its elements of the right type for each role.
    fn parties(&mut self, element: &Element) {
        let Some(roles) = &element.parties else {
            return;
        };
        let path = element.path.as_str();
        if !element.register_side || element.shape != Shape::GroupList {
            self.report(
                Kind::Inconsistent,
                roles.pos,
                path,
                "`parties` stands on a register-side list of groups: the register's record of a loan's parties".to_string(),
                None,
            );
        }
        for (role, name) in roles.all() {
            let wanted = match role {
                "id_code" => "String",
                "original" => "Boolean",
                _ => "Date",
            };
            let names: Vec<&str> = element
                .elements
                .iter()
                .map(|e| e.json.value.as_str())
                .collect();
            match element.elements.iter().find(|e| e.json.value == name.value) {
                None => self.report(
                    Kind::UnknownElement,
                    name.pos,
                    &format!("{path}.parties.{role}"),
                    format!(
                        "`{}` is not an element of `{}`",
                        name.value, element.json.value
                    ),
                    did_you_mean(&name.value, names.iter().copied()),
                ),
                Some(e) if e.data_type.as_ref().map(|t| t.value.as_str()) != Some(wanted) => self
                    .report(
                        Kind::Inconsistent,
                        name.pos,
                        &format!("{path}.parties.{role}"),
                        format!(
                            "the `{role}` of a party is a {wanted}; `{}` is not",
                            name.value
                        ),
                        None,
                    ),
                Some(_) => {}
            }
        }
    }

    fn required(&mut self, element: &Element) {
        let has_required_if = element.rules.iter().any(|r| {
            matches!(
                r.check.as_ref().map(|c| &c.value),
                Some(Check::RequiredIf { .. })
            )
        });
        match &element.required {
            Some(required) if required.value == Required::E && !has_required_if => self.report(
                Kind::MissingRule,
                required.pos,
                &element.path,
                "a conditionally required (E) element needs a rule saying when it is required".to_string(),
                Some("add a rule with `required_if: {element: SIBLING, equals: VALUE}` and its `error`".to_string()),
            ),
            // P with a `required_if` rule is redundant (it is always
            // required), V with one contradicts itself.
            Some(required) if required.value == Required::V && has_required_if => self.report(
                Kind::Inconsistent,
                required.pos,
                &element.path,
                "the element has a `required_if` rule but is marked V (optional), not E".to_string(),
                Some("an element that is required only sometimes is E".to_string()),
            ),
            None if has_required_if => self.report(
                Kind::MissingKey,
                element.pos,
                &element.path,
                "the element has a `required_if` rule but no `required: E`".to_string(),
                None,
            ),
            _ => {}
        }
    }

    fn rule(
        &mut self,
        element: &Element,
        rule: &Rule,
        codeset: Option<&'a Codeset>,
        place: Place<'a>,
    ) {
        let path = element.path.as_str();
        match (&rule.error, &rule.check) {
            (Some(code), _) => self.error_code_ref(code, path),
            (None, Some(_)) => self.report(
                Kind::MissingKey,
                rule.pos,
                path,
                "a rule with a check needs the `error` code it reports".to_string(),
                Some("name a code declared under `error_codes`".to_string()),
            ),
            (None, None) => {}
        }
        let Some(check) = &rule.check else { return };
        match &check.value {
            Check::RequiredIf {
                element: other,
                equals,
            }
            | Check::AbsentIf {
                element: other,
                equals,
            } if other.value == element.json.value => self.report(
                Kind::Inconsistent,
                other.pos,
                path,
                format!(
                    "the rule's condition names `{}`, the element it stands on",
                    other.value
                ),
                Some("name the sibling whose value decides".into()),
            ),
            Check::RequiredIf {
                element: other,
                equals,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, equals, path);
                }
            }
            Check::AbsentIf {
                element: other,
                equals,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, equals, path);
                }
                if !element.may_be_absent(place.message.direction.value) && !element.shape.is_list()
                {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "an `absent_if` rule on an element that is always present".to_string(),
                        Some("the element must be optional or a list".to_string()),
                    );
                }
            }
            Check::AllowedValues(values) => {
                if values.is_empty() {
                    self.report(
                        Kind::MissingKey,
                        check.pos,
                        path,
                        "`allowed_values` lists no value".to_string(),
                        None,
                    );
                }
                match codeset {
                    Some(codeset) => {
                        for value in values {
                            self.code_in(codeset, value, path);
                        }
                    }
                    None if element.codeset.is_none() => self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "`allowed_values` narrows a codeset, but the element has no `codeset`"
                            .to_string(),
                        None,
                    ),
                    None => {}
                }
            }
            Check::MinItems(_) => {
                if !element.shape.is_list() {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "`min_items` applies to lists only".to_string(),
                        None,
                    );
                }
            }
            Check::IdCode {
                type_element,
                formats,
            } => {
                if formats.is_empty() {
                    self.report(
                        Kind::MissingKey,
                        check.pos,
                        path,
                        "an `id_code` rule needs `formats`: which type code calls for which format".to_string(),
                        Some("e.g. `formats: {PersonalIdentityCode: personal_identity_code, BusinessId: business_id}`".to_string()),
                    );
                }
                if element.shape != Shape::Scalar(ScalarType::String) {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "an `id_code` rule applies to String elements only".to_string(),
                        None,
                    );
                }
                if let Some(target) = self.sibling(type_element, place, path) {
                    for (code, _) in formats {
                        self.value_of(target, code, path);
                    }
                    if target.codeset.is_none() {
                        self.report(
                            Kind::Inconsistent,
                            type_element.pos,
                            path,
                            format!(
                                "`{}` has no codeset, so it cannot choose an ID format",
                                type_element.value
                            ),
                            None,
                        );
                    }
                }
            }
        }
    }

    fn markers(&mut self, element: &'a Element, place: Place<'a>) {
        let path = element.path.as_str();
        let mut seen = Vec::new();
        for marker in &element.markers {
            if seen.contains(&marker.value) {
                self.report(
                    Kind::Duplicate,
                    marker.pos,
                    path,
                    format!("marker `{}` is given twice", marker.value.symbol()),
                    None,
                );
            }
            seen.push(marker.value);
            if !self
                .spec
                .footnote_markers
                .iter()
                .any(|d| d.marker.value == marker.value)
            {
                self.report(
                    Kind::UnknownMarker,
                    marker.pos,
                    path,
                    format!("marker `{}` is not defined", marker.value.symbol()),
                    Some("define it under `footnote_markers` with the document's text".to_string()),
                );
            }
            if place.message.direction.value == Direction::Request {
                self.report(
                    Kind::Inconsistent,
                    marker.pos,
                    path,
                    "footnote markers withhold data from responses; this is a request".to_string(),
                    None,
                );
            }
        }
        let compares = element.markers.iter().any(|m| m.value.compares_date());
        match (&element.compared_date, compares) {
            (None, true) => self.report(
                Kind::MissingKey,
                element.pos,
                path,
                "markers 1 and 2 compare a date, but the element has no `compared_date`".to_string(),
                Some("write `compared_date: self` if the element is the date, or name the Date element of the same group that is compared (declare it with `register_side: true` if the response does not carry it)".to_string()),
            ),
            (Some(date), false) => self.report(
                Kind::Inconsistent,
                date.pos,
                path,
                "`compared_date` is given, but the element has no marker 1 or 2".to_string(),
                None,
            ),
            (Some(date), true) => match &date.value {
                ComparedDate::ItSelf => {
                    if element.shape != Shape::Scalar(ScalarType::Date) {
                        self.report(
                            Kind::Inconsistent,
                            date.pos,
                            path,
                            "`compared_date: self` needs a Date element".to_string(),
                            Some("name the Date element that is compared instead".to_string()),
                        );
                    }
                }
                ComparedDate::Element(name) => {
                    // For a list of groups the date is an element of each item.
                    let within = if element.shape == Shape::GroupList {
                        &element.elements[..]
                    } else {
                        place.siblings
                    };
                    let name = Spanned::new(name.clone(), date.pos);
                    let scope = Place {
                        message: place.message,
                        siblings: within,
                    };
                    if let Some(target) = self.sibling(&name, scope, path) {
                        if target.shape != Shape::Scalar(ScalarType::Date) {
                            self.report(
                                Kind::Inconsistent,
                                date.pos,
                                path,
                                format!("the compared date `{}` is not a Date element", name.value),
                                None,
                            );
                        }
                    }
                }
            },
            (None, false) => {}
        }
    }

    fn condition(&mut self, element: &Element, condition: &Spanned<Condition>, place: Place<'a>) {
        let path = element.path.as_str();
        match &condition.value {
            Condition::Equals {
                element: other,
                value,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, value, path);
                }
            }
            Condition::In {
                element: other,
                values,
            }
            | Condition::NotIn {
                element: other,
                values,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    for value in values {
                        self.value_of(target, value, path);
                    }
                }
            }
            Condition::WithinYearsAfter { element: other, .. } => {
                if let Some(target) = self.sibling(other, place, path) {
                    if target.shape != Shape::Scalar(ScalarType::Date) {
                        self.report(
                            Kind::Inconsistent,
                            other.pos,
                            path,
                            format!("`{}` is not a Date element", other.value),
                            None,
                        );
                    }
                }
            }
            Condition::ReaderIs { element: other } => {
                if let Some(target) = self.sibling(other, place, path) {
                    if target.shape != Shape::Scalar(ScalarType::String) {
                        self.report(
                            Kind::Inconsistent,
                            other.pos,
                            path,
                            format!(
                                "`{}` holds the reader's ID code, so it is a String",
                                other.value
                            ),
                            None,
                        );
                    }
                }
            }
            Condition::Reported => {}
        }
    }

    /// Resolves a dotted element name relative to the group of `place`.
    fn sibling(
        &mut self,
        name: &Spanned<String>,
        place: Place<'a>,
        path: &str,
    ) -> Option<&'a Element> {
        let mut siblings = place.siblings;
        let mut found = None;
        for part in name.value.split('.') {
            found = siblings.iter().find(|e| e.json.value == part);
            match found {
                Some(element) => siblings = &element.elements,
                None => {
                    let help = did_you_mean(part, siblings.iter().map(|e| e.json.value.as_str()))
                        .unwrap_or_else(|| {
                            let names: Vec<&str> = siblings.iter().map(|e| e.json.value.as_str()).collect();
                            format!(
                                "name an element of the same group (one of: {}); reach into a group with a dot",
                                names.join(", ")
                            )
                        });
                    self.report(
                        Kind::UnknownElement,
                        name.pos,
                        path,
                        format!("there is no element `{}` here", name.value),
                        Some(help),
                    );
                    return None;
                }
            }
        }
        found
    }

    /// Checks `value` is a value `target` can have.
    fn value_of(&mut self, target: &Element, value: &Spanned<String>, path: &str) {
        if target.shape.scalar() == Some(ScalarType::Boolean) {
            if value.value != "true" && value.value != "false" {
                self.report(
                    Kind::InvalidValue,
                    value.pos,
                    path,
                    format!(
                        "`{}` is Boolean, so the value is true or false, not `{}`",
                        target.json.value, value.value
                    ),
                    None,
                );
            }
            return;
        }
        let codeset = target
            .codeset
            .as_ref()
            .and_then(|name| self.codesets.get(name.value.as_str()).copied());
        if let Some(codeset) = codeset {
            self.code_in(codeset, value, path);
        }
    }

    fn code_in(&mut self, codeset: &Codeset, value: &Spanned<String>, path: &str) {
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
