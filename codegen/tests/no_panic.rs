//! No spec text, however broken, makes loading, checking or generating
//! panic: arbitrary bytes, YAML made of the spec format's own pieces,
//! arbitrary YAML trees of them, v1.4 with one subtree replaced by such a
//! tree, and v1.4 with one line replaced by such pieces.

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
            Just("stages"),
            Just("stage"),
            Just("starts"),
            Just("environment"),
            Just("date"),
            Just("from"),
            Just("until"),
            Just("in_force"),
            Just("title"),
            Just("address"),
            Just("read"),
            Just("2027-01-04"),
            Just("2027-02-30"),
            Just("https://example.invalid"),
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

/// A YAML tree: scalars of the format's own pieces (as strings, numbers,
/// booleans, null), sequences and mappings keyed by them, up to 6 deep.
fn tree() -> impl Strategy<Value = serde_yaml::Value> {
    use serde_yaml::Value;
    let leaf = prop_oneof![
        piece().prop_map(Value::String),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Sequence),
            proptest::collection::vec((piece(), inner), 0..8).prop_map(|entries| {
                Value::Mapping(
                    entries
                        .into_iter()
                        .map(|(k, v)| (Value::String(k), v))
                        .collect(),
                )
            }),
        ]
    })
}

/// The node reached from `root` by `choices` (each picks a child, modulo
/// how many there are), replaced by `with`.
fn replace_subtree(node: &mut serde_yaml::Value, choices: &[usize], with: serde_yaml::Value) {
    use serde_yaml::Value;
    let child = match (choices.first(), &mut *node) {
        (Some(c), Value::Sequence(items)) if !items.is_empty() => {
            let n = items.len();
            Some(&mut items[c % n])
        }
        (Some(c), Value::Mapping(map)) if !map.is_empty() => {
            let n = map.len();
            map.values_mut().nth(c % n)
        }
        _ => None,
    };
    match child {
        Some(child) => replace_subtree(child, &choices[1..], with),
        None => *node = with,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_yaml_trees(tree in tree()) {
        load_and_generate(&serde_yaml::to_string(&tree).expect("a tree serializes"));
    }

    #[test]
    fn v1_4_with_one_subtree_replaced(
        choices in proptest::collection::vec(any::<usize>(), 0..8),
        with in tree(),
    ) {
        let mut root: serde_yaml::Value = serde_yaml::from_str(V14).expect("v1.4 is YAML");
        replace_subtree(&mut root, &choices, with);
        load_and_generate(&serde_yaml::to_string(&root).expect("a tree serializes"));
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        load_and_generate(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn yaml_of_the_format_s_own_pieces(pieces in proptest::collection::vec(piece(), 0..200)) {
        load_and_generate(&pieces.concat());
    }

    #[test]
    fn v1_4_with_one_line_replaced(line in 0usize..4000, pieces in proptest::collection::vec(piece(), 0..6)) {
        let mut lines: Vec<&str> = V14.lines().collect();
        let at = line % lines.len();
        let replacement = pieces.concat();
        let indent = lines[at].len() - lines[at].trim_start().len();
        let replaced = format!("{}{replacement}", " ".repeat(indent));
        lines[at] = &replaced;
        load_and_generate(&lines.join("\n"));
    }
}
