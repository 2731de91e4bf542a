//! Codesets: enums of the document's codes, read case-insensitively and
//! written in the document's spelling (section 2.2), never in numeric form.
//!
//! Requests use a codeset's enum itself, so an unknown code is an error.
//! Responses wrap it in [`Lenient`], so a code that a newer document adds is
//! kept as text instead of failing the whole response.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::structure::{Shape, Structure};
use crate::Stage;

/// An enum of the codes of one codeset. `#[derive(Codeset)]` implements it
/// with `FromStr`, `Display`, serde and [`StageRestricted`](crate::StageRestricted).
pub trait Codeset: Sized + Copy + Eq + fmt::Debug + 'static {
    /// The codeset's id in the document, e.g. `LoanType`.
    const ID: &'static str;
    /// Every value, in the document's order.
    const ALL: &'static [Self];

    /// The code as the document writes it, e.g. `LumpSumLoan`.
    fn code(self) -> &'static str;

    /// The English label, e.g. `Lump-sum loan`.
    fn label(self) -> &'static str;

    /// The register stages in which the value is not allowed.
    fn not_allowed_in(self) -> &'static [Stage] {
        &[]
    }

    /// The days the value is in force (`#[pcr(from = ..., until = ...)]`);
    /// every day unless said otherwise.
    fn in_force(self) -> crate::InForce {
        crate::InForce::ALWAYS
    }

    /// The value with this code, ignoring letter case.
    fn from_code(code: &str) -> Option<Self> {
        // Codes usually come as the document writes them: look for the
        // exact code first (a length test and a compare of bytes), then
        // ignoring case.
        let all = Self::ALL.iter().copied();
        all.clone().find(|v| v.code() == code).or_else(|| {
            all.into_iter()
                .find(|v| v.code().eq_ignore_ascii_case(code))
        })
    }
}

/// A code that is not in its codeset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{found}` is not a code of {codeset}; the codes are: {codes}")]
pub struct UnknownCode {
    /// The codeset's id.
    pub codeset: &'static str,
    /// The text given.
    pub found: String,
    /// The codes, comma-separated.
    pub codes: String,
}

impl UnknownCode {
    /// The error for `found` in codeset `T`.
    pub fn new<T: Codeset>(found: &str) -> Self {
        Self::listing(T::ID, found, T::ALL.len(), &|i| T::ALL[i].code())
    }

    /// The error, its list of codes written by one function for every
    /// codeset (less code for a crate of many codesets to compile): the
    /// `count` codes, `code(i)` each.
    fn listing(
        codeset: &'static str,
        found: &str,
        count: usize,
        code: &dyn Fn(usize) -> &'static str,
    ) -> Self {
        let mut list = String::new();
        for i in 0..count {
            if i > 0 {
                list.push_str(", ");
            }
            list.push_str(code(i));
        }
        UnknownCode {
            codeset,
            found: found.to_string(),
            codes: list,
        }
    }
}

/// Where `code` is in `codes`, ignoring ASCII case. A derived codeset's
/// `from_code` matches its codes as written itself and calls this, with
/// its codes in the order of `ALL`, for the rest: one search compiled for
/// every codeset, where the trait's default `from_code` is compiled once
/// per codeset.
///
/// ```
/// use pcr_runtime::codeset::position_ignoring_case;
/// let codes = ["LumpSumLoan", "ContinuousCredit"];
/// assert_eq!(position_ignoring_case(&codes, "ContinuousCredit"), Some(1));
/// assert_eq!(position_ignoring_case(&codes, "lumpsumloan"), Some(0));
/// assert_eq!(position_ignoring_case(&codes, "Lump sum loan"), None);
/// ```
pub fn position_ignoring_case(codes: &[&str], code: &str) -> Option<usize> {
    codes.iter().position(|c| c.eq_ignore_ascii_case(code))
}

/// Parses a code ignoring case; the `FromStr` of a derived codeset.
pub fn parse<T: Codeset>(code: &str) -> Result<T, UnknownCode> {
    T::from_code(code).ok_or_else(|| UnknownCode::new::<T>(code))
}

/// The JSON shape of a codeset's code: text that [`parse`] accepts; the
/// `Structure` of a derived codeset.
pub fn shape<T: Codeset>() -> Shape {
    Shape::Text {
        expecting: "a code as text",
        check: |text| parse::<T>(text).map(drop).map_err(|e| e.to_string()),
    }
}

/// Writes the code; the `Serialize` of a derived codeset.
pub fn serialize<T: Codeset, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.code())
}

/// Reads a code ignoring case and refuses the numeric form; the
/// `Deserialize` of a derived codeset.
pub fn deserialize<'de, T: Codeset, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer
        .deserialize_str(CodeVisitor::<T>(PhantomData))?
        .known()
}

/// What a code read as text turned out to be.
enum Read<T> {
    Known(T),
    Unknown(String),
}

impl<T: Codeset> Read<T> {
    fn known<E: de::Error>(self) -> Result<T, E> {
        match self {
            Read::Known(value) => Ok(value),
            Read::Unknown(text) => Err(E::custom(UnknownCode::new::<T>(&text))),
        }
    }
}

struct CodeVisitor<T>(PhantomData<T>);

impl<T: Codeset> Visitor<'_> for CodeVisitor<T> {
    type Value = Read<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a code of {} as text", T::ID)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Read<T>, E> {
        Ok(match T::from_code(text) {
            Some(value) => Read::Known(value),
            None => Read::Unknown(text.to_string()),
        })
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Read<T>, E> {
        Err(E::custom(format!(
            "{n} is the numeric form of a {} code, which is not accepted: write the code's name",
            T::ID
        )))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Read<T>, E> {
        self.visit_u64(n.unsigned_abs())
    }
}

/// A codeset value read from a response: a known code, or a code this
/// version of the document does not list, kept as it was received.
///
/// ```
/// use pcr_runtime::{Codeset, Lenient};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
/// #[pcr(codeset = "LoanType")]
/// enum LoanType {
///     #[pcr(code = "LumpSumLoan", label = "Lump-sum loan")]
///     LumpSumLoan,
/// }
///
/// let known: Lenient<LoanType> = serde_json::from_str("\"lumpsumloan\"").unwrap();
/// assert_eq!(known, Lenient::Known(LoanType::LumpSumLoan));
/// assert_eq!(serde_json::to_string(&known).unwrap(), "\"LumpSumLoan\"");
/// let newer: Lenient<LoanType> = serde_json::from_str("\"CreditCard\"").unwrap();
/// assert_eq!(newer, Lenient::Unknown("CreditCard".into()));
/// assert_eq!(serde_json::to_string(&newer).unwrap(), "\"CreditCard\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lenient<T> {
    /// A code of the codeset.
    Known(T),
    /// A code the codeset does not have, as received.
    Unknown(String),
}

impl<T: Codeset> Lenient<T> {
    /// The known value, if it is one.
    pub fn known(&self) -> Option<T> {
        match self {
            Lenient::Known(value) => Some(*value),
            Lenient::Unknown(_) => None,
        }
    }

    /// The code as received or as the document writes it.
    pub fn code(&self) -> &str {
        match self {
            Lenient::Known(value) => value.code(),
            Lenient::Unknown(text) => text,
        }
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(value: T) -> Self {
        Lenient::Known(value)
    }
}

impl<T: Codeset> fmt::Display for Lenient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<T: Codeset> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Any text: a code this version does not list is kept.
impl<T: Codeset> Structure for Lenient<T> {
    fn shape() -> Shape {
        Shape::Text {
            expecting: "a code as text",
            check: |_| Ok(()),
        }
    }
}

impl<'de, T: Codeset> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(
            match deserializer.deserialize_str(CodeVisitor::<T>(PhantomData))? {
                Read::Known(value) => Lenient::Known(value),
                Read::Unknown(text) => Lenient::Unknown(text),
            },
        )
    }
}
