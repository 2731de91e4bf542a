//! Floor (b): the same messages as plain std types (`String` for codes,
//! dates and times, `f64` for amounts), read by serde_json with no custom
//! deserializer at all: what JSON parsing alone costs for this shape, the
//! lowest any typed reader could go. Every struct refuses unknown members,
//! so the test that reads the inputs with them proves they read every
//! member the typed floor reads.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    pub target_environment: String,
    pub owner: Owner,
    pub request: Person,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Owner {
    pub id_code_type: String,
    pub id_code: String,
    #[serde(default)]
    pub country_code: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    pub id_code_type: String,
    pub id_code: String,
    pub credit_register_extract_purpose: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Extract {
    pub status_message: String,
    pub credit_register_extract: CreditRegisterExtract,
    pub person_requested: PersonRequested,
    pub owner: Owner,
    #[serde(default)]
    pub voluntary_ban_on_credits: Option<Ban>,
    pub credit_information_summary: Summary,
    #[serde(default)]
    pub income_data: Vec<Income>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreditRegisterExtract {
    pub extract_reference: String,
    pub creation_time_utc: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersonRequested {
    pub id_code_type: String,
    pub id_code: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ban {
    pub is_in_effect: bool,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Summary {
    pub lenders_count: u32,
    pub loan_contracts_count: u32,
    pub guaranteed_loan_contracts_count: u32,
    #[serde(default)]
    pub repayments_paid_last_amount: Option<Vec<Amount>>,
    #[serde(default)]
    pub sum_of_monthly_leasing_instalments: Option<Vec<Amount>>,
    #[serde(default)]
    pub loans: Vec<Loan>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Amount {
    #[serde(default)]
    pub currency_code: Option<String>,
    #[serde(default)]
    pub sum: Option<f64>,
    #[serde(default)]
    pub payment_date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Loan {
    #[serde(default)]
    pub loan_type: Option<String>,
    #[serde(default)]
    pub contract_date: Option<String>,
    #[serde(default)]
    pub is_loan_with_collateral: Option<bool>,
    #[serde(default)]
    pub collateral_type: Option<Vec<String>>,
    #[serde(default)]
    pub borrowers_count: Option<i64>,
    #[serde(default)]
    pub currency_code: Option<String>,
    #[serde(default)]
    pub deferment_periods: Option<Vec<Period>>,
    #[serde(default)]
    pub payment_plan: Option<PaymentPlan>,
    #[serde(default)]
    pub accuracy_is_denied: Option<bool>,
    #[serde(default)]
    pub accuracy_denied_by: Option<String>,
    #[serde(default)]
    pub lump_sum_loan: Option<LumpSum>,
    #[serde(default)]
    pub running_account_loan: Option<RunningAccount>,
    #[serde(default)]
    pub leasing_contract: Option<Leasing>,
    #[serde(default)]
    pub delayed_amount: Vec<Delay>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PaymentPlan {
    #[serde(default)]
    pub is_in_debt_arrangement: Option<bool>,
    #[serde(default)]
    pub is_in_business_restructuring_program: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LumpSum {
    #[serde(default)]
    pub repayment_method: Option<String>,
    #[serde(default)]
    pub purpose_of_use: Option<String>,
    #[serde(default)]
    pub amount_issued: Option<f64>,
    #[serde(default)]
    pub amount_paid: Option<f64>,
    #[serde(default)]
    pub balance: Option<f64>,
    #[serde(default)]
    pub planned_final_due_date: Option<String>,
    #[serde(default)]
    pub amortization_frequency: Option<i64>,
    #[serde(default)]
    pub amount_issued_date: Option<String>,
    #[serde(default)]
    pub amount_paid_date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RunningAccount {
    #[serde(default)]
    pub credit_limit: Option<f64>,
    #[serde(default)]
    pub balance: Option<f64>,
    #[serde(default)]
    pub balance_date: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Leasing {
    #[serde(default)]
    pub contract_period_start_date: Option<String>,
    #[serde(default)]
    pub transaction_price: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Delay {
    #[serde(default)]
    pub delayed_instalment: Option<f64>,
    #[serde(default)]
    pub original_due_date: Option<String>,
    #[serde(default)]
    pub is_foreclosed: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Income {
    pub year: i64,
    pub months: Vec<Month>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Month {
    pub month: i64,
    pub wages_gross_amount: f64,
    pub wages_net_amount: f64,
    pub benefits_gross_amount: f64,
    pub benefits_net_amount: f64,
}
