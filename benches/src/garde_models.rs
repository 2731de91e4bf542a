//! What a user would write instead of `pcr-models`: the same messages by
//! hand, with garde's rules for the same checks and hand-written
//! case-insensitive enums. Dates, times and decimals use the same wire
//! formats as `pcr-models`, so the comparison is of validation, not parsing.

use garde::Validate;
use rust_decimal::Decimal;
use serde::Deserialize;

/// A codeset enum read ignoring case, as section 2.2 asks, written by hand.
macro_rules! codeset {
    ($name:ident { $($variant:ident),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),* }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(stringify!($name))
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        $(if s.eq_ignore_ascii_case(stringify!($variant)) { return Ok($name::$variant); })*
                        Err(E::custom(format!("unknown {} `{s}`", stringify!($name))))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

codeset!(TargetEnvironment { Test, Production });
codeset!(IdCodeType {
    PersonalIdentityCode,
    BusinessId,
    ForeignBusinessId
});
codeset!(Purpose {
    NewConsumerCredit,
    IncreaseOfConsumerCreditPrincipalOrCreditLimit,
    ChangesToTermsOfConsumerCredit,
    GuaranteeOrThirdPartyPledgeForConsumerCredit,
    NewLoan,
    IncreaseOfLoanPrincipalOrCreditLimit,
    ChangesToTerms,
    GuaranteeOrThirdPartyPledge,
});
codeset!(ReasonForCreditBan {
    RiskOfIdentityTheft,
    ControlOfPersonalFinances,
    Other
});
codeset!(LoanType {
    LumpSumLoan,
    RunningAccountLoan,
    Leasing,
    GuaranteeReceivable
});
codeset!(CollateralType {
    ApartmentOrRealEstate,
    OtherImmovableProperty,
    InstalmentSaleItem,
    OtherMoveableProperty,
    OtherCollateral,
    PersonalGuarantee,
    GovernmentGuarantee,
    OtherGuarantee,
});
codeset!(RepaymentMethod {
    FixedSizeAmortizations,
    FixedSizePayments,
    Annuities,
    Balloon,
    Bullet,
    Other
});
codeset!(LoanPurposeOfUse {
    HomeLoan,
    HomeLoanForFirstHome,
    HomeLoanForLeisureHouse,
    HomeLoanForInvestmentPurposes,
    StudentLoan,
    LoanForPurchaseOfVehicleOrCraft,
    OtherConsumerCredit,
    OtherLoan,
    LoanForBusinessActivities,
    GuaranteeReceivable,
});

fn charset(text: &str, _: &()) -> garde::Result {
    match pcr_models::STRING_CHARSET.first_outside(text) {
        Some((_, c)) => Err(garde::Error::new(format!("character {c:?} is not allowed"))),
        None => Ok(()),
    }
}

fn currency(code: &Option<String>, _: &()) -> garde::Result {
    match code {
        Some(code) if iso_currency::Currency::from_code(&code.to_ascii_uppercase()).is_none() => {
            Err(garde::Error::new("not an ISO 4217 code"))
        }
        _ => Ok(()),
    }
}

fn first_stage(purpose: &Purpose, _: &()) -> garde::Result {
    match purpose {
        Purpose::NewLoan
        | Purpose::IncreaseOfLoanPrincipalOrCreditLimit
        | Purpose::ChangesToTerms
        | Purpose::GuaranteeOrThirdPartyPledge => {
            Err(garde::Error::new("not allowed in the first stage"))
        }
        _ => Ok(()),
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    #[garde(skip)]
    pub target_environment: TargetEnvironment,
    #[garde(dive)]
    pub owner: Owner,
    #[garde(dive)]
    pub request: Person,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Owner {
    #[garde(custom(|v: &IdCodeType, _: &()| if matches!(v, IdCodeType::PersonalIdentityCode) { Err(garde::Error::new("not permitted")) } else { Ok(()) }))]
    pub id_code_type: IdCodeType,
    #[garde(length(chars, max = 64), custom(charset), custom(business_id(&self.id_code_type)))]
    pub id_code: String,
    #[garde(custom(country_if_foreign(&self.id_code_type)))]
    pub country_code: Option<String>,
}

fn business_id(kind: &IdCodeType) -> impl FnOnce(&String, &()) -> garde::Result + '_ {
    move |code, _| match kind {
        IdCodeType::BusinessId => {
            pcr_runtime::id::check_business_id(code).map_err(|e| garde::Error::new(e.to_string()))
        }
        _ => Ok(()),
    }
}

fn country_if_foreign(
    kind: &IdCodeType,
) -> impl FnOnce(&Option<String>, &()) -> garde::Result + '_ {
    move |code, _| match (kind, code) {
        (IdCodeType::ForeignBusinessId, None) => {
            Err(garde::Error::new("required for a foreign business ID"))
        }
        (_, Some(code)) if code.len() != 2 => Err(garde::Error::new("not an ISO 3166 code")),
        _ => Ok(()),
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    #[garde(custom(|v: &IdCodeType, _: &()| if matches!(v, IdCodeType::PersonalIdentityCode) { Ok(()) } else { Err(garde::Error::new("not permitted")) }))]
    pub id_code_type: IdCodeType,
    #[garde(length(chars, max = 64), custom(charset), custom(|code: &String, _: &()| pcr_runtime::id::check_personal_identity_code(code, None).map(|_| ()).map_err(|e| garde::Error::new(e.to_string()))))]
    pub id_code: String,
    #[garde(length(min = 1), inner(custom(first_stage)))]
    pub credit_register_extract_purpose: Vec<Purpose>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Extract {
    #[garde(skip)]
    pub status_message: String,
    #[garde(skip)]
    pub credit_register_extract: CreditRegisterExtract,
    #[garde(dive)]
    pub person_requested: PersonRequested,
    #[garde(skip)]
    pub owner: ExtractOwner,
    #[garde(dive)]
    pub voluntary_ban_on_credits: Option<Ban>,
    #[garde(dive)]
    pub credit_information_summary: Summary,
    #[serde(default)]
    #[garde(dive)]
    pub income_data: Vec<Income>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreditRegisterExtract {
    pub extract_reference: uuid::Uuid,
    #[serde(with = "pcr_runtime::wire::datetime")]
    pub creation_time_utc: time::OffsetDateTime,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct PersonRequested {
    #[garde(custom(|v: &IdCodeType, _: &()| if matches!(v, IdCodeType::PersonalIdentityCode) { Ok(()) } else { Err(garde::Error::new("not permitted")) }))]
    pub id_code_type: IdCodeType,
    #[garde(skip)]
    pub id_code: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractOwner {
    pub id_code_type: IdCodeType,
    pub id_code: String,
    #[serde(default)]
    pub country_code: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Ban {
    #[garde(custom(|v: &bool, _: &()| if *v { Ok(()) } else { Err(garde::Error::new("must be true")) }))]
    pub is_in_effect: bool,
    #[garde(skip)]
    pub reason: ReasonForCreditBan,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    #[garde(skip)]
    pub lenders_count: u32,
    #[garde(skip)]
    pub loan_contracts_count: u32,
    #[garde(skip)]
    pub guaranteed_loan_contracts_count: u32,
    #[serde(default)]
    #[garde(dive)]
    pub repayments_paid_last_amount: Option<Vec<Amount>>,
    #[serde(default)]
    #[garde(dive)]
    pub sum_of_monthly_leasing_instalments: Option<Vec<Amount>>,
    #[serde(default)]
    #[garde(dive)]
    pub loans: Vec<Loan>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    #[serde(default)]
    #[garde(custom(currency))]
    pub currency_code: Option<String>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    #[garde(inner(range(min = Decimal::ZERO)))]
    pub sum: Option<Decimal>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Loan {
    #[serde(default)]
    #[garde(skip)]
    pub loan_type: Option<LoanType>,
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    #[garde(skip)]
    pub contract_date: Option<time::Date>,
    #[serde(default)]
    #[garde(skip)]
    pub is_loan_with_collateral: Option<bool>,
    #[serde(default)]
    #[garde(skip)]
    pub collateral_type: Option<Vec<CollateralType>>,
    #[serde(default)]
    #[garde(skip)]
    pub borrowers_count: Option<i64>,
    #[serde(default)]
    #[garde(custom(currency))]
    pub currency_code: Option<String>,
    #[serde(default)]
    #[garde(skip)]
    pub deferment_periods: Option<Vec<Period>>,
    #[serde(default)]
    #[garde(skip)]
    pub payment_plan: Option<PaymentPlan>,
    #[serde(default)]
    #[garde(inner(custom(|v: &bool, _: &()| if *v { Ok(()) } else { Err(garde::Error::new("must be true")) })))]
    pub accuracy_is_denied: Option<bool>,
    #[serde(default)]
    #[garde(skip)]
    pub lump_sum_loan: Option<LumpSum>,
    #[serde(default)]
    #[garde(skip)]
    pub running_account_loan: Option<RunningAccount>,
    #[serde(default)]
    #[garde(skip)]
    pub leasing_contract: Option<Leasing>,
    #[serde(default)]
    #[garde(skip)]
    pub delayed_amount: Vec<Delay>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub start_date: Option<time::Date>,
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub end_date: Option<time::Date>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPlan {
    #[serde(default)]
    pub is_in_debt_arrangement: Option<bool>,
    #[serde(default)]
    pub is_in_business_restructuring_program: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LumpSum {
    #[serde(default)]
    pub repayment_method: Option<RepaymentMethod>,
    #[serde(default)]
    pub purpose_of_use: Option<LoanPurposeOfUse>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub amount_issued: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub amount_paid: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub balance: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub planned_final_due_date: Option<time::Date>,
    #[serde(default)]
    pub amortization_frequency: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunningAccount {
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub credit_limit: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub balance: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub balance_date: Option<time::Date>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Leasing {
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub contract_period_start_date: Option<time::Date>,
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub transaction_price: Option<Decimal>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delay {
    #[serde(default, with = "pcr_runtime::wire::decimal::option")]
    pub delayed_instalment: Option<Decimal>,
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub original_due_date: Option<time::Date>,
    #[serde(default)]
    pub is_foreclosed: Option<bool>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Income {
    #[garde(skip)]
    pub year: i64,
    #[garde(dive)]
    pub months: Vec<Month>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
pub struct Month {
    #[garde(skip)]
    pub month: i64,
    #[serde(with = "pcr_runtime::wire::decimal")]
    #[garde(range(min = Decimal::ZERO))]
    pub wages_gross_amount: Decimal,
    #[serde(with = "pcr_runtime::wire::decimal")]
    #[garde(skip)]
    pub wages_net_amount: Decimal,
    #[serde(with = "pcr_runtime::wire::decimal")]
    #[garde(range(min = Decimal::ZERO))]
    pub benefits_gross_amount: Decimal,
    #[serde(with = "pcr_runtime::wire::decimal")]
    #[garde(skip)]
    pub benefits_net_amount: Decimal,
}
