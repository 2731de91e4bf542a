#![doc = include_str!("../README.md")]
//!
//! # Parts
//!
//! - [`certs`]: a test CA, a server certificate and client certificates
//!   (rcgen); a client certificate's common name is the lender's Business
//!   ID.
//! - [`data`]: the dataset (lenders, people, loans with their parties).
//! - [`server`]: the server; [`server::start`] runs it on a listener.
//!
//! Answers: 403 for a certificate whose lender the dataset does not know;
//! 413 for a body over the limit; 400 with every error at its path for a
//! request the models' validators refuse; 200 with the deceased response
//! for a person who has died, otherwise with the extract disclosed for the
//! person requested; any status the test asks for (`fail_next`), such as
//! 503.

pub mod certs;
pub mod data;
pub mod server;

use std::path::Path;

/// What can go wrong setting the stand-in up.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// What happened.
        error: String,
    },
    /// A dataset file has errors.
    #[error("{file}: {}", errors.join("; "))]
    Data {
        /// The file.
        file: String,
        /// Each error, at its path.
        errors: Vec<String>,
    },
    /// Certificates could not be made.
    #[error("certificates: {0}")]
    Certificates(String),
    /// The TLS set-up was refused.
    #[error("TLS: {0}")]
    Tls(String),
}

impl Error {
    pub(crate) fn io(path: &Path, error: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            error: error.to_string(),
        }
    }
}

/// rustls' cryptography from *ring* (as the client's; see there why not
/// aws-lc-rs).
#[allow(deprecated)]
pub(crate) fn crypto_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}
