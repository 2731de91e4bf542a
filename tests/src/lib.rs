//! End-to-end tests of the workspace; they live in `tests/`.
//!
//! - `spec_matches_document`: checks the v1.4 spec row by row against the
//!   converted text of the API description it transcribes.
//! - `compile_fail`: every mistake in a `#[pcr(...)]` attribute fails to
//!   compile with an error under it (`ui/`).
//! - the Rust examples of `README.md`, compiled and run as doctests here.

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;
