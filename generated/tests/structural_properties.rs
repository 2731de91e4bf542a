//! Properties of reading: a valid message broken in one place is refused
//! at that place with the right code; serde's fast path and the structural
//! walk agree on every body; no body, however broken, makes reading or
//! disclosure panic.

use pcr_models::{extract, request, Status200Body, READ_OPTIONS, REQUIRED_ERROR_CODE};
use pcr_runtime::json::{self, ReadError};
use pcr_runtime::{Disclose, DisclosureContext, Party, Structure, Validate};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

mod common;
use common::{ctx, fixture_json as fixture};

/// Every place in `value`: its JSON path in the register's notation and
/// its JSON pointer. The root is left out.
fn sites(value: &Value) -> Vec<(String, String)> {
    fn walk(value: &Value, path: &str, pointer: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    let path = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    let pointer = format!("{pointer}/{name}");
                    out.push((path.clone(), pointer.clone()));
                    walk(member, &path, &pointer, out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let path = format!("{path}[{index}]");
                    let pointer = format!("{pointer}/{index}");
                    out.push((path.clone(), pointer.clone()));
                    walk(item, &path, &pointer, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", "", &mut out);
    out
}

/// A value of another JSON kind than `value`.
fn retyped(value: &Value) -> Value {
    match value {
        Value::String(_) => json!(12345),
        Value::Number(_) => json!("12345"),
        Value::Bool(_) => json!("true"),
        Value::Object(_) => json!([]),
        Value::Array(_) => json!({}),
        Value::Null => json!(true),
    }
}

/// `value` written as JSON with the member at `pointer` written twice.
fn with_duplicate(value: &Value, pointer: &str) -> String {
    fn write(value: &Value, at: &str, target: &str, out: &mut String) {
        match value {
            Value::Object(members) => {
                out.push('{');
                let mut first = true;
                for (name, member) in members {
                    let here = format!("{at}/{name}");
                    let times = if here == target { 2 } else { 1 };
                    for _ in 0..times {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        out.push_str(&serde_json::to_string(name).unwrap());
                        out.push(':');
                        write(member, &here, target, out);
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write(item, &format!("{at}/{index}"), target, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(value, "", pointer, &mut out);
    out
}

/// (path, code) of every error of `body` read as `T`.
fn errors<T: DeserializeOwned + Validate + Structure>(body: &str) -> Vec<(String, String)> {
    match json::read::<T>(body, &ctx(), &READ_OPTIONS) {
        Ok(_) => Vec::new(),
        Err(ReadError::Invalid(errors)) => errors
            .into_iter()
            .map(|e| (e.path, e.code.into_owned()))
            .collect(),
        Err(other) => panic!("{other}"),
    }
}

/// serde (structs from objects only) and the structural walk agree: a
/// body serde refuses has a structural error, and a body serde reads whole,
/// skipping no member, has none. (A body whose skipped members the spec
/// puts elsewhere is serde's to read and the walk's to refuse.)
fn agree<T: DeserializeOwned + Structure>(body: &str) -> Result<(), TestCaseError> {
    let skipped = std::cell::Cell::new(false);
    let serde = {
        let mut de = serde_json::Deserializer::from_str(body);
        T::deserialize(json::Strict::new(&mut de, &skipped))
            .and_then(|_| de.end())
            .is_ok()
    };
    let walk = json::check_structure::<T>(body, &READ_OPTIONS);
    if !serde {
        prop_assert!(
            walk.is_err(),
            "serde refuses {} but the walk finds nothing",
            body
        );
    } else if !skipped.get() {
        prop_assert!(
            walk.is_ok(),
            "serde reads {} but the walk finds {:?}",
            body,
            walk
        );
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Break {
    Drop,
    Duplicate,
    Retype,
    Null,
    Negative,
    SignedDate,
}

fn breaks() -> impl Strategy<Value = Break> {
    prop_oneof![
        Just(Break::Drop),
        Just(Break::Duplicate),
        Just(Break::Retype),
        Just(Break::Null),
        Just(Break::Negative),
        Just(Break::SignedDate),
    ]
}

/// Breaks `message` at site `pick` (modulo the number of sites) and checks
/// what reading it as `T` reports.
fn broken_at_its_place<T: DeserializeOwned + Validate + Structure>(
    message: &Value,
    how: Break,
    pick: usize,
) -> Result<(), TestCaseError> {
    let sites = sites(message);
    let (path, pointer) = &sites[pick % sites.len()];
    let original = message.pointer(pointer).unwrap().clone();
    let mut broken = message.clone();
    let body = match how {
        Break::Drop => {
            let (parent, name) = pointer.rsplit_once('/').unwrap();
            match broken.pointer_mut(parent).unwrap() {
                Value::Object(members) => {
                    members.remove(name);
                }
                Value::Array(items) => {
                    items.remove(name.parse::<usize>().unwrap());
                }
                _ => unreachable!("a parent holds members or items"),
            }
            broken.to_string()
        }
        Break::Duplicate => {
            if pointer.rsplit_once('/').unwrap().1.parse::<usize>().is_ok() {
                return Ok(()); // a list item has no key to repeat
            }
            with_duplicate(message, pointer)
        }
        Break::Retype => {
            *broken.pointer_mut(pointer).unwrap() = retyped(&original);
            broken.to_string()
        }
        Break::Null => {
            *broken.pointer_mut(pointer).unwrap() = Value::Null;
            broken.to_string()
        }
        Break::Negative => {
            if !original.is_u64() {
                return Ok(());
            }
            *broken.pointer_mut(pointer).unwrap() = json!(-1);
            broken.to_string()
        }
        Break::SignedDate => {
            let Some(text) = original
                .as_str()
                .filter(|t| t.len() == 10 && t.as_bytes()[4] == b'-')
            else {
                return Ok(());
            };
            *broken.pointer_mut(pointer).unwrap() = json!(format!("+{text}"));
            broken.to_string()
        }
    };
    agree::<T>(&body)?;
    let found = errors::<T>(&body);
    let a10 = (path.clone(), "A10".to_string());
    match how {
        Break::Duplicate | Break::Retype | Break::SignedDate => {
            prop_assert_eq!(&found, &vec![a10], "{:?} at {}", how, path);
        }
        Break::Null => {
            // An optional element may be null, as if absent (then a rule
            // that needs it fails there); anything else is A10 there.
            for (at, _) in &found {
                prop_assert_eq!(at, path, "null at {}: {:?}", path, found);
            }
        }
        Break::Negative => {
            // A count is refused by its type, an amount with `>=0` by its
            // range, another amount may be negative.
            let range = (path.clone(), "PCR-OUT-OF-RANGE".to_string());
            prop_assert!(
                found.is_empty() || found == vec![a10] || found == vec![range],
                "-1 at {}: {:?}",
                path,
                found
            );
        }
        Break::Drop if path == "deceasedPerson" => {
            // Without its own element a 200 body is read as an extract.
            prop_assert!(found.contains(&(
                "creditInformationSummary".to_string(),
                REQUIRED_ERROR_CODE.to_string()
            )));
        }
        Break::Drop => {
            // Every error is at the dropped element or inside it: missing
            // (the required code) or a rule that now fails there. A dropped
            // list item shifts the rest, so a list's items count as one place.
            let place = path.split('[').next().unwrap();
            for (at, code) in &found {
                prop_assert!(
                    at.starts_with(place),
                    "dropping {} gave {} at {}",
                    path,
                    code,
                    at
                );
            }
            if found.iter().any(|(at, _)| at == path) {
                prop_assert!(
                    found
                        .iter()
                        .any(|(at, code)| at == path
                            && (code == REQUIRED_ERROR_CODE || code.len() == 3)),
                    "dropping {}: {:?}",
                    path,
                    found
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_request_broken_in_one_place_is_refused_at_that_place(how in breaks(), pick in any::<usize>()) {
        broken_at_its_place::<request::Message>(&fixture("request"), how, pick)?;
        broken_at_its_place::<request::Message>(&fixture("request-foreign-owner"), how, pick)?;
    }

    #[test]
    fn an_extract_broken_in_one_place_is_refused_at_that_place(how in breaks(), pick in any::<usize>()) {
        broken_at_its_place::<extract::Message>(&fixture("extract"), how, pick)?;
    }

    #[test]
    fn a_200_body_broken_in_one_place_is_refused_at_that_place(how in breaks(), pick in any::<usize>()) {
        broken_at_its_place::<Status200Body>(&fixture("deceased"), how, pick)?;
    }

    #[test]
    fn no_bytes_make_reading_or_disclosure_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = json::read::<request::Message>(&bytes, &ctx(), &READ_OPTIONS);
        let _ = json::read::<extract::Message>(&bytes, &ctx(), &READ_OPTIONS);
        let _ = json::read::<Status200Body>(&bytes, &ctx(), &READ_OPTIONS);
        if let Ok(record) = json::parse::<extract::register::Message>(&bytes, &READ_OPTIONS) {
            disclose_to_everyone(&record.value);
        }
    }

    #[test]
    fn no_json_made_of_message_fragments_makes_reading_or_disclosure_panic(
        parts in proptest::collection::vec(fragment(), 0..64)
    ) {
        let body: String = parts.concat();
        if let Ok(()) = json::check_structure::<request::Message>(&body, &READ_OPTIONS) {
            agree::<request::Message>(&body)?;
        }
        let _ = json::read::<request::Message>(&body, &ctx(), &READ_OPTIONS);
        let _ = json::read::<Status200Body>(&body, &ctx(), &READ_OPTIONS);
        if let Ok(record) = json::parse::<extract::register::Message>(&body, &READ_OPTIONS) {
            disclose_to_everyone(&record.value);
        }
    }

    #[test]
    fn a_register_record_with_extreme_values_discloses_without_panic(
        pick in any::<usize>(), value in extreme(),
    ) {
        let record = fixture("register-extract");
        let sites = sites(&record);
        let (_, pointer) = &sites[pick % sites.len()];
        let mut broken = record.clone();
        *broken.pointer_mut(pointer).unwrap() = value;
        let body = broken.to_string();
        agree::<extract::register::Message>(&body)?;
        if let Ok(record) = json::parse::<extract::register::Message>(&body, &READ_OPTIONS) {
            disclose_to_everyone(&record.value);
        }
    }
}

fn disclose_to_everyone(record: &extract::register::Message) {
    for party in [
        Party::Original,
        Party::AddedOn(time::Date::MIN),
        Party::AddedOn(time::Date::MAX),
        Party::AddedOn(time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap()),
    ] {
        for today in [time::Date::MIN, time::Date::MAX, ctx().today] {
            let ctx = DisclosureContext {
                party,
                reader_id_code: Some("010594Y9032".into()),
                today,
            };
            let extract = record.disclose(&ctx);
            serde_json::to_string(&extract).expect("a disclosed extract is written");
        }
    }
}

/// Pieces of the register's messages, so that random bodies reach deep.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("-1".to_string()),
        Just("1e400".to_string()),
        Just("12345678901234567890.123456789012".to_string()),
        Just("\"9999-12-31T23:59:59-00:01\"".to_string()),
        Just("\"+2024-01-01\"".to_string()),
        prop_oneof![
            Just("targetEnvironment"),
            Just("owner"),
            Just("request"),
            Just("idCodeType"),
            Just("idCode"),
            Just("creditRegisterExtractPurpose"),
            Just("statusMessage"),
            Just("creditRegisterExtract"),
            Just("creationTimeUtc"),
            Just("deceasedPerson"),
            Just("creditInformationSummary"),
            Just("loans"),
            Just("lumpSumLoan"),
            Just("balance"),
            Just("incomeData"),
            Just("personRequested"),
            Just("delayedAmount"),
            Just("isForeclosed"),
            Just("futureElement"),
            Just("months"),
            Just("month"),
        ]
        .prop_map(|name| format!("\"{name}\"")),
        "[a-zA-Z0-9 ]{0,8}".prop_map(|text| format!("\"{text}\"")),
    ]
}

/// Values at the edges of what the types hold.
fn extreme() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(-1)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(1e300)),
        Just(json!("0001-01-01")),
        Just(json!("9999-12-31")),
        Just(json!("0001-01-01T00:00:00Z")),
        Just(json!("9999-12-31T23:59:59Z")),
        Just(json!("9999-12-31T23:59:59-00:01")),
        Just(json!("0001-01-01T00:00:00+00:01")),
        Just(json!("")),
        Just(Value::Null),
        Just(json!([])),
        Just(json!({})),
    ]
}
