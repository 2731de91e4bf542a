//! `#[derive(Validate)]` describes a downstream type's JSON structure, so
//! `json::read` reports its structural errors at their paths too.

// The fields are read by serde and the derive, not by the tests.
#![allow(dead_code)]

use pcr_runtime::json::{self, ReadOptions};
use pcr_runtime::structure::{Shape, Structure, Unknown};
use pcr_runtime::{Context, Stage, Validate};

const OPTIONS: ReadOptions = ReadOptions::new("A10", "REQ");

/// A type with no `Structure` of its own: its field is judged by serde.
#[derive(Debug, serde::Deserialize)]
struct Opaque {
    inner: u8,
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Loan {
    loan_id: String,
    #[pcr(range(min = 1, max = 12, code = "MONTH"))]
    due_month: u32,
    #[serde(default)]
    tags: Vec<String>,
    note: Option<String>,
    #[serde(skip)]
    cached: u8,
    opaque: Option<Opaque>,
    #[pcr(nested)]
    parts: Vec<Part>,
}

#[derive(Debug, serde::Deserialize, Validate)]
struct Part {
    #[serde(with = "pcr_runtime::wire::decimal")]
    amount: pcr_runtime::rust_decimal::Decimal,
    #[serde(with = "pcr_runtime::wire::date")]
    due: time::Date,
}

#[derive(Debug, serde::Deserialize, Validate)]
struct Wrapper<T> {
    value: T,
}

fn found(body: &str) -> Vec<(String, String)> {
    match json::read::<Loan>(body, &Context::today(Stage::First), &OPTIONS) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .into_errors()
            .unwrap()
            .into_iter()
            .map(|e| (e.path, e.code.into_owned()))
            .collect(),
    }
}

fn at(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

#[test]
fn the_derived_structure_follows_serde_names_defaults_and_skips() {
    let Shape::Object(object) = Loan::shape() else {
        panic!("a struct is an object")
    };
    let members: Vec<(&str, bool)> = object
        .members
        .iter()
        .map(|m| (m.name, m.required))
        .collect();
    assert_eq!(
        members,
        [
            ("loanId", true),
            ("dueMonth", true),
            ("tags", false),
            ("note", false),
            ("opaque", false),
            ("parts", true),
        ]
    );
    assert_eq!(object.unknown, Unknown::Deny);
    let Shape::Object(part) = Part::shape() else {
        panic!("an object")
    };
    assert_eq!(part.unknown, Unknown::Ignore);
    // A field of a type without `Structure` (here a generic one) is `Any`.
    let Shape::Object(wrapper) = Wrapper::<Opaque>::shape() else {
        panic!("an object")
    };
    assert!(matches!((wrapper.members[0].shape)(), Shape::Any));
}

#[test]
fn a_valid_body_reads_and_rules_still_run() {
    let body =
        r#"{"loanId": "L1", "dueMonth": 13, "parts": [{"amount": 1.50, "due": "2024-01-31"}]}"#;
    assert_eq!(found(body), [at("dueMonth", "MONTH")]);
}

#[test]
fn every_structural_error_of_a_downstream_type_is_at_its_path() {
    let body = r#"{"dueMonth": -1, "tags": "x", "note": 5, "colour": 1,
                   "opaque": {"inner": 1},
                   "parts": [{"amount": "1", "due": "+2024-01-31"}, {"due": "2024-01-31"}]}"#;
    assert_eq!(
        found(body),
        [
            at("dueMonth", "A10"),
            at("tags", "A10"),
            at("note", "A10"),
            at("colour", "A10"),
            at("parts[0].amount", "A10"),
            at("parts[0].due", "A10"),
            at("parts[1].amount", "REQ"),
            at("loanId", "REQ"),
        ]
    );
}

#[test]
fn what_the_structure_cannot_see_is_still_reported_by_serde() {
    // `Opaque` has no structure: the walk lets it pass, and serde's own
    // error is reported at the path where serde stopped.
    let body = r#"{"loanId": "L1", "dueMonth": 1, "opaque": {"inner": "x"}, "parts": []}"#;
    assert_eq!(found(body), [at("opaque.inner", "A10")]);
}
