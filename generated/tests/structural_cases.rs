//! Every case of the structural-validation issue, read with `json::read`:
//! each refusal names its element and code, nothing the tables refuse is
//! accepted, nothing panics.

use pcr_models::{
    deceased, extract, request, Status200Body, READ_OPTIONS, REQUIRED_ERROR_CODE, SCHEMA_ERROR_CODE,
};
use pcr_runtime::json::{self, ReadError, ReadOptions, MORE_ERRORS_CODE};
use pcr_runtime::{Disclose, DisclosureContext, Party, Structure, Validate};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

mod common;
use common::{ctx, fixture_json as fixture};

/// (path, code) of every error of `body` read as `T`; empty when valid.
fn found<T: DeserializeOwned + Validate + Structure>(
    body: impl json::Body,
) -> Vec<(String, String)> {
    found_with::<T>(body, &READ_OPTIONS)
}

fn found_with<T: DeserializeOwned + Validate + Structure>(
    body: impl json::Body,
    options: &ReadOptions,
) -> Vec<(String, String)> {
    match json::read::<T>(body, &ctx(), options) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .into_errors()
            .expect("within the size limit")
            .into_iter()
            .map(|e| {
                assert!(!e.description.is_empty());
                (e.path, e.code.into_owned())
            })
            .collect(),
    }
}

fn at(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

fn a10(path: &str) -> (String, String) {
    at(path, SCHEMA_ERROR_CODE)
}

fn missing(path: &str) -> (String, String) {
    at(path, REQUIRED_ERROR_CODE)
}

/// The request fixture with `edit` applied.
fn request_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut request = fixture("request");
    edit(&mut request);
    request.to_string()
}

fn extract_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut extract = fixture("extract");
    edit(&mut extract);
    extract.to_string()
}

#[test]
fn the_fixtures_are_valid() {
    assert_eq!(
        found::<request::Message>(fixture("request").to_string()),
        []
    );
    assert_eq!(
        found::<extract::Message>(fixture("extract").to_string()),
        []
    );
    assert_eq!(
        found::<deceased::Message>(fixture("deceased").to_string()),
        []
    );
    assert_eq!(found::<Status200Body>(fixture("extract").to_string()), []);
    assert_eq!(found::<Status200Body>(fixture("deceased").to_string()), []);
}

#[test]
fn a_missing_element_is_reported_at_its_own_path() {
    let body = request_with(|r| {
        r.as_object_mut().unwrap().remove("targetEnvironment");
    });
    assert_eq!(
        found::<request::Message>(body),
        [missing("targetEnvironment")]
    );
    let body = request_with(|r| {
        r["request"].as_object_mut().unwrap().remove("idCode");
        r["owner"].as_object_mut().unwrap().remove("idCodeType");
    });
    assert_eq!(
        found::<request::Message>(body),
        [missing("owner.idCodeType"), missing("request.idCode")]
    );
}

#[test]
fn an_empty_request_lists_every_missing_required_element() {
    assert_eq!(
        found::<request::Message>("{}"),
        [
            missing("targetEnvironment"),
            missing("owner"),
            missing("owner.idCodeType"),
            missing("owner.idCode"),
            missing("request"),
            missing("request.idCodeType"),
            missing("request.idCode"),
            missing("request.creditRegisterExtractPurpose"),
        ]
    );
}

#[test]
fn wrong_types_nulls_and_duplicates_are_each_at_their_path() {
    let body = request_with(|r| {
        r["targetEnvironment"] = json!(1);
        r["owner"]["idCode"] = json!(737546);
        r["request"]["idCodeType"] = Value::Null;
        r["request"]["creditRegisterExtractPurpose"] = json!("NewConsumerCredit");
    });
    // serde_json writes the members of a `Value` sorted by name.
    assert_eq!(
        found::<request::Message>(body),
        [
            a10("owner.idCode"),
            a10("request.creditRegisterExtractPurpose"),
            a10("request.idCodeType"),
            a10("targetEnvironment"),
        ]
    );
    let body = r#"{"targetEnvironment": "Test", "targetEnvironment": "Production",
        "owner": {"idCodeType": "BusinessId", "idCode": "0737546-2", "idCode": "0737546-2"},
        "request": {"idCodeType": "PersonalIdentityCode", "idCode": "010594Y9032",
                    "creditRegisterExtractPurpose": ["NewConsumerCredit"]}}"#;
    assert_eq!(
        found::<request::Message>(body),
        [a10("targetEnvironment"), a10("owner.idCode")]
    );
}

#[test]
fn arrays_are_not_objects_and_objects_are_not_arrays() {
    let owner = fixture("request")["owner"].clone();
    let person = fixture("request")["request"].clone();
    let as_array = json!(["Test", owner, person]).to_string();
    assert_eq!(found::<request::Message>(as_array), [a10("")]);
    let body = request_with(|r| r["owner"] = json!([]));
    assert_eq!(found::<request::Message>(body), [a10("owner")]);
    let body = request_with(|r| r["request"]["creditRegisterExtractPurpose"] = json!({}));
    assert_eq!(
        found::<request::Message>(body),
        [a10("request.creditRegisterExtractPurpose")]
    );
    let body = extract_with(|e| e["creditInformationSummary"]["loans"][0] = json!([1, 2]));
    assert_eq!(
        found::<extract::Message>(body),
        [a10("creditInformationSummary.loans[0]")]
    );
}

#[test]
fn syntax_errors_are_a10_at_the_path_reached_with_line_and_column() {
    let body = "{\"targetEnvironment\": \"Test\",\n \"owner\": {\"idCodeType\": \"BusinessId\", \"idCode\": }";
    let errors = json::read::<request::Message>(body, &ctx(), &READ_OPTIONS)
        .unwrap_err()
        .into_errors()
        .unwrap();
    let last = errors.iter().last().unwrap();
    assert_eq!((last.path.as_str(), &*last.code), ("owner.idCode", "A10"));
    assert!(last.description.contains("line 2"), "{}", last.description);
    for body in ["", "{", "nul", "{\"targetEnvironment\" \"Test\"}", "[1,]"] {
        let found = found::<request::Message>(body);
        assert!(
            !found.is_empty() && found.iter().all(|(_, code)| code == "A10"),
            "{body}: {found:?}"
        );
    }
}

#[test]
fn data_after_the_message_is_an_error() {
    let body = format!("{} {{}}", fixture("request"));
    assert_eq!(found::<request::Message>(body), [a10("")]);
}

#[test]
fn dates_have_four_digit_years_and_no_sign() {
    for date in [
        "+2024-01-01",
        "-2024-01-01",
        "20240-01-01",
        "2024-1-01",
        "2024-02-30",
        "0000-01-01",
        " 2024-01-01",
    ] {
        let body = extract_with(|e| {
            e["creditInformationSummary"]["loans"][0]["contractDate"] = json!(date)
        });
        assert_eq!(
            found::<extract::Message>(body),
            [a10("creditInformationSummary.loans[0].contractDate")],
            "{date}"
        );
    }
}

#[test]
fn times_must_lie_in_years_0001_to_9999_in_utc_and_never_panic() {
    for time in [
        "9999-12-31T23:59:59-00:01",
        "0001-01-01T00:00:00+00:01",
        "0000-06-01T00:00:00Z",
    ] {
        let body = extract_with(|e| e["creditRegisterExtract"]["creationTimeUtc"] = json!(time));
        assert_eq!(
            found::<extract::Message>(&body),
            [a10("creditRegisterExtract.creationTimeUtc")],
            "{time}"
        );
        let record = json::parse::<extract::register::Message>(&body, &READ_OPTIONS);
        assert!(record.is_err(), "{time}");
    }
    let body = extract_with(|e| {
        e["creditRegisterExtract"]["creationTimeUtc"] = json!("9999-12-31T23:59:59+00:01")
    });
    assert_eq!(found::<extract::Message>(body), []);
}

#[test]
fn integers_stay_in_their_range() {
    // (JSON pointer, value, code)
    let cases = [
        (
            "/creditInformationSummary/loans/0/borrowersCount",
            json!(-1),
            "A10",
        ),
        ("/creditInformationSummary/lendersCount", json!(-1), "A10"),
        ("/incomeData/0/months/0/month", json!(0), "PCR-OUT-OF-RANGE"),
        (
            "/incomeData/0/months/0/month",
            json!(13),
            "PCR-OUT-OF-RANGE",
        ),
        (
            "/incomeData/0/months/0/month",
            json!(99),
            "PCR-OUT-OF-RANGE",
        ),
        ("/incomeData/0/months/0/month", json!(1.5), "A10"),
        ("/incomeData/0/year", json!(-1), "A10"),
        ("/incomeData/0/year", json!(10000), "PCR-OUT-OF-RANGE"),
    ];
    for (pointer, value, code) in cases {
        let body = extract_with(|e| *e.pointer_mut(pointer).unwrap() = value.clone());
        let path =
            pointer[1..]
                .split('/')
                .fold(String::new(), |path, step| match step.parse::<usize>() {
                    Ok(index) => format!("{path}[{index}]"),
                    Err(_) if path.is_empty() => step.to_string(),
                    Err(_) => format!("{path}.{step}"),
                });
        assert_eq!(
            found::<extract::Message>(body),
            [at(&path, code)],
            "{pointer} = {value}"
        );
    }
}

#[test]
fn a_required_text_is_neither_empty_nor_blank() {
    for blank in ["", "   ", "\t"] {
        let body = fixture("request-foreign-owner").to_string();
        let mut value: Value = serde_json::from_str(&body).unwrap();
        value["owner"]["idCode"] = json!(blank);
        let found = found::<request::Message>(value.to_string());
        assert!(
            found.contains(&missing("owner.idCode")),
            "{blank:?}: {found:?}"
        );
    }
}

#[test]
fn decimals_are_exact_or_an_error() {
    let body = extract_with(|e| {
        e["creditInformationSummary"]["loans"][0]["lumpSumLoan"]["balance"] = json!(424242)
    });
    let body = body.replacen("424242", "12345678901234567890.12345678", 1);
    let message = json::read::<extract::Message>(&body, &ctx(), &READ_OPTIONS).unwrap();
    let written = serde_json::to_string(&message.value).unwrap();
    assert!(
        written.contains("\"balance\":12345678901234567890.12345678"),
        "{written}"
    );
    let body = body.replace("12345678901234567890.12345678", "1e-400");
    assert_eq!(
        found::<extract::Message>(body),
        [a10("creditInformationSummary.loans[0].lumpSumLoan.balance")]
    );
}

#[test]
fn disclose_writes_every_decimal_in_plain_notation() {
    let path = format!(
        "{}/tests/fixtures/register-extract.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let record: Value = serde_json::from_str(&text).unwrap();
    let amount =
        record["creditInformationSummary"]["loans"][0]["lumpSumLoan"]["amountIssued"].clone();
    assert!(amount.is_number());
    let text = text.replacen(
        &format!("\"amountIssued\": {amount}"),
        "\"amountIssued\": 12345678901234567890",
        1,
    );
    assert!(text.contains("12345678901234567890"));
    let record: extract::register::Message = json::parse(&text, &READ_OPTIONS).unwrap().value;
    let ctx = DisclosureContext {
        party: Party::Original,
        reader_id_code: None,
        today: time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    };
    let written = serde_json::to_string(&record.disclose(&ctx)).unwrap();
    assert!(
        written.contains("\"amountIssued\":12345678901234567890"),
        "{written}"
    );
    assert!(!written.contains("e+"), "{written}");
}

#[test]
fn the_foreign_owner_fixture_is_valid() {
    // The blank cases are in `a_required_text_is_neither_empty_nor_blank`.
    let body = fixture("request-foreign-owner");
    assert_eq!(found::<request::Message>(body.to_string()), []);
}

#[test]
fn a_200_body_is_told_apart_by_its_elements() {
    // An invalid extract: its errors at their own paths.
    let body = extract_with(|e| {
        e["creditInformationSummary"]["lendersCount"] = json!("three");
        e.as_object_mut().unwrap().remove("owner");
    });
    assert_eq!(
        found::<Status200Body>(body),
        [
            a10("creditInformationSummary.lendersCount"),
            missing("owner"),
            missing("owner.idCodeType"),
            missing("owner.idCode")
        ]
    );
    // An invalid deceased response likewise.
    let mut deceased = fixture("deceased");
    deceased["deceasedPerson"]["dateOfDeath"] = json!("yesterday");
    assert_eq!(
        found::<Status200Body>(deceased.to_string()),
        [a10("deceasedPerson.dateOfDeath")]
    );
    // Both at once is an error.
    let body =
        extract_with(|e| e["deceasedPerson"] = fixture("deceased")["deceasedPerson"].clone());
    assert_eq!(found::<Status200Body>(&body), [a10("")]);
    assert!(serde_json::from_str::<Status200Body>(&body).is_err());
    // A valid 200 body of each kind reads as its kind.
    let read = |v: Value| {
        json::read::<Status200Body>(v.to_string(), &ctx(), &READ_OPTIONS)
            .unwrap()
            .value
    };
    assert!(matches!(
        read(fixture("extract")),
        Status200Body::Extract(_)
    ));
    assert!(matches!(
        read(fixture("deceased")),
        Status200Body::Deceased(_)
    ));
}

#[test]
fn requests_refuse_unknown_elements_and_responses_keep_reading() {
    let body = request_with(|r| r["request"]["colour"] = json!("blue"));
    assert_eq!(found::<request::Message>(body), [a10("request.colour")]);
    let body = extract_with(|e| e["creditInformationSummary"]["colour"] = json!("blue"));
    assert_eq!(found::<extract::Message>(body), []);
}

#[test]
fn bodies_over_the_size_limit_are_not_read() {
    let options = READ_OPTIONS.max_bytes(100);
    let body = fixture("request").to_string();
    assert!(body.len() > 100);
    let error = json::read::<request::Message>(&body, &ctx(), &options).unwrap_err();
    assert_eq!(error, ReadError::TooLarge { limit: 100 });
    assert_eq!(error.status(), 413);
    // From a stream, nothing past the limit is read: an endless reader ends.
    let endless = std::io::repeat(b' ');
    let error = json::read_from::<request::Message>(endless, &ctx(), &options).unwrap_err();
    assert_eq!(error, ReadError::TooLarge { limit: 100 });
    // The models' limit is the documented 10 MiB: a valid request padded
    // with white space to exactly 10 MiB reads, one byte more does not.
    let ten_mib = 10 * 1024 * 1024;
    let mut padded = fixture("request").to_string();
    padded.push_str(&" ".repeat(ten_mib - padded.len()));
    assert!(json::read::<request::Message>(&padded, &ctx(), &READ_OPTIONS).is_ok());
    padded.push(' ');
    assert_eq!(
        json::read::<request::Message>(&padded, &ctx(), &READ_OPTIONS).unwrap_err(),
        ReadError::TooLarge { limit: ten_mib }
    );
}

#[test]
fn at_most_the_limit_of_errors_is_listed_then_how_many_more() {
    let items = vec![json!(1); 1500];
    let body = request_with(|r| r["request"]["creditRegisterExtractPurpose"] = json!(items));
    let found = found::<request::Message>(&body);
    assert_eq!(found.len(), 1001);
    assert_eq!(found[999], a10("request.creditRegisterExtractPurpose[999]"));
    assert_eq!(found[1000], at("", MORE_ERRORS_CODE));
    let errors = json::read::<request::Message>(&body, &ctx(), &READ_OPTIONS)
        .unwrap_err()
        .into_errors()
        .unwrap();
    assert!(errors
        .iter()
        .last()
        .unwrap()
        .description
        .contains("500 more errors"));
    // Rule errors are capped the same way.
    let options = READ_OPTIONS.max_errors(2);
    let purposes = vec![json!("NewLoan"); 5];
    let body = request_with(|r| r["request"]["creditRegisterExtractPurpose"] = json!(purposes));
    let found = found_with::<request::Message>(body, &options);
    assert_eq!(found.len(), 3);
    assert_eq!(found[2], at("", MORE_ERRORS_CODE));
}

#[test]
fn text_that_is_not_utf8_is_a10_with_its_byte_offset() {
    let mut body = fixture("request").to_string().into_bytes();
    let at_byte = body.len() / 2;
    body[at_byte] = 0xff;
    let errors = json::read::<request::Message>(&body, &ctx(), &READ_OPTIONS)
        .unwrap_err()
        .into_errors()
        .unwrap();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.code, "A10");
    assert!(
        error.description.contains(&format!("offset {at_byte}")),
        "{}",
        error.description
    );
}

#[test]
fn deep_nesting_is_refused_at_a_depth_limit_without_overflowing_the_stack() {
    let deep_array = "[".repeat(100_000);
    let errors = found::<request::Message>(&deep_array);
    assert!(
        !errors.is_empty() && errors.iter().all(|(_, code)| code == "A10"),
        "{errors:?}"
    );
    // Deep inside an element a response ignores: serde_json skips it
    // without recursing, so only the missing elements are reported.
    let deep_object = format!(
        "{{\"statusMessage\": \"ok\", \"colour\": {}1{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    let errors = found::<extract::Message>(&deep_object);
    assert!(
        errors.contains(&missing("creditRegisterExtract")),
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|(_, code)| code == REQUIRED_ERROR_CODE),
        "{errors:?}"
    );
    // Deep inside an element the message knows: a wrong type there, the
    // rest skipped.
    let deep_known = format!(
        "{{\"owner\": {{\"idCode\": {}1{}}}}}",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let errors = found::<request::Message>(&deep_known);
    assert!(errors.contains(&a10("owner.idCode")), "{errors:?}");
}

/// The description of the one error at `path`.
fn description<T: DeserializeOwned + Validate + Structure>(body: &str, path: &str) -> String {
    let Err(error) = json::read::<T>(body, &ctx(), &READ_OPTIONS) else {
        panic!("{body} is refused")
    };
    let errors = error.into_errors().unwrap();
    let found: Vec<_> = errors.iter().filter(|e| e.path == path).collect();
    assert_eq!(found.len(), 1, "{errors}");
    found[0].description.clone()
}

#[test]
fn a_known_element_in_the_wrong_place_is_reported_where_it_was_found() {
    // `loans` in the requested person, a place no recorded reading gives
    // (beside the summary is one: tests/answers.rs).
    let body = extract_with(|e| {
        let loans = e["creditInformationSummary"]
            .as_object_mut()
            .unwrap()
            .remove("loans")
            .unwrap();
        e["personRequested"]["loans"] = loans;
    });
    assert_eq!(
        found::<extract::Message>(&body),
        [a10("personRequested.loans")]
    );
    let why = description::<extract::Message>(&body, "personRequested.loans");
    assert!(why.contains("`creditInformationSummary.loans`"), "{why}");
    assert!(why.contains("`personRequested`"), "{why}");
    // The same in a 200 body.
    assert_eq!(
        found::<Status200Body>(&body),
        [a10("personRequested.loans")]
    );
    // `extractReference` beside `creditRegisterExtract`.
    let body = extract_with(|e| {
        let reference = e["creditRegisterExtract"]
            .as_object_mut()
            .unwrap()
            .remove("extractReference")
            .unwrap();
        e["extractReference"] = reference;
    });
    assert_eq!(
        found::<extract::Message>(&body),
        [
            missing("creditRegisterExtract.extractReference"),
            a10("extractReference")
        ]
    );
    let why = description::<extract::Message>(&body, "extractReference");
    assert!(
        why.contains("`creditRegisterExtract.extractReference`"),
        "{why}"
    );
    // An element the spec does not know at all is no error: it is kept,
    // with a notice at its place.
    let body = extract_with(|e| e["creditInformationSummary"]["colour"] = json!(1));
    assert_eq!(found::<extract::Message>(&body), []);
    let read = json::read::<extract::Message>(&body, &ctx(), &READ_OPTIONS).unwrap();
    let notices: Vec<&str> = read.notices.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(notices, ["creditInformationSummary.colour"]);
}

#[test]
fn a_request_in_another_nesting_names_the_expected_place() {
    // The person's fields at the top level instead of under `request`.
    let body = request_with(|r| {
        let person = r.as_object_mut().unwrap().remove("request").unwrap();
        for (name, value) in person.as_object().unwrap() {
            r[name] = value.clone();
        }
    });
    let found = found::<request::Message>(&body);
    assert!(found.contains(&missing("request")), "{found:?}");
    assert!(
        found.contains(&a10("creditRegisterExtractPurpose")),
        "{found:?}"
    );
    let why = description::<request::Message>(&body, "creditRegisterExtractPurpose");
    assert!(
        why.contains("`request.creditRegisterExtractPurpose`"),
        "{why}"
    );
    let why = description::<request::Message>(&body, "idCode");
    assert!(why.contains("`owner.idCode` or `request.idCode`"), "{why}");
}

#[test]
fn a_guarantee_receivable_reports_no_payment_delays() {
    let delays =
        json!([{"delayedInstalment": 100, "originalDueDate": "2024-05-01", "isForeclosed": false}]);
    let body = extract_with(|e| {
        let loan = &mut e["creditInformationSummary"]["loans"][0];
        loan["loanType"] = json!("GuaranteeReceivable");
        loan["delayedAmount"] = delays.clone();
    });
    assert_eq!(
        found::<extract::Message>(body),
        [at(
            "creditInformationSummary.loans[0].delayedAmount",
            "PCR-NOT-REPORTED"
        )]
    );
    // No delays: nothing to report; another loan type may have them.
    let body = extract_with(|e| {
        let loan = &mut e["creditInformationSummary"]["loans"][0];
        loan["loanType"] = json!("GuaranteeReceivable");
        loan["delayedAmount"] = json!([]);
    });
    assert_eq!(found::<extract::Message>(body), []);
    let body = extract_with(|e| {
        e["creditInformationSummary"]["loans"][0]["delayedAmount"] = delays.clone();
    });
    assert_eq!(found::<extract::Message>(body), []);
}

/// `body`'s top-level members as text in the order of `names` (serde_json
/// writes them sorted).
fn in_order(body: &Value, names: &[&str]) -> String {
    let members: Vec<String> = names
        .iter()
        .map(|name| format!("{}:{}", Value::from(*name), body[*name]))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// The top-level member names of `body`, in every rotation and reversed.
fn orders(body: &Value) -> Vec<Vec<&str>> {
    let names: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut orders: Vec<Vec<&str>> = (0..names.len())
        .map(|n| {
            let mut order = names.clone();
            order.rotate_left(n);
            order
        })
        .collect();
    orders.extend(orders.clone().into_iter().map(|mut o| {
        o.reverse();
        o
    }));
    orders
}

/// A 200 body is read in one pass: the members before the one that tells
/// the message apart are kept and read into the message it tells. Every
/// order of the members reads the same value (the deciding member first,
/// last and between).
#[test]
fn a_200_body_reads_the_same_in_any_member_order() {
    for name in ["extract", "deceased"] {
        let body = fixture(name);
        let expected: Status200Body = serde_json::from_str(&body.to_string()).unwrap();
        for order in orders(&body) {
            let text = in_order(&body, &order);
            let read = json::read::<Status200Body>(&text, &ctx(), &READ_OPTIONS);
            assert_eq!(
                read.as_ref().ok(),
                Some(&json::Parsed::new(expected.clone())),
                "{name} in the order {order:?}"
            );
            assert_eq!(
                serde_json::from_str::<Status200Body>(&text).ok().as_ref(),
                Some(&expected)
            );
        }
    }
}

/// What the one-pass read of a 200 body must still refuse, in every order:
/// members of both messages, and an element the spec puts elsewhere inside
/// a member read before the deciding one. A member neither message has is
/// skipped, as a response's unknown elements are.
#[test]
fn a_200_body_in_any_order_keeps_its_structural_errors() {
    let both = fixture("extract");
    let mut both = both.as_object().unwrap().clone();
    both.insert(
        "deceasedPerson".into(),
        fixture("deceased")["deceasedPerson"].clone(),
    );
    let both = Value::Object(both);
    for order in orders(&both) {
        let text = in_order(&both, &order);
        assert_eq!(found::<Status200Body>(&text), [a10("")], "{order:?}");
        assert!(serde_json::from_str::<Status200Body>(&text).is_err());
    }

    let mut misplaced = fixture("deceased");
    misplaced["personRequested"]["loans"] = json!([]);
    let mut newer = fixture("deceased");
    newer["elementOfANewerDocument"] = json!({"a": [1, 2]});
    let expected = found::<Status200Body>(misplaced.to_string());
    assert_eq!(expected, [a10("personRequested.loans")]);
    for order in orders(&misplaced) {
        assert_eq!(
            found::<Status200Body>(in_order(&misplaced, &order)),
            expected,
            "{order:?}"
        );
    }
    for order in orders(&newer) {
        assert_eq!(
            found::<Status200Body>(in_order(&newer, &order)),
            [],
            "{order:?}"
        );
    }
}
