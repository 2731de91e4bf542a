//! How values are written on the wire, as serde `with` modules for the
//! generated models: dates `YYYY-MM-DD`, datetimes RFC 3339 in UTC, decimals
//! as JSON numbers. Each has an `option` module for `Option` fields.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};

/// Reads a string (borrowed or not) and converts it with `convert`.
fn text<'de, D, T, F>(deserializer: D, expecting: &'static str, convert: F) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    F: FnOnce(&str) -> Result<T, String>,
{
    struct TextVisitor<F>(&'static str, F);

    impl<T, F: FnOnce(&str) -> Result<T, String>> Visitor<'_> for TextVisitor<F> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            (self.1)(text).map_err(E::custom)
        }
    }

    deserializer.deserialize_str(TextVisitor(expecting, convert))
}

/// The `option` module of a wire format for `$ty`: the value, or null.
macro_rules! option_module {
    ($ty:ty) => {
        /// The same format for an `Option`: the value, or null.
        pub mod option {
            use serde::{Deserialize, Deserializer, Serializer};

            /// Writes the value, or null.
            pub fn serialize<S: Serializer>(
                value: &Option<$ty>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => super::serialize(value, serializer),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads a value or null.
            pub fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<$ty>, D::Error> {
                #[derive(Deserialize)]
                struct Wrapped(#[serde(with = "super")] $ty);
                Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(value)| value))
            }
        }
    };
}

/// A list a message may leave out: absent or `null` reads as empty (many
/// JSON writers put `null` for an absent member). For a response's lists,
/// with `#[serde(default, deserialize_with = "pcr_runtime::wire::list::deserialize")]`.
pub mod list {
    use serde::{Deserialize, Deserializer};

    /// Reads a list, or `null` as an empty one.
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Extract {
    ///     #[serde(default, deserialize_with = "pcr_runtime::wire::list::deserialize")]
    ///     loans: Vec<u32>,
    /// }
    /// for text in [r#"{}"#, r#"{"loans": null}"#, r#"{"loans": []}"#] {
    ///     assert_eq!(serde_json::from_str::<Extract>(text).unwrap().loans, Vec::<u32>::new());
    /// }
    /// assert_eq!(serde_json::from_str::<Extract>(r#"{"loans": [1]}"#).unwrap().loans, [1]);
    /// assert!(serde_json::from_str::<Extract>(r#"{"loans": {}}"#).is_err());
    /// ```
    #[inline]
    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        Option::<Vec<T>>::deserialize(deserializer).map(Option::unwrap_or_default)
    }
}

/// `Date`: `YYYY-MM-DD`, a four-digit year from 0001 to 9999 and no sign.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Loan {
///     #[serde(rename = "contractDate", with = "pcr_runtime::wire::date")]
///     contract_date: time::Date,
/// }
/// let loan: Loan = serde_json::from_str(r#"{"contractDate":"2024-03-01"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&loan).unwrap(), r#"{"contractDate":"2024-03-01"}"#);
/// for wrong in ["1.3.2024", "+2024-03-01", "2024-3-1", "2024-02-30", "0000-01-01"] {
///     let json = format!(r#"{{"contractDate":"{wrong}"}}"#);
///     assert!(serde_json::from_str::<Loan>(&json).is_err(), "{wrong}");
/// }
/// ```
pub mod date {
    use serde::{Deserializer, Serializer};
    use time::{Date, Month};

    /// Reads `YYYY-MM-DD` exactly: ten characters, a real calendar date in
    /// the years 0001 to 9999.
    pub fn parse(text: &str) -> Result<Date, String> {
        let wrong = || format!("`{text}` is not a date written YYYY-MM-DD");
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            bytes[range].iter().try_fold(0u16, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(wrong());
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(wrong());
        };
        if year == 0 {
            return Err(format!("`{text}`: the year must be from 0001 to 9999"));
        }
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(|| format!("`{text}`: there is no month {month}"))?;
        // Both fit: four and two digits.
        Date::from_calendar_date(i32::from(year), month, day as u8)
            .map_err(|_| format!("`{text}` is not a calendar date"))
    }

    /// Writes `YYYY-MM-DD`; a date outside the years 0001 to 9999 cannot
    /// be written and is an error.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        if !(1..=9999).contains(&date.year()) {
            return Err(serde::ser::Error::custom(format!(
                "the year {} cannot be written as YYYY",
                date.year()
            )));
        }
        let text = format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        serializer.serialize_str(&text)
    }

    /// Reads `YYYY-MM-DD` (see [`parse`]).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        super::text(deserializer, "a date as text, YYYY-MM-DD", parse)
    }

    option_module!(time::Date);
}

/// `OffsetDateTime`: RFC 3339, read with any offset and kept in UTC,
/// written with `Z`. The instant must lie in the years 0001 to 9999 in
/// UTC; anything else is an error when read, never a panic later.
/// Fractions of a second are written with as many digits as they need:
/// `10:15:30.250Z` is read and written `10:15:30.25Z`, the same instant.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Extract {
///     #[serde(rename = "creationTimeUtc", with = "pcr_runtime::wire::datetime")]
///     created: time::OffsetDateTime,
/// }
/// let e: Extract = serde_json::from_str(r#"{"creationTimeUtc":"2024-01-04T12:15:30+02:00"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"creationTimeUtc":"2024-01-04T10:15:30Z"}"#);
/// let e: Extract = serde_json::from_str(r#"{"creationTimeUtc":"2024-01-04T10:15:30.2500000Z"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"creationTimeUtc":"2024-01-04T10:15:30.25Z"}"#);
/// // 23:59:59 at -00:01 on the last day of 9999 is in the year 10000 in UTC.
/// let late = r#"{"creationTimeUtc":"9999-12-31T23:59:59-00:01"}"#;
/// assert!(serde_json::from_str::<Extract>(late).is_err());
/// ```
pub mod datetime {
    use serde::{Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::{OffsetDateTime, UtcOffset};

    /// Reads RFC 3339 and converts it to UTC; the UTC instant must lie in
    /// the years 0001 to 9999.
    pub fn parse(text: &str) -> Result<OffsetDateTime, String> {
        let time = OffsetDateTime::parse(text, &Rfc3339)
            .map_err(|e| format!("`{text}` is not an RFC 3339 time: {e}"))?;
        time.checked_to_offset(UtcOffset::UTC)
            .filter(|utc| (1..=9999).contains(&utc.year()))
            .ok_or_else(|| format!("`{text}` is not in the years 0001 to 9999 in UTC"))
    }

    /// Writes RFC 3339 in UTC; an instant outside the years 0001 to 9999 in
    /// UTC cannot be written and is an error.
    pub fn serialize<S: Serializer>(
        value: &OffsetDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let text = value
            .checked_to_offset(UtcOffset::UTC)
            .filter(|utc| (1..=9999).contains(&utc.year()))
            .ok_or_else(|| format!("{value} is not in the years 0001 to 9999 in UTC"))
            .and_then(|utc| utc.format(&Rfc3339).map_err(|e| e.to_string()))
            .map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    /// Reads RFC 3339 (see [`parse`]).
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<OffsetDateTime, D::Error> {
        super::text(deserializer, "a time as RFC 3339 text", parse)
    }

    option_module!(time::OffsetDateTime);
}

/// `Decimal` as a JSON number, read and written exactly.
///
/// serde_json hands a number to a model as an `f64` unless its
/// `arbitrary_precision` feature is on, and that feature changes number
/// handling for every crate in the build (buffered numbers in untagged
/// enums and flattened structs become maps). Instead this module asks
/// serde_json for the number's text through its `RawValue` (the additive
/// `raw_value` feature) and reads that text with `rust_decimal`'s exact
/// parser: no `f64` on the way. A number that a `Decimal` cannot hold
/// exactly (more than 28 significant digits, `1e-400`, `1e30`) is an error,
/// never rounded. It is written back in plain notation with the digits it
/// was read with (`1234.50` stays `1234.50`, `1.5e3` becomes `1500`).
///
/// Only JSON carries the raw text: reading with another serde format is an
/// error.
///
/// ```
/// use rust_decimal::Decimal;
///
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Amount {
///     #[serde(with = "pcr_runtime::wire::decimal")]
///     sum: Decimal,
/// }
/// let a: Amount = serde_json::from_str(r#"{"sum":1234.50}"#).unwrap();
/// assert_eq!(a.sum, Decimal::new(123450, 2));
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"sum":1234.50}"#);
/// let a: Amount = serde_json::from_str(r#"{"sum":12345678901234567890.12345678}"#).unwrap();
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"sum":12345678901234567890.12345678}"#);
/// assert!(serde_json::from_str::<Amount>(r#"{"sum":"1234.56"}"#).is_err());
/// assert!(serde_json::from_str::<Amount>(r#"{"sum":1e-400}"#).is_err());
/// ```
pub mod decimal {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{
        self, DeserializeSeed, Error as _, IgnoredAny, MapAccess, Unexpected, Visitor,
    };
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::value::RawValue;

    /// Reads the text of a JSON number exactly (`-12.50`, `1.5e3`,
    /// `2E-2`), or says why it cannot be a `Decimal`.
    ///
    /// ```
    /// use pcr_runtime::wire::decimal::parse;
    /// assert_eq!(parse("1.5e3").unwrap().to_string(), "1500");
    /// assert_eq!(parse("-0.50").unwrap().to_string(), "-0.50");
    /// assert!(parse("0.1234567890123456789012345678901").is_err()); // 31 digits
    /// assert!(parse("\"1\"").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Decimal, String> {
        let bytes = text.as_bytes();
        let starts_number = matches!(bytes.first(), Some(b'-' | b'0'..=b'9'));
        if !starts_number {
            return Err(format!("{} is not a number", super::shorten(text)));
        }
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let cannot_hold = || {
            format!(
                "{} cannot be held exactly as a decimal (at most 28 significant digits and 28 decimals)",
                super::shorten(text)
            )
        };
        let mut value = Decimal::from_str_exact(mantissa).map_err(|_| cannot_hold())?;
        let Some(exponent) = exponent else {
            return Ok(value);
        };
        let exponent: i64 = exponent
            .strip_prefix('+')
            .unwrap_or(exponent)
            .parse()
            .map_err(|_| cannot_hold())?;
        if exponent < 0 {
            // Dividing by a power of ten: raise the scale, dropping trailing
            // zeros first if the scale would pass 28 (`1.000e-28`).
            let scale = i64::from(value.scale()) - exponent;
            if scale > i64::from(Decimal::MAX_SCALE) {
                value = value.normalize();
            }
            let scale = i64::from(value.scale()) - exponent;
            let scale = u32::try_from(scale)
                .ok()
                .filter(|s| *s <= Decimal::MAX_SCALE)
                .ok_or_else(cannot_hold)?;
            value.set_scale(scale).map_err(|_| cannot_hold())?;
        } else {
            let exponent = u32::try_from(exponent)
                .ok()
                .filter(|e| *e <= 2 * Decimal::MAX_SCALE)
                .ok_or_else(cannot_hold)?;
            let scale = value.scale();
            if exponent <= scale {
                value
                    .set_scale(scale - exponent)
                    .map_err(|_| cannot_hold())?;
            } else {
                value.set_scale(0).map_err(|_| cannot_hold())?;
                for _ in 0..exponent - scale {
                    value = value.checked_mul(Decimal::TEN).ok_or_else(cannot_hold)?;
                }
            }
        }
        Ok(value)
    }

    /// Writes the decimal's plain text as a JSON number (through
    /// serde_json's `RawValue`, so no `f64`).
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(value.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }

    /// Reads a JSON number exactly (see [`parse`]).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        number_text(deserializer, RAW_VALUE)
    }

    /// The name serde_json's `RawValue` asks for: serde_json answers a
    /// newtype struct of this name with the value's text, as a map of one
    /// private key to the text. Not public in serde_json, so it is only a
    /// fast path: were it to change, serde_json would hand the value over
    /// as an ordinary newtype, and [`NumberText::visit_newtype_struct`]
    /// reads it through `Box<RawValue>`, as before (the test
    /// `the_public_route_is_taken_if_the_name_changes`).
    const RAW_VALUE: &str = "$serde_json::private::RawValue";

    /// Reads the number's text without copying it where the input allows:
    /// borrowed from a `&str` or `&[u8]` body, copied from a reader.
    /// `Box<RawValue>` copied every number into an allocation of its own,
    /// which cost a 50-loan extract 42,000 of its 631,000 instructions
    /// (callgrind, `profile_request`).
    fn number_text<'de, D: Deserializer<'de>>(
        deserializer: D,
        name: &'static str,
    ) -> Result<Decimal, D::Error> {
        deserializer.deserialize_newtype_struct(name, NumberText)
    }

    struct NumberText;

    impl<'de> Visitor<'de> for NumberText {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON number")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
            if map.next_key::<IgnoredAny>()?.is_none() {
                return Err(A::Error::invalid_type(Unexpected::Map, &self));
            }
            map.next_value_seed(self)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
            parse(text).map_err(E::custom)
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Decimal, D::Error> {
            let raw = <Box<RawValue>>::deserialize(deserializer)?;
            parse(raw.get()).map_err(D::Error::custom)
        }
    }

    impl<'de> DeserializeSeed<'de> for NumberText {
        type Value = Decimal;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Decimal, D::Error> {
            deserializer.deserialize_str(self)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[derive(Debug, serde::Deserialize)]
        struct Amount(#[serde(with = "super")] Decimal);

        /// From text (borrowed) and from a reader (copied): the same exact
        /// value; from a `serde_json::Value` too.
        #[test]
        fn every_serde_json_source_gives_the_exact_value() {
            let text = "12345678901234567890.12345678";
            let exact: Decimal = text.parse().unwrap();
            let from_str: Amount = serde_json::from_str(text).unwrap();
            let from_reader: Amount = serde_json::from_reader(text.as_bytes()).unwrap();
            let value: serde_json::Value = serde_json::from_str("1234.50").unwrap();
            let from_value: Amount = serde_json::from_value(value).unwrap();
            assert_eq!((from_str.0, from_reader.0), (exact, exact));
            // A `Value` holds the number as an `f64` already: its digits
            // are those of the `f64`.
            assert_eq!(from_value.0, Decimal::new(12345, 1));
            for wrong in [r#""1.5""#, "true", "[1]", r#"{"a":1}"#, "1e-400"] {
                assert!(serde_json::from_str::<Amount>(wrong).is_err(), "{wrong}");
                assert!(
                    serde_json::from_reader::<_, Amount>(wrong.as_bytes()).is_err(),
                    "{wrong}"
                );
            }
        }

        /// Were serde_json to rename its raw value, the number is still
        /// read, through `Box<RawValue>`.
        #[test]
        fn the_public_route_is_taken_if_the_name_changes() {
            for (text, expected) in [("-0.50", "-0.50"), ("1.5e3", "1500")] {
                let mut de = serde_json::Deserializer::from_str(text);
                let value = number_text(&mut de, "renamed").unwrap();
                assert_eq!(value.to_string(), expected);
            }
            let mut de = serde_json::Deserializer::from_str(r#""1""#);
            assert!(number_text(&mut de, "renamed").is_err());
        }
    }

    option_module!(rust_decimal::Decimal);
}

/// `text` for a message, cut to 40 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("`{}…`", &text[..at]),
        None => format!("`{text}`"),
    }
}
