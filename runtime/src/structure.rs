//! The JSON structure a type reads: which members an object has, which are
//! required, what JSON type each holds. [`json::read`](crate::json::read)
//! walks a message that serde refused against this structure, so that every
//! structural error is reported at its own path instead of serde's first one.
//!
//! `#[derive(Validate)]` implements [`Structure`] for a struct from its
//! fields (their JSON names, whether they may be absent, their types), and
//! `#[derive(Codeset)]` for a codeset. This module implements it for the
//! types the models use.
//!
//! ```
//! use pcr_runtime::structure::{Shape, Structure};
//!
//! #[derive(serde::Deserialize, pcr_runtime::Validate)]
//! #[serde(deny_unknown_fields)]
//! struct Owner {
//!     #[serde(rename = "idCode")]
//!     id_code: String,
//!     #[serde(rename = "countryCode")]
//!     country_code: Option<String>,
//! }
//!
//! let Shape::Object(object) = Owner::shape() else { panic!("an object") };
//! let members: Vec<(&str, bool)> = object.members.iter().map(|m| (m.name, m.required)).collect();
//! assert_eq!(members, [("idCode", true), ("countryCode", false)]);
//! ```

use std::marker::PhantomData;

/// What a JSON value must look like.
#[derive(Clone)]
pub enum Shape {
    /// Anything: the type's own `Deserialize` decides (a type that does
    /// not describe its structure).
    Any,
    /// `true` or `false`.
    Bool,
    /// A whole number from `min` to `max`.
    Integer {
        /// The least value.
        min: i128,
        /// The greatest value.
        max: i128,
    },
    /// Any JSON number (read as `f64`).
    Number,
    /// A JSON number read exactly as a decimal (see [`wire::decimal`](crate::wire::decimal)).
    Decimal,
    /// A JSON string whose text `check` accepts.
    Text {
        /// What the text must be, for messages: "a date, YYYY-MM-DD".
        expecting: &'static str,
        /// Accepts the text, or says what is wrong with it.
        check: fn(&str) -> Result<(), String>,
    },
    /// A JSON array of items of one shape.
    List(fn() -> Shape),
    /// `null`, or a value of the shape.
    Nullable(fn() -> Shape),
    /// A JSON object with known members.
    Object(Object),
    /// One of several objects, told apart by which members they have (the
    /// body of an HTTP 200 response: an extract or a deceased response).
    Choice(Choice),
}

impl Shape {
    /// [`Shape::Any`], as a function for [`Member::shape`].
    pub fn any() -> Shape {
        Shape::Any
    }

    /// A string of any text.
    pub fn text() -> Shape {
        Shape::Text {
            expecting: "text",
            check: |_| Ok(()),
        }
    }

    /// What a value of this shape is, for messages: "an object", "a date".
    pub fn expecting(&self) -> &'static str {
        match self {
            Shape::Any => "a value",
            Shape::Bool => "true or false",
            Shape::Integer { .. } => "a whole number",
            Shape::Number => "a number",
            Shape::Decimal => "a decimal number",
            Shape::Text { expecting, .. } => expecting,
            Shape::List(_) => "an array",
            Shape::Nullable(_) => "a value or null",
            Shape::Object(_) | Shape::Choice(_) => "an object",
        }
    }
}

/// A JSON object's members.
#[derive(Clone)]
pub struct Object {
    /// The Rust type, for messages.
    pub name: &'static str,
    /// The members, in declaration order.
    pub members: Vec<Member>,
    /// What a member the type does not know means.
    pub unknown: Unknown,
    /// The other nestings of a message that a response may follow, each
    /// read into this shape's places with a notice naming it (see
    /// [`json::read`](crate::json::read)); none for any other object.
    pub readings: &'static [crate::json::Reading],
    /// Reads JSON text of this object as its type and validates it at the
    /// path given, into the errors given; `false` when the text does not
    /// read. How [`json::read`](crate::json::read) lists the rule errors
    /// of the parts of a message whose structure is right beside the
    /// structural errors of the rest. `None` for a type that is not
    /// `Deserialize` and [`Validate`](crate::Validate).
    pub check: Option<CheckFn>,
}

/// Reads JSON text as a type and validates it: see [`Object::check`].
pub type CheckFn =
    fn(&str, &crate::Context, &mut crate::JsonPath, &mut crate::ValidationErrors) -> bool;

/// One member of an object.
#[derive(Clone, Copy)]
pub struct Member {
    /// The JSON name.
    pub name: &'static str,
    /// Whether leaving it out is an error (a non-`Option` field without a
    /// serde default).
    pub required: bool,
    /// Its value's shape.
    pub shape: fn() -> Shape,
}

/// What a member that an object does not know means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// An error (serde's `deny_unknown_fields`: requests).
    Deny,
    /// Nothing: it is skipped (responses, which a newer document may extend).
    Ignore,
}

/// Objects told apart by their members: each alternative has members the
/// others lack.
#[derive(Clone)]
pub struct Choice {
    /// What the value is, for messages: "the body of an HTTP 200 response".
    pub name: &'static str,
    /// The alternatives. A body with members of exactly one alternative's
    /// own members is read as that one; with none, as the first; with
    /// members of two, it is an error.
    pub alternatives: &'static [Alternative],
}

/// One alternative of a [`Choice`].
#[derive(Clone, Copy)]
pub struct Alternative {
    /// Its name, for messages: "extract".
    pub name: &'static str,
    /// The members only this alternative has.
    pub own_members: &'static [&'static str],
    /// Its shape.
    pub shape: fn() -> Shape,
}

impl Choice {
    /// The index of the alternative a body with these members is, or why
    /// it is none.
    ///
    /// ```
    /// use pcr_runtime::structure::{Alternative, Choice, Shape};
    /// let choice = Choice {
    ///     name: "the body",
    ///     alternatives: &[
    ///         Alternative { name: "extract", own_members: &["loans"], shape: Shape::any },
    ///         Alternative { name: "deceased", own_members: &["deceasedPerson"], shape: Shape::any },
    ///     ],
    /// };
    /// assert_eq!(choice.select(["owner"]), Ok(0));
    /// assert_eq!(choice.select(["owner", "deceasedPerson"]), Ok(1));
    /// assert!(choice.select(["loans", "deceasedPerson"]).is_err());
    /// ```
    pub fn select<'a>(
        &self,
        members: impl IntoIterator<Item = &'a str> + Clone,
    ) -> Result<usize, String> {
        let has = |alternative: &Alternative| {
            members
                .clone()
                .into_iter()
                .find(|m| alternative.own_members.contains(m))
        };
        let mut found = self
            .alternatives
            .iter()
            .enumerate()
            .filter_map(|(i, a)| has(a).map(|member| (i, a, member)));
        match (found.next(), found.next()) {
            (None, _) => Ok(0),
            (Some((i, _, _)), None) => Ok(i),
            (Some((_, a, m)), Some((_, b, n))) => Err(format!(
                "{} has `{m}`, an element of {}, and `{n}`, an element of {}: it can be only one",
                self.name, a.name, b.name
            )),
        }
    }
}

/// A type whose JSON structure is known.
pub trait Structure {
    /// The shape of this type's JSON.
    fn shape() -> Shape;
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl Structure for $ty {
            fn shape() -> Shape {
                Shape::Integer { min: <$ty>::MIN as i128, max: <$ty>::MAX as i128 }
            }
        }
    )*};
}

integers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl Structure for bool {
    fn shape() -> Shape {
        Shape::Bool
    }
}

impl Structure for f64 {
    fn shape() -> Shape {
        Shape::Number
    }
}

impl Structure for f32 {
    fn shape() -> Shape {
        Shape::Number
    }
}

impl Structure for String {
    fn shape() -> Shape {
        Shape::text()
    }
}

impl<T: Structure> Structure for Option<T> {
    fn shape() -> Shape {
        Shape::Nullable(T::shape)
    }
}

impl<T: Structure> Structure for Vec<T> {
    fn shape() -> Shape {
        Shape::List(T::shape)
    }
}

impl<T: Structure + ?Sized> Structure for Box<T> {
    fn shape() -> Shape {
        T::shape()
    }
}

impl Structure for uuid::Uuid {
    fn shape() -> Shape {
        Shape::Text {
            expecting: "a GUID",
            check: |text| {
                uuid::Uuid::parse_str(text)
                    .map(drop)
                    .map_err(|e| format!("`{text}` is not a GUID: {e}"))
            },
        }
    }
}

/// `Date` as [`wire::date`](crate::wire::date) reads it.
impl Structure for time::Date {
    fn shape() -> Shape {
        Shape::Text {
            expecting: "a date, YYYY-MM-DD",
            check: |text| crate::wire::date::parse(text).map(drop),
        }
    }
}

/// `OffsetDateTime` as [`wire::datetime`](crate::wire::datetime) reads it.
impl Structure for time::OffsetDateTime {
    fn shape() -> Shape {
        Shape::Text {
            expecting: "a time, RFC 3339",
            check: |text| crate::wire::datetime::parse(text).map(drop),
        }
    }
}

/// `Decimal` as [`wire::decimal`](crate::wire::decimal) reads it.
impl Structure for rust_decimal::Decimal {
    fn shape() -> Shape {
        Shape::Decimal
    }
}

impl Structure for serde_json::Value {
    fn shape() -> Shape {
        Shape::Any
    }
}

/// Picks a field type's shape: its [`Structure`] if it has one, else
/// [`Shape::Any`]. For `#[derive(Validate)]`, so that a field of a type that
/// does not describe its structure still compiles (by method resolution
/// order: the inherent-like `Known` method on `Probe<T>` wins when `T:
/// Structure`, the `Fallback` one on `&Probe<T>` otherwise).
#[doc(hidden)]
pub mod __private {
    use super::*;

    pub struct Probe<T: ?Sized>(PhantomData<T>);

    impl<T: ?Sized> Probe<T> {
        pub fn new() -> Self {
            Probe(PhantomData)
        }
    }

    impl<T: ?Sized> Default for Probe<T> {
        fn default() -> Self {
            Probe::new()
        }
    }

    pub trait Known {
        fn shape_fn(&self) -> fn() -> Shape;
    }

    impl<T: Structure + ?Sized> Known for Probe<T> {
        fn shape_fn(&self) -> fn() -> Shape {
            T::shape
        }
    }

    /// A field of a type that implements `Validate` is validated, whether
    /// or not it says `nested`: `(&Probe::<T>::new()).nested(..)` picks
    /// this for such a `T`, and [`NestedFallback`] (nothing) for the rest.
    pub trait NestedKnown<T: ?Sized> {
        fn nested(
            &self,
            value: &T,
            ctx: &crate::Context,
            path: &mut crate::JsonPath,
            errors: &mut crate::ValidationErrors,
        );
    }

    impl<T: crate::Validate + ?Sized> NestedKnown<T> for Probe<T> {
        #[inline]
        fn nested(
            &self,
            value: &T,
            ctx: &crate::Context,
            path: &mut crate::JsonPath,
            errors: &mut crate::ValidationErrors,
        ) {
            value.validate_into(ctx, path, errors)
        }
    }

    pub trait NestedFallback<T: ?Sized> {
        #[inline]
        fn nested(
            &self,
            _: &T,
            _: &crate::Context,
            _: &mut crate::JsonPath,
            _: &mut crate::ValidationErrors,
        ) {
        }
    }

    impl<T: ?Sized> NestedFallback<T> for &Probe<T> {}

    /// A type that is `Deserialize` and `Validate` can be read and
    /// validated on its own ([`Object::check`]): `(&Probe::<T>::new()).check_fn()`
    /// picks this for such a `T`, and [`FallbackCheck`] (none) for the rest.
    pub trait KnownCheck {
        fn check_fn(&self) -> Option<CheckFn>;
    }

    impl<T: serde::de::DeserializeOwned + crate::Validate> KnownCheck for Probe<T> {
        fn check_fn(&self) -> Option<CheckFn> {
            Some(crate::json::check_part::<T>)
        }
    }

    /// A value in an error's description: its `Display` where it has one
    /// (a code as written), else its `Debug`.
    /// `(&Describe(value)).describe()` picks [`DescribeDisplay`] for a
    /// `Display` type and [`DescribeDebug`] for the rest.
    pub struct Describe<'v, T: ?Sized>(pub &'v T);

    pub trait DescribeDisplay {
        fn describe(&self) -> String;
    }

    impl<T: std::fmt::Display + ?Sized> DescribeDisplay for Describe<'_, T> {
        fn describe(&self) -> String {
            self.0.to_string()
        }
    }

    pub trait DescribeDebug {
        fn describe(&self) -> String;
    }

    impl<T: std::fmt::Debug + ?Sized> DescribeDebug for &Describe<'_, T> {
        fn describe(&self) -> String {
            format!("{:?}", self.0)
        }
    }

    pub trait FallbackCheck {
        fn check_fn(&self) -> Option<CheckFn> {
            None
        }
    }

    impl<T: ?Sized> FallbackCheck for &Probe<T> {}

    pub trait Fallback {
        fn shape_fn(&self) -> fn() -> Shape;
    }

    impl<T: ?Sized> Fallback for &Probe<T> {
        fn shape_fn(&self) -> fn() -> Shape {
            Shape::any
        }
    }
}
