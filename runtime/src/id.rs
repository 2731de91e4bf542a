//! Finnish ID codes: the personal identity code (henkilötunnus) and the
//! Business ID (Y-tunnus). The register answers E21 "The identifier is
//! invalid" for a code that fails these checks.
//!
//! Letter case is insignificant (section 2.2 of the API description), so
//! `010594y9032` is read as `010594Y9032`.

use time::{Date, Month};

/// Which format an ID code must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdFormat {
    /// The personal identity code (henkilötunnus), `DDMMYYCZZZQ`.
    PersonalIdentityCode,
    /// The Business ID (Y-tunnus), `NNNNNNN-C`.
    BusinessId,
}

/// Why an ID code is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdCodeError {
    #[error("has {}; a {what} has {expected}", crate::rules::characters(*found))]
    /// The code has the wrong number of characters.
    Length {
        /// Which kind of code.
        what: &'static str,
        /// The number it must have.
        expected: usize,
        /// The number it has.
        found: usize,
    },
    #[error("has `{found}` at position {position}, where a digit belongs")]
    /// A character where a digit belongs.
    NotADigit {
        /// From 0.
        position: usize,
        /// The character there.
        found: char,
    },
    #[error("has the century sign `{0}`; the signs are + (1800s), - Y X W V U (1900s) and A B C D E F (2000s)")]
    /// An unknown century sign.
    CenturySign(char),
    #[error("has no such birth date: {0}")]
    /// The birth date does not exist (as `DD.MM.YYYY`).
    NoSuchDate(String),
    #[error("has the birth date {0}, which is after today")]
    /// The birth date is after today.
    FutureBirthDate(Date),
    #[error("has the individual number {0:03}; it must be from 002 to 999")]
    /// The individual number is 000 or 001.
    IndividualNumber(u16),
    #[error("has `{found}` where the separator `-` belongs")]
    /// The Business ID lacks its hyphen.
    Separator {
        /// The character where `-` belongs.
        found: char,
    },
    #[error("has no valid check digit: its digits give remainder 1, which no Business ID has")]
    /// The Business ID's digits give remainder 1, which no check digit fits.
    NoValidCheckDigit,
    #[error("has the check character `{found}`; it should be `{expected}`")]
    /// The check character is wrong.
    CheckCharacter {
        /// The right one.
        expected: char,
        /// The one given.
        found: char,
    },
}

/// The check characters of the personal identity code, indexed by the
/// remainder of DDMMYYZZZ divided by 31 (no G, I, O, Q or Z).
const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// The check character of a personal identity code whose date and individual
/// number are the nine digits `ddmmyyzzz`.
///
/// ```
/// // The worked example: 131052308 mod 31 = 25, which is T.
/// assert_eq!(pcr_runtime::id::check_character(131052308), 'T');
/// ```
pub fn check_character(ddmmyyzzz: u32) -> char {
    CHECK_CHARACTERS[(ddmmyyzzz % 31) as usize] as char
}

/// The first year of the century a sign stands for.
fn century(sign: char) -> Option<i32> {
    match sign {
        '+' => Some(1800),
        '-' | 'Y' | 'X' | 'W' | 'V' | 'U' => Some(1900),
        'A' | 'B' | 'C' | 'D' | 'E' | 'F' => Some(2000),
        _ => None,
    }
}

/// A personal identity code made from its parts, with its check character.
/// For test data use individual numbers from 900: those are temporary
/// numbers, never a person's permanent code.
///
/// ```
/// use time::macros::date;
/// use pcr_runtime::id::{make_personal_identity_code, check_personal_identity_code};
///
/// let code = make_personal_identity_code(date!(1994 - 05 - 01), 'Y', 903).unwrap();
/// assert_eq!(code, "010594Y9032");
/// let code = make_personal_identity_code(date!(2010 - 01 - 15), 'A', 123).unwrap();
/// assert!(check_personal_identity_code(&code, None).is_ok());
/// ```
pub fn make_personal_identity_code(birth: Date, sign: char, individual: u16) -> Option<String> {
    let start = century(sign)?;
    if !(start..start + 100).contains(&birth.year()) || individual > 999 {
        return None;
    }
    let yy = (birth.year() - start) as u32;
    let digits = birth.day() as u32 * 10_000_000
        + u8::from(birth.month()) as u32 * 100_000
        + yy * 1_000
        + individual as u32;
    Some(format!(
        "{:02}{:02}{:02}{sign}{individual:03}{}",
        birth.day(),
        u8::from(birth.month()),
        yy,
        check_character(digits)
    ))
}

/// Checks a personal identity code `DDMMYYCZZZQ`: a real birth date (not
/// after `today`, when given), a century sign, an individual number from 002
/// to 999 and the check character.
///
/// Individual numbers 900–999 are temporary numbers. They are accepted: the
/// fictional codes used for testing are such numbers, and refusing them
/// would refuse every request of the register's test environment. 000 and
/// 001 are never given.
///
/// Returns the birth date.
///
/// ```
/// use pcr_runtime::id::{check_personal_identity_code, IdCodeError};
///
/// assert!(check_personal_identity_code("131052-308T", None).is_ok());
/// assert_eq!(
///     check_personal_identity_code("010190-123A", None),
///     Err(IdCodeError::CheckCharacter { expected: 'M', found: 'A' }),
/// );
/// ```
pub fn check_personal_identity_code(code: &str, today: Option<Date>) -> Result<Date, IdCodeError> {
    if let Some(birth) = valid_personal_identity_code(code.as_bytes(), today) {
        return Ok(birth);
    }
    explain_personal_identity_code(code, today)
}

/// The birth date of a valid personal identity code, read from its bytes;
/// `None` for any code that is not valid, which
/// [`explain_personal_identity_code`] then explains. The two must agree
/// (a property test checks): this one is the common case made cheap (with
/// the Business ID's, it took the ID checks of a request read from 507
/// to 267 instructions, BENCHMARKS.md).
#[inline]
fn valid_personal_identity_code(code: &[u8], today: Option<Date>) -> Option<Date> {
    let code: &[u8; 11] = code.try_into().ok()?;
    // Each byte minus b'0' is its digit, or above 9 for any other byte.
    let digit = |i: usize| -> Option<u32> {
        let d = code[i].wrapping_sub(b'0');
        (d <= 9).then_some(u32::from(d))
    };
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let (day, month, yy) = (two(0)?, two(2)?, two(4)?);
    let individual = digit(7)? * 100 + two(8)?;
    let start = century(char::from(code[6].to_ascii_uppercase()))?;
    let birth = Date::from_calendar_date(
        start + yy as i32,
        Month::try_from(month as u8).ok()?,
        day as u8,
    )
    .ok()?;
    let expected = check_character(day * 10_000_000 + month * 100_000 + yy * 1_000 + individual);
    let keeps = today.is_none_or(|today| birth <= today)
        && individual >= 2
        && char::from(code[10].to_ascii_uppercase()) == expected;
    keeps.then_some(birth)
}

/// What is wrong with a personal identity code, character by character
/// (or its birth date, if it is valid). Kept out of line, so that the
/// common case stays small.
#[cold]
#[inline(never)]
fn explain_personal_identity_code(code: &str, today: Option<Date>) -> Result<Date, IdCodeError> {
    // Read into a fixed buffer: no allocation per code.
    let Some(chars) = fixed::<11>(code) else {
        return Err(IdCodeError::Length {
            what: "personal identity code",
            expected: 11,
            found: code.chars().count(),
        });
    };
    let upper = |position: usize| chars[position].to_ascii_uppercase();
    let digits = |range: std::ops::Range<usize>| -> Result<u32, IdCodeError> {
        let mut value = 0;
        for position in range {
            let digit = upper(position).to_digit(10).ok_or(IdCodeError::NotADigit {
                position,
                found: upper(position),
            })?;
            value = value * 10 + digit;
        }
        Ok(value)
    };
    let day = digits(0..2)?;
    let month = digits(2..4)?;
    let yy = digits(4..6)?;
    let sign = upper(6);
    let start = century(sign).ok_or(IdCodeError::CenturySign(sign))?;
    let individual = digits(7..10)?;
    let year = start + yy as i32;
    let birth = Month::try_from(month as u8)
        .ok()
        .and_then(|month| Date::from_calendar_date(year, month, day as u8).ok())
        .ok_or_else(|| IdCodeError::NoSuchDate(format!("{day:02}.{month:02}.{year}")))?;
    if let Some(today) = today {
        if birth > today {
            return Err(IdCodeError::FutureBirthDate(birth));
        }
    }
    if individual < 2 {
        return Err(IdCodeError::IndividualNumber(individual as u16));
    }
    let expected = check_character(day * 10_000_000 + month * 100_000 + yy * 1_000 + individual);
    if upper(10) != expected {
        return Err(IdCodeError::CheckCharacter {
            expected,
            found: upper(10),
        });
    }
    Ok(birth)
}

/// The characters of `code` if it has exactly `N`, on the stack.
fn fixed<const N: usize>(code: &str) -> Option<[char; N]> {
    let mut chars = ['\0'; N];
    let mut count = 0;
    for c in code.chars() {
        *chars.get_mut(count)? = c;
        count += 1;
    }
    (count == N).then_some(chars)
}

/// The weights of the seven digits of a Business ID.
const BUSINESS_ID_WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// Checks a Business ID `NNNNNNN-C`: seven digits, a hyphen and the check
/// digit computed with the weights 7, 9, 10, 5, 8, 4, 2 modulo 11.
///
/// ```
/// use pcr_runtime::id::{check_business_id, IdCodeError};
///
/// assert!(check_business_id("0737546-2").is_ok());
/// // 1·7 + 2·9 + 3·10 + 4·5 + 5·8 + 6·4 + 7·2 = 153, remainder 10: the digit is 1.
/// assert_eq!(
///     check_business_id("1234567-8"),
///     Err(IdCodeError::CheckCharacter { expected: '1', found: '8' }),
/// );
/// // 1·7 + 1·5 = 12, remainder 1: no check digit makes it valid.
/// assert_eq!(check_business_id("1001000-0"), Err(IdCodeError::NoValidCheckDigit));
/// ```
pub fn check_business_id(code: &str) -> Result<(), IdCodeError> {
    if valid_business_id(code.as_bytes()) {
        return Ok(());
    }
    explain_business_id(code)
}

/// Whether a Business ID is valid, read from its bytes; the common case
/// made cheap, as [`valid_personal_identity_code`]. [`explain_business_id`]
/// says what is wrong with any other (a property test checks they agree).
#[inline]
fn valid_business_id(code: &[u8]) -> bool {
    let Ok(code) = <&[u8; 9]>::try_from(code) else {
        return false;
    };
    let mut sum = 0;
    for (byte, weight) in code.iter().zip(BUSINESS_ID_WEIGHTS) {
        let d = byte.wrapping_sub(b'0');
        if d > 9 {
            return false;
        }
        sum += u32::from(d) * weight;
    }
    let expected = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    code[7] == b'-' && u32::from(code[8].wrapping_sub(b'0')) == expected
}

/// What is wrong with a Business ID, character by character.
#[cold]
#[inline(never)]
fn explain_business_id(code: &str) -> Result<(), IdCodeError> {
    let Some(chars) = fixed::<9>(code) else {
        return Err(IdCodeError::Length {
            what: "Business ID",
            expected: 9,
            found: code.chars().count(),
        });
    };
    if chars[7] != '-' {
        return Err(IdCodeError::Separator { found: chars[7] });
    }
    let mut sum = 0;
    for (position, weight) in BUSINESS_ID_WEIGHTS.iter().enumerate() {
        let found = chars[position];
        let digit = found
            .to_digit(10)
            .ok_or(IdCodeError::NotADigit { position, found })?;
        sum += digit * weight;
    }
    let found = chars[8];
    found
        .to_digit(10)
        .ok_or(IdCodeError::NotADigit { position: 8, found })?;
    let expected = match sum % 11 {
        0 => '0',
        1 => return Err(IdCodeError::NoValidCheckDigit),
        r => char::from_digit(11 - r, 10).expect("11 - r is a digit for r in 2..=10"),
    };
    if found != expected {
        return Err(IdCodeError::CheckCharacter { expected, found });
    }
    Ok(())
}

/// Checks `code` in the given format.
pub fn check(format: IdFormat, code: &str, today: Option<Date>) -> Result<(), IdCodeError> {
    match format {
        IdFormat::PersonalIdentityCode => check_personal_identity_code(code, today).map(|_| ()),
        IdFormat::BusinessId => check_business_id(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    /// Codes near valid ones: a valid code (of any date from 1800 to 2099,
    /// any sign, any individual number, the edges often) with up to two
    /// characters replaced
    /// by characters a code has, in either case, or by others.
    fn near_personal_identity_codes() -> impl Strategy<Value = String> {
        let individual = prop_oneof![0u16..4, 995u16..1000, 0u16..1000];
        let valid = (0i32..109_572, 0usize..13, individual).prop_filter_map(
            "a date the sign's century holds",
            |(days, sign, individual)| {
                let birth = date!(1800 - 01 - 01) + time::Duration::days(days.into());
                let sign = "+-YXWVUABCDEF".chars().nth(sign)?;
                make_personal_identity_code(birth, sign, individual)
            },
        );
        let replacement = (
            0usize..12,
            prop::sample::select("0123456789-+AaBFfYyXUHJTtéÅ ".chars().collect::<Vec<_>>()),
        );
        (valid, prop::collection::vec(replacement, 0..3)).prop_map(|(code, changes)| {
            let mut chars: Vec<char> = code.chars().collect();
            for (at, c) in changes {
                match chars.get_mut(at) {
                    Some(slot) => *slot = c,
                    None => chars.push(c),
                }
            }
            chars.into_iter().collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The cheap check accepts exactly what the explaining one does,
        /// with the same birth date.
        #[test]
        fn both_personal_identity_code_checks_agree(
            code in near_personal_identity_codes(),
            today in prop::option::of(0i64..80_000),
        ) {
            let today = today.map(|days| date!(1850 - 01 - 01) + time::Duration::days(days));
            prop_assert_eq!(
                valid_personal_identity_code(code.as_bytes(), today).ok_or(()),
                explain_personal_identity_code(&code, today).map_err(|_| ()),
                "{}", code
            );
        }

        #[test]
        fn both_business_id_checks_agree(
            digits in 0u32..10_000_000,
            check in prop::sample::select("0123456789-aé".chars().collect::<Vec<_>>()),
            separator in prop::sample::select(vec!['-', '+', '0', ' ']),
            extra in prop::option::of(prop::sample::select(vec!['0', '-'])),
        ) {
            let mut code = format!("{digits:07}{separator}{check}");
            if let Some(extra) = extra {
                code.push(extra);
            }
            prop_assert_eq!(valid_business_id(code.as_bytes()), explain_business_id(&code).is_ok(), "{}", code);
        }
    }

    /// The property tests above reach both answers.
    #[test]
    fn the_generators_reach_valid_and_invalid_codes() {
        assert!(valid_business_id(b"0737546-2"));
        assert!(!valid_business_id(b"0737546-3"));
        assert!(valid_personal_identity_code(b"010594Y9032", None).is_some());
        assert!(valid_personal_identity_code(b"010594y9032", None).is_some());
        assert!(valid_personal_identity_code(b"010594Y9033", None).is_none());
        assert!(
            valid_personal_identity_code(b"010594Y9032", Some(date!(1994 - 04 - 30))).is_none()
        );
        assert!(valid_personal_identity_code(b"010594Y0012", None).is_none());
    }

    #[test]
    fn fictional_test_codes_are_valid() {
        for code in [
            "010594Y9032",
            "020594X903P",
            "010516B903X",
            "020504A902E",
            "131052-308T",
        ] {
            assert!(check_personal_identity_code(code, None).is_ok(), "{code}");
        }
    }

    #[test]
    fn every_century_sign() {
        for (sign, year) in [
            ('+', 1850),
            ('-', 1950),
            ('Y', 1950),
            ('X', 1950),
            ('W', 1950),
            ('V', 1950),
            ('U', 1950),
            ('A', 2005),
            ('B', 2005),
            ('C', 2005),
            ('D', 2005),
            ('E', 2005),
            ('F', 2005),
        ] {
            let birth = Date::from_calendar_date(year, Month::March, 15).unwrap();
            let code = make_personal_identity_code(birth, sign, 234).unwrap();
            assert_eq!(
                check_personal_identity_code(&code, None),
                Ok(birth),
                "{code}"
            );
        }
        assert_eq!(
            check_personal_identity_code("150350G2341", None),
            Err(IdCodeError::CenturySign('G'))
        );
        assert_eq!(
            check_personal_identity_code("150350Z2341", None),
            Err(IdCodeError::CenturySign('Z'))
        );
    }

    #[test]
    fn lower_case_is_read_as_upper_case() {
        let code = make_personal_identity_code(date!(2005 - 03 - 15), 'A', 234).unwrap();
        assert!(check_personal_identity_code(&code.to_lowercase(), None).is_ok());
    }

    #[test]
    fn dates() {
        assert!(matches!(
            check_personal_identity_code("290201A234X", None),
            Err(IdCodeError::NoSuchDate(_))
        ));
        let leap = make_personal_identity_code(date!(2000 - 02 - 29), 'A', 234).unwrap();
        assert!(check_personal_identity_code(&leap, None).is_ok());
        assert!(matches!(
            check_personal_identity_code("320105A234X", None),
            Err(IdCodeError::NoSuchDate(_))
        ));
        let born = date!(2024 - 03 - 01);
        let code = make_personal_identity_code(born, 'A', 234).unwrap();
        assert_eq!(
            check_personal_identity_code(&code, Some(date!(2024 - 02 - 29))),
            Err(IdCodeError::FutureBirthDate(born))
        );
        assert!(check_personal_identity_code(&code, Some(born)).is_ok());
    }

    #[test]
    fn individual_numbers() {
        for (n, ok) in [
            (0, false),
            (1, false),
            (2, true),
            (899, true),
            (900, true),
            (999, true),
        ] {
            let code = make_personal_identity_code(date!(1990 - 01 - 01), '-', n).unwrap();
            assert_eq!(
                check_personal_identity_code(&code, None).is_ok(),
                ok,
                "{code}"
            );
        }
    }

    #[test]
    fn check_characters_and_lengths() {
        assert_eq!(
            check_personal_identity_code("131052-308U", None),
            Err(IdCodeError::CheckCharacter {
                expected: 'T',
                found: 'U'
            })
        );
        assert!(matches!(
            check_personal_identity_code("131052-308", None),
            Err(IdCodeError::Length { found: 10, .. })
        ));
        assert!(matches!(
            check_personal_identity_code("13105x-308T", None),
            Err(IdCodeError::NotADigit { position: 5, .. })
        ));
    }

    #[test]
    fn non_ascii_characters_are_reported_where_they_stand() {
        assert_eq!(
            check_personal_identity_code("13105Ä-308T", None),
            Err(IdCodeError::NotADigit {
                position: 5,
                found: 'Ä'
            })
        );
        assert_eq!(
            check_personal_identity_code("131052Å308T", None),
            Err(IdCodeError::CenturySign('Å'))
        );
        assert_eq!(
            check_business_id("073754Ö-2"),
            Err(IdCodeError::NotADigit {
                position: 6,
                found: 'Ö'
            })
        );
    }

    #[test]
    fn business_ids() {
        for code in ["0737546-2", "0112038-9", "2077474-0"] {
            assert_eq!(check_business_id(code), Ok(()), "{code}");
        }
        assert_eq!(
            check_business_id("1234567-8"),
            Err(IdCodeError::CheckCharacter {
                expected: '1',
                found: '8'
            })
        );
        assert_eq!(check_business_id("1234567-1"), Ok(()));
        // 1·7 + 1·5 = 12, remainder 1: no check digit makes it valid.
        for c in '0'..='9' {
            assert_eq!(
                check_business_id(&format!("1001000-{c}")),
                Err(IdCodeError::NoValidCheckDigit)
            );
        }
        // Remainder 0: the check digit is 0 (0000000 sums to 0).
        assert_eq!(check_business_id("0000000-0"), Ok(()));
        assert_eq!(
            check_business_id("0737546-3"),
            Err(IdCodeError::CheckCharacter {
                expected: '2',
                found: '3'
            })
        );
        assert_eq!(
            check_business_id("07375462"),
            Err(IdCodeError::Length {
                what: "Business ID",
                expected: 9,
                found: 8
            })
        );
        assert_eq!(
            check_business_id("0737546+2"),
            Err(IdCodeError::Separator { found: '+' })
        );
        assert!(matches!(
            check_business_id("07a7546-2"),
            Err(IdCodeError::NotADigit { position: 2, .. })
        ));
    }
}
