//! A new user's first run: a request with three mistakes reports exactly
//! three errors, each at its element's path with its code.

use downstream_validate::{
    IdCodeType, Owner, PersonRequested, Purpose, Request, TargetEnvironment,
};
use pcr_runtime::{Context, Stage, Validate};

fn ctx() -> Context {
    Context::new(Stage::First, time_today())
}

/// A fixed "today" keeps the test repeatable.
fn time_today() -> pcr_runtime::time::Date {
    pcr_runtime::time::Date::from_calendar_date(2024, pcr_runtime::time::Month::January, 4).unwrap()
}

fn valid() -> Request {
    Request {
        target_environment: TargetEnvironment::Test,
        owner: Owner {
            id_code_type: IdCodeType::BusinessId,
            id_code: "0737546-2".into(),
            country_code: None,
        },
        person: PersonRequested {
            id_code_type: IdCodeType::PersonalIdentityCode,
            id_code: "010594Y9032".into(),
            credit_register_extract_purpose: vec![Purpose::NewConsumerCredit],
        },
    }
}

#[test]
fn a_valid_request_passes() {
    assert!(valid().validate(&ctx()).is_ok());
}

#[test]
fn three_mistakes_three_errors() {
    let mut request = valid();
    // 1. A foreign business ID without its country code.
    request.owner.id_code_type = IdCodeType::ForeignBusinessId;
    // 2. A 65-character ID code (a foreign business ID has no other format
    //    rule, so the length is its only error).
    request.owner.id_code = "A".repeat(65);
    // 3. No purpose of use.
    request.person.credit_register_extract_purpose.clear();

    let errors = request.validate(&ctx()).unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path.as_str(), &*e.code)).collect();
    assert_eq!(
        found,
        [
            ("owner.idCode", "PCR-STRING-TOO-LONG"),
            ("owner.countryCode", "D40"),
            ("request.creditRegisterExtractPurpose", "PCR-TOO-FEW-ITEMS"),
        ]
    );
}

#[test]
fn a_second_stage_purpose_in_the_first_stage() {
    let mut request = valid();
    request
        .person
        .credit_register_extract_purpose
        .push(Purpose::NewLoan);
    let errors = request.validate(&ctx()).unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path.as_str(), &*e.code)).collect();
    assert_eq!(
        found,
        [(
            "request.creditRegisterExtractPurpose[1]",
            "PCR-STAGE-NOT-ALLOWED"
        )]
    );
    assert!(request
        .validate(&Context::new(Stage::Second, time_today()))
        .is_ok());
}
