//! Rust names for the spec's names: the one place that makes identifiers.
//! The emitter calls the functions here, and `check` calls the same ones
//! to refuse, at the YAML that causes it, a name that cannot become an
//! identifier or that the generated code needs for itself.

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

/// Type and variant names the generated code and its readers rely on: a
/// codeset value or a group of these names would shadow the prelude's.
pub const RESERVED_TYPES: &[&str] = &[
    "Ok", "Err", "Some", "None", "Self", "Result", "Option", "Vec", "String", "Box",
];

/// Module names the generated file has besides one per message.
pub const RESERVED_MODULES: &[&str] = &["codesets", "api"];

/// An identifier for `name`: a raw identifier (`r#type`) for a keyword, a
/// trailing `_` for the four that cannot be raw (`self`, `Self`, `super`,
/// `crate`), a leading `_` before a digit; or why there is none (empty,
/// `_` alone, or a character an identifier cannot hold).
pub fn try_ident(name: &str) -> Result<Ident, String> {
    let valid = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
            && chars.all(unicode_ident::is_xid_continue)
            && s != "_"
    };
    let name = if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name.to_string()
    };
    if !valid(&name) {
        return Err(if name.is_empty() {
            "it makes an empty Rust name".to_string()
        } else {
            format!("it makes `{name}`, which is not a Rust identifier")
        });
    }
    Ok(
        if matches!(name.as_str(), "self" | "Self" | "super" | "crate") {
            Ident::new(&format!("{name}_"), Span::call_site())
        } else if KEYWORDS.contains(&name.as_str()) {
            Ident::new_raw(&name, Span::call_site())
        } else {
            Ident::new(&name, Span::call_site())
        },
    )
}

/// [`try_ident`], or `_invalid` where `check` has refused the name already
/// (so the emitter never panics on a spec it was handed unchecked).
pub fn ident(name: &str) -> Ident {
    try_ident(name).unwrap_or_else(|_| Ident::new("_invalid", Span::call_site()))
}

/// A field name: `countryCode` → `country_code`.
pub fn field(json: &str) -> Ident {
    ident(&json.to_snake_case())
}

/// [`field`], or why the name cannot be one.
pub fn try_field(json: &str) -> Result<Ident, String> {
    try_ident(&json.to_snake_case())
}

/// A type or variant name: `creditInformationSummary` →
/// `CreditInformationSummary`.
pub fn type_name(name: &str) -> Ident {
    ident(&name.to_upper_camel_case())
}

/// [`type_name`], or why the name cannot be one (reserved names included).
pub fn try_type_name(name: &str) -> Result<Ident, String> {
    let ident = try_ident(&name.to_upper_camel_case())?;
    let text = ident.to_string();
    if RESERVED_TYPES.contains(&text.as_str()) {
        return Err(format!(
            "it makes `{text}`, a name the generated code needs for itself"
        ));
    }
    Ok(ident)
}

/// The struct name of a group: `paymentPlan` → `PaymentPlan`; of one item
/// of a list of groups, the singular: `loans` → `Loan`, `parties` →
/// `Party`, `months` → `Month` (`incomeData` and `delayedAmount` stay), or
/// the spec's `item_name` where the rule is wrong.
pub fn try_struct_name(json: &str, list: bool, item_name: Option<&str>) -> Result<Ident, String> {
    match (list, item_name) {
        (true, Some(name)) => try_type_name(name),
        (true, None) => try_type_name(&singular(&json.to_upper_camel_case())),
        (false, _) => try_type_name(json),
    }
}

/// [`try_struct_name`], or `_invalid` where `check` has refused it.
pub fn struct_name(json: &str, list: bool, item_name: Option<&str>) -> Ident {
    try_struct_name(json, list, item_name)
        .unwrap_or_else(|_| Ident::new("_invalid", Span::call_site()))
}

/// The singular of the last word of an UpperCamelCase name, by the plain
/// English rules: `Parties` → `Party`, `Boxes` → `Box`, `Loans` → `Loan`;
/// words in `-ss`, `-us`, `-is` and those without a final `s` stay.
fn singular(name: &str) -> String {
    let start = name
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_uppercase())
        .map_or(0, |(i, _)| i);
    let (head, word) = name.split_at(start);
    let lower = word.to_lowercase();
    let word = if lower.len() > 3 && lower.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        word[..word.len() - 2].to_string()
    } else if lower.len() > 1
        && lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| lower.ends_with(e))
    {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    };
    format!("{head}{word}")
}

/// A module name: `invalid_request` stays, `creditRegisterExtract` →
/// `credit_register_extract`.
pub fn module(name: &str) -> Ident {
    ident(&name.to_snake_case())
}

/// [`module`], or why the name cannot be one (reserved modules included).
pub fn try_module(name: &str) -> Result<Ident, String> {
    let ident = try_ident(&name.to_snake_case())?;
    let text = ident.to_string();
    if RESERVED_MODULES.contains(&text.as_str()) {
        return Err(format!(
            "it makes the module `{text}`, which the generated code has already"
        ));
    }
    Ok(ident)
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

    #[test]
    fn list_items_take_the_singular() {
        let item = |json: &str| struct_name(json, true, None).to_string();
        assert_eq!(item("loans"), "Loan");
        assert_eq!(item("parties"), "Party");
        assert_eq!(item("defermentPeriods"), "DefermentPeriod");
        assert_eq!(item("errorResponses"), "ErrorResponse");
        assert_eq!(item("months"), "Month");
        assert_eq!(item("taxes"), "Tax");
        assert_eq!(item("addresses"), "Address");
        assert_eq!(item("incomeData"), "IncomeData");
        assert_eq!(item("delayedAmount"), "DelayedAmount");
        assert_eq!(item("status"), "Status");
        assert_eq!(item("bonus"), "Bonus");
        assert_eq!(struct_name("loans", false, None).to_string(), "Loans");
        assert_eq!(
            struct_name("sums", true, Some("SumOfThings")).to_string(),
            "SumOfThings"
        );
        assert!(try_struct_name("vecs", true, None).is_err());
    }

    #[test]
    fn names_without_an_identifier_are_refused_not_panicked_on() {
        for name in ["-", "_", "", "--", " "] {
            assert!(try_module(name).is_err(), "{name:?}");
            assert!(try_field(name).is_err(), "{name:?}");
            assert_eq!(module(name).to_string(), "_invalid");
        }
        assert!(try_type_name("Err").is_err());
        assert!(try_type_name("none").is_err());
        assert!(try_module("codesets").is_err());
        assert!(try_module("Api").is_err());
        assert_eq!(try_field("åsa").unwrap().to_string(), "åsa");
    }
}
