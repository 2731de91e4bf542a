//! Helpers shared by the tests: the examples' binaries, the fixtures, the
//! context the tests validate in. (Each test uses some of them.)
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The binary of the example `name`, built (or found fresh) by cargo first,
/// so a test never runs a stale one.
pub fn example(name: &str) -> PathBuf {
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "-q", "-p", "pcr-models", "--example", name]);
    if !cfg!(debug_assertions) {
        cargo.arg("--release");
    }
    let status = cargo.status().expect("cargo runs");
    assert!(status.success(), "building the example {name} failed");
    let exe = std::env::current_exe().unwrap();
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// The path of a fixture.
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

/// A fixture, read.
pub fn fixture_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

/// The context the tests validate in: the first stage, on 2024-09-02.
pub fn ctx() -> pcr_runtime::Context {
    pcr_runtime::Context::new(
        pcr_runtime::Stage::First,
        time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    )
}
