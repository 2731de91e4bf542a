//! Applies each mutation of `MUTATIONS` to the v1.4 spec. A mutation that
//! `check` refuses must be refused at a line of the spec; one it accepts is
//! generated into OUT_DIR and compiled with this crate, each in a module of
//! its own. The outcomes go to OUT_DIR/outcomes.rs for the test.

use std::fmt::Write as _;
use std::path::PathBuf;

const SPEC: &str = "../../spec/credit-register-extract/v1.4.yaml";

/// (name, from, to, every occurrence?): names set to keywords, empty,
/// digit-first, non-ASCII, reserved, twins and duplicates. A message id is
/// changed where the 200 status names it too.
const MUTATIONS: &[(&str, &str, &str, bool)] = &[
    (
        "field_keyword_type",
        "json: targetEnvironment",
        "json: type",
        false,
    ),
    (
        "field_keyword_self",
        "json: targetEnvironment",
        "json: self",
        false,
    ),
    (
        "field_keyword_match",
        "json: statusMessage",
        "json: match",
        false,
    ),
    (
        "field_digit_first",
        "json: statusMessage",
        "json: 2ndMessage",
        false,
    ),
    (
        "field_non_ascii",
        "json: statusMessage",
        "json: äiti",
        false,
    ),
    ("field_empty", "json: statusMessage", "json: \"\"", false),
    ("field_dash", "json: statusMessage", "json: \"-\"", false),
    (
        "field_twins",
        "json: lendersCount",
        "json: loanContractsCOUNT",
        false,
    ),
    (
        "field_duplicate",
        "json: lendersCount",
        "json: loanContractsCount",
        false,
    ),
    (
        "group_named_message",
        "json: paymentPlan",
        "json: message",
        false,
    ),
    (
        "group_named_like_its_list",
        "json: lumpSumLoan",
        "json: loans",
        false,
    ),
    (
        "group_named_result",
        "json: paymentPlan",
        "json: result",
        false,
    ),
    ("message_keyword", "deceased", "match", false),
    ("message_reserved", "deceased", "codesets", false),
    ("message_case_twin", "deceased", "Request", false),
    ("message_dash", "deceased", "\"-\"", false),
    ("message_underscore", "deceased", "\"_\"", false),
    (
        "codeset_value_keyword",
        "{code: Other, label: Other reason",
        "{code: type, label: Other reason",
        false,
    ),
    (
        "codeset_value_err",
        "{code: Other, label: Other reason",
        "{code: Err, label: Other reason",
        false,
    ),
    (
        "codeset_value_self",
        "{code: Other, label: Other reason",
        "{code: self, label: Other reason",
        false,
    ),
    (
        "codeset_value_twin",
        "{code: Other, label: Other reason",
        "{code: riskOfIdentityTheft, label: Other reason",
        false,
    ),
    ("codeset_id_option", "LoanType", "Option", true),
    ("codeset_id_keyword", "LoanType", "Match", true),
    ("codeset_id_twin", "ReasonForCreditBan", "LOANTYPE", true),
    (
        "rule_names_itself",
        "required_if: {element: idCodeType, equals: ForeignBusinessId}",
        "required_if: {element: countryCode, equals: ForeignBusinessId}",
        false,
    ),
    (
        "environment_named_path",
        "    - name: test\n",
        "    - name: path\n",
        false,
    ),
];

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    let spec = std::fs::read_to_string(SPEC).expect("the v1.4 spec");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut modules = String::new();
    let mut outcomes = String::from(
        "/// (mutation, outcome) of each mutation.\npub const OUTCOMES: &[(&str, &str)] = &[\n",
    );
    for (name, from, to, all) in MUTATIONS {
        assert!(spec.contains(from), "{name}: the spec has no {from:?}");
        let text = if name.starts_with("message_") {
            // The id, and the 200 status that names it.
            spec.replacen(&format!("  - id: {from}\n"), &format!("  - id: {to}\n"), 1)
                .replacen(
                    &format!("[extract, {from}]"),
                    &format!("[extract, {to}]"),
                    1,
                )
        } else if *all {
            spec.replace(from, to)
        } else {
            spec.replacen(from, to, 1)
        };
        let outcome = match pcr_codegen::spec::load_str(&format!("{name}.yaml"), &text) {
            Err(diagnostics) => {
                // Refused: each error at a line of the spec, with a path or
                // a message that says where.
                for d in diagnostics.iter() {
                    assert!(d.pos.line >= 1 && !d.message.is_empty(), "{name}: {d}");
                }
                let first = diagnostics.iter().next().expect("a refusal says why");
                format!("refused at line {}: {}", first.pos.line, first.message)
            }
            Ok(spec) => {
                let file = pcr_codegen::emit::emit(&spec)
                    .unwrap_or_else(|d| panic!("{name}: checked, then not generated: {d}"));
                let path = out.join(format!("{name}.rs"));
                std::fs::write(&path, &file.contents).expect("OUT_DIR is writable");
                writeln!(
                    modules,
                    "#[doc = \" v1.4 with the mutation `{name}`.\"]\npub mod {name} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{name}.rs\"));\n}}"
                )
                .unwrap();
                "compiles".to_string()
            }
        };
        writeln!(outcomes, "    ({name:?}, {outcome:?}),").unwrap();
    }
    outcomes.push_str("];\n");
    std::fs::write(out.join("modules.rs"), modules).expect("OUT_DIR is writable");
    std::fs::write(out.join("outcomes.rs"), outcomes).expect("OUT_DIR is writable");
}
