//! The request message of the extract API (section 3.2), written by hand
//! with the register's rules, as a lender's own crate would write it; the
//! text rule of section 2.2 is the spec's, from `pcr-models`.

use pcr_runtime::{Stage, StageRestricted, Validate};

/// Type of ID code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdCodeType {
    PersonalIdentityCode,
    BusinessId,
    ForeignBusinessId,
}

/// Credit register extract's purpose of use (a few of its values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    NewConsumerCredit,
    ChangesToTermsOfConsumerCredit,
    /// Not allowed in the first stage of the register.
    NewLoan,
}

impl StageRestricted for Purpose {
    fn allowed_in(&self, stage: Stage) -> bool {
        !(stage == Stage::First && *self == Purpose::NewLoan)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetEnvironment {
    Test,
    Production,
}

#[derive(Debug, Clone, Validate)]
#[pcr(rename_all = "camelCase")]
pub struct Request {
    pub target_environment: TargetEnvironment,
    #[pcr(nested)]
    pub owner: Owner,
    #[pcr(nested)]
    #[pcr(rename = "request")]
    pub person: PersonRequested,
}

/// The requester.
#[derive(Debug, Clone, Validate)]
#[pcr(rename_all = "camelCase")]
pub struct Owner {
    #[pcr(allowed(values = [IdCodeType::BusinessId, IdCodeType::ForeignBusinessId], code = "PCR-VALUE-NOT-ALLOWED"))]
    pub id_code_type: IdCodeType,
    #[pcr(max_chars(max = pcr_models::STRING_MAX_CHARS, code = "PCR-STRING-TOO-LONG"))]
    #[pcr(charset(set = pcr_models::STRING_CHARSET, code = "PCR-STRING-CHARACTERS"))]
    #[pcr(id_code(type_field = id_code_type, business_id = IdCodeType::BusinessId, code = "E21"))]
    pub id_code: String,
    #[pcr(required_if(field = id_code_type, equals = IdCodeType::ForeignBusinessId, code = "D40"))]
    pub country_code: Option<String>,
}

/// The person whose extract is requested.
#[derive(Debug, Clone, Validate)]
#[pcr(rename_all = "camelCase")]
pub struct PersonRequested {
    #[pcr(allowed(values = [IdCodeType::PersonalIdentityCode], code = "PCR-VALUE-NOT-ALLOWED"))]
    pub id_code_type: IdCodeType,
    #[pcr(max_chars(max = pcr_models::STRING_MAX_CHARS, code = "PCR-STRING-TOO-LONG"))]
    #[pcr(id_code(type_field = id_code_type, personal_identity_code = IdCodeType::PersonalIdentityCode, code = "E21"))]
    pub id_code: String,
    #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
    #[pcr(stage(code = "PCR-STAGE-NOT-ALLOWED"))]
    pub credit_register_extract_purpose: Vec<Purpose>,
}
