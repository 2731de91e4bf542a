//! The `disclose` example as a user runs it, on the scenario: a
//! lump-sum loan whose co-borrower was added on 2024-03-01.

mod common;

use std::process::Command;

use serde_json::Value;

fn disclose(args: &[&str]) -> (Option<i32>, Value) {
    let out = Command::new(common::example("disclose"))
        .arg(common::fixture("register-extract"))
        .args(["--today", "2024-09-02"])
        .args(args)
        .output()
        .expect("the example runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), json)
}

#[test]
fn the_original_borrower_and_the_added_co_borrower() {
    let (code, mine) = disclose(&["--reader", "010594Y9032"]);
    assert_eq!(code, Some(0));
    let loan = &mine["creditInformationSummary"]["loans"][0];
    assert_eq!(loan["contractDate"], "2023-11-20");
    assert_eq!(loan["lumpSumLoan"]["amountIssued"], 185000);
    assert_eq!(loan["defermentPeriods"][0]["startDate"], "2024-03-01");
    assert_eq!(loan["accuracyIsDenied"], true);

    let (code, theirs) = disclose(&["--added-on", "2024-03-01", "--reader", "020594X903P"]);
    assert_eq!(code, Some(0));
    let loan = &theirs["creditInformationSummary"]["loans"][0];
    assert!(loan.get("contractDate").is_none());
    assert!(loan["lumpSumLoan"].get("amountIssued").is_none());
    assert!(loan["defermentPeriods"][0].get("startDate").is_none());
    assert!(loan.get("accuracyIsDenied").is_none());
    assert!(!theirs.to_string().contains("amountIssuedDate"));
}

#[test]
fn usage_errors_exit_2_and_an_unreadable_record_1() {
    assert_eq!(disclose(&["--added-on", "2024-13-01"]).0, Some(2));
    let out = Command::new(common::example("disclose"))
        .arg(common::fixture("request"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // A request is not a register-side extract: each missing element is
    // named at its path, and so is each element an extract does not have.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("at `creditRegisterExtract`: PCR-REQUIRED"),
        "{stderr}"
    );
    assert!(
        stderr.contains("at `creditInformationSummary`: PCR-REQUIRED"),
        "{stderr}"
    );
}

#[test]
fn a_broken_record_is_refused_with_every_error_located() {
    let text = std::fs::read_to_string(common::fixture("register-extract")).unwrap();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("disclose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        Command::new(common::example("disclose"))
            .arg(&path)
            .output()
            .unwrap()
    };
    // Data after the record.
    let out = run("trailing.json", &format!("{text} {{}}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("A10"));
    // A time in the year 10000 in UTC, which once panicked in disclosure.
    let mut record: Value = serde_json::from_str(&text).unwrap();
    record["creditRegisterExtract"]["creationTimeUtc"] = "9999-12-31T23:59:59-00:01".into();
    let out = run("late.json", &record.to_string());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("at `creditRegisterExtract.creationTimeUtc`: A10"),
        "{stderr}"
    );
    // A too-large record is not read.
    let path = dir.join("record.json");
    std::fs::write(&path, &text).unwrap();
    let out = Command::new(common::example("disclose"))
        .arg(&path)
        .args(["--max-bytes", "10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 10 bytes"));
}
