#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
//!
//! # The steps
//!
//! - [`spec::load`] reads and checks a spec, reporting every problem at once
//!   with its file, line and column ([`Diagnostics`]).
//! - [`spec::Counts`] counts what a checked spec holds.
//! - [`emit::emit`] turns a checked spec into Rust source; [`Builder`] does
//!   it all from a build script.
//!
//! - [`diff::diff`] compares two specs and says what each change breaks.
//! - [`schema::json_schemas`] and [`schema::openapi`] export JSON Schema
//!   2020-12 and OpenAPI 3.1 documents of the same rules.
//!
//! The command-line tool `pcr-codegen` wraps these (`check`, `generate`,
//! `diff`).

mod builder;
pub mod diagnostic;
pub mod diff;
pub mod emit;
mod names;
pub mod schema;
pub mod spec;

pub use builder::{write_if_changed, Builder, Error, Written};
pub use diagnostic::{Diagnostic, Diagnostics};
