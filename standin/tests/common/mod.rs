//! What the end-to-end tests and the load example share: the stand-in on
//! a random port with new test certificates, clients for it, requests.
#![allow(dead_code)] // each user takes what it needs

use std::time::Duration;

use pcr_client::{Client, Environment, Identity};
use pcr_models::codesets::{IdCodeType, TargetEnvironment};
use pcr_models::request;
use pcr_standin::certs::{TestCertificates, KNOWN_LENDER};
use pcr_standin::data::Dataset;
use pcr_standin::server::{self, Config, Running};

pub const ORIGINAL_PARTY: &str = "010594Y9032";
pub const ADDED_PARTY: &str = "020594X903P";
pub const DECEASED: &str = "010516B903X";

pub struct StandIn {
    pub running: Running,
    pub certs: TestCertificates,
}

pub async fn stand_in(max_body_bytes: usize) -> StandIn {
    stand_in_with(max_body_bytes, server::Limits::default()).await
}

pub async fn stand_in_with(max_body_bytes: usize, limits: server::Limits) -> StandIn {
    let certs = TestCertificates::generate(KNOWN_LENDER).unwrap();
    let config = Config {
        dataset: Dataset::bundled().unwrap(),
        client_ca: certs.ca.clone(),
        server_certificate: certs.server.certificate.clone(),
        server_key: certs.server.key.clone(),
        max_body_bytes,
        limits,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = server::start(config, listener).unwrap();
    StandIn { running, certs }
}

impl StandIn {
    pub fn client_with(&self, identity: Identity) -> pcr_client::ClientBuilder {
        Client::builder(identity)
            .environment(Environment::Test)
            .base_url(self.running.base_url())
            .built_in_roots(false)
            .root_certificate_pem(self.certs.ca.as_bytes())
            .unwrap()
            .retries(3, Duration::from_millis(10), Duration::from_millis(40))
    }

    pub fn client(&self) -> Client {
        let pem = &self.certs.client;
        let identity = Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap();
        self.client_with(identity).build().unwrap()
    }
}

pub fn request_for(id_code: &str) -> request::Message {
    request::Message::new(
        TargetEnvironment::Test,
        request::Owner {
            id_code_type: IdCodeType::BusinessId,
            id_code: KNOWN_LENDER.into(),
            country_code: None,
        },
        request::Request {
            id_code_type: IdCodeType::PersonalIdentityCode,
            id_code: id_code.into(),
            credit_register_extract_purpose: vec![
                pcr_models::codesets::CreditRegisterExtractPurpose::NewConsumerCredit,
            ],
        },
    )
}
