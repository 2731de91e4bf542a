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
        self.validate_into(ctx, &mut JsonPath::new(), &mut errors);
        errors.into_result()
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, ctx: &Context, path: &mut JsonPath, errors: &mut ValidationErrors) {
        (**self).validate_into(ctx, path, errors)
    }
}
