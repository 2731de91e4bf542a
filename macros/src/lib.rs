//! Derive macros for positive credit register models. Use them through the
//! runtime crate `pcr-runtime` with its `derive` feature.
