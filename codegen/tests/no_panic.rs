//! No spec text, however broken, makes loading, checking or generating
//! panic: arbitrary bytes, YAML made of the spec format's own pieces, and
//! v1.4 with one line replaced by such a piece.

use pcr_codegen::{emit, spec::load_str};
use proptest::prelude::*;

const V14: &str = include_str!("../../spec/credit-register-extract/v1.4.yaml");

/// Loads `text`, and generates from it if it loads: either may refuse it,
/// neither may panic.
fn load_and_generate(text: &str) {
    if let Ok(spec) = load_str("case.yaml", text) {
        let _ = emit::emit(&spec);
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just("  ".to_string()),
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(", ".to_string()),
        Just("\"".to_string()),
        Just("null".to_string()),
        Just("0".to_string()),
        Just("-1".to_string()),
        Just("_".to_string()),
        Just("Err".to_string()),
        Just("type".to_string()),
        prop_oneof![
            Just("spec_format"),
            Just("document"),
            Just("messages"),
            Just("elements"),
            Just("json"),
            Just("id"),
            Just("data_type"),
            Just("required"),
            Just("codeset"),
            Just("codesets"),
            Just("values"),
            Just("code"),
            Just("rules"),
            Just("required_if"),
            Just("absent_if"),
            Just("element"),
            Just("equals"),
            Just("source"),
            Just("line"),
            Just("section"),
            Just("markers"),
            Just("parties"),
            Just("api"),
            Just("renamed_from"),
            Just("http_statuses"),
            Just("status"),
            Just("List"),
            Just("Enum"),
            Just("String"),
            Just("P"),
            Just("E"),
            Just("V"),
        ]
        .prop_map(str::to_string),
        "[a-zA-Z0-9 _.-]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        load_and_generate(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn yaml_of_the_format_s_own_pieces(pieces in proptest::collection::vec(piece(), 0..200)) {
        load_and_generate(&pieces.concat());
    }

    #[test]
    fn v1_4_with_one_line_replaced(line in 0usize..1600, pieces in proptest::collection::vec(piece(), 0..6)) {
        let mut lines: Vec<&str> = V14.lines().collect();
        let at = line % lines.len();
        let replacement = pieces.concat();
        let indent = lines[at].len() - lines[at].trim_start().len();
        let replaced = format!("{}{replacement}", " ".repeat(indent));
        lines[at] = &replaced;
        load_and_generate(&lines.join("\n"));
    }
}
