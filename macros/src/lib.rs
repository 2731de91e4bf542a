//! Derive macros for positive credit register models. Use them through the
//! runtime crate, `pcr-runtime`, whose docs list the `#[pcr(...)]` rules:
//!
//! | rule | on | checks |
//! | --- | --- | --- |
//! | `required(code = "...")` | `Option<T>` | the value is present (P) |
//! | `optional` | `Option<T>` | nothing: documents an optional (V) element |
//! | `required_if(field = f, equals = VALUE, code = "...")` | `Option<T>` | present when sibling `f` equals `VALUE` (E) |
//! | `absent_if(field = f, equals = VALUE, code = "...")` | `Option<T>`, `Vec<T>` | absent (a list: empty) when sibling `f` equals `VALUE` |
//! | `allowed(values = [A, B], code = "...")` | any | the value is one of these |
//! | `min_items(min = N, code = "...")` | `Vec<T>`, `Option<Vec<T>>` | at least `N` items |
//! | `max_items(max = N, code = "...")` | `Vec<T>`, `Option<Vec<T>>` | at most `N` items |
//! | `range(min = N, max = M, code = "...")` | integers, `Decimal` | `N <= value <= M` (decimal bounds as strings) |
//! | `fixed(value = VALUE, code = "...")` | any | the value is `VALUE` |
//! | `non_blank(code = "...")` | text | neither empty nor only white space |
//! | `min_chars(min = N, code = "...")` | text | at least `N` characters |
//! | `max_chars(max = N, code = "...")` | text | at most `N` characters |
//! | `pattern(regex = "...", code = "...")` | text | the whole text matches |
//! | `date_range(min = "...", max = "...", code = "...")` | `Date` | within the bounds (a day, `today`, `today+N`, `today-N`) |
//! | `charset(set = PATH, code = "...")` | text | every character in the `CharSet` at `PATH` |
//! | `id_code(type_field = f, personal_identity_code = A, business_id = B, code = "...")` | text | an ID code in the format sibling `f` chooses |
//! | `stage(code = "...")` | `StageRestricted` | allowed in the context's stage |
//! | `in_force(from = "...", until = "...", code = "...")` | any | in force on the context's day (`from` included, `until` not) |
//! | `in_force(code = "...")` | `StageRestricted` | the code held is in force on the context's day |
//! | `custom = path::to_fn` | any | calls `fn(&FieldType, &mut Report)` |
//! | `nested` | `Validate` | validates the value, extending the path (implied for a `Validate` type) |
//! | `skip` | any | not validated |
//! | `rename = "name"` | any | the JSON name in paths |
//!
//! On the type: `rename_all = "camelCase"` (as serde's; serde's own is read too), `transparent`, `custom = path::to_fn` (a rule across fields), `readings = PATH` (a `&[pcr_runtime::json::Reading]`: the other nestings a response may follow) and `crate = "path"` (where `pcr-runtime` is).
//!
//! The pipeline: `attr` parses `#[pcr(...)]`, `ast` builds the model of the
//! type, `check` runs the rules that span fields, `expand` emits the impl.
//! Every mistake is reported at once, each under the attribute that made it;
//! `fallback` then emits an empty impl so only those errors show.

mod ast;
mod attr;
mod check;
mod codeset;
mod ctxt;
mod disclose;
mod expand;
mod fallback;

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
