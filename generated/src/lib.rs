//! Rust models of the positive credit register's API for requesting a credit
//! register extract, generated from `spec/credit-register-extract/v1.4.yaml`
//! by `pcr-codegen generate` (the file `credit_register_extract.rs` is
//! generated; do not edit it).
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
//! Responses are lenient: unknown fields are ignored and unknown codes kept
//! as [`pcr_runtime::Lenient::Unknown`], since a newer document may add them.
//! Every message derives [`pcr_runtime::Validate`].
//!
//! ```
//! use pcr_models::request;
//! use pcr_runtime::{Context, Stage, Validate};
//!
//! let json = r#"{
//!     "targetEnvironment": "test",
//!     "owner": {"idCodeType": "ForeignBusinessId", "idCode": "SE5560000001"},
//!     "request": {
//!         "idCodeType": "PersonalIdentityCode",
//!         "idCode": "010594Y9032",
//!         "creditRegisterExtractPurpose": ["NewConsumerCredit"]
//!     }
//! }"#;
//! let message: request::Message = serde_json::from_str(json).unwrap();
//! let errors = message.validate(&Context::today(Stage::First)).unwrap_err();
//! let first = errors.iter().next().unwrap();
//! assert_eq!((first.path.as_str(), &*first.code), ("owner.countryCode", "D40"));
//! ```

// Generated and formatted by pcr-codegen (prettyplease); rustfmt would
// change it and make the staleness test fail.
#[rustfmt::skip]
pub mod credit_register_extract;

pub use credit_register_extract::*;
