//! The emitted code of small specs that cover every feature, as snapshots
//! (`cargo insta review` to accept a change). The same specs are compiled
//! and used by `tests/downstream-build`, so a snapshot is never code that
//! does not build.

use std::path::Path;

fn emit(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let spec = pcr_codegen::spec::load_str(path, &text).unwrap_or_else(|d| panic!("{d}"));
    pcr_codegen::emit::emit(&spec)
        .unwrap_or_else(|d| panic!("{d}"))
        .contents
}

#[test]
fn feature_tour() {
    insta::assert_snapshot!(emit("tests/downstream-build/specs/feature-tour.yaml"));
}

#[test]
fn minimal() {
    insta::assert_snapshot!(emit("codegen/tests/specs/minimal.yaml"));
}

#[test]
fn a_label_edit_changes_exactly_its_doc_comment() {
    let path = "tests/downstream-build/specs/feature-tour.yaml";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let edited = text.replacen("label: An ordinary purpose", "label: A common purpose", 1);
    let before = emit(path);
    let spec = pcr_codegen::spec::load_str(path, &edited).unwrap();
    let after = pcr_codegen::emit::emit(&spec).unwrap().contents;
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        changed,
        [
            (
                "        /// An ordinary purpose (`Ordinary`).",
                "        /// A common purpose (`Ordinary`)."
            ),
            (
                "        #[pcr(code = \"Ordinary\", label = \"An ordinary purpose\")]",
                "        #[pcr(code = \"Ordinary\", label = \"A common purpose\")]"
            ),
        ]
    );
}

/// The exported schemas carry the days a member or a code is in force,
/// as the spec writes them, where validators ignore them.
#[test]
fn the_schemas_say_the_days_in_force() {
    let path = "tests/downstream-build/specs/feature-tour.yaml";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let spec = pcr_codegen::spec::load_str(path, &text).unwrap_or_else(|d| panic!("{d}"));
    let schemas = pcr_codegen::schema::json_schemas(&spec);
    let schema = |name: &str| -> serde_json::Value {
        let file = schemas.iter().find(|f| f.name == name).unwrap();
        serde_json::from_str(&file.contents).unwrap()
    };
    let ask = schema("ask.schema.json");
    assert_eq!(
        ask["properties"]["remark"]["x-pcr-in-force"],
        serde_json::json!({"from": "2027-01-04"})
    );
    assert!(ask["properties"]["count"].get("x-pcr-in-force").is_none());
    let purpose = ask["$defs"]
        .as_object()
        .unwrap()
        .values()
        .find(|d| d.get("x-pcr-codes-in-force").is_some())
        .expect("a codeset with a dated code");
    assert_eq!(
        purpose["x-pcr-codes-in-force"],
        serde_json::json!({"Retired": {"until": "2027-06-01"}})
    );
    let answer = schema("answer.schema.json").to_string();
    assert!(
        answer.contains(r#""incomeNote":{"#)
            && answer.contains(r#""x-pcr-in-force":{"from":"2027-01-04"}"#),
        "{answer}"
    );
}

/// The filter a footnote marker generates is the date comparison the spec
/// states for it, not the marker's name: marker 1 with "earlier than or the
/// same as" withholds a date on the day the party was added too.
#[test]
fn a_marker_filters_by_the_comparison_the_spec_states() {
    let path = "tests/downstream-build/specs/feature-tour.yaml";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let before = emit(path);
    let edited = text.replacen(
        "withheld_when_date: earlier_than_added}",
        "withheld_when_date: earlier_than_or_same_as_added}",
        1,
    );
    assert_ne!(edited, text);
    let spec = pcr_codegen::spec::load_str(path, &edited).unwrap();
    let after = pcr_codegen::emit::emit(&spec).unwrap().contents;
    let count = |code: &str, rule: &str| code.matches(rule).count();
    let strict = "withheld_unless_after_added";
    let lenient = "withheld_before_added";
    assert!(count(&before, lenient) > 0);
    assert_eq!(
        count(&after, lenient),
        0,
        "every marker 1 now compares as the spec says"
    );
    assert_eq!(
        count(&after, strict),
        count(&before, strict) + count(&before, lenient)
    );
}

#[test]
fn a_runtime_option_that_is_not_a_path_is_refused_and_a_renamed_one_is_used() {
    let path = "codegen/tests/specs/minimal.yaml";
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let spec = pcr_codegen::spec::load_str(path, &text).unwrap();
    let with = |runtime: &str| {
        pcr_codegen::emit::emit_with(
            &spec,
            &pcr_codegen::emit::Options {
                runtime: runtime.to_string(),
                ..pcr_codegen::emit::Options::default()
            },
        )
    };
    let refused = with("not a path").unwrap_err().to_string();
    assert!(
        refused.contains("`not a path` is not a Rust path to the runtime crate"),
        "{refused}"
    );
    let renamed = with("::my_models::pcr_runtime").unwrap().contents;
    assert!(renamed.contains("::my_models::pcr_runtime::Validate"));
    assert!(
        !renamed.contains(" ::pcr_runtime::"),
        "every path is renamed"
    );
    // The default, spelt with spaces, is the default.
    assert_eq!(
        with(":: pcr_runtime").unwrap().contents,
        pcr_codegen::emit::emit(&spec).unwrap().contents
    );
}
