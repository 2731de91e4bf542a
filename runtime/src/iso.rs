//! ISO 3166-1 alpha-2 country codes and ISO 4217 currency codes, from
//! maintained crates (`iso3166-static`, `iso_currency`), read ignoring
//! letter case as section 2.2 asks and written in capitals.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A 2-letter country code according to ISO 3166.
///
/// ```
/// use pcr_runtime::iso::CountryCode;
///
/// let fi: CountryCode = "fi".parse().unwrap();
/// assert_eq!(fi.to_string(), "FI");
/// assert!("XX".parse::<CountryCode>().is_err()); // user-assigned, no country
/// assert!("XK".parse::<CountryCode>().is_ok()); // Kosovo
/// assert!("FIN".parse::<CountryCode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(pub iso3166_static::Alpha2);

/// A 3-letter currency code according to ISO 4217.
///
/// ```
/// use pcr_runtime::iso::CurrencyCode;
///
/// let eur: CurrencyCode = "eur".parse().unwrap();
/// assert_eq!(eur.to_string(), "EUR");
/// assert!("EURO".parse::<CurrencyCode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CurrencyCode(pub iso_currency::Currency);

/// A text that is not a code of the standard.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{found}` is not {what}")]
pub struct UnknownIsoCode {
    /// Which standard.
    pub what: &'static str,
    /// The text given.
    pub found: String,
}

impl CountryCode {
    /// The two capital letters.
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
    }

    /// Every code this type reads, in alphabetical order: what a schema of
    /// the messages lists (so that it accepts what the models accept).
    ///
    /// ```
    /// use pcr_runtime::iso::CountryCode;
    /// let all: Vec<&str> = CountryCode::all().map(|c| c.as_str()).collect();
    /// assert!(all.contains(&"FI") && all.contains(&"XK") && !all.contains(&"ZZ"));
    /// assert!(all.windows(2).all(|w| w[0] < w[1]));
    /// ```
    pub fn all() -> impl Iterator<Item = CountryCode> {
        letters::<2>().filter_map(|code| code.parse().ok())
    }
}

impl CurrencyCode {
    /// The three capital letters.
    pub fn as_str(&self) -> &'static str {
        self.0.code()
    }

    /// Every code this type reads, in alphabetical order.
    ///
    /// ```
    /// use pcr_runtime::iso::CurrencyCode;
    /// assert!(CurrencyCode::all().any(|c| c.as_str() == "EUR"));
    /// ```
    pub fn all() -> impl Iterator<Item = CurrencyCode> {
        letters::<3>().filter_map(|code| code.parse().ok())
    }
}

/// Every text of `N` capital letters, in alphabetical order.
fn letters<const N: usize>() -> impl Iterator<Item = String> {
    let count = 26usize.pow(N as u32);
    (0..count).map(|mut n| {
        let mut code = [b'A'; N];
        for place in code.iter_mut().rev() {
            *place = b'A' + (n % 26) as u8;
            n /= 26;
        }
        String::from_utf8(code.to_vec()).expect("ASCII")
    })
}

impl FromStr for CountryCode {
    type Err = UnknownIsoCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        upper_case::<2>(s)
            .and_then(|upper| {
                let upper = std::str::from_utf8(&upper).expect("ASCII");
                if is_user_assigned(upper) {
                    return None;
                }
                iso3166_static::Alpha2::from_str(upper).ok()
            })
            .map(CountryCode)
            .ok_or_else(|| UnknownIsoCode {
                what: "a 2-letter country code according to ISO 3166",
                found: s.to_string(),
            })
    }
}

/// `s` in upper case when it is `N` ASCII characters, on the stack (no
/// allocation per code); the one reading of both ISO codes.
fn upper_case<const N: usize>(s: &str) -> Option<[u8; N]> {
    let bytes: [u8; N] = s.as_bytes().try_into().ok()?;
    bytes
        .is_ascii()
        .then(|| bytes.map(|b| b.to_ascii_uppercase()))
}

/// ISO 3166-1 leaves AA, QM–QZ, XA–XZ and ZZ to users; they name no
/// country, and `iso3166-static` lists them. XK is kept: it is the code
/// authorities use for Kosovo.
fn is_user_assigned(code: &str) -> bool {
    let b = code.as_bytes();
    code == "AA" || code == "ZZ" || (b[0] == b'Q' && b[1] >= b'M') || (b[0] == b'X' && code != "XK")
}

impl FromStr for CurrencyCode {
    type Err = UnknownIsoCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        upper_case::<3>(s)
            .and_then(remembered_currency)
            .map(CurrencyCode)
            .ok_or_else(|| UnknownIsoCode {
                what: "a 3-letter currency code according to ISO 4217",
                found: s.to_string(),
            })
    }
}

/// `iso_currency::Currency::from_code` for upper-case letters, with the
/// codes this thread found remembered. `from_code` compares the code with
/// each of the 180 codes in turn (238 instructions for `EUR`, 3.7 % of a
/// 50-loan extract's read, callgrind), and a message names few currencies,
/// each many times. Remembered in one of 32 places chosen by the letters
/// (two codes that share a place take turns), a code costs a comparison.
fn remembered_currency(upper: [u8; 3]) -> Option<iso_currency::Currency> {
    type Place = std::cell::Cell<Option<([u8; 3], iso_currency::Currency)>>;
    thread_local! {
        static FOUND: [Place; 32] = const { [const { std::cell::Cell::new(None) }; 32] };
    }
    let key = u32::from_le_bytes([upper[0], upper[1], upper[2], 0]);
    let place = (key.wrapping_mul(0x9E37_79B1) >> 27) as usize;
    FOUND.with(|found| {
        if let Some((code, currency)) = found[place].get() {
            if code == upper {
                return Some(currency);
            }
        }
        let currency = iso_currency::Currency::from_code(std::str::from_utf8(&upper).ok()?)?;
        found[place].set(Some((upper, currency)));
        Some(currency)
    })
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! serde_by_text {
    ($ty:ty, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextVisitor;
                impl Visitor<'_> for TextVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$ty, E> {
                        text.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(TextVisitor)
            }
        }
    };
}

serde_by_text!(CountryCode, "a 2-letter country code as text");
serde_by_text!(CurrencyCode, "a 3-letter currency code as text");

impl crate::Structure for CountryCode {
    fn shape() -> crate::structure::Shape {
        crate::structure::Shape::Text {
            expecting: "a 2-letter country code as text",
            check: |text| {
                text.parse::<CountryCode>()
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        }
    }
}

impl crate::Structure for CurrencyCode {
    fn shape() -> crate::structure::Shape {
        crate::structure::Shape::Text {
            expecting: "a 3-letter currency code as text",
            check: |text| {
                text.parse::<CurrencyCode>()
                    .map(drop)
                    .map_err(|e| e.to_string())
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every 3-letter text, in three orders (so that codes sharing a place
    /// take turns in it), finds what `iso_currency` finds, each time.
    #[test]
    fn remembered_currencies_are_the_crates_own() {
        let all: Vec<[u8; 3]> = letters::<3>()
            .map(|code| code.as_bytes().try_into().unwrap())
            .collect();
        let orders = [
            all.clone(),
            all.iter().rev().copied().collect(),
            all.iter().step_by(7).chain(all.iter()).copied().collect(),
        ];
        let mut found = 0;
        for order in orders {
            for code in order {
                let text = std::str::from_utf8(&code).unwrap();
                let expected = iso_currency::Currency::from_code(text);
                assert_eq!(remembered_currency(code), expected, "{text}");
                assert_eq!(remembered_currency(code), expected, "{text} again");
                found += usize::from(expected.is_some());
            }
        }
        assert!(found > 3 * 150, "{found}");
    }
}
