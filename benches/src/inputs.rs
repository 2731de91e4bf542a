//! The benchmark inputs, built the same way every run: a request, an
//! extract with one loan, an extract with 50 loans of all three kinds and
//! 12 months of income data; each valid and with errors that parse but do
//! not validate.

use serde_json::{json, Value};

/// A request (about 300 bytes).
pub fn request(valid: bool) -> String {
    let mut request = json!({
        "targetEnvironment": "Test",
        "owner": {"idCodeType": "BusinessId", "idCode": "0737546-2"},
        "request": {
            "idCodeType": "PersonalIdentityCode",
            "idCode": "010594Y9032",
            "creditRegisterExtractPurpose": ["NewConsumerCredit", "GuaranteeOrThirdPartyPledgeForConsumerCredit"]
        }
    });
    if !valid {
        // Three mistakes: a foreign business ID without its country code,
        // a 65-character ID code, no purpose.
        request["owner"] = json!({"idCodeType": "ForeignBusinessId", "idCode": "A".repeat(65)});
        request["request"]["creditRegisterExtractPurpose"] = json!([]);
    }
    request.to_string()
}

fn loan(i: usize, register_side: bool) -> Value {
    let mut loan = match i % 3 {
        0 => json!({
            "loanType": "LumpSumLoan",
            "contractDate": "2023-11-20",
            "isLoanWithCollateral": true,
            "collateralType": ["ApartmentOrRealEstate", "PersonalGuarantee"],
            "borrowersCount": 2,
            "currencyCode": "EUR",
            "defermentPeriods": [{"startDate": "2024-03-01", "endDate": "2024-08-31"}],
            "paymentPlan": {"isInDebtArrangement": i.is_multiple_of(10)},
            "accuracyIsDenied": true,
            "lumpSumLoan": {
                "repaymentMethod": "Balloon",
                "purposeOfUse": "HomeLoanForFirstHome",
                "amountIssued": 185000 + i,
                "amountPaid": 185000 + i,
                "balance": 172345.67,
                "plannedFinalDueDate": "2048-11-20",
                "amortizationFrequency": 12
            },
            "delayedAmount": [{"delayedInstalment": 812.34, "originalDueDate": "2024-02-15", "isForeclosed": false}]
        }),
        1 => json!({
            "loanType": "RunningAccountLoan",
            "contractDate": "2021-05-03",
            "isLoanWithCollateral": false,
            "collateralType": [],
            "borrowersCount": 1,
            "currencyCode": "EUR",
            "runningAccountLoan": {"creditLimit": 5000, "balance": 1234.5, "balanceDate": "2024-03-14"},
            "delayedAmount": []
        }),
        _ => json!({
            "loanType": "Leasing",
            "contractDate": "2022-09-01",
            "borrowersCount": 1,
            "currencyCode": "SEK",
            "leasingContract": {"contractPeriodStartDate": "2022-09-15", "transactionPrice": 32990},
            "delayedAmount": [{"delayedInstalment": 100, "originalDueDate": "2024-01-15", "isForeclosed": true}]
        }),
    };
    if register_side {
        if let Some(lump) = loan.get_mut("lumpSumLoan") {
            lump["amountIssuedDate"] = "2023-11-20".into();
            lump["amountPaidDate"] = "2023-11-21".into();
        }
        loan["accuracyDeniedBy"] = "010594Y9032".into();
    }
    loan
}

fn extract_value(loans: usize, valid: bool, register_side: bool) -> Value {
    let months: Vec<Value> = (0..12)
        .map(|m| {
            json!({
                "month": 12 - m,
                "wagesGrossAmount": 4200.5,
                "wagesNetAmount": 3100.25,
                "benefitsGrossAmount": 150.75,
                "benefitsNetAmount": 120.6
            })
        })
        .collect();
    let mut paid = vec![
        json!({"currencyCode": "EUR", "sum": 1250.5}),
        json!({"currencyCode": "SEK", "sum": 300}),
    ];
    if register_side {
        paid[0]["paymentDate"] = "2024-02-15".into();
        paid[1]["paymentDate"] = "2024-08-15".into();
    }
    let mut extract = json!({
        "statusMessage": "The request succeeded.",
        "creditRegisterExtract": {
            "extractReference": "2fdc1e0b-91d8-4d7c-9d4c-82df9c3b2a10",
            "creationTimeUtc": "2024-09-02T08:00:00Z"
        },
        "personRequested": {"idCodeType": "PersonalIdentityCode", "idCode": "010594Y9032"},
        "owner": {"idCodeType": "BusinessId", "idCode": "0737546-2"},
        "voluntaryBanOnCredits": {"isInEffect": true, "reason": "RiskOfIdentityTheft"},
        "creditInformationSummary": {
            "lendersCount": loans,
            "loanContractsCount": loans,
            "guaranteedLoanContractsCount": 0,
            "repaymentsPaidLastAmount": paid,
            "sumOfMonthlyLeasingInstalments": [{"currencyCode": "EUR", "sum": 289.9}],
            "loans": (0..loans).map(|i| loan(i, register_side)).collect::<Vec<_>>()
        },
        "incomeData": [{"year": 2024, "months": months}]
    });
    if !valid {
        // Errors that parse but break rules: a negative sum, a ban flag
        // other than true, a requested person who is not a person.
        extract["creditInformationSummary"]["repaymentsPaidLastAmount"][0]["sum"] = json!(-1.5);
        extract["voluntaryBanOnCredits"]["isInEffect"] = json!(false);
        extract["personRequested"]["idCodeType"] = json!("BusinessId");
    }
    extract
}

/// An extract response with `loans` loans.
pub fn extract(loans: usize, valid: bool) -> String {
    extract_value(loans, valid, false).to_string()
}

/// The valid extract with `loans` loans as a newer register might answer
/// it: with one member v1.4 does not know (`futureTotal` in the summary),
/// which the reader keeps with a notice.
pub fn extract_with_unknown(loans: usize) -> String {
    let mut value = extract_value(loans, true, false);
    value["creditInformationSummary"]["futureTotal"] = serde_json::json!({"sum": 12.5});
    value.to_string()
}

/// The valid extract with `loans` loans in the peers' layout (the
/// reading `peers-combined`): every group inside `creditRegisterExtract`,
/// the loans beside the summary.
pub fn extract_in_peers_layout(loans: usize) -> String {
    let mut value = extract_value(loans, true, false);
    let body = value.as_object_mut().expect("an object");
    let mut inner = body
        .remove("creditRegisterExtract")
        .expect("the extract's own group");
    for group in [
        "personRequested",
        "owner",
        "voluntaryBanOnCredits",
        "creditInformationSummary",
        "incomeData",
    ] {
        if let Some(value) = body.remove(group) {
            inner[group] = value;
        }
    }
    if let Some(loans) = inner["creditInformationSummary"]
        .as_object_mut()
        .and_then(|summary| summary.remove("loans"))
    {
        inner["loans"] = loans;
    }
    body.insert("creditRegisterExtract".into(), inner);
    value.to_string()
}

/// The register-side record of an extract with `loans` loans.
pub fn register_extract(loans: usize) -> String {
    extract_value(loans, true, true).to_string()
}
