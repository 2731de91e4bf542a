//! The `validate` example as a user runs it: exit codes 0, 1 and 2, and the
//! register-style body with every error.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

mod common;

use common::fixture;

fn example() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| common::example("validate")).clone()
}

fn run(args: &[&str]) -> Output {
    Command::new(example())
        .args(args)
        .output()
        .expect("the example runs")
}

/// Writes `text` to a file of its own and returns the path.
fn file(name: &str, text: &str) -> String {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// (fieldName, errorCode) of every error in the printed body.
fn errors(out: &Output) -> Vec<(String, String)> {
    let body: Value = serde_json::from_slice(&out.stdout).expect("a JSON body");
    assert_eq!(body["statusMessage"], "Bad request");
    let guid = body["correlationId"].as_str().unwrap();
    assert!(pcr_runtime::uuid::Uuid::parse_str(guid).is_ok(), "{guid}");
    body["errorResponses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["fieldName"].as_str().unwrap().to_string(),
                e["errorCode"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn e(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

#[test]
fn valid_messages_print_valid() {
    for (message, name) in [
        ("request", "request"),
        ("extract", "extract"),
        ("deceased", "deceased"),
        ("invalid_request", "invalid_request"),
        ("200", "extract"),
        ("200", "deceased"),
    ] {
        let out = run(&[message, &fixture(name)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{message} {name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), "valid\n");
    }
}

#[test]
fn a_foreign_business_id_without_country_code_is_d40() {
    let text = std::fs::read_to_string(fixture("request"))
        .unwrap()
        .replace("\"BusinessId\"", "\"ForeignBusinessId\"")
        .replace("0737546-2", "SE5560000001");
    let out = run(&["request", &file("d40.json", &text)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(errors(&out), [e("owner.countryCode", "D40")]);
}

#[test]
fn every_validation_error_is_listed() {
    let text = std::fs::read_to_string(fixture("request"))
        .unwrap()
        .replace("\"BusinessId\"", "\"ForeignBusinessId\"")
        .replace("0737546-2", &"A".repeat(65))
        .replace("010594Y9032", "010594Y9033")
        .replace("\"NewConsumerCredit\",", "\"NewLoan\",");
    // On the last day of the first stage.
    let out = run(&[
        "request",
        &file("many.json", &text),
        "--today",
        "2026-03-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        errors(&out),
        [
            e("owner.idCode", "PCR-STRING-TOO-LONG"),
            e("owner.countryCode", "D40"),
            e("request.idCode", "E21"),
            e(
                "request.creditRegisterExtractPurpose[0]",
                "PCR-STAGE-NOT-ALLOWED"
            ),
        ]
    );
    // In the second stage the purpose is allowed.
    let out = run(&["request", &file("many.json", &text), "--stage", "second"]);
    assert_eq!(errors(&out).len(), 3);
}

/// A `NewLoan` request: accepted by the register since 1 April 2026.
fn new_loan() -> String {
    let text = std::fs::read_to_string(fixture("request"))
        .unwrap()
        .replace("\"NewConsumerCredit\",", "\"NewLoan\",");
    file("new-loan.json", &text)
}

#[test]
fn the_stage_is_the_one_in_force_on_the_day_in_the_environment() {
    let stage_error = [e(
        "request.creditRegisterExtractPurpose[0]",
        "PCR-STAGE-NOT-ALLOWED",
    )];
    let request = new_loan();
    // By default: today (in Finland, since the second stage began), test.
    let out = run(&["request", &request]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "valid\n");
    for environment in ["test", "production"] {
        let on = |day: &str| {
            run(&[
                "request",
                &request,
                "--today",
                day,
                "--environment",
                environment,
            ])
        };
        let before = on("2026-03-31");
        assert_eq!(before.status.code(), Some(1), "{environment}");
        assert_eq!(errors(&before), stage_error, "{environment}");
        assert_eq!(on("2026-04-01").status.code(), Some(0), "{environment}");
    }
    // An explicit stage overrides the day's.
    let out = run(&["request", &request, "--stage", "first"]);
    assert_eq!(errors(&out), stage_error);
    let out = run(&[
        "request",
        &request,
        "--today",
        "2026-03-31",
        "--stage",
        "second",
    ]);
    assert_eq!(out.status.code(), Some(0));
    // A day or an environment that is not one is a usage error.
    for args in [["--today", "2026-02-30"], ["--environment", "staging"]] {
        let out = run(&["request", &request, args[0], args[1]]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn unreadable_json_is_a10_at_its_path() {
    let request = std::fs::read_to_string(fixture("request")).unwrap();
    // (what, body, the path of its one error)
    let cases = [
        (
            "duplicate key",
            request.replacen(
                "\"targetEnvironment\": \"Test\",",
                "\"targetEnvironment\": \"Test\", \"targetEnvironment\": \"Test\",",
                1,
            ),
            "targetEnvironment",
        ),
        (
            "nested duplicate key",
            request.replacen(
                "\"idCode\": \"0737546-2\"",
                "\"idCode\": \"0737546-2\", \"idCode\": \"0737546-2\"",
                1,
            ),
            "owner.idCode",
        ),
        (
            "wrong type",
            request.replacen("\"idCode\": \"0737546-2\"", "\"idCode\": 737546", 1),
            "owner.idCode",
        ),
        (
            "unknown field",
            request.replacen("\"owner\": {", "\"owner\": {\"colour\": 1,", 1),
            "owner.colour",
        ),
        (
            "unknown code",
            request.replacen("\"NewConsumerCredit\"", "\"NewCreditCard\"", 1),
            "request.creditRegisterExtractPurpose[0]",
        ),
        (
            "numeric code",
            request.replacen("\"Test\"", "1", 1),
            "targetEnvironment",
        ),
        ("trailing text", format!("{request} []"), ""),
    ];
    for (what, text, path) in cases {
        let out = run(&["request", &file("bad.json", &text)]);
        assert_eq!(out.status.code(), Some(1), "{what}");
        let found = errors(&out);
        assert_eq!(found, [(path.to_string(), "A10".to_string())], "{what}");
    }
    // Malformed JSON: the error is at the path reached, with its line and
    // column; what was read before it is judged too (here the request's
    // members read as the owner's, since the owner's `}` is gone).
    let out = run(&["request", &file("bad.json", &request.replacen('}', "", 1))]);
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = body["errorResponses"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["errorCode"], "A10");
    let description = last["errorDescription"].as_str().unwrap();
    assert!(
        description.contains("malformed") && description.contains("line"),
        "{description}"
    );
    assert!(errors(&out).contains(&("owner.request".to_string(), "A10".to_string())));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["request"],
        &["frobnicate", "x.json"],
        &["request", "no-such-file.json"],
        &["request", "x.json", "--stage", "third"],
    ] {
        let out = run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn standard_input_a_size_limit_and_text_that_is_not_utf8() {
    use std::io::Write;
    use std::process::Stdio;
    let request = std::fs::read(fixture("request")).unwrap();
    let run_stdin = |args: &[&str], input: &[u8]| {
        let mut child = Command::new(example())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(input); // the example may stop reading early
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let out = run_stdin(&["request", "-"], &request);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "valid");
    // Over the limit: one line, exit 1, nothing more read.
    let out = run_stdin(&["request", "-", "--max-bytes", "100"], &request);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("larger than 100 bytes") && stderr.contains("413"),
        "{stderr}"
    );
    // Not UTF-8: A10 with the byte offset.
    let mut bad = request.clone();
    bad[40] = 0xff;
    let out = run_stdin(&["request", "-"], &bad);
    assert_eq!(out.status.code(), Some(1));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["errorResponses"][0]["errorCode"], "A10");
    let description = body["errorResponses"][0]["errorDescription"]
        .as_str()
        .unwrap();
    assert!(description.contains("offset 40"), "{description}");
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_program_quietly() {
    use std::process::Stdio;
    // 1,500 wrong purposes: a body far larger than a pipe's buffer.
    let mut request: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("request")).unwrap()).unwrap();
    request["request"]["creditRegisterExtractPurpose"] = Value::Array(vec![Value::from(1); 1500]);
    let path = file("many-errors.json", &request.to_string());
    let mut child = Command::new(example())
        .args(["request", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
}

/// The done-when bodies from the command line: nulls validate;
/// an unknown member validates with a notice on stderr and `--echo`
/// writes it back; the peers' layout validates with a notice naming the
/// reading; one structural and one rule error are both listed.
#[test]
fn answers_a_newer_register_may_send() {
    let extract: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("extract")).unwrap()).unwrap();

    let mut nulls = extract.clone();
    nulls["incomeData"] = Value::Null;
    let out = run(&["extract", &file("null-income.json", &nulls.to_string())]);
    assert_eq!(
        (
            out.status.code(),
            out.stdout.as_slice(),
            out.stderr.as_slice()
        ),
        (Some(0), &b"valid\n"[..], &b""[..])
    );
    let mut body = extract.clone();
    body["deceasedPerson"] = Value::Null;
    let out = run(&["200", &file("null-deceased.json", &body.to_string())]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let mut newer = extract.clone();
    newer["creditInformationSummary"]["futureTotal"] = serde_json::json!({"sum": 12.50});
    let path = file("unknown.json", &newer.to_string());
    let out = run(&["extract", &path]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"valid\n");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "notice: creditInformationSummary.futureTotal: not in v1.4: an element the spec does not know, kept as read\n"
    );
    let out = run(&["extract", &path, "--echo"]);
    assert_eq!(out.status.code(), Some(0));
    let echoed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        echoed["creditInformationSummary"]["futureTotal"],
        serde_json::json!({"sum": 12.50})
    );
    assert_eq!(
        echoed["creditInformationSummary"]["loans"],
        extract["creditInformationSummary"]["loans"]
    );

    let mut peers = extract.clone();
    let summary = peers
        .as_object_mut()
        .unwrap()
        .remove("creditInformationSummary")
        .unwrap();
    peers["creditRegisterExtract"]["creditInformationSummary"] = summary;
    let loans = peers["creditRegisterExtract"]["creditInformationSummary"]
        .as_object_mut()
        .unwrap()
        .remove("loans")
        .unwrap();
    peers["creditRegisterExtract"]["loans"] = loans;
    let out = run(&["extract", &file("peers.json", &peers.to_string())]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    for line in stderr.lines() {
        assert!(line.starts_with("notice: creditRegisterExtract."), "{line}");
        assert!(
            line.contains("the answer follows the reading `peers-combined`"),
            "{line}"
        );
    }

    let mut two = extract.clone();
    two["creditInformationSummary"]["lendersCount"] = serde_json::json!("many");
    two["personRequested"]["idCodeType"] = serde_json::json!("BusinessId");
    let out = run(&["extract", &file("two-errors.json", &two.to_string())]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        errors(&out),
        [
            e("creditInformationSummary.lendersCount", "A10"),
            e("personRequested.idCodeType", "PCR-VALUE-NOT-ALLOWED")
        ]
    );
}
