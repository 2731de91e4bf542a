//! Each rule, custom rule, container, newtype and serde attribute of the
//! lender's crate, with a valid case and an invalid one, asserting the path
//! and code of every error.

use std::collections::BTreeMap;

use downstream_derive::*;
use pcr_runtime::rust_decimal::Decimal;
use pcr_runtime::{date, Context, Stage, Validate};

fn ctx() -> Context {
    Context::new(Stage::First, date!(2024 - 01 - 04))
}

/// (path, code) of every error, in order; empty when valid.
fn found(value: &impl Validate, ctx: &Context) -> Vec<(String, String)> {
    match value.validate(ctx) {
        Ok(()) => vec![],
        Err(errors) => errors
            .iter()
            .map(|e| (e.path.clone(), e.code.to_string()))
            .collect(),
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect()
}

fn owner() -> Owner {
    Owner {
        id_code_type: IdCodeType::BusinessId,
        id_code: "0112038-9".into(),
        country_code: None,
        foreign_name: None,
    }
}

fn loan() -> Loan {
    Loan {
        amount: Eur(Decimal::new(10_000, 2)),
        reference: Reference {
            value: "AB-1234".into(),
        },
        period: Period(date!(2023 - 01 - 01), date!(2030 - 01 - 01)),
        borrowers_count: 1,
        is_original_party: true,
        renamed_both_ways: "ok".into(),
    }
}

fn application() -> Application {
    Application {
        owner: Some(owner()),
        contact: Contact {
            phone: "12345".into(),
        },
        purposes: vec![Purpose::NewConsumerCredit],
        loans: vec![loan()],
        loans_by_bank: BTreeMap::from([("Bank A".to_string(), vec![Some(Box::new(loan())), None])]),
        previous: None,
        draft: None,
        cache: None,
    }
}

#[test]
fn a_valid_application_has_no_errors() {
    assert_eq!(found(&application(), &ctx()), pairs(&[]));
}

#[test]
fn every_field_rule_reports_at_its_path() {
    let mut a = application();
    a.owner = Some(Owner {
        id_code_type: IdCodeType::PersonalIdentityCode,
        id_code: " ".into(),
        country_code: None,
        foreign_name: None,
    });
    a.contact.phone = "123456".into();
    a.purposes = vec![
        Purpose::NewLoan,
        Purpose::NewConsumerCredit,
        Purpose::NewConsumerCredit,
    ];
    assert_eq!(
        found(&a, &ctx()),
        pairs(&[
            ("owner.idCodeType", "PCR-VALUE-NOT-ALLOWED"),
            ("owner.idCode", "PCR-REQUIRED"),
            // Flattened: the phone is a member of the application itself.
            ("phone", "LENDER-LONG"),
            ("purposes", "LENDER-TOO-MANY"),
            ("purposes[0]", "PCR-STAGE-NOT-ALLOWED"),
        ])
    );
    let mut a = application();
    a.owner = None;
    a.purposes = vec![];
    assert_eq!(
        found(&a, &ctx()),
        pairs(&[("owner", "PCR-REQUIRED"), ("purposes", "PCR-TOO-FEW-ITEMS")])
    );
}

#[test]
fn conditional_rules_compare_a_sibling() {
    let mut o = owner();
    o.id_code_type = IdCodeType::ForeignBusinessId;
    o.id_code = "X".repeat(65);
    assert_eq!(
        found(&o, &ctx()),
        pairs(&[("idCode", "PCR-STRING-TOO-LONG"), ("countryCode", "D40")])
    );
    let mut o = owner();
    o.id_code = "1234567-8".into();
    o.foreign_name = Some("Oy".into());
    assert_eq!(
        found(&o, &ctx()),
        pairs(&[("idCode", "E21"), ("foreignName", "LENDER-ABSENT")])
    );
    let mut o = owner();
    o.id_code = "0112038-9×".into();
    assert!(
        found(&o, &ctx()).contains(&("idCode".to_string(), "PCR-STRING-CHARACTERS".to_string()))
    );
}

#[test]
fn newtypes_transparent_types_and_tuples_step_as_serde_reads_them() {
    let mut l = loan();
    l.amount = Eur(Decimal::new(-1, 2));
    l.reference.value = "ab-1234".into();
    l.period = Period(date!(1999 - 12 - 31), date!(2034 - 01 - 02));
    l.borrowers_count = 10;
    l.is_original_party = false;
    l.renamed_both_ways = "x".into();
    assert_eq!(
        found(&l, &ctx()),
        pairs(&[
            // The newtype's rule, at the field that holds it.
            ("amount", "LENDER-AMOUNT"),
            // transparent: at the field, not inside it.
            ("reference", "LENDER-REFERENCE"),
            // A tuple of two is an array.
            ("period[0]", "LENDER-DATE"),
            ("period[1]", "LENDER-DATE"),
            ("borrowersCount", "LENDER-BORROWERS"),
            ("isOriginalParty", "LENDER-FIXED"),
            // serde reads the `deserialize` name.
            ("in", "LENDER-SHORT"),
        ])
    );
}

#[test]
fn decimal_and_date_bounds_include_their_ends() {
    assert_eq!(
        found(&Eur(Decimal::new(100_000_000, 2)), &ctx()),
        pairs(&[])
    );
    assert_eq!(
        found(&Eur(Decimal::new(100_000_001, 2)), &ctx()),
        pairs(&[("", "LENDER-AMOUNT")])
    );
    // today+3650 days from 2024-01-04 is 2034-01-01.
    let end = Period(date!(2000 - 01 - 01), date!(2034 - 01 - 01));
    assert_eq!(found(&end, &ctx()), pairs(&[]));
    let later = Context::new(Stage::First, date!(2025 - 01 - 03));
    let end = Period(date!(2000 - 01 - 01), date!(2035 - 01 - 01));
    assert_eq!(found(&end, &ctx()), pairs(&[("[1]", "LENDER-DATE")]));
    assert_eq!(found(&end, &later), pairs(&[]));
}

#[test]
fn custom_rules_read_the_lenders_own_context() {
    let mut l = loan();
    l.amount = Eur(Decimal::new(500_000, 0));
    // Without the policy in the context, the custom rule has nothing to
    // compare with.
    assert_eq!(found(&l, &ctx()), pairs(&[]));
    let strict = ctx().with_user(LenderPolicy {
        max_amount: Decimal::new(100_000, 0),
    });
    assert_eq!(found(&l, &strict), pairs(&[("amount", "LENDER-POLICY")]));
    assert_eq!(found(&loan(), &strict), pairs(&[]));
}

#[test]
fn a_custom_rule_on_the_type_reports_at_a_member() {
    let mut l = loan();
    l.period = Period(date!(2024 - 01 - 02), date!(2024 - 01 - 01));
    assert_eq!(found(&l, &ctx()), pairs(&[("period", "LENDER-PERIOD")]));
}

#[test]
fn containers_nest_to_any_depth_with_keys_and_indices() {
    let mut bad = loan();
    bad.borrowers_count = 0;
    let mut a = application();
    a.loans = vec![loan(), bad.clone()];
    a.loans_by_bank = BTreeMap::from([
        (
            "Bank A".to_string(),
            vec![None, Some(Box::new(bad.clone()))],
        ),
        ("BankB".to_string(), vec![Some(Box::new(bad.clone()))]),
    ]);
    assert_eq!(
        found(&a, &ctx()),
        pairs(&[
            // Validated without `nested`: Loan implements Validate.
            ("loans[1].borrowersCount", "LENDER-BORROWERS"),
            (
                r#"loansByBank["Bank A"][1].borrowersCount"#,
                "LENDER-BORROWERS"
            ),
            ("loansByBank.BankB[0].borrowersCount", "LENDER-BORROWERS"),
        ])
    );
    // A Vec of a Validate type validates directly.
    assert_eq!(
        found(&vec![loan(), bad.clone()], &ctx()),
        pairs(&[("[1].borrowersCount", "LENDER-BORROWERS")])
    );
    assert_eq!(
        found(&[Some(bad)], &ctx()),
        pairs(&[("[0].borrowersCount", "LENDER-BORROWERS")])
    );
}

#[test]
fn an_application_inside_an_application_and_skipped_fields() {
    let mut inner = application();
    inner.purposes = vec![];
    let mut a = application();
    a.previous = Some(Box::new(inner.clone()));
    // `skip`: a draft is not validated.
    a.draft = Some(Box::new(inner));
    // serde's `skip`: never read, never validated.
    a.cache = Some(String::new());
    assert_eq!(
        found(&a, &ctx()),
        pairs(&[("previous.purposes", "PCR-TOO-FEW-ITEMS")])
    );
}

#[test]
fn enum_paths_follow_serdes_representation() {
    let mut o = owner();
    o.id_code = "1234567-8".into();
    assert_eq!(
        found(&External::Owner(o.clone()), &ctx()),
        pairs(&[("Owner.idCode", "E21")])
    );
    assert_eq!(found(&External::Nothing, &ctx()), pairs(&[]));
    assert_eq!(
        found(&Internal::Owner(o.clone()), &ctx()),
        pairs(&[("idCode", "E21")])
    );
    assert_eq!(
        found(&Adjacent::Owner(o.clone()), &ctx()),
        pairs(&[("value.idCode", "E21")])
    );
    assert_eq!(
        found(&Untagged::Owner(o.clone()), &ctx()),
        pairs(&[("idCode", "E21")])
    );
    assert_eq!(
        found(&Renamed::Owner(o), &ctx()),
        pairs(&[("the_owner.idCode", "E21")])
    );
    let mut l = loan();
    l.borrowers_count = 0;
    assert_eq!(
        found(&Renamed::LoanItem(l), &ctx()),
        pairs(&[("loan_item.borrowersCount", "LENDER-BORROWERS")])
    );
}

/// The paths name what serde reads: each JSON below is read by serde into
/// the type, and the error is at the member the JSON has.
#[test]
fn paths_name_the_members_serde_reads() {
    let json = r#"{"kind": "Owner", "value": {"idCodeType": "BusinessId", "idCode": "1234567-8"}}"#;
    let adjacent: Adjacent = serde_json::from_str(json).unwrap();
    assert_eq!(found(&adjacent, &ctx()), pairs(&[("value.idCode", "E21")]));
    let json = r#"{"the_owner": {"idCodeType": "BusinessId", "idCode": "1234567-8"}}"#;
    let renamed: Renamed = serde_json::from_str(json).unwrap();
    assert_eq!(
        found(&renamed, &ctx()),
        pairs(&[("the_owner.idCode", "E21")])
    );
    let json = r#"{"kind": "Owner", "idCodeType": "BusinessId", "idCode": "1234567-8"}"#;
    let internal: Internal = serde_json::from_str(json).unwrap();
    assert_eq!(found(&internal, &ctx()), pairs(&[("idCode", "E21")]));
    let reference: Reference = serde_json::from_str(r#""ab""#).unwrap();
    assert_eq!(
        found(&reference, &ctx()),
        pairs(&[("", "LENDER-REFERENCE")])
    );
}

#[test]
fn generic_fields_and_hash_maps() {
    let mut bad = loan();
    bad.borrowers_count = 0;
    let batch = Batch {
        items: vec![loan(), bad.clone()],
        note: "unvalidated",
    };
    assert_eq!(
        found(&batch, &ctx()),
        pairs(&[("items[1].borrowersCount", "LENDER-BORROWERS")])
    );
    let by_branch = ByBranch {
        loans: std::collections::HashMap::from([
            ("b".to_string(), bad.clone()),
            ("a".to_string(), bad.clone()),
            ("c".to_string(), loan()),
        ]),
    };
    assert_eq!(
        found(&by_branch, &ctx()),
        pairs(&[
            ("loans.a.borrowersCount", "LENDER-BORROWERS"),
            ("loans.b.borrowersCount", "LENDER-BORROWERS"),
        ])
    );
}

#[test]
fn a_custom_rule_on_an_enum() {
    let mut o = owner();
    o.id_code_type = IdCodeType::ForeignBusinessId;
    o.country_code = Some("SE".into());
    assert_eq!(found(&Checked::Owner(o.clone()), &ctx()), pairs(&[]));
    o.foreign_name = Some("AB".into());
    assert_eq!(
        found(&Checked::Owner(o), &ctx()),
        pairs(&[("", "LENDER-ONE-NAME")])
    );
    assert_eq!(found(&Channel::Web, &ctx()), pairs(&[]));
}

#[test]
fn a_validate_type_named_like_a_leaf_is_still_validated() {
    use downstream_derive::own::{Date, Dated};
    assert_eq!(found(&Dated { year: Date(2024) }, &ctx()), pairs(&[]));
    assert_eq!(
        found(&Dated { year: Date(1999) }, &ctx()),
        pairs(&[("year", "LENDER-YEAR")])
    );
}
