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
//! - `loans.json`: one register-side loan per object (the extract's loan
//!   with the dates the footnote markers compare), with its `lender`
//!   (a Business ID) and its `parties`: each party's `idCode`,
//!   `isOriginalParty`, `addedDate` and, once removed, `removedDate`.
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
use pcr_runtime::json;
use pcr_runtime::time::Date;
use serde::Deserialize;

use crate::Error;

/// The bundled dataset (`standin/data`), used when no `--data` is given.
pub const BUNDLED: [(&str, &str); 3] = [
    ("lenders.json", include_str!("../data/lenders.json")),
    ("people.json", include_str!("../data/people.json")),
    ("loans.json", include_str!("../data/loans.json")),
];

/// A registered customer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Lender {
    /// Its Business ID: the common name of its client certificate.
    pub business_id: String,
    /// Its name.
    pub name: String,
}

/// A person the register holds data on.
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone)]
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
        Self::from_texts(BUNDLED.iter().map(|(name, text)| (*name, text.to_string())))
    }

    /// The dataset in `dir` (`lenders.json`, `people.json`, `loans.json`).
    pub fn read(dir: &Path) -> Result<Self, Error> {
        let mut texts = Vec::new();
        for (name, _) in BUNDLED {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            texts.push((name, text));
        }
        Self::from_texts(texts).map_err(|e| match e {
            Error::Data { file, errors } => Error::Data {
                file: dir.join(file).display().to_string(),
                errors,
            },
            other => other,
        })
    }

    /// The dataset from the three files' texts: every error of a file at
    /// its path (a file that is not JSON, or has the wrong shape, stops at
    /// its first error).
    pub fn parse(lenders: &str, people: &str, loans: &str) -> Result<Self, Error> {
        Self::from_texts([
            ("lenders.json", lenders.to_string()),
            ("people.json", people.to_string()),
            ("loans.json", loans.to_string()),
        ])
    }

    fn from_texts(texts: impl IntoIterator<Item = (&'static str, String)>) -> Result<Self, Error> {
        let mut texts: HashMap<&str, String> = texts.into_iter().collect();
        let mut take = |name: &str| texts.remove(name).unwrap_or_default();
        let lenders: Vec<Lender> = parse("lenders.json", &take("lenders.json"))?;
        let people: Vec<Person> = parse("people.json", &take("people.json"))?;
        let loans = loan_records(&take("loans.json"))?;

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
                errors.push(format!("[{i}].parties: a loan needs at least one party"));
            }
            for (j, party) in parties.iter().enumerate() {
                if party.id_code.as_deref().is_none_or(str::is_empty) {
                    errors.push(format!("[{i}].parties[{j}].idCode: missing"));
                }
                if party.is_original_party.is_none() {
                    errors.push(format!("[{i}].parties[{j}].isOriginalParty: missing"));
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

/// Each loan of `loans.json`: its `lender`, and the rest read as a
/// register-side loan by the models' reader (every error at its path).
fn loan_records(text: &str) -> Result<Vec<LoanRecord>, Error> {
    let values: Vec<serde_json::Map<String, serde_json::Value>> = parse("loans.json", text)?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, mut value) in values.into_iter().enumerate() {
        let lender = match value.remove("lender") {
            Some(serde_json::Value::String(lender)) => lender,
            _ => {
                errors.push(format!("[{i}].lender: a Business ID (text) is required"));
                String::new()
            }
        };
        let loan = serde_json::Value::Object(value).to_string();
        match json::parse::<register::Loan>(loan.as_str(), &READ_OPTIONS) {
            Ok(loan) => records.push(LoanRecord { lender, loan }),
            Err(error) => match error.errors() {
                Some(found) => errors.extend(found.iter().map(|e| {
                    let dot = if e.path.starts_with('[') || e.path.is_empty() {
                        ""
                    } else {
                        "."
                    };
                    format!("[{i}]{dot}{}: {}: {}", e.path, e.code, e.description)
                })),
                None => errors.push(format!("[{i}]: {error}")),
            },
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(Error::Data {
            file: "loans.json".into(),
            errors,
        })
    }
}

/// `text` as a `T`, or every error serde reports with its path (serde stops
/// at the first).
fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| Error::Data {
        file: file.to_string(),
        errors: vec![format!("{}: {}", e.path(), e.inner())],
    })
}
