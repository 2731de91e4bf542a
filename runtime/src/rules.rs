//! The checks behind the `#[pcr(...)]` rules, one function per rule and
//! named as it is. Each returns `None` when the value keeps the rule, or the
//! description of the error. The derive calls them; hand-written `Validate`
//! impls can too, and they are stable API.

use std::cmp::Ordering;

use crate::context::InForce;
use crate::id::{self, IdFormat};
use crate::text::{char_count, CharSet};
use crate::Context;

/// `#[pcr(max_chars(max = 64, ...))]`: at most `max` characters.
///
/// ```
/// use pcr_runtime::rules::max_chars;
///
/// assert_eq!(max_chars(&"x".repeat(64), 64), None);
/// assert_eq!(max_chars(&"x".repeat(65), 64).unwrap(), "The text has 65 characters; at most 64 are allowed.");
/// ```
#[inline]
pub fn max_chars(value: &str, max: usize) -> Option<String> {
    // A text has at most as many characters as bytes: count them only
    // when the bytes are over the limit.
    if value.len() <= max {
        return None;
    }
    let count = char_count(value);
    (count > max).then(|| too_many_chars(count, max))
}

#[cold]
fn too_many_chars(count: usize, max: usize) -> String {
    format!(
        "The text has {}; at most {max} are allowed.",
        characters(count)
    )
}

/// `#[pcr(charset(set = ..., ...))]`: every character in the set.
///
/// ```
/// use pcr_runtime::rules::charset;
/// use pcr_runtime::text::{CharClass, CharSet};
///
/// const LETTERS: CharSet = CharSet::new(&[CharClass::Range('A', 'Ö'), CharClass::Chars(" -")]);
/// assert_eq!(charset("AB-ÅÖ", &LETTERS), None);
/// assert!(charset("A×B", &LETTERS).unwrap().contains("'×' (U+00D7) at position 2"));
/// ```
#[inline]
pub fn charset(value: &str, set: &CharSet) -> Option<String> {
    set.first_outside(value).map(outside_chars)
}

#[cold]
fn outside_chars((position, c): (usize, char)) -> String {
    format!(
        "The text has the character '{c}' (U+{:04X}) at position {}, which is not allowed.",
        c as u32,
        position + 1
    )
}

/// A number that `#[pcr(range(...))]` can bound with whole numbers.
pub trait Number {
    /// How the number compares with a whole-number bound.
    fn cmp_bound(&self, bound: i64) -> Ordering;
}

macro_rules! number_by_i128 {
    ($($t:ty),*) => {$(
        impl Number for $t {
            fn cmp_bound(&self, bound: i64) -> Ordering {
                (*self as i128).cmp(&(bound as i128))
            }
        }
    )*};
}

number_by_i128!(i8, i16, i32, i64, u8, u16, u32, u64, isize, usize);

impl Number for rust_decimal::Decimal {
    fn cmp_bound(&self, bound: i64) -> Ordering {
        self.cmp(&rust_decimal::Decimal::from(bound))
    }
}

/// `#[pcr(range(min = ..., max = ...))]`: within the bounds, both included.
///
/// ```
/// use pcr_runtime::rules::range;
/// use rust_decimal::Decimal;
///
/// assert_eq!(range(&0u32, Some(0), None), None);
/// assert!(range(&Decimal::new(-1, 2), Some(0), None).is_some()); // -0.01
/// ```
pub fn range<N: Number + std::fmt::Display>(
    value: &N,
    min: Option<i64>,
    max: Option<i64>,
) -> Option<String> {
    let below = min.is_some_and(|min| value.cmp_bound(min) == Ordering::Less);
    let above = max.is_some_and(|max| value.cmp_bound(max) == Ordering::Greater);
    (below || above).then(|| outside("value", value, shown(&min), shown(&max), NUMBER_BOUNDS))
}

/// A bound as `outside` takes it.
fn shown<B: std::fmt::Display>(bound: &Option<B>) -> Option<&dyn std::fmt::Display> {
    bound.as_ref().map(|b| b as &dyn std::fmt::Display)
}

/// `#[pcr(id_code(...))]`: a valid ID code in `format`.
///
/// ```
/// use pcr_runtime::{rules::id_code, id::IdFormat, Context, Stage};
/// use time::macros::date;
///
/// let ctx = Context::new(Stage::First, date!(2024 - 01 - 04));
/// assert_eq!(id_code("010594Y9032", IdFormat::PersonalIdentityCode, &ctx), None);
/// assert_eq!(
///     id_code("1234567-8", IdFormat::BusinessId, &ctx).unwrap(),
///     "The Business ID has the check character `8`; it should be `1`.",
/// );
/// ```
#[inline]
pub fn id_code(value: &str, format: IdFormat, ctx: &Context) -> Option<String> {
    id::check(format, value, Some(ctx.today))
        .err()
        .map(|error| invalid_id_code(format, error))
}

#[cold]
fn invalid_id_code(format: IdFormat, error: id::IdCodeError) -> String {
    let what = match format {
        IdFormat::PersonalIdentityCode => "personal identity code",
        IdFormat::BusinessId => "Business ID",
    };
    format!("The {what} {error}.")
}

/// `#[pcr(required(...))]`: the value is present.
///
/// ```
/// use pcr_runtime::rules::required;
///
/// assert_eq!(required(&Some(1)), None);
/// assert_eq!(required::<u8>(&None).unwrap(), "The data element is required.");
/// ```
#[inline]
pub fn required<T>(value: &Option<T>) -> Option<String> {
    value.is_none().then(missing)
}

/// The description of a missing required value.
#[cold]
pub(crate) fn missing() -> String {
    "The data element is required.".to_string()
}

/// `#[pcr(absent_if(field = f, equals = VALUE, ...))]`: the value is absent
/// (a list: empty) when sibling `f` has `VALUE`. `present` says whether
/// the value is there, `applies` whether the sibling has `VALUE`; `sibling`
/// and `equals` name them in the description.
///
/// ```
/// use pcr_runtime::rules::absent_if;
///
/// assert_eq!(absent_if(false, true, "loanType", "GuaranteeReceivable"), None);
/// assert_eq!(absent_if(true, false, "loanType", "GuaranteeReceivable"), None);
/// assert_eq!(
///     absent_if(true, true, "loanType", "GuaranteeReceivable").unwrap(),
///     "The data element is not reported when loanType is GuaranteeReceivable.",
/// );
/// ```
#[inline]
pub fn absent_if(present: bool, applies: bool, sibling: &str, equals: &str) -> Option<String> {
    (present && applies).then(|| not_reported(sibling, equals))
}

#[cold]
fn not_reported(sibling: &str, equals: &str) -> String {
    format!("The data element is not reported when {sibling} is {equals}.")
}

/// `#[pcr(non_blank(...))]`: text that is not empty and not only white
/// space; a required text that is blank is as good as missing.
///
/// ```
/// use pcr_runtime::rules::non_blank;
/// assert_eq!(non_blank("0737546-2"), None);
/// assert!(non_blank("").is_some());
/// assert!(non_blank(" \t ").is_some());
/// ```
#[inline]
pub fn non_blank(value: &str) -> Option<String> {
    // As `trim().is_empty()`, stopping at the first character that is not
    // white space instead of trimming both ends; a first byte that is an
    // ASCII character other than white space settles it at once.
    if value
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace())
    {
        return None;
    }
    value.chars().all(char::is_whitespace).then(blank)
}

#[cold]
fn blank() -> String {
    "The data element is required; it is empty or only white space.".to_string()
}

/// `#[pcr(required_if(field = f, equals = VALUE, ...))]`: the value is
/// present when sibling `f` has `VALUE`. `applies` says whether it has;
/// `sibling` and `equals` name them in the description.
///
/// ```
/// use pcr_runtime::rules::required_if;
///
/// assert_eq!(required_if(&Some("FI"), true, "idCodeType", "ForeignBusinessId"), None);
/// assert_eq!(required_if::<&str>(&None, false, "idCodeType", "ForeignBusinessId"), None);
/// assert_eq!(
///     required_if::<&str>(&None, true, "idCodeType", "ForeignBusinessId").unwrap(),
///     "The data element is required when idCodeType is ForeignBusinessId.",
/// );
/// ```
#[inline]
pub fn required_if<T>(
    value: &Option<T>,
    applies: bool,
    sibling: &str,
    equals: &str,
) -> Option<String> {
    (value.is_none() && applies).then(|| required_when(sibling, equals))
}

#[cold]
fn required_when(sibling: &str, equals: &str) -> String {
    format!("The data element is required when {sibling} is {equals}.")
}

/// "1 character", "2 characters".
pub(crate) fn characters(count: usize) -> String {
    if count == 1 {
        "1 character".to_string()
    } else {
        format!("{count} characters")
    }
}

/// `#[pcr(allowed(values = [...], ...))]`: one of the permitted values,
/// named in the description by `names`.
///
/// ```
/// use pcr_runtime::rules::allowed;
///
/// assert_eq!(allowed(&2, &[1, 2], &["one", "two"]), None);
/// assert_eq!(
///     allowed(&3, &[1, 2], &["one", "two"]).unwrap(),
///     "The value 3 is not permitted here; the permitted values are one, two.",
/// );
/// ```
#[inline]
pub fn allowed<T: PartialEq + std::fmt::Debug>(
    value: &T,
    permitted: &[T],
    names: &[&str],
) -> Option<String> {
    if permitted.contains(value) {
        return None;
    }
    Some(not_permitted(value, names))
}

#[cold]
fn not_permitted(value: &dyn std::fmt::Debug, names: &[&str]) -> String {
    not_permitted_text(&format!("{value:?}"), names)
}

/// As [`allowed`], the value described by `describe` (the derive passes
/// its `Display` where it has one: a code as written, not `Known(..)`).
///
/// ```
/// use pcr_runtime::__private::allowed_described;
/// use pcr_runtime::Lenient;
///
/// let value: Lenient<u8> = Lenient::Unknown("Other".into());
/// let permitted = [Lenient::Known(1)];
/// assert_eq!(
///     allowed_described(&value, &permitted, &["One"], |_| "Other".to_string()).unwrap(),
///     "The value Other is not permitted here; the permitted values are One.",
/// );
/// ```
#[doc(hidden)]
#[inline]
pub fn allowed_described<T: PartialEq>(
    value: &T,
    permitted: &[T],
    names: &[&str],
    describe: impl FnOnce(&T) -> String,
) -> Option<String> {
    if permitted.contains(value) {
        return None;
    }
    Some(not_permitted_text(&describe(value), names))
}

#[cold]
fn not_permitted_text(value: &str, names: &[&str]) -> String {
    format!(
        "The value {value} is not permitted here; the permitted values are {}.",
        names.join(", ")
    )
}

/// `#[pcr(min_items(min = N, ...))]`: a list of at least `min` items.
///
/// ```
/// use pcr_runtime::rules::min_items;
///
/// assert_eq!(min_items(1, 1), None);
/// assert_eq!(min_items(0, 1).unwrap(), "The list has 0 items; at least 1 must be given.");
/// ```
#[inline]
pub fn min_items(found: usize, min: usize) -> Option<String> {
    (found < min).then(|| format!("The list has {found} items; at least {min} must be given."))
}

/// `#[pcr(fixed(value = ..., ...))]`: the only permitted value.
///
/// ```
/// use pcr_runtime::rules::fixed;
///
/// assert_eq!(fixed(&true, &true), None);
/// assert_eq!(fixed(&false, &true).unwrap(), "The value is false; the only permitted value is true.");
/// ```
pub fn fixed<T: PartialEq + std::fmt::Debug>(value: &T, only: &T) -> Option<String> {
    fixed_described(value, only, |v| format!("{v:?}"))
}

/// As [`fixed`], each value described by `describe` (the derive passes its
/// `Display` where it has one: a code as written, not `Known(..)`).
///
/// ```
/// use pcr_runtime::__private::fixed_described;
///
/// assert_eq!(fixed_described(&true, &true, |v| v.to_string()), None);
/// assert_eq!(
///     fixed_described(&false, &true, |v| v.to_string()).unwrap(),
///     "The value is false; the only permitted value is true.",
/// );
/// ```
#[doc(hidden)]
#[inline]
pub fn fixed_described<T: PartialEq>(
    value: &T,
    only: &T,
    describe: impl Fn(&T) -> String,
) -> Option<String> {
    (value != only).then(|| {
        format!(
            "The value is {}; the only permitted value is {}.",
            describe(value),
            describe(only)
        )
    })
}

/// `#[pcr(in_force(...))]`: the element or code is in force on the
/// context's day (from `from`, until the day before `until`); otherwise the
/// description, naming the days.
///
/// ```
/// use pcr_runtime::rules::in_force;
/// use pcr_runtime::{date, Context, InForce, Stage};
///
/// let dated = InForce { from: Some(date!(2027 - 01 - 04)), until: None };
/// let on = |day| Context::new(Stage::Second, day);
/// assert_eq!(in_force(dated, &on(date!(2027 - 01 - 04))), None);
/// assert_eq!(
///     in_force(dated, &on(date!(2027 - 01 - 03))).unwrap(),
///     "Not in force on 2027-01-03: in force from 2027-01-04.",
/// );
/// let ended = InForce { from: None, until: Some(date!(2027 - 06 - 01)) };
/// assert_eq!(
///     in_force(ended, &on(date!(2027 - 06 - 01))).unwrap(),
///     "Not in force on 2027-06-01: in force until 2027-05-31.",
/// );
/// ```
pub fn in_force(dates: InForce, ctx: &Context) -> Option<String> {
    if dates.on(ctx.today) {
        return None;
    }
    Some(not_in_force(dates, ctx.today))
}

/// The description of something not in force on `day` (cold: errors only).
#[cold]
fn not_in_force(dates: InForce, day: time::Date) -> String {
    format!("Not in force on {day}: in force {dates}.")
}

/// `#[pcr(stage(...))]`: the register accepts the value in the context's
/// stage.
///
/// ```
/// use pcr_runtime::rules::stage;
/// use pcr_runtime::{date, Context, Stage, StageRestricted};
///
/// #[derive(Debug)]
/// struct NewLoan;
/// impl StageRestricted for NewLoan {
///     fn allowed_in(&self, stage: Stage) -> bool {
///         stage != Stage::First
///     }
/// }
/// assert_eq!(stage(&NewLoan, &Context::new(Stage::Second, date!(2026 - 04 - 01))), None);
/// assert!(stage(&NewLoan, &Context::new(Stage::First, date!(2024 - 04 - 01))).is_some());
/// ```
#[inline]
pub fn stage<T: crate::StageRestricted + std::fmt::Debug>(
    value: &T,
    ctx: &Context,
) -> Option<String> {
    if value.allowed_in(ctx.stage) {
        return None;
    }
    Some(not_in_stage(value, ctx))
}

/// The description of a codeset value the stage does not allow.
#[cold]
fn not_in_stage(value: &dyn std::fmt::Debug, ctx: &Context) -> String {
    format!(
        "The value {value:?} is not allowed in the {} stage of the register.",
        ctx.stage
    )
}

/// `#[pcr(min_chars(min = N, ...))]`: at least `min` characters.
///
/// ```
/// use pcr_runtime::rules::min_chars;
///
/// assert_eq!(min_chars("äö", 2), None);
/// assert_eq!(min_chars("ä", 2).unwrap(), "The text has 1 character; at least 2 are required.");
/// ```
pub fn min_chars(value: &str, min: usize) -> Option<String> {
    let count = char_count(value);
    (count < min).then(|| {
        format!(
            "The text has {}; at least {min} are required.",
            characters(count)
        )
    })
}

/// `#[pcr(max_items(max = N, ...))]`: at most `max` items.
///
/// ```
/// use pcr_runtime::rules::max_items;
///
/// assert_eq!(max_items(2, 2), None);
/// assert_eq!(max_items(3, 2).unwrap(), "The list has 3 items; at most 2 are allowed.");
/// ```
#[inline]
pub fn max_items(found: usize, max: usize) -> Option<String> {
    (found > max).then(|| format!("The list has {found} items; at most {max} are allowed."))
}

/// `#[pcr(pattern(regex = "...", ...))]`: the whole text matches `regex`
/// (the derive anchors the pattern and compiles it once).
///
/// ```
/// use pcr_runtime::rules::pattern;
/// use pcr_runtime::__private::regex::Regex;
///
/// let regex = Regex::new("^(?:[A-Z]{2}[0-9]{2})$").unwrap();
/// assert_eq!(pattern("FI12", &regex, "[A-Z]{2}[0-9]{2}"), None);
/// assert_eq!(
///     pattern("FI1", &regex, "[A-Z]{2}[0-9]{2}").unwrap(),
///     "The text does not match the pattern `[A-Z]{2}[0-9]{2}`.",
/// );
/// ```
pub fn pattern(value: &str, regex: &regex::Regex, source: &str) -> Option<String> {
    (!regex.is_match(value)).then(|| format!("The text does not match the pattern `{source}`."))
}

/// `#[pcr(range(min = "0.00", max = "99.99", ...))]` and other bounds of
/// the value's own type: within the bounds, both included.
///
/// ```
/// use pcr_runtime::rules::range_of;
/// use rust_decimal::Decimal;
///
/// let max = Some(Decimal::new(9999, 2));
/// assert_eq!(range_of(&Decimal::new(9999, 2), None, max), None);
/// assert_eq!(
///     range_of(&Decimal::new(10000, 2), None, max).unwrap(),
///     "The value is 100.00; it must be at most 99.99.",
/// );
/// ```
pub fn range_of<N: PartialOrd + std::fmt::Display>(
    value: &N,
    min: Option<N>,
    max: Option<N>,
) -> Option<String> {
    let below = min.as_ref().is_some_and(|min| value < min);
    let above = max.as_ref().is_some_and(|max| value > max);
    (below || above).then(|| outside("value", value, shown(&min), shown(&max), NUMBER_BOUNDS))
}

/// A bound of `#[pcr(date_range(...))]`: a fixed day, or a number of days
/// from the context's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    /// This day.
    Fixed(time::Date),
    /// Today (`"today"`), or this many days after it (`"today+30"`) or
    /// before it (`"today-30"`).
    Today(i32),
}

impl DateBound {
    /// The day this bound is in `ctx`, or `None` if it lies outside the
    /// calendar `time` can hold.
    pub fn resolve(self, ctx: &Context) -> Option<time::Date> {
        match self {
            DateBound::Fixed(date) => Some(date),
            DateBound::Today(days) => ctx.today.checked_add(time::Duration::days(i64::from(days))),
        }
    }
}

/// `#[pcr(date_range(min = "2020-01-01", max = "today", ...))]`: the day is
/// within the bounds, both included.
///
/// ```
/// use pcr_runtime::rules::{date_range, DateBound};
/// use pcr_runtime::{date, Context, Stage};
///
/// let ctx = Context::new(Stage::First, date!(2024 - 01 - 04));
/// let not_future = Some(DateBound::Today(0));
/// assert_eq!(date_range(&date!(2024 - 01 - 04), None, not_future, &ctx), None);
/// assert_eq!(
///     date_range(&date!(2024 - 01 - 05), None, not_future, &ctx).unwrap(),
///     "The date is 2024-01-05; it must be on or before 2024-01-04.",
/// );
/// ```
pub fn date_range(
    value: &time::Date,
    min: Option<DateBound>,
    max: Option<DateBound>,
    ctx: &Context,
) -> Option<String> {
    let min = min.and_then(|b| b.resolve(ctx));
    let max = max.and_then(|b| b.resolve(ctx));
    let below = min.is_some_and(|min| *value < min);
    let above = max.is_some_and(|max| *value > max);
    (below || above).then(|| outside("date", value, shown(&min), shown(&max), DATE_BOUNDS))
}

/// How a lone lower and upper bound are said, of numbers and of days.
const NUMBER_BOUNDS: [&str; 2] = ["at least", "at most"];
const DATE_BOUNDS: [&str; 2] = ["on or after", "on or before"];

/// The description of a value outside its bounds (at least one given):
/// `The value is 10; it must be from 1 to 9.`
/// Not generic, so compiled once, not once per number type.
#[cold]
fn outside(
    noun: &str,
    value: &dyn std::fmt::Display,
    min: Option<&dyn std::fmt::Display>,
    max: Option<&dyn std::fmt::Display>,
    [lower, upper]: [&str; 2],
) -> String {
    let allowed = match (min, max) {
        (Some(min), Some(max)) => format!("from {min} to {max}"),
        (Some(min), None) => format!("{lower} {min}"),
        (None, Some(max)) => format!("{upper} {max}"),
        (None, None) => unreachable!("a value out of range has a bound"),
    };
    format!("The {noun} is {value}; it must be {allowed}.")
}
