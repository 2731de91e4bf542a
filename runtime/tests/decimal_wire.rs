//! `wire::decimal` reads the text of a JSON number exactly and writes it
//! back as it was read, and refuses what a `Decimal` cannot hold.

use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Amount {
    #[serde(with = "pcr_runtime::wire::decimal")]
    sum: Decimal,
}

fn read(number: &str) -> Result<Decimal, serde_json::Error> {
    serde_json::from_str::<Amount>(&format!("{{\"sum\":{number}}}")).map(|a| a.sum)
}

fn written(sum: Decimal) -> String {
    let json = serde_json::to_string(&Amount { sum }).unwrap();
    json.trim_start_matches("{\"sum\":")
        .trim_end_matches('}')
        .to_string()
}

proptest! {
    #[test]
    fn every_decimal_round_trips_to_the_same_text(
        lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
        negative in any::<bool>(), scale in 0u32..=28,
    ) {
        let sum = Decimal::from_parts(lo, mid, hi, negative, scale);
        let text = written(sum);
        prop_assert_eq!(&text, &sum.to_string());
        let back = read(&text).unwrap();
        prop_assert_eq!(back, sum);
        prop_assert_eq!(back.scale(), sum.scale());
    }

    #[test]
    fn exponents_are_read_exactly(mantissa in -999_999_999i64..=999_999_999, exponent in -10i32..=10) {
        let expected = if exponent >= 0 {
            Decimal::from(mantissa) * Decimal::from(10i64.pow(exponent as u32))
        } else {
            Decimal::new(mantissa, (-exponent) as u32)
        };
        prop_assert_eq!(read(&format!("{mantissa}e{exponent}")).unwrap(), expected);
        prop_assert_eq!(read(&format!("{mantissa}E{exponent}")).unwrap(), expected);
    }
}

#[test]
fn more_than_15_significant_digits_are_kept() {
    for text in [
        "1234567890.123456789",
        "12345678901234567890.12345678",
        "79228162514264337593543950335",
        "-0.0000000000000000000000000001",
        "18446744073709551615",
        "1234.50",
    ] {
        assert_eq!(written(read(text).unwrap()), text);
    }
}

#[test]
fn plain_notation_is_written_for_exponents() {
    assert_eq!(written(read("1.5e3").unwrap()), "1500");
    assert_eq!(written(read("2E-2").unwrap()), "0.02");
    assert_eq!(
        written(read("1.000e-28").unwrap()),
        "0.0000000000000000000000000001"
    );
}

#[test]
fn what_a_decimal_cannot_hold_is_an_error_not_a_rounding() {
    for text in [
        "1e-400",
        "1e400",
        "1e29",
        "79228162514264337593543950336",
        "0.12345678901234567890123456789",
        "1e99999999999999999999",
    ] {
        let error = read(text).unwrap_err().to_string();
        assert!(error.contains("cannot be held exactly"), "{text}: {error}");
    }
}

#[test]
fn text_and_non_numbers_are_refused() {
    for number in ["\"1.5\"", "null", "true", "[1]", "{}"] {
        assert!(read(number).is_err(), "{number}");
    }
}

#[test]
fn reading_from_a_value_or_a_reader_is_exact_too() {
    let text = r#"{"sum":12345678901234567890.12345678}"#;
    let expected: Decimal = "12345678901234567890.12345678".parse().unwrap();
    let from_reader: Amount = serde_json::from_reader(text.as_bytes()).unwrap();
    assert_eq!(from_reader.sum, expected);
    // A `Value` holds the number as an f64, so only what an f64 holds
    // survives; the text it gives is read exactly.
    let value: serde_json::Value = serde_json::from_str(r#"{"sum":1234.5}"#).unwrap();
    let from_value: Amount = serde_json::from_value(value).unwrap();
    assert_eq!(from_value.sum, Decimal::new(12345, 1));
}
