#![doc = include_str!("../README.md")]
//!
//! # The `#[pcr(...)]` rules
//!
//! Every rule that can fail names the error `code` it reports. A rule on an
//! `Option` field applies to the value when there is one; on a `Vec` field,
//! to each item, with the item's index in the path.
//!
//! | rule | on | checks |
//! | --- | --- | --- |
//! | `required(code = "...")` | `Option<T>` | the value is present (P) |
//! | `optional` | `Option<T>` | nothing: documents an optional (V) element |
//! | `required_if(field = f, equals = VALUE, code = "...")` | `Option<T>` | present when sibling `f` equals `VALUE` (E) |
//! | `absent_if(field = f, equals = VALUE, code = "...")` | `Option<T>`, `Vec<T>` | absent (a list: empty) when sibling `f` equals `VALUE` |
//! | `allowed(values = [A, B], code = "...")` | any | the value is one of these (a subset of a codeset) |
//! | `min_items(min = N, code = "...")` | `Vec<T>`, `Option<Vec<T>>` | at least `N` items |
//! | `max_items(max = N, code = "...")` | `Vec<T>`, `Option<Vec<T>>` | at most `N` items |
//! | `range(min = N, max = M, code = "...")` | integers, `Decimal` | `N <= value <= M`; either bound may be left out; `max` below `min` does not compile |
//! | `range(min = "0", max = "99.99", code = "...")` | `Decimal` | the same with decimal bounds, exact (at most 28 digits) |
//! | `date_range(min = "2020-01-01", max = "today+30", code = "...")` | `time::Date` | on or between the bounds: a day, or `today`, `today+N`, `today-N` days from the context's today |
//! | `fixed(value = VALUE, code = "...")` | any | the value is `VALUE`, the only permissible one |
//! | `non_blank(code = "...")` | text | neither empty nor only white space (a required text) |
//! | `min_chars(min = N, code = "...")` | text | at least `N` characters, not bytes; `N` a number or the path of a `usize` constant |
//! | `max_chars(max = N, code = "...")` | text | at most `N` characters, not bytes; `N` a number or the path of a `usize` constant, e.g. the models' `STRING_MAX_CHARS` (section 2.2, from the spec) |
//! | `pattern(regex = "[A-Z]{2}", code = "...")` | text | the whole text matches (the pattern is anchored, checked when compiled, compiled once) |
//! | `charset(set = PATH, code = "...")` | text | every character is in the [`text::CharSet`] at `PATH`, e.g. the models' `STRING_CHARSET` (section 2.2, from the spec) |
//! | `id_code(type_field = f, personal_identity_code = A, business_id = B, code = "...")` | text | a valid personal identity code when sibling `f` is `A`, a valid Business ID when it is `B` (either may be left out) |
//! | `stage(code = "...")` | a [`StageRestricted`] value | allowed in the context's register stage |
//! | `in_force(from = "2027-01-04", until = "2028-01-01", code = "...")` | any | in force on the context's day: from `from`, until the day before `until` (either may be left out; `until` must come after `from`) |
//! | `in_force(code = "...")` | a [`StageRestricted`] value | the code held is in force on the context's day ([`StageRestricted::in_force`]) |
//! | `custom = path::to_fn` | any | calls `fn(&FieldType, &mut Report)`, which reports errors with its own codes (may repeat) |
//! | `nested` | a [`Validate`] value | validated too, its path extending this one; a field whose type implements [`Validate`] is validated without it, at any depth of `Option`, `Vec`, `Box`, arrays, slices, `&T`, `Rc`, `Arc`, `BTreeMap` and `HashMap` (the key in the path) |
//! | `skip` | any | not validated at all, not even as a nested value |
//! | `rename = "name"` | any | the JSON name in paths (default: serde's `rename`, then `rename_all`, then the field name); one that contradicts serde's does not compile |
//!
//! On the type:
//!
//! | key | does |
//! | --- | --- |
//! | `rename_all = "camelCase"` | field names to JSON names as serde's `rename_all` (serde's own is read too; a different one does not compile) |
//! | `transparent` | the one field stands for the type: its errors are at the type's path (serde's `transparent` is read too) |
//! | `custom = path::to_fn` | a rule across fields: `fn(&Self, &mut Report)` (see [`Report`]), reporting at the type or at a member with [`Report::error_at`] (may repeat) |
//! | `readings = PATH` | a `&'static [json::Reading]`: the other nestings of a response that [`json::read`] accepts, reading each into the struct's layout with a [`json::Notice`] |
//! | `crate = "path"` | where `pcr-runtime` is, if not `::pcr_runtime` |
//!
//! Tuple structs and newtypes take rules on their fields. On an enum whose
//! variants each hold one value, the derive validates the variant's value, the
//! variant's name in the path as serde's representation has it.

#![deny(missing_docs)]

pub mod api;
pub mod codeset;
pub mod context;
pub mod disclosure;
pub mod error;
pub mod id;
pub mod iso;
pub mod json;
pub mod path;
pub mod rules;
pub mod structure;
pub mod text;
mod validate;
pub mod wire;

pub use codeset::{Codeset, Lenient};
pub use context::{Context, Environment, InForce, Stage, StageCalendar, StageRestricted};
pub use disclosure::{Disclose, DisclosureContext, Party};
pub use error::{ErrorResponse, InvalidRequestBody, ValidationError, ValidationErrors};
pub use path::JsonPath;
pub use structure::Structure;
pub use validate::{Report, Validate};

#[cfg(feature = "derive")]
pub use pcr_macros::{Codeset, Disclose, Validate};

/// The decimal crate of the generated models' amounts, re-exported.
pub use rust_decimal;
/// serde, re-exported for `#[derive(Codeset)]`.
#[doc(hidden)]
pub use serde as __serde;
/// The date crate of [`Context::today`] and [`Context::new`], re-exported so
/// a crate that uses only this one can make a context.
pub use time;
/// A [`time::Date`] from a `YYYY - MM - DD` literal, checked when the
/// program is compiled, for crates that use `time` only through this one
/// (`time::macros::date!` needs `time` as a direct dependency).
///
/// ```
/// let day = pcr_runtime::date!(2024 - 01 - 04);
/// assert_eq!(day.to_string(), "2024-01-04");
/// ```
///
/// A day that does not exist does not compile:
///
/// ```compile_fail
/// let day = pcr_runtime::date!(2023 - 02 - 29);
/// ```
///
/// ```compile_fail
/// let day = pcr_runtime::date!(2024 - 13 - 01);
/// ```
#[macro_export]
macro_rules! date {
    ($year:literal - $month:literal - $day:literal) => {{
        // The literals are read as text, so `01` is a month (not a
        // zero-prefixed number) and a wrong day fails the build.
        const DATE: $crate::time::Date = {
            let year = $crate::__private::digits(stringify!($year));
            let month = $crate::__private::digits(stringify!($month));
            let day = $crate::__private::digits(stringify!($day));
            if year < 1 || year > 9999 || month < 1 || month > 12 {
                panic!("a year is 1 to 9999 and a month 1 to 12");
            }
            let month = $crate::time::Month::January.nth_next((month - 1) as u8);
            match $crate::time::Date::from_calendar_date(year as i32, month, day as u8) {
                ::core::result::Result::Ok(date) => date,
                ::core::result::Result::Err(_) => panic!("not a day of the calendar"),
            }
        };
        DATE
    }};
}

/// What the derives' expansions use; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use regex;

    pub use crate::rules::{allowed_described, fixed_described};
    pub use std::sync::LazyLock;

    pub use crate::structure::__private::{
        Describe, DescribeDebug, DescribeDisplay, FallbackCheck, KnownCheck, NestedFallback,
        NestedKnown, Probe,
    };

    /// The number written in `text`'s decimal digits, for `date!`; a text
    /// that is not one (or exceeds 9 digits) fails the build.
    pub const fn digits(text: &str) -> u32 {
        let bytes = text.as_bytes();
        if bytes.is_empty() || bytes.len() > 9 {
            panic!("expected 1 to 9 decimal digits");
        }
        let mut value = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !b.is_ascii_digit() {
                panic!("expected decimal digits");
            }
            value = value * 10 + (b - b'0') as u32;
            i += 1;
        }
        value
    }
}

/// The GUID crate of [`ValidationErrors::to_invalid_request`], re-exported.
pub use uuid;
