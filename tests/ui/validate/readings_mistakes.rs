// `readings` names a constant `&[Reading]`, once, on a struct with named
// fields.
use pcr_runtime::json::{Place, Reading};
use pcr_runtime::Validate;

const READINGS: &[Reading] = &[Reading {
    id: "inside",
    title: "the summary inside the extract",
    places: &[Place { element: "summary", at: "extract.summary" }],
}];

#[derive(serde::Deserialize, Validate)]
#[pcr(readings = "READINGS")]
struct NotAPath {
    summary: String,
}

#[derive(serde::Deserialize, Validate)]
#[pcr(readings = READINGS, readings = READINGS)]
struct Twice {
    summary: String,
}

#[derive(serde::Deserialize, Validate)]
#[pcr(readings = READINGS)]
struct Tuple(String);

#[derive(serde::Deserialize, Validate)]
#[pcr(readings = READINGS)]
enum Body {
    Summary(String),
}

const NOT_READINGS: &str = "inside";

#[derive(serde::Deserialize, Validate)]
#[pcr(readings = NOT_READINGS)]
struct WrongType {
    summary: String,
}

fn main() {}
