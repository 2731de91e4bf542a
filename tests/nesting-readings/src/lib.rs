//! The models of each other reading of the v1.4 tables' nesting, generated
//! by `build.rs` from the spec with the edit spec/README.md describes.

/// The extract's groups inside `creditRegisterExtract`.
pub mod groups_inside_extract {
    include!(concat!(
        env!("OUT_DIR"),
        "/groups_inside_extract/credit_register_extract.rs"
    ));
}

/// `loans` beside `creditInformationSummary`.
pub mod loans_beside_summary {
    include!(concat!(
        env!("OUT_DIR"),
        "/loans_beside_summary/credit_register_extract.rs"
    ));
}

/// The request's person fields at its top level.
pub mod request_flat {
    include!(concat!(
        env!("OUT_DIR"),
        "/request_flat/credit_register_extract.rs"
    ));
}
