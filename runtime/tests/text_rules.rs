//! The text rules of section 2.2 at their edges.

use pcr_runtime::rules::{allowed_chars, max_chars};
use pcr_runtime::text::{char_count, eq_ignore_case, REGISTER_CHARSET, REGISTER_MAX_CHARS};

#[test]
fn sixty_four_characters_pass_and_sixty_five_fail() {
    assert_eq!(REGISTER_MAX_CHARS, 64);
    let at_limit = "a".repeat(64);
    assert_eq!(max_chars(&at_limit, REGISTER_MAX_CHARS), None);
    let over = "a".repeat(65);
    assert!(max_chars(&over, REGISTER_MAX_CHARS).is_some());
}

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
fn latin_1_letter_ranges_and_their_edges() {
    // À–Ö, Ø–ö (U+00D8..U+00F6) and ø–ÿ are in; × (U+00D7) and ÷ (U+00F7),
    // the two Latin-1 signs between them, are out.
    for c in ['À', 'Ö', 'Ø', 'ß', 'à', 'ö', 'ø', 'ÿ', 'Å', 'Ä', 'å', 'ä'] {
        assert!(REGISTER_CHARSET.contains(c), "{c} should be allowed");
    }
    for c in ['×', '÷', '¿', 'Ā', '€', '\u{BF}'] {
        assert!(!REGISTER_CHARSET.contains(c), "{c} should not be allowed");
    }
    // The neighbours just outside each range.
    assert!(!REGISTER_CHARSET.contains('\u{BF}')); // before À
    assert!(!REGISTER_CHARSET.contains('\u{100}')); // after ÿ
}

#[test]
fn ascii_letters_digits_signs_and_space() {
    let signs = "-|(){}[]/%'_?!=,*.;:&@$#+";
    let text = format!("AZaz09 {signs}");
    assert_eq!(allowed_chars(&text, &REGISTER_CHARSET), None);
    for c in ['"', '\\', '<', '>', '^', '`', '~', '\t', '\n'] {
        assert!(!REGISTER_CHARSET.contains(c), "{c:?} should not be allowed");
    }
}

#[test]
fn the_first_character_outside_is_reported_with_its_position() {
    let description = allowed_chars("ab÷c×", &REGISTER_CHARSET).unwrap();
    assert!(
        description.contains("'÷' (U+00F7) at position 3"),
        "{description}"
    );
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
        let by_class = REGISTER_CHARSET
            .classes()
            .iter()
            .any(|class| class.contains(c));
        assert_eq!(REGISTER_CHARSET.contains(c), by_class, "{c:?}");
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
            .find(|(_, c)| !REGISTER_CHARSET.contains(*c));
        proptest::prop_assert_eq!(REGISTER_CHARSET.first_outside(&text), plain);
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
