//! What a user would write instead of `pcr-models`: JSON Schemas of the same
//! rules, checked by the `jsonschema` crate on a `serde_json::Value`, which
//! is then converted into the structs. Case-insensitive codes are patterns;
//! ID check digits are beyond JSON Schema, so only their form is checked.

use serde_json::{json, Value};

/// A case-insensitive pattern matching exactly these codes.
fn codes(codes: &[&str]) -> Value {
    json!({"type": "string", "pattern": format!("^(?i:{})$", codes.join("|"))})
}

fn text() -> Value {
    json!({"type": "string", "maxLength": 64, "pattern": "^[a-zA-ZÀ-ÖØ-öø-ÿ0-9|(){}\\[\\]/%'_?!=,*.;:&@$#+ -]*$"})
}

pub fn request() -> Value {
    let id_types = codes(&["BusinessId", "ForeignBusinessId"]);
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["targetEnvironment", "owner", "request"],
        "properties": {
            "targetEnvironment": codes(&["Test", "Production"]),
            "owner": {
                "type": "object",
                "additionalProperties": false,
                "required": ["idCodeType", "idCode"],
                "properties": {
                    "idCodeType": id_types,
                    "idCode": text(),
                    "countryCode": {"type": "string", "pattern": "^[A-Za-z]{2}$"}
                },
                "if": {"properties": {"idCodeType": codes(&["ForeignBusinessId"])}},
                "then": {"required": ["countryCode"]},
                "else": {"properties": {"idCode": {"pattern": "^[0-9]{7}-[0-9]$"}}}
            },
            "request": {
                "type": "object",
                "additionalProperties": false,
                "required": ["idCodeType", "idCode", "creditRegisterExtractPurpose"],
                "properties": {
                    "idCodeType": codes(&["PersonalIdentityCode"]),
                    "idCode": {"type": "string", "pattern": "^[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Ya-y]$"},
                    "creditRegisterExtractPurpose": {
                        "type": "array",
                        "minItems": 1,
                        "items": codes(&[
                            "NewConsumerCredit",
                            "IncreaseOfConsumerCreditPrincipalOrCreditLimit",
                            "ChangesToTermsOfConsumerCredit",
                            "GuaranteeOrThirdPartyPledgeForConsumerCredit"
                        ])
                    }
                }
            }
        }
    })
}

pub fn extract() -> Value {
    let date = json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"});
    let money = json!({"type": "number"});
    let positive = json!({"type": "number", "minimum": 0});
    let amount = json!({
        "type": "object",
        "properties": {"currencyCode": {"type": "string", "pattern": "^[A-Za-z]{3}$"}, "sum": positive}
    });
    let id_types = codes(&["PersonalIdentityCode", "BusinessId", "ForeignBusinessId"]);
    json!({
        "type": "object",
        "required": ["statusMessage", "creditRegisterExtract", "personRequested", "owner", "creditInformationSummary"],
        "properties": {
            "statusMessage": {"type": "string"},
            "creditRegisterExtract": {
                "type": "object",
                "required": ["extractReference", "creationTimeUtc"],
                "properties": {"extractReference": {"type": "string", "format": "uuid"}, "creationTimeUtc": {"type": "string"}}
            },
            "personRequested": {
                "type": "object",
                "required": ["idCodeType", "idCode"],
                "properties": {"idCodeType": codes(&["PersonalIdentityCode"]), "idCode": {"type": "string"}}
            },
            "owner": {
                "type": "object",
                "required": ["idCodeType", "idCode"],
                "properties": {"idCodeType": id_types, "idCode": {"type": "string"}, "countryCode": {"type": "string"}}
            },
            "voluntaryBanOnCredits": {
                "type": "object",
                "required": ["isInEffect", "reason"],
                "properties": {"isInEffect": {"const": true}, "reason": codes(&["RiskOfIdentityTheft", "ControlOfPersonalFinances", "Other"])}
            },
            "creditInformationSummary": {
                "type": "object",
                "required": ["lendersCount", "loanContractsCount", "guaranteedLoanContractsCount"],
                "properties": {
                    "lendersCount": {"type": "integer", "minimum": 0},
                    "loanContractsCount": {"type": "integer", "minimum": 0},
                    "guaranteedLoanContractsCount": {"type": "integer", "minimum": 0},
                    "repaymentsPaidLastAmount": {"type": "array", "items": amount},
                    "sumOfMonthlyLeasingInstalments": {"type": "array", "items": amount},
                    "loans": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "loanType": codes(&["LumpSumLoan", "RunningAccountLoan", "Leasing", "GuaranteeReceivable"]),
                                "contractDate": date,
                                "isLoanWithCollateral": {"type": "boolean"},
                                "collateralType": {"type": "array", "items": {"type": "string"}},
                                "borrowersCount": {"type": "integer"},
                                "currencyCode": {"type": "string", "pattern": "^[A-Za-z]{3}$"},
                                "defermentPeriods": {"type": "array", "items": {"type": "object", "properties": {"startDate": date, "endDate": date}}},
                                "paymentPlan": {"type": "object", "properties": {"isInDebtArrangement": {"type": "boolean"}, "isInBusinessRestructuringProgram": {"type": "boolean"}}},
                                "accuracyIsDenied": {"const": true},
                                "lumpSumLoan": {"type": "object", "properties": {"amountIssued": money, "amountPaid": money, "balance": money, "plannedFinalDueDate": date, "amortizationFrequency": {"type": "integer"}}},
                                "runningAccountLoan": {"type": "object", "properties": {"creditLimit": money, "balance": money, "balanceDate": date}},
                                "leasingContract": {"type": "object", "properties": {"contractPeriodStartDate": date, "transactionPrice": money}},
                                "delayedAmount": {"type": "array", "items": {"type": "object", "properties": {"delayedInstalment": money, "originalDueDate": date, "isForeclosed": {"type": "boolean"}}}}
                            }
                        }
                    }
                }
            },
            "incomeData": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["year", "months"],
                    "properties": {
                        "year": {"type": "integer"},
                        "months": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["month", "wagesGrossAmount", "wagesNetAmount", "benefitsGrossAmount", "benefitsNetAmount"],
                                "properties": {
                                    "month": {"type": "integer"},
                                    "wagesGrossAmount": positive,
                                    "wagesNetAmount": money,
                                    "benefitsGrossAmount": positive,
                                    "benefitsNetAmount": money
                                }
                            }
                        }
                    }
                }
            }
        }
    })
}

/// The schema `pcr-codegen` exports for `message` (`generated/schema`), the
/// route a team in another language takes; formats are asserted, as its
/// dates need.
pub fn exported(message: &str) -> jsonschema::Validator {
    let text = match message {
        "request" => include_str!("../../generated/schema/request.schema.json"),
        "extract" => include_str!("../../generated/schema/extract.schema.json"),
        other => panic!("no exported schema for {other}"),
    };
    let schema: Value = serde_json::from_str(text).expect("the exported schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the exported schema compiles")
}
