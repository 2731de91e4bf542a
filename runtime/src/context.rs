//! What some rules need to know besides the value: the register's day, its
//! environment and the stage in force there on that day.
//!
//! The register moves on a calendar: its stages start on days that differ
//! per environment, and elements and codes come into force (or out of it) on
//! days of their own. A spec states those days; the generated models carry
//! them as a [`StageCalendar`] and as [`InForce`] dates, and a [`Context`]
//! made for a day and an environment applies them.

use std::any::Any;
use std::sync::Arc;

use time::{Date, OffsetDateTime, UtcOffset};

/// A stage of the register. The v1.4 document describes the first stage, in
/// which some codeset values (`NewLoan`, for one) are not allowed; since 2026
/// the register is in its second stage and accepts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Stage {
    #[default]
    /// The first stage: the stage the v1.4 document describes.
    First,
    /// The second stage, since 2026.
    Second,
}

impl Stage {
    /// `first` or `second`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::First => "first",
            Stage::Second => "second",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Stage {
    type Err = UnknownStage;

    /// `first` or `second`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "first" => Ok(Stage::First),
            "second" => Ok(Stage::Second),
            _ => Err(UnknownStage(s.to_string())),
        }
    }
}

/// One of the register's environments. Each has its own certificates and
/// its own calendar: a stage can start in the test environment on another
/// day than in production.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Environment {
    /// The stakeholder testing environment for what is in production.
    #[default]
    Test,
    /// Production.
    Production,
}

impl Environment {
    /// Every environment.
    pub const ALL: [Environment; 2] = [Environment::Test, Environment::Production];

    /// `test` or `production`, as a spec names it.
    pub fn name(self) -> &'static str {
        match self {
            Environment::Test => "test",
            Environment::Production => "production",
        }
    }
}

impl std::fmt::Display for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Environment {
    type Err = UnknownEnvironment;

    /// `test` or `production`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Environment::ALL
            .into_iter()
            .find(|e| e.name() == s)
            .ok_or_else(|| UnknownEnvironment(s.to_string()))
    }
}

/// An environment name that is neither `test` nor `production`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown register environment `{0}`: use `test` or `production`")]
pub struct UnknownEnvironment(pub String);

/// The day a stage starts in one environment (a row of a spec's `stages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StageStart {
    /// The stage.
    pub stage: Stage,
    /// Where it starts.
    pub environment: Environment,
    /// The first day of the stage there.
    pub from: Date,
}

/// When each stage of the register starts in each environment, as a spec
/// states it (the generated models export theirs as `STAGE_CALENDAR`).
///
/// ```
/// use pcr_runtime::context::{Environment, StageCalendar, StageStart};
/// use pcr_runtime::{date, Stage};
///
/// const CALENDAR: StageCalendar = StageCalendar::new(&[
///     StageStart { stage: Stage::First, environment: Environment::Production, from: date!(2024 - 04 - 01) },
///     StageStart { stage: Stage::Second, environment: Environment::Production, from: date!(2026 - 04 - 01) },
/// ]);
/// assert_eq!(CALENDAR.stage_on(Environment::Production, date!(2026 - 03 - 31)), Stage::First);
/// assert_eq!(CALENDAR.stage_on(Environment::Production, date!(2026 - 04 - 01)), Stage::Second);
/// // An environment the calendar does not list is in the first stage.
/// assert_eq!(CALENDAR.stage_on(Environment::Test, date!(2026 - 04 - 01)), Stage::First);
///
/// let ctx = CALENDAR.context(Environment::Production, date!(2026 - 12 - 07));
/// assert_eq!((ctx.stage, ctx.environment), (Stage::Second, Environment::Production));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StageCalendar {
    starts: &'static [StageStart],
}

impl StageCalendar {
    /// A calendar of these starts (in any order).
    pub const fn new(starts: &'static [StageStart]) -> Self {
        StageCalendar { starts }
    }

    /// Every start, as given.
    pub fn starts(&self) -> &'static [StageStart] {
        self.starts
    }

    /// The stage in force in `environment` on `day`: the one whose start
    /// there is the latest on or before `day`. Before the first start, and
    /// in an environment the calendar does not list, the register is taken
    /// to be in the first stage (the earliest there is).
    pub fn stage_on(&self, environment: Environment, day: Date) -> Stage {
        self.starts
            .iter()
            .filter(|s| s.environment == environment && s.from <= day)
            .max_by_key(|s| (s.from, s.stage))
            .map_or(Stage::First, |s| s.stage)
    }

    /// A context for `environment` on `day`, in the stage in force there
    /// then.
    pub fn context(&self, environment: Environment, day: Date) -> Context {
        Context::new(self.stage_on(environment, day), day).with_environment(environment)
    }

    /// A context for `environment` on the register's today
    /// ([`register_today`]), in the stage in force there today.
    pub fn context_today(&self, environment: Environment) -> Context {
        self.context(environment, register_today())
    }
}

/// The day the register's clock shows at `at`: the date in Finland
/// (Europe/Helsinki, UTC+2, UTC+3 in summer time), which is a day ahead of
/// UTC's from 21:00 or 22:00 UTC.
///
/// ```
/// use pcr_runtime::context::register_date;
/// use pcr_runtime::date;
/// use pcr_runtime::time::macros::datetime;
///
/// // Summer time (UTC+3): 21:30 UTC is 00:30 the next day in Helsinki.
/// assert_eq!(register_date(datetime!(2026-07-01 21:30 UTC)), date!(2026 - 07 - 02));
/// // Winter (UTC+2): 21:30 UTC is 23:30 the same day, 22:00 is midnight.
/// assert_eq!(register_date(datetime!(2026-01-15 21:30 UTC)), date!(2026 - 01 - 15));
/// assert_eq!(register_date(datetime!(2026-01-15 22:00 UTC)), date!(2026 - 01 - 16));
/// ```
pub fn register_date(at: OffsetDateTime) -> Date {
    static HELSINKI: jiff::tz::TimeZone = jiff::tz::get!("Europe/Helsinki");
    // jiff's timestamps span the years -9999 to 9999, as time's do by
    // default; outside them Finland's standard time, UTC+2, is the answer.
    let seconds = jiff::Timestamp::from_second(at.unix_timestamp())
        .map_or(2 * 3600, |t| HELSINKI.to_offset(t).seconds());
    let offset = UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC);
    at.checked_to_offset(offset).unwrap_or(at).date()
}

/// Today in Finland, the register's day ([`register_date`] of now).
pub fn register_today() -> Date {
    register_date(OffsetDateTime::now_utc())
}

/// The days an element or a code is in force: from `from` (that day
/// included) until `until` (that day excluded). `None` leaves that side
/// open.
///
/// ```
/// use pcr_runtime::context::InForce;
/// use pcr_runtime::date;
///
/// let dated = InForce { from: Some(date!(2027 - 01 - 04)), until: Some(date!(2028 - 01 - 01)) };
/// assert!(!dated.on(date!(2027 - 01 - 03)));
/// assert!(dated.on(date!(2027 - 01 - 04)));
/// assert!(dated.on(date!(2027 - 12 - 31)));
/// assert!(!dated.on(date!(2028 - 01 - 01)));
/// assert!(InForce::ALWAYS.on(date!(2024 - 01 - 04)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct InForce {
    /// The first day in force.
    pub from: Option<Date>,
    /// The first day no longer in force.
    pub until: Option<Date>,
}

impl InForce {
    /// In force on every day.
    pub const ALWAYS: InForce = InForce {
        from: None,
        until: None,
    };

    /// Whether it is in force on `day`.
    pub fn on(&self, day: Date) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| day < until)
    }
}

/// The days in words, as people read them (the last day in force, not
/// `until`): `from 2027-01-04 until 2027-05-31`, `from 2027-01-04`, `until
/// 2027-05-31`, `on every day`. The errors, the generated docs and the diff
/// all say the days this way.
///
/// ```
/// use pcr_runtime::{date, InForce};
///
/// let days = InForce { from: Some(date!(2027 - 01 - 04)), until: Some(date!(2027 - 06 - 01)) };
/// assert_eq!(days.to_string(), "from 2027-01-04 until 2027-05-31");
/// assert_eq!(InForce::ALWAYS.to_string(), "on every day");
/// ```
impl std::fmt::Display for InForce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let last = self.until.map(Date::previous_day);
        match (self.from, last) {
            (_, Some(None)) => f.write_str("on no day"),
            (Some(from), Some(Some(last))) => write!(f, "from {from} until {last}"),
            (Some(from), None) => write!(f, "from {from}"),
            (None, Some(Some(last))) => write!(f, "until {last}"),
            (None, None) => f.write_str("on every day"),
        }
    }
}

/// A stage name that is neither `first` nor `second`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown register stage `{0}`: use `first` or `second`")]
pub struct UnknownStage(pub String);

/// A codeset value that the register may refuse in some stage, or outside
/// the days it is in force.
///
/// Implemented by codeset enums; `#[pcr(stage(code = ...))]` calls
/// [`allowed_in`](Self::allowed_in), `#[pcr(in_force(code = ...))]`
/// [`in_force`](Self::in_force).
///
/// ```
/// use pcr_runtime::{Stage, StageRestricted};
///
/// #[derive(PartialEq)]
/// enum Purpose { NewConsumerCredit, NewLoan }
///
/// impl StageRestricted for Purpose {
///     fn allowed_in(&self, stage: Stage) -> bool {
///         !(stage == Stage::First && *self == Purpose::NewLoan)
///     }
/// }
/// assert!(!Purpose::NewLoan.allowed_in(Stage::First));
/// assert!(Purpose::NewLoan.allowed_in(Stage::Second));
/// ```
pub trait StageRestricted {
    /// Whether the register accepts the value in `stage`.
    fn allowed_in(&self, stage: Stage) -> bool;

    /// The days the value is in force; every day unless said otherwise.
    fn in_force(&self) -> InForce {
        InForce::ALWAYS
    }
}

/// What validation knows besides the value: the register's day, its
/// environment, the stage, and optionally a context of the caller's own for
/// custom rules.
///
/// Made for a day and an environment by a [`StageCalendar`] (the generated
/// models' `STAGE_CALENDAR`), the stage is the one in force there on that
/// day; [`Context::with_stage`] overrides it.
///
/// ```
/// use pcr_runtime::context::Environment;
/// use pcr_runtime::{date, Context, Stage};
///
/// let ctx = Context::new(Stage::First, date!(2024 - 03 - 01));
/// assert_eq!((ctx.stage, ctx.environment), (Stage::First, Environment::Test));
/// assert_eq!(ctx.clone().with_stage(Stage::Second).stage, Stage::Second);
///
/// struct Lender { max_loans: usize }
/// let ctx = ctx.with_user(Lender { max_loans: 3 });
/// assert_eq!(ctx.user::<Lender>().map(|l| l.max_loans), Some(3));
/// assert!(ctx.user::<String>().is_none());
/// ```
#[derive(Clone)]
pub struct Context {
    /// The register stage the request is sent to.
    pub stage: Stage,
    /// Today, the register's day, for rules about dates (a personal identity
    /// code cannot carry a birth date after today; an element in force from
    /// a day is refused before it).
    pub today: Date,
    /// The environment the request is sent to.
    pub environment: Environment,
    /// The caller's own context, for custom rules.
    user: Option<Arc<dyn Any + Send + Sync>>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("stage", &self.stage)
            .field("today", &self.today)
            .field("environment", &self.environment)
            .field("user", &self.user.as_ref().map(|_| ".."))
            .finish()
    }
}

/// Two contexts are equal when their stage, day and environment are, and they hold the
/// same user context (the same allocation) or none.
impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        self.stage == other.stage
            && self.today == other.today
            && self.environment == other.environment
            && match (&self.user, &other.user) {
                (None, None) => true,
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                _ => false,
            }
    }
}

impl Eq for Context {}

impl Context {
    /// A context for `stage` on the day `today`, in the test environment.
    /// [`StageCalendar::context`] finds the stage for a day instead.
    pub fn new(stage: Stage, today: Date) -> Self {
        Context {
            stage,
            today,
            environment: Environment::Test,
            user: None,
        }
    }

    /// This context in another stage than the calendar's (an explicit
    /// stage overrides the one in force).
    pub fn with_stage(mut self, stage: Stage) -> Self {
        self.stage = stage;
        self
    }

    /// This context for another environment (the stage is left as it is).
    pub fn with_environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// This context with the caller's own `user` context, which custom
    /// rules read with [`Context::user`] (or `Report::user`).
    pub fn with_user(mut self, user: impl Any + Send + Sync) -> Self {
        self.user = Some(Arc::new(user));
        self
    }

    /// The caller's context, if one of type `U` was given.
    pub fn user<U: Any>(&self) -> Option<&U> {
        self.user.as_deref()?.downcast_ref::<U>()
    }

    /// The given stage on the register's today (the day in Finland, see
    /// [`register_today`]), in the test environment.
    pub fn today(stage: Stage) -> Self {
        Context::new(stage, register_today())
    }
}
