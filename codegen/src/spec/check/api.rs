//! The endpoint, the HTTP statuses and the footnote markers.

use super::*;

impl<'a> Checker<'a> {
    /// The endpoint: a known method, a path from `/`, an `https://` base
    /// URL per environment, unique environment names, a request message
    /// that exists and is a request, target environments that are codes.
    pub(super) fn api(&mut self) {
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

    /// A status may stand twice only for two reasons with no body (403 in
    /// v1.4); a status with bodies stands once, and a reason once a status.
    pub(super) fn http_statuses(&mut self) {
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

    pub(super) fn message_ref(&mut self, id: &Spanned<String>, path: &str) {
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

    pub(super) fn footnote_markers(&mut self) {
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
}
