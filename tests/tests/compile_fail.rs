//! Every mistake in a `#[pcr(...)]` attribute is a compile error under the
//! tokens that made it, never a panic: one file per mistake in `ui/`, with
//! the compiler's output beside it (`TRYBUILD=overwrite` to accept a change).

#[test]
fn validate_derive_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/validate/*.rs");
}

#[test]
fn disclose_derive_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/disclose/*.rs");
}

#[test]
fn codeset_derive_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/codeset/*.rs");
}
