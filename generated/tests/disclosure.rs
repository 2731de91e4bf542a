//! Disclosure of a register-side extract: each footnote marker and each
//! "returned if" condition at its edges, the scenario, and
//! properties over random readers.

use pcr_models::extract;
use pcr_runtime::disclosure::Party;
use pcr_runtime::time::{Date, Month};
use pcr_runtime::{Context, Disclose, DisclosureContext, Stage, Validate};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The register-side record: a lump-sum loan, an income month, a ban.
fn record_json() -> Value {
    let path = format!(
        "{}/tests/fixtures/register-extract.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
}

const BORROWER: &str = "010594Y9032";
const CO_BORROWER: &str = "020594X903P";

fn reader(party: Party, id: &str, today: Date) -> DisclosureContext {
    DisclosureContext {
        party,
        reader_id_code: Some(id.to_string()),
        today,
    }
}

fn original() -> DisclosureContext {
    reader(Party::Original, BORROWER, date(2024, 9, 2))
}

fn added_on(d: Date) -> DisclosureContext {
    reader(Party::AddedOn(d), CO_BORROWER, date(2024, 9, 2))
}

/// The extract `ctx`'s reader sees of `record`, as JSON.
fn disclose(record: &Value, ctx: &DisclosureContext) -> Value {
    let register: extract::register::Message =
        serde_json::from_value(record.clone()).expect("a register-side record");
    serde_json::to_value(register.disclose(ctx)).unwrap()
}

fn loan(extract: &Value) -> &Value {
    &extract["creditInformationSummary"]["loans"][0]
}

fn shown(value: &Value) -> bool {
    !value.is_null()
}

#[test]
fn the_added_co_borrower_does_not_see_what_predates_them() {
    let record = record_json();
    let mine = disclose(&record, &original());
    assert_eq!(loan(&mine)["contractDate"], "2023-11-20");
    assert_eq!(loan(&mine)["lumpSumLoan"]["amountIssued"], 185000);
    assert_eq!(
        loan(&mine)["defermentPeriods"][0]["startDate"],
        "2024-03-01"
    );

    let theirs = disclose(&record, &added_on(date(2024, 3, 1)));
    assert!(!shown(&loan(&theirs)["contractDate"]));
    assert!(!shown(&loan(&theirs)["lumpSumLoan"]["amountIssued"]));
    assert!(!shown(&loan(&theirs)["defermentPeriods"][0]["startDate"]));
    // Data of after the day they were added is theirs to see.
    assert_eq!(
        loan(&theirs)["defermentPeriods"][0]["endDate"],
        "2024-08-31"
    );
}

/// Every `*` element of the loan, as paths into the loan's JSON.
const STARRED: &[&str] = &[
    "/loanType",
    "/contractDate",
    "/isLoanWithCollateral",
    "/collateralType",
    "/borrowersCount",
    "/currencyCode",
    "/defermentPeriods/0/startDate",
    "/defermentPeriods/0/endDate",
    "/lumpSumLoan/repaymentMethod",
    "/lumpSumLoan/purposeOfUse",
    "/lumpSumLoan/amountIssued",
    "/lumpSumLoan/amountPaid",
    "/lumpSumLoan/balance",
    "/lumpSumLoan/plannedFinalDueDate",
    "/lumpSumLoan/amortizationFrequency",
    "/delayedAmount/0/delayedInstalment",
    "/delayedAmount/0/originalDueDate",
    "/delayedAmount/0/isForeclosed",
];

fn with_flags(debt: Option<bool>, restructuring: Option<bool>) -> Value {
    let mut record = record_json();
    let mut plan = serde_json::Map::new();
    if let Some(debt) = debt {
        plan.insert("isInDebtArrangement".into(), debt.into());
    }
    if let Some(restructuring) = restructuring {
        plan.insert(
            "isInBusinessRestructuringProgram".into(),
            restructuring.into(),
        );
    }
    record["creditInformationSummary"]["loans"][0]["paymentPlan"] = Value::Object(plan);
    record
}

#[test]
fn in_a_payment_plan_every_starred_element_is_gone_for_everyone() {
    for ctx in [
        original(),
        added_on(date(2023, 1, 1)),
        added_on(date(2024, 3, 1)),
    ] {
        let extract = disclose(&with_flags(Some(true), None), &ctx);
        for path in STARRED {
            let value = loan(&extract).pointer(path);
            assert!(
                value.is_none_or(Value::is_null),
                "{path} is shown: {value:?}"
            );
        }
        assert_eq!(loan(&extract)["paymentPlan"]["isInDebtArrangement"], true);
        // A summary total is not withheld for `*` (decision in the spec).
        assert!(shown(
            &extract["creditInformationSummary"]["repaymentsPaidLastAmount"]
        ));
    }
}

#[test]
fn star_case_table_of_the_two_flags() {
    let cases = [
        (None, None, false),
        (Some(false), None, false),
        (Some(false), Some(false), false),
        (Some(true), None, true),
        (None, Some(true), true),
        (Some(false), Some(true), true),
        (Some(true), Some(true), true),
    ];
    for (debt, restructuring, withheld) in cases {
        let extract = disclose(&with_flags(debt, restructuring), &original());
        assert_eq!(
            !shown(&loan(&extract)["loanType"]),
            withheld,
            "{debt:?} {restructuring:?}"
        );
        // A flag is returned only when true.
        let plan = &loan(&extract)["paymentPlan"];
        assert_eq!(
            shown(&plan["isInDebtArrangement"]),
            debt == Some(true),
            "{debt:?}"
        );
        assert_eq!(
            shown(&plan["isInBusinessRestructuringProgram"]),
            restructuring == Some(true)
        );
    }
}

#[test]
fn superscript_1_on_the_date_itself() {
    // contractDate 2023-11-20 is withheld if earlier than the day added.
    for (added, is_shown) in [
        (date(2023, 11, 19), true),
        (date(2023, 11, 20), true),
        (date(2023, 11, 21), false),
    ] {
        let extract = disclose(&record_json(), &added_on(added));
        assert_eq!(
            shown(&loan(&extract)["contractDate"]),
            is_shown,
            "added {added}"
        );
    }
}

#[test]
fn superscript_1_on_a_register_side_date() {
    // amountIssued compares amountIssuedDate 2023-11-20, which is never shown.
    for (added, is_shown) in [
        (date(2023, 11, 19), true),
        (date(2023, 11, 20), true),
        (date(2023, 11, 21), false),
    ] {
        let extract = disclose(&record_json(), &added_on(added));
        assert_eq!(
            shown(&loan(&extract)["lumpSumLoan"]["amountIssued"]),
            is_shown,
            "added {added}"
        );
    }
    // Without the date nothing shows the amount is recent enough.
    let mut record = record_json();
    record["creditInformationSummary"]["loans"][0]["lumpSumLoan"]
        .as_object_mut()
        .unwrap()
        .remove("amountIssuedDate");
    assert!(!shown(
        &loan(&disclose(&record, &added_on(date(2020, 1, 1))))["lumpSumLoan"]["amountIssued"]
    ));
    assert!(shown(
        &loan(&disclose(&record, &original()))["lumpSumLoan"]["amountIssued"]
    ));
}

#[test]
fn superscript_1_on_a_sibling_date() {
    let mut record = record_json();
    let loan_json = &mut record["creditInformationSummary"]["loans"][0];
    loan_json["loanType"] = "RunningAccountLoan".into();
    loan_json["runningAccountLoan"] =
        json!({"creditLimit": 5000, "balance": 1234.5, "balanceDate": "2024-06-30"});
    for (added, is_shown) in [
        (date(2024, 6, 29), true),
        (date(2024, 6, 30), true),
        (date(2024, 7, 1), false),
    ] {
        let extract = disclose(&record, &added_on(added));
        let running = &loan(&extract)["runningAccountLoan"];
        assert_eq!(shown(&running["balance"]), is_shown, "added {added}");
        assert_eq!(shown(&running["balanceDate"]), is_shown, "added {added}");
        assert!(shown(&running["creditLimit"]));
    }
}

#[test]
fn superscript_2_on_the_date_itself() {
    // startDate 2024-03-01 is withheld if earlier than or the same as the day added.
    for (added, is_shown) in [
        (date(2024, 2, 29), true),
        (date(2024, 3, 1), false),
        (date(2024, 3, 2), false),
    ] {
        let extract = disclose(&record_json(), &added_on(added));
        assert_eq!(
            shown(&loan(&extract)["defermentPeriods"][0]["startDate"]),
            is_shown,
            "added {added}"
        );
    }
}

#[test]
fn superscript_2_on_summary_items_by_their_payment_date() {
    // EUR paid 2024-02-15, SEK paid 2024-08-15.
    let cases: [(Date, &[&str]); 4] = [
        (date(2024, 2, 14), &["EUR", "SEK"]),
        (date(2024, 2, 15), &["SEK"]),
        (date(2024, 8, 14), &["SEK"]),
        (date(2024, 8, 15), &[]),
    ];
    for (added, currencies) in cases {
        let extract = disclose(&record_json(), &added_on(added));
        let items = extract["creditInformationSummary"]["repaymentsPaidLastAmount"]
            .as_array()
            .unwrap();
        let found: Vec<&str> = items
            .iter()
            .map(|i| i["currencyCode"].as_str().unwrap())
            .collect();
        assert_eq!(found, currencies, "added {added}");
        assert!(items.iter().all(|i| i.get("paymentDate").is_none()));
    }
}

#[test]
fn deferments_are_returned_for_a_year_after_they_end() {
    let mut record = record_json();
    record["creditInformationSummary"]["loans"][0]["defermentPeriods"] = json!([
        {"startDate": "2022-01-01", "endDate": "2022-06-01"},
        {"startDate": "2023-01-01", "endDate": "2024-02-29"},
        {"startDate": "2024-06-01"}
    ]);
    let ends = |today: Date| -> Vec<Value> {
        let extract = disclose(&record, &reader(Party::Original, BORROWER, today));
        loan(&extract)["defermentPeriods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["endDate"].clone())
            .collect()
    };
    // 364, 365 (the anniversary) and 366 days after 2022-06-01.
    assert_eq!(ends(date(2023, 5, 31)).len(), 3);
    assert_eq!(ends(date(2023, 6, 1)).len(), 3);
    assert!(!ends(date(2023, 6, 2)).contains(&json!("2022-06-01")));
    // Across a leap day: the anniversary of 2024-02-29 is 2025-02-28.
    assert!(ends(date(2025, 2, 28)).contains(&json!("2024-02-29")));
    assert!(!ends(date(2025, 3, 1)).contains(&json!("2024-02-29")));
    // A period without an end has not ended.
    assert!(ends(date(2030, 1, 1)).contains(&Value::Null));
}

#[test]
fn groups_and_collateral_by_loan_type() {
    let cases = [
        ("LumpSumLoan", [true, false, false], true),
        ("GuaranteeReceivable", [true, false, false], true),
        ("RunningAccountLoan", [false, true, false], true),
        ("Leasing", [false, false, true], false),
    ];
    for (kind, groups, collateral) in cases {
        let mut record = record_json();
        let loan_json = &mut record["creditInformationSummary"]["loans"][0];
        loan_json["loanType"] = kind.into();
        loan_json["runningAccountLoan"] =
            json!({"creditLimit": 1, "balance": 1, "balanceDate": "2024-01-01"});
        loan_json["leasingContract"] =
            json!({"contractPeriodStartDate": "2024-01-01", "transactionPrice": 1});
        let extract = disclose(&record, &original());
        let l = loan(&extract);
        let found = [
            shown(&l["lumpSumLoan"]),
            shown(&l["runningAccountLoan"]),
            shown(&l["leasingContract"]),
        ];
        assert_eq!(found, groups, "{kind}");
        assert_eq!(shown(&l["isLoanWithCollateral"]), collateral, "{kind}");
        assert_eq!(shown(&l["collateralType"]), collateral, "{kind}");
    }
}

#[test]
fn repayment_method_only_for_bullet_and_balloon() {
    for (method, is_shown) in [
        ("Bullet", true),
        ("Balloon", true),
        ("bullet", true),
        ("Annuities", false),
        ("FixedSizePayments", false),
    ] {
        let mut record = record_json();
        record["creditInformationSummary"]["loans"][0]["lumpSumLoan"]["repaymentMethod"] =
            method.into();
        let extract = disclose(&record, &original());
        assert_eq!(
            shown(&loan(&extract)["lumpSumLoan"]["repaymentMethod"]),
            is_shown,
            "{method}"
        );
    }
}

#[test]
fn accuracy_denial_is_shown_only_to_the_borrower_who_denied() {
    let record = record_json();
    assert_eq!(
        loan(&disclose(&record, &original()))["accuracyIsDenied"],
        true
    );
    let lower = reader(Party::Original, &BORROWER.to_lowercase(), date(2024, 9, 2));
    assert_eq!(loan(&disclose(&record, &lower))["accuracyIsDenied"], true);
    let other = reader(Party::Original, CO_BORROWER, date(2024, 9, 2));
    assert!(!shown(
        &loan(&disclose(&record, &other))["accuracyIsDenied"]
    ));
    assert!(loan(&disclose(&record, &original()))
        .get("accuracyDeniedBy")
        .is_none());
}

#[test]
fn country_code_only_for_a_foreign_business_id_and_the_ban_only_in_effect() {
    let mut record = record_json();
    record["owner"]["countryCode"] = "SE".into();
    assert!(!shown(
        &disclose(&record, &original())["owner"]["countryCode"]
    ));
    record["owner"]["idCodeType"] = "ForeignBusinessId".into();
    assert_eq!(disclose(&record, &original())["owner"]["countryCode"], "SE");

    assert!(shown(
        &disclose(&record, &original())["voluntaryBanOnCredits"]
    ));
    record["voluntaryBanOnCredits"]["isInEffect"] = false.into();
    assert!(!shown(
        &disclose(&record, &original())["voluntaryBanOnCredits"]
    ));
}

/// The JSON names of the register-side elements of the extract.
const REGISTER_SIDE: &[&str] = &[
    "paymentDate",
    "amountIssuedDate",
    "amountPaidDate",
    "accuracyDeniedBy",
];

fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                out.push(key.clone());
                keys(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

/// The disclosed extract as a register-side record again, with the
/// register-side data of `record` put back where it was. (The readers drawn
/// below keep every list item, so items line up by position.)
fn relift(disclosed: &Value, record: &Value) -> Value {
    match (disclosed, record) {
        (Value::Object(d), Value::Object(r)) => {
            let mut out = serde_json::Map::new();
            for (key, value) in d {
                out.insert(
                    key.clone(),
                    relift(value, r.get(key).unwrap_or(&Value::Null)),
                );
            }
            for key in REGISTER_SIDE {
                if let Some(value) = r.get(*key) {
                    out.insert((*key).to_string(), value.clone());
                }
            }
            Value::Object(out)
        }
        (Value::Array(d), Value::Array(r)) => {
            Value::Array(d.iter().zip(r).map(|(d, r)| relift(d, r)).collect())
        }
        (d, _) => d.clone(),
    }
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    prop_oneof![Just(None), Just(Some(false)), Just(Some(true))]
}

fn day_in(from: Date, days: i64) -> impl Strategy<Value = Date> {
    (0..days).prop_map(move |n| from + pcr_runtime::time::Duration::days(n))
}

fn party() -> impl Strategy<Value = Party> {
    prop_oneof![
        Just(Party::Original),
        // Up to the day before the first summary payment, so lists keep their items.
        day_in(date(2022, 1, 1), 774).prop_map(Party::AddedOn),
    ]
}

proptest! {
    #[test]
    fn disclosing_twice_equals_disclosing_once(
        debt in flag(),
        restructuring in flag(),
        party in party(),
        borrower in any::<bool>(),
        today in day_in(date(2024, 9, 1), 365),
    ) {
        let record = with_flags(debt, restructuring);
        let ctx = reader(party, if borrower { BORROWER } else { CO_BORROWER }, today);
        let once = disclose(&record, &ctx);
        let twice = disclose(&relift(&once, &record), &ctx);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn a_disclosed_extract_validates_and_holds_no_register_side_data(
        debt in flag(),
        restructuring in flag(),
        party in party(),
        today in day_in(date(2024, 9, 1), 1000),
    ) {
        let record = with_flags(debt, restructuring);
        let register: extract::register::Message = serde_json::from_value(record).unwrap();
        let disclosed = register.disclose(&reader(party, CO_BORROWER, today));
        prop_assert!(disclosed.validate(&Context::new(Stage::First, today)).is_ok());
        let mut found = Vec::new();
        keys(&serde_json::to_value(&disclosed).unwrap(), &mut found);
        for key in REGISTER_SIDE {
            prop_assert!(!found.iter().any(|k| k == key), "{} is in the extract", key);
        }
    }

    #[test]
    fn an_original_party_without_payment_plan_flags_sees_everything(
        restructuring_absent_or_false in prop_oneof![Just(None), Just(Some(false))],
        today in day_in(date(2024, 9, 1), 365),
    ) {
        // The record is consistent: its conditions hold for this reader.
        let record = with_flags(restructuring_absent_or_false, None);
        let disclosed = disclose(&record, &reader(Party::Original, BORROWER, today));
        // Everything the register holds for the response: the record less
        // its register-side data and the flags returned only when true.
        let mut expected = record.clone();
        strip(&mut expected);
        let wire: extract::Message = serde_json::from_value(expected).unwrap();
        prop_assert_eq!(disclosed, serde_json::to_value(wire).unwrap());
    }
}

/// `record` without register-side data and without false flags.
fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, value| {
                !REGISTER_SIDE.contains(&key.as_str()) && *value != Value::Bool(false)
                    || key == "isForeclosed"
            });
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The fixture's loan three times, each listing its own parties: the
/// borrower is an original party to the first, added on 2024-03-01 to the
/// second, and was removed from the third on 2024-05-01.
fn three_loans_with_parties() -> Value {
    let mut record = record_json();
    let loan = record["creditInformationSummary"]["loans"][0].clone();
    let with = |parties: Value| {
        let mut loan = loan.clone();
        loan["parties"] = parties;
        loan
    };
    record["creditInformationSummary"]["loans"] = json!([
        with(json!([{"idCode": BORROWER, "isOriginalParty": true, "addedDate": "2023-11-20"}])),
        with(json!([
            {"idCode": CO_BORROWER, "isOriginalParty": true, "addedDate": "2023-11-20"},
            {"idCode": BORROWER.to_lowercase(), "isOriginalParty": false, "addedDate": "2024-03-01"}
        ])),
        with(json!([
            {"idCode": CO_BORROWER, "isOriginalParty": true, "addedDate": "2023-11-20"},
            {"idCode": BORROWER, "isOriginalParty": true, "addedDate": "2023-11-20", "removedDate": "2024-05-01"}
        ])),
    ]);
    record
}

#[test]
fn party_dates_are_per_loan_and_a_removed_party_sees_nothing_of_the_loan() {
    let record = three_loans_with_parties();
    // The context says "original party"; each loan's own list decides.
    let seen = disclose(&record, &original());
    let loans = seen["creditInformationSummary"]["loans"]
        .as_array()
        .unwrap();
    assert_eq!(
        loans.len(),
        2,
        "the loan the reader was removed from is left out"
    );
    // An original party to the first loan sees what predates them.
    assert_eq!(loans[0]["contractDate"], "2023-11-20");
    assert_eq!(loans[0]["lumpSumLoan"]["amountIssued"], 185000);
    // Added to the second on 2024-03-01: superscripts 1 and 2 apply.
    assert!(!shown(&loans[1]["contractDate"]));
    assert!(!shown(&loans[1]["lumpSumLoan"]["amountIssued"]));
    assert!(!shown(&loans[1]["defermentPeriods"][0]["startDate"]));
    assert_eq!(loans[1]["loanType"], "LumpSumLoan");
    assert_eq!(loans[0]["defermentPeriods"][0]["startDate"], "2024-03-01");
    // Nothing of the parties reaches the extract.
    assert!(!seen.to_string().contains("isOriginalParty"));
    assert!(!seen.to_string().contains("removedDate"));
}

#[test]
fn a_party_removed_later_than_today_still_sees_the_loan() {
    let record = three_loans_with_parties();
    let ctx = reader(Party::Original, BORROWER, date(2024, 4, 30));
    let loans = disclose(&record, &ctx)["creditInformationSummary"]["loans"].clone();
    assert_eq!(loans.as_array().unwrap().len(), 3);
    let ctx = reader(Party::Original, BORROWER, date(2024, 5, 1));
    let loans = disclose(&record, &ctx)["creditInformationSummary"]["loans"].clone();
    assert_eq!(loans.as_array().unwrap().len(), 2);
}

#[test]
fn a_reader_a_loan_does_not_list_sees_nothing_of_it() {
    let record = three_loans_with_parties();
    let stranger = reader(Party::Original, "010516B903X", date(2024, 9, 2));
    let loans = disclose(&record, &stranger)["creditInformationSummary"]["loans"].clone();
    assert_eq!(loans, json!([]));
    // A loan without a list of parties follows the context, as before.
    let plain = record_json();
    let loans = disclose(&plain, &stranger)["creditInformationSummary"]["loans"].clone();
    assert_eq!(loans.as_array().unwrap().len(), 1);
}
