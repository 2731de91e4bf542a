//! Every `#[pcr(...)]` rule through the derive: what it reports, at which
//! path, with which code; and that a valid value reports nothing.

use pcr_runtime::{Context, Stage, StageRestricted, Validate};
use rust_decimal::Decimal;
use time::macros::date;

fn ctx(stage: Stage) -> Context {
    Context::new(stage, date!(2024 - 01 - 04))
}

/// (path, code) of every error, in order.
fn errors<T: Validate>(value: &T, stage: Stage) -> Vec<(String, String)> {
    match value.validate(&ctx(stage)) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| (e.path, e.code.into_owned()))
            .collect(),
    }
}

fn e(path: &str, code: &str) -> (String, String) {
    (path.to_string(), code.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
enum IdCodeType {
    PersonalIdentityCode,
    BusinessId,
    ForeignBusinessId,
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
enum Purpose {
    NewConsumerCredit,
    NewLoan,
}

impl StageRestricted for Purpose {
    fn allowed_in(&self, stage: Stage) -> bool {
        !(stage == Stage::First && *self == Purpose::NewLoan)
    }
}

/// The longest ID code, as a constant (`max_chars` takes a number or a
/// `usize` constant's path).
const ID_CODE_MAX_CHARS: usize = 64;

/// The characters of an ID code.
const ID_CODE_CHARS: ::pcr_runtime::text::CharSet = ::pcr_runtime::text::CharSet::new(&[
    ::pcr_runtime::text::CharClass::Range('A', 'Z'),
    ::pcr_runtime::text::CharClass::Range('a', 'z'),
    ::pcr_runtime::text::CharClass::Range('0', '9'),
    ::pcr_runtime::text::CharClass::Chars("-+"),
]);

#[derive(Validate, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Owner {
    #[pcr(allowed(values = [IdCodeType::BusinessId, IdCodeType::ForeignBusinessId], code = "PCR-VALUE-NOT-ALLOWED"))]
    id_code_type: IdCodeType,
    #[pcr(max_chars(max = ID_CODE_MAX_CHARS, code = "PCR-STRING-TOO-LONG"))]
    #[pcr(charset(set = ID_CODE_CHARS, code = "PCR-STRING-CHARACTERS"))]
    #[pcr(id_code(type_field = id_code_type, business_id = IdCodeType::BusinessId, code = "E21"))]
    id_code: String,
    #[pcr(required_if(field = id_code_type, equals = IdCodeType::ForeignBusinessId, code = "D40"))]
    country_code: Option<String>,
}

#[derive(Validate, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Person {
    #[pcr(allowed(values = [IdCodeType::PersonalIdentityCode], code = "PCR-VALUE-NOT-ALLOWED"))]
    id_code_type: IdCodeType,
    #[pcr(id_code(type_field = id_code_type, personal_identity_code = IdCodeType::PersonalIdentityCode, code = "E21"))]
    id_code: String,
    #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
    #[pcr(stage(code = "PCR-STAGE-NOT-ALLOWED"))]
    credit_register_extract_purpose: Vec<Purpose>,
}

#[derive(Validate, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    #[pcr(nested)]
    owner: Owner,
    #[pcr(nested)]
    #[serde(rename = "request")]
    person: Person,
}

fn owner() -> Owner {
    Owner {
        id_code_type: IdCodeType::BusinessId,
        id_code: "0737546-2".into(),
        country_code: None,
    }
}

fn person() -> Person {
    Person {
        id_code_type: IdCodeType::PersonalIdentityCode,
        id_code: "010594Y9032".into(),
        credit_register_extract_purpose: vec![Purpose::NewConsumerCredit],
    }
}

#[test]
fn a_valid_request_has_no_errors() {
    let request = Request {
        owner: owner(),
        person: person(),
    };
    assert_eq!(errors(&request, Stage::First), []);
}

#[test]
fn required_if_is_checked_only_when_the_sibling_has_the_value() {
    let mut o = owner();
    o.id_code_type = IdCodeType::ForeignBusinessId;
    o.id_code = "FOREIGN-123".into();
    assert_eq!(errors(&o, Stage::First), [e("countryCode", "D40")]);
    o.country_code = Some("SE".into());
    assert_eq!(errors(&o, Stage::First), []);
    o.id_code_type = IdCodeType::BusinessId;
    o.country_code = None;
    o.id_code = "0737546-2".into();
    assert_eq!(errors(&o, Stage::First), []);
}

#[test]
fn id_format_follows_the_type_code() {
    let mut o = owner();
    o.id_code = "0737546-3".into();
    assert_eq!(errors(&o, Stage::First), [e("idCode", "E21")]);
    // A foreign business ID has no format to check.
    o.id_code_type = IdCodeType::ForeignBusinessId;
    o.country_code = Some("SE".into());
    assert_eq!(errors(&o, Stage::First), []);
    let mut p = person();
    p.id_code = "010190-123A".into();
    assert_eq!(errors(&p, Stage::First), [e("idCode", "E21")]);
    p.id_code = "010190-123a".into(); // case is insignificant, the check character is still wrong
    assert_eq!(errors(&p, Stage::First), [e("idCode", "E21")]);
}

#[test]
fn allowed_values() {
    let mut p = person();
    p.id_code_type = IdCodeType::BusinessId;
    p.id_code = "0737546-2".into();
    assert_eq!(
        errors(&p, Stage::First),
        [e("idCodeType", "PCR-VALUE-NOT-ALLOWED")]
    );
}

#[test]
fn lists_min_items_and_stage_with_indexes() {
    let mut p = person();
    p.credit_register_extract_purpose = vec![];
    assert_eq!(
        errors(&p, Stage::First),
        [e("creditRegisterExtractPurpose", "PCR-TOO-FEW-ITEMS")]
    );
    p.credit_register_extract_purpose = vec![Purpose::NewConsumerCredit, Purpose::NewLoan];
    assert_eq!(
        errors(&p, Stage::First),
        [e(
            "creditRegisterExtractPurpose[1]",
            "PCR-STAGE-NOT-ALLOWED"
        )]
    );
    assert_eq!(errors(&p, Stage::Second), []);
}

#[test]
fn nested_paths_use_serde_names() {
    let mut request = Request {
        owner: owner(),
        person: person(),
    };
    request.person.credit_register_extract_purpose = vec![Purpose::NewLoan];
    request.owner.id_code = format!("{}×", "a".repeat(64));
    assert_eq!(
        errors(&request, Stage::First),
        [
            e("owner.idCode", "PCR-STRING-TOO-LONG"),
            e("owner.idCode", "PCR-STRING-CHARACTERS"),
            e("owner.idCode", "E21"),
            e(
                "request.creditRegisterExtractPurpose[0]",
                "PCR-STAGE-NOT-ALLOWED"
            ),
        ]
    );
}

#[derive(Validate)]
#[allow(dead_code)] // `note` only documents an optional element
struct Amounts {
    #[pcr(range(min = 0, code = "PCR-OUT-OF-RANGE"))]
    sum: Decimal,
    #[pcr(range(min = 1, max = 12, code = "PCR-OUT-OF-RANGE"))]
    month: u8,
    #[pcr(range(min = -5, max = 5, code = "PCR-OUT-OF-RANGE"))]
    delta: Option<i32>,
    #[pcr(fixed(value = true, code = "PCR-FIXED-VALUE"))]
    is_in_effect: Option<bool>,
    #[pcr(required(code = "PCR-REQUIRED"))]
    #[pcr(rename = "reasonCode")]
    reason: Option<String>,
    #[pcr(optional)]
    note: Option<String>,
    #[pcr(min_items(min = 2, code = "PCR-TOO-FEW-ITEMS"))]
    #[pcr(nested)]
    items: Option<Vec<Item>>,
}

#[derive(Validate)]
#[allow(non_snake_case)]
struct Item {
    #[pcr(range(max = 100, code = "PCR-OUT-OF-RANGE"))]
    r#value: u64,
}

fn amounts() -> Amounts {
    Amounts {
        sum: Decimal::ZERO,
        month: 12,
        delta: Some(-5),
        is_in_effect: Some(true),
        reason: Some("x".into()),
        note: None,
        items: None,
    }
}

#[test]
fn ranges_fixed_values_and_required_at_their_edges() {
    assert_eq!(errors(&amounts(), Stage::First), []);
    let mut a = amounts();
    a.sum = Decimal::new(-1, 2);
    a.month = 13;
    a.delta = Some(6);
    a.is_in_effect = Some(false);
    a.reason = None;
    assert_eq!(
        errors(&a, Stage::First),
        [
            e("sum", "PCR-OUT-OF-RANGE"),
            e("month", "PCR-OUT-OF-RANGE"),
            e("delta", "PCR-OUT-OF-RANGE"),
            e("is_in_effect", "PCR-FIXED-VALUE"),
            e("reasonCode", "PCR-REQUIRED"),
        ]
    );
    a = amounts();
    a.month = 0;
    a.delta = None;
    a.is_in_effect = None;
    assert_eq!(errors(&a, Stage::First), [e("month", "PCR-OUT-OF-RANGE")]);
}

#[test]
fn option_of_vec_recurses_with_indexes() {
    let mut a = amounts();
    a.items = Some(vec![Item { value: 100 }]);
    assert_eq!(errors(&a, Stage::First), [e("items", "PCR-TOO-FEW-ITEMS")]);
    a.items = Some(vec![
        Item { value: 1 },
        Item { value: 101 },
        Item { value: 500 },
    ]);
    assert_eq!(
        errors(&a, Stage::First),
        [
            e("items[1].value", "PCR-OUT-OF-RANGE"),
            e("items[2].value", "PCR-OUT-OF-RANGE")
        ]
    );
}

#[derive(Validate)]
#[allow(dead_code)]
enum Body {
    Owner(Owner),
    Person(Person),
    Empty,
}

/// Without serde attributes an enum is read as serde's default, externally
/// tagged (`{"Owner": {...}}`): the variant's name is a step of the path.
#[test]
fn an_enum_validates_the_value_of_its_variant() {
    let mut o = owner();
    o.id_code = "bad".into();
    assert_eq!(
        errors(&Body::Owner(o), Stage::First),
        [e("Owner.idCode", "E21")]
    );
    assert_eq!(errors(&Body::Person(person()), Stage::First), []);
    assert_eq!(errors(&Body::Empty, Stage::First), []);
}

#[test]
fn errors_carry_descriptions_and_convert_to_the_register_body() {
    let mut o = owner();
    o.id_code_type = IdCodeType::ForeignBusinessId;
    let errors = o.validate(&ctx(Stage::First)).unwrap_err();
    let first = errors.iter().next().unwrap();
    assert_eq!(
        first.description,
        "The data element is required when idCodeType is ForeignBusinessId."
    );
    let body = serde_json::to_value(errors.to_invalid_request(uuid::Uuid::nil())).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "statusMessage": "Bad request",
            "correlationId": "00000000-0000-0000-0000-000000000000",
            "errorResponses": [{
                "fieldName": "countryCode",
                "errorCode": "D40",
                "errorDescription": "The data element is required when idCodeType is ForeignBusinessId."
            }]
        })
    );
}

mod absent_if {
    use pcr_runtime::{Context, Stage, Validate};

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum LoanType {
        Leasing,
        GuaranteeReceivable,
    }

    #[derive(Validate)]
    #[pcr(rename_all = "camelCase")]
    struct Loan {
        loan_type: Option<LoanType>,
        #[pcr(absent_if(field = loan_type, equals = LoanType::GuaranteeReceivable, code = "NOT-REPORTED"))]
        delayed_amount: Vec<u32>,
        #[pcr(absent_if(field = loan_type, equals = LoanType::GuaranteeReceivable, code = "NOT-REPORTED"))]
        is_foreclosed: Option<bool>,
    }

    fn found(loan: &Loan) -> Vec<(String, String)> {
        let ctx = Context::today(Stage::First);
        match loan.validate(&ctx) {
            Ok(()) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| (e.path, e.code.into_owned()))
                .collect(),
        }
    }

    #[test]
    fn present_while_the_sibling_rules_it_out_is_an_error() {
        let loan = Loan {
            loan_type: Some(LoanType::GuaranteeReceivable),
            delayed_amount: vec![1],
            is_foreclosed: Some(false),
        };
        assert_eq!(
            found(&loan),
            [
                ("delayedAmount".to_string(), "NOT-REPORTED".to_string()),
                ("isForeclosed".to_string(), "NOT-REPORTED".to_string()),
            ]
        );
        let empty = Loan {
            delayed_amount: vec![],
            is_foreclosed: None,
            ..loan
        };
        assert_eq!(found(&empty), []);
        let leasing = Loan {
            loan_type: Some(LoanType::Leasing),
            delayed_amount: vec![1],
            is_foreclosed: Some(true),
        };
        assert_eq!(found(&leasing), []);
        let unknown = Loan {
            loan_type: None,
            delayed_amount: vec![1],
            is_foreclosed: Some(true),
        };
        assert_eq!(found(&unknown), []);
    }
}

/// The fewest and most characters of a note, as constants.
const NOTE_MIN_CHARS: usize = 2;
const NOTE_MAX_CHARS: usize = 4;

#[derive(Validate)]
struct Note {
    #[pcr(min_chars(min = NOTE_MIN_CHARS, code = "SHORT"))]
    #[pcr(max_chars(max = NOTE_MAX_CHARS, code = "LONG"))]
    text: String,
}

#[test]
fn character_counts_may_be_constants() {
    let codes = |text: &str| -> Vec<String> {
        let note = Note { text: text.into() };
        match note.validate(&ctx(Stage::First)) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.code.to_string()).collect(),
        }
    };
    assert_eq!(codes("ä"), ["SHORT"]);
    assert_eq!(codes("äö"), Vec::<String>::new());
    assert_eq!(codes("äöüå"), Vec::<String>::new());
    assert_eq!(codes("äöüåx"), ["LONG"]);
}
