//! The slow path: a message that serde refused is read again against its
//! [`Shape`], and every structural error is recorded at its own path.
//!
//! The walk asks serde_json for each value with `deserialize_any` and
//! judges what comes back itself, so a wrong type never stops it; only a
//! syntax error does, and that is recorded at the path reached so far.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::tree::{render, Step};
use crate::structure::{Choice, Object, Shape, Unknown};

/// What the walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A required member is missing.
    Missing,
    /// Anything else that does not fit the shape.
    Wrong(String),
}

/// The walk's state: where it is, and what it found so far.
#[derive(Default)]
pub(crate) struct Walk {
    path: Vec<Step>,
    /// Each error with its path, in document order.
    pub found: Vec<(String, Found)>,
    /// Where the message's shape puts each element name, built from the
    /// shape the walk starts at.
    placed: Option<Placed>,
    /// When set, each member an object ignores (one the spec does not
    /// know) is kept here with its path, instead of skipped.
    pub kept: Option<Vec<(Vec<Step>, Box<RawValue>)>>,
}

/// Element name → the paths where the shape has it (`loans` →
/// `creditInformationSummary.loans`), list indices left out.
pub(crate) type Placed = BTreeMap<&'static str, Vec<String>>;

/// Where `shape` puts each element name. A type met again inside itself is
/// not entered again, so a recursive type ends.
pub(crate) fn placed(shape: &Shape) -> Placed {
    fn visit(shape: &Shape, path: &str, inside: &mut Vec<&'static str>, out: &mut Placed) {
        match shape {
            Shape::Object(object) => {
                if inside.contains(&object.name) || inside.len() > 64 {
                    return;
                }
                inside.push(object.name);
                for member in &object.members {
                    let here = if path.is_empty() {
                        member.name.to_string()
                    } else {
                        format!("{path}.{}", member.name)
                    };
                    out.entry(member.name).or_default().push(here.clone());
                    visit(&(member.shape)(), &here, inside, out);
                }
                inside.pop();
            }
            Shape::List(item) | Shape::Nullable(item) => visit(&item(), path, inside, out),
            Shape::Choice(choice) => {
                for alternative in choice.alternatives {
                    visit(&(alternative.shape)(), path, inside, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Placed::new();
    visit(shape, "", &mut Vec::new(), &mut out);
    out
}

impl Walk {
    /// A walk that tells where `message` puts each element (a shape the
    /// walk starts inside, such as one alternative of a choice).
    pub fn placing(message: &Shape) -> Self {
        Walk {
            placed: Some(placed(message)),
            ..Walk::default()
        }
    }

    /// A walk that keeps each member an object ignores, with its path.
    pub fn keeping() -> Self {
        Walk {
            kept: Some(Vec::new()),
            ..Walk::default()
        }
    }

    /// The path reached so far, as `a.b[2].c`.
    pub fn path(&self) -> String {
        render(&self.path)
    }

    fn record(&mut self, found: Found) {
        self.found.push((self.path(), found));
    }

    fn wrong(&mut self, text: String) {
        self.record(Found::Wrong(text));
    }

    /// Walks `deserializer` against `shape`; an error is a syntax error
    /// (or a depth limit), at [`Walk::path`].
    pub fn walk<'de, D: Deserializer<'de>>(
        &mut self,
        shape: Shape,
        deserializer: D,
    ) -> Result<(), D::Error> {
        if self.placed.is_none() {
            self.placed = Some(placed(&shape));
        }
        Node { shape, walk: self }.deserialize(deserializer)
    }

    /// Where the spec puts the element `name`, for a message, or `None`
    /// when nowhere.
    fn placed_at(&self, name: &str) -> Option<String> {
        let paths = self.placed.as_ref()?.get(name)?;
        let mut paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        paths.dedup();
        Some(
            paths
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" or "),
        )
    }
}

/// A value to walk against its shape.
struct Node<'w> {
    shape: Shape,
    walk: &'w mut Walk,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let (shape, nullable) = match self.shape {
            Shape::Nullable(inner) => (inner(), true),
            shape => (shape, false),
        };
        match shape {
            // The raw text of the value, whatever it is, judged as a number.
            Shape::Decimal => {
                let raw = <Box<RawValue>>::deserialize(deserializer)?;
                let text = raw.get();
                if !(nullable && text == "null") {
                    if let Err(why) = crate::wire::decimal::parse(text) {
                        self.walk.wrong(match text.as_bytes().first() {
                            Some(b'-' | b'0'..=b'9') => why,
                            _ => format!("expected a decimal number, found {}", kind(text)),
                        });
                    }
                }
                Ok(())
            }
            Shape::Choice(choice) => {
                let raw = <Box<RawValue>>::deserialize(deserializer)?;
                choose(&choice, raw.get(), nullable, self.walk).map_err(de::Error::custom)
            }
            shape => deserializer.deserialize_any(Judge {
                shape,
                nullable,
                walk: self.walk,
            }),
        }
    }
}

/// The JSON kind of a raw value, for messages.
fn kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "text",
        Some(b't' | b'f') => "true or false",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// Judges one value that serde_json hands over.
struct Judge<'w> {
    shape: Shape,
    nullable: bool,
    walk: &'w mut Walk,
}

impl Judge<'_> {
    fn mismatch<E>(self, found: &str) -> Result<(), E> {
        if !matches!(self.shape, Shape::Any) {
            let expected = self.shape.expecting();
            let or_null = if self.nullable { " or null" } else { "" };
            self.walk
                .wrong(format!("expected {expected}{or_null}, found {found}"));
        }
        Ok(())
    }

    fn integer<E>(self, n: i128) -> Result<(), E> {
        match self.shape {
            Shape::Integer { min, max } if n < min || n > max => {
                self.walk
                    .wrong(format!("{n} is not a whole number from {min} to {max}"));
                Ok(())
            }
            Shape::Integer { .. } | Shape::Number | Shape::Any => Ok(()),
            _ => self.mismatch("a number"),
        }
    }
}

impl<'de> Visitor<'de> for Judge<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.shape.expecting())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        match self.shape {
            Shape::Bool | Shape::Any => Ok(()),
            _ => self.mismatch("true or false"),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.integer(i128::from(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.integer(i128::from(n))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        match self.shape {
            Shape::Number | Shape::Any => Ok(()),
            Shape::Integer { .. } => {
                self.walk.wrong(format!("{n} is not a whole number"));
                Ok(())
            }
            _ => self.mismatch("a number"),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        match self.shape {
            Shape::Text { check, .. } => {
                if let Err(why) = check(text) {
                    self.walk.wrong(why);
                }
                Ok(())
            }
            Shape::Any => Ok(()),
            _ => self.mismatch("text"),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.nullable || matches!(self.shape, Shape::Any) {
            return Ok(());
        }
        self.mismatch("null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Shape::List(item) = self.shape else {
            self.mismatch::<A::Error>("an array")?;
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let walk = self.walk;
        let mut index = 0;
        loop {
            walk.path.push(Step::Index(index));
            let node = Node {
                shape: item(),
                walk: &mut *walk,
            };
            if seq.next_element_seed(node)?.is_none() {
                walk.path.pop();
                return Ok(());
            }
            walk.path.pop();
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Shape::Object(object) = self.shape else {
            self.mismatch::<A::Error>("an object")?;
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        members(&object, map, self.walk)
    }
}

/// Walks an object's members, then reports the required ones it lacks.
fn members<'de, A: MapAccess<'de>>(
    object: &Object,
    mut map: A,
    walk: &mut Walk,
) -> Result<(), A::Error> {
    let mut seen = vec![false; object.members.len()];
    while let Some(key) = map.next_key::<String>()? {
        walk.path.push(Step::Member(key));
        let Some(Step::Member(key)) = walk.path.last() else {
            unreachable!("just pushed")
        };
        match object.members.iter().position(|m| m.name == key) {
            Some(at) => {
                if seen[at] {
                    walk.wrong(format!("`{key}` appears twice in {}", object.name));
                }
                seen[at] = true;
                let member = &object.members[at];
                // `null` for a member that may be left out is its absence.
                let shape = match (member.shape)() {
                    shape @ Shape::Nullable(_) => shape,
                    _ if !member.required => Shape::Nullable(member.shape),
                    shape => shape,
                };
                map.next_value_seed(Node {
                    shape,
                    walk: &mut *walk,
                })?;
            }
            None => {
                // An element the spec puts elsewhere is misplaced, never an
                // unknown element to skip; one it does not know at all is
                // an error where the type refuses them.
                match walk.placed_at(key) {
                    Some(places) => {
                        let here = match render(&walk.path[..walk.path.len() - 1]) {
                            parent if parent.is_empty() => "the message".to_string(),
                            parent => format!("`{parent}`"),
                        };
                        walk.wrong(format!(
                            "`{key}` is not an element of {here}: the spec puts it at {places}"
                        ))
                    }
                    None if object.unknown == Unknown::Deny => walk.wrong(format!(
                        "`{key}` is not an element of {}; its elements are: {}",
                        object.name,
                        object
                            .members
                            .iter()
                            .map(|m| m.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                    None => {
                        if let Some(kept) = &mut walk.kept {
                            let value = map.next_value::<Box<RawValue>>()?;
                            kept.push((walk.path.clone(), value));
                            walk.path.pop();
                            continue;
                        }
                    }
                }
                map.next_value::<IgnoredAny>()?;
            }
        }
        walk.path.pop();
    }
    for (member, seen) in object.members.iter().zip(seen) {
        if member.required && !seen {
            missing(member, walk);
        }
    }
    Ok(())
}

/// Records a missing required member and, if it is an object, each of its
/// own required members: `{}` as a request lists `owner`, `owner.idCode`
/// and the rest, each at its path.
fn missing(member: &crate::structure::Member, walk: &mut Walk) {
    walk.path.push(Step::Member(member.name.to_string()));
    walk.record(Found::Missing);
    // A type that contains itself would recurse forever; the models are
    // finite, and the depth is capped as serde_json caps nesting.
    if walk.path.len() < 128 {
        if let Shape::Object(object) = (member.shape)() {
            for inner in object.members.iter().filter(|m| m.required) {
                missing(inner, walk);
            }
        }
    }
    walk.path.pop();
}

/// The top-level member names of an object, or `None` if it is not one.
pub(crate) fn member_names(raw: &str) -> Option<Vec<String>> {
    struct Names;
    impl<'de> Visitor<'de> for Names {
        type Value = Option<Vec<String>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a value")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut names = Vec::new();
            while let Some((name, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                names.push(name);
            }
            Ok(Some(names))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    deserializer.deserialize_any(Names).ok().flatten()
}

fn choose(choice: &Choice, raw: &str, nullable: bool, walk: &mut Walk) -> Result<(), String> {
    if nullable && raw == "null" {
        return Ok(());
    }
    let Some(names) = member_names(raw) else {
        walk.wrong(format!("expected an object, found {}", kind(raw)));
        return Ok(());
    };
    match choice.select(names.iter().map(String::as_str)) {
        Ok(index) => {
            let shape = (choice.alternatives[index].shape)();
            let mut deserializer = serde_json::Deserializer::from_str(raw);
            walk.walk(shape, &mut deserializer)
                .map_err(|e| e.to_string())
        }
        Err(why) => {
            walk.wrong(why);
            Ok(())
        }
    }
}
