//! JSON paths in the spec's names: `owner.countryCode`,
//! `request.creditRegisterExtractPurpose[1]`.

use std::fmt;

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A JSON member name known at compile time: a field of a struct.
    Field(&'static str),
    /// A list index, from 0.
    Index(usize),
    /// A key of a map, known only at run time.
    Key(&'a str),
}

/// A step as kept: `Copy`, so pushing and popping a field or an index
/// costs no more than a stack push and pop (a map key's text is kept
/// beside, in `keys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Field(&'static str),
    Index(usize),
    Key,
}

/// The path to the value being validated, kept as a stack so validation
/// allocates a string only for a value with an error.
///
/// ```
/// use pcr_runtime::JsonPath;
///
/// let mut path = JsonPath::new();
/// path.push_field("request");
/// path.push_field("creditRegisterExtractPurpose");
/// path.push_index(1);
/// assert_eq!(path.to_string(), "request.creditRegisterExtractPurpose[1]");
/// path.pop();
/// path.pop();
/// assert_eq!(path.to_string(), "request");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath {
    steps: Vec<Step>,
    /// The text of each `Step::Key`, in order.
    keys: Vec<String>,
}

impl JsonPath {
    /// The empty path: the value validated itself.
    pub fn new() -> Self {
        // Room for eight steps, deeper than the register's messages go,
        // so that a path grows only for deeper values. Measured with
        // callgrind: growing from empty cost a request's read 64 more
        // instructions; a stack kept in place (`arrayvec`) saved the
        // allocation (137 on the request) but cost 2,400 more on the
        // 50-loan extract, its push and pop being dearer than a `Vec`'s.
        JsonPath {
            steps: Vec::with_capacity(8),
            keys: Vec::new(),
        }
    }

    /// Runs `f` with an empty path taken from this thread's spare one, so
    /// that validating a value does not allocate a path each time: a
    /// request's read spent 130 of its 6,045 instructions (callgrind) on
    /// the allocation and release of a new path. The spare is put back
    /// when `f` returns; a call inside `f` finds the spare in use and
    /// makes its own.
    pub(crate) fn with_spare<R>(f: impl FnOnce(&mut JsonPath) -> R) -> R {
        thread_local! {
            static SPARE: std::cell::RefCell<JsonPath> = std::cell::RefCell::new(JsonPath::new());
        }
        SPARE.with(|spare| match spare.try_borrow_mut() {
            Ok(mut path) => {
                // Emptied before use: a panic in an earlier `f` may have
                // left steps behind.
                path.steps.clear();
                path.keys.clear();
                f(&mut path)
            }
            Err(_) => f(&mut JsonPath::new()),
        })
    }

    /// Steps into the member `name`.
    #[inline]
    pub fn push_field(&mut self, name: &'static str) {
        self.push(Step::Field(name));
    }

    /// Steps into the list item `index`.
    #[inline]
    pub fn push_index(&mut self, index: usize) {
        self.push(Step::Index(index));
    }

    /// Steps into the map entry `key`.
    ///
    /// ```
    /// use pcr_runtime::JsonPath;
    ///
    /// let mut path = JsonPath::new();
    /// path.push_field("limits");
    /// path.push_key("EUR");
    /// path.push_field("amount");
    /// assert_eq!(path.to_string(), "limits.EUR.amount");
    /// path.pop();
    /// path.pop();
    /// path.push_key("not a name");
    /// assert_eq!(path.to_string(), r#"limits["not a name"]"#);
    /// ```
    pub fn push_key(&mut self, key: impl Into<String>) {
        self.push(Step::Key);
        self.keys.push(key.into());
    }

    #[inline]
    fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Steps back out of the last member, item or entry.
    #[inline]
    pub fn pop(&mut self) {
        let step = self.steps.pop();
        if let Some(Step::Key) = step {
            self.keys.pop();
        }
    }

    /// The steps, outermost first.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'_>> + '_ {
        let mut keys = self.keys.iter();
        self.steps.iter().map(move |step| match step {
            Step::Field(name) => Segment::Field(name),
            Step::Index(index) => Segment::Index(*index),
            Step::Key => Segment::Key(keys.next().map_or("", String::as_str)),
        })
    }

    /// Whether the path has no step.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

impl JsonPath {
    /// The path as text, what `Display` writes, into a `String` made the
    /// right size at once. Each error keeps its path as text; through
    /// `to_string` the text grew a step at a time and went through the
    /// formatting machinery (a request with three errors: 10,903
    /// instructions, 1,500 of them the paths, callgrind).
    pub(crate) fn text(&self) -> String {
        let steps: usize = self
            .steps
            .iter()
            .map(|step| match step {
                Step::Field(name) => name.len() + 1,
                Step::Index(_) => 6,
                Step::Key => 5,
            })
            .sum();
        let keys: usize = self.keys.iter().map(String::len).sum();
        let mut text = String::with_capacity(steps + keys);
        // Writing into a `String` cannot fail.
        let _ = self.write_to(&mut text);
        text
    }

    fn write_to(&self, out: &mut impl fmt::Write) -> fmt::Result {
        for (i, segment) in self.segments().enumerate() {
            match segment {
                Segment::Field(name) => {
                    if i > 0 {
                        out.write_char('.')?;
                    }
                    out.write_str(name)?;
                }
                Segment::Index(index) => {
                    out.write_char('[')?;
                    out.write_str(itoa::Buffer::new().format(index))?;
                    out.write_char(']')?;
                }
                // A key that reads as a member name is written as one.
                Segment::Key(key)
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
                {
                    if i > 0 {
                        out.write_char('.')?;
                    }
                    out.write_str(key)?;
                }
                Segment::Key(key) => write!(out, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A validation inside a validation gets a path of its own; the
    /// spare is handed out empty, even after a panic left steps in it.
    #[test]
    fn the_spare_path_is_empty_and_not_shared() {
        JsonPath::with_spare(|outer| {
            outer.push_field("outer");
            JsonPath::with_spare(|inner| {
                assert!(inner.is_empty());
                inner.push_field("inner");
                assert_eq!(inner.to_string(), "inner");
            });
            assert_eq!(outer.to_string(), "outer");
        });
        let panicked = std::panic::catch_unwind(|| {
            JsonPath::with_spare(|path| {
                path.push_key("left behind");
                panic!("a rule panicked");
            })
        });
        assert!(panicked.is_err());
        JsonPath::with_spare(|path| assert_eq!(*path, JsonPath::new()));
    }

    /// A path goes on (and comes back) step by step, keys included.
    #[test]
    fn deep_paths() {
        let mut path = JsonPath::new();
        let mut expected = String::new();
        let mut written = Vec::new();
        for depth in 0..24 {
            match depth % 3 {
                0 => {
                    path.push_field("a");
                    expected.push_str(if depth == 0 { "a" } else { ".a" });
                }
                1 => {
                    path.push_index(depth);
                    expected.push_str(&format!("[{depth}]"));
                }
                _ => {
                    path.push_key(format!("k{depth}"));
                    expected.push_str(&format!(".k{depth}"));
                }
            }
            written.push(expected.clone());
            assert_eq!(path.to_string(), expected);
            assert_eq!(path.text(), expected);
            assert_eq!(path.segments().count(), depth + 1);
        }
        written.pop();
        while let Some(before) = written.pop() {
            path.pop();
            assert_eq!(path.to_string(), before);
        }
        path.pop();
        assert!(path.is_empty());
        assert_eq!(path, JsonPath::new());
    }
}
