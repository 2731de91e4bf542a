//! Malformed input gets diagnostics, never a panic, and never an empty
//! error list.

use pcr_codegen::diagnostic::Kind;
use pcr_codegen::spec::load_str;

const V14: &str = include_str!("../../spec/credit-register-extract/v1.4.yaml");

/// Loads `text`, which must fail; returns the kinds reported.
fn kinds(text: &str) -> Vec<Kind> {
    let diagnostics = load_str("bad.yaml", text).expect_err("malformed input must not load");
    assert!(!diagnostics.is_empty());
    diagnostics.iter().map(|d| d.kind).collect()
}

#[test]
fn empty_and_almost_empty_files() {
    // Nothing at all: every required section is missing, each named.
    for text in ["", "\n", "# only a comment\n"] {
        let diagnostics = load_str("bad.yaml", text).expect_err("an empty spec must not load");
        let missing: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.kind, Kind::MissingKey, "{text:?}: {d}");
                d.message.clone()
            })
            .collect();
        let sections = [
            "spec_format",
            "document",
            "format_rules",
            "error_codes",
            "implicit_errors",
            "codesets",
            "messages",
        ];
        assert_eq!(
            missing,
            sections.map(|s| format!("`{s}` is missing")),
            "{text:?}"
        );
    }
    // An explicit empty document (`null`) is no mapping.
    for text in ["---\n", "~\n"] {
        assert_eq!(kinds(text), [Kind::Syntax], "{text:?}");
    }
}

#[test]
fn a_top_level_that_is_not_a_mapping() {
    assert_eq!(kinds("- a\n- b\n"), [Kind::Syntax]);
    assert_eq!(kinds("just text\n"), [Kind::Syntax]);
}

#[test]
fn every_section_of_the_wrong_yaml_type() {
    let text = "spec_format: [1]\ndocument: x\nformat_rules: []\nerror_codes: {}\nimplicit_errors: 3\ncodesets: x\nhttp_statuses: x\nfootnote_markers: x\nmessages: x\n";
    let found = kinds(text);
    assert_eq!(found, [Kind::WrongType; 9], "{found:?}");
}

#[test]
fn items_of_the_wrong_yaml_type() {
    let text = V14
        .replacen(
            "  - id: TargetEnvironment\n",
            "  - 42\n  - id: TargetEnvironment\n",
            1,
        )
        .replacen(
            "      - json: targetEnvironment\n",
            "      - [json, targetEnvironment]\n      - json: targetEnvironment\n",
            1,
        );
    assert_eq!(kinds(&text), [Kind::WrongType, Kind::WrongType]);
}

#[test]
fn a_second_document() {
    assert_eq!(
        kinds(&format!("{V14}---\nspec_format: 1\n")),
        [Kind::Syntax]
    );
}

#[test]
fn deep_nesting() {
    let text = format!(
        "spec_format: 1\ndocument: {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    assert_eq!(kinds(&text), [Kind::Syntax]);
}

#[test]
fn huge_texts_and_files_are_refused_with_their_limit() {
    // A text over the limit: refused at the value, everything else read.
    let long = "x".repeat(pcr_codegen::spec::MAX_TEXT_CHARS + 1);
    let text = V14.replacen(
        "  title: Requesting",
        &format!("  title: {long} Requesting"),
        1,
    );
    let diagnostics = load_str("long.yaml", &text).unwrap_err();
    let found: Vec<(Kind, usize, String)> = diagnostics
        .iter()
        .map(|d| (d.kind, d.pos.line, d.path.clone()))
        .collect();
    assert_eq!(found.len(), 1, "{diagnostics}");
    assert_eq!(
        (found[0].0, found[0].2.as_str()),
        (Kind::InvalidValue, "document.title")
    );
    assert!(
        diagnostics.to_string().contains("at most 4000"),
        "{diagnostics}"
    );
    // At the limit it is still a title.
    let at_limit = "x".repeat(
        pcr_codegen::spec::MAX_TEXT_CHARS
            - " Requesting a credit register extract – API description"
                .chars()
                .count(),
    );
    let text = V14.replacen(
        "  title: Requesting",
        &format!("  title: {at_limit} Requesting"),
        1,
    );
    assert!(load_str("limit.yaml", &text).is_ok());
    // A file over the size limit is not parsed.
    let huge = "x".repeat(5_000_000);
    assert_eq!(kinds(&format!("a: {huge}\n")), [Kind::Syntax]);
    // libyaml limits an implicit key to 1024 characters.
    assert_eq!(kinds(&format!("{}: 1\n", "x".repeat(2000))), [Kind::Syntax]);
}

#[test]
fn deep_flow_collections_are_refused_before_the_parser_recurses() {
    for text in [
        "[".repeat(100_000),
        "{a: ".repeat(100_000),
        format!("a: {}", "[".repeat(200)),
    ] {
        let diagnostics = load_str("deep.yaml", &text).unwrap_err();
        let first = diagnostics.iter().next().unwrap();
        assert_eq!(first.kind, Kind::Syntax);
        assert!(
            first.message.contains("nested more than 128"),
            "{}",
            first.message
        );
        assert_eq!(first.pos.line, 1);
        assert!(first.pos.col > 128, "at the bracket that passes the limit");
    }
    // Brackets in quoted text and comments do not count.
    let text = format!("a: \"{}\"\n# {}\n", "[".repeat(500), "{".repeat(500));
    assert!(!load_str("quoted.yaml", &text)
        .unwrap_err()
        .to_string()
        .contains("nested"));
}

#[test]
fn control_characters_and_odd_text() {
    for text in [
        "\u{0}",
        "a: \u{7}\n",
        "\u{feff}spec_format: 1\n",
        "a:\n\t- b\n",
        "? [a, b]\n: c\n",
        "a: !tag x\n",
        "a: &x 1\nb: *x\n",
    ] {
        kinds(text);
    }
}

/// Every spec that lacks one line of v1.4, and every tenth prefix of it, loads or
/// fails with diagnostics; none panics.
#[test]
fn every_single_line_deletion_and_truncation_of_the_v14_spec() {
    let lines: Vec<&str> = V14.lines().collect();
    let mut failed = 0;
    for i in 0..lines.len() {
        let mut without = lines.clone();
        without.remove(i);
        if load_str("cut.yaml", &without.join("\n")).is_err() {
            failed += 1;
        }
        // Truncations fail in fewer ways than deletions; every tenth keeps
        // the test quick in debug builds.
        if i % 10 == 0 {
            let _ = load_str("prefix.yaml", &lines[..i].join("\n"));
        }
    }
    // Most lines carry something the checks miss when it is gone; comments,
    // blank lines and optional keys do not.
    assert!(
        failed > lines.len() / 2,
        "only {failed} of {} deletions were noticed",
        lines.len()
    );
}
