//! What changed between two versions of a spec, and what each change breaks:
//! for software that sends requests, for software that reads responses, and
//! for Rust code using the generated types (as semver).
//!
//! The rules are tabled in README.md ("What a change breaks").
//!
//! Three steps, a folder or file each: `compare` walks both specs and finds
//! each change (one file per part of the spec), `classify` holds every rule
//! for what a kind of change breaks, and `render` writes the diff as JSON
//! or Markdown.

mod classify;
mod compare;
mod render;

use serde::Serialize;

use crate::spec::Spec;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Semver {
    /// Only the checks or docs change.
    Patch,
    /// Something is added that no user must change for (disclosure).
    Minor,
    /// A user's code or messages may break.
    Major,
}

impl Semver {
    /// Its name: `patch`, `minor` or `major` (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        }
    }
}

impl Serialize for Semver {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where, in the spec's paths: `messages[request].owner.countryCode`.
    pub path: String,
    /// What kind of change, e.g. `element-added`, `required-changed`.
    pub kind: &'static str,
    /// The value before, in words, where there was one.
    pub old: Option<String>,
    /// The value after, in words, where there is one.
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
    /// The day the change takes effect, for a change of dates (a stage's
    /// start, an element's or code's `from`/`until`, the document's date, a
    /// history row): `YYYY-MM-DD`.
    pub takes_effect: Option<String>,
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
    /// The older spec's document id and version.
    pub old: (String, String),
    /// The newer spec's document id and version.
    pub new: (String, String),
    /// Every change, breaking ones first.
    pub changes: Vec<Change>,
}

/// The counts of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// How many changes.
    pub changes: usize,
    /// How many break request senders.
    pub breaking_for_senders: usize,
    /// How many break response readers.
    pub breaking_for_readers: usize,
    /// The semver step for the generated crate: the largest of the
    /// changes', `None` without changes (`"none"` in JSON).
    #[serde(serialize_with = "semver_or_none")]
    pub semver: Option<Semver>,
}

impl Diff {
    /// Whether any change breaks senders or readers.
    pub fn breaking(&self) -> bool {
        self.changes.iter().any(Change::breaking)
    }

    /// The counts of the changes and the semver step they call for.
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
            semver: self.changes.iter().map(|c| c.semver).max(),
        }
    }
}

fn semver_or_none<S: serde::Serializer>(
    semver: &Option<Semver>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match semver {
        Some(semver) => semver.serialize(serializer),
        None => serializer.serialize_str("none"),
    }
}

/// Compares `old` with `new`.
pub fn diff(old: &Spec, new: &Spec) -> Diff {
    let mut changes = compare::changes(old, new);
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
