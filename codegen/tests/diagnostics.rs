//! One case per kind of spec error. Each case plants a mistake in the
//! minimal spec, asserts exactly which diagnostics come out, and snapshots
//! how they read (`cargo insta review` to accept a change).

use pcr_codegen::diagnostic::Kind;
use pcr_codegen::spec::load_str;

const MINIMAL: &str = include_str!("specs/minimal.yaml");

/// The minimal spec with `from` replaced by `to` (which must occur).
fn planted(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "the minimal spec has no {from:?}");
    MINIMAL.replacen(from, to, 1)
}

/// Loads `text`, asserts the diagnostics are exactly `kinds` (in file order)
/// and snapshots their rendering under `name`.
fn case(name: &str, text: &str, kinds: &[Kind]) {
    let diagnostics =
        load_str("case.yaml", text).expect_err("the planted mistake must be reported");
    let found: Vec<Kind> = diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(found, kinds, "{diagnostics}");
    insta::assert_snapshot!(name, diagnostics.to_string());
}

#[test]
fn minimal_spec_is_valid() {
    let spec = load_str("minimal.yaml", MINIMAL).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(spec.messages[0].elements.len(), 2);
}

#[test]
fn syntax_error() {
    case(
        "syntax",
        &planted("codeset: IdCodeType\n", "codeset: [IdCodeType\n"),
        &[Kind::Syntax],
    );
}

#[test]
fn duplicate_yaml_key() {
    case(
        "duplicate_yaml_key",
        &planted(
            "        data_type: Enum\n        required: P\n",
            "        data_type: Enum\n        required: P\n        data_type: String\n",
        ),
        &[Kind::Syntax],
    );
}

#[test]
fn unreadable_file() {
    let diagnostics =
        pcr_codegen::spec::load(std::path::Path::new("no/such/spec.yaml")).unwrap_err();
    let found: Vec<Kind> = diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(found, [Kind::Io]);
    assert!(diagnostics
        .to_string()
        .starts_with("no/such/spec.yaml:1:1: error[io]: cannot read the spec"));
}

#[test]
fn unknown_key_suggests_the_right_one() {
    case(
        "unknown_key",
        &planted("codeset: IdCodeType\n", "codest: IdCodeType\n"),
        &[Kind::MissingKey, Kind::UnknownKey],
    );
}

#[test]
fn missing_key() {
    case(
        "missing_key",
        &planted("  title: A tiny API\n", ""),
        &[Kind::MissingKey],
    );
}

#[test]
fn wrong_type() {
    case(
        "wrong_type",
        &planted(
            "    values:\n      - {code: BusinessId",
            "    values: BusinessId\n    x:\n      - {code: BusinessId",
        ),
        &[Kind::WrongType, Kind::UnknownKey],
    );
}

#[test]
fn invalid_values() {
    let text = planted(
        "date: 2024-01-01\n  stage: first",
        "date: 2024-13-01\n  stage: third",
    );
    let text = text.replacen("        required: P\n", "        required: X\n", 1);
    case(
        "invalid_values",
        &text,
        &[Kind::InvalidValue, Kind::InvalidValue, Kind::InvalidValue],
    );
}

#[test]
fn duplicate_element() {
    case(
        "duplicate_element",
        &planted("      - json: countryCode", "      - json: idCodeType"),
        // The renamed element's rule now names the element itself.
        &[Kind::Duplicate, Kind::Inconsistent],
    );
}

#[test]
fn duplicate_code_differing_only_in_case() {
    case(
        "duplicate_code",
        &planted("{code: ForeignBusinessId,", "{code: businessid,"),
        &[Kind::Duplicate, Kind::UnknownCodesetValue],
    );
}

#[test]
fn unknown_codeset() {
    case(
        "unknown_codeset",
        &planted("codeset: CountryCode", "codeset: CountryCodes"),
        &[Kind::UnknownCodeset],
    );
}

#[test]
fn unknown_codeset_value() {
    case(
        "unknown_codeset_value",
        &planted("equals: ForeignBusinessId", "equals: ForeignBusinesId"),
        &[Kind::UnknownCodesetValue],
    );
}

#[test]
fn unknown_element() {
    case(
        "unknown_element",
        &planted("{element: idCodeType,", "{element: idCodeTyp,"),
        &[Kind::UnknownElement],
    );
}

#[test]
fn unknown_error_code() {
    case(
        "unknown_error_code",
        &planted("error: D40", "error: D41"),
        &[Kind::UnknownErrorCode],
    );
}

#[test]
fn unknown_message() {
    let text =
        format!("{MINIMAL}http_statuses:\n  - {{status: 200, reason: OK, messages: [reqest]}}\n");
    case("unknown_message", &text, &[Kind::UnknownMessage]);
}

#[test]
fn unknown_marker_and_marker_in_a_request() {
    let text = planted(
        "        source: {section: \"1\", line: 2}",
        "        markers: [\"*\"]\n        source: {section: \"1\", line: 2}",
    );
    case(
        "unknown_marker",
        &text,
        &[Kind::UnknownMarker, Kind::Inconsistent],
    );
}

#[test]
fn e_element_without_rule() {
    let text = planted(
        "        rules:\n          - text: Required for a foreign business ID.\n            required_if: {element: idCodeType, equals: ForeignBusinessId}\n            error: D40\n",
        "",
    );
    case("missing_rule", &text, &[Kind::MissingRule]);
}

#[test]
fn permissible_text_disagrees_with_codeset() {
    case(
        "codeset_name_mismatch",
        &planted(
            "permissible: \"Codeset: Type of ID code\"",
            "permissible: \"Codeset: Loan type\"",
        ),
        &[Kind::Inconsistent],
    );
}

#[test]
fn required_if_on_an_optional_element() {
    case(
        "required_if_on_v",
        &planted("required: E", "required: V"),
        &[Kind::Inconsistent],
    );
}

#[test]
fn required_if_on_a_required_element_is_redundant_not_wrong() {
    let text = planted("required: E", "required: P");
    let spec = load_str("case.yaml", &text).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(spec.messages[0].elements[1].json.value, "countryCode");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = planted("codeset: CountryCode", "codeset: CountryCodes")
        .replacen("error: D40", "error: D41", 1)
        .replacen("      - json: countryCode", "      - json: idCodeType", 1)
        .replacen("  title: A tiny API\n", "", 1);
    let diagnostics = load_str("case.yaml", &text).unwrap_err();
    let found: Vec<Kind> = diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(
        found,
        [
            Kind::MissingKey,
            Kind::Duplicate,
            Kind::UnknownCodeset,
            Kind::Inconsistent,
            Kind::UnknownErrorCode
        ],
        "{diagnostics}"
    );
}

/// The minimal spec with an `api` section: `edit` turns the valid one into
/// the case.
fn with_api(edit: impl FnOnce(&str) -> String) -> String {
    let api = "api:
  name: GetTiny
  method: POST
  path: /GetTiny
  content_type: application/json
  request: request
  client_certificate: {purpose: requesting data}
  environments:
    - {name: production, base_url: https://api.example.invalid, target_environment: BusinessId}
    - {name: test, base_url: https://test.example.invalid}
";
    format!("{MINIMAL}{}", edit(api))
}

#[test]
fn a_valid_api_section_loads() {
    let spec = load_str("api.yaml", &with_api(str::to_string)).unwrap_or_else(|d| panic!("{d}"));
    let api = spec.api.expect("the api section is read");
    assert_eq!(api.method.value, "POST");
    assert_eq!(api.environments.len(), 2);
    assert_eq!(api.client_certificate.purpose.value, "requesting data");
}

#[test]
fn every_api_mistake_at_once() {
    let text = with_api(|api| {
        api.replace("method: POST", "method: SEND")
            .replace("path: /GetTiny", "path: GetTiny")
            .replace("content_type: application/json", "content_type: json")
            .replace("request: request", "request: reqest")
            .replace("{purpose: requesting data}", "{purpose: \"\"}")
            .replace(
                "https://test.example.invalid",
                "http://test.example.invalid/x",
            )
            .replace("name: test,", "name: Production,")
            .replace(
                "target_environment: BusinessId",
                "target_environment: Busines",
            )
    });
    case(
        "api_mistakes",
        &text,
        &[
            Kind::InvalidValue,
            Kind::InvalidValue,
            Kind::InvalidValue,
            Kind::UnknownMessage,
            Kind::MissingKey,
            Kind::UnknownCodesetValue,
            Kind::Duplicate,
            Kind::InvalidValue,
            Kind::InvalidValue,
        ],
    );
}

#[test]
fn a_message_named_like_a_generated_module_is_refused() {
    case(
        "reserved_message_id",
        &planted("  - id: request\n", "  - id: codesets\n"),
        &[Kind::InvalidValue],
    );
}

#[test]
fn names_that_make_no_rust_identifier_or_a_reserved_one() {
    for (id, line) in [("\"-\"", 43), ("\"_\"", 43), ("codesets", 43), ("api", 43)] {
        let text = planted("  - id: request\n", &format!("  - id: {id}\n"));
        let diagnostics = load_str("case.yaml", &text).expect_err("refused");
        let found: Vec<(Kind, usize)> = diagnostics.iter().map(|d| (d.kind, d.pos.line)).collect();
        assert_eq!(found, [(Kind::InvalidValue, line)], "{id}: {diagnostics}");
    }
    case(
        "reserved_variant",
        &planted(
            "{code: BusinessId, label: Business ID}",
            "{code: Err, label: Business ID}",
        ),
        &[Kind::InvalidValue],
    );
}

#[test]
fn names_that_make_the_same_rust_name() {
    // Two fields of one group.
    let text = planted(
        "      - json: countryCode\n",
        "      - json: countryCODE\n        name: Twin\n        data_type: String\n        required: V\n        source: {section: \"1\", line: 3}\n      - json: countryCode\n",
    );
    case("field_twins", &text, &[Kind::Duplicate]);
    // Two messages.
    let second = MINIMAL.split("messages:\n").nth(1).unwrap().replacen(
        "  - id: request\n",
        "  - id: Request\n",
        1,
    );
    let text = format!("{MINIMAL}{second}");
    let diagnostics = load_str("case.yaml", &text).expect_err("refused");
    assert!(
        diagnostics
            .to_string()
            .contains("`request` and `Request` both make the Rust module `request`"),
        "{diagnostics}"
    );
}

#[test]
fn references_to_themselves_repeated_statuses_and_line_0() {
    case(
        "rule_names_its_own_element",
        &planted(
            "required_if: {element: idCodeType, equals: ForeignBusinessId}",
            "required_if: {element: countryCode, equals: ForeignBusinessId}",
        ),
        &[Kind::Inconsistent],
    );
    case(
        "renamed_from_itself",
        &planted(
            "      - json: countryCode\n",
            "      - json: countryCode\n        renamed_from: countryCode\n",
        ),
        &[Kind::Inconsistent],
    );
    case(
        "line_0",
        &planted(
            "source: {section: \"1\", line: 2}",
            "source: {section: \"1\", line: 0}",
        ),
        &[Kind::InvalidValue],
    );
    // The source text has 1 line: the citation of line 2 is past its end.
    case(
        "line_past_the_end",
        &planted(
            "  stage: first\n",
            "  source_text: tiny.txt\n  source_lines: 1\n  stage: first\n",
        ),
        &[Kind::InvalidValue],
    );
    case(
        "source_text_without_source_lines",
        &planted(
            "  stage: first\n",
            "  source_text: tiny.txt\n  stage: first\n",
        ),
        &[Kind::MissingKey],
    );
    let statuses = "http_statuses:\n  - {status: 200, reason: Fine., messages: [request]}\n  - {status: 200, reason: Also fine., messages: [request]}\n  - {status: 403, reason: No right.}\n  - {status: 403, reason: Revoked.}\n";
    let text = planted("messages:\n", &format!("{statuses}messages:\n"));
    case("status_twice", &text, &[Kind::Duplicate]);
}

#[test]
fn item_name_only_on_a_list_of_groups_and_a_rust_name() {
    // A list whose item's struct would be a prelude name, by the singular
    // of its JSON name or by `item_name`: refused at the name.
    let tour = include_str!("../../tests/downstream-build/specs/feature-tour.yaml");
    let items = "      - json: items\n        name: Items\n        data_type: List\n";
    assert!(tour.contains(items));
    for (edited, at) in [
        (
            tour.replacen(items, &items.replace("json: items", "json: vecs"), 1),
            "`vecs`",
        ),
        (
            tour.replacen(items, &format!("{items}        item_name: Option\n"), 1),
            "`Option`",
        ),
    ] {
        let diagnostics = load_str("tour.yaml", &edited).expect_err("refused");
        let text = diagnostics.to_string();
        assert!(
            text.contains(&format!("{at} cannot name the group's Rust struct")),
            "{text}"
        );
    }
    // On a field that is not a list of groups.
    case(
        "item_name_on_a_field",
        &planted(
            "      - json: countryCode\n",
            "      - json: countryCode\n        item_name: Country\n",
        ),
        &[Kind::Inconsistent],
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_positions_stay() {
    let spec =
        load_str("bom.yaml", &format!("\u{feff}{MINIMAL}")).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(spec.messages[0].elements.len(), 2);
    let text = format!(
        "\u{feff}{}",
        planted("codeset: IdCodeType\n", "codeset: IdCodeTypes\n")
    );
    let diagnostics = load_str("bom.yaml", &text).unwrap_err();
    let plain = load_str(
        "bom.yaml",
        &planted("codeset: IdCodeType\n", "codeset: IdCodeTypes\n"),
    )
    .unwrap_err();
    assert_eq!(diagnostics.to_string(), plain.to_string());
}

/// The minimal spec with stages appended.
fn with_stages(stages: &str) -> String {
    format!("{MINIMAL}stages:\n{stages}")
}

/// The kind and line of each diagnostic of `text`, which must have some,
/// and all of them as text.
fn reported(text: &str) -> (Vec<(Kind, usize)>, String) {
    let diagnostics =
        load_str("case.yaml", text).expect_err("the planted mistake must be reported");
    let found = diagnostics.iter().map(|d| (d.kind, d.pos.line)).collect();
    (found, diagnostics.to_string())
}

/// The 1-based line of the minimal spec that contains `text`.
fn line_of(text: &str) -> usize {
    MINIMAL
        .lines()
        .position(|l| l.contains(text))
        .expect("in the minimal spec")
        + 1
}

#[test]
fn impossible_and_malformed_dates_are_refused_at_their_line() {
    let (found, all) = reported(&with_stages(
        "  - stage: first\n    starts:\n      - {environment: test, date: 2024-02-30}\n      - {environment: production, date: 2024-4-1}\n",
    ));
    // The line after `stages:`, `- stage: first` and `starts:`.
    let first = MINIMAL.lines().count() + 4;
    assert_eq!(
        found,
        [(Kind::InvalidValue, first), (Kind::InvalidValue, first + 1)],
        "{all}"
    );
}

#[test]
fn stages_out_of_order_are_refused() {
    let (found, all) = reported(&with_stages(
        "  - stage: second\n    starts:\n      - {environment: test, date: 2026-04-01}\n  - stage: first\n    starts:\n      - {environment: test, date: 2024-04-01}\n",
    ));
    assert_eq!(
        found,
        [(Kind::Inconsistent, MINIMAL.lines().count() + 5)],
        "{all}"
    );
    assert!(all.contains("listed after stage `second`"), "{all}");
    // In order, a later stage must start later in the same environment.
    let (found, all) = reported(&with_stages(
        "  - stage: first\n    starts:\n      - {environment: test, date: 2026-04-01}\n  - stage: second\n    starts:\n      - {environment: test, date: 2026-04-01}\n      - {environment: staging, date: 2026-04-01}\n",
    ));
    let at = MINIMAL.lines().count() + 7;
    assert_eq!(
        found,
        [(Kind::Inconsistent, at), (Kind::InvalidValue, at + 1)],
        "{all}"
    );
}

#[test]
fn until_not_after_from_and_dates_without_their_code_are_refused() {
    let (found, all) = reported(&planted(
        "{code: BusinessId, label: Business ID}",
        "{code: BusinessId, label: Business ID, from: 2027-01-04, until: 2027-01-04}",
    ));
    // No `implicit_errors.in_force` to report with; `until` not after `from`.
    let line = line_of("code: BusinessId");
    assert_eq!(
        found,
        [(Kind::MissingKey, line), (Kind::Inconsistent, line)],
        "{all}"
    );
    assert!(all.contains("in force on no day"));
}

#[test]
fn a_dated_required_request_element_is_refused() {
    let text = planted(
        "        required: P\n        permissible: \"Codeset: Type of ID code\"\n",
        "        required: P\n        from: 2027-01-04\n        permissible: \"Codeset: Type of ID code\"\n",
    )
    .replacen("  stage: PCR-REQUIRED\n", "  stage: PCR-REQUIRED\n  in_force: PCR-REQUIRED\n", 1);
    let (found, all) = reported(&text);
    // At the element's `required: P`, in the edited text.
    let line = text
        .lines()
        .position(|l| l == "        required: P")
        .unwrap()
        + 1;
    assert_eq!(found, [(Kind::Inconsistent, line)], "{all}");
    assert!(all.contains("cannot be in force on some days only"));
}

#[test]
fn required_on_a_response_element_is_refused() {
    let response = "  - id: answer\n    name: Answer\n    direction: response\n    elements:\n      - {json: note, name: Note, data_type: String, required: V, source: {section: \"2\", line: 1}}\n";
    let text = format!("{MINIMAL}{response}");
    let (found, all) = reported(&text);
    assert_eq!(
        found,
        [(Kind::Inconsistent, MINIMAL.lines().count() + 5)],
        "{all}"
    );
    assert!(all.contains("the response tables have none"), "{all}");
    // Without it, the same response is valid.
    assert!(load_str("ok.yaml", &text.replace(", required: V", "")).is_ok());
}

#[test]
fn a_page_source_is_cited_whole_and_alone() {
    let cite = |source: &str| {
        planted(
            "        source: {section: \"1\", line: 1}\n",
            &format!("        source: {source}\n"),
        )
    };
    let line = line_of("source: {section: \"1\", line: 1}");
    let good = "{title: Delivery report, address: \"https://www.example.invalid/report\", read: 2026-12-07}";
    assert!(load_str("ok.yaml", &cite(good)).is_ok());
    for (source, kind) in [
        // Not an https:// address.
        (
            "{title: Report, address: \"http://example.invalid\", read: 2026-12-07}",
            Kind::InvalidValue,
        ),
        // No day read.
        (
            "{title: Report, address: \"https://example.invalid\"}",
            Kind::MissingKey,
        ),
        // A page and a line at once.
        (
            "{title: Report, address: \"https://example.invalid\", read: 2026-12-07, line: 3}",
            Kind::Inconsistent,
        ),
        // A day that is not one.
        (
            "{title: Report, address: \"https://example.invalid\", read: 2026-13-07}",
            Kind::InvalidValue,
        ),
    ] {
        let (found, all) = reported(&cite(source));
        assert_eq!(found, [(kind, line)], "{source}: {all}");
    }
}
