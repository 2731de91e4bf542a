//! Reading a JSON message and validating it in one step, with every error
//! in the register's terms.
//!
//! [`read`] takes the fast path first: serde into the message's types
//! (reading structs from objects only), then the rules of
//! [`Validate`]. Only when serde refuses the message does it walk the
//! message again against its [`Structure`], to report every structural
//! error at its own path: each missing required element, each wrong JSON
//! type, each unknown element where the type refuses them, each duplicate
//! key. A valid message is read once.

mod answer;
mod choose;
mod diagnose;
mod parts;
mod strict;
mod tree;

use std::cell::Cell;
use std::fmt;
use std::io::Read;

use serde::de::DeserializeOwned;

use crate::structure::{Shape, Structure};
use crate::{Context, JsonPath, Validate, ValidationError, ValidationErrors};

pub use answer::{Notice, NoticeKind, Parsed, Place, Reading};
pub use choose::{choose, Alternatives};
pub use strict::Strict;
use tree::Tree;

/// The default size limit of a body: 10 MiB.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// The default number of errors listed; one more error says how many
/// were left out.
pub const DEFAULT_MAX_ERRORS: usize = 1000;
/// The code of the error that says how many errors were left out.
pub const MORE_ERRORS_CODE: &str = "PCR-MORE-ERRORS";

/// How [`read`] reads: the error codes it reports and its limits.
///
/// The generated models export theirs as `READ_OPTIONS`, with the codes of
/// their spec.
///
/// ```
/// use pcr_runtime::json::ReadOptions;
/// const OPTIONS: ReadOptions = ReadOptions::new("A10", "PCR-REQUIRED").max_bytes(1 << 20);
/// assert_eq!(OPTIONS.max_errors, 1000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The code of JSON that does not conform to the message's structure
    /// (the register's A10).
    pub schema_code: &'static str,
    /// The code of a missing required element.
    pub required_code: &'static str,
    /// The largest body read, in bytes; a larger one is refused unread.
    pub max_bytes: usize,
    /// The most errors listed.
    pub max_errors: usize,
    /// The version of the document the types transcribe ("1.4"), for the
    /// notice of a member they do not know; empty if not given.
    pub document: &'static str,
}

impl ReadOptions {
    /// These codes, with a 10 MiB limit and 1,000 errors at most.
    pub const fn new(schema_code: &'static str, required_code: &'static str) -> Self {
        ReadOptions {
            schema_code,
            required_code,
            max_bytes: DEFAULT_MAX_BYTES,
            max_errors: DEFAULT_MAX_ERRORS,
            document: "",
        }
    }

    /// The version of the document the types transcribe, for notices.
    pub const fn document(mut self, version: &'static str) -> Self {
        self.document = version;
        self
    }

    /// Another size limit, in bytes.
    pub const fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Another limit on the errors listed.
    pub const fn max_errors(mut self, max_errors: usize) -> Self {
        self.max_errors = max_errors;
        self
    }
}

/// A body to read: text, which is UTF-8 already, or bytes, which are
/// checked.
pub trait Body {
    /// The body's size in bytes.
    fn size(&self) -> usize;
    /// The body as text, or where it stops being UTF-8.
    fn text(&self) -> Result<&str, std::str::Utf8Error>;
}

impl Body for str {
    fn size(&self) -> usize {
        self.len()
    }
    fn text(&self) -> Result<&str, std::str::Utf8Error> {
        Ok(self)
    }
}

impl Body for String {
    fn size(&self) -> usize {
        self.len()
    }
    fn text(&self) -> Result<&str, std::str::Utf8Error> {
        Ok(self)
    }
}

impl Body for [u8] {
    fn size(&self) -> usize {
        self.len()
    }
    fn text(&self) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(self)
    }
}

impl Body for Vec<u8> {
    fn size(&self) -> usize {
        self.len()
    }
    fn text(&self) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(self)
    }
}

impl<T: Body + ?Sized> Body for &T {
    fn size(&self) -> usize {
        (**self).size()
    }
    fn text(&self) -> Result<&str, std::str::Utf8Error> {
        (**self).text()
    }
}

/// Why a message was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The body is larger than [`ReadOptions::max_bytes`]; nothing more was
    /// read. The register answers 413 Payload too large.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body was read and has errors, each at its path. The register
    /// answers 400 with them (section 3.5).
    Invalid(ValidationErrors),
    /// The body could not be read at all (an I/O error from the reader).
    Io(String),
}

impl ReadError {
    /// The HTTP status the register answers with: 413 or 400 (500 for an
    /// I/O error, which is the reader's side).
    pub fn status(&self) -> u16 {
        match self {
            ReadError::TooLarge { .. } => 413,
            ReadError::Invalid(_) => 400,
            ReadError::Io(_) => 500,
        }
    }

    /// The errors of an invalid body; none for the others.
    pub fn errors(&self) -> Option<&ValidationErrors> {
        match self {
            ReadError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    /// The errors of an invalid body, or `self` back.
    pub fn into_errors(self) -> Result<ValidationErrors, ReadError> {
        match self {
            ReadError::Invalid(errors) => Ok(errors),
            other => Err(other),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { limit } => {
                write!(
                    f,
                    "the body is larger than {limit} bytes (413 Payload too large)"
                )
            }
            ReadError::Invalid(errors) => errors.fmt(f),
            ReadError::Io(error) => write!(f, "the body could not be read: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<ValidationErrors> for ReadError {
    fn from(errors: ValidationErrors) -> Self {
        ReadError::Invalid(errors)
    }
}

/// Reads `body` as a `T` and validates it.
///
/// A body over [`ReadOptions::max_bytes`] is [`ReadError::TooLarge`], read
/// no further. Otherwise every error is listed, at most
/// [`ReadOptions::max_errors`] of them (then one more with
/// [`MORE_ERRORS_CODE`] saying how many were left out): text that is not
/// UTF-8 or not JSON is one `schema_code` error at the path reached, with
/// the byte offset or line and column; a body that does not have `T`'s
/// structure gets a `schema_code` error for each wrong type, unknown
/// element (where `T` refuses them), misplaced element and duplicate key,
/// and a `required_code` error for each missing required element, each at
/// its path; and every part whose structure is right (each object that
/// reads, or reads without its wrong members) gets the errors of its rules
/// in the same report.
///
/// `null` for a member that may be absent is read as absent. Where `T`
/// ignores unknown members (a response), each is kept with a
/// [`Notice`]; and where `T` names readings (`#[pcr(readings = ..)]`), an
/// answer that follows one is read into `T`'s layout, with a notice for
/// each element moved. A known element at a place no reading gives is an
/// error naming the place `T` expects. Errors after a reading are at the
/// places of `T`'s layout.
///
/// ```
/// use pcr_runtime::json::{self, ReadOptions};
/// use pcr_runtime::{Context, Stage, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// #[serde(deny_unknown_fields)]
/// struct Purposes {
///     #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
///     purposes: Vec<String>,
///     owner: String,
/// }
///
/// const OPTIONS: ReadOptions = ReadOptions::new("A10", "PCR-REQUIRED");
/// let ctx = Context::today(Stage::First);
/// let found = |text: &str| -> Vec<(String, String)> {
///     let errors = json::read::<Purposes>(text, &ctx, &OPTIONS).unwrap_err().into_errors().unwrap();
///     errors.iter().map(|e| (e.path.clone(), e.code.to_string())).collect()
/// };
/// assert!(json::read::<Purposes>(r#"{"purposes": ["x"], "owner": "o"}"#, &ctx, &OPTIONS).is_ok());
/// assert_eq!(found(r#"{"purposes": [], "owner": "o"}"#), [("purposes".into(), "PCR-TOO-FEW-ITEMS".into())]);
/// assert_eq!(
///     found(r#"{"purposes": [1, "x", true]}"#),
///     [
///         ("purposes[0]".into(), "A10".into()),
///         ("purposes[2]".into(), "A10".into()),
///         ("owner".into(), "PCR-REQUIRED".into()),
///     ]
/// );
/// assert_eq!(found(r#"{"purposes": ["x"], "owner": "o"} {}"#), [("".into(), "A10".into())]);
/// ```
pub fn read<T: DeserializeOwned + Validate + Structure>(
    body: impl Body,
    ctx: &Context,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    let text = text(&body, options)?;
    match fast::<T>(text) {
        // The valid path: read once, validated once.
        Ok((value, false)) => {
            let mut errors = ValidationErrors::with_limit(options.max_errors);
            JsonPath::with_spare(|path| value.validate_into(ctx, path, &mut errors));
            if errors.is_empty() {
                Ok(Parsed::new(value))
            } else {
                Err(errors.finish().into())
            }
        }
        // A newer register's answer: members the spec does not know.
        Ok((value, true)) => match unknown_members(text, T::shape(), options) {
            Some(notices) => validated(Parsed { value, notices }, ctx, options),
            None => read_slow(text, ctx, options),
        },
        Err(_) => read_slow(text, ctx, options),
    }
}

/// `parsed` if its value breaks no rule, else every error.
#[inline]
fn validated<T: Validate>(
    parsed: Parsed<T>,
    ctx: &Context,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    let mut errors = ValidationErrors::with_limit(options.max_errors);
    JsonPath::with_spare(|path| parsed.value.validate_into(ctx, path, &mut errors));
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(errors.finish().into())
    }
}

/// [`read`]'s slow path: the body settled as a tree and read again; the
/// rules of each part whose structure is right beside the structural
/// errors.
fn read_slow<T: DeserializeOwned + Validate + Structure>(
    text: &str,
    ctx: &Context,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    match slow::<T>(text, options) {
        Slow::Read(parsed) => validated(parsed, ctx, options),
        Slow::Invalid { mut errors, tree } => {
            if let Some(tree) = tree {
                JsonPath::with_spare(|path| {
                    parts::validate(&tree, T::shape(), ctx, path, &mut errors, options)
                });
            }
            Err(errors.finish().into())
        }
    }
}

/// Reads `body` as a `T` as [`read`] does, without the rules: the size
/// limit, UTF-8, JSON syntax and `T`'s structure, every error at its path;
/// nulls, unknown members and readings as [`read`] takes them. For data
/// that has no rules of its own (the register-side record that disclosure
/// reads), or that is validated later.
pub fn parse<T: DeserializeOwned + Structure>(
    body: impl Body,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    let text = text(&body, options)?;
    match fast::<T>(text) {
        Ok((value, false)) => Ok(Parsed::new(value)),
        Ok((value, true)) => match unknown_members(text, T::shape(), options) {
            Some(notices) => Ok(Parsed { value, notices }),
            None => parse_slow(text, options),
        },
        Err(_) => parse_slow(text, options),
    }
}

/// [`parse`]'s slow path.
fn parse_slow<T: DeserializeOwned + Structure>(
    text: &str,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    match slow::<T>(text, options) {
        Slow::Read(parsed) => Ok(parsed),
        Slow::Invalid { errors, .. } => Err(errors.finish().into()),
    }
}

/// The body's text, within the size limit.
fn text<'b>(body: &'b impl Body, options: &ReadOptions) -> Result<&'b str, ReadError> {
    if body.size() > options.max_bytes {
        return Err(ReadError::TooLarge {
            limit: options.max_bytes,
        });
    }
    body.text().map_err(|error| {
        let mut errors = ValidationErrors::with_limit(options.max_errors);
        errors.push_error(schema_error(
            options,
            String::new(),
            format!(
                "the body is not UTF-8: the byte at offset {} is not part of a UTF-8 character",
                error.valid_up_to()
            ),
        ));
        errors.finish().into()
    })
}

/// For a body serde read whole but for members it skipped: the notices of
/// those members, each kept with its path, when every one is a member the
/// spec does not know (the walk finds no error). `None` when a skipped
/// member is a known element out of place, for the slow path (a reading
/// may place it). One walk over the text: the answer of a newer register,
/// which adds members, costs a read and a walk, not the slow path.
fn unknown_members(text: &str, shape: Shape, options: &ReadOptions) -> Option<Vec<Notice>> {
    let mut walk = diagnose::Walk::keeping();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    walk.walk(shape, &mut deserializer).ok()?;
    if !walk.found.is_empty() {
        return None;
    }
    let kept = walk.kept.unwrap_or_default();
    Some(
        kept.into_iter()
            .map(|(steps, value)| answer::unknown(steps, value, options.document))
            .collect(),
    )
}

/// What the slow path made of a body that the fast path did not read
/// whole.
enum Slow<T> {
    Read(Parsed<T>),
    /// Its structural errors, and the settled tree when the body is JSON
    /// (for the rules of its parts).
    Invalid {
        errors: ValidationErrors,
        tree: Option<Tree>,
    },
}

/// The slow path: the body as a tree, settled against `T`'s shape (the
/// reading it follows applied, absent members' nulls dropped, unknown
/// members taken out with notices), then read by serde again.
fn slow<T: DeserializeOwned + Structure>(text: &str, options: &ReadOptions) -> Slow<T> {
    let mut errors = ValidationErrors::with_limit(options.max_errors);
    let shape = T::shape();
    let Ok(mut tree) = Tree::parse(text) else {
        // Not JSON, or more after the value: the walk says where.
        walk(text, shape, options, &mut errors);
        if errors.is_empty() {
            fallback::<T>(text, options, &mut errors);
        }
        return Slow::Invalid { errors, tree: None };
    };
    let notices = answer::tolerate(&mut tree, &shape, options.document);
    let settled = tree.render();
    match fast::<T>(&settled) {
        Ok((value, skipped)) => {
            // A member skipped now is a known element where the spec does
            // not put it: the walk names its place.
            if skipped {
                walk(&settled, shape, options, &mut errors);
            }
            if errors.is_empty() {
                Slow::Read(Parsed { value, notices })
            } else {
                Slow::Invalid {
                    errors,
                    tree: Some(tree),
                }
            }
        }
        Err(_) => {
            walk(&settled, shape, options, &mut errors);
            if errors.is_empty() {
                fallback::<T>(&settled, options, &mut errors);
            }
            Slow::Invalid {
                errors,
                tree: Some(tree),
            }
        }
    }
}

/// The structural errors of `body` against `T`'s [`Structure`], found by
/// walking it without building a `T`: what [`parse`] reports when serde
/// refuses a body, or when a body holds an element the spec puts
/// elsewhere. For a body serde reads whole, skipping nothing, it is always
/// `Ok(())` (the tests check that the two agree).
pub fn check_structure<T: Structure>(
    body: &str,
    options: &ReadOptions,
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::with_limit(options.max_errors);
    walk(body, T::shape(), options, &mut errors);
    errors.finish().into_result()
}

/// Reads at most `options.max_bytes` from `reader` (one byte more tells
/// that the body is too large), then [`read`]s it.
pub fn read_from<T: DeserializeOwned + Validate + Structure>(
    reader: impl Read,
    ctx: &Context,
    options: &ReadOptions,
) -> Result<Parsed<T>, ReadError> {
    let bytes = read_limited(reader, options.max_bytes)?;
    read(bytes, ctx, options)
}

/// Reads at most `max_bytes` bytes; one more is [`ReadError::TooLarge`].
pub fn read_limited(reader: impl Read, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge { limit: max_bytes });
    }
    Ok(bytes)
}

/// serde into `T`, structs from objects only, nothing after the value;
/// and whether a member was skipped.
#[inline]
fn fast<T: DeserializeOwned>(text: &str) -> Result<(T, bool), serde_json::Error> {
    let skipped = Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict::new(&mut deserializer, &skipped))?;
    deserializer.end()?;
    Ok((value, skipped.get()))
}

/// serde's own error for `text`, at the path where serde stopped: for a
/// body that serde refuses and the walk finds nothing wrong with (the
/// tests check that the two agree), so that serde's word is never lost.
fn fallback<T: DeserializeOwned>(text: &str, options: &ReadOptions, errors: &mut ValidationErrors) {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let skipped = Cell::new(false);
    let strict = Strict::new(&mut deserializer, &skipped);
    let (path, why) = match serde_path_to_error::deserialize::<_, T>(strict) {
        Err(error) => (error.path().to_string(), error.into_inner().to_string()),
        Ok(_) => match deserializer.end() {
            Err(error) => (String::new(), error.to_string()),
            Ok(()) => return,
        },
    };
    let path = if path == "." { String::new() } else { path };
    errors.push_error(schema_error(options, path, why));
}

/// Reads JSON text as a `T` and validates it at `path`, into `errors`;
/// `false` when the text does not read. The derives put it in a type's
/// [`Object::check`](crate::structure::Object::check).
#[doc(hidden)]
pub fn check_part<T: DeserializeOwned + Validate>(
    text: &str,
    ctx: &Context,
    path: &mut JsonPath,
    errors: &mut ValidationErrors,
) -> bool {
    match fast::<T>(text) {
        Ok((value, _)) => {
            value.validate_into(ctx, path, errors);
            true
        }
        Err(_) => false,
    }
}

/// Walks `text` against `shape`, every structural error into `errors`.
fn walk(text: &str, shape: Shape, options: &ReadOptions, errors: &mut ValidationErrors) {
    walk_with(diagnose::Walk::default(), text, shape, options, errors);
}

/// As [`walk`], with a walk that may already know where elements belong.
fn walk_with(
    mut walk: diagnose::Walk,
    text: &str,
    shape: Shape,
    options: &ReadOptions,
    errors: &mut ValidationErrors,
) {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let ended = walk
        .walk(shape, &mut deserializer)
        .and_then(|()| deserializer.end());
    let syntax = ended.err().map(|error| (walk.path(), error.to_string()));
    for (path, found) in walk.found {
        errors.push_error(match found {
            diagnose::Found::Missing => ValidationError {
                description: crate::rules::missing(),
                path,
                code: options.required_code.into(),
            },
            diagnose::Found::Wrong(why) => schema_error(options, path, why),
        });
    }
    if let Some((path, why)) = syntax {
        errors.push_error(schema_error(
            options,
            path,
            format!("the JSON is malformed: {why}"),
        ));
    }
}

fn schema_error(options: &ReadOptions, path: String, why: String) -> ValidationError {
    ValidationError {
        path,
        code: options.schema_code.into(),
        description: format!("The JSON does not conform to the API schema: {why}"),
    }
}
