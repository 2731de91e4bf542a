#![doc = include_str!("../README.md")]
//!
//! # The steps
//!
//! - [`spec::load`] reads and checks a spec, reporting every problem at once
//!   with its file, line and column ([`Diagnostics`]).
//! - [`Summary`] counts what a checked spec holds.
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
pub mod schema;
pub mod spec;

pub use builder::{write_if_changed, Builder, Error, Written};
pub use diagnostic::{Diagnostic, Diagnostics};

use spec::{Element, Spec};

/// The default spec: the extract API description v1.4, relative to the
/// workspace root.
pub const DEFAULT_SPEC: &str = "spec/credit-register-extract/v1.4.yaml";

/// Where `pcr-codegen generate` writes by default: the `pcr-models` crate.
pub const DEFAULT_OUT: &str = "generated/src";

/// The cargo feature of `pcr-models` its register-side forms are compiled
/// under: `pcr-codegen generate` without `--out` writes them so.
pub const DEFAULT_REGISTER_FEATURE: &str = "register";

/// The options `pcr-codegen generate` writes `pcr-models` with.
pub fn default_options() -> emit::Options {
    emit::Options {
        register_feature: Some(DEFAULT_REGISTER_FEATURE.to_string()),
        ..emit::Options::default()
    }
}

/// Where `pcr-codegen generate` and `schema` write the schemas by default,
/// beside the models.
pub const DEFAULT_SCHEMA_OUT: &str = "generated/schema";

/// What a checked spec holds, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub codesets: usize,
    /// Listed values of all codesets (external standards count none).
    pub codeset_values: usize,
    pub messages: usize,
    /// Elements of all messages at every depth, register-side ones included.
    pub elements: usize,
    /// Of `elements`, those the register holds but never returns.
    pub register_side: usize,
    /// Processing rules with a machine-checkable form.
    pub structured_rules: usize,
    /// "Returned if" conditions with a machine-checkable form.
    pub presence_conditions: usize,
    /// Footnote markers on elements (`*`, 1, 2), each counted where it stands.
    pub markers: usize,
    pub error_codes: usize,
    /// Stage starts (a stage in one environment) of `stages`.
    pub stage_starts: usize,
    /// Elements and codeset values in force on some days only.
    pub dated: usize,
}

impl Summary {
    pub fn of(spec: &Spec) -> Summary {
        let mut summary = Summary {
            codesets: spec.codesets.len(),
            codeset_values: spec.codesets.iter().map(|c| c.values().len()).sum(),
            messages: spec.messages.len(),
            error_codes: spec.error_codes.len(),
            stage_starts: spec.stages.iter().map(|s| s.starts.len()).sum(),
            dated: spec
                .codesets
                .iter()
                .flat_map(|c| c.values())
                .filter(|v| v.in_force.is_dated())
                .count(),
            ..Summary::default()
        };
        for message in &spec.messages {
            summary.add(&message.elements);
        }
        summary
    }

    fn add(&mut self, elements: &[Element]) {
        for element in elements {
            self.elements += 1;
            self.register_side += usize::from(element.register_side);
            self.structured_rules += element.rules.iter().filter(|r| r.check.is_some()).count();
            self.presence_conditions += usize::from(
                element
                    .presence
                    .as_ref()
                    .is_some_and(|p| p.returned_if.is_some()),
            );
            self.markers += element.markers.len();
            self.dated += usize::from(element.in_force.is_dated());
            self.add(&element.elements);
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} codesets ({} values), {} messages, {} elements ({} register-side), {} structured rules, {} presence conditions, {} footnote markers, {} error codes, {} stage starts, {} dated elements and codes",
            self.codesets,
            self.codeset_values,
            self.messages,
            self.elements,
            self.register_side,
            self.structured_rules,
            self.presence_conditions,
            self.markers,
            self.error_codes,
            self.stage_starts,
            self.dated,
        )
    }
}
