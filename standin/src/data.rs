//! The register-side dataset the stand-in answers from: three JSON files.
//!
//! - `lenders.json`: `[{"businessId": "0737546-2", "name": "..."}]`, the
//!   registered customers; a client certificate whose common name is one
//!   of these Business IDs is known, any other gets 403.
//! - `people.json`: one object per person: `idCode`, and optionally
//!   `dateOfDeath` (then the answer is the deceased response, 3.4),
//!   `voluntaryBanOnCredits`, `repaymentsPaidLastAmount`,
//!   `sumOfMonthlyLeasingInstalments`, `guaranteedLoanContractsCount` and
//!   `incomeData`, in the extract's own form.
//! - `loans.json`: one object per loan: its `lender` (a Business ID) and
//!   the `loan` in its register-side form (the extract's loan with the
//!   dates the footnote markers compare), with its `parties`: each
//!   party's `idCode`, `isOriginalParty`, `addedDate` and, once removed,
//!   `removedDate`.
//!
//! Each file is read by the models' reader (`pcr_runtime::json::parse`):
//! every structural error at its path, at once.
//!
//! A person's extract lists the loans that name them as a party, disclosed
//! for their place in each loan (`pcr_runtime::Disclose`): an original
//! party sees everything, a party added later sees none of the data dated
//! before (or on) the day they were added, a removed party sees nothing of
//! the loan.

use std::collections::HashMap;
use std::path::Path;

use pcr_models::extract::register;
use pcr_models::READ_OPTIONS;
use pcr_runtime::json::{self, ReadError};
use pcr_runtime::time::Date;
use pcr_runtime::{Structure, Validate};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::Error;

/// The bundled dataset (`standin/data`), used when no `--data` is given.
pub const BUNDLED: [(&str, &str); 3] = [
    ("lenders.json", include_str!("../data/lenders.json")),
    ("people.json", include_str!("../data/people.json")),
    ("loans.json", include_str!("../data/loans.json")),
];

/// A registered customer.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Lender {
    /// Its Business ID: the common name of its client certificate.
    pub business_id: String,
    /// Its name.
    pub name: String,
}

/// A person the register holds data on.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Person {
    /// The personal identity code.
    pub id_code: String,
    /// The day the person died, if they have.
    #[serde(default, with = "pcr_runtime::wire::date::option")]
    pub date_of_death: Option<Date>,
    /// The voluntary ban on credits, if one is in effect.
    #[serde(default)]
    pub voluntary_ban_on_credits: Option<register::VoluntaryBanOnCredits>,
    /// The last repayments, per currency.
    #[serde(default)]
    pub repayments_paid_last_amount: Option<Vec<register::RepaymentsPaidLastAmount>>,
    /// The monthly leasing instalments, per currency.
    #[serde(default)]
    pub sum_of_monthly_leasing_instalments: Option<Vec<register::SumOfMonthlyLeasingInstalments>>,
    /// How many loans the person guarantees.
    #[serde(default)]
    pub guaranteed_loan_contracts_count: u32,
    /// Income data, by year and month.
    #[serde(default)]
    pub income_data: Vec<register::IncomeData>,
}

/// A loan as the register holds it, with its lender.
#[derive(Debug, Clone, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct LoanRecord {
    /// The lender's Business ID.
    pub lender: String,
    /// The loan, parties included.
    pub loan: register::Loan,
}

/// The whole dataset, read and checked.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The registered customers.
    pub lenders: Vec<Lender>,
    /// The people, by upper-case ID code.
    pub people: HashMap<String, Person>,
    /// Every loan.
    pub loans: Vec<LoanRecord>,
}

impl Dataset {
    /// The bundled dataset.
    pub fn bundled() -> Result<Self, Error> {
        let [lenders, people, loans] = BUNDLED.map(|(_, text)| text);
        Self::parse(lenders, people, loans)
    }

    /// The dataset in `dir` (`lenders.json`, `people.json`, `loans.json`).
    pub fn read(dir: &Path) -> Result<Self, Error> {
        let mut texts = Vec::new();
        for (name, _) in BUNDLED {
            let path = dir.join(name);
            texts.push(std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?);
        }
        Self::parse(&texts[0], &texts[1], &texts[2]).map_err(|e| match e {
            Error::Data { file, errors } => Error::Data {
                file: dir.join(file).display().to_string(),
                errors,
            },
            other => other,
        })
    }

    /// The dataset from the three files' texts: every error of the first
    /// file that has some, each at its path.
    pub fn parse(lenders: &str, people: &str, loans: &str) -> Result<Self, Error> {
        let lenders: Vec<Lender> = read("lenders.json", lenders)?;
        let people: Vec<Person> = read("people.json", people)?;
        let loans: Vec<LoanRecord> = read("loans.json", loans)?;

        let mut errors = Vec::new();
        let mut by_code = HashMap::new();
        for (i, person) in people.into_iter().enumerate() {
            let key = person.id_code.to_uppercase();
            if by_code.insert(key, person).is_some() {
                errors.push(format!("[{i}].idCode: a second person with this ID code"));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Data {
                file: "people.json".into(),
                errors,
            });
        }
        for (i, record) in loans.iter().enumerate() {
            if !lenders
                .iter()
                .any(|l| l.business_id.eq_ignore_ascii_case(&record.lender))
            {
                errors.push(format!(
                    "[{i}].lender: no lender in lenders.json has this Business ID"
                ));
            }
            let parties = record.loan.parties.as_deref().unwrap_or_default();
            if parties.is_empty() {
                errors.push(format!(
                    "[{i}].loan.parties: a loan needs at least one party"
                ));
            }
            for (j, party) in parties.iter().enumerate() {
                if party.id_code.as_deref().is_none_or(str::is_empty) {
                    errors.push(format!("[{i}].loan.parties[{j}].idCode: missing"));
                }
                if party.is_original_party.is_none() {
                    errors.push(format!("[{i}].loan.parties[{j}].isOriginalParty: missing"));
                }
            }
        }
        if !errors.is_empty() {
            return Err(Error::Data {
                file: "loans.json".into(),
                errors,
            });
        }
        Ok(Dataset {
            lenders,
            people: by_code,
            loans,
        })
    }

    /// Whether `business_id` is a registered customer.
    pub fn knows_lender(&self, business_id: &str) -> bool {
        self.lenders
            .iter()
            .any(|l| l.business_id.eq_ignore_ascii_case(business_id))
    }

    /// The person with `id_code` (compared ignoring case).
    pub fn person(&self, id_code: &str) -> Option<&Person> {
        self.people.get(&id_code.to_uppercase())
    }
}

/// The largest dataset file read.
const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// `text` as a `T` by the models' reader, or every error at its path. A
/// member the spec does not know is an error here, not a notice: the
/// stand-in would not serve it, so a data file that has one (a typing
/// mistake, most likely) is refused rather than read without it.
fn read<T: DeserializeOwned + Structure>(file: &str, text: &str) -> Result<T, Error> {
    let error = |errors| Error::Data {
        file: file.to_string(),
        errors,
    };
    let parsed = json::parse(text, &READ_OPTIONS.max_bytes(MAX_FILE_BYTES)).map_err(|failure| {
        error(match failure {
            ReadError::Invalid(found) => found
                .iter()
                .map(|e| format!("{}: {}: {}", e.path, e.code, e.description))
                .collect(),
            other => vec![other.to_string()],
        })
    })?;
    if parsed.notices.is_empty() {
        Ok(parsed.value)
    } else {
        Err(error(
            parsed
                .notices
                .iter()
                .map(|n| format!("{n} (the stand-in would not serve it)"))
                .collect(),
        ))
    }
}
