//! `spec/spec.schema.json`, the JSON Schema editors use to check a spec as
//! it is typed, accepts the specs the loader accepts and refuses the shapes
//! the loader refuses.

use serde_json::Value;

const V14: &str = include_str!("../../spec/credit-register-extract/v1.4.yaml");
const MINIMAL: &str = include_str!("specs/minimal.yaml");
/// Every key of the format, `stages`, `from`, `until` and page sources among them.
const TOUR: &str = include_str!("../../tests/downstream-build/specs/feature-tour.yaml");
const SCHEMA: &str = include_str!("../../spec/spec.schema.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid JSON Schema")
}

/// The YAML read the way an editor's YAML plugin reads it.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("valid YAML")
}

fn errors(text: &str) -> Vec<String> {
    validator()
        .iter_errors(&yaml(text))
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_specs_the_loader_accepts_are_valid() {
    for (name, text) in [("v1.4", V14), ("minimal", MINIMAL), ("feature tour", TOUR)] {
        pcr_codegen::spec::load_str(name, text).unwrap_or_else(|d| panic!("{d}"));
        let errors = errors(text);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let cases = [
        (
            "unknown element key",
            MINIMAL.replacen("codeset: IdCodeType\n", "codest: IdCodeType\n", 1),
        ),
        (
            "unknown data type",
            MINIMAL.replacen("data_type: Enum", "data_type: Enumeration", 1),
        ),
        ("P/E/V", MINIMAL.replacen("required: P", "required: X", 1)),
        (
            "bad date",
            MINIMAL.replacen("date: 2024-01-01\n  stage", "date: 1 Jan 2024\n  stage", 1),
        ),
        (
            "bad stage",
            MINIMAL.replacen("stage: first", "stage: third", 1),
        ),
        (
            "structured rule without error",
            MINIMAL.replacen("            error: D40\n", "", 1),
        ),
        (
            "codeset with values and standard",
            MINIMAL.replacen(
                "standard: iso-3166-1-alpha-2",
                "standard: iso-3166-1-alpha-2, values: [{code: FI, label: Finland}]",
                1,
            ),
        ),
        (
            "unknown marker",
            V14.replacen("markers: [\"*\", \"1\"]", "markers: [\"*\", \"3\"]", 1),
        ),
        (
            "project code shaped like the register's",
            MINIMAL
                .replacen("code: PCR-REQUIRED", "code: X99", 1)
                .replace("PCR-REQUIRED", "X99"),
        ),
    ];
    for (what, text) in cases {
        assert!(
            !errors(&text).is_empty(),
            "the schema accepts a spec with a bad {what}"
        );
        assert!(
            pcr_codegen::spec::load_str("case.yaml", &text).is_err(),
            "the loader accepts a spec with a bad {what}"
        );
    }
}
