//! Reading a body that is one of several messages, told apart by their
//! members (a [`Shape::Choice`]: the body of an HTTP 200 response is an
//! extract or a deceased response), in one pass over the text.
//!
//! The members are read in order. Members that are no alternative's own
//! (`owner`, `personRequested`) are kept as raw JSON until one that is
//! (`creditInformationSummary`, `deceasedPerson`) decides the alternative;
//! then the alternative's own `Deserialize` reads the kept members and the
//! rest of the object as it arrives. A body with no member of its own is
//! read as the first alternative. Only the few members before the deciding
//! one are copied; before this, the whole body was (a `Box<RawValue>`, 1.0×
//! its size) and read three times.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{ReadOptions, Strict};
use crate::structure::{Choice, Shape};
use crate::ValidationErrors;

/// A type that is one of the alternatives of a [`Choice`]: it reads the
/// alternative `index` from `deserializer`. The generated 200-body enums
/// implement it; their `Deserialize` is [`choose`].
pub trait Alternatives: Sized {
    /// Reads alternative `index` (its place in the choice's list).
    fn deserialize_alternative<'de, D: Deserializer<'de>>(
        index: usize,
        deserializer: D,
    ) -> Result<Self, D::Error>;
}

/// For the `Deserialize` of a body told apart by its members: reads an
/// object, picks the alternative of `shape` (a [`Shape::Choice`]) by its
/// members, and reads it with [`Alternatives::deserialize_alternative`].
/// A body with members of two alternatives is an error.
///
/// ```
/// use pcr_runtime::json::{choose, Alternatives};
/// use pcr_runtime::structure::{Alternative, Choice, Shape, Structure};
/// use serde::{Deserialize, Deserializer};
///
/// #[derive(Debug, PartialEq, Deserialize)]
/// struct Extract { owner: String, loans: Vec<u32> }
/// #[derive(Debug, PartialEq, Deserialize)]
/// struct Deceased { owner: String, deceased: bool }
///
/// #[derive(Debug, PartialEq)]
/// enum Body { Extract(Extract), Deceased(Deceased) }
///
/// impl Structure for Body {
///     fn shape() -> Shape {
///         Shape::Choice(Choice {
///             name: "the body",
///             alternatives: &[
///                 Alternative { name: "extract", own_members: &["loans"], shape: Shape::any },
///                 Alternative { name: "deceased", own_members: &["deceased"], shape: Shape::any },
///             ],
///         })
///     }
/// }
/// impl Alternatives for Body {
///     fn deserialize_alternative<'de, D: Deserializer<'de>>(index: usize, d: D) -> Result<Self, D::Error> {
///         match index {
///             0 => Extract::deserialize(d).map(Body::Extract),
///             _ => Deceased::deserialize(d).map(Body::Deceased),
///         }
///     }
/// }
/// impl<'de> Deserialize<'de> for Body {
///     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
///         choose(d, &Body::shape())
///     }
/// }
///
/// let body: Body = serde_json::from_str(r#"{"owner": "o", "deceased": true}"#).unwrap();
/// assert_eq!(body, Body::Deceased(Deceased { owner: "o".into(), deceased: true }));
/// let body: Body = serde_json::from_str(r#"{"owner": "o", "loans": [1, 2]}"#).unwrap();
/// assert_eq!(body, Body::Extract(Extract { owner: "o".into(), loans: vec![1, 2] }));
/// let both = serde_json::from_str::<Body>(r#"{"loans": [], "deceased": true, "owner": "o"}"#);
/// assert!(both.unwrap_err().to_string().contains("it can be only one"));
/// ```
pub fn choose<'de, T: Alternatives, D: Deserializer<'de>>(
    deserializer: D,
    shape: &Shape,
) -> Result<T, D::Error> {
    let Shape::Choice(choice) = shape else {
        return Err(D::Error::custom("the shape is not a choice"));
    };
    deserializer.deserialize_map(Choose {
        choice,
        chosen: PhantomData,
    })
}

struct Choose<'c, T> {
    choice: &'c Choice,
    chosen: PhantomData<T>,
}

impl<'de, T: Alternatives> Visitor<'de> for Choose<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}, an object", self.choice.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let alternatives = self.choice.alternatives;
        let owner = |key: &str| {
            alternatives
                .iter()
                .position(|a| a.own_members.contains(&key))
        };
        let mut shapes: Vec<Shape> = alternatives.iter().map(|a| (a.shape)()).collect();
        // A member some alternative may have (one whose members are not
        // described may have any).
        let known = |key: &str| {
            shapes.iter().any(|shape| match shape {
                Shape::Object(object) => object.members.iter().any(|m| m.name == key),
                _ => true,
            })
        };
        let mut kept = Vec::new();
        let (index, deciding) = loop {
            let Some(key) = map.next_key::<String>()? else {
                break (0, None);
            };
            if let Some(index) = owner(&key) {
                break (index, Some(key));
            }
            if known(&key) {
                kept.push((key, map.next_value::<Box<RawValue>>()?));
            } else {
                // No alternative has it: skipped here, where a reader that
                // notes skipped members (`json::read`) sees it.
                map.next_value::<IgnoredAny>()?;
            }
        };
        let ended = deciding.is_none();
        let skipped = Cell::new(false);
        let rest = Rest {
            choice: self.choice,
            index,
            kept: kept.iter(),
            deciding,
            map,
            ended,
            value: None,
            skipped: &skipped,
        };
        let value = T::deserialize_alternative(index, MapAccessDeserializer::new(rest))?;
        if skipped.get() {
            let alternative = shapes.swap_remove(index);
            misplaced(&kept, self.choice, alternative).map_err(A::Error::custom)?;
        }
        Ok(value)
    }
}

/// The chosen alternative's members: those kept, the deciding one, then
/// the rest of the object as it arrives (a member of another alternative's
/// own is an error).
struct Rest<'c, 'k, A> {
    choice: &'c Choice,
    index: usize,
    kept: std::slice::Iter<'k, (String, Box<RawValue>)>,
    deciding: Option<String>,
    map: A,
    /// Whether the object ended before a member decided.
    ended: bool,
    /// The kept value of the member whose key was handed out last.
    value: Option<&'k RawValue>,
    /// Set when a kept value skipped a member inside.
    skipped: &'k Cell<bool>,
}

impl<'de, 'k, A: MapAccess<'de>> MapAccess<'de> for Rest<'_, 'k, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let key = if let Some((key, value)) = self.kept.next() {
            self.value = Some(value);
            key.clone()
        } else if let Some(key) = self.deciding.take() {
            key
        } else if self.ended {
            return Ok(None);
        } else {
            let Some(key) = self.map.next_key::<String>()? else {
                self.ended = true;
                return Ok(None);
            };
            self.refuse_other_alternative(&key)?;
            key
        };
        seed.deserialize(StringDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            // Read as the live members are, structs from objects only. A
            // reader (not the text) so that the value may outlive it, as
            // the seed asks; these are the few members before the deciding
            // one.
            Some(raw) => {
                let mut deserializer = serde_json::Deserializer::from_reader(raw.get().as_bytes());
                seed.deserialize(Strict::new(&mut deserializer, self.skipped))
                    .map_err(A::Error::custom)
            }
            None => self.map.next_value_seed(seed),
        }
    }
}

impl<A> Rest<'_, '_, A> {
    /// A member that is another alternative's own is an error.
    fn refuse_other_alternative<E: Error>(&self, key: &str) -> Result<(), E> {
        let other = self
            .choice
            .alternatives
            .iter()
            .enumerate()
            .find(|(i, a)| *i != self.index && a.own_members.contains(&key));
        match other {
            Some((_, other)) => Err(E::custom(format!(
                "{} has elements of {} and `{key}`, an element of {}: it can be only one",
                self.choice.name, self.choice.alternatives[self.index].name, other.name
            ))),
            None => Ok(()),
        }
    }
}

/// The structural errors of the kept members, walked as an object of the
/// chosen `alternative` (where the spec puts each element is told from
/// the whole `choice`, as when a whole body is walked), without the errors
/// of members that were not kept.
fn misplaced(
    kept: &[(String, Box<RawValue>)],
    choice: &Choice,
    alternative: Shape,
) -> Result<(), String> {
    let mut object = serde_json::Map::new();
    for (key, raw) in kept {
        let value = serde_json::from_str(raw.get()).map_err(|e| e.to_string())?;
        object.insert(key.clone(), value);
    }
    let text = serde_json::Value::Object(object).to_string();
    const MISSING: &str = "missing";
    let options = ReadOptions::new("wrong", MISSING);
    let mut errors = ValidationErrors::with_limit(options.max_errors);
    let walk = super::diagnose::Walk::placing(&Shape::Choice(choice.clone()));
    super::walk_with(walk, &text, alternative, &options, &mut errors);
    match errors.iter().find(|e| e.code != MISSING) {
        Some(error) => Err(format!("{}: {}", error.path, error.description)),
        None => Ok(()),
    }
}
