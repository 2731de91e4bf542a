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

/// `Date`: `YYYY-MM-DD`.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Loan {
///     #[serde(rename = "contractDate", with = "pcr_runtime::wire::date")]
///     contract_date: time::Date,
/// }
/// let loan: Loan = serde_json::from_str(r#"{"contractDate":"2024-03-01"}"#).unwrap();
/// assert_eq!(serde_json::to_string(&loan).unwrap(), r#"{"contractDate":"2024-03-01"}"#);
/// assert!(serde_json::from_str::<Loan>(r#"{"contractDate":"1.3.2024"}"#).is_err());
/// ```
pub mod date {
    use serde::{Deserializer, Serializer};
    use time::format_description::FormatItem;
    use time::macros::format_description;
    use time::Date;

    const FORMAT: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    /// Reads `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        super::text(deserializer, "a date as text, YYYY-MM-DD", |text| {
            Date::parse(text, FORMAT)
                .map_err(|e| format!("`{text}` is not a date written YYYY-MM-DD: {e}"))
        })
    }

    option_module!(time::Date);
}

/// `OffsetDateTime`: RFC 3339, read with any offset and kept in UTC,
/// written with `Z`. Fractions of a second are written with as many digits
/// as they need: `10:15:30.250Z` is read and written `10:15:30.25Z`, the
/// same instant.
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
/// ```
pub mod datetime {
    use serde::{Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::{OffsetDateTime, UtcOffset};

    /// Writes RFC 3339 in UTC.
    pub fn serialize<S: Serializer>(
        value: &OffsetDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let text = value
            .to_offset(UtcOffset::UTC)
            .format(&Rfc3339)
            .map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }

    /// Reads RFC 3339 and converts it to UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<OffsetDateTime, D::Error> {
        super::text(deserializer, "a time as RFC 3339 text", |text| {
            OffsetDateTime::parse(text, &Rfc3339)
                .map(|t| t.to_offset(UtcOffset::UTC))
                .map_err(|e| format!("`{text}` is not an RFC 3339 time: {e}"))
        })
    }

    option_module!(time::OffsetDateTime);
}

/// `Decimal` as a JSON number.
///
/// The register writes amounts as JSON numbers. serde_json hands a number
/// to the model as an `f64` unless its `arbitrary_precision` feature is on,
/// and that feature changes number handling for every crate in the build,
/// so it is not asked for. Instead the `f64` is read through its shortest
/// decimal text (`0.1_f64` is "0.1"), which gives back exactly the number
/// that was written for every value of up to 15 significant digits — amounts
/// up to a trillion euros with cents. Writing goes the other way. Integers
/// are read exactly up to `u64::MAX`. Beyond 15 significant digits a value
/// is rounded to the nearest `f64`; `tests/decimal_wire.rs` checks both.
///
/// ```
/// use rust_decimal::Decimal;
///
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Amount {
///     #[serde(with = "pcr_runtime::wire::decimal")]
///     sum: Decimal,
/// }
/// let a: Amount = serde_json::from_str(r#"{"sum":1234.56}"#).unwrap();
/// assert_eq!(a.sum, Decimal::new(123456, 2));
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"sum":1234.56}"#);
/// assert!(serde_json::from_str::<Amount>(r#"{"sum":"1234.56"}"#).is_err());
/// ```
pub mod decimal {
    use std::fmt;
    use std::str::FromStr;

    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    /// Writes a JSON number: an integer when the value is whole and fits,
    /// otherwise the nearest `f64`, which prints as the same decimal for up
    /// to 15 significant digits.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        if value.fract().is_zero() {
            if let Some(n) = value.to_i64() {
                return serializer.serialize_i64(n);
            }
        }
        match value.to_f64() {
            Some(f) => serializer.serialize_f64(f),
            None => Err(serde::ser::Error::custom(format!(
                "{value} cannot be written as a JSON number"
            ))),
        }
    }

    /// Reads a JSON number.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }

    pub(crate) struct DecimalVisitor;

    impl Visitor<'_> for DecimalVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number")
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        fn visit_f64<E: de::Error>(self, f: f64) -> Result<Decimal, E> {
            if !f.is_finite() {
                return Err(E::custom("a decimal must be a finite number"));
            }
            // `{}` prints the shortest text that reads back as the same f64;
            // `{:e}` keeps very large and very small values short.
            let text = format!("{f}");
            Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
                .map_err(|_| E::custom(format!("{f} is out of the range of a decimal")))
        }
    }

    option_module!(rust_decimal::Decimal);
}
