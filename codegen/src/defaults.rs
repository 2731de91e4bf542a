//! The paths and options of this workspace's own models: where
//! `pcr-codegen` reads and writes when no path is given. Not part of the
//! library (a build script names its own paths); the binary and the tests
//! that check the checked-in models include this file.

// Each file that includes this one uses a part of it.
#![allow(dead_code)]

/// The default spec: the extract API description v1.4, relative to the
/// workspace root.
pub const DEFAULT_SPEC: &str = "spec/credit-register-extract/v1.4.yaml";

/// Where `pcr-codegen generate` writes by default: the `pcr-models` crate.
pub const DEFAULT_OUT: &str = "generated/src";

/// The cargo feature of `pcr-models` its register-side forms are compiled
/// under: `pcr-codegen generate` without `--out` writes them so.
pub const DEFAULT_REGISTER_FEATURE: &str = "register";

/// Where `pcr-codegen generate` and `schema` write the schemas by default,
/// beside the models.
pub const DEFAULT_SCHEMA_OUT: &str = "generated/schema";

/// The options `pcr-codegen generate` writes `pcr-models` with.
pub fn default_options() -> pcr_codegen::emit::Options {
    pcr_codegen::emit::Options {
        register_feature: Some(DEFAULT_REGISTER_FEATURE.to_string()),
        ..pcr_codegen::emit::Options::default()
    }
}
