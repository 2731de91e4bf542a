//! The one table of `#[pcr(...)]` keys: where each goes, which derive reads
//! it, the arguments it takes and what it needs of its field. The three
//! derives read their own keys from it, leave the others' alone (a type may
//! derive all three), and name the closest key when one is misspelt.

use proc_macro2::Ident;

use crate::ctxt::Ctxt;

/// The derives that read `#[pcr(...)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derive {
    Validate,
    Disclose,
    Codeset,
}

/// Where a key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On the type.
    Type,
    /// On a field.
    Field,
    /// On an enum's variant.
    Variant,
}

/// What a field rule needs of its field, as far as the derive checks it (the
/// compiler checks the rest: text, numbers, dates, codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    Any,
    /// An `Option`: the rule is about the value's presence.
    Option,
    /// An `Option` or a `Vec`: the rule asks for absence or emptiness.
    OptionOrList,
    /// A `Vec` (in an `Option` or not): the rule counts items.
    List,
}

/// One key.
pub struct Key {
    pub name: &'static str,
    pub place: Place,
    pub derives: &'static [Derive],
    /// Its arguments, `name(arg = ..)`; empty for a flag or `name = value`.
    pub args: &'static [&'static str],
    pub on: On,
}

const VALIDATE: &[Derive] = &[Derive::Validate];
const DISCLOSE: &[Derive] = &[Derive::Disclose];
const CODESET: &[Derive] = &[Derive::Codeset];
const ALL: &[Derive] = &[Derive::Validate, Derive::Disclose, Derive::Codeset];

const fn key(
    place: Place,
    derives: &'static [Derive],
    name: &'static str,
    args: &'static [&'static str],
    on: On,
) -> Key {
    Key {
        name,
        place,
        derives,
        args,
        on,
    }
}

use Place::{Field, Type, Variant};

/// Every key, in the order the docs list them.
pub const KEYS: &[Key] = &[
    key(Type, ALL, "crate", &[], On::Any),
    key(Type, VALIDATE, "rename_all", &[], On::Any),
    key(Type, VALIDATE, "transparent", &[], On::Any),
    key(Type, VALIDATE, "custom", &[], On::Any),
    key(Type, VALIDATE, "readings", &[], On::Any),
    key(
        Type,
        DISCLOSE,
        "disclose",
        &["into", "payment_plan_if_any"],
        On::Any,
    ),
    key(Type, CODESET, "codeset", &[], On::Any),
    key(Field, VALIDATE, "required", &["code"], On::Option),
    key(Field, VALIDATE, "optional", &[], On::Option),
    key(
        Field,
        VALIDATE,
        "required_if",
        &["field", "equals", "code"],
        On::Option,
    ),
    key(
        Field,
        VALIDATE,
        "absent_if",
        &["field", "equals", "code"],
        On::OptionOrList,
    ),
    key(Field, VALIDATE, "allowed", &["values", "code"], On::Any),
    key(Field, VALIDATE, "min_items", &["min", "code"], On::List),
    key(Field, VALIDATE, "range", &["min", "max", "code"], On::Any),
    key(Field, VALIDATE, "fixed", &["value", "code"], On::Any),
    key(Field, VALIDATE, "non_blank", &["code"], On::Any),
    key(Field, VALIDATE, "max_chars", &["max", "code"], On::Any),
    key(Field, VALIDATE, "min_chars", &["min", "code"], On::Any),
    key(Field, VALIDATE, "max_items", &["max", "code"], On::List),
    key(Field, VALIDATE, "pattern", &["regex", "code"], On::Any),
    key(
        Field,
        VALIDATE,
        "date_range",
        &["min", "max", "code"],
        On::Any,
    ),
    key(Field, VALIDATE, "charset", &["set", "code"], On::Any),
    key(
        Field,
        VALIDATE,
        "id_code",
        &[
            "type_field",
            "personal_identity_code",
            "business_id",
            "code",
        ],
        On::Any,
    ),
    key(Field, VALIDATE, "stage", &["code"], On::Any),
    key(
        Field,
        VALIDATE,
        "in_force",
        &["from", "until", "code"],
        On::Any,
    ),
    key(
        Field,
        &[Derive::Validate, Derive::Disclose],
        "nested",
        &[],
        On::Any,
    ),
    key(Field, VALIDATE, "custom", &[], On::Any),
    key(Field, VALIDATE, "skip", &[], On::Any),
    key(Field, VALIDATE, "rename", &[], On::Any),
    key(Field, DISCLOSE, "register_side", &[], On::Any),
    key(Field, DISCLOSE, "withheld_in_payment_plan", &[], On::Option),
    key(
        Field,
        DISCLOSE,
        "withheld_before_added",
        &["date", "item_date"],
        On::Any,
    ),
    key(
        Field,
        DISCLOSE,
        "withheld_unless_after_added",
        &["date", "item_date"],
        On::Any,
    ),
    key(
        Field,
        DISCLOSE,
        "returned_if",
        &["field", "equals", "in", "not_in"],
        On::Option,
    ),
    key(
        Field,
        DISCLOSE,
        "returned_within_years",
        &["date", "item_date", "years"],
        On::Any,
    ),
    key(Field, DISCLOSE, "returned_to_reader", &["id"], On::Option),
    key(
        Field,
        DISCLOSE,
        "returned_between",
        &["from", "until"],
        On::Option,
    ),
    key(
        Field,
        DISCLOSE,
        "parties",
        &["id_code", "original", "added", "removed"],
        On::List,
    ),
    key(Variant, CODESET, "code", &[], On::Any),
    key(Variant, CODESET, "label", &[], On::Any),
    key(Variant, CODESET, "not_allowed_in", &[], On::Any),
    key(Variant, CODESET, "from", &[], On::Any),
    key(Variant, CODESET, "until", &[], On::Any),
];

/// The key `name` at `place`, whichever derive reads it.
pub fn find(place: Place, name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.place == place && k.name == name)
}

/// The keys `derive` reads at `place`.
pub fn names(place: Place, derive: Derive) -> Vec<&'static str> {
    KEYS.iter()
        .filter(|k| k.place == place && k.derives.contains(&derive))
        .map(|k| k.name)
        .collect()
}

/// What `derive` does with the key `name` at `place`.
pub enum Reading {
    /// Its own key.
    Own(&'static Key),
    /// Another derive's: left to it.
    Other,
    /// No derive's: reported.
    Unknown,
}

pub fn reading(place: Place, derive: Derive, name: &str) -> Reading {
    match find(place, name) {
        Some(key) if key.derives.contains(&derive) => Reading::Own(key),
        Some(_) => Reading::Other,
        None => Reading::Unknown,
    }
}

/// Reports a key no derive reads, with the closest key of any derive at the
/// place, or else the keys `derive` reads there.
pub fn unknown(cx: &Ctxt, key: &Ident, place: Place, derive: Derive) {
    let name = key.to_string();
    let known: Vec<&str> = KEYS
        .iter()
        .filter(|k| k.place == place)
        .map(|k| k.name)
        .collect();
    let (noun, at, plural) = match place {
        Place::Type => ("key", " on the type", "the keys here are"),
        Place::Field if derive == Derive::Disclose => ("rule", "", "the disclosure rules are"),
        Place::Field => ("rule", "", "the rules are"),
        Place::Variant => ("key", " on a codeset value", "the keys here are"),
    };
    let mut message = format!("unknown {noun} `{name}`{at}");
    match closest(&name, &known) {
        Some(near) => message.push_str(&format!("; did you mean `{near}`?")),
        None => {
            message.push_str(&format!("; {plural}: {}", names(place, derive).join(", ")));
            if place == Place::Type && derive == Derive::Validate {
                message.push_str(" (the rules go on fields)");
            }
        }
    }
    cx.error_spanned_by(key, message);
}

/// The name in `known` closest to `name`, if one is close enough to be a
/// misspelling of it.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `#[pcr(KEY ...)]` with arguments of the shape the key takes, however
    /// wrong their values: the derive must read it, never reach a key it
    /// has no arm for.
    fn attribute(key: &Key) -> String {
        if key.args.is_empty() {
            format!("#[pcr({} = \"x\")]", key.name)
        } else {
            let args: Vec<String> = key.args.iter().map(|a| format!("{a} = x")).collect();
            format!("#[pcr({}({}))]", key.name, args.join(", "))
        }
    }

    fn derive(derive: Derive, input: &str) -> proc_macro2::TokenStream {
        let input: syn::DeriveInput = syn::parse_str(input).expect("a type");
        match derive {
            Derive::Validate => crate::expand::derive_validate(&input),
            Derive::Disclose => crate::disclose::derive(&input),
            Derive::Codeset => crate::codeset::derive(&input),
        }
    }

    #[test]
    fn every_key_of_the_table_is_read_by_each_derive_that_takes_it() {
        for key in KEYS {
            for &by in key.derives {
                let attr = attribute(key);
                let input = match key.place {
                    Place::Type => format!("{attr} enum T {{ A }}"),
                    Place::Field => format!("struct T {{ {attr} f: Option<u8> }}"),
                    Place::Variant => format!("enum T {{ {attr} A }}"),
                };
                // The expansion may hold errors (the values are nonsense);
                // reading the key must not panic, and an error never says
                // the key is unknown.
                let out = std::panic::catch_unwind(|| derive(by, &input).to_string())
                    .unwrap_or_else(|_| panic!("{by:?} panicked on {input}"));
                assert!(
                    !out.contains(&format!("unknown rule `{}`", key.name))
                        && !out.contains(&format!("unknown key `{}`", key.name)),
                    "{by:?} does not know {input}: {out}"
                );
            }
        }
    }

    #[test]
    fn a_key_no_derive_reads_is_reported_by_each() {
        for by in [Derive::Validate, Derive::Disclose, Derive::Codeset] {
            let input = "#[pcr(colour = \"red\")] enum T { A }";
            let out = derive(by, input).to_string();
            assert!(
                out.contains("unknown key `colour` on the type"),
                "{by:?}: {out}"
            );
        }
    }
}
