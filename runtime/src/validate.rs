//! The `Validate` trait.

use crate::{Context, JsonPath, ValidationErrors};

/// A value that checks itself against the register's rules and reports
/// every error, not only the first.
///
/// Derive it with `#[derive(Validate)]` and `#[pcr(...)]` rules (see the
/// crate docs), or implement [`Validate::validate_into`] by hand.
///
/// ```
/// use pcr_runtime::{Context, JsonPath, Stage, Validate, ValidationErrors};
/// use time::macros::date;
///
/// struct Purposes(Vec<String>);
///
/// impl Validate for Purposes {
///     fn validate_into(&self, _: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
///         if self.0.is_empty() {
///             errors.push(path, "PCR-TOO-FEW-ITEMS", "At least one purpose.");
///         }
///     }
/// }
///
/// let ctx = Context::new(Stage::First, date!(2024 - 01 - 04));
/// let errors = Purposes(vec![]).validate(&ctx).unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().code, "PCR-TOO-FEW-ITEMS");
/// ```
pub trait Validate {
    /// Appends an error for every broken rule of `self`, which stands at
    /// `path`, to `errors`. Leaves `path` as it found it.
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors);

    /// Every error of `self`, or `Ok(())`.
    fn validate(&self, ctx: &Context) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        JsonPath::with_spare(|path| self.validate_into(ctx, path, &mut errors));
        errors.into_result()
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        (**self).validate_into(ctx, path, errors)
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        (**self).validate_into(ctx, path, errors)
    }
}

impl<T: Validate + ?Sized> Validate for std::sync::Arc<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        (**self).validate_into(ctx, path, errors)
    }
}

impl<T: Validate + ?Sized> Validate for std::rc::Rc<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        (**self).validate_into(ctx, path, errors)
    }
}

/// An absent value keeps every rule; a present one is validated.
impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into(ctx, path, errors)
        }
    }
}

/// Each item, with its index in the path.
///
/// ```
/// use pcr_runtime::{Context, JsonPath, Stage, Validate, ValidationErrors};
/// use pcr_runtime::time::Date;
///
/// struct Amount(i64);
/// impl Validate for Amount {
///     fn validate_into(&self, _: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
///         if self.0 < 0 {
///             errors.push(path, "PCR-RANGE", "Negative.");
///         }
///     }
/// }
///
/// let ctx = Context::new(Stage::First, Date::MIN);
/// let errors = vec![Amount(1), Amount(-1)].validate(&ctx).unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().path, "[1]");
/// ```
impl<T: Validate> Validate for [T] {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        // An index loop, not `iter().enumerate()`: no iterator adapters
        // compiled for every item type.
        #[allow(clippy::needless_range_loop)]
        for index in 0..self.len() {
            path.push_index(index);
            self[index].validate_into(ctx, path, errors);
            path.pop();
        }
    }
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        self.as_slice().validate_into(ctx, path, errors)
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        self.as_slice().validate_into(ctx, path, errors)
    }
}

/// Each value, with its key in the path, in key order.
impl<K: std::fmt::Display, V: Validate> Validate for std::collections::BTreeMap<K, V> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        for (key, value) in self {
            path.push_key(key.to_string());
            value.validate_into(ctx, path, errors);
            path.pop();
        }
    }
}

/// Each value, with its key in the path; in the order of the keys' text,
/// so the same map reports its errors in the same order every time.
impl<K: std::fmt::Display, V: Validate, S> Validate for std::collections::HashMap<K, V, S> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        let mut entries: Vec<(String, &V)> = self.iter().map(|(k, v)| (k.to_string(), v)).collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, value) in entries {
            path.push_key(key);
            value.validate_into(ctx, path, errors);
            path.pop();
        }
    }
}

/// What a custom rule (`#[pcr(custom = path::to_fn)]`) is handed besides
/// the value: the context, and where to report.
///
/// A field rule's function takes `(&FieldType, &mut Report)`; a rule on the
/// type takes `(&Self, &mut Report)` and can report at a member with
/// [`Report::error_at`].
///
/// ```
/// use pcr_runtime::{Context, Report, Stage, Validate};
/// use pcr_runtime::time::Date;
///
/// struct Limits { max_per_loan: u32 }
///
/// fn within_limit(amount: &u32, report: &mut Report) {
///     let max = report.user::<Limits>().map_or(u32::MAX, |l| l.max_per_loan);
///     if *amount > max {
///         report.error("LENDER-LIMIT", format!("At most {max}."));
///     }
/// }
///
/// fn dates_in_order(loan: &Loan, report: &mut Report) {
///     if loan.end < loan.start {
///         report.error_at("end", "LENDER-DATES", "The end is before the start.");
///     }
/// }
///
/// #[derive(Validate)]
/// #[pcr(custom = dates_in_order)]
/// struct Loan {
///     #[pcr(custom = within_limit)]
///     amount: u32,
///     start: u32,
///     end: u32,
/// }
///
/// let ctx = Context::new(Stage::First, Date::MIN).with_user(Limits { max_per_loan: 100 });
/// let errors = Loan { amount: 101, start: 2, end: 1 }.validate(&ctx).unwrap_err();
/// let found: Vec<_> = errors.iter().map(|e| (e.path.as_str(), &*e.code)).collect();
/// assert_eq!(found, [("amount", "LENDER-LIMIT"), ("end", "LENDER-DATES")]);
/// ```
pub struct Report<'a> {
    ctx: &'a Context,
    path: &'a mut JsonPath,
    errors: &'a mut ValidationErrors,
}

impl<'a> Report<'a> {
    /// Reports into `errors` at `path`.
    pub fn new(ctx: &'a Context, path: &'a mut JsonPath, errors: &'a mut ValidationErrors) -> Self {
        Report { ctx, path, errors }
    }

    /// The validation context.
    pub fn context(&self) -> &Context {
        self.ctx
    }

    /// The caller's own context, if one of type `U` was given with
    /// [`Context::with_user`].
    pub fn user<U: std::any::Any>(&self) -> Option<&U> {
        self.ctx.user::<U>()
    }

    /// The path of the value being checked.
    pub fn path(&self) -> &JsonPath {
        self.path
    }

    /// An error at the value being checked.
    pub fn error(
        &mut self,
        code: impl Into<std::borrow::Cow<'static, str>>,
        description: impl Into<String>,
    ) {
        self.errors.push(self.path, code, description);
    }

    /// An error at the value's member `member` (its JSON name).
    pub fn error_at(
        &mut self,
        member: &'static str,
        code: impl Into<std::borrow::Cow<'static, str>>,
        description: impl Into<String>,
    ) {
        self.path.push_field(member);
        self.errors.push(self.path, code, description);
        self.path.pop();
    }
}
