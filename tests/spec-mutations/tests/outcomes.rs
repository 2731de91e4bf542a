//! Every mutation either compiles (its module is in this crate, so the
//! crate's build is the proof) or is refused at a line of the spec.

use spec_mutations::OUTCOMES;

#[test]
fn every_mutation_compiles_or_is_refused_at_a_line() {
    for (name, outcome) in OUTCOMES {
        assert!(
            *outcome == "compiles" || outcome.starts_with("refused at line "),
            "{name}: {outcome}"
        );
    }
    let refused = |name: &str| {
        OUTCOMES
            .iter()
            .find(|(n, _)| *n == name)
            .is_some_and(|(_, o)| o.starts_with("refused"))
    };
    // The cases the issue names are refused, not generated into code that
    // does not compile.
    for name in [
        "message_reserved",
        "message_case_twin",
        "message_dash",
        "message_underscore",
        "codeset_value_err",
        "field_twins",
        "field_duplicate",
        "rule_names_itself",
        "field_digit_first",
        "field_non_ascii",
        "field_empty",
        "codeset_id_option",
    ] {
        assert!(refused(name), "{name} should be refused");
    }
    // Keywords are made safe (`r#type`, `self_`, `r#match`, `Self_`) and compile.
    for name in [
        "field_keyword_type",
        "field_keyword_self",
        "field_keyword_match",
        "message_keyword",
        "codeset_value_keyword",
        "codeset_value_self",
        "group_named_message",
    ] {
        assert!(!refused(name), "{name} should compile");
    }
}

/// The generated mutations (`gen_<place>_<value>`), by class of value.
#[test]
fn generated_mutations_by_class() {
    let generated: Vec<_> = OUTCOMES
        .iter()
        .filter(|(n, _)| n.starts_with("gen_"))
        .collect();
    // 8 places, 20 values, and a twin and a duplicate at each place.
    assert_eq!(generated.len(), 8 * 22);
    for (name, outcome) in &generated {
        let refused = outcome.starts_with("refused at line ");
        // No Rust name at all, a twin or a duplicate: always refused.
        if ["_empty", "_underscore", "_dash", "_case_twin", "_duplicate"]
            .iter()
            .any(|s| name.ends_with(s))
        {
            assert!(refused, "{name}: {outcome}");
        }
        // A keyword is made safe wherever the form of the name allows it.
        if name.ends_with("_kw_type") || name.ends_with("_kw_self") {
            assert!(!refused, "{name}: {outcome}");
        }
        // A prelude name as a type or variant is refused, never shadowed.
        if name.starts_with("gen_codeset") && name.ends_with("_option") {
            assert!(refused, "{name}: {outcome}");
        }
    }
}
