//! Reading a JSON message and validating it in one step, with every error
//! in the register's terms.

use serde::de::DeserializeOwned;

use crate::{Context, Validate, ValidationError, ValidationErrors};

/// Reads `text` as a `T` and validates it.
///
/// JSON that cannot be read as `T` — malformed, a duplicate key, a wrong
/// type, an unknown field or code where `T` refuses them — is one error with
/// `schema_code` (the register's A10) at the path where reading stopped.
/// Otherwise every validation error is returned.
///
/// ```
/// use pcr_runtime::{json, Context, Stage, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// #[serde(deny_unknown_fields)]
/// struct Purposes {
///     #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
///     purposes: Vec<String>,
/// }
///
/// let ctx = Context::today(Stage::First);
/// assert!(json::read::<Purposes>(r#"{"purposes": ["x"]}"#, &ctx, "A10").is_ok());
/// let errors = json::read::<Purposes>(r#"{"purposes": []}"#, &ctx, "A10").unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().code, "PCR-TOO-FEW-ITEMS");
/// let errors = json::read::<Purposes>(r#"{"purposes": [1]}"#, &ctx, "A10").unwrap_err();
/// let error = errors.iter().next().unwrap();
/// assert_eq!((error.path.as_str(), &*error.code), ("purposes[0]", "A10"));
/// assert!(json::read::<Purposes>(r#"{"purposes": ["x"]} {}"#, &ctx, "A10").is_err());
/// ```
pub fn read<T: DeserializeOwned + Validate>(
    text: &str,
    ctx: &Context,
    schema_code: &'static str,
) -> Result<T, ValidationErrors> {
    let schema_error = |path: String, reason: &dyn std::fmt::Display| {
        let mut errors = ValidationErrors::new();
        errors.push_error(ValidationError {
            // serde_path_to_error writes the root as ".".
            path: if path == "." { String::new() } else { path },
            code: schema_code.into(),
            description: format!("The JSON does not conform to the API schema: {reason}"),
        });
        errors
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| schema_error(error.path().to_string(), error.inner()))?;
    // Text after the value is malformed JSON too.
    deserializer
        .end()
        .map_err(|error| schema_error(String::new(), &error))?;
    value.validate(ctx)?;
    Ok(value)
}
