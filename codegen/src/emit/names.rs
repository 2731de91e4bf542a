//! Rust names for the spec's names: one place that knows Rust's keywords.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Rust's strict and reserved keywords (2021 edition and later).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// An identifier for `name`: a raw identifier (`r#type`) for a keyword,
/// and a trailing `_` for the four that cannot be raw (`self`, `Self`,
/// `super`, `crate`).
pub fn ident(name: &str) -> Ident {
    if matches!(name, "self" | "Self" | "super" | "crate") {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        Ident::new(&format!("_{name}"), Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// A field name: `countryCode` → `country_code`.
pub fn field(json: &str) -> Ident {
    ident(&json.to_snake_case())
}

/// A type or variant name: `creditInformationSummary` →
/// `CreditInformationSummary`.
pub fn type_name(name: &str) -> Ident {
    ident(&name.to_upper_camel_case())
}

/// A module name: `invalid_request` stays, `creditRegisterExtract` →
/// `credit_register_extract`.
pub fn module(name: &str) -> Ident {
    ident(&name.to_snake_case())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_made_safe() {
        assert_eq!(field("type").to_string(), "r#type");
        assert_eq!(field("self").to_string(), "self_");
        assert_eq!(type_name("self").to_string(), "Self_");
        assert_eq!(field("countryCode").to_string(), "country_code");
        assert_eq!(type_name("loans").to_string(), "Loans");
        assert_eq!(field("2ndStage").to_string(), "_2nd_stage");
    }
}
