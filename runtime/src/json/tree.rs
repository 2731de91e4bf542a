//! A message held as a tree of members whose leaves are the JSON text as
//! read: what the slow path rearranges (a recorded reading's places, the
//! nulls of absent members, the members the spec does not know) before
//! serde reads it again. Numbers stay as written, so a decimal loses no
//! digit on the way.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// Objects and arrays deeper than this stay one leaf of text: the
/// register's messages nest eight deep, lists counted, and a deeper value is only ever
/// kept whole (an unknown member's value).
const MAX_DEPTH: usize = 16;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Member(String),
    Index(usize),
}

/// A path as the errors write it: `a.b[2].c`.
pub(crate) fn render(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Member(name) if text.is_empty() => text.push_str(name),
            Step::Member(name) => {
                text.push('.');
                text.push_str(name);
            }
            Step::Index(index) => {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
        }
    }
    text
}

/// One JSON value.
#[derive(Debug, Clone)]
pub(crate) enum Tree {
    /// An object's members in the order written, duplicates kept.
    Object(Vec<(String, Tree)>),
    /// An array's items.
    List(Vec<Tree>),
    /// Any other value, or a value nested too deep to open: its text.
    Leaf(Box<RawValue>),
    /// A value a reading could not put at the spec's place, held where it
    /// was found until the members are settled (see `answer::settle`).
    Held(Box<Held>),
}

/// A value held where it was found, and why.
#[derive(Debug, Clone)]
pub(crate) struct Held {
    pub value: Tree,
    pub reading: &'static super::Reading,
    pub why: String,
}

impl Tree {
    /// The tree of `text`, a JSON value (objects and arrays opened to
    /// [`MAX_DEPTH`]).
    pub fn parse(text: &str) -> Result<Tree, serde_json::Error> {
        let raw: Box<RawValue> = serde_json::from_str(text)?;
        Tree::open(raw, 0)
    }

    fn open(raw: Box<RawValue>, depth: usize) -> Result<Tree, serde_json::Error> {
        if depth >= MAX_DEPTH {
            return Ok(Tree::Leaf(raw));
        }
        match raw.get().as_bytes().first() {
            Some(b'{') => {
                let mut deserializer = serde_json::Deserializer::from_str(raw.get());
                let members = deserializer.deserialize_map(Members)?;
                // The members hold their own text now: a deep value is
                // not held once per level.
                drop(raw);
                members
                    .into_iter()
                    .map(|(key, value)| Ok((key, Tree::open(value, depth + 1)?)))
                    .collect::<Result<_, _>>()
                    .map(Tree::Object)
            }
            Some(b'[') => {
                let items: Vec<Box<RawValue>> = serde_json::from_str(raw.get())?;
                drop(raw);
                items
                    .into_iter()
                    .map(|item| Tree::open(item, depth + 1))
                    .collect::<Result<_, _>>()
                    .map(Tree::List)
            }
            _ => Ok(Tree::Leaf(raw)),
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Tree::Leaf(raw) if raw.get() == "null")
    }

    /// The member names of an object.
    pub fn names(&self) -> impl Iterator<Item = &str> + Clone {
        let members: &[(String, Tree)] = match self {
            Tree::Object(members) => members,
            _ => &[],
        };
        members.iter().map(|(k, _)| k.as_str())
    }

    /// The value as JSON text, compact.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// The value as JSON text, indented by two spaces as
    /// `serde_json::to_string_pretty` does.
    pub fn render_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some("  "), 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<&str>, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            if let Some(indent) = indent {
                out.push('\n');
                for _ in 0..depth {
                    out.push_str(indent);
                }
            }
        };
        match self {
            Tree::Leaf(raw) => match indent {
                // A leaf nested too deep to open is reformatted whole.
                Some(_) if raw.get().starts_with(['{', '[']) => {
                    match serde_json::from_str::<serde_json::Value>(raw.get())
                        .and_then(|v| serde_json::to_string_pretty(&v))
                    {
                        Ok(text) => {
                            let pad = indent.unwrap_or_default().repeat(depth);
                            out.push_str(&text.replace('\n', &format!("\n{pad}")));
                        }
                        Err(_) => out.push_str(raw.get()),
                    }
                }
                _ => out.push_str(raw.get()),
            },
            Tree::Held(held) => held.value.write(out, indent, depth),
            Tree::List(items) if items.is_empty() => out.push_str("[]"),
            Tree::Object(members) if members.is_empty() => out.push_str("{}"),
            Tree::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Tree::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    // A key is a JSON string: serde_json escapes it.
                    out.push_str(&serde_json::Value::from(key.as_str()).to_string());
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    value.write(out, indent, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }
}

/// An object's members as written, each value as raw text.
struct Members;

impl<'de> Visitor<'de> for Members {
    type Value = Vec<(String, Box<RawValue>)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            members.push((key, map.next_value()?));
        }
        Ok(members)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_what_it_read_with_numbers_and_duplicates_as_written() {
        let text = r#"{"a":1.000000000000000000000000001,"b":[{"c":null},"x\"y"],"a":{}}"#;
        assert_eq!(Tree::parse(text).unwrap().render(), text);
        let spaced = "{ \"a\" : [ 1 , 2 ] }";
        assert_eq!(Tree::parse(spaced).unwrap().render(), r#"{"a":[1,2]}"#);
    }

    #[test]
    fn pretty_output_is_the_same_value() {
        let text = r#"{"a":1.5,"b":[{"c":null},[]],"d":{}}"#;
        let pretty = Tree::parse(text).unwrap().render_pretty();
        let expected =
            serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(text).unwrap())
                .unwrap();
        assert_eq!(pretty, expected);
    }

    #[test]
    fn a_deep_value_stays_one_leaf() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let tree = Tree::parse(&deep).unwrap();
        assert_eq!(tree.render(), deep);
        let mut depth = 0;
        let mut node = &tree;
        while let Tree::List(items) = node {
            depth += 1;
            node = &items[0];
        }
        assert_eq!(depth, MAX_DEPTH);
    }
}
