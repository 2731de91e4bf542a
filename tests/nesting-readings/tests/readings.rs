//! Each other reading of the nesting, generated from the spec with one
//! edit: its models compile (this crate builds), read the fixtures reshaped
//! to match, and refuse the fixtures in this spec's shape loudly, naming the
//! place the reading expects.

use nesting_readings::{groups_inside_extract, loans_beside_summary, request_flat};
use pcr_runtime::json::{self, ReadOptions};
use pcr_runtime::{Context, Stage, Structure, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/../../generated/tests/fixtures/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ctx() -> Context {
    Context::new(
        Stage::First,
        time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    )
}

/// (path, code, description) of each error, or none.
fn read<T: DeserializeOwned + Validate + Structure>(
    body: &Value,
    options: &ReadOptions,
) -> Vec<(String, String, String)> {
    match json::read::<T>(body.to_string(), &ctx(), options) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .into_errors()
            .unwrap()
            .into_iter()
            .map(|e| (e.path, e.code.into_owned(), e.description))
            .collect(),
    }
}

/// Moves the member `name` of the object at `from` into the object at `to`.
fn relocate(body: &mut Value, from: &str, name: &str, to: &str) {
    let value = body
        .pointer_mut(from)
        .and_then(Value::as_object_mut)
        .and_then(|o| o.remove(name))
        .unwrap_or_else(|| panic!("no {name} at {from:?}"));
    body.pointer_mut(to).unwrap()[name] = value;
}

#[test]
fn the_extract_groups_inside_credit_register_extract() {
    use groups_inside_extract::{extract, READ_OPTIONS};
    let mut body = fixture("extract");
    for group in [
        "personRequested",
        "owner",
        "voluntaryBanOnCredits",
        "creditInformationSummary",
        "incomeData",
    ] {
        relocate(&mut body, "", group, "/creditRegisterExtract");
    }
    assert_eq!(read::<extract::Message>(&body, &READ_OPTIONS), []);
    // This spec's shape, read in that reading: each group is named where it
    // was found, with the place the reading expects.
    let errors = read::<extract::Message>(&fixture("extract"), &READ_OPTIONS);
    let owner = errors
        .iter()
        .find(|e| e.0 == "owner")
        .expect("owner reported");
    assert_eq!(owner.1, "A10");
    assert!(
        owner.2.contains("`creditRegisterExtract.owner`"),
        "{}",
        owner.2
    );
}

#[test]
fn the_loans_beside_the_summary() {
    use loans_beside_summary::{extract, READ_OPTIONS};
    let mut body = fixture("extract");
    relocate(&mut body, "/creditInformationSummary", "loans", "");
    assert_eq!(read::<extract::Message>(&body, &READ_OPTIONS), []);
    let errors = read::<extract::Message>(&fixture("extract"), &READ_OPTIONS);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "creditInformationSummary.loans");
    assert!(
        errors[0].2.contains("the spec puts it at `loans`"),
        "{}",
        errors[0].2
    );
}

#[test]
fn the_request_flat() {
    use request_flat::{request, READ_OPTIONS};
    let mut body = fixture("request");
    for field in ["idCodeType", "idCode", "creditRegisterExtractPurpose"] {
        relocate(&mut body, "/request", field, "");
    }
    body.as_object_mut().unwrap().remove("request");
    assert_eq!(read::<request::Message>(&body, &READ_OPTIONS), []);
    // This spec's shape: the person's fields are missing at the top level,
    // and `request` is no element of that reading.
    let errors = read::<request::Message>(&fixture("request"), &READ_OPTIONS);
    let codes: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.0.as_str(), e.1.as_str()))
        .collect();
    assert!(codes.contains(&("request", "A10")), "{codes:?}");
    assert!(codes.contains(&("idCode", "PCR-REQUIRED")), "{codes:?}");
}
