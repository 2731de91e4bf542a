//! The fast path's corrections to serde: a struct is read from a JSON
//! object only, and a skipped member is noted.
//!
//! serde_json hands a derived struct's visitor a JSON array as readily as
//! an object (`["Test", {...}, {...}]` reads as a request, field by
//! position). [`Strict`] wraps a deserializer and refuses that, at every
//! depth. And where a struct skips a member it does not know (a response
//! may carry elements of a newer document), [`Strict`] notes it, so that
//! the reader can check that the member is not one the spec puts elsewhere
//! (`loans` beside `creditInformationSummary` instead of in it). Everything
//! else passes through unchanged. It allocates nothing.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// A deserializer that reads structs from objects only, and notes in
/// `skipped` when a member is skipped.
///
/// ```
/// use std::cell::Cell;
/// use pcr_runtime::json::Strict;
///
/// #[derive(serde::Deserialize)]
/// struct Owner { #[allow(dead_code)] id: String }
///
/// let skipped = Cell::new(false);
/// let mut de = serde_json::Deserializer::from_str(r#"["x"]"#);
/// assert!(<Owner as serde::Deserialize>::deserialize(Strict::new(&mut de, &skipped)).is_err());
/// let mut de = serde_json::Deserializer::from_str(r#"{"id": "x", "colour": 1}"#);
/// assert!(<Owner as serde::Deserialize>::deserialize(Strict::new(&mut de, &skipped)).is_ok());
/// assert!(skipped.get());
/// ```
pub struct Strict<'s, D> {
    de: D,
    skipped: &'s Cell<bool>,
}

impl<'s, D> Strict<'s, D> {
    /// Wraps `de`; `skipped` is set when a member is skipped.
    #[inline]
    pub fn new(de: D, skipped: &'s Cell<bool>) -> Self {
        Strict { de, skipped }
    }
}

/// A visitor passed on by [`Strict`]; `struct_only` is set when serde
/// asked for a struct.
struct Wrap<'s, V> {
    visitor: V,
    struct_only: bool,
    skipped: &'s Cell<bool>,
}

/// A seed whose deserializer is wrapped in [`Strict`].
struct Seed<'s, S> {
    seed: S,
    skipped: &'s Cell<bool>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.seed
            .deserialize(Strict::new(deserializer, self.skipped))
    }
}

/// Methods whose value may hold a struct: the visitor is wrapped, so the
/// struct's deserializer is [`Strict`] too.
macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.wrap(visitor, false);
            self.de.$method(visitor)
        }
    )*};
}

/// Methods for a scalar or a field name: nothing inside can be a struct,
/// so the visitor goes through unwrapped (no cost).
macro_rules! forward_scalar {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method(visitor)
        }
    )*};
}

impl<'s, D> Strict<'s, D> {
    #[inline]
    fn wrap<V>(&self, visitor: V, struct_only: bool) -> Wrap<'s, V> {
        Wrap {
            visitor,
            struct_only,
            skipped: self.skipped,
        }
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward_deserialize!(deserialize_any deserialize_option deserialize_seq deserialize_map);

    forward_scalar!(
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    );

    /// serde's derive skips the value of a member its struct does not know
    /// with `IgnoredAny`: note it.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.skipped.set(true);
        self.de.deserialize_ignored_any(visitor)
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, false);
        self.de.deserialize_unit_struct(name, visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, false);
        self.de.deserialize_newtype_struct(name, visitor)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, false);
        self.de.deserialize_tuple(len, visitor)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, false);
        self.de.deserialize_tuple_struct(name, len, visitor)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, true);
        self.de.deserialize_struct(name, fields, visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = self.wrap(visitor, false);
        self.de.deserialize_enum(name, variants, visitor)
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.visitor.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit!(
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char) visit_str(&str)
        visit_borrowed_str(&'de str) visit_string(String) visit_bytes(&[u8])
        visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    );

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_some(Strict::new(deserializer, self.skipped))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Strict::new(deserializer, self.skipped))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.struct_only {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let skipped = self.skipped;
        self.visitor.visit_seq(Access {
            access: seq,
            skipped,
        })
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let skipped = self.skipped;
        self.visitor.visit_map(Access {
            access: map,
            skipped,
        })
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        // Codesets are read from strings; an enum reaches here only from a
        // type of the user's, whose variants serde reads as it always does.
        self.visitor.visit_enum(data)
    }
}

/// A sequence or map whose elements are read through [`Strict`].
struct Access<'s, A> {
    access: A,
    skipped: &'s Cell<bool>,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Access<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let skipped = self.skipped;
        self.access.next_element_seed(Seed { seed, skipped })
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Access<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.access.next_key_seed(seed)
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let skipped = self.skipped;
        self.access.next_value_seed(Seed { seed, skipped })
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}
