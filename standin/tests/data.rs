//! The dataset reader: errors name the file and the path, and no input
//! makes it panic.

use pcr_standin::data::{Dataset, BUNDLED};
use pcr_standin::Error;
use proptest::prelude::*;

fn bundled(name: &str) -> &'static str {
    BUNDLED.iter().find(|(n, _)| *n == name).unwrap().1
}

fn errors(result: Result<Dataset, Error>) -> (String, Vec<String>) {
    match result {
        Err(Error::Data { file, errors }) => (file, errors),
        other => panic!("expected data errors, got {other:?}"),
    }
}

#[test]
fn bundled_dataset_reads() {
    let data = Dataset::bundled().unwrap();
    assert!(data.knows_lender("0737546-2"));
    assert!(!data.knows_lender("0112038-9"));
    assert!(
        data.person("010594y9032").is_some(),
        "ID codes compare ignoring case"
    );
    assert_eq!(data.loans.len(), 2);
}

#[test]
fn every_loan_error_at_its_path() {
    let loans = r#"[
        {"loan": {"parties": [], "loanType": "NoSuchType"}},
        {"lender": "9999999-9", "loan": {"parties": [{"idCode": "010594Y9032"}], "contractDate": "2024-13-01", "borrowersCount": "two"}}
    ]"#;
    let (file, found) = errors(Dataset::parse(
        bundled("lenders.json"),
        bundled("people.json"),
        loans,
    ));
    assert_eq!(file, "loans.json");
    let starts = |prefix: &str| found.iter().any(|e| e.starts_with(prefix));
    assert!(starts("[0].lender:"), "{found:?}");
    // Every structural error at once, each at its path.
    assert!(starts("[1].loan.contractDate:"), "{found:?}");
    assert!(starts("[1].loan.borrowersCount:"), "{found:?}");
    // Lenders and parties are checked once every loan can be read; then
    // every such error is listed.
    let loans = r#"[{"lender": "9999999-9", "loan": {"parties": [{"idCode": "010594Y9032"}]}}, {"lender": "0737546-2", "loan": {}}]"#;
    let (_, found) = errors(Dataset::parse(
        bundled("lenders.json"),
        bundled("people.json"),
        loans,
    ));
    assert!(
        found.iter().any(|e| e.starts_with("[0].lender: no lender")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("[0].loan.parties[0].isOriginalParty")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("[1].loan.parties: a loan needs")),
        "{found:?}"
    );
}

#[test]
fn people_errors_name_the_path() {
    let people = r#"[{"idCode": "010594Y9032"}, {"idCode": "010594y9032"}, {"idCode": "X", "dateOfDeath": "yesterday"}]"#;
    let (file, found) = errors(Dataset::parse(
        bundled("lenders.json"),
        people,
        bundled("loans.json"),
    ));
    assert_eq!(file, "people.json");
    assert!(found[0].starts_with("[2].dateOfDeath"), "{found:?}");
    let people = r#"[{"idCode": "010594Y9032"}, {"idCode": "010594y9032"}]"#;
    let (_, found) = errors(Dataset::parse(
        bundled("lenders.json"),
        people,
        bundled("loans.json"),
    ));
    assert_eq!(found, ["[1].idCode: a second person with this ID code"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Arbitrary text in any file: an error or a dataset, never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}", which in 0usize..3) {
        let mut files = [bundled("lenders.json"), bundled("people.json"), bundled("loans.json")];
        files[which] = &text;
        let _ = Dataset::parse(files[0], files[1], files[2]);
    }

    /// The bundled files with one byte range replaced: never a panic, and
    /// an error names one of the three files.
    #[test]
    fn mutated_bundled_files_never_panic(which in 0usize..3, at in any::<prop::sample::Index>(), len in 0usize..20, with in "[\\[\\]{}\",:0-9a-zA-Z -]{0,10}") {
        let mut files: Vec<String> = ["lenders.json", "people.json", "loans.json"].iter().map(|n| bundled(n).to_string()).collect();
        let text = &mut files[which];
        let start = at.index(text.len());
        let end = (start + len).min(text.len());
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            text.replace_range(start..end, &with);
        }
        if let Err(Error::Data { file, errors }) = Dataset::parse(&files[0], &files[1], &files[2]) {
            prop_assert!(["lenders.json", "people.json", "loans.json"].contains(&file.as_str()));
            prop_assert!(!errors.is_empty());
        }
    }
}
