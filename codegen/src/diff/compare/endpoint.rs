//! The endpoint: its data, its environments and its HTTP statuses.

use super::*;
use crate::spec::HttpStatus;

impl<'a> Differ<'a> {
    pub(super) fn http_statuses(&mut self) {
        let group = |statuses: &'a [HttpStatus]| {
            let mut map: BTreeMap<u16, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
            for s in statuses {
                let entry = map.entry(s.status.value).or_default();
                entry.0.insert(s.reason.value.clone());
                entry.1.extend(s.messages.iter().map(|m| m.value.clone()));
            }
            map
        };
        let (old, new) = (
            group(&self.old.http_statuses),
            group(&self.new.http_statuses),
        );
        let list = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join("; ");
        for (status, (reasons, messages)) in &new {
            let path = format!("http_statuses[{status}]");
            match old.get(status) {
                None => {
                    self.push(
                        path,
                        What::HttpStatusAdded {
                            with_body: !messages.is_empty(),
                        },
                        None,
                        Some(list(reasons)),
                        vec!["3.1".into()],
                    );
                }
                Some((old_reasons, old_messages)) => {
                    if old_messages != messages {
                        self.push(
                            path.clone(),
                            What::HttpStatusBodiesChanged {
                                fewer: messages.is_subset(old_messages),
                                several: messages.len().max(old_messages.len()) > 1,
                            },
                            Some(list(old_messages)),
                            Some(list(messages)),
                            vec!["3.1".into()],
                        );
                    }
                    if old_reasons != reasons {
                        self.push(
                            path,
                            What::HttpStatusReasonChanged,
                            Some(list(old_reasons)),
                            Some(list(reasons)),
                            vec!["3.1".into()],
                        );
                    }
                }
            }
        }
        for (status, (reasons, _)) in &old {
            if !new.contains_key(status) {
                self.push(
                    format!("http_statuses[{status}]"),
                    What::HttpStatusRemoved,
                    Some(list(reasons)),
                    None,
                    vec!["3.1".into()],
                );
            }
        }
    }

    /// The endpoint: its data as a whole, each value, each environment.
    pub(super) fn api(&mut self) {
        let (old, new) = (self.old.api.as_ref(), self.new.api.as_ref());
        let (o, n) = match (old, new) {
            (None, None) => return,
            (None, Some(n)) => {
                let text = format!("{} {} ({})", n.method.value, n.path.value, n.name.value);
                self.push("api".into(), What::ApiAdded, None, Some(text), vec![]);
                return;
            }
            (Some(o), None) => {
                self.push(
                    "api".into(),
                    What::ApiRemoved,
                    Some(o.name.value.clone()),
                    None,
                    vec![],
                );
                return;
            }
            (Some(o), Some(n)) => (o, n),
        };
        let values = [
            ("name", &o.name, &n.name, false),
            ("method", &o.method, &n.method, true),
            ("path", &o.path, &n.path, true),
            ("content_type", &o.content_type, &n.content_type, true),
            ("request", &o.request, &n.request, true),
            (
                "client_certificate.purpose",
                &o.client_certificate.purpose,
                &n.client_certificate.purpose,
                true,
            ),
        ];
        for (key, old, new, on_the_wire) in values {
            if old.value != new.value {
                self.push(
                    format!("api.{key}"),
                    What::ApiChanged { on_the_wire },
                    Some(old.value.clone()),
                    Some(new.value.clone()),
                    vec![],
                );
            }
        }
        let text = |e: &crate::spec::Environment| match &e.target_environment {
            Some(code) => format!("{} ({})", e.base_url.value, code.value),
            None => e.base_url.value.clone(),
        };
        for e in &n.environments {
            let path = format!("api.environments[{}]", e.name.value);
            match o
                .environments
                .iter()
                .find(|old| old.name.value == e.name.value)
            {
                None => self.push(path, What::EnvironmentAdded, None, Some(text(e)), vec![]),
                Some(old) if text(old) != text(e) => self.push(
                    path,
                    What::EnvironmentChanged,
                    Some(text(old)),
                    Some(text(e)),
                    vec![],
                ),
                Some(_) => {}
            }
        }
        for e in &o.environments {
            if !n
                .environments
                .iter()
                .any(|new| new.name.value == e.name.value)
            {
                self.push(
                    format!("api.environments[{}]", e.name.value),
                    What::EnvironmentRemoved,
                    Some(text(e)),
                    None,
                    vec![],
                );
            }
        }
    }
}
