//! Disclosure: the extract a reader may see of the data the register holds.
//!
//! Section 3.3 and section 4 of the API description withhold data:
//! - marker `*`: not returned when the loan is in a debt-arrangement payment
//!   plan or a business restructuring program;
//! - superscript 1: not returned to a party that is not an original party to
//!   the loan if the compared date is earlier than the day the party was
//!   added; superscript 2: earlier than or the same day;
//! - "returned if" conditions.
//!
//! `#[derive(Disclose)]` on a register-side type (one that also holds the
//! dates the markers compare) makes the wire type a reader gets; the helpers
//! here are what it calls.

use time::Date;

/// The register-side data to the extract a reader may see.
pub trait Disclose {
    /// The type of the extract: the wire type, without register-side data.
    type Output;

    /// Discloses `self` within `scope` (what enclosing data decided).
    fn disclose_in(&self, ctx: &DisclosureContext, scope: Scope) -> Self::Output;

    /// Whether `self`, an item of a list, is disclosed at all: a loan is
    /// not disclosed to a reader who is not, or is no longer, its party
    /// (section 4). Lists of nested items keep only those for which it is
    /// true.
    fn is_disclosed_in(&self, _ctx: &DisclosureContext, _scope: Scope) -> bool {
        true
    }

    /// The extract `ctx`'s reader may see.
    fn disclose(&self, ctx: &DisclosureContext) -> Self::Output {
        self.disclose_in(ctx, Scope::default())
    }
}

/// Who reads the extract, as far as the filters care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// Added to the loan with a New loans report when it was reported.
    Original,
    /// Added later, with a Changes to loans report, on this day.
    AddedOn(Date),
    /// Not a party to the loan, or removed from it: nothing of the loan is
    /// disclosed (section 4).
    NotAParty,
}

/// One party of a loan as the register holds it, for [`party_in`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyRecord<'a> {
    /// The party's ID code.
    pub id_code: &'a str,
    /// Added with the New loans report that reported the loan.
    pub original: bool,
    /// The day the party was added.
    pub added: Option<Date>,
    /// The day the party was removed, if it was.
    pub removed: Option<Date>,
}

/// The reader's place in one loan, from the loan's parties: an original
/// party, a party added on a day, or not a party (never added, or removed
/// on or before today). A loan that lists no parties, or a reader without
/// an ID code, leaves the context's `party` as it is.
///
/// ```
/// use pcr_runtime::disclosure::{party_in, DisclosureContext, Party, PartyRecord};
/// use time::macros::date;
///
/// let ctx = DisclosureContext {
///     party: Party::Original,
///     reader_id_code: Some("020594X903P".into()),
///     today: date!(2024 - 09 - 02),
/// };
/// let borrower = PartyRecord { id_code: "010594Y9032", original: true, added: None, removed: None };
/// let added = PartyRecord { id_code: "020594x903p", original: false, added: Some(date!(2024 - 03 - 01)), removed: None };
/// assert_eq!(party_in([borrower, added], &ctx), Party::AddedOn(date!(2024 - 03 - 01)));
/// let removed = PartyRecord { removed: Some(date!(2024 - 08 - 01)), ..added };
/// assert_eq!(party_in([borrower, removed], &ctx), Party::NotAParty);
/// assert_eq!(party_in([borrower], &ctx), Party::NotAParty);
/// assert_eq!(party_in([], &ctx), Party::Original);
/// ```
pub fn party_in<'a>(
    parties: impl IntoIterator<Item = PartyRecord<'a>>,
    ctx: &DisclosureContext,
) -> Party {
    let Some(reader) = &ctx.reader_id_code else {
        return ctx.party;
    };
    let mut listed = false;
    for party in parties {
        listed = true;
        if party.id_code.is_empty() || !crate::text::eq_ignore_case(party.id_code, reader) {
            continue;
        }
        if party.removed.is_some_and(|removed| removed <= ctx.today) {
            return Party::NotAParty;
        }
        return match (party.original, party.added) {
            (true, _) => Party::Original,
            (false, Some(added)) => Party::AddedOn(added),
            // Added later on an unknown day: nothing dated can be shown
            // to be recent enough.
            (false, None) => Party::AddedOn(Date::MAX),
        };
    }
    if listed {
        Party::NotAParty
    } else {
        ctx.party
    }
}

/// What disclosure needs to know about the reader and the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosureContext {
    /// Whether the person requested is an original party to the loan.
    pub party: Party,
    /// The ID code of the person requested, for data shown only to the
    /// borrower concerned (`accuracyIsDenied`). Compared ignoring case.
    pub reader_id_code: Option<String>,
    /// Today, for "returned while no more than a year has passed".
    pub today: Date,
}

/// What enclosing data decided for the data within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scope {
    /// The enclosing loan is in a debt-arrangement payment plan or a
    /// business restructuring program: `*` data is withheld.
    pub in_payment_plan: bool,
    /// The reader's place in the enclosing loan, from its parties; `None`
    /// outside a loan, where the context's `party` holds.
    pub party: Option<Party>,
}

impl Scope {
    /// The reader's place here: the enclosing loan's, or the context's.
    pub fn party(&self, ctx: &DisclosureContext) -> Party {
        self.party.unwrap_or(ctx.party)
    }
}

/// A flag that may be absent: absent counts as false ("not returned if the
/// value reported is 'false' or null").
pub trait Flag {
    /// Whether the flag is present and true.
    fn is_true(&self) -> bool;
}

impl Flag for bool {
    fn is_true(&self) -> bool {
        *self
    }
}

impl Flag for Option<bool> {
    fn is_true(&self) -> bool {
        *self == Some(true)
    }
}

/// Text that may be absent (a register-side ID code).
pub trait MaybeText {
    /// The text, if there is some.
    fn text(&self) -> Option<&str>;
}

impl MaybeText for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl MaybeText for Option<String> {
    fn text(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// A date that may be absent.
pub trait MaybeDate {
    /// The date, if there is one.
    fn date(&self) -> Option<Date>;
}

impl MaybeDate for Date {
    fn date(&self) -> Option<Date> {
        Some(*self)
    }
}

impl MaybeDate for Option<Date> {
    fn date(&self) -> Option<Date> {
        *self
    }
}

/// Superscript 1: withheld from a party added later if the compared date is
/// earlier than the day the party was added. A missing compared date cannot
/// show the data is recent enough, so it is withheld too.
///
/// ```
/// use pcr_runtime::disclosure::{withheld_before_added, Party};
/// use time::macros::date;
///
/// let added = Party::AddedOn(date!(2024 - 03 - 01));
/// assert!(withheld_before_added(&date!(2024 - 02 - 29), added));
/// assert!(!withheld_before_added(&date!(2024 - 03 - 01), added));
/// assert!(!withheld_before_added(&date!(2024 - 02 - 29), Party::Original));
/// ```
pub fn withheld_before_added(date: &impl MaybeDate, party: Party) -> bool {
    match party {
        Party::Original => false,
        Party::AddedOn(added) => date.date().is_none_or(|d| d < added),
        Party::NotAParty => true,
    }
}

/// Superscript 2: withheld from a party added later if the compared date is
/// earlier than or the same as the day the party was added (a missing date
/// is withheld, as for superscript 1).
///
/// ```
/// use pcr_runtime::disclosure::{withheld_unless_after_added, Party};
/// use time::macros::date;
///
/// let added = Party::AddedOn(date!(2024 - 03 - 01));
/// assert!(withheld_unless_after_added(&date!(2024 - 03 - 01), added));
/// assert!(!withheld_unless_after_added(&date!(2024 - 03 - 02), added));
/// ```
pub fn withheld_unless_after_added(date: &impl MaybeDate, party: Party) -> bool {
    match party {
        Party::Original => false,
        Party::AddedOn(added) => date.date().is_none_or(|d| d <= added),
        Party::NotAParty => true,
    }
}

/// The same day `years` later; 29 February falls on 28 February in a year
/// without it (a period ends on the last day of the month when the month
/// has no such day).
///
/// ```
/// use pcr_runtime::disclosure::years_after;
/// use time::macros::date;
///
/// assert_eq!(years_after(date!(2023 - 03 - 10), 1), date!(2024 - 03 - 10));
/// assert_eq!(years_after(date!(2024 - 02 - 29), 1), date!(2025 - 02 - 28));
/// ```
pub fn years_after(date: Date, years: u32) -> Date {
    let year = date.year() + years as i32;
    date.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, date.month(), date.day() - 1))
        .unwrap_or(Date::MAX)
}

/// "Returned if no more than `years` have passed since `date`": true on
/// the anniversary itself, false the day after. Data without the date (a
/// period not yet ended) is returned.
///
/// ```
/// use pcr_runtime::disclosure::returned_within_years;
/// use time::macros::date;
///
/// let ended = date!(2023 - 03 - 10);
/// assert!(returned_within_years(&ended, 1, date!(2024 - 03 - 10)));
/// assert!(!returned_within_years(&ended, 1, date!(2024 - 03 - 11)));
/// ```
pub fn returned_within_years(date: &impl MaybeDate, years: u32, today: Date) -> bool {
    date.date().is_none_or(|d| today <= years_after(d, years))
}

/// "Shown only in the extract of" the person whose ID code is `id`.
///
/// ```
/// use pcr_runtime::disclosure::{returned_to_reader, DisclosureContext, Party};
/// use time::macros::date;
///
/// let ctx = DisclosureContext {
///     party: Party::Original,
///     reader_id_code: Some("010594Y9032".into()),
///     today: date!(2024 - 03 - 15),
/// };
/// assert!(returned_to_reader(&Some("010594y9032".to_string()), &ctx));
/// assert!(!returned_to_reader(&Some("020594X903P".to_string()), &ctx));
/// assert!(!returned_to_reader(&None, &ctx));
/// ```
pub fn returned_to_reader(id: &Option<String>, ctx: &DisclosureContext) -> bool {
    match (id, &ctx.reader_id_code) {
        (Some(id), Some(reader)) => crate::text::eq_ignore_case(id, reader),
        _ => false,
    }
}

/// `returned_if(equals = ...)`: the value is `expected`.
pub fn equals<T: PartialEq>(value: &T, expected: &T) -> bool {
    value == expected
}

/// `returned_if(in = [...])`: the value is one of `values`.
pub fn one_of<T: PartialEq>(value: &T, values: &[T]) -> bool {
    values.contains(value)
}

/// The disclosed form of each item of a list that `keep` keeps, made by
/// `one`: what the derive writes for a list. A loop into a vector of the
/// list's length, rather than `filter`, `map` and `collect`, whose adapters
/// and collecting code were compiled for every list type (a third of the
/// LLVM IR of pcr-models' register-side forms, `cargo llvm-lines`).
///
/// ```
/// use pcr_runtime::disclosure::disclose_list;
/// let kept = disclose_list(&[1, 2, 3, 4], |n| n % 2 == 0, |n| n * 10);
/// assert_eq!(kept, vec![20, 40]);
/// ```
pub fn disclose_list<T, U>(
    items: &[T],
    keep: impl Fn(&T) -> bool,
    one: impl Fn(&T) -> U,
) -> Vec<U> {
    let mut disclosed = Vec::with_capacity(items.len());
    for item in items {
        if keep(item) {
            disclosed.push(one(item));
        }
    }
    disclosed
}
