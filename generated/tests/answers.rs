//! Reading whatever the register answers: `null` for an absent member,
//! members the spec does not know (kept, with notices, and written back),
//! the recorded nesting readings (read into the spec's places, with a
//! notice naming the reading), and every error of a body in its first
//! report.

use std::collections::BTreeSet;

use pcr_models::{extract, Status200Body, READ_OPTIONS};
use pcr_runtime::json::{self, NoticeKind, Parsed, ReadError};
use pcr_runtime::structure::{Shape, Structure};
use pcr_runtime::{Disclose, DisclosureContext, Party, Validate};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

mod common;
use common::{ctx, fixture_json as fixture};

fn read<T: DeserializeOwned + Validate + Structure>(body: &str) -> Result<Parsed<T>, ReadError> {
    json::read::<T>(body, &ctx(), &READ_OPTIONS)
}

/// (path, code) of each error of a body that must be refused.
fn refused<T: DeserializeOwned + Validate + Structure + std::fmt::Debug>(
    body: &str,
) -> Vec<(String, String)> {
    match read::<T>(body) {
        Err(ReadError::Invalid(errors)) => errors
            .into_iter()
            .map(|e| (e.path, e.code.into_owned()))
            .collect(),
        other => panic!("expected errors, got {other:?}"),
    }
}

/// The extract a reader sees of the register-side fixture: the original
/// party, or a party added on `added` (which withholds more).
fn disclosed(added: Option<time::Date>) -> Value {
    let record: extract::register::Message =
        serde_json::from_value(fixture("register-extract")).unwrap();
    let ctx = DisclosureContext {
        party: added.map_or(Party::Original, Party::AddedOn),
        reader_id_code: Some("020594X903P".to_string()),
        today: time::macros::date!(2024 - 09 - 02),
    };
    serde_json::to_value(record.disclose(&ctx)).unwrap()
}

/// Valid extracts: the hand-written fixture, and what the register-side
/// record discloses to the original party or to a party added on some day
/// of 2023 or 2024.
fn valid_extract() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(fixture("extract")),
        Just(disclosed(None)),
        (0u16..730).prop_map(|days| {
            let day = time::macros::date!(2023 - 01 - 01) + time::Duration::days(days.into());
            disclosed(Some(day))
        }),
    ]
}

/// Each object of `value` with the shape it has, as a JSON pointer.
fn objects(value: &Value, shape: Shape) -> Vec<(String, pcr_runtime::structure::Object)> {
    fn walk(
        value: &Value,
        shape: Shape,
        pointer: &str,
        out: &mut Vec<(String, pcr_runtime::structure::Object)>,
    ) {
        match (value, shape) {
            (_, Shape::Nullable(inner)) => walk(value, inner(), pointer, out),
            (Value::Array(items), Shape::List(item)) => {
                for (i, value) in items.iter().enumerate() {
                    walk(value, item(), &format!("{pointer}/{i}"), out);
                }
            }
            (Value::Object(members), Shape::Object(object)) => {
                for (name, value) in members {
                    if let Some(member) = object.members.iter().find(|m| m.name == name) {
                        walk(value, (member.shape)(), &format!("{pointer}/{name}"), out);
                    }
                }
                out.push((pointer.to_string(), object));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, shape, "", &mut out);
    out
}

/// Every name the message's shape has anywhere.
fn known_names(shape: Shape) -> BTreeSet<&'static str> {
    fn walk(shape: Shape, depth: usize, out: &mut BTreeSet<&'static str>) {
        if depth > 16 {
            return;
        }
        match shape {
            Shape::Nullable(inner) | Shape::List(inner) => walk(inner(), depth + 1, out),
            Shape::Object(object) => {
                for member in &object.members {
                    out.insert(member.name);
                    walk((member.shape)(), depth + 1, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(shape, 0, &mut out);
    out
}

/// A JSON path of the register's notation from a JSON pointer.
fn path_of(pointer: &str) -> String {
    let mut path = String::new();
    for step in pointer.split('/').skip(1) {
        if let Ok(index) = step.parse::<usize>() {
            path.push_str(&format!("[{index}]"));
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(step);
        }
    }
    path
}

fn small_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z ]{0,8}".prop_map(Value::from),
        Just(json!(1.000000000000000000000000001)),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `null` for any member that may be absent reads as its absence: the
    /// same value, nothing noticed.
    #[test]
    fn null_for_any_absent_member_reads_as_absent(
        extract in valid_extract(),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..12),
    ) {
        let expected = read::<extract::Message>(&extract.to_string()).unwrap();
        prop_assert_eq!(&expected.notices, &[]);
        let mut slots = Vec::new();
        for (pointer, object) in objects(&extract, extract::Message::shape()) {
            let present = extract.pointer(&pointer).unwrap();
            for member in object.members.iter().filter(|m| !m.required) {
                if present.get(member.name).is_none() {
                    slots.push((pointer.clone(), member.name));
                }
            }
        }
        prop_assume!(!slots.is_empty());
        let mut body = extract.clone();
        for pick in &picks {
            let (pointer, name) = pick.get(&slots);
            body.pointer_mut(pointer).unwrap()[*name] = Value::Null;
        }
        let parsed = read::<extract::Message>(&body.to_string()).unwrap();
        prop_assert_eq!(parsed, expected.clone());
        // As a 200 body too, with the deceased response's own member null.
        body["deceasedPerson"] = Value::Null;
        let parsed = read::<Status200Body>(&body.to_string()).unwrap();
        prop_assert_eq!(parsed.value, Status200Body::Extract(expected.value));
    }

    /// Members the spec does not know, added anywhere: the same value, a
    /// notice for each at its path holding its value, and written back
    /// with every one of them in its place; what is written reads again to
    /// the same value and notices.
    #[test]
    fn unknown_members_anywhere_are_kept_and_written_back(
        extract in valid_extract(),
        added in proptest::collection::vec((any::<prop::sample::Index>(), small_json()), 1..8),
    ) {
        let expected = read::<extract::Message>(&extract.to_string()).unwrap();
        let known = known_names(extract::Message::shape());
        let places: Vec<String> = objects(&extract, extract::Message::shape())
            .into_iter()
            .map(|(pointer, _)| pointer)
            .collect();
        let mut body = extract.clone();
        let mut wanted = BTreeSet::new();
        for (n, (pick, value)) in added.iter().enumerate() {
            let pointer = pick.get(&places);
            let name = format!("futureElement{n}");
            prop_assert!(!known.contains(name.as_str()));
            body.pointer_mut(pointer).unwrap()[&name] = value.clone();
            let path = path_of(&format!("{pointer}/{name}"));
            wanted.insert((path, value.to_string()));
        }
        let parsed = read::<extract::Message>(&body.to_string()).unwrap();
        prop_assert_eq!(&parsed.value, &expected.value);
        let noticed: BTreeSet<(String, String)> = parsed
            .notices
            .iter()
            .map(|n| {
                let NoticeKind::Unknown { value, document } = &n.kind else {
                    panic!("not an unknown member: {n}");
                };
                assert_eq!(*document, pcr_models::DOCUMENT_VERSION);
                assert!(n.to_string().ends_with("not in v1.4: an element the spec does not know, kept as read"), "{n}");
                let value: Value = serde_json::from_str(value.get()).unwrap();
                (n.path.clone(), value.to_string())
            })
            .collect();
        prop_assert_eq!(&noticed, &wanted);
        // Written back: the value as serde writes it, with each member.
        let written: Value = serde_json::from_str(&parsed.to_json().unwrap()).unwrap();
        let mut expected_written = serde_json::to_value(&expected.value).unwrap();
        for (n, (pick, value)) in added.iter().enumerate() {
            let name = format!("futureElement{n}");
            expected_written.pointer_mut(pick.get(&places).as_str()).unwrap()[name.as_str()] = value.clone();
        }
        prop_assert_eq!(&written, &expected_written);
        let again = read::<extract::Message>(&parsed.to_json_pretty().unwrap()).unwrap();
        prop_assert_eq!(&again.value, &parsed.value);
        let again: BTreeSet<String> = again.notices.iter().map(|n| n.to_string()).collect();
        let before: BTreeSet<String> = parsed.notices.iter().map(|n| n.to_string()).collect();
        prop_assert_eq!(again, before);
    }
}

/// Every place of `value`, as a JSON pointer (the root left out).
fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, pointer: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    let here = format!("{pointer}/{name}");
                    out.push(here.clone());
                    walk(member, &here, out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let here = format!("{pointer}/{i}");
                    out.push(here.clone());
                    walk(item, &here, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// An answer in any recorded reading's layout, with any value put at
    /// any place, never makes the reader panic: it reads (and writes back)
    /// or lists errors.
    #[test]
    fn any_change_to_a_reading_layout_reads_or_is_refused(
        reading in prop::sample::select(extract::READINGS),
        site in any::<prop::sample::Index>(),
        value in small_json(),
        extract in valid_extract(),
    ) {
        let mut body = in_layout(reading.id, &extract);
        let sites = pointers(&body);
        let pointer = site.get(&sites).clone();
        *body.pointer_mut(&pointer).unwrap() = value;
        for result in [
            read::<extract::Message>(&body.to_string()).map(|p| p.to_json().map(drop)),
            read::<Status200Body>(&body.to_string()).map(|p| p.to_json().map(drop)),
        ] {
            match result {
                Ok(written) => prop_assert!(written.is_ok()),
                Err(ReadError::Invalid(errors)) => prop_assert!(!errors.is_empty()),
                Err(other) => prop_assert!(false, "{other}"),
            }
        }
    }
}

/// Moves the member `name` of the object at `from` into the object at `to`.
fn relocate(body: &mut Value, from: &str, name: &str, to: &str) {
    let value = body
        .pointer_mut(from)
        .and_then(Value::as_object_mut)
        .and_then(|o| o.remove(name))
        .unwrap_or_else(|| panic!("no {name} at {from:?}"));
    body.pointer_mut(to).unwrap()[name] = value;
}

const GROUPS: [&str; 5] = [
    "personRequested",
    "owner",
    "voluntaryBanOnCredits",
    "creditInformationSummary",
    "incomeData",
];

/// `extract` in the layout of the reading `id`, written by hand from the
/// reading's evidence (not from its places in the spec).
fn in_layout(id: &str, extract: &Value) -> Value {
    let mut body = extract.clone();
    match id {
        "groups-inside-extract" => {
            for group in GROUPS {
                if body.get(group).is_some() {
                    relocate(&mut body, "", group, "/creditRegisterExtract");
                }
            }
        }
        "loans-beside-summary" => relocate(&mut body, "/creditInformationSummary", "loans", ""),
        "peers-combined" => {
            for group in GROUPS {
                if body.get(group).is_some() {
                    relocate(&mut body, "", group, "/creditRegisterExtract");
                }
            }
            let summary = "/creditRegisterExtract/creditInformationSummary";
            for member in [
                "loans",
                "repaymentsPaidLastAmount",
                "sumOfMonthlyLeasingInstalments",
            ] {
                if body.pointer(summary).unwrap().get(member).is_some() {
                    relocate(&mut body, summary, member, "/creditRegisterExtract");
                }
            }
            // A loan whose delayed amounts agree on `isForeclosed` says it
            // once, at loan level.
            for loan in body["creditRegisterExtract"]["loans"]
                .as_array_mut()
                .unwrap()
            {
                let Some(delays) = loan.get_mut("delayedAmount").and_then(Value::as_array_mut)
                else {
                    continue;
                };
                let values: BTreeSet<String> = delays
                    .iter()
                    .map(|d| {
                        d.get("isForeclosed")
                            .map(Value::to_string)
                            .unwrap_or_default()
                    })
                    .collect();
                if delays.is_empty() || values.len() != 1 || values.contains("") {
                    continue;
                }
                let value = delays[0]["isForeclosed"].clone();
                for delay in delays.iter_mut() {
                    delay.as_object_mut().unwrap().remove("isForeclosed");
                }
                loan["isForeclosed"] = value;
            }
        }
        other => panic!("no layout written for the reading `{other}`: add one here"),
    }
    body
}

/// Each reading the spec records reads to the same value as the spec's
/// layout, every notice naming it; on every valid extract this test has.
#[test]
fn each_recorded_reading_reads_as_the_spec_layout_with_notices_naming_it() {
    let extracts = [
        fixture("extract"),
        disclosed(None),
        disclosed(Some(time::macros::date!(2024 - 03 - 01))),
    ];
    assert!(!extract::READINGS.is_empty());
    for reading in extract::READINGS {
        for original in &extracts {
            let expected = read::<extract::Message>(&original.to_string()).unwrap();
            let body = in_layout(reading.id, original);
            assert_ne!(&body, original, "{}: the layout differs", reading.id);
            let parsed = read::<extract::Message>(&body.to_string())
                .unwrap_or_else(|e| panic!("{}: {e}", reading.id));
            assert_eq!(parsed.value, expected.value, "{}", reading.id);
            assert!(!parsed.notices.is_empty(), "{}", reading.id);
            for notice in &parsed.notices {
                assert!(
                    matches!(notice.kind, NoticeKind::Moved { .. }),
                    "{}: {notice}",
                    reading.id
                );
                assert_eq!(notice.reading().map(|r| r.id), Some(reading.id));
                assert!(
                    notice.to_string().contains(&format!("`{}`", reading.id)),
                    "{notice}"
                );
            }
            // The 200 body in that layout reads as the extract.
            let parsed = read::<Status200Body>(&body.to_string()).unwrap();
            assert_eq!(parsed.value, Status200Body::Extract(expected.value.clone()));
        }
    }
}

/// The peers' layout names the element it found at loan level, read into
/// each delayed amount; a loan with no delayed amount to put it in keeps
/// it as read, with a notice, and writes it back.
#[test]
fn a_loan_level_is_foreclosed_goes_into_each_delayed_amount_or_stays() {
    let mut body = in_layout("peers-combined", &fixture("extract"));
    let loans = body["creditRegisterExtract"]["loans"]
        .as_array_mut()
        .unwrap();
    assert_eq!(loans[0]["isForeclosed"], json!(false));
    loans[0]["delayedAmount"]
        .as_array_mut()
        .unwrap()
        .push(json!({"delayedInstalment": 1.5, "originalDueDate": "2024-03-15"}));
    loans[1]["isForeclosed"] = json!(true);
    loans[1].as_object_mut().unwrap().remove("delayedAmount");
    let parsed = read::<extract::Message>(&body.to_string()).unwrap();
    let loans = &parsed.value.credit_information_summary.loans;
    let flags: Vec<Option<bool>> = loans[0]
        .delayed_amount
        .iter()
        .map(|d| d.is_foreclosed)
        .collect();
    assert_eq!(flags, [Some(false), Some(false)]);
    let held: Vec<String> = parsed
        .notices
        .iter()
        .filter(|n| matches!(n.kind, NoticeKind::Held { .. }))
        .map(|n| n.to_string())
        .collect();
    assert_eq!(held.len(), 1, "{held:?}");
    assert!(
        held[0].starts_with("creditInformationSummary.loans[1].isForeclosed: kept as read"),
        "{}",
        held[0]
    );
    let written: Value = serde_json::from_str(&parsed.to_json().unwrap()).unwrap();
    assert_eq!(
        written["creditInformationSummary"]["loans"][1]["isForeclosed"],
        json!(true)
    );
}

/// A known element at a place no reading gives is an error naming the
/// spec's place, in a response too.
#[test]
fn a_known_element_elsewhere_is_an_error_naming_its_place() {
    let mut body = fixture("extract");
    relocate(&mut body, "", "owner", "/creditInformationSummary");
    let errors = refused::<extract::Message>(&body.to_string());
    assert!(
        errors.contains(&(
            "creditInformationSummary.owner".to_string(),
            "A10".to_string()
        )),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(
            "owner".to_string(),
            pcr_models::REQUIRED_ERROR_CODE.to_string()
        )),
        "{errors:?}"
    );
}

/// The done-when bodies of the issue: `incomeData: null`, and a 200 extract
/// body with `"deceasedPerson": null`.
#[test]
fn nulls_the_issue_names_read() {
    let mut body = fixture("extract");
    body["incomeData"] = Value::Null;
    let parsed = read::<extract::Message>(&body.to_string()).unwrap();
    assert_eq!(parsed.value.income_data, []);
    assert_eq!(parsed.notices, []);
    let mut body = fixture("extract");
    body["deceasedPerson"] = Value::Null;
    assert!(matches!(
        read::<Status200Body>(&body.to_string()).unwrap().value,
        Status200Body::Extract(_)
    ));
    // Before the deciding member, too.
    let text = body
        .to_string()
        .replacen('{', r#"{"deceasedPerson":null,"#, 1);
    assert!(matches!(
        read::<Status200Body>(&text).unwrap().value,
        Status200Body::Extract(_)
    ));
    // A null where the message needs a value is still an error there.
    let mut body = fixture("deceased");
    body["deceasedPerson"] = Value::Null;
    let errors = refused::<pcr_models::deceased::Message>(&body.to_string());
    assert_eq!(errors, [("deceasedPerson".to_string(), "A10".to_string())]);
}

/// One structural error and rule errors elsewhere: all in the first report,
/// in a response and in a request.
#[test]
fn structural_and_rule_errors_in_different_places_are_listed_together() {
    let mut body = fixture("extract");
    body["creditInformationSummary"]["lendersCount"] = json!("many");
    body["personRequested"]["idCodeType"] = json!("BusinessId");
    let errors = refused::<extract::Message>(&body.to_string());
    assert_eq!(
        errors,
        [
            (
                "creditInformationSummary.lendersCount".to_string(),
                "A10".to_string()
            ),
            (
                "personRequested.idCodeType".to_string(),
                "PCR-VALUE-NOT-ALLOWED".to_string()
            ),
        ]
    );
    // In a request: a structural error in one group, a rule error in
    // another.
    let mut body = fixture("request");
    body["request"]["creditRegisterExtractPurpose"] = json!("NewConsumerCredit");
    body["owner"]["idCode"] = json!("0737546-3");
    assert_eq!(
        refused::<pcr_models::request::Message>(&body.to_string()),
        [
            (
                "request.creditRegisterExtractPurpose".to_string(),
                "A10".to_string()
            ),
            ("owner.idCode".to_string(), "E21".to_string()),
        ]
    );
    // In the same object: it is read without its wrong optional member, and
    // the rules of the rest are listed (the rule that needs the member, not).
    let mut body = fixture("request-foreign-owner");
    body["owner"]["countryCode"] = json!(["SE"]);
    body["owner"]["idCode"] = json!("x".repeat(65));
    assert_eq!(
        refused::<pcr_models::request::Message>(&body.to_string()),
        [
            ("owner.countryCode".to_string(), "A10".to_string()),
            (
                "owner.idCode".to_string(),
                "PCR-STRING-TOO-LONG".to_string()
            ),
        ]
    );
}

/// A request stays strict: a member it does not know is an error, never a
/// notice, and a request in a recorded reading's layout is refused with the
/// place the spec expects.
#[test]
fn requests_stay_strict() {
    let mut body = fixture("request");
    body["futureElement"] = json!(1);
    let errors = refused::<pcr_models::request::Message>(&body.to_string());
    assert_eq!(errors, [("futureElement".to_string(), "A10".to_string())]);
    let mut body = fixture("request");
    for name in ["idCodeType", "idCode", "creditRegisterExtractPurpose"] {
        relocate(&mut body, "/request", name, "");
    }
    body.as_object_mut().unwrap().remove("request");
    let errors = read::<pcr_models::request::Message>(&body.to_string()).unwrap_err();
    let text = errors.to_string();
    assert!(text.contains("`request.idCode`"), "{text}");
}

/// Every error's description, for the descriptions' tests.
fn descriptions<T: DeserializeOwned + Validate + Structure>(body: &str) -> Vec<String> {
    match read::<T>(body) {
        Err(ReadError::Invalid(errors)) => errors.into_iter().map(|e| e.description).collect(),
        _ => Vec::new(),
    }
}

/// Words of Rust source, never of the register's.
fn reads_as_rust(text: &str) -> bool {
    ["::", "Known(", "Unknown(", "Some(", "None", "Lenient"]
        .iter()
        .any(|word| text.contains(word))
}

/// A value not permitted in a response's element is named as written,
/// not as the Rust value that holds it.
#[test]
fn a_value_not_permitted_is_named_as_written() {
    let mut body = fixture("deceased");
    body["personRequested"]["idCodeType"] = json!("BusinessId");
    assert_eq!(
        descriptions::<pcr_models::deceased::Message>(&body.to_string()),
        ["The value BusinessId is not permitted here; the permitted values are PersonalIdentityCode."]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No error description, whatever is put wherever, reads as Rust.
    #[test]
    fn no_error_description_reads_as_rust(
        name in prop::sample::select(vec!["request", "request-foreign-owner", "extract", "deceased"]),
        site in any::<prop::sample::Index>(),
        value in prop_oneof![
            small_json(),
            Just(json!("BusinessId")),
            Just(json!("ForeignBusinessId")),
            Just(json!("NewLoan")),
            Just(json!("Production")),
            Just(json!(-1)),
        ],
    ) {
        let mut body = fixture(name);
        let sites = pointers(&body);
        let pointer = site.get(&sites).clone();
        *body.pointer_mut(&pointer).unwrap() = value;
        let text = body.to_string();
        let found = match name {
            "extract" => descriptions::<extract::Message>(&text),
            "deceased" => descriptions::<pcr_models::deceased::Message>(&text),
            _ => descriptions::<pcr_models::request::Message>(&text),
        };
        for description in found {
            prop_assert!(!reads_as_rust(&description), "{}", description);
        }
    }
}

/// A kept member whose place the value no longer has (its list item was
/// removed) is an error naming it, never dropped in silence.
#[test]
fn writing_back_refuses_to_lose_a_kept_member_whose_place_is_gone() {
    let mut body = fixture("extract");
    body["creditInformationSummary"]["loans"][2]["futureFlag"] = json!(true);
    let mut parsed = read::<extract::Message>(&body.to_string()).unwrap();
    assert!(parsed.to_json().is_ok());
    parsed.value.credit_information_summary.loans.truncate(1);
    let error = parsed.to_json().unwrap_err().to_string();
    assert!(
        error.contains("creditInformationSummary.loans[2].futureFlag"),
        "{error}"
    );
}
