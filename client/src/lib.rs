#![doc = include_str!("../README.md")]
//!
//! # What it does
//!
//! - The request is validated with [`pcr_models`]' rules before it is sent;
//!   a request with errors is never sent ([`Error::NotSent`]), and one whose
//!   target environment is not the client's is refused
//!   ([`Error::WrongEnvironment`]).
//! - Each answer is read into a typed result per HTTP status (section 3.1):
//!   200 into an [`Answer`], a [`Status200Body`] (the extract, or the
//!   response for a person who has died) with the [`Notice`]s of what the
//!   answer holds beyond the spec (members a newer document added, kept;
//!   elements at the places of a recorded nesting reading, read into the
//!   spec's places); 400 into [`Error::Rejected`] with the register's
//!   `invalid_request` body, its `correlationId` and its located errors;
//!   403, 413, 500 and 503 into their own variants.
//! - 503 (and only 503) is retried with exponential backoff; every request
//!   has a timeout.

use std::sync::Arc;
use std::time::Duration;

use pcr_models::codesets::TargetEnvironment;
use pcr_models::{api, invalid_request, request, Status200Body, READ_OPTIONS};
use pcr_runtime::json::{self, Parsed, ReadError, ReadOptions, DEFAULT_MAX_BYTES};
use pcr_runtime::{Context, Stage, Validate, ValidationErrors};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// What the answer holds beyond the spec's layout: a member the spec does
/// not know (kept, and written back by [`Parsed::to_json`]), or an element
/// at a place of a recorded nesting reading.
pub use pcr_runtime::json::{Notice, NoticeKind};

/// A 200 answer: its body, in the spec's layout, and what was noticed
/// reading it.
pub type Answer = Parsed<Status200Body>;

/// The register's environments, the runtime's: each has its base URL (the
/// spec's API data) and its own calendar of stages (the spec's `stages`).
pub use pcr_runtime::Environment;

/// The environment's base URL, from the spec (`api::TEST_BASE_URL`,
/// `api::PRODUCTION_BASE_URL`).
pub fn base_url(environment: Environment) -> &'static str {
    match environment {
        Environment::Test => api::TEST_BASE_URL,
        Environment::Production => api::PRODUCTION_BASE_URL,
    }
}

/// The target environment a request sent to `environment` carries.
pub fn target_environment(environment: Environment) -> TargetEnvironment {
    match environment {
        Environment::Test => TargetEnvironment::Test,
        Environment::Production => TargetEnvironment::Production,
    }
}

/// Everything that can go wrong, from building the client to reading the
/// answer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The client certificate or its key could not be read.
    #[error("the client certificate cannot be used: {0}")]
    Identity(String),
    /// A root certificate could not be read.
    #[error("the root certificate cannot be used: {0}")]
    RootCertificate(String),
    /// The TLS configuration was refused (a key that does not match, say).
    #[error("TLS configuration: {0}")]
    Tls(#[from] rustls::Error),
    /// The HTTP client could not be built.
    #[error("the HTTP client cannot be built: {0}")]
    Build(#[source] reqwest::Error),
    /// The request could not be written as JSON (it was not sent).
    #[error("the request cannot be written as JSON: {0}")]
    Encode(#[source] serde_json::Error),
    /// The request has errors, each at its path; it was not sent.
    #[error("the request was not sent; it has errors:\n{0}")]
    NotSent(ValidationErrors),
    /// The request's target environment is not the one the client sends to.
    #[error("the request's target environment is {request:?}, but the client sends to {client:?}")]
    WrongEnvironment {
        /// The request's `targetEnvironment`.
        request: TargetEnvironment,
        /// The client's environment.
        client: Environment,
    },
    /// 400: the register refused the request (section 3.5).
    #[error("400 Bad request (correlationId {}): {} error(s)", body.correlation_id, body.error_responses.len())]
    Rejected {
        /// The register's body: its `correlationId` and `errorResponses`.
        body: invalid_request::Message,
        /// What the body holds beyond the spec (members it does not know).
        notices: Vec<Notice>,
    },
    /// 403: the certificate is not one the register accepts for this API,
    /// or it has been revoked.
    #[error("403 Forbidden: the register does not accept this client certificate for the API")]
    Forbidden {
        /// The body, if any (the document describes none).
        body: String,
    },
    /// 413: the request is larger than the register takes.
    #[error("413 Payload too large")]
    PayloadTooLarge,
    /// 500: a system error at the register.
    #[error("500 System error")]
    SystemError {
        /// The body, if any.
        body: String,
    },
    /// 503 on every attempt.
    #[error("503 System error (unavailable) after {attempts} attempt(s)")]
    Unavailable {
        /// How many times the request was sent.
        attempts: u32,
    },
    /// A status the document does not list.
    #[error("unexpected HTTP status {status}")]
    UnexpectedStatus {
        /// The status.
        status: u16,
        /// The body.
        body: String,
    },
    /// The answer's body cannot be read as the message of its status.
    #[error("the {status} answer cannot be read: {error}")]
    InvalidResponse {
        /// The HTTP status.
        status: u16,
        /// Why: too large, or every error at its path.
        error: ReadError,
    },
    /// No answer within the timeout.
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    /// The connection failed (TLS refused, connection refused, reset).
    #[error("the request could not be sent: {0}")]
    Transport(#[source] reqwest::Error),
}

impl Error {
    /// The register's `correlationId`, for a 400 answer.
    pub fn correlation_id(&self) -> Option<pcr_runtime::uuid::Uuid> {
        match self {
            Error::Rejected { body, .. } => Some(body.correlation_id),
            _ => None,
        }
    }
}

/// A client certificate and its private key.
#[derive(Debug)]
pub struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl Clone for Identity {
    fn clone(&self) -> Self {
        Identity {
            chain: self.chain.clone(),
            key: self.key.clone_key(),
        }
    }
}

impl Identity {
    /// From PEM: the certificate (then its chain, if any) and the private
    /// key (PKCS#8, PKCS#1 or SEC1).
    pub fn from_pem(certificates: &[u8], key: &[u8]) -> Result<Self, Error> {
        let chain = CertificateDer::pem_slice_iter(certificates)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::Identity(format!("the certificate PEM: {e}")))?;
        if chain.is_empty() {
            return Err(Error::Identity("the PEM holds no certificate".into()));
        }
        let key = PrivateKeyDer::from_pem_slice(key)
            .map_err(|e| Error::Identity(format!("the private key PEM: {e}")))?;
        Ok(Identity { chain, key })
    }

    /// From a PKCS#12 archive (`.p12`, `.pfx`) and its password: the first
    /// private key with its certificate chain.
    pub fn from_pkcs12(archive: &[u8], password: &str) -> Result<Self, Error> {
        let store = p12_keystore::KeyStore::from_pkcs12(
            archive,
            password,
            p12_keystore::Pkcs12ImportPolicy::Strict,
        )
        .map_err(|e| Error::Identity(format!("the PKCS#12 archive: {e}")))?;
        let Some((_, chain)) = store.private_key_chain() else {
            return Err(Error::Identity(
                "the PKCS#12 archive holds no private key with a certificate".into(),
            ));
        };
        let certificates: Vec<_> = chain
            .certs()
            .iter()
            .map(|c| CertificateDer::from(c.as_der().to_vec()))
            .collect();
        if certificates.is_empty() {
            return Err(Error::Identity(
                "the PKCS#12 archive's key has no certificate".into(),
            ));
        }
        let key = PrivateKeyDer::try_from(chain.key().as_der().to_vec())
            .map_err(|e| Error::Identity(format!("the PKCS#12 private key: {e}")))?;
        Ok(Identity {
            chain: certificates,
            key,
        })
    }
}

/// rustls' cryptography from *ring*. rustls 0.23.48 deprecated it for
/// lacking post-quantum key exchange; it is kept because aws-lc-rs, the
/// alternative, compiles a large C library in every clean build (CI's
/// time budget), and the register's TLS does not need it.
#[allow(deprecated)]
fn crypto_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}

/// How a [`Client`] is made: [`Client::builder`].
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    identity: Identity,
    environment: Environment,
    base_url: Option<String>,
    roots: Vec<CertificateDer<'static>>,
    built_in_roots: bool,
    timeout: Duration,
    connect_timeout: Duration,
    retries: u32,
    backoff: Duration,
    max_backoff: Duration,
    stage: Option<Stage>,
    max_response_bytes: usize,
}

impl ClientBuilder {
    /// The environment; [`Environment::Test`] unless set.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// Another base URL than the environment's (a local stand-in). The
    /// environment still decides the target environment requests carry.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Trusts the server certificates `pem` issues (PEM, one or more).
    pub fn root_certificate_pem(mut self, pem: &[u8]) -> Result<Self, Error> {
        let certificates = CertificateDer::pem_slice_iter(pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::RootCertificate(e.to_string()))?;
        if certificates.is_empty() {
            return Err(Error::RootCertificate(
                "the PEM holds no certificate".into(),
            ));
        }
        self.roots.extend(certificates);
        Ok(self)
    }

    /// Whether the public web's roots (Mozilla's, from `webpki-roots`) are
    /// trusted too; yes unless set.
    pub fn built_in_roots(mut self, trust: bool) -> Self {
        self.built_in_roots = trust;
        self
    }

    /// The longest a request may take, answer included; 30 s unless set.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The longest connecting may take; 10 s unless set.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How many times a request answered 503 is sent again (3 unless set),
    /// waiting `backoff`, then twice that, and so on up to `max_backoff`
    /// (0.5 s and 8 s unless set).
    pub fn retries(mut self, retries: u32, backoff: Duration, max_backoff: Duration) -> Self {
        self.retries = retries;
        self.backoff = backoff;
        self.max_backoff = max_backoff;
        self
    }

    /// The register stage requests are validated for, whatever the day;
    /// unless set, the stage in force today (the day in Finland) in the
    /// client's environment, from the spec's calendar
    /// (`pcr_models::STAGE_CALENDAR`).
    /// (`pcr_models::DOCUMENT_STAGE`) unless set.
    pub fn stage(mut self, stage: Stage) -> Self {
        self.stage = Some(stage);
        self
    }

    /// The largest answer read, in bytes (10 MiB unless set).
    pub fn max_response_bytes(mut self, max: usize) -> Self {
        self.max_response_bytes = max;
        self
    }

    /// The client.
    pub fn build(self) -> Result<Client, Error> {
        let provider = Arc::new(crypto_provider());
        let mut roots = rustls::RootCertStore::empty();
        if self.built_in_roots {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        for root in self.roots {
            roots
                .add(root)
                .map_err(|e| Error::RootCertificate(e.to_string()))?;
        }
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_client_auth_cert(self.identity.chain, self.identity.key)?;
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .https_only(true)
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .build()
            .map_err(Error::Build)?;
        let base = self
            .base_url
            .unwrap_or_else(|| base_url(self.environment).to_string());
        Ok(Client {
            http,
            url: format!("{}{}", base.trim_end_matches('/'), api::PATH),
            environment: self.environment,
            timeout: self.timeout,
            retries: self.retries,
            backoff: self.backoff,
            max_backoff: self.max_backoff,
            stage: self.stage,
            read_options: READ_OPTIONS.max_bytes(self.max_response_bytes),
        })
    }
}

/// A client for `GetCreditRegisterExtract`. Cheap to clone (the connection
/// pool is shared).
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    url: String,
    environment: Environment,
    timeout: Duration,
    retries: u32,
    backoff: Duration,
    max_backoff: Duration,
    /// An explicit stage; `None`: the one in force on the day.
    stage: Option<Stage>,
    read_options: ReadOptions,
}

impl Client {
    /// A builder presenting `identity`, for the test environment, with the
    /// defaults each setter names.
    pub fn builder(identity: Identity) -> ClientBuilder {
        ClientBuilder {
            identity,
            environment: Environment::Test,
            base_url: None,
            roots: Vec::new(),
            built_in_roots: true,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retries: 3,
            backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            stage: None,
            max_response_bytes: DEFAULT_MAX_BYTES,
        }
    }

    /// The endpoint's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// What a request is validated with now: the register's today (the day
    /// in Finland), the client's environment, and the stage set on the
    /// builder or else the one in force today in that environment
    /// (`pcr_models::STAGE_CALENDAR`).
    pub fn context(&self) -> Context {
        let ctx = pcr_models::STAGE_CALENDAR.context_today(self.environment);
        match self.stage {
            Some(stage) => ctx.with_stage(stage),
            None => ctx,
        }
    }

    /// Validates `request`, sends it, and reads the answer.
    pub async fn get_credit_register_extract(
        &self,
        request: &request::Message,
    ) -> Result<Answer, Error> {
        if request.target_environment != target_environment(self.environment) {
            return Err(Error::WrongEnvironment {
                request: request.target_environment,
                client: self.environment,
            });
        }
        request.validate(&self.context()).map_err(Error::NotSent)?;
        let body = serde_json::to_vec(request).map_err(Error::Encode)?;
        self.send(body).await
    }

    /// Sends `body` as it is, without validating it, and reads the answer:
    /// for tests of what the register answers to a bad request.
    pub async fn send_unchecked(&self, body: Vec<u8>) -> Result<Answer, Error> {
        self.send(body).await
    }

    async fn send(&self, body: Vec<u8>) -> Result<Answer, Error> {
        let mut attempts = 0;
        let mut wait = self.backoff;
        loop {
            attempts += 1;
            let (status, bytes) = self.post(body.clone()).await?;
            if status == 503 {
                if attempts > self.retries {
                    return Err(Error::Unavailable { attempts });
                }
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(self.max_backoff);
                continue;
            }
            return self.answer(status, bytes);
        }
    }

    async fn post(&self, body: Vec<u8>) -> Result<(u16, Vec<u8>), Error> {
        let transport = |e: reqwest::Error| {
            if e.is_timeout() {
                Error::Timeout(self.timeout)
            } else {
                Error::Transport(e)
            }
        };
        let mut response = self
            .http
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, api::CONTENT_TYPE)
            .header(reqwest::header::ACCEPT, api::CONTENT_TYPE)
            .body(body)
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if bytes.len() + chunk.len() > self.read_options.max_bytes {
                return Err(Error::InvalidResponse {
                    status,
                    error: ReadError::TooLarge {
                        limit: self.read_options.max_bytes,
                    },
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok((status, bytes))
    }

    fn answer(&self, status: u16, bytes: Vec<u8>) -> Result<Answer, Error> {
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match status {
            200 => json::parse::<Status200Body>(bytes.as_slice(), &self.read_options)
                .map_err(|error| Error::InvalidResponse { status, error }),
            400 => {
                match json::parse::<invalid_request::Message>(bytes.as_slice(), &self.read_options)
                {
                    Ok(parsed) => Err(Error::Rejected {
                        body: parsed.value,
                        notices: parsed.notices,
                    }),
                    Err(error) => Err(Error::InvalidResponse { status, error }),
                }
            }
            403 => Err(Error::Forbidden { body: text() }),
            413 => Err(Error::PayloadTooLarge),
            500 => Err(Error::SystemError { body: text() }),
            _ => Err(Error::UnexpectedStatus {
                status,
                body: text(),
            }),
        }
    }
}
