//! Applies each mutation to the v1.4 spec: the hand-picked `MUTATIONS`, and
//! every value of `VALUES` (plus a case twin and a duplicate) at every place
//! of `PLACES`. A mutation that `check` refuses must be refused at a line of
//! the spec, never at 1:1; one it accepts is generated into OUT_DIR and
//! compiled with this crate, each in a module of its own. The outcomes go to
//! OUT_DIR/outcomes.rs for the test.

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

/// Where the generated mutations apply: (kind, the text holding the name,
/// the name in it, every occurrence?, a sibling's name in another case that
/// makes the same Rust name, the sibling's name). A list has no sibling
/// whose twin is a JSON name, so its twin is refused for its form. Each kind is a key whose value becomes a Rust name: a
/// request field, a group, a list (its item struct), a field nested in a
/// list, a message id, a codeset id, a codeset value, an environment name.
const PLACES: &[(&str, &str, &str, bool, &str, &str)] = &[
    (
        "request_field",
        "json: creditRegisterExtractPurpose",
        "creditRegisterExtractPurpose",
        false,
        "idCODEType",
        "idCodeType",
    ),
    (
        "group",
        "json: paymentPlan",
        "paymentPlan",
        false,
        "accuracyIsDENIED",
        "accuracyIsDenied",
    ),
    ("list", "json: months", "months", false, "Year", "year"),
    (
        "nested_field",
        "json: benefitsNetAmount",
        "benefitsNetAmount",
        false,
        "benefitsGrossAMOUNT",
        "benefitsGrossAmount",
    ),
    (
        "message", "deceased", "deceased", false, "Extract", "extract",
    ),
    (
        "codeset",
        "LoanType",
        "LoanType",
        true,
        "reasonForCreditBan",
        "ReasonForCreditBan",
    ),
    (
        "codeset_value",
        "{code: Other, label: Other reason",
        "Other",
        false,
        "controlOfPersonalFinances",
        "ControlOfPersonalFinances",
    ),
    (
        "environment",
        "    - name: test\n",
        "test",
        false,
        "Production",
        "production",
    ),
];

/// What each place's name is set to, with a label for the module name:
/// keywords (a raw one, and two of the four that cannot be raw: `crate` and
/// `super` take the path of `self`, see emit/names.rs), no identifier at
/// all, digit-first, non-ASCII, the names the generated code relies on.
const VALUES: &[(&str, &str)] = &[
    ("kw_type", "type"),
    ("kw_self", "self"),
    ("kw_self_type", "Self"),
    ("empty", ""),
    ("underscore", "_"),
    ("dash", "-"),
    ("digit_first", "9lives"),
    ("non_ascii", "äiti"),
    ("space", "a b"),
    ("ok", "Ok"),
    ("err", "Err"),
    ("some", "Some"),
    ("none", "None"),
    ("result", "Result"),
    ("option", "Option"),
    ("vec", "Vec"),
    ("string", "String"),
    ("boxed", "Box"),
    ("codesets", "codesets"),
    ("api", "api"),
];

/// The generated mutations: every value of `VALUES`, a case twin and a
/// duplicate of a sibling, at every place of `PLACES`.
fn generated() -> Vec<(String, String, String, bool)> {
    let mut mutations = Vec::new();
    for (kind, text, name, all, twin, duplicate) in PLACES {
        let values = VALUES
            .iter()
            .copied()
            .chain([("case_twin", *twin), ("duplicate", *duplicate)]);
        for (label, value) in values {
            // Quoted, so YAML keeps every value a string.
            let quoted = format!("{value:?}");
            mutations.push((
                format!("gen_{kind}_{label}"),
                text.to_string(),
                text.replacen(name, &quoted, 1),
                *all,
            ));
        }
    }
    mutations
}

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    let spec = std::fs::read_to_string(SPEC).expect("the v1.4 spec");
    // Without the stages: they name the environments by the runtime's
    // names (`production`, `test`), so renaming an environment, as one
    // place here does, would leave them naming none; and no name in them
    // becomes Rust.
    let spec = match spec.find("\n# When the register's stages started.") {
        Some(at) => spec[..at + 1].to_string(),
        None => spec,
    };
    // Without the messages' readings either: they name elements by their
    // JSON names, which mutations rename, and no name in them becomes Rust.
    let spec = without_readings(&spec);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut modules = String::new();
    let mut outcomes = String::from(
        "/// (mutation, outcome) of each mutation.\npub const OUTCOMES: &[(&str, &str)] = &[\n",
    );
    let mutations = MUTATIONS
        .iter()
        .map(|(n, f, t, a)| (n.to_string(), f.to_string(), t.to_string(), *a))
        .chain(generated());
    for (name, from, to, all) in mutations {
        let (name, from, to) = (name.as_str(), from.as_str(), to.as_str());
        assert!(spec.contains(from), "{name}: the spec has no {from:?}");
        let text = if name.starts_with("message_") || name.starts_with("gen_message_") {
            // The id, and the 200 status that names it.
            spec.replacen(&format!("  - id: {from}\n"), &format!("  - id: {to}\n"), 1)
                .replacen(
                    &format!("[extract, {from}]"),
                    &format!("[extract, {to}]"),
                    1,
                )
        } else if all {
            spec.replace(from, to)
        } else {
            spec.replacen(from, to, 1)
        };
        let outcome = match pcr_codegen::spec::load_str(&format!("{name}.yaml"), &text) {
            Err(diagnostics) => {
                // Refused: each error at a line of the spec, with a message.
                // No mutation touches line 1 (a comment), so an error there
                // would be one that lost its place.
                for d in diagnostics.iter() {
                    assert!(d.pos.line > 1 && !d.message.is_empty(), "{name}: {d}");
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

/// `spec` without the `readings:` blocks of its messages.
fn without_readings(spec: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in spec.lines() {
        let indent = line.len() - line.trim_start().len();
        if line == "    readings:" {
            skipping = true;
        } else if skipping
            && !line.trim().is_empty()
            && indent <= 4
            && !line.trim_start().starts_with('#')
        {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
