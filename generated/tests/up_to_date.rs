//! The checked-in models are what the generator makes of the spec now, and
//! the generator makes the same bytes every time. When this fails, run
//! `cargo run -p pcr-codegen -- generate` and commit the result.

use std::path::Path;

#[test]
fn checked_in_models_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // Named as `generate` names it, so the header matches.
    let text = std::fs::read_to_string(root.join(pcr_codegen::DEFAULT_SPEC)).unwrap();
    let spec = pcr_codegen::spec::load_str(pcr_codegen::DEFAULT_SPEC, &text)
        .unwrap_or_else(|d| panic!("{d}"));
    let file = pcr_codegen::emit::emit(&spec).unwrap_or_else(|d| panic!("{d}"));
    let checked_in =
        std::fs::read_to_string(root.join(pcr_codegen::DEFAULT_OUT).join(&file.name)).unwrap();
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
