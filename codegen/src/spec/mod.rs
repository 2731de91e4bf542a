//! The spec: a YAML transcription of one API description, loaded and checked.
//!
//! The pipeline runs one way: `yaml` turns text into nodes with positions,
//! `read` turns nodes into the [`model`] (reporting every node of the wrong
//! shape), and `check` runs the rules that span the whole spec (references,
//! uniqueness, subsets). [`load`] returns the model only when nothing is wrong,
//! and otherwise every problem found, each with its file, line and column.
//!
//! ```
//! let spec = pcr_codegen::spec::load_str(
//!     "tiny.yaml",
//!     include_str!("../../tests/specs/minimal.yaml"),
//! )
//! .expect("the minimal spec is valid");
//! assert_eq!(spec.document.version.value, "0.1");
//! ```

mod check;
pub mod model;
mod read;
pub(crate) mod yaml;

use std::fmt;
use std::path::Path;

pub use model::*;
pub use read::MAX_TEXT_CHARS;
pub use yaml::{MAX_BYTES, MAX_FLOW_DEPTH};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// A 1-based line and column in a spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub col: usize,
}

impl Pos {
    /// The position at `line` and `col`.
    pub fn new(line: usize, col: usize) -> Self {
        Pos { line, col }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A value and the position of the YAML node it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value read.
    pub value: T,
    /// Where it was read.
    pub pos: Pos,
}

impl<T> Spanned<T> {
    /// `value`, read at `pos`.
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// Loads and checks the spec file at `path`.
///
/// On failure the diagnostics name `path` as it was given.
pub fn load(path: &Path) -> Result<Spec, Diagnostics> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => load_str(&file, &text),
        Err(error) => Err(Diagnostics::from(vec![Diagnostic::new(
            Kind::Io,
            &file,
            Pos::new(1, 1),
            "",
            format!("cannot read the spec: {error}"),
        )])),
    }
}

/// Loads and checks a spec from its text; `file` names it in diagnostics.
pub fn load_str(file: &str, text: &str) -> Result<Spec, Diagnostics> {
    // A byte-order mark that an editor put first is not part of the YAML.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let node = yaml::parse(text).map_err(|error| {
        Diagnostics::from(vec![Diagnostic::new(
            Kind::Syntax,
            file,
            error.pos,
            "",
            error.message,
        )])
    })?;
    let mut diagnostics = Vec::new();
    let spec = read::read(file, &node, &mut diagnostics);
    if let Some(spec) = &spec {
        check::check(file, spec, &mut diagnostics);
    }
    match spec {
        Some(spec) if diagnostics.is_empty() => Ok(spec),
        _ => {
            if diagnostics.is_empty() {
                // `read` returns None only after reporting why; this keeps the
                // promise "an error result is never empty" even if it did not.
                diagnostics.push(Diagnostic::new(
                    Kind::Syntax,
                    file,
                    node.pos,
                    "",
                    "the spec could not be read".to_string(),
                ));
            }
            Err(Diagnostics::from(diagnostics))
        }
    }
}

/// What a checked spec holds, counted (the line `pcr-codegen check`
/// prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Codesets, listed and external.
    pub codesets: usize,
    /// Listed values of all codesets (external standards count none).
    pub codeset_values: usize,
    /// Messages.
    pub messages: usize,
    /// Elements of all messages at every depth, register-side ones included.
    pub elements: usize,
    /// Of `elements`, those the register holds but never returns.
    pub register_side: usize,
    /// Processing rules with a machine-checkable form.
    pub structured_rules: usize,
    /// "Returned if" conditions with a machine-checkable form.
    pub presence_conditions: usize,
    /// Footnote markers on elements (`*`, 1, 2), each counted where it stands.
    pub markers: usize,
    /// Error codes, the register's and the project's.
    pub error_codes: usize,
    /// Stage starts (a stage in one environment) of `stages`.
    pub stage_starts: usize,
    /// Elements and codeset values in force on some days only.
    pub dated: usize,
}

impl Counts {
    /// Counts what `spec` holds.
    pub fn of(spec: &Spec) -> Counts {
        let mut summary = Counts {
            codesets: spec.codesets.len(),
            codeset_values: spec.codesets.iter().map(|c| c.values().len()).sum(),
            messages: spec.messages.len(),
            error_codes: spec.error_codes.len(),
            stage_starts: spec.stages.iter().map(|s| s.starts.len()).sum(),
            dated: spec
                .codesets
                .iter()
                .flat_map(|c| c.values())
                .filter(|v| v.in_force.is_dated())
                .count(),
            ..Counts::default()
        };
        for message in &spec.messages {
            summary.add(&message.elements);
        }
        summary
    }

    fn add(&mut self, elements: &[Element]) {
        for element in elements {
            self.elements += 1;
            self.register_side += usize::from(element.register_side);
            self.structured_rules += element.rules.iter().filter(|r| r.check.is_some()).count();
            self.presence_conditions += usize::from(
                element
                    .presence
                    .as_ref()
                    .is_some_and(|p| p.returned_if.is_some()),
            );
            self.markers += element.markers.len();
            self.dated += usize::from(element.in_force.is_dated());
            self.add(&element.elements);
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} codesets ({} values), {} messages, {} elements ({} register-side), {} structured rules, {} presence conditions, {} footnote markers, {} error codes, {} stage starts, {} dated elements and codes",
            self.codesets,
            self.codeset_values,
            self.messages,
            self.elements,
            self.register_side,
            self.structured_rules,
            self.presence_conditions,
            self.markers,
            self.error_codes,
            self.stage_starts,
            self.dated,
        )
    }
}
