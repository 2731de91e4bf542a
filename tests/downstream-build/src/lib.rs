//! Models generated in `build.rs` from `specs/feature-tour.yaml`, included
//! twice to prove the generated code names everything by absolute path:
//! once beside types that shadow the prelude's, once with no prelude at all.
#![deny(warnings)]

/// The models, beside `struct Result; struct Option; ...`.
pub mod shadowed {
    #[allow(dead_code)]
    struct Result;
    #[allow(dead_code)]
    struct Option;
    #[allow(dead_code)]
    struct Vec;
    #[allow(dead_code)]
    struct String;
    #[allow(dead_code)]
    struct Box;
    #[allow(dead_code)]
    struct Default;

    include!(concat!(env!("OUT_DIR"), "/feature_tour.rs"));
}

/// The models with no prelude in scope, in their nested modules too.
pub mod models {
    #![no_implicit_prelude]

    include!(concat!(env!("OUT_DIR"), "/feature_tour.rs"));
}

/// The checked-in v1.4 models of `pcr-models`, with no prelude in scope.
pub mod v1_4 {
    #![no_implicit_prelude]

    include!("../../../generated/src/credit_register_extract.rs");
}

/// The runtime under the name the relocated models use.
pub use pcr_runtime as rt;

/// The models generated with `Builder::runtime_crate("crate::rt")`: they
/// name the runtime only as `crate::rt` (the test reads the file to be
/// sure), and derive with `#[pcr(crate = "crate::rt")]`.
pub mod relocated {
    include!(concat!(env!("OUT_DIR"), "/relocated/feature_tour.rs"));
}

/// The text of the relocated models, for the test.
pub const RELOCATED: &str = include_str!(concat!(env!("OUT_DIR"), "/relocated/feature_tour.rs"));
