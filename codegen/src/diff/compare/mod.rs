//! Walks two specs side by side and finds what changed: each change with
//! its path, the old and new values, the sections, and a [`What`] that
//! names it with the facts its classification needs. The impacts come from
//! [`What::impacts`] (classify.rs), never from here.

mod codesets;
mod elements;
mod endpoint;

use std::collections::{BTreeMap, BTreeSet};

use super::classify::What;
use super::Change;
use crate::spec::{
    Check, Codeset, CodesetContent, Direction, Element, InForce, Message, Source, Spec, Stage,
};

/// Every change from `old` to `new`, in the order found.
pub(super) fn changes(old: &Spec, new: &Spec) -> Vec<Change> {
    let mut d = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    d.document();
    d.stages();
    d.format_rules();
    d.error_codes();
    d.codesets();
    d.http_statuses();
    d.messages();
    d.api();
    d.changes
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
            Source::Page { .. } | Source::Reference(_) => None,
        })
        .collect();
    set.into_iter().collect()
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

impl<'a> Differ<'a> {
    /// Records a change; its impacts come from `what` (classify.rs).
    fn push(
        &mut self,
        path: String,
        what: What,
        old: Option<String>,
        new: Option<String>,
        sections: Vec<String>,
    ) {
        self.push_on(path, what, (old, new), sections, None);
    }

    /// Records a change of dates, which takes effect on `day`.
    fn push_dated(
        &mut self,
        path: String,
        what: What,
        values: (Option<String>, Option<String>),
        sections: Vec<String>,
        day: time::Date,
    ) {
        self.push_on(path, what, values, sections, Some(day));
    }

    /// A change of the days something is in force (an element or a code),
    /// when there is one: both days said, the day it takes effect, and
    /// whether fewer days are in force (`what` is told).
    fn push_in_force(
        &mut self,
        path: String,
        old: &InForce,
        new: &InForce,
        sections: Vec<String>,
        what: impl FnOnce(bool) -> What,
    ) {
        if old == new {
            return;
        }
        self.push_dated(
            path,
            what(narrower(old, new)),
            (Some(in_force_text(old)), Some(in_force_text(new))),
            sections,
            in_force_day(old, new),
        );
    }

    fn push_on(
        &mut self,
        path: String,
        what: What,
        (old, new): (Option<String>, Option<String>),
        sections: Vec<String>,
        takes_effect: Option<time::Date>,
    ) {
        let (senders, readers, semver) = what.impacts();
        self.changes.push(Change {
            path,
            kind: what.kind(),
            old,
            new,
            senders,
            readers,
            semver,
            sections,
            takes_effect: takes_effect.map(|day| day.to_string()),
        });
    }

    /// The stages' starts, each (stage, environment) compared with its
    /// source.
    fn stages(&mut self) {
        let starts = |spec: &'a Spec| -> BTreeMap<(Stage, &'a str), &'a crate::spec::StageStart> {
            spec.stages
                .iter()
                .flat_map(|s| {
                    s.starts
                        .iter()
                        .map(move |st| ((s.stage.value, st.environment.value.as_str()), st))
                })
                .collect()
        };
        let (old, new) = (starts(self.old), starts(self.new));
        let text = |st: &crate::spec::StageStart| match &st.source {
            Some(source) => format!("{} ({})", st.date.value, source),
            None => st.date.value.to_string(),
        };
        let keys: BTreeSet<(Stage, &str)> = old.keys().chain(new.keys()).copied().collect();
        for key in keys {
            let path = format!("stages[{}].starts[{}]", key.0.name(), key.1);
            match (old.get(&key), new.get(&key)) {
                (Some(o), Some(n)) if text(o) == text(n) => {}
                (o, n) => {
                    let later = match (o, n) {
                        (Some(o), Some(n)) => n.date.value > o.date.value,
                        (Some(_), None) => true,
                        _ => false,
                    };
                    let day = n.or(o).map(|st| st.date.value).unwrap_or(time::Date::MIN);
                    self.push_dated(
                        path,
                        What::StageStartChanged { later },
                        (o.map(|st| text(st)), n.map(|st| text(st))),
                        vec![],
                        day,
                    );
                }
            }
        }
    }

    fn document(&mut self) {
        let (o, n) = (&self.old.document, &self.new.document);
        let fields = [
            ("id", o.id.value.clone(), n.id.value.clone()),
            ("title", o.title.value.clone(), n.title.value.clone()),
            ("version", o.version.value.clone(), n.version.value.clone()),
            ("date", o.date.value.to_string(), n.date.value.to_string()),
            // What the cited lines are checked against, or that nothing is.
            ("source_text", source_text(o), source_text(n)),
        ];
        for (key, old, new) in fields {
            if old != new {
                // A new date is the day the new version takes effect.
                self.push_on(
                    format!("document.{key}"),
                    What::DocumentChanged,
                    (Some(old), Some(new)),
                    vec![],
                    (key == "date").then_some(n.date.value),
                );
            }
        }
        // The history rows, by version: a row added or rewritten.
        for row in &n.history {
            let before = o
                .history
                .iter()
                .find(|r| r.version.value == row.version.value);
            let text = |r: &crate::spec::HistoryEntry| {
                format!("{}: {}", r.date.value, r.description.value)
            };
            if before.map(text) != Some(text(row)) {
                self.push_dated(
                    format!("document.history[{}]", row.version.value),
                    What::HistoryChanged,
                    (before.map(text), Some(text(row))),
                    vec![],
                    row.date.value,
                );
            }
        }
        if o.stage.value != n.stage.value {
            self.push(
                "document.stage".into(),
                What::StageChanged {
                    to_first: n.stage.value == Stage::First,
                },
                Some(o.stage.value.name().into()),
                Some(n.stage.value.name().into()),
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
            self.push(
                "format_rules.string.max_length".into(),
                What::FormatRuleChanged {
                    direction,
                    narrower: n.max_length.value < o.max_length.value,
                },
                Some(o.max_length.value.to_string()),
                Some(n.max_length.value.to_string()),
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
            self.push(
                "format_rules.string.allowed_characters".into(),
                What::FormatRuleChanged {
                    direction,
                    narrower: !removed.is_empty(),
                },
                (!removed.is_empty()).then(|| format!("also {removed}")),
                (!added.is_empty()).then(|| format!("also {added}")),
                vec!["2.2".into()],
            );
        }
    }

    fn error_codes(&mut self) {
        let (old, new) = (self.old, self.new);
        for (code, pair) in paired(&old.error_codes, &new.error_codes, |e| &e.code.value) {
            let path = format!("error_codes[{code}]");
            match pair {
                Paired::Added(e) => self.push(
                    path,
                    What::ErrorCodeAdded,
                    None,
                    Some(e.description.value.clone()),
                    vec![],
                ),
                Paired::Removed(e) => self.push(
                    path,
                    What::ErrorCodeRemoved,
                    Some(e.description.value.clone()),
                    None,
                    vec![],
                ),
                Paired::Both(o, e)
                    if o.description.value != e.description.value
                        || o.owner.value != e.owner.value =>
                {
                    self.push(
                        path,
                        What::ErrorCodeChanged,
                        Some(o.description.value.clone()),
                        Some(e.description.value.clone()),
                        vec![],
                    )
                }
                Paired::Both(..) => {}
            }
        }
    }
}

/// One key's items in the old and the new spec.
pub(super) enum Paired<'a, T> {
    /// In the new spec only.
    Added(&'a T),
    /// In the old spec only.
    Removed(&'a T),
    /// In both: compared.
    Both(&'a T, &'a T),
}

/// The items of `old` and `new` paired by `key`, in the keys' order: the one
/// pairing of the comparisons (codesets, messages, readings, error codes).
pub(super) fn paired<'a, T>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> &'a str,
) -> Vec<(&'a str, Paired<'a, T>)> {
    let mut by_key: BTreeMap<&str, (Option<&T>, Option<&T>)> = BTreeMap::new();
    for item in old {
        by_key.entry(key(item)).or_default().0 = Some(item);
    }
    for item in new {
        by_key.entry(key(item)).or_default().1 = Some(item);
    }
    by_key
        .into_iter()
        .filter_map(|(k, pair)| {
            let paired = match pair {
                (None, Some(new)) => Paired::Added(new),
                (Some(old), None) => Paired::Removed(old),
                (Some(old), Some(new)) => Paired::Both(old, new),
                (None, None) => return None,
            };
            Some((k, paired))
        })
        .collect()
}

fn sections_or(sources: &[Source], fallback: &[String]) -> Vec<String> {
    let own = sections(sources);
    if own.is_empty() {
        fallback.to_vec()
    } else {
        own
    }
}

/// Whether some day in force under `old` is not under `new`: `new` starts
/// later or ends earlier (an open `from` is the earliest day, an open
/// `until` the latest).
fn narrower(old: &InForce, new: &InForce) -> bool {
    let (old, new) = (old.days(), new.days());
    let end = |d: pcr_runtime::InForce| d.until.unwrap_or(time::Date::MAX);
    new.from > old.from || end(new) < end(old)
}

/// The day a change of `old` to `new` takes effect: the earliest of the
/// days that changed (the new one, or the old one dropped).
fn in_force_day(old: &InForce, new: &InForce) -> time::Date {
    let (old, new) = (old.days(), new.days());
    [(old.from, new.from), (old.until, new.until)]
        .into_iter()
        .filter(|(o, n)| o != n)
        .filter_map(|(o, n)| n.or(o))
        .min()
        .unwrap_or(time::Date::MIN)
}

/// "in force from 2027-01-04", "in force on every day".
fn in_force_text(in_force: &InForce) -> String {
    format!("in force {}", in_force.days())
}

/// The converted text a document's lines are checked against, or why none.
fn source_text(document: &crate::spec::Document) -> String {
    match &document.source_text {
        Some(text) => text.value.clone(),
        None => "none: the cited lines are unverified".to_string(),
    }
}
