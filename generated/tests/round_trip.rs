//! Every message, from a fixture written by hand from the tables (fictional
//! IDs only): it reads, validates, and writes back the same JSON. Codes are
//! read ignoring case and never in numeric form; requests are strict about
//! unknown fields and codes, responses lenient.

use pcr_models::{codesets, deceased, extract, invalid_request, request, Status200Body};
use pcr_runtime::{Context, Lenient, Stage, Validate};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ctx() -> Context {
    let today =
        pcr_runtime::time::Date::from_calendar_date(2024, pcr_runtime::time::Month::March, 15)
            .unwrap();
    Context::new(Stage::First, today)
}

/// Reads, validates and writes back; returns the message.
fn round_trip<T: DeserializeOwned + Serialize + Validate>(name: &str) -> T {
    let text = fixture(name);
    let message: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Err(errors) = message.validate(&ctx()) {
        panic!("{name} does not validate:\n{errors}");
    }
    let written = serde_json::to_value(&message).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        written, original,
        "{name} does not write back the same JSON"
    );
    message
}

#[test]
fn request() {
    let message: request::Message = round_trip("request");
    assert_eq!(message.request.credit_register_extract_purpose.len(), 2);
    let foreign: request::Message = round_trip("request-foreign-owner");
    assert_eq!(
        foreign.owner.country_code.map(|c| c.to_string()).as_deref(),
        Some("SE")
    );
}

#[test]
fn extract() {
    let message: extract::Message = round_trip("extract");
    let loans = &message.credit_information_summary.loans;
    assert_eq!(loans.len(), 3);
    let lump_sum = loans[0].lump_sum_loan.as_ref().unwrap();
    assert_eq!(lump_sum.balance, Some("172345.67".parse().unwrap()));
    assert_eq!(
        loans[0].loan_type,
        Some(Lenient::Known(codesets::LoanType::LumpSumLoan))
    );
}

#[test]
fn deceased() {
    let message: deceased::Message = round_trip("deceased");
    assert_eq!(
        message.deceased_person.date_of_death.to_string(),
        "2024-02-29"
    );
}

#[test]
fn invalid_request() {
    let message: invalid_request::Message = round_trip("invalid_request");
    assert_eq!(message.error_responses[0].error_code, "D40");
}

#[test]
fn a_200_body_is_read_without_knowing_which_it_is() {
    let body: Status200Body = serde_json::from_str(&fixture("extract")).unwrap();
    assert!(matches!(body, Status200Body::Extract(_)));
    let body: Status200Body = serde_json::from_str(&fixture("deceased")).unwrap();
    assert!(matches!(body, Status200Body::Deceased(_)));
    assert!(body.validate(&ctx()).is_ok());
}

#[test]
fn codes_are_read_ignoring_case_and_written_as_the_document_writes_them() {
    let text = fixture("request")
        .replace("\"Test\"", "\"test\"")
        .replace("\"BusinessId\"", "\"BUSINESSID\"")
        .replace("\"NewConsumerCredit\"", "\"newconsumercredit\"");
    let message: request::Message = serde_json::from_str(&text).unwrap();
    assert_eq!(
        message.target_environment,
        codesets::TargetEnvironment::Test
    );
    let written = serde_json::to_value(&message).unwrap();
    let original: Value = serde_json::from_str(&fixture("request")).unwrap();
    assert_eq!(written, original);
    // ISO codes too.
    let text = fixture("request-foreign-owner").replace("\"SE\"", "\"se\"");
    let message: request::Message = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_value(&message).unwrap()["owner"]["countryCode"],
        "SE"
    );
}

/// Every code of every codeset reads as its own value as written, in
/// small and in capital letters; a code with a letter more is refused, and
/// the error lists every code of the codeset.
#[test]
fn every_code_of_every_codeset_reads_as_its_own_value() {
    fn check<
        T: pcr_runtime::Codeset + std::str::FromStr<Err = pcr_runtime::codeset::UnknownCode>,
    >() {
        let codes: Vec<&str> = T::ALL.iter().map(|v| v.code()).collect();
        for &value in T::ALL {
            let code = value.code();
            for text in [
                code.to_string(),
                code.to_ascii_lowercase(),
                code.to_ascii_uppercase(),
            ] {
                assert_eq!(T::from_code(&text), Some(value), "{} {text}", T::ID);
                assert_eq!(text.parse::<T>().ok(), Some(value), "{} {text}", T::ID);
            }
            let error = format!("{code}x").parse::<T>().unwrap_err();
            assert_eq!(error.codes, codes.join(", "), "{}", T::ID);
            assert_eq!(T::from_code(&code[1..]), None, "{} {code}", T::ID);
        }
    }
    check::<codesets::TargetEnvironment>();
    check::<codesets::IdCodeType>();
    check::<codesets::CreditRegisterExtractPurpose>();
    check::<codesets::ReasonForCreditBan>();
    check::<codesets::LoanType>();
    check::<codesets::CollateralType>();
    check::<codesets::RepaymentMethod>();
    check::<codesets::LoanPurposeOfUse>();
}

#[test]
fn the_numeric_form_of_a_code_is_refused() {
    for numeric in ["1", "\"1\""] {
        let text = fixture("request").replace("\"Test\"", numeric);
        let error = serde_json::from_str::<request::Message>(&text)
            .unwrap_err()
            .to_string();
        assert!(error.contains("TargetEnvironment"), "{numeric}: {error}");
    }
    let text = fixture("extract").replace("\"Balloon\"", "3");
    assert!(serde_json::from_str::<extract::Message>(&text).is_err());
}

#[test]
fn requests_refuse_unknown_fields_and_codes() {
    let text = fixture("request").replace(
        "\"targetEnvironment\"",
        "\"colour\": \"red\", \"targetEnvironment\"",
    );
    let error = serde_json::from_str::<request::Message>(&text)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown field `colour`"), "{error}");
    let text = fixture("request").replace("\"NewConsumerCredit\"", "\"NewCreditCard\"");
    let error = serde_json::from_str::<request::Message>(&text)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("`NewCreditCard` is not a code of CreditRegisterExtractPurpose"),
        "{error}"
    );
}

#[test]
fn responses_ignore_unknown_fields_and_keep_unknown_codes() {
    let text = fixture("extract")
        .replace(
            "\"statusMessage\"",
            "\"addedInV15\": {\"x\": 1}, \"statusMessage\"",
        )
        .replace("\"RunningAccountLoan\"", "\"CreditCardLoan\"");
    let message: extract::Message = serde_json::from_str(&text).unwrap();
    let loan = &message.credit_information_summary.loans[1];
    assert_eq!(
        loan.loan_type,
        Some(Lenient::Unknown("CreditCardLoan".into()))
    );
    let written = serde_json::to_value(&message).unwrap();
    assert_eq!(
        written["creditInformationSummary"]["loans"][1]["loanType"],
        "CreditCardLoan"
    );
    assert!(written.get("addedInV15").is_none());
}

#[test]
fn generated_codesets_list_their_values_and_stage_restrictions() {
    use pcr_runtime::{Codeset, StageRestricted};
    use std::str::FromStr;
    assert_eq!(codesets::CreditRegisterExtractPurpose::ALL.len(), 8);
    let new_loan = codesets::CreditRegisterExtractPurpose::from_str("newloan").unwrap();
    assert_eq!(new_loan.to_string(), "NewLoan");
    assert_eq!(new_loan.label(), "New loan contract");
    assert!(!new_loan.allowed_in(Stage::First));
    assert!(new_loan.allowed_in(Stage::Second));
}
