//! The exported schemas (`generated/schema`, written by `pcr-codegen
//! generate`): valid JSON Schema 2020-12 and OpenAPI 3.1, and in agreement
//! with the generated validators. A property test reads valid and broken
//! messages both ways, with `jsonschema` and with `json::read`, and asserts
//! they accept and refuse the same ones, except for the rules a schema
//! cannot state ([`KNOWN_DIFFERENCES`], also listed in README.md).

use std::path::{Path, PathBuf};

use pcr_models::READ_OPTIONS;
use pcr_runtime::json;
use pcr_runtime::{Structure, Validate};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The error codes of the rules a schema cannot state: where `json::read`
/// refuses a message that the schema accepts, every error it reports must
/// have one of these codes.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "E21",
        "an ID code's check character, its birth date and individual number: beyond a pattern (the schema says `x-pcr-id-code`)",
    ),
    (
        "PCR-STAGE-NOT-ALLOWED",
        "a code the register's stage refuses: the stage is the reader's, not the schema's (`x-pcr-not-allowed-in-stages`)",
    ),
];

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/schema")
}

fn load(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator(message: &str) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&load(&format!("{message}.schema.json")))
        .unwrap()
}

mod common;
use common::{ctx, fixture_json as fixture};

/// `None` when `json::read` accepts `body`, or the codes of its errors.
fn ours<T: DeserializeOwned + Validate + Structure>(body: &Value) -> Option<Vec<String>> {
    match json::read::<T>(body.to_string(), &ctx(), &READ_OPTIONS) {
        Ok(_) => None,
        Err(error) => Some(
            error
                .errors()
                .map(|errors| errors.iter().map(|e| e.code.to_string()).collect())
                .unwrap_or_default(),
        ),
    }
}

/// Whether the schema and the validator agree on `body`, or why not.
fn agree<T: DeserializeOwned + Validate + Structure>(
    validator: &jsonschema::Validator,
    body: &Value,
) -> Result<(), String> {
    let schema_accepts = validator.is_valid(body);
    let ours = ours::<T>(body);
    match (schema_accepts, &ours) {
        (true, None) | (false, Some(_)) => Ok(()),
        (true, Some(codes))
            if codes
                .iter()
                .all(|c| KNOWN_DIFFERENCES.iter().any(|(k, _)| k == c)) =>
        {
            Ok(())
        }
        (true, Some(codes)) => Err(format!(
            "the schema accepts, ours refuses with {codes:?}: {body}"
        )),
        (false, None) => {
            let why: Vec<String> = validator
                .iter_errors(body)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            Err(format!(
                "ours accepts, the schema refuses ({why:?}): {body}"
            ))
        }
    }
}

#[test]
fn every_schema_is_json_schema_2020_12() {
    let mut count = 0;
    for entry in std::fs::read_dir(schema_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(message) = name.strip_suffix(".schema.json") else {
            continue;
        };
        let schema = load(&name);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{name}: {e}"));
        validator(message);
        count += 1;
    }
    assert_eq!(count, 4, "a schema for each message");
}

/// Every `$ref` of the OpenAPI document resolves as a JSON pointer from
/// its root, and no schema inside carries an `$id` that would make a
/// reference relative to it: the form OpenAPI tools load.
#[test]
fn every_reference_of_the_openapi_document_resolves_from_its_root() {
    let text = std::fs::read_to_string(schema_dir().join("openapi.json")).unwrap();
    let document: Value = serde_json::from_str(&text).unwrap();
    fn walk(value: &Value, at: &str, refs: &mut Vec<(String, String)>, ids: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, member) in map {
                    let here = format!("{at}/{key}");
                    match (key.as_str(), member) {
                        ("$ref", Value::String(target)) => {
                            refs.push((here.clone(), target.clone()))
                        }
                        ("$id", _) => ids.push(here.clone()),
                        _ => {}
                    }
                    walk(member, &here, refs, ids);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), refs, ids);
                }
            }
            _ => {}
        }
    }
    let (mut refs, mut ids) = (Vec::new(), Vec::new());
    walk(&document, "", &mut refs, &mut ids);
    assert!(refs.len() > 40, "{refs:?}");
    assert_eq!(ids, Vec::<String>::new(), "no $id inside the document");
    for (at, target) in &refs {
        let pointer = target
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{at}: {target} is not a reference within the document"));
        assert!(
            document.pointer(pointer).is_some(),
            "{at}: {target} does not resolve"
        );
    }
    // And every component is referred to: none is left over.
    let components = document["components"]["schemas"].as_object().unwrap();
    for name in components.keys() {
        let target = format!("#/components/schemas/{name}");
        assert!(
            refs.iter().any(|(_, t)| *t == target),
            "{name} is not referred to"
        );
    }
}

#[test]
fn the_openapi_document_is_openapi_3_1() {
    let text = std::fs::read_to_string(schema_dir().join("openapi.json")).unwrap();
    let document = oas3::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(document.openapi.starts_with("3.1"));
    let value: Value = serde_json::from_str(&text).unwrap();
    let operation = &value["paths"]["/GetCreditRegisterExtract"]["post"];
    assert_eq!(operation["operationId"], "GetCreditRegisterExtract");
    assert_eq!(
        operation["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Request"
    );
    for status in ["200", "400", "403", "413", "415", "500", "503"] {
        assert!(operation["responses"][status].is_object(), "{status}");
    }
    // The stage the document describes and the days the stages start,
    // from the spec, where a client generator reads them.
    assert_eq!(value["info"]["x-pcr-stage"], "first");
    assert_eq!(
        value["info"]["x-pcr-stages"]["second"]["production"],
        "2026-04-01"
    );
    assert_eq!(value["info"]["x-pcr-stages"]["first"]["test"], "2024-04-01");
    let description = value["info"]["description"].as_str().unwrap();
    assert!(description.contains("first stage"), "{description}");
    // The other nestings the spec records, on the message's component.
    let readings: Vec<&str> = value["components"]["schemas"]["Extract"]["x-pcr-readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let recorded: Vec<&str> = pcr_models::extract::READINGS.iter().map(|r| r.id).collect();
    assert_eq!(readings, recorded);
    assert_eq!(
        operation["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        value["components"]["securitySchemes"]["clientCertificate"]["type"],
        "mutualTLS"
    );
    let servers: Vec<&str> = value["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    assert!(servers.contains(&"https://api-testi.positiivinenluottotietorekisteri.fi"));
    // Every reference of the operation names a schema of the document.
    fn refs<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    out.push(target);
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut targets = Vec::new();
    refs(&value["paths"], &mut targets);
    assert_eq!(targets.len(), 4, "the request, 200 (two), 400: {targets:?}");
    for target in targets {
        let name = target.strip_prefix("#/components/schemas/").unwrap();
        assert!(value["components"]["schemas"][name].is_object(), "{target}");
    }
    // Each component is a valid schema; each message's component, resolved
    // from the document's root, judges the fixtures and their broken
    // copies as the message's standalone schema does.
    for (name, schema) in value["components"]["schemas"].as_object().unwrap() {
        jsonschema::meta::validate(schema).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for (message, component, fixture_name) in [
        ("request", "Request", "request"),
        ("request", "Request", "request-foreign-owner"),
        ("extract", "Extract", "extract"),
        ("deceased", "Deceased", "deceased"),
        ("invalid_request", "InvalidRequest", "invalid_request"),
    ] {
        let mut root = value.clone();
        root["$schema"] = Value::from("https://json-schema.org/draft/2020-12/schema");
        root["$ref"] = Value::from(format!("#/components/schemas/{component}"));
        let embedded = jsonschema::options()
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("{component}: {e}"));
        let standalone = validator(message);
        let body = fixture(fixture_name);
        assert!(embedded.is_valid(&body), "{fixture_name}");
        let sites = REQUEST_PATHS.len() + 1;
        for i in 0..sites {
            let mut broken = body.clone();
            if let Some(first) = broken
                .as_object_mut()
                .and_then(|o| o.keys().nth(i % o.len()).cloned())
            {
                broken[&first] = Value::from(12345);
            }
            assert_eq!(
                embedded.is_valid(&broken),
                standalone.is_valid(&broken),
                "{fixture_name}: {broken}"
            );
        }
    }
}

#[test]
fn the_fixtures_are_valid_both_ways() {
    let cases = [
        ("request", fixture("request")),
        ("request", fixture("request-foreign-owner")),
        ("extract", fixture("extract")),
        ("deceased", fixture("deceased")),
        ("invalid_request", fixture("invalid_request")),
    ];
    for (message, body) in cases {
        let validator = validator(message);
        assert!(
            validator.is_valid(&body),
            "{message}: {:?}",
            validator
                .iter_errors(&body)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(
        ours::<pcr_models::request::Message>(&fixture("request")),
        None
    );
    assert_eq!(
        ours::<pcr_models::extract::Message>(&fixture("extract")),
        None
    );
}

/// The members of the request, by path, for the mutations.
const REQUEST_PATHS: &[&[&str]] = &[
    &["targetEnvironment"],
    &["owner"],
    &["owner", "idCodeType"],
    &["owner", "idCode"],
    &["owner", "countryCode"],
    &["request"],
    &["request", "idCodeType"],
    &["request", "idCode"],
    &["request", "creditRegisterExtractPurpose"],
];

/// Values a member may be set to: right and wrong types, codes in any
/// case, unknown codes, texts the character set refuses, long texts,
/// blank ones, well-formed ID codes with wrong check characters.
fn values() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(1)),
        Just(json!(true)),
        Just(json!({})),
        Just(json!([])),
        Just(json!("")),
        Just(json!("   ")),
        Just(json!("Test")),
        Just(json!("test")),
        Just(json!("TEST")),
        Just(json!("Production")),
        Just(json!("Nonsense")),
        Just(json!("BusinessId")),
        Just(json!("businessid")),
        Just(json!("ForeignBusinessId")),
        Just(json!("PersonalIdentityCode")),
        Just(json!("FI")),
        Just(json!("fi")),
        Just(json!("ZZ")),
        Just(json!("FIN")),
        Just(json!("0737546-2")),
        Just(json!("0737546-3")),
        Just(json!("010594Y9032")),
        Just(json!("010594y9032")),
        Just(json!("010594Y9033")),
        Just(json!("A".repeat(64))),
        Just(json!("A".repeat(65))),
        Just(json!("2×3")),
        Just(json!("tab\there")),
        Just(json!("Åke Öberg-Ärlig")),
        Just(json!(["NewConsumerCredit"])),
        Just(json!([
            "newconsumercredit",
            "GuaranteeOrThirdPartyPledgeForConsumerCredit"
        ])),
        Just(json!(["NoSuchPurpose"])),
        Just(json!([1])),
        Just(json!({"idCodeType": "BusinessId", "idCode": "0737546-2"})),
        Just(json!({"idCodeType": "ForeignBusinessId", "idCode": "X-123"})),
        Just(json!({"idCodeType": "ForeignBusinessId", "idCode": "X-123", "countryCode": "SE"})),
        "[ -~ÀÿÁ×]{0,12}".prop_map(Value::from),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(12.5)),
        Just(json!(-0.01)),
        Just(json!(4294967296u64)),
        Just(json!("2024-02-29")),
        Just(json!("2023-02-29")),
        Just(json!("2024-3-1")),
        Just(json!("2024-03-15T10:15:30Z")),
        Just(json!("2024-03-15T10:15:30")),
        Just(json!("2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10")),
        Just(json!("LumpSumLoan")),
        Just(json!("lumpsumloan")),
        Just(json!("EUR")),
        Just(json!("eur")),
        Just(json!("EURO")),
        Just(json!([{"currencyCode": "EUR", "sum": 1}])),
    ]
}

/// What to do at a path: set it, remove it, or add an unknown member
/// beside it.
#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, Value),
    Remove(usize),
    AddUnknown(usize),
}

fn mutations(n: usize) -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        3 => (0..n, values()).prop_map(|(at, v)| Mutation::Set(at, v)),
        1 => (0..n).prop_map(Mutation::Remove),
        1 => (0..n).prop_map(Mutation::AddUnknown),
    ];
    prop::collection::vec(one, 0..3)
}

/// Applies `mutation` at one of `paths` (a step `0` is a list's first
/// item); a path that is no longer there is left alone.
fn apply<S: AsRef<str>>(body: &mut Value, paths: &[impl AsRef<[S]>], mutation: &Mutation) {
    let (Mutation::Set(at, _) | Mutation::Remove(at) | Mutation::AddUnknown(at)) = mutation;
    let path: Vec<&str> = paths[*at].as_ref().iter().map(AsRef::as_ref).collect();
    let (last, parents) = path.split_last().unwrap();
    let mut parent = &mut *body;
    for step in parents {
        let next = match step.parse::<usize>() {
            Ok(index) => parent.get_mut(index),
            Err(_) => parent.get_mut(*step),
        };
        match next {
            Some(next) if next.is_object() || next.is_array() => parent = next,
            _ => return,
        }
    }
    let Some(object) = parent.as_object_mut() else {
        return;
    };
    match mutation {
        Mutation::Set(_, value) => {
            object.insert(last.to_string(), value.clone());
        }
        Mutation::Remove(_) => {
            object.remove(*last);
        }
        Mutation::AddUnknown(_) => {
            object.insert("unknownElement".into(), json!(1));
        }
    }
}

/// `fixture` with `mutations` applied at `paths`, read both ways as the
/// message `message`.
fn mutated_agree<T: DeserializeOwned + Validate + Structure, S: AsRef<str>>(
    message: &str,
    fixture_name: &str,
    paths: &[impl AsRef<[S]>],
    mutations: &[Mutation],
) -> Result<(), TestCaseError> {
    let mut body = fixture(fixture_name);
    for mutation in mutations {
        apply(&mut body, paths, mutation);
    }
    agree::<T>(&validator(message), &body).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Requests, valid and broken: the schema and `json::read` accept the
    /// same ones, but for the known differences.
    #[test]
    fn the_request_schema_and_the_validator_agree(mutations in mutations(REQUEST_PATHS.len())) {
        mutated_agree::<pcr_models::request::Message, _>("request", "request", REQUEST_PATHS, &mutations)?;
    }

    /// Extracts likewise: a response accepts unknown members and codes,
    /// as the models do.
    #[test]
    fn the_extract_schema_and_the_validator_agree(mutations in mutations(EXTRACT_PATHS.len())) {
        mutated_agree::<pcr_models::extract::Message, _>("extract", "extract", EXTRACT_PATHS, &mutations)?;
    }

    /// The deceased response and the 400 body likewise, at every path of
    /// their fixtures.
    #[test]
    fn the_other_schemas_and_the_validators_agree(
        deceased in mutations(all_paths(&fixture("deceased")).len()),
        invalid in mutations(all_paths(&fixture("invalid_request")).len()),
    ) {
        let paths = all_paths(&fixture("deceased"));
        mutated_agree::<pcr_models::deceased::Message, _>("deceased", "deceased", &paths, &deceased)?;
        let paths = all_paths(&fixture("invalid_request"));
        mutated_agree::<pcr_models::invalid_request::Message, _>(
            "invalid_request",
            "invalid_request",
            &paths,
            &invalid,
        )?;
    }
}

/// The path of every value in `value`, a list's first item standing for
/// its items.
fn all_paths(value: &Value) -> Vec<Vec<String>> {
    fn visit(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let children: Vec<(String, &Value)> = match value {
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Value::Array(items) => items
                .first()
                .map(|v| ("0".to_string(), v))
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        for (step, child) in children {
            path.push(step);
            out.push(path.clone());
            visit(child, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    visit(value, &mut Vec::new(), &mut out);
    out
}

/// Members of the extract, by path, for the mutations.
const EXTRACT_PATHS: &[&[&str]] = &[
    &["statusMessage"],
    &["creditRegisterExtract"],
    &["creditRegisterExtract", "extractReference"],
    &["creditRegisterExtract", "creationTimeUtc"],
    &["personRequested", "idCode"],
    &["owner", "idCodeType"],
    &["voluntaryBanOnCredits", "isInEffect"],
    &["voluntaryBanOnCredits", "reason"],
    &["creditInformationSummary", "lendersCount"],
    &["creditInformationSummary", "repaymentsPaidLastAmount"],
    &[
        "creditInformationSummary",
        "repaymentsPaidLastAmount",
        "0",
        "currencyCode",
    ],
    &[
        "creditInformationSummary",
        "repaymentsPaidLastAmount",
        "0",
        "sum",
    ],
    &["creditInformationSummary", "loans"],
    &["creditInformationSummary", "loans", "0", "loanType"],
    &["creditInformationSummary", "loans", "0", "contractDate"],
    &["creditInformationSummary", "loans", "0", "borrowersCount"],
    &["creditInformationSummary", "loans", "0", "collateralType"],
    &["creditInformationSummary", "loans", "0", "lumpSumLoan"],
    &[
        "creditInformationSummary",
        "loans",
        "0",
        "lumpSumLoan",
        "balance",
    ],
    &[
        "creditInformationSummary",
        "loans",
        "0",
        "lumpSumLoan",
        "amortizationFrequency",
    ],
    &["creditInformationSummary", "loans", "0", "delayedAmount"],
    &[
        "creditInformationSummary",
        "loans",
        "0",
        "delayedAmount",
        "0",
        "isForeclosed",
    ],
    &["incomeData"],
];

/// The property test above meets both answers and the known differences.
#[test]
fn the_request_cases_reach_each_answer() {
    let validator = validator("request");
    let mut refused = fixture("request");
    refused["owner"]["idCodeType"] = json!("ForeignBusinessId");
    assert!(
        !validator.is_valid(&refused),
        "E: a foreign owner needs its country"
    );
    assert!(ours::<pcr_models::request::Message>(&refused).is_some());
    let mut lower = fixture("request");
    lower["targetEnvironment"] = json!("tEsT");
    assert!(validator.is_valid(&lower), "codes ignore case");
    assert_eq!(ours::<pcr_models::request::Message>(&lower), None);
    let mut check = fixture("request");
    check["request"]["idCode"] = json!("010594Y9033");
    assert!(
        validator.is_valid(&check),
        "a check character is beyond a schema"
    );
    assert_eq!(
        ours::<pcr_models::request::Message>(&check),
        Some(vec!["E21".to_string()])
    );
    assert!(agree::<pcr_models::request::Message>(&validator, &check).is_ok());
}

/// Where the schema and the models read a value differently, the schema
/// says so at the member (`x-pcr-integer`, `x-pcr-decimal`, `x-pcr-guid`),
/// and the difference is what it says; where they were made to agree
/// (a decimal's magnitude), they agree.
#[test]
fn the_documented_differences_between_schema_and_models_hold() {
    let schema = validator("extract");
    let reads = |body: &str| {
        json::read::<pcr_models::extract::Message>(body, &ctx(), &READ_OPTIONS).is_ok()
    };
    let text = fixture("extract").to_string();
    let defs = &load("extract.schema.json")["$defs"];
    let summary = &defs["CreditInformationSummary"]["properties"];

    // Integers: 3.0 and 3E0 are integers to JSON Schema, not to the models.
    assert!(summary["lendersCount"]["x-pcr-integer"].is_string());
    for form in ["3.0", "3E0", "30e-1"] {
        let body = text.replacen("\"lendersCount\":3", &format!("\"lendersCount\":{form}"), 1);
        assert_ne!(body, text);
        assert!(
            schema.is_valid(&serde_json::from_str(&body).unwrap()),
            "{form}"
        );
        assert!(!reads(&body), "{form}");
    }

    // Decimals: the magnitude a Decimal holds is the schema's bound too;
    // more digits after the point than 28 is the documented difference.
    let balance = &defs["LumpSumLoan"]["properties"]["balance"];
    assert!(balance.to_string().contains("x-pcr-decimal"), "{balance}");
    let at_balance = |number: &str| {
        let mut body: Value = fixture("extract");
        body["creditInformationSummary"]["loans"][0]["lumpSumLoan"]["balance"] = json!(424242);
        body.to_string().replacen("424242", number, 1)
    };
    for (number, schema_accepts, models_accept) in [
        ("1e30", false, false),
        ("-1e30", false, false),
        ("79228162514264337593543950335", true, true),
        ("1e-29", true, false),
        ("0.0000000000000000000000000001", true, true),
    ] {
        let body = at_balance(number);
        let value: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            schema.is_valid(&value),
            schema_accepts,
            "{number}: the schema"
        );
        assert_eq!(reads(&body), models_accept, "{number}: the models");
    }

    // GUIDs: the models read a response's GUID in more forms than
    // `format: uuid`.
    let reference = &defs["CreditRegisterExtract"]["properties"]["extractReference"];
    assert!(reference["x-pcr-guid"].is_string(), "{reference}");
    let guid = "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10";
    assert!(text.contains(guid));
    for form in [
        "{2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10}",
        "2fdc1e0b91d84d7c9d4c82df9c3b2a10",
        "urn:uuid:2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
    ] {
        let body = text.replacen(guid, form, 1);
        assert!(
            !schema.is_valid(&serde_json::from_str(&body).unwrap()),
            "{form}"
        );
        assert!(reads(&body), "{form}");
    }
}
