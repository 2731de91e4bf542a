//! Time in a generated crate: the feature tour's `remark` (a request
//! element in force from 2027-01-04), its `Retired` purpose (in force until
//! 2027-06-01) and its loans' `incomeNote` (disclosed from 2027-01-04), and
//! its stage calendar, which starts the second stage on different days in
//! test and production.

use downstream_build::models::{answer, ask, codesets, STAGE_CALENDAR};
use pcr_runtime::context::register_date;
use pcr_runtime::{date, json, Context, Disclose, DisclosureContext, Environment, Party, Stage};
use serde_json::{json as value, Value};

fn request() -> Value {
    value!({
        "type": "Plain",
        "owner": {"idCodeType": "BusinessId", "idCode": "0737546-2"},
        "purposes": ["Ordinary"],
        "count": 1,
        "items": []
    })
}

/// (path, code, description) of every error of `json` validated on `day`.
fn errors_on(json: &Value, day: pcr_runtime::time::Date) -> Vec<(String, String, String)> {
    let ctx = STAGE_CALENDAR.context(Environment::Production, day);
    match json::read::<ask::Message>(
        &json.to_string(),
        &ctx,
        &downstream_build::models::READ_OPTIONS,
    ) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .into_errors()
            .expect("within the size limit")
            .into_iter()
            .map(|e| (e.path, e.code.into_owned(), e.description))
            .collect(),
    }
}

#[test]
fn an_element_in_force_from_a_day_is_refused_the_day_before_and_accepted_on_it() {
    let mut json = request();
    json["remark"] = Value::from("hello");
    assert_eq!(
        errors_on(&json, date!(2027 - 01 - 03)),
        [(
            "remark".to_string(),
            "PCR-NOT-IN-FORCE".to_string(),
            "Not in force on 2027-01-03: in force from 2027-01-04.".to_string()
        )]
    );
    assert_eq!(errors_on(&json, date!(2027 - 01 - 04)), []);
    // Absent, it is no error on any day.
    assert_eq!(errors_on(&request(), date!(2027 - 01 - 03)), []);
}

#[test]
fn a_code_in_force_until_a_day_is_accepted_the_day_before_and_refused_on_it() {
    let mut json = request();
    json["purposes"] = value!(["Ordinary", "retired"]);
    assert_eq!(errors_on(&json, date!(2027 - 05 - 31)), []);
    assert_eq!(
        errors_on(&json, date!(2027 - 06 - 01)),
        [(
            "purposes[1]".to_string(),
            "PCR-NOT-IN-FORCE".to_string(),
            "Not in force on 2027-06-01: in force until 2027-05-31.".to_string()
        )]
    );
    use pcr_runtime::Codeset;
    assert_eq!(
        codesets::Purpose::Retired.in_force(),
        pcr_runtime::InForce {
            from: None,
            until: Some(date!(2027 - 06 - 01))
        }
    );
    assert_eq!(
        codesets::Purpose::Ordinary.in_force(),
        pcr_runtime::InForce::ALWAYS
    );
}

#[test]
fn the_calendar_gives_each_environment_its_own_stage() {
    let on = |environment, day| STAGE_CALENDAR.stage_on(environment, day);
    // The second stage starts on 2026-01-01 in test, 2026-04-01 in production.
    assert_eq!(on(Environment::Test, date!(2025 - 12 - 31)), Stage::First);
    assert_eq!(on(Environment::Test, date!(2026 - 01 - 01)), Stage::Second);
    assert_eq!(
        on(Environment::Production, date!(2026 - 03 - 31)),
        Stage::First
    );
    assert_eq!(
        on(Environment::Production, date!(2026 - 04 - 01)),
        Stage::Second
    );
    // The second stage's purpose, by the stage the day brings.
    let mut json = request();
    json["purposes"] = value!(["Special"]);
    let read = |ctx: &Context| {
        json::read::<ask::Message>(
            &json.to_string(),
            ctx,
            &downstream_build::models::READ_OPTIONS,
        )
        .is_ok()
    };
    assert!(!read(
        &STAGE_CALENDAR.context(Environment::Test, date!(2025 - 12 - 31))
    ));
    assert!(read(
        &STAGE_CALENDAR.context(Environment::Test, date!(2026 - 01 - 01))
    ));
    assert!(!read(
        &STAGE_CALENDAR.context(Environment::Production, date!(2026 - 01 - 01))
    ));
    // An explicit stage overrides the calendar's.
    assert!(!read(
        &STAGE_CALENDAR
            .context(Environment::Test, date!(2026 - 01 - 01))
            .with_stage(Stage::First)
    ));
}

fn register_answer() -> answer::register::Message {
    serde_json::from_value(value!({
        "statusMessage": "Fine.",
        "reference": "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
        "message": {"text": "hello"},
        "loans": [{"kind": "Plain", "incomeNote": "from the Incomes Register"}]
    }))
    .expect("a register-side answer")
}

#[test]
fn an_element_in_force_from_a_day_is_withheld_before_it_and_disclosed_from_it() {
    let disclose = |today| {
        let ctx = DisclosureContext {
            party: Party::Original,
            reader_id_code: None,
            today,
        };
        register_answer().disclose(&ctx).loans[0]
            .income_note
            .clone()
    };
    assert_eq!(disclose(date!(2027 - 01 - 03)), None);
    assert_eq!(
        disclose(date!(2027 - 01 - 04)).as_deref(),
        Some("from the Incomes Register")
    );
}

#[test]
fn a_request_late_in_the_evening_utc_is_one_of_the_next_day_in_finland() {
    use time::macros::datetime;
    // 22:30 UTC on 2027-01-03 is 00:30 on 2027-01-04 in Helsinki: the
    // element in force from that day is accepted (the day in Finland's
    // rules are tested in pcr-runtime's tests/context.rs).
    let day = register_date(datetime!(2027-01-03 22:30 UTC));
    assert_eq!(day, date!(2027 - 01 - 04));
    let mut json = request();
    json["remark"] = Value::from("hello");
    assert_eq!(errors_on(&json, day), []);
    assert_eq!(
        errors_on(&json, register_date(datetime!(2027-01-03 21:59 UTC))).len(),
        1
    );
}
