//! Benchmarks of the workspace, and what they compare against. The inputs
//! and the contenders live here so tests can check that every contender
//! judges every input the same way before the benchmarks time them.

// The extract's schema is one deep `json!` literal.
#![recursion_limit = "256"]

pub mod garde_models;
pub mod inputs;
pub mod plain_models;
pub mod schema;

use pcr_runtime::{Context, Stage, Structure, Validate};
use serde::de::DeserializeOwned;

/// A fixed context, so a run does not depend on the day.
pub fn context() -> Context {
    Context::new(
        Stage::First,
        time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    )
}

/// (a0) The plain floor: serde_json into the same shape as plain std types
/// (`plain_models`), no custom deserializer, no validation.
pub fn plain_floor<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// (a) The floor: serde alone into the generated structs.
pub fn floor<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// (b) Ours: the generated structs, read and validated by
/// `pcr_runtime::json::read`, the function users call (size limit, UTF-8,
/// structs from objects only, every rule; the structural walk only when
/// serde refuses the body).
pub fn ours<T: DeserializeOwned + Validate + Structure>(
    text: &str,
    ctx: &Context,
) -> Result<T, usize> {
    pcr_runtime::json::read(text, ctx, &pcr_models::READ_OPTIONS)
        .map(pcr_runtime::json::Parsed::into_value)
        .map_err(|error| match error {
            pcr_runtime::json::ReadError::Invalid(errors) => errors.len(),
            _ => 1,
        })
}

/// (c) garde: hand-written structs, read and validated.
pub fn garde<T: DeserializeOwned + garde::Validate<Context = ()>>(text: &str) -> Result<T, usize> {
    let value: T = serde_json::from_str(text).map_err(|_| 1usize)?;
    value.validate().map_err(|report| report.iter().count())?;
    Ok(value)
}

/// (d) JSON Schema: a `Value` checked, then converted into the generated
/// structs.
pub fn json_schema<T: DeserializeOwned>(
    validator: &jsonschema::Validator,
    text: &str,
) -> Result<T, usize> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| 1usize)?;
    let errors = validator.iter_errors(&value).count();
    if errors > 0 {
        return Err(errors);
    }
    serde_json::from_value(value).map_err(|_| 1usize)
}

/// A compiled validator for a schema.
pub fn validator(schema: &serde_json::Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).expect("a valid schema")
}

/// The 50-loan register-side extract and a party added on 2024-03-01 who
/// reads it: the disclosure benchmark's input.
pub fn disclosure_input() -> (
    pcr_models::extract::register::Message,
    pcr_runtime::DisclosureContext,
) {
    let record =
        serde_json::from_str(&inputs::register_extract(50)).expect("the register-side input reads");
    let ctx = pcr_runtime::DisclosureContext {
        party: pcr_runtime::Party::AddedOn(
            time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap(),
        ),
        reader_id_code: Some("020594X903P".into()),
        today: time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    };
    (record, ctx)
}
