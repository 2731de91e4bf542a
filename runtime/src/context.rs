//! What some rules need to know besides the value: the register's stage and
//! today's date.

use std::any::Any;
use std::sync::Arc;

use time::Date;

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

/// A stage name that is neither `first` nor `second`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown register stage `{0}`: use `first` or `second`")]
pub struct UnknownStage(pub String);

/// A codeset value that the register may refuse in some stage.
///
/// Implemented by codeset enums; `#[pcr(stage(code = ...))]` calls it.
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
}

/// What validation knows besides the value: the register's stage, today,
/// and optionally a context of the caller's own for custom rules.
///
/// ```
/// use pcr_runtime::{date, Context, Stage};
///
/// let ctx = Context::new(Stage::First, date!(2024 - 03 - 01));
/// assert_eq!(ctx.stage, Stage::First);
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
    /// Today, for rules about dates (a personal identity code cannot carry a
    /// birth date after today).
    pub today: Date,
    /// The caller's own context, for custom rules.
    user: Option<Arc<dyn Any + Send + Sync>>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("stage", &self.stage)
            .field("today", &self.today)
            .field("user", &self.user.as_ref().map(|_| ".."))
            .finish()
    }
}

/// Two contexts are equal when their stage and day are, and they hold the
/// same user context (the same allocation) or none.
impl PartialEq for Context {
    fn eq(&self, other: &Self) -> bool {
        self.stage == other.stage
            && self.today == other.today
            && match (&self.user, &other.user) {
                (None, None) => true,
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                _ => false,
            }
    }
}

impl Eq for Context {}

impl Context {
    /// A context for `stage` on the day `today`.
    pub fn new(stage: Stage, today: Date) -> Self {
        Context {
            stage,
            today,
            user: None,
        }
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

    /// The given stage, with today's date in UTC from the system clock.
    pub fn today(stage: Stage) -> Self {
        Context::new(stage, time::OffsetDateTime::now_utc().date())
    }
}
