//! Before timing them, every contender must judge every input alike: the
//! valid inputs pass, the inputs with errors fail, and the 50-loan extract
//! is tens of kilobytes.

use pcr_benches::{
    context, floor, garde, garde_models, inputs, json_schema, ours, plain_floor, plain_models,
    schema, validator,
};
use pcr_models::{extract, request};

#[test]
fn valid_inputs_pass_everywhere() {
    let ctx = context();
    let text = inputs::request(true);
    assert!(floor::<request::Message>(&text).is_some());
    assert!(ours::<request::Message>(&text, &ctx).is_ok());
    assert!(garde::<garde_models::Request>(&text).is_ok());
    assert!(json_schema::<request::Message>(&validator(&schema::request()), &text).is_ok());
    assert!(json_schema::<request::Message>(&schema::exported("request"), &text).is_ok());
    for loans in [1, 50] {
        let text = inputs::extract(loans, true);
        assert!(
            json_schema::<extract::Message>(&schema::exported("extract"), &text).is_ok(),
            "{loans}"
        );
        assert!(floor::<extract::Message>(&text).is_some());
        assert!(ours::<extract::Message>(&text, &ctx).is_ok(), "{loans}");
        assert!(garde::<garde_models::Extract>(&text).is_ok(), "{loans}");
        assert!(
            json_schema::<extract::Message>(&validator(&schema::extract()), &text).is_ok(),
            "{loans}"
        );
    }
}

/// The plain floor reads every input whole: its structs refuse unknown
/// members, so it does the same parsing work as the typed floor.
#[test]
fn the_plain_floor_reads_every_member_of_every_input() {
    for valid in [true, false] {
        let text = inputs::request(valid);
        assert!(
            plain_floor::<plain_models::Request>(&text).is_some(),
            "{valid}"
        );
        for loans in [1, 50] {
            let text = inputs::extract(loans, valid);
            let extract: plain_models::Extract = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{loans} loans, valid {valid}: {e}"));
            assert_eq!(extract.credit_information_summary.loans.len(), loans);
        }
    }
}

#[test]
fn inputs_with_errors_fail_everywhere_but_the_floor() {
    let ctx = context();
    let text = inputs::request(false);
    assert!(
        floor::<request::Message>(&text).is_some(),
        "the errors are rule errors, not JSON errors"
    );
    assert_eq!(ours::<request::Message>(&text, &ctx).err(), Some(3));
    assert!(garde::<garde_models::Request>(&text).is_err());
    assert!(json_schema::<request::Message>(&validator(&schema::request()), &text).is_err());
    assert!(json_schema::<request::Message>(&schema::exported("request"), &text).is_err());
    for loans in [1, 50] {
        let text = inputs::extract(loans, false);
        assert!(json_schema::<extract::Message>(&schema::exported("extract"), &text).is_err());
        assert!(floor::<extract::Message>(&text).is_some());
        assert_eq!(
            ours::<extract::Message>(&text, &ctx).err(),
            Some(3),
            "{loans}"
        );
        assert_eq!(
            garde::<garde_models::Extract>(&text).err(),
            Some(3),
            "{loans}"
        );
        assert!(json_schema::<extract::Message>(&validator(&schema::extract()), &text).is_err());
    }
}

#[test]
fn input_sizes() {
    for (name, text) in [
        ("request", inputs::request(true)),
        ("extract, 1 loan", inputs::extract(1, true)),
        ("extract, 50 loans", inputs::extract(50, true)),
    ] {
        eprintln!("{name}: {} bytes", text.len());
    }
    assert!(
        (250..=400).contains(&inputs::request(true).len()),
        "{}",
        inputs::request(true).len()
    );
    let big = inputs::extract(50, true).len();
    assert!((10_000..100_000).contains(&big), "{big}");
}

#[test]
fn the_disclosure_input_withholds_something_from_the_added_party() {
    use pcr_runtime::Disclose;
    let (record, ctx) = pcr_benches::disclosure_input();
    let disclosed = serde_json::to_value(record.disclose(&ctx)).unwrap();
    let original = serde_json::to_value(&record).unwrap();
    assert_eq!(
        disclosed["creditInformationSummary"]["loans"]
            .as_array()
            .unwrap()
            .len(),
        50
    );
    assert!(disclosed["creditInformationSummary"]["loans"][0]
        .get("contractDate")
        .is_none());
    assert!(original["creditInformationSummary"]["loans"][0]
        .get("contractDate")
        .is_some());
}
