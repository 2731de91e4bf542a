//! `#[derive(Disclose)]`: a register-side struct to the wire struct a reader
//! may see, by the footnote markers and "returned if" conditions written on
//! its fields.
//!
//! ```text
//! #[derive(Disclose)]
//! #[pcr(disclose(into = super::Loans, payment_plan_if_any = [payment_plan.is_in_debt_arrangement]))]
//! struct Loans {
//!     #[pcr(withheld_in_payment_plan, withheld_before_added(date = self))]
//!     contract_date: Option<Date>,
//!     #[pcr(register_side)]
//!     amount_issued_date: Option<Date>,
//!     #[pcr(returned_if(field = loan_type, in = [Kind::LumpSum]), nested)]
//!     lump_sum_loan: Option<LumpSumLoan>,
//! }
//! ```

mod attr;
mod check;
mod expand;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Expr, Fields, Ident};

use crate::ast::Shape;
use crate::ctxt::Ctxt;

/// `#[pcr(parties(id_code = f, original = f, added = f, removed = f))]` on
/// a register-side list: the loan's parties, each item's fields by role.
struct Parties {
    key: Ident,
    id_code: Ident,
    original: Ident,
    added: Ident,
    removed: Ident,
}

/// Which date a rule compares.
enum DateRef {
    /// The field itself.
    ItSelf,
    /// A sibling field.
    Sibling(Ident),
    /// A field of each item of the list.
    Item(Ident),
}

enum Condition {
    Equals(Expr),
    In(Vec<Expr>),
    NotIn(Vec<Expr>),
}

enum Rule {
    // #[pcr(withheld_in_payment_plan)]
    InPaymentPlan,
    // #[pcr(withheld_before_added(date = self | field, item_date = field))]
    BeforeAdded(DateRef),
    // #[pcr(withheld_unless_after_added(date = ..., item_date = ...))]
    UnlessAfterAdded(DateRef),
    // #[pcr(returned_if(field = f | f.g, equals = X | in = [..] | not_in = [..]))]
    ReturnedIf(Vec<Ident>, Condition),
    // #[pcr(returned_within_years(date = f | item_date = f, years = N))]
    WithinYears(DateRef, syn::LitInt),
    // #[pcr(returned_to_reader(id = f))]
    ToReader(Ident),
    // #[pcr(returned_between(from = "2027-01-04", until = "2028-01-01"))]
    Between(Option<time::Date>, Option<time::Date>),
}

struct Field<'a> {
    member: &'a Ident,
    shape: Shape,
    nested: bool,
    register_side: bool,
    parties: Option<Parties>,
    rules: Vec<(Ident, Rule)>,
}

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let attr::Container { krate, into, flags } = attr::container(&cx, input);
    let fields: Vec<Field> = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => named.named.iter().map(|f| attr::field(&cx, f)).collect(),
            _ => {
                cx.error_spanned_by(
                    &input.ident,
                    "derive(Disclose) needs a struct with named fields",
                );
                Vec::new()
            }
        },
        _ => {
            cx.error_spanned_by(
                &input.ident,
                "derive(Disclose) needs a struct with named fields",
            );
            Vec::new()
        }
    };
    if into.is_none() && matches!(input.data, Data::Struct(_)) {
        cx.error_spanned_by(
            &input.ident,
            "derive(Disclose) needs `#[pcr(disclose(into = WireType))]`: the type the reader gets",
        );
    }
    check::check(&cx, &fields, &flags);
    if let Err(errors) = cx.check() {
        let errors = errors.to_compile_error();
        let ident = &input.ident;
        // A stub, so the type's other uses do not add errors of their own.
        return quote! {
            #errors
            impl #krate::Disclose for #ident {
                type Output = ();
                fn disclose_in(&self, _: &#krate::DisclosureContext, _: #krate::disclosure::Scope) {}
            }
        };
    }
    expand::expand(input, &krate, &into.expect("checked"), &fields, &flags)
}
