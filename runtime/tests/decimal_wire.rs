//! `wire::decimal` writes and reads back exactly every decimal of up to 15
//! significant digits, and says so honestly past that.

use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Amount {
    #[serde(with = "pcr_runtime::wire::decimal")]
    sum: Decimal,
}

fn round_trip(sum: Decimal) -> Decimal {
    let json = serde_json::to_string(&Amount { sum }).unwrap();
    serde_json::from_str::<Amount>(&json).unwrap().sum
}

proptest! {
    #[test]
    fn up_to_15_significant_digits_round_trip_exactly(
        mantissa in -999_999_999_999_999_i64..=999_999_999_999_999,
        scale in 0u32..=10,
    ) {
        let sum = Decimal::new(mantissa, scale);
        prop_assert_eq!(round_trip(sum), sum);
    }

    #[test]
    fn the_json_text_is_the_decimal_text(cents in 0i64..=99_999_999_999_999) {
        let sum = Decimal::new(cents, 2);
        let json = serde_json::to_string(&Amount { sum }).unwrap();
        // 12.30 is written 12.3: the same number.
        let written = json.trim_start_matches("{\"sum\":").trim_end_matches('}');
        prop_assert_eq!(written.parse::<Decimal>().unwrap(), sum);
    }
}

#[test]
fn integers_are_exact_to_the_limits_of_i64_and_u64() {
    for n in [0, 1, -1, i64::MAX, i64::MIN] {
        assert_eq!(round_trip(Decimal::from(n)), Decimal::from(n));
    }
    let a: Amount = serde_json::from_str(&format!("{{\"sum\":{}}}", u64::MAX)).unwrap();
    assert_eq!(a.sum, Decimal::from(u64::MAX));
}

#[test]
fn past_15_significant_digits_the_nearest_f64_is_kept() {
    // 19 significant digits: more than an f64 holds.
    let sum: Decimal = "1234567890.123456789".parse().unwrap();
    let back = round_trip(sum);
    assert_ne!(back, sum);
    assert!((back - sum).abs() < Decimal::new(1, 6));
}

#[test]
fn text_and_non_numbers_are_refused() {
    for json in [r#"{"sum":"1.5"}"#, r#"{"sum":null}"#, r#"{"sum":true}"#] {
        assert!(serde_json::from_str::<Amount>(json).is_err(), "{json}");
    }
}
