//! The models a downstream build script generated: every kind of element
//! reads, validates and writes back; every rule reports its code.

use downstream_build::models::{answer, ask, codesets, farewell, Status200Body};
use pcr_runtime::{json, Context, Lenient, Stage, Validate};
use serde_json::{json as value, Value};

fn ctx(stage: Stage) -> Context {
    let today =
        pcr_runtime::time::Date::from_calendar_date(2025, pcr_runtime::time::Month::June, 1)
            .unwrap();
    Context::new(stage, today)
}

fn valid_ask() -> Value {
    value!({
        "type": "fancy",
        "self": "me",
        "owner": {"idCodeType": "BusinessId", "idCode": "0737546-2"},
        "purposes": ["Ordinary"],
        "amount": 12.5,
        "count": 3,
        "delta": -5,
        "when": "2025-05-31",
        "at": "2025-05-31T23:59:59Z",
        "ref": "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
        "agreed": true,
        "items": [{"name": "first", "price": 1}]
    })
}

/// (path, code) of every error in `json` read as an `ask::Message`.
fn ask_errors(json: &Value, stage: Stage) -> Vec<(String, String)> {
    match json::read::<ask::Message>(
        &json.to_string(),
        &ctx(stage),
        &downstream_build::models::READ_OPTIONS,
    ) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .into_errors()
            .expect("the body is within the size limit")
            .into_iter()
            .map(|e| (e.path, e.code.into_owned()))
            .collect(),
    }
}

fn e(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

#[test]
fn a_valid_request_reads_validates_and_writes_back_canonically() {
    let message: ask::Message = serde_json::from_value(valid_ask()).unwrap();
    assert_eq!(message.r#type, codesets::Kind::Fancy);
    assert_eq!(message.self_.as_deref(), Some("me"));
    assert!(message.validate(&ctx(Stage::First)).is_ok());
    let mut expected = valid_ask();
    expected["type"] = "Fancy".into();
    assert_eq!(serde_json::to_value(&message).unwrap(), expected);
}

#[test]
fn every_request_rule_reports_its_code() {
    let mut json = valid_ask();
    json["self"] = "far too long a text".into();
    json["owner"] = value!({"idCodeType": "ForeignBusinessId", "idCode": "X×1"});
    json["purposes"] = value!(["Special"]);
    json["amount"] = value!(-0.01);
    json["delta"] = value!(6);
    json["agreed"] = value!(false);
    json["items"][0]["name"] = "x".repeat(17).into();
    assert_eq!(
        ask_errors(&json, Stage::First),
        [
            e("self", "PCR-STRING-TOO-LONG"),
            e("owner.idCode", "PCR-STRING-CHARACTERS"),
            e("owner.countryCode", "D40"),
            e("purposes[0]", "PCR-STAGE-NOT-ALLOWED"),
            e("amount", "PCR-OUT-OF-RANGE"),
            e("delta", "PCR-OUT-OF-RANGE"),
            e("agreed", "PCR-FIXED-VALUE"),
            e("items[0].name", "PCR-STRING-TOO-LONG"),
        ]
    );
    json["owner"] = value!({"idCodeType": "PersonalIdentityCode", "idCode": "0737546-2"});
    json["purposes"] = value!([]);
    let errors = ask_errors(&json, Stage::Second);
    assert!(
        errors.contains(&e("owner.idCodeType", "PCR-VALUE-NOT-ALLOWED")),
        "{errors:?}"
    );
    assert!(errors.contains(&e("owner.idCode", "E21")), "{errors:?}");
    assert!(
        errors.contains(&e("purposes", "PCR-TOO-FEW-ITEMS")),
        "{errors:?}"
    );
}

#[test]
fn a_count_that_cannot_be_negative_is_unsigned() {
    let mut json = valid_ask();
    json["count"] = value!(-1);
    assert_eq!(ask_errors(&json, Stage::First), [e("count", "A10")]);
}

fn answer_json() -> Value {
    value!({
        "statusMessage": "Fine.",
        "reference": "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
        "message": {"text": "hello"},
        "loans": [{
            "kind": "Plain",
            "contractDate": "2024-01-02",
            "amount": 1000,
            "currencyCode": "EUR",
            "paymentPlan": {"isInDebtArrangement": true},
            "periods": [{"endDate": "2025-01-31"}],
            "denied": true,
            "note": "n",
            "lumpSum": {"count": 12},
            "collateral": ["Plain", "Unheard"]
        }]
    })
}

#[test]
fn a_response_reads_lenient_codes_and_writes_back_the_same() {
    let message: answer::Message = serde_json::from_value(answer_json()).unwrap();
    let loan = &message.loans[0];
    assert_eq!(
        loan.collateral.as_ref().unwrap()[1],
        Lenient::Unknown("Unheard".into())
    );
    assert_eq!(message.message.text, "hello");
    assert!(message.validate(&ctx(Stage::First)).is_ok());
    assert_eq!(serde_json::to_value(&message).unwrap(), answer_json());
}

/// The tour records a reading with the loans inside `message`: its models,
/// generated in a build script, read an answer in it into the spec's
/// layout, with a notice naming it, and keep a member the spec does not
/// know.
#[test]
fn a_response_in_a_recorded_reading_reads_into_the_spec_layout() {
    use downstream_build::models::READ_OPTIONS;
    let expected: answer::Message = serde_json::from_value(answer_json()).unwrap();
    let mut moved = answer_json();
    let loans = moved.as_object_mut().unwrap().remove("loans").unwrap();
    moved["message"]["loans"] = loans;
    moved["message"]["colour"] = value!("blue");
    let parsed =
        json::read::<answer::Message>(moved.to_string(), &ctx(Stage::First), &READ_OPTIONS)
            .unwrap();
    assert_eq!(parsed.value, expected);
    let notices: Vec<String> = parsed.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        [
            "message.loans: read at `loans`, where the spec puts it: the answer follows the reading `loans-inside-message` (the loans inside `message`)",
            "message.colour: not in v0.1: an element the spec does not know, kept as read",
        ]
    );
    assert_eq!(answer::READINGS[0].places[0].at, "message.loans");
}

#[test]
fn register_side_dates_are_not_part_of_the_wire_model() {
    let mut json = answer_json();
    json["loans"][0]["amountDate"] = "2024-01-02".into();
    let message: answer::Message = serde_json::from_value(json).unwrap();
    assert!(serde_json::to_value(&message).unwrap()["loans"][0]
        .get("amountDate")
        .is_none());
}

#[test]
fn withheld_elements_may_be_absent() {
    let json = value!({
        "statusMessage": "Fine.",
        "reference": "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
        "message": {"text": "hello"},
        "loans": [{}]
    });
    let message: answer::Message = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&message).unwrap(), json);
}

#[test]
fn a_200_body_of_either_kind() {
    let body: Status200Body = serde_json::from_value(answer_json()).unwrap();
    assert!(matches!(body, Status200Body::Answer(_)));
    let farewell =
        value!({"statusMessage": "Fine.", "deceasedPerson": {"dateOfDeath": "2025-02-28"}});
    let body: Status200Body = serde_json::from_value(farewell).unwrap();
    assert!(matches!(
        body,
        Status200Body::Farewell(farewell::Message { .. })
    ));
}

#[test]
fn both_inclusions_are_the_same_models() {
    let a: downstream_build::shadowed::ask::Message = serde_json::from_value(valid_ask()).unwrap();
    let b: ask::Message = serde_json::from_value(valid_ask()).unwrap();
    assert_eq!(
        serde_json::to_value(a).unwrap(),
        serde_json::to_value(b).unwrap()
    );
}

/// `Builder::runtime_crate`: the generated code names the runtime only by
/// the path given, and works the same.
#[test]
fn models_generated_for_a_renamed_runtime_name_it_only_so() {
    use downstream_build::relocated;
    // Only the docs name the crate, in prose; no path does.
    assert!(!downstream_build::RELOCATED.contains("::pcr_runtime"));
    assert!(!downstream_build::RELOCATED.contains(" pcr_runtime::"));
    assert!(downstream_build::RELOCATED.contains("crate::rt::Validate"));
    assert!(downstream_build::RELOCATED.contains(r#"#[pcr(crate = "crate::rt")]"#));
    let good: relocated::ask::Message = serde_json::from_value(valid_ask()).unwrap();
    assert!(good.validate(&ctx(Stage::First)).is_ok());
    let mut bad = valid_ask();
    bad["owner"]["idCode"] = Value::from("1234567-8");
    let bad: relocated::ask::Message = serde_json::from_value(bad).unwrap();
    let errors = bad.validate(&ctx(Stage::First)).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().path, "owner.idCode");
}
