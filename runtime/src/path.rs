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
/// costs no more than a `Vec` push and pop (a map key's text is kept
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
        JsonPath::default()
    }

    /// Steps into the member `name`.
    #[inline]
    pub fn push_field(&mut self, name: &'static str) {
        self.steps.push(Step::Field(name));
    }

    /// Steps into the list item `index`.
    #[inline]
    pub fn push_index(&mut self, index: usize) {
        self.steps.push(Step::Index(index));
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
        self.steps.push(Step::Key);
        self.keys.push(key.into());
    }

    /// Steps back out of the last member, item or entry.
    #[inline]
    pub fn pop(&mut self) {
        if let Some(Step::Key) = self.steps.pop() {
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

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                // A key that reads as a member name is written as one.
                Segment::Key(key)
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
                {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?
                }
                Segment::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}
