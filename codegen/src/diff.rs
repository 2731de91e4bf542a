//! What changed between two versions of a spec, and what each change breaks:
//! for software that sends requests, for software that reads responses, and
//! for Rust code using the generated types (as semver).
//!
//! The rules are tabled in README.md ("What a change breaks").

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::spec::{
    Check, Codeset, CodesetContent, Direction, Element, HttpStatus, Message, Required, Source,
    Spec, Stage,
};

/// What a change does to one kind of user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Nothing of theirs is touched.
    Unaffected,
    /// What worked still works.
    Compatible,
    /// Something that worked may fail: a request that was valid, or a
    /// response a client could read.
    Breaking,
}

/// The semver step a change calls for in the generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Semver {
    Patch,
    Minor,
    Major,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where, in the spec's paths: `messages[request].owner.countryCode`.
    pub path: String,
    /// What kind of change, e.g. `element-added`, `required-changed`.
    pub kind: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// For request senders: is a request that was valid still valid?
    pub senders: Impact,
    /// For response readers: can a client built for the old version still
    /// read a new response?
    pub readers: Impact,
    /// For the generated Rust API.
    pub semver: Semver,
    /// The document sections the change is in.
    pub sections: Vec<String>,
}

impl Change {
    /// Whether it breaks request senders or response readers.
    pub fn breaking(&self) -> bool {
        self.senders == Impact::Breaking || self.readers == Impact::Breaking
    }
}

/// The changes from one spec to another, breaking ones first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub old: (String, String),
    pub new: (String, String),
    pub changes: Vec<Change>,
}

/// The counts of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub changes: usize,
    pub breaking_for_senders: usize,
    pub breaking_for_readers: usize,
    /// The semver step for the generated crate, or `none` without changes.
    pub semver: String,
}

impl Diff {
    pub fn breaking(&self) -> bool {
        self.changes.iter().any(Change::breaking)
    }

    pub fn summary(&self) -> Summary {
        Summary {
            changes: self.changes.len(),
            breaking_for_senders: self
                .changes
                .iter()
                .filter(|c| c.senders == Impact::Breaking)
                .count(),
            breaking_for_readers: self
                .changes
                .iter()
                .filter(|c| c.readers == Impact::Breaking)
                .count(),
            semver: match self.changes.iter().map(|c| c.semver).max() {
                Some(Semver::Major) => "major",
                Some(Semver::Minor) => "minor",
                Some(Semver::Patch) => "patch",
                None => "none",
            }
            .to_string(),
        }
    }

    /// The diff as JSON, in the shape README.md documents.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "old": {"id": self.old.0, "version": self.old.1},
            "new": {"id": self.new.0, "version": self.new.1},
            "changes": self.changes,
            "summary": self.summary(),
        })
    }

    /// The diff as Markdown for a pull-request review.
    pub fn markdown(&self) -> String {
        let summary = self.summary();
        let mut out = if self.old.0 == self.new.0 {
            format!(
                "# Spec diff: {} {} → {}\n\n",
                self.new.0, self.old.1, self.new.1
            )
        } else {
            format!(
                "# Spec diff: {} {} → {} {}\n\n",
                self.old.0, self.old.1, self.new.0, self.new.1
            )
        };
        if self.changes.is_empty() {
            out.push_str("No changes.\n");
            return out;
        }
        let _ = writeln!(
            out,
            "{} changes: {} breaking for request senders, {} for response readers. Rust API: **{}**.",
            summary.changes, summary.breaking_for_senders, summary.breaking_for_readers, summary.semver
        );
        let (breaking, other): (Vec<&Change>, Vec<&Change>) =
            self.changes.iter().partition(|c| c.breaking());
        for (title, changes) in [("Breaking", breaking), ("Other changes", other)] {
            if changes.is_empty() {
                continue;
            }
            let _ = write!(
                out,
                "\n## {title}\n\n| element | change | old → new | senders | readers | Rust API | sections |\n|---|---|---|---|---|---|---|\n"
            );
            for c in changes {
                let arrow = format!(
                    "{} → {}",
                    c.old.as_deref().map(cell).unwrap_or_else(|| "—".into()),
                    c.new.as_deref().map(cell).unwrap_or_else(|| "—".into())
                );
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} | {} | {} |",
                    c.path,
                    c.kind,
                    arrow,
                    impact(c.senders),
                    impact(c.readers),
                    semver(c.semver),
                    c.sections.join(", ")
                );
            }
        }
        out
    }
}

fn cell(text: &str) -> String {
    let text = text.replace('|', "\\|").replace('\n', " ");
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text
    }
}

fn impact(i: Impact) -> &'static str {
    match i {
        Impact::Unaffected => "–",
        Impact::Compatible => "compatible",
        Impact::Breaking => "**breaking**",
    }
}

fn semver(s: Semver) -> &'static str {
    match s {
        Semver::Patch => "patch",
        Semver::Minor => "minor",
        Semver::Major => "**major**",
    }
}

/// Compares `old` with `new`.
pub fn diff(old: &Spec, new: &Spec) -> Diff {
    let mut d = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    d.document();
    d.format_rules();
    d.error_codes();
    d.codesets();
    d.http_statuses();
    d.messages();
    d.api();
    let mut changes = d.changes;
    changes.sort_by(|a, b| (!a.breaking(), &a.path, a.kind).cmp(&(!b.breaking(), &b.path, b.kind)));
    Diff {
        old: (
            old.document.id.value.clone(),
            old.document.version.value.clone(),
        ),
        new: (
            new.document.id.value.clone(),
            new.document.version.value.clone(),
        ),
        changes,
    }
}

struct Differ<'a> {
    old: &'a Spec,
    new: &'a Spec,
    changes: Vec<Change>,
}

/// An element with where it stands.
struct Placed<'a> {
    element: &'a Element,
    message: &'a Message,
    /// Whether the wire type holds it in an `Option`.
    optional: bool,
}

fn sections(sources: &[Source]) -> Vec<String> {
    let set: BTreeSet<String> = sources
        .iter()
        .filter_map(|s| match s {
            Source::Document { section, .. } => Some(section.value.clone()),
            Source::Reference(_) => None,
        })
        .collect();
    set.into_iter().collect()
}

fn flatten<'a>(
    message: &'a Message,
    elements: &'a [Element],
    prefix: &str,
    out: &mut BTreeMap<String, Placed<'a>>,
) {
    for element in elements {
        let path = format!("{prefix}.{}", element.json.value);
        out.insert(
            path.clone(),
            Placed {
                element,
                message,
                optional: element.may_be_absent(message.direction.value),
            },
        );
        flatten(message, &element.elements, &path, out);
    }
}

fn shape_text(e: &Element) -> String {
    let mut text = e
        .data_type
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_else(|| "group".into());
    if let Some(codeset) = &e.codeset {
        text.push_str(&format!(" ({})", codeset.value));
    }
    text
}

fn required_text(e: &Element) -> Option<String> {
    e.required.as_ref().map(|r| format!("{:?}", r.value))
}

fn check_text(check: &Check) -> String {
    match check {
        Check::RequiredIf { element, equals } => {
            format!("required if {} = {}", element.value, equals.value)
        }
        Check::AbsentIf { element, equals } => {
            format!("absent if {} = {}", element.value, equals.value)
        }
        Check::AllowedValues(values) => {
            format!(
                "allowed: {}",
                values
                    .iter()
                    .map(|v| v.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Check::MinItems(n) => format!("at least {} items", n.value),
        Check::IdCode {
            type_element,
            formats,
        } => format!(
            "ID format by {}: {}",
            type_element.value,
            formats
                .iter()
                .map(|(code, format)| format!("{}={:?}", code.value, format.value))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn markers_text(e: &Element) -> String {
    e.markers
        .iter()
        .map(|m| m.value.symbol())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Both directions' impact of breaking or keeping something in a message of
/// `direction`.
fn by_direction(direction: Direction, impact: Impact) -> (Impact, Impact) {
    match direction {
        Direction::Request => (impact, Impact::Unaffected),
        Direction::Response => (Impact::Unaffected, impact),
    }
}

impl<'a> Differ<'a> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        path: String,
        kind: &'static str,
        old: Option<String>,
        new: Option<String>,
        (senders, readers): (Impact, Impact),
        semver: Semver,
        sections: Vec<String>,
    ) {
        self.changes.push(Change {
            path,
            kind,
            old,
            new,
            senders,
            readers,
            semver,
            sections,
        });
    }

    fn document(&mut self) {
        let (o, n) = (&self.old.document, &self.new.document);
        let fields = [
            ("id", o.id.value.clone(), n.id.value.clone()),
            ("title", o.title.value.clone(), n.title.value.clone()),
            ("version", o.version.value.clone(), n.version.value.clone()),
            ("date", o.date.value.to_string(), n.date.value.to_string()),
        ];
        for (key, old, new) in fields {
            if old != new {
                let none = (Impact::Unaffected, Impact::Unaffected);
                self.push(
                    format!("document.{key}"),
                    "document-changed",
                    Some(old),
                    Some(new),
                    none,
                    Semver::Patch,
                    vec![],
                );
            }
        }
        if o.stage.value != n.stage.value {
            // In the first stage fewer codes are accepted.
            let senders = if n.stage.value == Stage::First {
                Impact::Breaking
            } else {
                Impact::Compatible
            };
            self.push(
                "document.stage".into(),
                "stage-changed",
                Some(o.stage.value.name().into()),
                Some(n.stage.value.name().into()),
                (senders, Impact::Unaffected),
                Semver::Patch,
                vec![],
            );
        }
    }

    fn format_rules(&mut self) {
        let (o, n) = (
            &self.old.format_rules.string_rule,
            &self.new.format_rules.string_rule,
        );
        let direction = self.new.format_rules.applies_to.value;
        if o.max_length.value != n.max_length.value {
            let impact = if n.max_length.value < o.max_length.value {
                Impact::Breaking
            } else {
                Impact::Compatible
            };
            self.push(
                "format_rules.string.max_length".into(),
                "format-rule-changed",
                Some(o.max_length.value.to_string()),
                Some(n.max_length.value.to_string()),
                by_direction(direction, impact),
                Semver::Patch,
                vec!["2.2".into()],
            );
        }
        // Compare the character sets by what they admit.
        let admits = |rule: &crate::spec::StringRule, c: char| {
            rule.allowed_characters.iter().any(|k| k.value.contains(c))
        };
        let chars = (0u32..0x3000).filter_map(char::from_u32);
        let removed: String = chars
            .clone()
            .filter(|c| admits(o, *c) && !admits(n, *c))
            .collect();
        let added: String = chars.filter(|c| !admits(o, *c) && admits(n, *c)).collect();
        if !removed.is_empty() || !added.is_empty() {
            let impact = if removed.is_empty() {
                Impact::Compatible
            } else {
                Impact::Breaking
            };
            self.push(
                "format_rules.string.allowed_characters".into(),
                "format-rule-changed",
                (!removed.is_empty()).then(|| format!("also {removed}")),
                (!added.is_empty()).then(|| format!("also {added}")),
                by_direction(direction, impact),
                Semver::Patch,
                vec!["2.2".into()],
            );
        }
    }

    fn error_codes(&mut self) {
        let old: BTreeMap<&str, _> = self
            .old
            .error_codes
            .iter()
            .map(|e| (e.code.value.as_str(), e))
            .collect();
        let new: BTreeMap<&str, _> = self
            .new
            .error_codes
            .iter()
            .map(|e| (e.code.value.as_str(), e))
            .collect();
        let none = (Impact::Unaffected, Impact::Unaffected);
        for (code, e) in &new {
            match old.get(code) {
                None => self.push(
                    format!("error_codes[{code}]"),
                    "error-code-added",
                    None,
                    Some(e.description.value.clone()),
                    none,
                    Semver::Patch,
                    vec![],
                ),
                Some(o)
                    if o.description.value != e.description.value
                        || o.owner.value != e.owner.value =>
                {
                    self.push(
                        format!("error_codes[{code}]"),
                        "error-code-changed",
                        Some(o.description.value.clone()),
                        Some(e.description.value.clone()),
                        none,
                        Semver::Patch,
                        vec![],
                    )
                }
                Some(_) => {}
            }
        }
        for (code, e) in &old {
            if !new.contains_key(code) {
                self.push(
                    format!("error_codes[{code}]"),
                    "error-code-removed",
                    Some(e.description.value.clone()),
                    None,
                    none,
                    Semver::Patch,
                    vec![],
                );
            }
        }
    }

    /// Codesets that some request element takes its values from.
    fn in_requests(spec: &Spec) -> BTreeSet<String> {
        fn walk(elements: &[Element], out: &mut BTreeSet<String>) {
            for e in elements {
                if let Some(c) = &e.codeset {
                    out.insert(c.value.clone());
                }
                walk(&e.elements, out);
            }
        }
        let mut out = BTreeSet::new();
        for m in spec
            .messages
            .iter()
            .filter(|m| m.direction.value == Direction::Request)
        {
            walk(&m.elements, &mut out);
        }
        out
    }

    fn codesets(&mut self) {
        let old: BTreeMap<&str, &Codeset> = self
            .old
            .codesets
            .iter()
            .map(|c| (c.id.value.as_str(), c))
            .collect();
        let new: BTreeMap<&str, &Codeset> = self
            .new
            .codesets
            .iter()
            .map(|c| (c.id.value.as_str(), c))
            .collect();
        let requested = Self::in_requests(self.new);
        let none = (Impact::Unaffected, Impact::Unaffected);
        for (id, c) in &new {
            let path = format!("codesets[{id}]");
            let sections = sections(c.source.as_slice());
            let Some(o) = old.get(id) else {
                self.push(
                    path,
                    "codeset-added",
                    None,
                    Some(c.name.value.clone()),
                    none,
                    Semver::Minor,
                    sections,
                );
                continue;
            };
            // Compare what the codeset is, not where it was written.
            if content_text(o) != content_text(c)
                && !matches!(
                    (&o.content, &c.content),
                    (CodesetContent::Listed(_), CodesetContent::Listed(_))
                )
            {
                {
                    self.push(
                        path.clone(),
                        "codeset-changed",
                        Some(content_text(o)),
                        Some(content_text(c)),
                        (Impact::Breaking, Impact::Breaking),
                        Semver::Major,
                        sections.clone(),
                    );
                    continue;
                }
            }
            let in_requests = requested.contains(*id);
            for value in c.values() {
                let value_path = format!("{path}.values[{}]", value.code.value);
                let value_sections = sections_or(value.source.as_slice(), &sections);
                match o.value(&value.code.value) {
                    None => self.push(
                        value_path,
                        "codeset-value-added",
                        None,
                        Some(value.code.value.clone()),
                        // A client built for the old version reads an
                        // unknown code as `Lenient::Unknown`.
                        (Impact::Compatible, Impact::Compatible),
                        Semver::Major,
                        value_sections,
                    ),
                    Some(old_value) => {
                        let old_stages: BTreeSet<Stage> = old_value
                            .not_allowed_in_stages
                            .iter()
                            .map(|s| s.value)
                            .collect();
                        let new_stages: BTreeSet<Stage> = value
                            .not_allowed_in_stages
                            .iter()
                            .map(|s| s.value)
                            .collect();
                        if old_stages != new_stages {
                            let senders = if new_stages.is_subset(&old_stages) {
                                Impact::Compatible
                            } else {
                                Impact::Breaking
                            };
                            self.push(
                                value_path.clone(),
                                "codeset-value-stage-changed",
                                Some(stages_text(&old_stages)),
                                Some(stages_text(&new_stages)),
                                (
                                    if in_requests {
                                        senders
                                    } else {
                                        Impact::Unaffected
                                    },
                                    Impact::Unaffected,
                                ),
                                Semver::Patch,
                                value_sections.clone(),
                            );
                        }
                        if old_value.label.value != value.label.value {
                            self.push(
                                value_path,
                                "codeset-value-label-changed",
                                Some(old_value.label.value.clone()),
                                Some(value.label.value.clone()),
                                none,
                                Semver::Patch,
                                value_sections,
                            );
                        }
                    }
                }
            }
            for value in o.values() {
                if c.value(&value.code.value).is_none() {
                    let senders = if in_requests {
                        Impact::Breaking
                    } else {
                        Impact::Unaffected
                    };
                    self.push(
                        format!("{path}.values[{}]", value.code.value),
                        "codeset-value-removed",
                        Some(value.code.value.clone()),
                        None,
                        (senders, Impact::Compatible),
                        Semver::Major,
                        sections_or(value.source.as_slice(), &sections),
                    );
                }
            }
        }
        for (id, c) in &old {
            if !new.contains_key(id) {
                self.push(
                    format!("codesets[{id}]"),
                    "codeset-removed",
                    Some(c.name.value.clone()),
                    None,
                    (Impact::Breaking, Impact::Breaking),
                    Semver::Major,
                    sections(c.source.as_slice()),
                );
            }
        }
    }

    fn http_statuses(&mut self) {
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
                    let readers = if messages.is_empty() {
                        Impact::Compatible
                    } else {
                        Impact::Breaking
                    };
                    self.push(
                        path,
                        "http-status-added",
                        None,
                        Some(list(reasons)),
                        (Impact::Unaffected, readers),
                        Semver::Minor,
                        vec!["3.1".into()],
                    );
                }
                Some((old_reasons, old_messages)) => {
                    if old_messages != messages {
                        let readers = if messages.is_subset(old_messages) {
                            Impact::Compatible
                        } else {
                            Impact::Breaking
                        };
                        let semver = if messages.len().max(old_messages.len()) > 1 {
                            Semver::Major
                        } else {
                            Semver::Minor
                        };
                        self.push(
                            path.clone(),
                            "http-status-bodies-changed",
                            Some(list(old_messages)),
                            Some(list(messages)),
                            (Impact::Unaffected, readers),
                            semver,
                            vec!["3.1".into()],
                        );
                    }
                    if old_reasons != reasons {
                        self.push(
                            path,
                            "http-status-reason-changed",
                            Some(list(old_reasons)),
                            Some(list(reasons)),
                            (Impact::Unaffected, Impact::Unaffected),
                            Semver::Patch,
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
                    "http-status-removed",
                    Some(list(reasons)),
                    None,
                    (Impact::Unaffected, Impact::Compatible),
                    Semver::Patch,
                    vec!["3.1".into()],
                );
            }
        }
    }

    /// The endpoint: its data as a whole, each value, each environment. A
    /// sender is broken by any change to where and how a request goes; a
    /// reader by none of them.
    fn api(&mut self) {
        let (old, new) = (self.old.api.as_ref(), self.new.api.as_ref());
        let (o, n) = match (old, new) {
            (None, None) => return,
            (None, Some(n)) => {
                let text = format!("{} {} ({})", n.method.value, n.path.value, n.name.value);
                self.push(
                    "api".into(),
                    "api-added",
                    None,
                    Some(text),
                    (Impact::Unaffected, Impact::Unaffected),
                    Semver::Minor,
                    vec![],
                );
                return;
            }
            (Some(o), None) => {
                self.push(
                    "api".into(),
                    "api-removed",
                    Some(o.name.value.clone()),
                    None,
                    (Impact::Unaffected, Impact::Unaffected),
                    Semver::Major,
                    vec![],
                );
                return;
            }
            (Some(o), Some(n)) => (o, n),
        };
        let values = [
            ("name", &o.name, &n.name, Impact::Unaffected),
            ("method", &o.method, &n.method, Impact::Breaking),
            ("path", &o.path, &n.path, Impact::Breaking),
            (
                "content_type",
                &o.content_type,
                &n.content_type,
                Impact::Breaking,
            ),
            ("request", &o.request, &n.request, Impact::Breaking),
            (
                "client_certificate.purpose",
                &o.client_certificate.purpose,
                &n.client_certificate.purpose,
                Impact::Breaking,
            ),
        ];
        for (key, old, new, senders) in values {
            if old.value != new.value {
                self.push(
                    format!("api.{key}"),
                    "api-changed",
                    Some(old.value.clone()),
                    Some(new.value.clone()),
                    (senders, Impact::Unaffected),
                    Semver::Patch,
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
                None => self.push(
                    path,
                    "environment-added",
                    None,
                    Some(text(e)),
                    (Impact::Compatible, Impact::Unaffected),
                    Semver::Minor,
                    vec![],
                ),
                Some(old) if text(old) != text(e) => self.push(
                    path,
                    "environment-changed",
                    Some(text(old)),
                    Some(text(e)),
                    (Impact::Breaking, Impact::Unaffected),
                    Semver::Patch,
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
                    "environment-removed",
                    Some(text(e)),
                    None,
                    (Impact::Breaking, Impact::Unaffected),
                    Semver::Major,
                    vec![],
                );
            }
        }
    }

    fn messages(&mut self) {
        let old: BTreeMap<&str, &Message> = self
            .old
            .messages
            .iter()
            .map(|m| (m.id.value.as_str(), m))
            .collect();
        let new: BTreeMap<&str, &Message> = self
            .new
            .messages
            .iter()
            .map(|m| (m.id.value.as_str(), m))
            .collect();
        for (id, m) in &new {
            match old.get(id) {
                None => self.push(
                    format!("messages[{id}]"),
                    "message-added",
                    None,
                    Some(m.name.value.clone()),
                    (Impact::Unaffected, Impact::Unaffected),
                    Semver::Minor,
                    sections(m.source.as_slice()),
                ),
                Some(o) if o.direction.value != m.direction.value => self.push(
                    format!("messages[{id}]"),
                    "message-direction-changed",
                    Some(format!("{:?}", o.direction.value)),
                    Some(format!("{:?}", m.direction.value)),
                    (Impact::Breaking, Impact::Breaking),
                    Semver::Major,
                    sections(m.source.as_slice()),
                ),
                Some(_) => {}
            }
        }
        for (id, m) in &old {
            if !new.contains_key(id) {
                self.push(
                    format!("messages[{id}]"),
                    "message-removed",
                    Some(m.name.value.clone()),
                    None,
                    by_direction(m.direction.value, Impact::Breaking),
                    Semver::Major,
                    sections(m.source.as_slice()),
                );
            }
        }
        let mut old_elements = BTreeMap::new();
        let mut new_elements = BTreeMap::new();
        for m in &self.old.messages {
            if new.contains_key(m.id.value.as_str()) {
                flatten(
                    m,
                    &m.elements,
                    &format!("messages[{}]", m.id.value),
                    &mut old_elements,
                );
            }
        }
        for m in &self.new.messages {
            if old.contains_key(m.id.value.as_str()) {
                flatten(
                    m,
                    &m.elements,
                    &format!("messages[{}]", m.id.value),
                    &mut new_elements,
                );
            }
        }
        self.elements(old_elements, new_elements);
    }

    fn elements(
        &mut self,
        mut old: BTreeMap<String, Placed<'a>>,
        mut new: BTreeMap<String, Placed<'a>>,
    ) {
        // Renames the spec declares.
        let renamed: Vec<(String, String)> = new
            .iter()
            .filter_map(|(path, p)| {
                let from = p.element.renamed_from.as_ref()?;
                let parent = &path[..path.len() - p.element.json.value.len()];
                let old_path = format!("{parent}{}", from.value);
                old.contains_key(&old_path)
                    .then(|| (old_path, path.clone()))
            })
            .collect();
        for (old_path, new_path) in renamed {
            let (o, n) = (
                old.remove(&old_path).expect("present"),
                new.remove(&new_path).expect("present"),
            );
            self.relocated("element-renamed", old_path, new_path, &o, &n);
        }
        // Elements in both versions.
        let common: Vec<String> = new
            .keys()
            .filter(|k| old.contains_key(*k))
            .cloned()
            .collect();
        for path in common {
            let (o, n) = (
                old.remove(&path).expect("present"),
                new.remove(&path).expect("present"),
            );
            self.element(&path, &o, &n);
        }
        // Moves: the same name and type under another parent.
        let moves: Vec<(String, String)> = new
            .iter()
            .filter_map(|(path, n)| {
                old.iter()
                    .find(|(_, o)| {
                        o.element.json.value == n.element.json.value
                            && o.message.id.value == n.message.id.value
                            && shape_text(o.element) == shape_text(n.element)
                            && o.element.elements.is_empty()
                    })
                    .map(|(old_path, _)| (old_path.clone(), path.clone()))
            })
            .collect();
        for (old_path, new_path) in moves {
            let (Some(o), Some(n)) = (old.remove(&old_path), new.remove(&new_path)) else {
                continue;
            };
            self.relocated("element-moved", old_path, new_path, &o, &n);
        }
        for (path, n) in new {
            let e = n.element;
            let impact = if e.register_side {
                (Impact::Unaffected, Impact::Unaffected)
            } else {
                match n.message.direction.value {
                    // A valid old request may lack a required element.
                    Direction::Request => match e.required.as_ref().map(|r| r.value) {
                        Some(Required::V) => (Impact::Compatible, Impact::Unaffected),
                        _ => (Impact::Breaking, Impact::Unaffected),
                    },
                    // An old client ignores a field it does not know.
                    Direction::Response => (Impact::Unaffected, Impact::Compatible),
                }
            };
            // Skip the elements of an added group: the group says it all.
            if new_parent_added(&path, &self.changes) {
                continue;
            }
            self.push(
                path,
                "element-added",
                None,
                Some(shape_text(e)),
                impact,
                Semver::Major,
                sections(&e.source),
            );
        }
        for (path, o) in old {
            let e = o.element;
            let impact = if e.register_side {
                (Impact::Unaffected, Impact::Unaffected)
            } else {
                match o.message.direction.value {
                    // Requests refuse fields they do not know.
                    Direction::Request => (Impact::Breaking, Impact::Unaffected),
                    Direction::Response if o.optional => (Impact::Unaffected, Impact::Compatible),
                    Direction::Response => (Impact::Unaffected, Impact::Breaking),
                }
            };
            if old_parent_removed(&path, &self.changes) {
                continue;
            }
            self.push(
                path,
                "element-removed",
                Some(shape_text(e)),
                None,
                impact,
                Semver::Major,
                sections(&e.source),
            );
        }
    }

    /// An element renamed or moved: the path changes for everyone who uses
    /// it on the wire, then its other changes.
    fn relocated(
        &mut self,
        kind: &'static str,
        old_path: String,
        new_path: String,
        o: &Placed<'a>,
        n: &Placed<'a>,
    ) {
        let impact = if n.element.register_side {
            Impact::Unaffected
        } else {
            Impact::Breaking
        };
        self.push(
            new_path.clone(),
            kind,
            Some(old_path),
            Some(new_path.clone()),
            by_direction(n.message.direction.value, impact),
            Semver::Major,
            sections(&n.element.source),
        );
        self.element(&new_path, o, n);
    }

    /// The changes of an element present in both versions.
    fn element(&mut self, path: &str, o: &Placed<'a>, n: &Placed<'a>) {
        let (oe, ne) = (o.element, n.element);
        let direction = n.message.direction.value;
        let sections = sections(&ne.source);
        let path = path.to_string();
        let none = (Impact::Unaffected, Impact::Unaffected);
        if shape_text(oe) != shape_text(ne) || oe.shape != ne.shape {
            self.push(
                path.clone(),
                "type-changed",
                Some(shape_text(oe)),
                Some(shape_text(ne)),
                by_direction(direction, Impact::Breaking),
                Semver::Major,
                sections.clone(),
            );
        }
        if oe.register_side != ne.register_side {
            self.push(
                path.clone(),
                "register-side-changed",
                Some(oe.register_side.to_string()),
                Some(ne.register_side.to_string()),
                none,
                Semver::Major,
                sections.clone(),
            );
        }
        if required_text(oe) != required_text(ne) {
            use Required::*;
            let senders = match (
                oe.required.as_ref().map(|r| r.value),
                ne.required.as_ref().map(|r| r.value),
            ) {
                (Some(E | V) | None, Some(P)) | (Some(V) | None, Some(E)) => Impact::Breaking,
                _ => Impact::Compatible,
            };
            let semver = if o.optional != n.optional {
                Semver::Major
            } else {
                Semver::Patch
            };
            self.push(
                path.clone(),
                "required-changed",
                required_text(oe),
                required_text(ne),
                by_direction(direction, senders),
                semver,
                sections.clone(),
            );
        } else if o.optional != n.optional {
            // A response element that may now be withheld: an old client
            // requires it.
            let readers = if n.optional {
                Impact::Breaking
            } else {
                Impact::Compatible
            };
            let text = |optional: bool| {
                if optional {
                    "may be absent"
                } else {
                    "always present"
                }
                .to_string()
            };
            self.push(
                path.clone(),
                "presence-optionality-changed",
                Some(text(o.optional)),
                Some(text(n.optional)),
                by_direction(direction, readers),
                Semver::Major,
                sections.clone(),
            );
        }
        if markers_text(oe) != markers_text(ne) {
            let (old_set, new_set): (BTreeSet<_>, BTreeSet<_>) = (
                oe.markers.iter().map(|m| m.value).collect(),
                ne.markers.iter().map(|m| m.value).collect(),
            );
            let kind = if new_set.is_superset(&old_set) {
                "marker-added"
            } else if new_set.is_subset(&old_set) {
                "marker-removed"
            } else {
                "markers-changed"
            };
            // What is withheld changes; whether the field can be absent is
            // reported on its own.
            self.push(
                path.clone(),
                kind,
                Some(markers_text(oe)),
                Some(markers_text(ne)),
                (Impact::Unaffected, Impact::Compatible),
                Semver::Minor,
                sections.clone(),
            );
        }
        let dates = |e: &Element| {
            e.compared_date.as_ref().map(|d| match &d.value {
                crate::spec::ComparedDate::ItSelf => "self".to_string(),
                crate::spec::ComparedDate::Element(name) => name.clone(),
            })
        };
        if dates(oe) != dates(ne) {
            self.push(
                path.clone(),
                "compared-date-changed",
                dates(oe),
                dates(ne),
                (Impact::Unaffected, Impact::Compatible),
                Semver::Minor,
                sections.clone(),
            );
        }
        let presence = |e: &Element| {
            e.presence
                .as_ref()
                .and_then(|p| p.returned_if.as_ref())
                .map(|c| c.value.to_string())
        };
        if presence(oe) != presence(ne) {
            self.push(
                path.clone(),
                "presence-changed",
                presence(oe),
                presence(ne),
                (Impact::Unaffected, Impact::Compatible),
                Semver::Minor,
                sections.clone(),
            );
        }
        let checks = |e: &Element| -> BTreeSet<String> {
            e.rules
                .iter()
                .filter_map(|r| r.check.as_ref())
                .map(|c| check_text(&c.value))
                .collect()
        };
        let (old_checks, new_checks) = (checks(oe), checks(ne));
        for added in new_checks.difference(&old_checks) {
            self.push(
                path.clone(),
                "rule-added",
                None,
                Some(added.clone()),
                by_direction(direction, Impact::Breaking),
                Semver::Patch,
                sections.clone(),
            );
        }
        for removed in old_checks.difference(&new_checks) {
            self.push(
                path.clone(),
                "rule-removed",
                Some(removed.clone()),
                None,
                by_direction(direction, Impact::Compatible),
                Semver::Patch,
                sections.clone(),
            );
        }
        let range = |e: &Element| e.range.as_ref().map(|r| (r.value.min, r.value.max));
        if range(oe) != range(ne) {
            let (old_min, old_max) = range(oe).unwrap_or((None, None));
            let (new_min, new_max) = range(ne).unwrap_or((None, None));
            let narrower = new_min.is_some_and(|n| old_min.is_none_or(|o| n > o))
                || new_max.is_some_and(|n| old_max.is_none_or(|o| n < o));
            let text = |r: Option<(Option<i64>, Option<i64>)>| {
                r.map(|(min, max)| {
                    format!(
                        "{}..{}",
                        min.map(|m| m.to_string()).unwrap_or_default(),
                        max.map(|m| m.to_string()).unwrap_or_default()
                    )
                })
            };
            self.push(
                path.clone(),
                "range-changed",
                text(range(oe)),
                text(range(ne)),
                by_direction(
                    direction,
                    if narrower {
                        Impact::Breaking
                    } else {
                        Impact::Compatible
                    },
                ),
                Semver::Patch,
                sections.clone(),
            );
        }
        let fixed = |e: &Element| e.fixed.as_ref().map(|f| f.value.to_string());
        if fixed(oe) != fixed(ne) {
            let impact = if fixed(ne).is_some() {
                Impact::Breaking
            } else {
                Impact::Compatible
            };
            self.push(
                path.clone(),
                "fixed-changed",
                fixed(oe),
                fixed(ne),
                by_direction(direction, impact),
                Semver::Patch,
                sections.clone(),
            );
        }
        if oe.name.value != ne.name.value {
            self.push(
                path.clone(),
                "name-changed",
                Some(oe.name.value.clone()),
                Some(ne.name.value.clone()),
                none,
                Semver::Patch,
                sections.clone(),
            );
        }
        let notes = |e: &Element| {
            e.notes
                .iter()
                .map(|n| n.value.clone())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        if notes(oe) != notes(ne) {
            let text = |t: String| (!t.is_empty()).then_some(t);
            self.push(
                path,
                "notes-changed",
                text(notes(oe)),
                text(notes(ne)),
                none,
                Semver::Patch,
                sections,
            );
        }
    }
}

fn sections_or(sources: &[Source], fallback: &[String]) -> Vec<String> {
    let own = sections(sources);
    if own.is_empty() {
        fallback.to_vec()
    } else {
        own
    }
}

fn content_text(c: &Codeset) -> String {
    match &c.content {
        CodesetContent::Listed(values) => format!("{} listed values", values.len()),
        CodesetContent::Standard(s) => s.value.name().to_string(),
    }
}

fn stages_text(stages: &BTreeSet<Stage>) -> String {
    if stages.is_empty() {
        "allowed in every stage".to_string()
    } else {
        format!(
            "not allowed in the {} stage",
            stages
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(" and ")
        )
    }
}

fn new_parent_added(path: &str, changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|c| c.kind == "element-added" && path.starts_with(&format!("{}.", c.path)))
}

fn old_parent_removed(path: &str, changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|c| c.kind == "element-removed" && path.starts_with(&format!("{}.", c.path)))
}
