//! The checked-in models are what the generator makes of the spec now, and
//! the generator makes the same bytes every time. When this fails, run
//! `cargo run -p pcr-codegen -- generate` and commit the result.

#[path = "../../codegen/src/defaults.rs"]
mod defaults;

use std::path::{Path, PathBuf};

/// The workspace root and the default spec, loaded under the name
/// `generate` gives it (so the generated header matches).
fn default_spec() -> (PathBuf, pcr_codegen::spec::Spec) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(defaults::DEFAULT_SPEC)).unwrap();
    let spec = pcr_codegen::spec::load_str(defaults::DEFAULT_SPEC, &text)
        .unwrap_or_else(|d| panic!("{d}"));
    (root, spec)
}

#[test]
fn checked_in_models_are_up_to_date() {
    let (root, spec) = default_spec();
    let file = pcr_codegen::emit::emit_with(&spec, &defaults::default_options())
        .unwrap_or_else(|d| panic!("{d}"));
    let checked_in =
        std::fs::read_to_string(root.join(defaults::DEFAULT_OUT).join(&file.name)).unwrap();
    assert!(
        checked_in == file.contents,
        "generated/src/{} is stale: run `cargo run -p pcr-codegen -- generate` and commit it",
        file.name
    );
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/credit-register-extract/v1.4.yaml");
    let once = pcr_codegen::emit::emit(&pcr_codegen::spec::load(&path).unwrap()).unwrap();
    let twice = pcr_codegen::emit::emit(&pcr_codegen::spec::load(&path).unwrap()).unwrap();
    assert_eq!(once, twice);
}

/// The checked-in schemas (`generated/schema`) are what `generate` writes
/// now, and no file there is left over from an older spec.
#[test]
fn checked_in_schemas_are_up_to_date() {
    let (root, spec) = default_spec();
    let mut files = pcr_codegen::schema::json_schemas(&spec);
    files.extend(pcr_codegen::schema::openapi(&spec));
    assert!(files.len() > spec.messages.len(), "an OpenAPI document too");
    let dir = root.join(defaults::DEFAULT_SCHEMA_OUT);
    for file in &files {
        let checked_in = std::fs::read_to_string(dir.join(&file.name)).unwrap_or_default();
        assert!(
            checked_in == file.contents,
            "generated/schema/{} is stale: run `cargo run -p pcr-codegen -- generate` and commit it",
            file.name
        );
    }
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    let mut expected: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    expected.sort();
    assert_eq!(
        present, expected,
        "generated/schema holds exactly what generate writes"
    );
}
