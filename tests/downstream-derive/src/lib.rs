//! A lender's own types, validated with `#[derive(Validate)]` alone: every
//! rule of the derive, custom rules on a field and on a type (reading a
//! context of the lender's own), containers nested to any depth, newtypes,
//! and serde's attributes reflected in the error paths. `tests/rules.rs`
//! checks a valid and an invalid case of each.

use std::collections::BTreeMap;

use pcr_runtime::rust_decimal::Decimal;
use pcr_runtime::text::{CharClass, CharSet};
use pcr_runtime::time::Date;
use pcr_runtime::{Report, Stage, StageRestricted, Validate};
use serde::Deserialize;

/// The lender's own limits, handed to custom rules through the context.
pub struct LenderPolicy {
    pub max_amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum IdCodeType {
    PersonalIdentityCode,
    BusinessId,
    ForeignBusinessId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Purpose {
    NewConsumerCredit,
    NewLoan,
}

impl StageRestricted for Purpose {
    fn allowed_in(&self, stage: Stage) -> bool {
        !(stage == Stage::First && *self == Purpose::NewLoan)
    }
}

/// A newtype with its rule on the inner value: its errors are at the path
/// of the field that holds it.
#[derive(Debug, Clone, Validate, Deserialize)]
pub struct Eur(#[pcr(range(min = "0", max = "1000000.00", code = "LENDER-AMOUNT"))] pub Decimal);

/// `transparent`, as serde's: the one field stands for the type.
#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(transparent)]
pub struct Reference {
    #[pcr(pattern(regex = "[A-Z]{2}-[0-9]{4}", code = "LENDER-REFERENCE"))]
    pub value: String,
}

/// A tuple struct of two values: a JSON array, each an index of the path.
#[derive(Debug, Clone, Validate, Deserialize)]
pub struct Period(
    #[serde(with = "pcr_runtime::wire::date")]
    #[pcr(date_range(min = "2000-01-01", code = "LENDER-DATE"))]
    pub Date,
    #[serde(with = "pcr_runtime::wire::date")]
    #[pcr(date_range(max = "today+3650", code = "LENDER-DATE"))]
    pub Date,
);

fn amount_within_policy(amount: &Eur, report: &mut Report) {
    let Some(policy) = report.user::<LenderPolicy>() else {
        return;
    };
    let max = policy.max_amount;
    if amount.0 > max {
        report.error(
            "LENDER-POLICY",
            format!("The amount is over the policy's {max}."),
        );
    }
}

fn dates_in_order(loan: &Loan, report: &mut Report) {
    if loan.period.1 < loan.period.0 {
        report.error_at(
            "period",
            "LENDER-PERIOD",
            "The period ends before it starts.",
        );
    }
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
#[pcr(custom = dates_in_order)]
pub struct Loan {
    #[pcr(custom = amount_within_policy)]
    pub amount: Eur,
    pub reference: Reference,
    pub period: Period,
    #[pcr(range(min = 1, max = 9, code = "LENDER-BORROWERS"))]
    pub borrowers_count: u32,
    #[pcr(fixed(value = true, code = "LENDER-FIXED"))]
    pub is_original_party: bool,
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[pcr(min_chars(min = 2, code = "LENDER-SHORT"))]
    pub renamed_both_ways: String,
}

/// The lender's own rule for the characters of an ID code: letters, digits,
/// the signs ID codes use, and space (a blank one is refused as missing).
pub const ID_CODE_CHARS: CharSet = CharSet::new(&[
    CharClass::Range('A', 'Z'),
    CharClass::Range('a', 'z'),
    CharClass::Range('0', '9'),
    CharClass::Chars("-+ "),
]);

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Owner {
    #[pcr(allowed(values = [IdCodeType::BusinessId, IdCodeType::ForeignBusinessId], code = "PCR-VALUE-NOT-ALLOWED"))]
    pub id_code_type: IdCodeType,
    #[pcr(non_blank(code = "PCR-REQUIRED"))]
    #[pcr(max_chars(max = 64, code = "PCR-STRING-TOO-LONG"))]
    #[pcr(charset(set = ID_CODE_CHARS, code = "PCR-STRING-CHARACTERS"))]
    #[pcr(id_code(type_field = id_code_type, business_id = IdCodeType::BusinessId, code = "E21"))]
    pub id_code: String,
    #[pcr(required_if(field = id_code_type, equals = IdCodeType::ForeignBusinessId, code = "D40"))]
    pub country_code: Option<String>,
    #[pcr(absent_if(field = id_code_type, equals = IdCodeType::BusinessId, code = "LENDER-ABSENT"))]
    pub foreign_name: Option<String>,
}

/// Members read into a struct beside the owner's own, with `flatten`:
/// their errors are at the owner's level.
#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    #[pcr(max_chars(max = 5, code = "LENDER-LONG"))]
    pub phone: String,
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    #[pcr(required(code = "PCR-REQUIRED"))]
    pub owner: Option<Owner>,
    #[serde(flatten)]
    pub contact: Contact,
    #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
    #[pcr(max_items(max = 2, code = "LENDER-TOO-MANY"))]
    #[pcr(stage(code = "PCR-STAGE-NOT-ALLOWED"))]
    pub purposes: Vec<Purpose>,
    /// Validated without `nested`: the type implements Validate.
    pub loans: Vec<Loan>,
    /// Containers to any depth, the map's key in the path.
    pub loans_by_bank: BTreeMap<String, Vec<Option<Box<Loan>>>>,
    #[pcr(optional)]
    pub previous: Option<Box<Application>>,
    /// Not validated.
    #[pcr(skip)]
    pub draft: Option<Box<Application>>,
    #[serde(skip)]
    pub cache: Option<String>,
}

/// serde's enum representations, each reflected in the path.
#[derive(Debug, Clone, Validate, Deserialize)]
pub enum External {
    Owner(Owner),
    Nothing,
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(tag = "kind")]
pub enum Internal {
    Owner(Owner),
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(tag = "kind", content = "value")]
pub enum Adjacent {
    Owner(Owner),
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    Owner(Owner),
}

#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Renamed {
    #[serde(rename = "the_owner")]
    Owner(Owner),
    LoanItem(Loan),
}

/// A generic wrapper: a field of a type parameter bounded by `Validate` is
/// validated; an unbounded one is left alone (nothing is known of it).
#[derive(Debug, Clone, Validate)]
pub struct Batch<T: Validate, U> {
    pub items: Vec<T>,
    pub note: U,
}

/// Loans by a key of a hash map: errors in the order of the keys' text.
#[derive(Debug, Clone, Validate)]
pub struct ByBranch {
    pub loans: std::collections::HashMap<String, Loan>,
}

fn at_most_one_owner(body: &Checked, report: &mut Report) {
    if let Checked::Owner(owner) = body {
        if owner.country_code.is_some() && owner.foreign_name.is_some() {
            report.error(
                "LENDER-ONE-NAME",
                "Give a country code or a foreign name, not both.",
            );
        }
    }
}

/// A custom rule on an enum, after its variant's own rules.
#[derive(Debug, Clone, Validate, Deserialize)]
#[serde(untagged)]
#[pcr(custom = at_most_one_owner)]
pub enum Checked {
    Owner(Owner),
    Nothing,
}

/// A codeset that is also validated: the variants' `#[pcr]` is Codeset's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, pcr_runtime::Codeset, Validate)]
#[pcr(codeset = "Channel")]
pub enum Channel {
    #[pcr(code = "Web", label = "Web")]
    Web,
}

/// A type of the lender's own named like a common type (`Date`): it is
/// validated as nested like any other `Validate` type.
pub mod own {
    use pcr_runtime::Validate;

    #[derive(Debug, Clone, Validate)]
    pub struct Date(#[pcr(range(min = 2000, code = "LENDER-YEAR"))] pub i32);

    #[derive(Debug, Clone, Validate)]
    pub struct Dated {
        pub year: Date,
    }
}
