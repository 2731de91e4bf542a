#![doc = include_str!("../README.md")]
//!
//! # What it holds
//!
//! - [`request::Message`]: the request (section 3.2). Strict: unknown fields
//!   and unknown codes are errors.
//! - [`extract::Message`], [`deceased::Message`]: the two bodies of a 200
//!   response (3.3, 3.4); [`Status200Body`] reads either.
//! - [`invalid_request::Message`]: the body of a 400 response (3.5).
//! - [`codesets`]: the codesets of 1.3.
//! - With the `register` feature, `extract::register` and
//!   `deceased::register`: the register-side forms of the responses, what
//!   the register holds with the dates the footnote markers compare, for
//!   disclosure (`pcr_runtime::Disclose`). Lenders do not need them; the
//!   crate builds in about half the time without them.
//!
//! Responses are read tolerantly: through [`pcr_runtime::json::read`] with
//! [`READ_OPTIONS`], a member the spec does not know is kept and reported as
//! a notice, and a code a newer document adds is kept as
//! [`pcr_runtime::Lenient::Unknown`].
//! Every message derives [`pcr_runtime::Validate`].

// Generated and formatted by pcr-codegen (prettyplease); rustfmt would
// change it and make the staleness test fail.
#[rustfmt::skip]
pub mod credit_register_extract;

pub use credit_register_extract::*;
