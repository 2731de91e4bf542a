//! Problems found in a spec, each with where it is and what would be right.

use std::fmt;

use crate::spec::Pos;

/// What kind of problem a diagnostic reports. Each kind has a stable name,
/// printed in brackets (`error[unknown-codeset]`), that tests and scripts can
/// match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The file could not be read.
    Io,
    /// The text is not one well-formed YAML document.
    Syntax,
    /// A key the spec format does not have.
    UnknownKey,
    /// A key the spec format requires is absent.
    MissingKey,
    /// A node of the wrong YAML type (a scalar where a list belongs, say).
    WrongType,
    /// A scalar whose text is not a valid value for its key.
    InvalidValue,
    /// A name given twice where names must be unique.
    Duplicate,
    /// A reference to a codeset that is not defined.
    UnknownCodeset,
    /// A code that is not a value of the codeset it is checked against.
    UnknownCodesetValue,
    /// A rule or condition names an element that does not exist.
    UnknownElement,
    /// An error code that is not declared under `error_codes`.
    UnknownErrorCode,
    /// A message id that is not defined.
    UnknownMessage,
    /// A footnote marker that is not defined under `footnote_markers`.
    UnknownMarker,
    /// A conditionally required (E) element without a rule saying when.
    MissingRule,
    /// Keys or values that contradict each other or the element's type.
    Inconsistent,
    /// A valid spec that the generator cannot turn into Rust yet.
    Unsupported,
}

impl Kind {
    /// Its name in brackets: `error[missing-key]`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Io => "io",
            Kind::Syntax => "syntax",
            Kind::UnknownKey => "unknown-key",
            Kind::MissingKey => "missing-key",
            Kind::WrongType => "wrong-type",
            Kind::InvalidValue => "invalid-value",
            Kind::Duplicate => "duplicate",
            Kind::UnknownCodeset => "unknown-codeset",
            Kind::UnknownCodesetValue => "unknown-codeset-value",
            Kind::UnknownElement => "unknown-element",
            Kind::UnknownErrorCode => "unknown-error-code",
            Kind::UnknownMessage => "unknown-message",
            Kind::UnknownMarker => "unknown-marker",
            Kind::MissingRule => "missing-rule",
            Kind::Inconsistent => "inconsistent",
            Kind::Unsupported => "unsupported",
        }
    }
}

/// One problem in a spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, as a kind a test or a tool can match.
    pub kind: Kind,
    /// The spec file, as given to the loader.
    pub file: String,
    /// Where in the file.
    pub pos: Pos,
    /// Where in the spec, e.g. `messages[request].owner.countryCode` or
    /// `codesets[LoanType].values[2]`; empty for the file as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What would be right, when the loader can tell.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `kind` at `pos` in `file`, at the spec path `path`.
    pub fn new(kind: Kind, file: &str, pos: Pos, path: &str, message: String) -> Self {
        Diagnostic {
            kind,
            file: file.to_string(),
            pos,
            path: path.to_string(),
            message,
            help: None,
        }
    }

    /// Adds a hint on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: error[{}]: {}",
            self.file,
            self.pos,
            self.kind.name(),
            self.message
        )?;
        if !self.path.is_empty() {
            write!(f, "\n    at {}", self.path)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n    help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in one spec, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// Each diagnostic, in the order of the file.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    /// Sorts by position (stable, so two problems at one node keep the order
    /// they were found in) so the output reads top to bottom.
    fn from(mut list: Vec<Diagnostic>) -> Self {
        list.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
        Diagnostics(list)
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{diagnostic}")?;
        }
        let count = self.0.len();
        write!(
            f,
            "{count} error{} in the spec",
            if count == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

/// "did you mean `x`?" for a misspelt name among the known ones.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}
