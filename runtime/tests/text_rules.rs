//! The text functions of the runtime at their edges: lengths in
//! characters, case-insensitive comparison, and a character set's ASCII
//! fast path. The register's own set and length (section 2.2) come from the
//! spec and are tested with the models (`generated/tests/text_rule.rs`).

use pcr_runtime::rules::max_chars;
use pcr_runtime::text::{char_count, eq_ignore_case, CharClass, CharSet};

/// A set of the same shape as the register's: ASCII ranges and signs, and
/// Latin-1 ranges around the two signs between them.
const SET: CharSet = CharSet::new(&[
    CharClass::Range('a', 'z'),
    CharClass::Range('0', '9'),
    CharClass::Range('À', 'Ö'),
    CharClass::Range('Ø', 'ö'),
    CharClass::Chars("-_ "),
]);

#[test]
fn length_counts_characters_not_bytes() {
    // 64 two-byte letters are 128 bytes and still 64 characters.
    let letters = "Ä".repeat(64);
    assert_eq!(letters.len(), 128);
    assert_eq!(char_count(&letters), 64);
    assert_eq!(max_chars(&letters, 64), None);
    assert!(max_chars(&"Ä".repeat(65), 64).is_some());
}

#[test]
fn comparison_ignores_letter_case() {
    assert!(eq_ignore_case("TargetEnvironment", "targetenvironment"));
    assert!(eq_ignore_case("ÖLJY", "öljy"));
    assert!(!eq_ignore_case("Test", "Tests"));
}

#[test]
fn the_ascii_fast_path_agrees_with_the_classes() {
    for code in 0u32..0x3000 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let by_class = SET.classes().iter().any(|class| class.contains(c));
        assert_eq!(SET.contains(c), by_class, "{c:?}");
    }
}

proptest::proptest! {
    /// The ASCII fast path of `first_outside` finds what a plain scan of
    /// the characters finds: the same character at the same position in
    /// characters, in ASCII text, text that turns non-ASCII midway, and any
    /// text at all.
    #[test]
    fn first_outside_agrees_with_a_plain_scan(
        text in proptest::prop_oneof![
            "[ -~]{0,40}",
            "[a-z ]{0,20}[ÀÖØöøÿ×€😀]{1,3}[ -~]{0,20}",
            ".{0,40}",
        ]
    ) {
        let plain = text
            .chars()
            .enumerate()
            .find(|(_, c)| !SET.contains(*c));
        proptest::prop_assert_eq!(SET.first_outside(&text), plain);
    }
}

proptest::proptest! {
    /// `non_blank` refuses exactly the texts that trim to nothing.
    #[test]
    fn non_blank_is_trim_is_empty(text in proptest::prop_oneof!["[ \t\n\r\u{a0}\u{2003}]{0,6}", ".{0,12}"]) {
        proptest::prop_assert_eq!(
            pcr_runtime::rules::non_blank(&text).is_some(),
            text.trim().is_empty()
        );
    }
}
