//! The spec: a YAML transcription of one API description, loaded and checked.
//!
//! The pipeline runs one way: [`yaml`] turns text into nodes with positions,
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
pub mod yaml;

use std::fmt;
use std::path::Path;

pub use model::*;
pub use read::MAX_TEXT_CHARS;
pub use yaml::{MAX_BYTES, MAX_FLOW_DEPTH};

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

/// A 1-based line and column in a spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
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
    pub value: T,
    pub pos: Pos,
}

impl<T> Spanned<T> {
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
