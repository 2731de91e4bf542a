//! The text rule of section 2.2 as the spec states it and the models carry
//! it (`STRING_MAX_CHARS`, `STRING_CHARSET`), at its edges.

use pcr_models::{STRING_CHARSET, STRING_MAX_CHARS};
use pcr_runtime::rules::{charset, max_chars};

#[test]
fn sixty_four_characters_pass_and_sixty_five_fail() {
    let at_limit = "a".repeat(64);
    assert_eq!(max_chars(&at_limit, STRING_MAX_CHARS), None);
    let over = "a".repeat(65);
    assert!(max_chars(&over, STRING_MAX_CHARS).is_some());
}

#[test]
fn latin_1_letter_ranges_and_their_edges() {
    // À–Ö, Ø–ö (U+00D8..U+00F6) and ø–ÿ are in; × (U+00D7) and ÷ (U+00F7),
    // the two Latin-1 signs between them, are out.
    for c in ['À', 'Ö', 'Ø', 'ß', 'à', 'ö', 'ø', 'ÿ', 'Å', 'Ä', 'å', 'ä'] {
        assert!(STRING_CHARSET.contains(c), "{c} should be allowed");
    }
    for c in ['×', '÷', '¿', 'Ā', '€', '\u{BF}'] {
        assert!(!STRING_CHARSET.contains(c), "{c} should not be allowed");
    }
    // The neighbours just outside each range.
    assert!(!STRING_CHARSET.contains('\u{BF}')); // before À
    assert!(!STRING_CHARSET.contains('\u{100}')); // after ÿ
}

#[test]
fn ascii_letters_digits_signs_and_space() {
    let signs = "-|(){}[]/%'_?!=,*.;:&@$#+";
    let text = format!("AZaz09 {signs}");
    assert_eq!(charset(&text, &STRING_CHARSET), None);
    for c in ['"', '\\', '<', '>', '^', '`', '~', '\t', '\n'] {
        assert!(!STRING_CHARSET.contains(c), "{c:?} should not be allowed");
    }
}

#[test]
fn the_first_character_outside_is_reported_with_its_position() {
    let description = charset("ab÷c×", &STRING_CHARSET).unwrap();
    assert!(
        description.contains("'÷' (U+00F7) at position 3"),
        "{description}"
    );
}
