#![doc = include_str!("../README.md")]

// The pipeline, the same for the three derives: `keys` is the one table of
// `#[pcr(...)]` keys (where each goes, which derive reads it, its arguments,
// what it needs of its field) and `attr::read_keys` the one reader of them;
// each derive then parses its keys (`attr`, `disclose/attr.rs`,
// `codeset.rs`), `check`s the rules that span fields, and expands
// (`expand`, `disclose/expand.rs`). Every mistake is recorded in a `Ctxt`
// under the tokens that made it and reported at once; `fallback` then emits
// an empty impl so only those errors show.

mod ast;
mod attr;
mod check;
mod codeset;
mod ctxt;
mod disclose;
mod expand;
mod fallback;
mod keys;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// `#[derive(Codeset)]`: a unit-variant enum as a codeset: `Codeset`,
/// `FromStr` and serde reading codes ignoring case and refusing the numeric
/// form, `Display` and serde writing the document's code, and
/// `StageRestricted`. Variants take `#[pcr(code = "...", label = "...",
/// not_allowed_in = [first], from = "YYYY-MM-DD", until = "YYYY-MM-DD")]`;
/// the enum takes `#[pcr(codeset = "Id")]`.
#[proc_macro_derive(Codeset, attributes(pcr))]
pub fn derive_codeset(input: TokenStream) -> TokenStream {
    codeset::derive(&parse_macro_input!(input as DeriveInput)).into()
}

/// `#[derive(Disclose)]`: a register-side struct to the wire struct a reader
/// may see. On the struct `#[pcr(disclose(into = WireType,
/// payment_plan_if_any = [group.flag, ...]))]`; on fields `nested`,
/// `register_side`, `withheld_in_payment_plan`, `withheld_before_added(date
/// = self | FIELD | item_date = FIELD)`, `withheld_unless_after_added(...)`,
/// `returned_if(field = F, equals = V | in = [..] | not_in = [..])`,
/// `returned_within_years(date | item_date = F, years = N)`,
/// `returned_to_reader(id = F)` and `returned_between(from = "YYYY-MM-DD",
/// until = "YYYY-MM-DD")`.
#[proc_macro_derive(Disclose, attributes(pcr))]
pub fn derive_disclose(input: TokenStream) -> TokenStream {
    disclose::derive(&parse_macro_input!(input as DeriveInput)).into()
}

/// `#[derive(Validate)]`: see the crate docs for the `#[pcr(...)]` rules.
#[proc_macro_derive(Validate, attributes(pcr))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    expand::derive_validate(&parse_macro_input!(input as DeriveInput)).into()
}
