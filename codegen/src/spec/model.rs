//! The checked model of a spec. Every value read from the YAML keeps its
//! position ([`Spanned`]) so later stages can point at it.
//!
//! The keys are described, with examples, in `spec/README.md`.

use super::{Pos, Spanned};

/// One API description, transcribed.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The file it was loaded from, as given to the loader.
    pub file: String,
    /// The version of the spec format ([`SPEC_FORMAT`]).
    pub spec_format: Spanned<u32>,
    /// Which document this transcribes.
    pub document: Document,
    /// The format rules of section 2.2.
    pub format_rules: FormatRules,
    /// The error codes the rules report.
    pub error_codes: Vec<ErrorCode>,
    /// The codes of the rules elements carry without a row of their own.
    pub implicit_errors: ImplicitErrors,
    /// The codesets of section 1.3.
    pub codesets: Vec<Codeset>,
    /// The HTTP statuses of the response and the messages each carries.
    pub http_statuses: Vec<HttpStatus>,
    /// The footnote markers and what each withholds.
    pub footnote_markers: Vec<FootnoteMarker>,
    /// The request and response messages, with their tables.
    pub messages: Vec<Message>,
    /// The endpoint itself, from the register's pages (the API description
    /// does not name it). Optional: older specs lack it.
    pub api: Option<Api>,
    /// When each stage of the register starts in each environment, oldest
    /// first. Optional: a spec without it knows only `document.stage`.
    pub stages: Vec<StageDates>,
}

/// One stage of the register and the day it starts in each environment.
#[derive(Debug, Clone, PartialEq)]
pub struct StageDates {
    /// The stage.
    pub stage: Spanned<Stage>,
    /// The day it starts, per environment.
    pub starts: Vec<StageStart>,
    /// Decisions taken where the pages disagree.
    pub decisions: Vec<Decision>,
    /// Where the stage is in the spec.
    pub pos: Pos,
}

/// The day a stage starts in one environment, and who says so.
#[derive(Debug, Clone, PartialEq)]
pub struct StageStart {
    /// An environment name: `production` or `test`.
    pub environment: Spanned<String>,
    /// The first day of the stage there.
    pub date: Spanned<time::Date>,
    /// The page that gives the day.
    pub source: Option<Source>,
}

/// The days an element or a codeset value is in force: from `from`
/// (included) until `until` (excluded). Both absent: always.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InForce {
    /// The first day in force (included).
    pub from: Option<Spanned<time::Date>>,
    /// The first day no longer in force (excluded).
    pub until: Option<Spanned<time::Date>>,
}

impl InForce {
    /// Whether either day is given.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// The days, as the runtime holds them (and says them, with `Display`:
    /// `from 2027-01-04 until 2027-05-31`).
    pub fn days(&self) -> pcr_runtime::InForce {
        pcr_runtime::InForce {
            from: self.from.as_ref().map(|d| d.value),
            until: self.until.as_ref().map(|d| d.value),
        }
    }
}

/// The endpoint: how a request reaches the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The endpoint's name on the register's pages, e.g. `GetCreditRegisterExtract`.
    pub name: Spanned<String>,
    /// The HTTP method, e.g. `POST`.
    pub method: Spanned<String>,
    /// The path after the base URL, e.g. `/GetCreditRegisterExtract`.
    pub path: Spanned<String>,
    /// The content type of the bodies, e.g. `application/json`.
    pub content_type: Spanned<String>,
    /// The id of the message the request body is.
    pub request: Spanned<String>,
    /// The client certificate the caller presents (mutual TLS).
    pub client_certificate: ClientCertificate,
    /// Where the endpoint is served.
    pub environments: Vec<Environment>,
    /// The page that describes the endpoint.
    pub source: Option<Source>,
    /// Decisions taken where the pages leave it open.
    pub decisions: Vec<Decision>,
}

/// The certificate a caller must present.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientCertificate {
    /// What the certificate is issued for, e.g. `requesting data`.
    pub purpose: Spanned<String>,
    /// The page that requires it.
    pub source: Option<Source>,
}

/// One environment of the endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Environment {
    /// `production`, `test`, ...
    pub name: Spanned<String>,
    /// `https://...`, without a trailing `/`.
    pub base_url: Spanned<String>,
    /// The code of the request's target environment codeset that a request
    /// to it carries, e.g. `Test`.
    pub target_environment: Option<Spanned<String>>,
    /// The page that gives the address.
    pub source: Option<Source>,
    /// Decisions taken where the pages leave it open.
    pub decisions: Vec<Decision>,
}

/// The HTTP methods an `api` may name.
pub const HTTP_METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// The spec format version this loader reads.
pub const SPEC_FORMAT: u32 = 1;

/// The document transcribed.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Short id of the API, e.g. `credit-register-extract`.
    pub id: Spanned<String>,
    /// Its full title.
    pub title: Spanned<String>,
    /// Its version, e.g. `1.4`.
    pub version: Spanned<String>,
    /// The day it was published.
    pub date: Spanned<time::Date>,
    /// Who published it.
    pub publisher: Option<Spanned<String>>,
    /// The file of the converted text whose line numbers `source` cites.
    pub source_text: Option<Spanned<String>>,
    /// The number of lines of `source_text`; every cited line lies in it.
    pub source_lines: Option<Spanned<u32>>,
    /// The register stage the document describes.
    pub stage: Spanned<Stage>,
    /// Its version history table.
    pub history: Vec<HistoryEntry>,
}

/// One row of the document's version history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// The version.
    pub version: Spanned<String>,
    /// Its day.
    pub date: Spanned<time::Date>,
    /// What changed, as the row says.
    pub description: Spanned<String>,
    /// Where the row is.
    pub source: Option<Source>,
}

/// A stage of the register. Some codeset values are not allowed in the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The first stage (from April 2024).
    First,
    /// The second stage (from April 2026).
    Second,
}

impl Stage {
    /// Each stage with its name in the spec.
    pub const ALL: [(&'static str, Stage); 2] =
        [("first", Stage::First), ("second", Stage::Second)];

    /// Its name in the spec: `first`, `second`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::First => "first",
            Stage::Second => "second",
        }
    }
}

/// Where something was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A section of the document and the line of its converted text.
    Document {
        /// The section number, e.g. `3.3`.
        section: Spanned<String>,
        /// The line of the converted text, where cited.
        line: Option<Spanned<u32>>,
    },
    /// A page that is not the document (a register page, a delivery
    /// report), by its title, address and the day it was read.
    Page {
        /// The page's title.
        title: Spanned<String>,
        /// Its address (`https://`).
        address: Spanned<String>,
        /// The day it was read.
        read: Spanned<time::Date>,
    },
    /// Anything else, e.g. `shared/DOMAIN-NOTES.md`.
    Reference(Spanned<String>),
}

impl std::fmt::Display for Source {
    /// "section 3.3 (line 210)", a page as `"TITLE" (<ADDRESS>, read DAY)`,
    /// or a reference as written: how the generated docs, the schemas and
    /// the diff cite it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Document {
                section,
                line: Some(line),
            } => write!(f, "section {} (line {})", section.value, line.value),
            Source::Document {
                section,
                line: None,
            } => write!(f, "section {}", section.value),
            Source::Page {
                title,
                address,
                read,
            } => write!(
                f,
                "\"{}\" (<{}>, read {})",
                title.value, address.value, read.value
            ),
            Source::Reference(reference) => f.write_str(&reference.value),
        }
    }
}

/// A decision taken where the converted text is ambiguous, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// What was decided, in a few words.
    pub topic: Spanned<String>,
    /// The decision and its reason.
    pub text: Spanned<String>,
}

/// The format rules of section 2.2.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatRules {
    /// Which messages the rules apply to (requests).
    pub applies_to: Spanned<Direction>,
    /// The section's text.
    pub text: Spanned<String>,
    /// Where the section is.
    pub source: Option<Source>,
    /// The rule for codeset values.
    pub enum_rule: EnumRule,
    /// The rule for texts.
    pub string_rule: StringRule,
}

/// How codeset values are written (section 2.2).
#[derive(Debug, Clone, PartialEq)]
pub struct EnumRule {
    /// The rule's text.
    pub text: Spanned<String>,
    /// Whether codes are compared ignoring case.
    pub case_insensitive: Spanned<bool>,
    /// Whether the numeric form is accepted.
    pub numeric_form: Spanned<NumericForm>,
    /// Where the rule is.
    pub source: Option<Source>,
}

/// Whether an enum may be sent as its number (`TargetEnvironment: 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericForm {
    /// Refused.
    Rejected,
    /// Accepted.
    Accepted,
}

/// What a text may hold (section 2.2): its length and characters.
#[derive(Debug, Clone, PartialEq)]
pub struct StringRule {
    /// The rule's text.
    pub text: Spanned<String>,
    /// The most characters a text may have.
    pub max_length: Spanned<u32>,
    /// What the length counts.
    pub length_unit: Spanned<LengthUnit>,
    /// Whether texts are compared ignoring case.
    pub case_insensitive: Spanned<bool>,
    /// The characters a text may hold.
    pub allowed_characters: Vec<Spanned<CharClass>>,
    /// Where the rule is.
    pub source: Option<Source>,
    /// Decisions taken where the rule is ambiguous.
    pub decisions: Vec<Decision>,
}

/// What a text's length counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthUnit {
    /// Unicode scalar values, not bytes.
    Characters,
}

/// Part of an allowed character set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharClass {
    /// Every character from the first to the second, both included.
    Range(char, char),
    /// Each of these characters.
    Chars(String),
}

impl CharClass {
    /// Whether `c` is in the class.
    pub fn contains(&self, c: char) -> bool {
        match self {
            CharClass::Range(from, to) => (*from..=*to).contains(&c),
            CharClass::Chars(chars) => chars.contains(c),
        }
    }
}

/// An error code and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorCode {
    /// The code, e.g. `D40`.
    pub code: Spanned<String>,
    /// Whose code it is.
    pub owner: Spanned<Owner>,
    /// What it means.
    pub description: Spanned<String>,
    /// Who checks it: the validators, or only the register (E20, a look-up).
    pub checked_by: Spanned<CheckedBy>,
    /// Where it is listed.
    pub source: Option<Source>,
}

/// Whose error code it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Published by the register.
    Register,
    /// This project's own, for a rule whose register code is not public.
    Project,
}

/// Who checks a code's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckedBy {
    /// The generated validators (and the register).
    Validators,
    /// Only the register: it needs the register's data.
    Register,
}

/// Error codes of the rules that elements carry without a row of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct ImplicitErrors {
    /// Malformed JSON, a wrong JSON type, an unknown field or codeset value.
    pub schema: Spanned<String>,
    /// A required (P) element is missing.
    pub required: Spanned<String>,
    /// A text longer than the format rules allow.
    pub max_length: Spanned<String>,
    /// A character the format rules do not allow.
    pub allowed_characters: Spanned<String>,
    /// A number out of its range.
    pub range: Spanned<String>,
    /// A value other than the fixed one.
    pub fixed: Spanned<String>,
    /// A code not allowed in the stage.
    pub stage: Spanned<String>,
    /// An element or code used outside the days it is in force. Optional:
    /// required once an element or value gives `from` or `until`.
    pub in_force: Option<Spanned<String>>,
}

impl ImplicitErrors {
    /// Each code with the key it was given under.
    pub fn all(&self) -> Vec<(&'static str, &Spanned<String>)> {
        let mut all = vec![
            ("schema", &self.schema),
            ("required", &self.required),
            ("max_length", &self.max_length),
            ("allowed_characters", &self.allowed_characters),
            ("range", &self.range),
            ("fixed", &self.fixed),
            ("stage", &self.stage),
        ];
        all.extend(self.in_force.as_ref().map(|code| ("in_force", code)));
        all
    }
}

/// A codeset: its codes, or the external standard it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Codeset {
    /// The name in parentheses in section 1.3, e.g. `LoanType`.
    pub id: Spanned<String>,
    /// Its name in the document, e.g. "Type of loan".
    pub name: Spanned<String>,
    /// Other names the document uses for it ("Type of loan").
    pub also_called: Vec<Spanned<String>>,
    /// Its values, or its standard.
    pub content: CodesetContent,
    /// Where it is listed.
    pub source: Option<Source>,
    /// Decisions taken where the document is ambiguous.
    pub decisions: Vec<Decision>,
    /// Where it is in the spec.
    pub pos: Pos,
}

/// What a codeset holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CodesetContent {
    /// Values listed in the document.
    Listed(Vec<CodesetValue>),
    /// An external standard the document refers to.
    Standard(Spanned<Standard>),
}

/// An external standard of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// ISO 3166-1 alpha-2 country codes.
    Iso3166Alpha2,
    /// ISO 4217 currency codes.
    Iso4217,
}

impl Standard {
    /// Each standard with its name in the spec.
    pub const ALL: [(&'static str, Standard); 2] = [
        ("iso-3166-1-alpha-2", Standard::Iso3166Alpha2),
        ("iso-4217", Standard::Iso4217),
    ];

    /// Its name in the spec, e.g. `iso-4217`.
    pub fn name(self) -> &'static str {
        match self {
            Standard::Iso3166Alpha2 => "iso-3166-1-alpha-2",
            Standard::Iso4217 => "iso-4217",
        }
    }
}

/// One value of a listed codeset.
#[derive(Debug, Clone, PartialEq)]
pub struct CodesetValue {
    /// The code sent in JSON, e.g. `LumpSumLoan`.
    pub code: Spanned<String>,
    /// The document's label.
    pub label: Spanned<String>,
    /// Stages in which the register does not accept the value.
    pub not_allowed_in_stages: Vec<Spanned<Stage>>,
    /// The days the value is in force.
    pub in_force: InForce,
    /// Where it is listed.
    pub source: Option<Source>,
    /// Decisions taken where the document is ambiguous.
    pub decisions: Vec<Decision>,
}

impl Codeset {
    /// The listed values, or none for an external standard.
    pub fn values(&self) -> &[CodesetValue] {
        match &self.content {
            CodesetContent::Listed(values) => values,
            CodesetContent::Standard(_) => &[],
        }
    }

    /// The value with this code, compared case-insensitively as section 2.2
    /// compares codeset values.
    pub fn value(&self, code: &str) -> Option<&CodesetValue> {
        self.values()
            .iter()
            .find(|v| v.code.value.eq_ignore_ascii_case(code))
    }
}

/// An HTTP status of the response.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpStatus {
    /// The status code, e.g. `400`.
    pub status: Spanned<u16>,
    /// Its reason phrase as the document gives it.
    pub reason: Spanned<String>,
    /// Ids of the messages that can be the body of a response with it.
    pub messages: Vec<Spanned<String>>,
    /// Where it is listed.
    pub source: Option<Source>,
    /// Decisions taken where the document is ambiguous.
    pub decisions: Vec<Decision>,
}

/// A footnote marker that withholds elements from a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Marker {
    /// `*`: not returned when the loan is in a debt-arrangement payment plan
    /// or a business restructuring program.
    Asterisk,
    /// Superscript 1: not returned to a party added to the loan later than
    /// the compared date.
    One,
    /// Superscript 2: not returned to a party added to the loan on or later
    /// than the compared date.
    Two,
}

impl Marker {
    /// Each marker with its symbol in the spec.
    pub const ALL: [(&'static str, Marker); 3] = [
        ("*", Marker::Asterisk),
        ("1", Marker::One),
        ("2", Marker::Two),
    ];

    /// Its symbol: `*`, `1` or `2`.
    pub fn symbol(self) -> &'static str {
        match self {
            Marker::Asterisk => "*",
            Marker::One => "1",
            Marker::Two => "2",
        }
    }

    /// Whether the marker compares a date with the day a party was added.
    pub fn compares_date(self) -> bool {
        matches!(self, Marker::One | Marker::Two)
    }
}

/// A footnote marker's definition.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteMarker {
    /// The marker.
    pub marker: Spanned<Marker>,
    /// The footnote's text.
    pub text: Spanned<String>,
    /// What it withholds, machine-checkable.
    pub effect: MarkerEffect,
    /// Where the footnote is.
    pub source: Option<Source>,
}

/// What a footnote marker withholds.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkerEffect {
    /// Withheld when any of these loan elements is true.
    WithheldWhenAnyTrue(Vec<Spanned<String>>),
    /// Withheld from a party that is not an original party, by the compared
    /// date and the day the party was added.
    WithheldWhenDate(Spanned<DateComparison>),
}

/// How a marker compares its date with the day a party was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateComparison {
    /// Withheld if the date is earlier than the day the party was added.
    EarlierThanAdded,
    /// Withheld if the date is earlier than or the same as that day.
    EarlierThanOrSameAsAdded,
}

/// Whether a message is sent to the register or received from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Sent to the register.
    Request,
    /// Received from the register.
    Response,
}

/// A message: a request, or a response body, with its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// `request`, `extract`, `deceased`, `invalid_request`.
    pub id: Spanned<String>,
    /// Its name in the document.
    pub name: Spanned<String>,
    /// Sent or received.
    pub direction: Spanned<Direction>,
    /// Notes of the table.
    pub notes: Vec<Spanned<String>>,
    /// Decisions taken where the table is ambiguous.
    pub decisions: Vec<Decision>,
    /// Where its table is.
    pub source: Option<Source>,
    /// The table's rows, nested as the groups are.
    pub elements: Vec<Element>,
    /// Other nestings of the elements that an answer may follow, each with
    /// its evidence: a response reader accepts an answer in one and reads
    /// it into this layout, with a notice naming the reading.
    pub readings: Vec<Reading>,
    /// Where it is in the spec.
    pub pos: Pos,
}

/// Another nesting of a message's elements, where the converted tables
/// leave the nesting in doubt.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// `groups-inside-extract`: lower case, digits and hyphens.
    pub id: Spanned<String>,
    /// What it is, in a line.
    pub title: Spanned<String>,
    /// What speaks for it.
    pub evidence: Spanned<String>,
    /// What speaks against it, or how little the evidence weighs.
    pub weakness: Spanned<String>,
    /// Where its evidence is.
    pub source: Vec<Source>,
    /// The elements it puts elsewhere.
    pub places: Vec<ReadingPlace>,
    /// Where it is in the spec.
    pub pos: Pos,
}

/// One element a reading puts elsewhere: dotted JSON names from the
/// message's top, lists stepped through without an index.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingPlace {
    /// Where the spec puts it: `creditInformationSummary.loans`.
    pub element: Spanned<String>,
    /// Where the reading puts it: `creditRegisterExtract.loans`.
    pub at: Spanned<String>,
}

/// One row of a table: a data element or a group of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The JSON name, in parentheses in the document.
    pub json: Spanned<String>,
    /// The English name before the parentheses, without markers.
    pub name: Spanned<String>,
    /// The data type as the document writes it ("Enum List", "String
    /// (GUID)"); absent on a group row.
    pub data_type: Option<Spanned<String>>,
    /// What the data type and `elements` make of the element.
    pub shape: Shape,
    /// P, E or V, where the table has the column.
    pub required: Option<Spanned<Required>>,
    /// The Permissible values column, as written.
    pub permissible: Option<Spanned<String>>,
    /// The codeset id of an Enum element.
    pub codeset: Option<Spanned<String>>,
    /// The numeric range, from the Permissible values column.
    pub range: Option<Spanned<Range>>,
    /// Whether the element takes only one value (the codeset's one, or `true`).
    pub fixed: Option<Spanned<bool>>,
    /// The processing rules.
    pub rules: Vec<Rule>,
    /// Notes of the row.
    pub notes: Vec<Spanned<String>>,
    /// When a response element is returned.
    pub presence: Option<Presence>,
    /// The footnote markers on the row.
    pub markers: Vec<Spanned<Marker>>,
    /// The date a marker 1 or 2 compares.
    pub compared_date: Option<Spanned<ComparedDate>>,
    /// The days the element is in force: refused in a request, withheld from
    /// a response, on any other day.
    pub in_force: InForce,
    /// Held by the register but never part of a serialized message: a date
    /// that a marker compares.
    pub register_side: bool,
    /// The JSON name the element had in the previous document version, when
    /// it was renamed (for `pcr-codegen diff`).
    pub renamed_from: Option<Spanned<String>>,
    /// On a list of groups: the name of the struct of one item, where the
    /// singular the generator makes of the JSON name is wrong
    /// (`sumOfMonthlyLeasingInstalments` is a list of sums).
    pub item_name: Option<Spanned<String>>,
    /// On a register-side list: it is the loan's parties, and these are the
    /// elements of each party by role (section 4 compares a party's own
    /// added date, and drops a loan for a removed party).
    pub parties: Option<PartyRoles>,
    /// Where the row is.
    pub source: Vec<Source>,
    /// Decisions taken where the row is ambiguous.
    pub decisions: Vec<Decision>,
    /// A group's elements.
    pub elements: Vec<Element>,
    /// The position of the element's mapping.
    pub pos: Pos,
    /// `messages[ID].a.b`, for diagnostics.
    pub path: String,
}

/// The elements of a party record, by role.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyRoles {
    /// The party's ID code (String).
    pub id_code: Spanned<String>,
    /// Whether it is an original party (Boolean).
    pub original: Spanned<String>,
    /// The day it was added (Date).
    pub added: Spanned<String>,
    /// The day it was removed (Date).
    pub removed: Spanned<String>,
    /// Where it is in the spec.
    pub pos: Pos,
}

impl PartyRoles {
    /// Each role's name in the spec with the element it names.
    pub fn all(&self) -> [(&'static str, &Spanned<String>); 4] {
        [
            ("id_code", &self.id_code),
            ("original", &self.original),
            ("added", &self.added),
            ("removed", &self.removed),
        ]
    }
}

impl Element {
    /// Whether the element's range lies within `u32` (from 0 up), so that
    /// an Int is generated as `u32` and its schema bounded by it.
    pub fn fits_u32(&self) -> bool {
        self.range.as_ref().is_some_and(|r| {
            r.value.min.is_some_and(|min| min >= 0)
                && r.value.max.is_none_or(|max| max <= u32::MAX as i64)
        })
    }

    /// Whether a message of `direction` may lack the element, so that the
    /// generated type holds it in an `Option`. In a request: E and V. The
    /// response tables have no P/E/V column: there an element may be absent
    /// when a marker or a "returned if" condition withholds it, and a group
    /// when every element of it may be absent, and an element in force
    /// only on some days. (The generator and the diff
    /// both ask this, so they cannot disagree.)
    pub fn may_be_absent(&self, direction: Direction) -> bool {
        match direction {
            Direction::Request => matches!(
                self.required.as_ref().map(|r| r.value),
                Some(Required::E | Required::V)
            ),
            Direction::Response => {
                let withheld =
                    !self.markers.is_empty() || self.presence.is_some() || self.in_force.is_dated();
                let empty_group = self.shape == Shape::Group
                    && self
                        .elements
                        .iter()
                        .filter(|e| !e.register_side)
                        .all(|e| e.may_be_absent(direction));
                withheld || empty_group
            }
        }
    }
}

impl Element {
    /// Whether a message of `direction` may leave the member out (or write
    /// `null`): an element that may be absent ([`Element::may_be_absent`]),
    /// or a response's list, which reads as empty when it is left out
    /// ([`Element::empty_when_left_out`]).
    pub fn may_be_left_out(&self, direction: Direction) -> bool {
        self.may_be_absent(direction) || self.empty_when_left_out(direction)
    }

    /// Whether the element is a list that is always there in the models but
    /// may be left out of a message of `direction`, and is then read as
    /// empty: a response may leave out an empty list, or write `null`.
    pub fn empty_when_left_out(&self, direction: Direction) -> bool {
        direction == Direction::Response && self.shape.is_list() && !self.may_be_absent(direction)
    }
}

/// The rules an element carries without a row of its own, beside the rules
/// its row states: what the generated validators check and the exported
/// schemas say alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImplicitRules {
    /// A required (P) plain text: neither empty nor only white space (as
    /// good as missing otherwise).
    pub non_blank: bool,
    /// A plain text in a message the format rules of section 2.2 apply to:
    /// at most `max_length` characters, each an allowed one.
    pub format: bool,
}

impl Spec {
    /// The implicit rules of `element` in a message of `direction`.
    pub fn implicit_rules(&self, element: &Element, direction: Direction) -> ImplicitRules {
        let plain_text =
            element.shape.scalar() == Some(ScalarType::String) && element.codeset.is_none();
        let required = element.required.as_ref().map(|r| r.value) == Some(Required::P);
        ImplicitRules {
            non_blank: plain_text && required,
            format: plain_text && self.format_rules.applies_to.value == direction,
        }
    }
}

/// What an element is, from its data type and whether it has elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One value.
    Scalar(ScalarType),
    /// A list of scalars ("List Enum", "Enum List").
    ScalarList(ScalarType),
    /// An object with elements (a group row without a data type).
    Group,
    /// A list of objects ("List" with elements).
    GroupList,
}

impl Shape {
    /// Whether it is a list.
    pub fn is_list(self) -> bool {
        matches!(self, Shape::ScalarList(_) | Shape::GroupList)
    }

    /// The scalar type of a value or a list of values.
    pub fn scalar(self) -> Option<ScalarType> {
        match self {
            Shape::Scalar(t) | Shape::ScalarList(t) => Some(t),
            Shape::Group | Shape::GroupList => None,
        }
    }
}

/// The scalar data types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarType {
    /// Text.
    String,
    /// A GUID.
    Guid,
    /// A date and time (UTC).
    Datetime,
    /// A day.
    Date,
    /// An integer.
    Int,
    /// A decimal number.
    Decimal,
    /// `true` or `false`.
    Boolean,
    /// A code of a codeset.
    Enum,
}

/// The data types the documents write, and what each means.
pub const DATA_TYPES: [(&str, Option<Shape>); 12] = [
    ("String", Some(Shape::Scalar(ScalarType::String))),
    ("String (GUID)", Some(Shape::Scalar(ScalarType::Guid))),
    ("Guid", Some(Shape::Scalar(ScalarType::Guid))),
    ("Datetime", Some(Shape::Scalar(ScalarType::Datetime))),
    ("Date", Some(Shape::Scalar(ScalarType::Date))),
    ("Int", Some(Shape::Scalar(ScalarType::Int))),
    ("Decimal", Some(Shape::Scalar(ScalarType::Decimal))),
    ("Boolean", Some(Shape::Scalar(ScalarType::Boolean))),
    ("Enum", Some(Shape::Scalar(ScalarType::Enum))),
    ("List Enum", Some(Shape::ScalarList(ScalarType::Enum))),
    ("Enum List", Some(Shape::ScalarList(ScalarType::Enum))),
    // A list of objects: needs `elements`.
    ("List", None),
];

/// Required (P), conditionally required (E) or optional (V).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// Required.
    P,
    /// Conditionally required, by a rule.
    E,
    /// Optional.
    V,
}

/// A numeric range, bounds included. The documents give integer bounds
/// (`>=0`) only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The least value, if bounded below.
    pub min: Option<i64>,
    /// The greatest value, if bounded above.
    pub max: Option<i64>,
}

/// A processing rule of an element.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The Processing rules column, as written.
    pub text: Spanned<String>,
    /// Whether the document or the domain notes state it.
    pub origin: Spanned<Origin>,
    /// The machine-checkable form, where there is one.
    pub check: Option<Spanned<Check>>,
    /// The error code it reports.
    pub error: Option<Spanned<String>>,
    /// Where it is in the spec.
    pub pos: Pos,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The document's table.
    Document,
    /// `shared/DOMAIN-NOTES.md`: facts from outside the document.
    DomainNotes,
}

/// The machine-checkable form of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Check {
    /// Required when a sibling has a value.
    RequiredIf {
        /// The sibling, by its JSON name.
        element: Spanned<String>,
        /// The value that makes the element required.
        equals: Spanned<String>,
    },
    /// Absent when a sibling has a value (a response states it: no payment
    /// delays are reported for a guarantee receivable).
    AbsentIf {
        /// The sibling, by its JSON name.
        element: Spanned<String>,
        /// The value that makes the element absent.
        equals: Spanned<String>,
    },
    /// Only these values of the element's codeset are permitted.
    AllowedValues(Vec<Spanned<String>>),
    /// A list with at least this many items.
    MinItems(Spanned<u32>),
    /// An ID code whose format a sibling's type of ID code chooses.
    IdCode {
        /// The sibling that holds the type of ID code.
        type_element: Spanned<String>,
        /// Which code of the type element calls for which format.
        formats: Vec<(Spanned<String>, Spanned<IdFormat>)>,
    },
}

/// A format of Finnish ID code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFormat {
    /// `DDMMYYCZZZQ`, with its check character.
    PersonalIdentityCode,
    /// `NNNNNNN-C`, with its check digit.
    BusinessId,
}

impl IdFormat {
    /// Each format with its name in the spec.
    pub const ALL: [(&'static str, IdFormat); 2] = [
        ("personal_identity_code", IdFormat::PersonalIdentityCode),
        ("business_id", IdFormat::BusinessId),
    ];
}

/// When a response element is returned ("returned if ...").
#[derive(Debug, Clone, PartialEq)]
pub struct Presence {
    /// The Returned if text, as written.
    pub text: Spanned<String>,
    /// The machine-checkable form, where there is one.
    pub returned_if: Option<Spanned<Condition>>,
}

/// A "returned if" condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// An element, named relative to the group that holds this one, has the
    /// value (a codeset code or `true`/`false`).
    Equals {
        /// The element compared.
        element: Spanned<String>,
        /// The value.
        value: Spanned<String>,
    },
    /// An element has one of the values.
    In {
        /// The element compared.
        element: Spanned<String>,
        /// The values.
        values: Vec<Spanned<String>>,
    },
    /// An element has none of the values.
    NotIn {
        /// The element compared.
        element: Spanned<String>,
        /// The values.
        values: Vec<Spanned<String>>,
    },
    /// No more than `years` have passed since the date in `element`.
    WithinYearsAfter {
        /// The Date element.
        element: Spanned<String>,
        /// The years.
        years: Spanned<u32>,
    },
    /// Shown only to the reader whose ID code the (register-side) element
    /// holds.
    ReaderIs {
        /// The register-side element that holds the ID code.
        element: Spanned<String>,
    },
    /// Returned when the register holds a value for it.
    Reported,
}

impl std::fmt::Display for Condition {
    /// The condition in words, for the generated docs and the diff:
    /// "returned if `loanType` is one of `LumpSumLoan`, `GuaranteeReceivable`".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes = |values: &[Spanned<String>]| {
            values
                .iter()
                .map(|v| format!("`{}`", v.value))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Condition::Equals { element, value } => {
                write!(f, "returned if `{}` is `{}`", element.value, value.value)
            }
            Condition::In { element, values } => {
                write!(
                    f,
                    "returned if `{}` is one of {}",
                    element.value,
                    codes(values)
                )
            }
            Condition::NotIn { element, values } => {
                write!(
                    f,
                    "returned unless `{}` is one of {}",
                    element.value,
                    codes(values)
                )
            }
            Condition::WithinYearsAfter { element, years } => write!(
                f,
                "returned while no more than {} year(s) have passed since `{}`",
                years.value, element.value
            ),
            Condition::ReaderIs { element } => {
                write!(
                    f,
                    "shown only to the reader whose ID code `{}` holds",
                    element.value
                )
            }
            Condition::Reported => f.write_str("returned when the register holds a value"),
        }
    }
}

/// The date that a marker 1 or 2 compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComparedDate {
    /// The element is itself the date.
    ItSelf,
    /// A Date element of the same group (possibly register-side).
    Element(String),
}
