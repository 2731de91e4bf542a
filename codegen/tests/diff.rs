//! `pcr-codegen diff`: every kind of change and what it breaks, on
//! synthetic pairs; the reconstructed earlier versions against v1.4; the
//! command line's output and exit codes.

use std::path::Path;
use std::process::Command;

use pcr_codegen::diff::{diff, Change, Impact, Semver};
use pcr_codegen::spec::{load_str, Spec};

use Impact::{Breaking as B, Compatible as C, Unaffected as U};
use Semver::{Major, Minor, Patch};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn spec(name: &str, text: &str) -> Spec {
    load_str(name, text).unwrap_or_else(|d| panic!("{d}"))
}

const TOUR: &str = "tests/downstream-build/specs/feature-tour.yaml";

/// The feature tour with each `from` replaced by its `to` (which must occur).
fn tour_with_all(edits: &[(&str, &str)]) -> String {
    let mut text = read(TOUR);
    for (from, to) in edits {
        assert!(text.contains(from), "the feature tour has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn tour_with(from: &str, to: &str) -> String {
    tour_with_all(&[(from, to)])
}

/// The changes from the feature tour to its edited copy.
fn changes_all(edits: &[(&str, &str)]) -> Vec<Change> {
    diff(
        &spec("old.yaml", &read(TOUR)),
        &spec("new.yaml", &tour_with_all(edits)),
    )
    .changes
}

fn changes(from: &str, to: &str) -> Vec<Change> {
    changes_all(&[(from, to)])
}

/// Asserts the edit gives a change of `kind` at `path` classified so.
fn expect(
    from: &str,
    to: &str,
    kind: &str,
    path: &str,
    senders: Impact,
    readers: Impact,
    semver: Semver,
) {
    expect_all(&[(from, to)], kind, path, senders, readers, semver)
}

/// Asserts the edits give a change of `kind` at `path` classified so.
fn expect_all(
    edits: &[(&str, &str)],
    kind: &str,
    path: &str,
    senders: Impact,
    readers: Impact,
    semver: Semver,
) {
    let found = changes_all(edits);
    let change = found
        .iter()
        .find(|c| c.kind == kind && c.path == path)
        .unwrap_or_else(|| panic!("no {kind} at {path} in {found:#?}"));
    assert_eq!(
        (change.senders, change.readers, change.semver),
        (senders, readers, semver),
        "{kind} at {path}"
    );
}

#[test]
fn a_spec_against_itself_has_no_changes() {
    let v14 = spec("v1.4", &read("spec/credit-register-extract/v1.4.yaml"));
    let d = diff(&v14, &v14);
    assert!(d.changes.is_empty());
    assert!(!d.breaking());
    assert_eq!(d.summary().semver, None);
    assert_eq!(d.json()["summary"]["semver"], "none");
    assert!(d.markdown().ends_with("No changes.\n"));
}

#[test]
fn metadata_format_rules_and_error_codes() {
    expect(
        "title: Every feature of the spec format",
        "title: The feature tour",
        "document-changed",
        "document.title",
        U,
        U,
        Patch,
    );
    expect(
        "  stage: first",
        "  stage: second",
        "stage-changed",
        "document.stage",
        C,
        U,
        Patch,
    );
    expect(
        "    max_length: 16",
        "    max_length: 12",
        "format-rule-changed",
        "format_rules.string.max_length",
        B,
        U,
        Patch,
    );
    expect(
        "    max_length: 16",
        "    max_length: 32",
        "format-rule-changed",
        "format_rules.string.max_length",
        C,
        U,
        Patch,
    );
    expect(
        "{chars: \"- \"}",
        "{chars: \" \"}",
        "format-rule-changed",
        "format_rules.string.allowed_characters",
        B,
        U,
        Patch,
    );
    expect(
        "{chars: \"- \"}",
        "{chars: \"-_ \"}",
        "format-rule-changed",
        "format_rules.string.allowed_characters",
        C,
        U,
        Patch,
    );
    expect(
        "description: Too few items.}",
        "description: Too few.}",
        "error-code-changed",
        "error_codes[PCR-TOO-FEW-ITEMS]",
        U,
        U,
        Patch,
    );
    expect("  - {code: A10, owner: register, description: Unreadable JSON.}\n", "  - {code: A10, owner: register, description: Unreadable JSON.}\n  - {code: E20, owner: register, description: Not found.}\n", "error-code-added", "error_codes[E20]", U, U, Patch);
}

#[test]
fn codesets_and_their_values() {
    expect(
        "      - {code: Fancy, label: Fancy}\n",
        "      - {code: Fancy, label: Fancy}\n      - {code: Gaudy, label: Gaudy}\n",
        "codeset-value-added",
        "codesets[Kind].values[Gaudy]",
        C,
        C,
        Major,
    );
    // Kind is used in requests: a request with the removed code is invalid now.
    expect_all(
        &[
            ("      - {code: Fancy, label: Fancy}\n", ""),
            ("not_in: [Fancy]", "not_in: [Plain]"),
        ],
        "codeset-value-removed",
        "codesets[Kind].values[Fancy]",
        B,
        C,
        Major,
    );
    expect(
        "label: A purpose of the second stage, not_allowed_in_stages: [first]}",
        "label: A purpose of the second stage}",
        "codeset-value-stage-changed",
        "codesets[Purpose].values[Special]",
        C,
        U,
        Patch,
    );
    expect(
        "{code: Ordinary, label: An ordinary purpose}",
        "{code: Ordinary, label: An ordinary purpose, not_allowed_in_stages: [first]}",
        "codeset-value-stage-changed",
        "codesets[Purpose].values[Ordinary]",
        B,
        U,
        Patch,
    );
    expect(
        "{code: Plain, label: Plain}",
        "{code: Plain, label: Simple}",
        "codeset-value-label-changed",
        "codesets[Kind].values[Plain]",
        U,
        U,
        Patch,
    );
    expect("  - {id: CurrencyCode, name: Currency code, standard: iso-4217}\n", "  - {id: CurrencyCode, name: Currency code, standard: iso-4217}\n  - {id: Colour, name: Colour, values: [{code: Red, label: Red}]}\n", "codeset-added", "codesets[Colour]", U, U, Minor);
    expect(
        "{id: CurrencyCode, name: Currency code, standard: iso-4217}",
        "{id: CurrencyCode, name: Currency code, standard: iso-3166-1-alpha-2}",
        "codeset-changed",
        "codesets[CurrencyCode]",
        B,
        B,
        Major,
    );
}

#[test]
fn http_statuses() {
    expect("  - {status: 400, reason: Bad request, messages: [problem]}\n", "  - {status: 400, reason: Bad request, messages: [problem]}\n  - {status: 503, reason: System error}\n", "http-status-added", "http_statuses[503]", U, C, Minor);
    expect(
        "  - {status: 400, reason: Bad request, messages: [problem]}\n",
        "",
        "http-status-removed",
        "http_statuses[400]",
        U,
        C,
        Patch,
    );
    expect(
        "messages: [answer, farewell]",
        "messages: [answer]",
        "http-status-bodies-changed",
        "http_statuses[200]",
        U,
        C,
        Major,
    );
    expect(
        "messages: [answer, farewell]",
        "messages: [answer, farewell, problem]",
        "http-status-bodies-changed",
        "http_statuses[200]",
        U,
        B,
        Major,
    );
    expect(
        "reason: Fine.",
        "reason: All fine.",
        "http-status-reason-changed",
        "http_statuses[200]",
        U,
        U,
        Patch,
    );
}

#[test]
fn readings() {
    let reading = "        places:\n          - {element: loans, at: message.loans}\n";
    expect(
        reading,
        "        places:\n          - {element: loans, at: message.loans}\n          - {element: message.text, at: text}\n",
        "reading-changed",
        "messages[answer].readings[loans-inside-message]",
        U,
        C,
        Minor,
    );
    expect(
        reading,
        "        places:\n          - {element: message.text, at: text}\n",
        "reading-changed",
        "messages[answer].readings[loans-inside-message]",
        U,
        B,
        Minor,
    );
    expect(
        "weakness: The tour's own; no document has it.",
        "weakness: The tour's alone.",
        "reading-changed",
        "messages[answer].readings[loans-inside-message]",
        U,
        U,
        Patch,
    );
    expect(
        "  - id: loans-inside-message",
        "  - id: loans-in-message",
        "reading-removed",
        "messages[answer].readings[loans-inside-message]",
        U,
        B,
        Minor,
    );
    expect(
        "  - id: loans-inside-message",
        "  - id: loans-in-message",
        "reading-added",
        "messages[answer].readings[loans-in-message]",
        U,
        C,
        Minor,
    );
}

#[test]
fn messages() {
    let problem =
        "  - id: problem\n    name: An invalid request's answer\n    direction: response\n";
    expect(
        problem,
        "  - id: problem\n    name: An invalid request's answer\n    direction: request\n",
        "message-direction-changed",
        "messages[problem]",
        B,
        B,
        Major,
    );
    let text = read(TOUR);
    let cut = text.find(problem).unwrap();
    let without = text[..cut].replacen(
        "  - {status: 400, reason: Bad request, messages: [problem]}\n",
        "",
        1,
    );
    let without = without.as_str();
    let d = diff(&spec("old.yaml", &text), &spec("new.yaml", without));
    let change = d
        .changes
        .iter()
        .find(|c| c.kind == "message-removed")
        .unwrap();
    assert_eq!(
        (change.path.as_str(), change.readers, change.semver),
        ("messages[problem]", B, Major)
    );
    let d = diff(&spec("old.yaml", without), &spec("new.yaml", &text));
    let change = d
        .changes
        .iter()
        .find(|c| c.kind == "message-added")
        .unwrap();
    assert_eq!(
        (change.senders, change.readers, change.semver),
        (U, U, Minor)
    );
}

#[test]
fn elements_added_removed_renamed_and_moved() {
    let optional = "      - {json: self, name: A keyword as a name, data_type: String, required: V, source: {section: \"1\", line: 2}}\n";
    let required = optional.replace("required: V", "required: P");
    // Requests: a new required element breaks senders, an optional one does not.
    expect(
        optional,
        &format!(
            "{optional}{}",
            required.replace("json: self", "json: extra")
        ),
        "element-added",
        "messages[ask].extra",
        B,
        U,
        Major,
    );
    expect(
        optional,
        &format!(
            "{optional}{}",
            optional.replace("json: self", "json: extra")
        ),
        "element-added",
        "messages[ask].extra",
        C,
        U,
        Major,
    );
    // Requests refuse unknown fields, so removing one breaks senders.
    expect(
        optional,
        "",
        "element-removed",
        "messages[ask].self",
        B,
        U,
        Major,
    );
    // Responses: a reader ignores a new field; a removed one breaks it if it was always present.
    let status = "      - {json: statusMessage, name: Status, data_type: String, source: {section: \"2\", line: 1}}\n";
    expect(
        status,
        &format!("{status}{}", status.replace("statusMessage", "traceId")),
        "element-added",
        "messages[answer].traceId",
        U,
        C,
        Major,
    );
    expect(
        status,
        "",
        "element-removed",
        "messages[answer].statusMessage",
        U,
        B,
        Major,
    );
    let note = "          - {json: note, name: Note, data_type: String, presence: {text: When reported., returned_if: {reported: true}}, source: {section: \"2\", line: 15}}\n";
    expect(
        note,
        "",
        "element-removed",
        "messages[answer].loans.note",
        U,
        C,
        Major,
    );
    // A register-side date concerns no one on the wire.
    let day = read(TOUR).replace("amountDate", "amountDay").replacen(
        "{json: amountDay,",
        "{json: amountDay, renamed_from: amountDate,",
        1,
    );
    let d = diff(&spec("old.yaml", &read(TOUR)), &spec("new.yaml", &day));
    let change = d
        .changes
        .iter()
        .find(|c| c.kind == "element-renamed")
        .unwrap_or_else(|| panic!("{:#?}", d.changes));
    assert_eq!(
        (
            change.path.as_str(),
            change.senders,
            change.readers,
            change.semver
        ),
        ("messages[answer].loans.amountDay", U, U, Major)
    );
    let renamed = changes(
        "      - {json: self, name:",
        "      - {json: me, renamed_from: self, name:",
    );
    assert!(
        renamed
            .iter()
            .any(|c| c.kind == "element-renamed" && c.senders == B),
        "{renamed:#?}"
    );
    assert!(!renamed
        .iter()
        .any(|c| c.kind == "element-added" || c.kind == "element-removed"));
    // Without `renamed_from` a rename is a removal and an addition.
    let plain = changes("      - {json: self, name:", "      - {json: me, name:");
    assert!(
        plain.iter().any(|c| c.kind == "element-added")
            && plain.iter().any(|c| c.kind == "element-removed")
    );
    // A move: the same element under another group.
    let text_field = "          - {json: text, name: Text, data_type: String, source: {section: \"2\", line: 4}}\n";
    let moved = tour_with(text_field, "          - {json: other, name: Other, data_type: String, source: {section: \"2\", line: 4}}\n")
        .replacen(status, &format!("{status}      - {{json: text, name: Text, data_type: String, source: {{section: \"2\", line: 4}}}}\n"), 1);
    let d = diff(&spec("old.yaml", &read(TOUR)), &spec("new.yaml", &moved));
    let change = d
        .changes
        .iter()
        .find(|c| c.kind == "element-moved")
        .unwrap_or_else(|| panic!("{:#?}", d.changes));
    assert_eq!(
        (change.old.as_deref(), change.new.as_deref()),
        (
            Some("messages[answer].message.text"),
            Some("messages[answer].text")
        )
    );
    assert_eq!((change.readers, change.semver), (B, Major));
}

#[test]
fn element_changes() {
    expect(
        "{json: delta, name: Delta, data_type: Int,",
        "{json: delta, name: Delta, data_type: Decimal,",
        "type-changed",
        "messages[ask].delta",
        B,
        U,
        Major,
    );
    // V -> P: an old request without it is invalid now, and the type loses its Option.
    expect(
        "{json: when, name: A date, data_type: Date, required: V",
        "{json: when, name: A date, data_type: Date, required: P",
        "required-changed",
        "messages[ask].when",
        B,
        U,
        Major,
    );
    expect(
        "{json: count, name: Count, data_type: Int, required: P",
        "{json: count, name: Count, data_type: Int, required: V",
        "required-changed",
        "messages[ask].count",
        C,
        U,
        Major,
    );
    // A response element that may now be withheld: an old client requires it.
    expect(
        "{json: text, name: Text, data_type: String, source",
        "{json: text, name: Text, data_type: String, markers: [\"*\"], source",
        "presence-optionality-changed",
        "messages[answer].message.text",
        U,
        B,
        Major,
    );
    expect("{json: kind, name: Kind, data_type: Enum, codeset: Kind, markers: [\"*\"]", "{json: kind, name: Kind, data_type: Enum, codeset: Kind, markers: [\"*\", \"2\"], compared_date: amountDate", "marker-added", "messages[answer].loans.kind", U, C, Minor);
    expect(
        "markers: [\"*\", \"1\"], compared_date: self, source: {section: \"2\", line: 7}",
        "markers: [\"*\"], source: {section: \"2\", line: 7}",
        "marker-removed",
        "messages[answer].loans.contractDate",
        U,
        C,
        Minor,
    );
    expect(
        "markers: [\"*\", \"1\"], compared_date: amountDate",
        "markers: [\"*\", \"1\"], compared_date: contractDate",
        "compared-date-changed",
        "messages[answer].loans.amount",
        U,
        C,
        Minor,
    );
    expect(
        "returned_if: {element: kind, in: [Plain]}",
        "returned_if: {element: kind, in: [Plain, Fancy]}",
        "presence-changed",
        "messages[answer].loans.lumpSum",
        U,
        C,
        Minor,
    );
    expect("      - {json: amount, name: Amount, data_type: Decimal, required: V, permissible: \">=0\", range: {min: 0},", "      - {json: amount, name: Amount, data_type: Decimal, required: V, permissible: \">=1\", range: {min: 1},", "range-changed", "messages[ask].amount", B, U, Patch);
    expect(
        "{json: delta, name: Delta, data_type: Int, required: V, range: {min: -5, max: 5}",
        "{json: delta, name: Delta, data_type: Int, required: V, range: {min: -9, max: 9}",
        "range-changed",
        "messages[ask].delta",
        C,
        U,
        Patch,
    );
    expect("{json: agreed, name: Agreed, data_type: Boolean, required: V, permissible: \"true\", fixed: true,", "{json: agreed, name: Agreed, data_type: Boolean, required: V,", "fixed-changed", "messages[ask].agreed", C, U, Patch);
    expect(
        "{json: self, name: A keyword as a name,",
        "{json: self, name: A name that is a keyword,",
        "name-changed",
        "messages[ask].self",
        U,
        U,
        Patch,
    );
    expect(
        "{json: amountDate, name: Date of the amount issued, data_type: Date, register_side: true,",
        "{json: amountDate, name: Date of the amount issued, data_type: Date,",
        "register-side-changed",
        "messages[answer].loans.amountDate",
        U,
        U,
        Major,
    );
}

#[test]
fn a_presence_change_reads_as_the_generated_docs_do() {
    let found = changes(
        "returned_if: {element: kind, in: [Plain]}",
        "returned_if: {element: kind, in: [Plain, Fancy]}",
    );
    let change = found.iter().find(|c| c.kind == "presence-changed").unwrap();
    assert_eq!(
        change.old.as_deref(),
        Some("returned if `kind` is one of `Plain`")
    );
    assert_eq!(
        change.new.as_deref(),
        Some("returned if `kind` is one of `Plain`, `Fancy`")
    );
    assert!(read("codegen/tests/snapshots/emit__feature_tour.snap")
        .contains("(returned if `kind` is one of `Plain`)"));
}

#[test]
fn rules() {
    let min = "          - {text: At least one., min_items: 1, error: PCR-TOO-FEW-ITEMS}\n";
    expect(
        min,
        "          - {text: At least two., min_items: 2, error: PCR-TOO-FEW-ITEMS}\n",
        "rule-added",
        "messages[ask].purposes",
        B,
        U,
        Patch,
    );
    expect(
        min,
        "          - {text: At least two., min_items: 2, error: PCR-TOO-FEW-ITEMS}\n",
        "rule-removed",
        "messages[ask].purposes",
        C,
        U,
        Patch,
    );
}

#[test]
fn the_reconstructed_1_3_against_1_4_adds_the_filter_markers() {
    let v13 = spec(
        "v1.3",
        &read("spec/credit-register-extract/reconstructed/v1.3.yaml"),
    );
    let v14 = spec("v1.4", &read("spec/credit-register-extract/v1.4.yaml"));
    let d = diff(&v13, &v14);
    let added: Vec<&str> = d
        .changes
        .iter()
        .filter(|c| c.kind == "marker-added")
        .map(|c| c.path.as_str())
        .collect();
    for path in [
        "messages[extract].creditInformationSummary.loans.contractDate",
        "messages[extract].creditInformationSummary.loans.lumpSumLoan.amountIssued",
        "messages[extract].creditInformationSummary.loans.defermentPeriods.startDate",
        "messages[extract].creditInformationSummary.repaymentsPaidLastAmount",
    ] {
        assert!(added.contains(&path), "{path} not among {added:#?}");
    }
    assert!(
        !d.breaking(),
        "1.4's filters break no reader: every marked element was already optional"
    );
    insta::assert_snapshot!("v1_3_to_v1_4", d.markdown());
}

#[test]
fn the_reconstructed_1_2_against_1_3_adds_the_deceased_response() {
    let v12 = spec(
        "v1.2",
        &read("spec/credit-register-extract/reconstructed/v1.2.yaml"),
    );
    let v13 = spec(
        "v1.3",
        &read("spec/credit-register-extract/reconstructed/v1.3.yaml"),
    );
    let d = diff(&v12, &v13);
    assert!(d
        .changes
        .iter()
        .any(|c| c.kind == "message-added" && c.path == "messages[deceased]"));
    insta::assert_snapshot!("v1_2_to_v1_3", d.markdown());
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pcr-codegen"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

#[test]
fn the_command_line_reports_breaking_changes_in_json_and_fails_on_them() {
    let text = read("spec/credit-register-extract/v1.4.yaml")
        .replacen("      - {code: ChangesToTermsOfConsumerCredit, label: Change to terms of consumer credit, source: {section: \"1.3\", line: 65}}\n", "", 1)
        .replacen("            data_type: Enum\n            required: E\n", "            data_type: Enum\n            required: P\n", 1);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let changed = dir.join("v1.4-changed.yaml");
    std::fs::write(&changed, text).unwrap();
    let changed = changed.to_str().unwrap();
    let out = cli(&[
        "diff",
        "spec/credit-register-extract/v1.4.yaml",
        changed,
        "--format",
        "json",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{json:#}");
    for change in changes {
        assert_eq!(change["senders"], "breaking");
        assert_eq!(change["semver"], "major");
    }
    assert_eq!(changes[1]["path"], "messages[request].owner.countryCode");
    assert_eq!(
        (changes[1]["old"].as_str(), changes[1]["new"].as_str()),
        (Some("E"), Some("P"))
    );
    assert_eq!(json["summary"]["breaking_for_senders"], 2);
    assert_eq!(json["summary"]["semver"], "major");
    // Without --fail-on the same diff exits 0.
    assert_eq!(
        cli(&["diff", "spec/credit-register-extract/v1.4.yaml", changed])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn the_command_line_on_itself_invalid_specs_and_usage_errors() {
    let v14 = "spec/credit-register-extract/v1.4.yaml";
    let out = cli(&["diff", v14, v14, "--fail-on", "breaking"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No changes."));
    let out = cli(&["diff", v14, "codegen/tests/specs/no-such.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[io]"));
    for args in [
        &["diff", v14][..],
        &["diff", v14, v14, "--format", "xml"],
        &["diff", v14, v14, "--fail-on", "always"],
    ] {
        assert_eq!(cli(args).status.code(), Some(2), "{args:?}");
    }
}

/// (path, kind, senders, readers, semver) of each change.
fn summarised(changes: &[Change]) -> Vec<(String, &'static str, Impact, Impact, Semver)> {
    changes
        .iter()
        .map(|c| (c.path.clone(), c.kind, c.senders, c.readers, c.semver))
        .collect()
}

#[test]
fn the_endpoint_data_is_diffed() {
    // Without the stages, which name the environments edited below.
    let v14 = read("spec/credit-register-extract/v1.4.yaml");
    let v14 = v14[..v14
        .find("\n# When the register's stages started.")
        .expect("v1.4 has stages")]
        .to_string();
    let at = v14
        .find("\n# The endpoint itself.")
        .expect("v1.4 has an api section");
    let without = spec("without", &v14[..at]);
    let with = spec("with", &v14);
    let added = diff(&without, &with);
    assert_eq!(
        summarised(&added.changes),
        [("api".to_string(), "api-added", U, U, Minor)]
    );
    assert_eq!(
        added.changes[0].new.as_deref(),
        Some("POST /GetCreditRegisterExtract (GetCreditRegisterExtract)")
    );
    assert_eq!(
        summarised(&diff(&with, &without).changes),
        [("api".to_string(), "api-removed", U, U, Major)]
    );
    let edited = v14
        .replacen("  method: POST\n", "  method: PUT\n", 1)
        .replacen(
            "https://api-testi.positiivinenluottotietorekisteri.fi",
            "https://api-test.positiivinenluottotietorekisteri.fi",
            1,
        )
        .replacen(
            "    - name: production\n      base_url: https://api.positiivinenluottotietorekisteri.fi\n      target_environment: Production\n",
            "    - name: future\n      base_url: https://api-testi2.positiivinenluottotietorekisteri.fi\n",
            1,
        );
    let changed = diff(&with, &spec("edited", &edited));
    let mut found = summarised(&changed.changes);
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        [
            (
                "api.environments[future]".to_string(),
                "environment-added",
                C,
                U,
                Minor
            ),
            (
                "api.environments[production]".to_string(),
                "environment-removed",
                B,
                U,
                Major
            ),
            (
                "api.environments[test]".to_string(),
                "environment-changed",
                B,
                U,
                Patch
            ),
            ("api.method".to_string(), "api-changed", B, U, Patch),
        ]
    );
    assert!(changed.breaking());
}

#[test]
fn the_v1_4_spec_before_its_second_reading_differs_by_the_api_and_a_rule() {
    // Both readings without the stages' dates, a third reading.
    let v14 = read("spec/credit-register-extract/v1.4.yaml");
    let v14 = v14[..v14
        .find("\n# When the register's stages started.")
        .expect("v1.4 has stages")]
        .to_string();
    // The first reading: no `api`, no `absent_if` on delayedAmount.
    let at = v14.find("\n# The endpoint itself.").unwrap();
    let rule = "                rules:\n                  - text: >-\n                      In the case of guarantee receivable for a student loan,\n                      no payment delays or information about loan acceleration\n                      is reported.\n                    absent_if: {element: loanType, equals: GuaranteeReceivable}\n                    error: PCR-NOT-REPORTED\n";
    assert!(v14.contains(rule));
    let first = v14[..at].replacen(rule, "", 1);
    let d = diff(&spec("first", &first), &spec("second", &v14));
    let found: Vec<(&str, &str)> = d
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind))
        .collect();
    // Breaking first: a reader that validates responses refuses what it read.
    assert_eq!(
        found,
        [
            (
                "messages[extract].creditInformationSummary.loans.delayedAmount",
                "rule-added"
            ),
            ("api", "api-added"),
        ]
    );
    let rule = &d.changes[0];
    assert_eq!(
        rule.new.as_deref(),
        Some("absent if loanType = GuaranteeReceivable")
    );
    assert_eq!((rule.senders, rule.readers), (U, B));
}

/// `item_name` renames the struct of a list's item: nothing on the wire
/// changes, the generated crate does.
#[test]
fn an_item_name_is_a_major_change_of_the_rust_api_only() {
    expect(
        "        data_type: List\n        required: P\n        source: {section: \"1\", line: 15}\n",
        "        data_type: List\n        required: P\n        item_name: Entry\n        source: {section: \"1\", line: 15}\n",
        "item-name-changed",
        "messages[ask].items",
        Impact::Unaffected,
        Impact::Unaffected,
        Semver::Major,
    );
    let found = changes(
        "        data_type: List\n        required: P\n        source: {section: \"1\", line: 15}\n",
        "        data_type: List\n        required: P\n        item_name: Entry\n        source: {section: \"1\", line: 15}\n",
    );
    let change = found
        .iter()
        .find(|c| c.kind == "item-name-changed")
        .unwrap();
    assert_eq!(
        (change.old.as_deref(), change.new.as_deref()),
        (Some("Item"), Some("Entry"))
    );
}

/// Each date a spec can change, with the day the change takes effect:
/// v1.4 against a copy whose second stage starts later in test, whose
/// `TargetEnvironment` code `Test` is in force until a day, whose
/// `owner.countryCode` is in force from one, and whose document date and
/// last history row are later.
#[test]
fn date_changes_list_the_day_each_takes_effect() {
    let v14 = read("spec/credit-register-extract/v1.4.yaml");
    let edited = v14
        .replacen(
            "      - environment: test\n        date: 2026-04-01\n",
            "      - environment: test\n        date: 2026-05-04\n",
            1,
        )
        .replacen("  date: 2024-01-04\n", "  date: 2024-02-01\n", 1)
        .replacen(
            "    - version: \"1.4\"\n      date: 2024-01-04\n",
            "    - version: \"1.4\"\n      date: 2024-02-01\n",
            1,
        )
        .replacen(
            "            codeset: CountryCode\n",
            "            codeset: CountryCode\n            from: 2027-01-04\n",
            1,
        )
        .replacen(
            "      - {code: Test, ",
            "      - {until: 2027-06-01, code: Test, ",
            1,
        )
        .replacen(
            "  stage: PCR-STAGE-NOT-ALLOWED\n",
            "  stage: PCR-STAGE-NOT-ALLOWED\n  in_force: PCR-STAGE-NOT-ALLOWED\n",
            1,
        );
    assert_ne!(edited, v14);
    let d = diff(&spec("v1.4", &v14), &spec("edited", &edited));
    // (path, kind, takes effect) of each dated change.
    let dated: Vec<(&str, &str, Option<&str>)> = d
        .changes
        .iter()
        .filter(|c| c.takes_effect.is_some())
        .map(|c| (c.path.as_str(), c.kind, c.takes_effect.as_deref()))
        .collect();
    let report = format!("{dated:#?}");
    for (path, kind, day) in [
        (
            "stages[second].starts[test]",
            "stage-start-changed",
            "2026-05-04",
        ),
        ("document.date", "document-changed", "2024-02-01"),
        ("document.history[1.4]", "history-changed", "2024-02-01"),
        (
            "messages[request].owner.countryCode",
            "in-force-changed",
            "2027-01-04",
        ),
        (
            "codesets[TargetEnvironment].values[Test]",
            "code-in-force-changed",
            "2027-06-01",
        ),
    ] {
        assert!(
            dated
                .iter()
                .any(|c| c.0 == path && c.1 == kind && c.2 == Some(day)),
            "{path} {kind} {day} not in {report}"
        );
    }
    assert_eq!(dated.len(), 5, "{report}");
    // A later start and narrower days break senders; the Markdown shows
    // each day and every word of each value.
    let find = |path: &str| d.changes.iter().find(|c| c.path == path).unwrap();
    assert!(find("stages[second].starts[test]").breaking());
    assert!(find("messages[request].owner.countryCode").breaking());
    assert_eq!(
        find("messages[request].owner.countryCode").new.as_deref(),
        Some("in force from 2027-01-04")
    );
    let markdown = d.markdown();
    assert!(markdown.contains("| takes effect |"), "{markdown}");
    assert!(markdown.contains("| 2026-05-04 |"), "{markdown}");
    assert!(
        markdown.contains("2026-05-04 (\"Delivery report 01 April 2026\" (<https://www.vero.fi/en/positivecreditregister/for-software-developers/service-breaks-and-delivery-reports/delivery-reports/delivery-report-01-april-2026>, read 2026-12-07))"),
        "{markdown}"
    );
}

/// A new version whose converted text is not in the repository: the diff
/// says its cited lines are unverified, never that they were checked.
#[test]
fn a_spec_without_its_converted_text_is_shown_unverified() {
    let v14 = read("spec/credit-register-extract/v1.4.yaml");
    let without = v14
        .replacen("  source_text: 004_46e43e432dc39630.txt\n", "", 1)
        .replacen("  source_lines: 373\n", "", 1);
    assert_ne!(without, v14);
    let d = diff(&spec("v1.4", &v14), &spec("without", &without));
    let found: Vec<(&str, &str, Option<&str>, Option<&str>)> = d
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind, c.old.as_deref(), c.new.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(
            "document.source_text",
            "document-changed",
            Some("004_46e43e432dc39630.txt"),
            Some("none: the cited lines are unverified")
        )]
    );
}
