//! End-to-end tests of the workspace; they live in `tests/`.
//!
//! - `spec_matches_document`: checks the v1.4 spec row by row against the
//!   converted text of the API description it transcribes.
