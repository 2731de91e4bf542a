//! End to end: the stand-in on a random port with new test certificates,
//! and the client speaking to it over mutual TLS.

use std::sync::Arc;
use std::time::Duration;

mod common;

use common::{request_for, stand_in, stand_in_with, ADDED_PARTY, DECEASED, ORIGINAL_PARTY};
use pcr_client::{Client, Environment, Error, Identity};
use pcr_models::codesets::{IdCodeType, TargetEnvironment};
use pcr_models::Status200Body;
use pcr_runtime::json::ReadError;
use pcr_standin::certs::Pem;
use pcr_standin::certs::{KNOWN_LENDER, PKCS12_PASSWORD};
use pcr_standin::server;

/// The extract of an answer the stand-in made from its dataset, which has
/// nothing the spec does not know: no notices.
fn extract(answer: pcr_client::Answer) -> pcr_models::extract::Message {
    assert_eq!(
        answer.notices,
        [],
        "the stand-in's own answers follow the spec"
    );
    match answer.value {
        Status200Body::Extract(extract) => extract,
        other => panic!("expected an extract, got {other:?}"),
    }
}

#[tokio::test]
async fn original_and_later_added_party_see_different_fields() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let client = s.client();

    let original = extract(
        client
            .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
            .await
            .unwrap(),
    );
    assert_eq!(original.person_requested.id_code, ORIGINAL_PARTY);
    assert_eq!(original.owner.id_code, KNOWN_LENDER);
    let summary = &original.credit_information_summary;
    assert_eq!(
        (summary.loan_contracts_count, summary.lenders_count),
        (2, 1)
    );
    assert_eq!(summary.loans.len(), 2);
    let shared_loan = &summary.loans[0];
    assert!(shared_loan.contract_date.is_some());
    let lump = shared_loan.lump_sum_loan.as_ref().unwrap();
    assert!(lump.amount_issued.is_some() && lump.amount_paid.is_some());
    assert!(original.voluntary_ban_on_credits.is_some());

    // Added to the first loan on 2024-03-01: data dated before is withheld,
    // and the loan they are not a party to is not listed.
    let added = extract(
        client
            .get_credit_register_extract(&request_for(ADDED_PARTY))
            .await
            .unwrap(),
    );
    let summary = &added.credit_information_summary;
    assert_eq!(
        (summary.loan_contracts_count, summary.lenders_count),
        (1, 1)
    );
    assert_eq!(summary.loans.len(), 1);
    let loan = &summary.loans[0];
    assert_eq!(
        loan.contract_date, None,
        "contractDate 2023-11-20 is before the addition"
    );
    let lump = loan.lump_sum_loan.as_ref().unwrap();
    assert_eq!((lump.amount_issued, lump.amount_paid), (None, None));
    // What is not dated is disclosed to both.
    assert_eq!(loan.borrowers_count, shared_loan.borrowers_count);
    assert_eq!(
        lump.balance,
        original.credit_information_summary.loans[0]
            .lump_sum_loan
            .as_ref()
            .unwrap()
            .balance
    );
    assert!(added.voluntary_ban_on_credits.is_none());
    s.running.stop().await;
}

#[tokio::test]
async fn deceased_person_gets_the_deceased_response() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let body = s
        .client()
        .get_credit_register_extract(&request_for(DECEASED))
        .await
        .unwrap();
    assert_eq!(body.notices, []);
    let Status200Body::Deceased(deceased) = body.value else {
        panic!("expected the deceased response, got {:?}", body.value);
    };
    assert_eq!(
        deceased.deceased_person.date_of_death,
        pcr_runtime::time::macros::date!(2024 - 06 - 30)
    );
    assert_eq!(deceased.person_requested.id_code, DECEASED);
}

/// An answer from a newer register: a member v1.4 does not know, and the
/// peers' nesting. The client reads it into the spec's layout and returns
/// a notice for each, and writes it back with the unknown member kept.
#[tokio::test]
async fn the_client_returns_the_notices_of_a_newer_answer() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let client = s.client();
    let plain = extract(
        client
            .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
            .await
            .unwrap(),
    );
    let mut newer = serde_json::to_value(&plain).unwrap();
    newer["creditInformationSummary"]["futureTotal"] = serde_json::json!({"sum": 12.50});
    let summary = newer
        .as_object_mut()
        .unwrap()
        .remove("creditInformationSummary");
    newer["creditRegisterExtract"]["creditInformationSummary"] = summary.unwrap();
    s.running.answer_next(newer.to_string(), 1);
    let answer = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await
        .unwrap();
    let notices: Vec<String> = answer.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].starts_with(
            "creditRegisterExtract.creditInformationSummary: read at `creditInformationSummary`"
        ),
        "{}",
        notices[0]
    );
    assert!(
        notices[0].contains("`groups-inside-extract`"),
        "{}",
        notices[0]
    );
    assert_eq!(
        notices[1],
        "creditInformationSummary.futureTotal: not in v1.4: an element the spec does not know, kept as read"
    );
    assert_eq!(answer.value, Status200Body::Extract(plain.clone()));
    let written: serde_json::Value = serde_json::from_str(&answer.to_json().unwrap()).unwrap();
    assert_eq!(
        written["creditInformationSummary"]["futureTotal"]["sum"],
        serde_json::json!(12.50)
    );
    // Only the next answer: the one after is the dataset's again.
    extract(
        client
            .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
            .await
            .unwrap(),
    );
}

#[tokio::test]
async fn pkcs12_identity_is_accepted() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let identity = Identity::from_pkcs12(&s.certs.client_p12, PKCS12_PASSWORD).unwrap();
    let client = s.client_with(identity).build().unwrap();
    let body = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await
        .unwrap();
    assert_eq!(extract(body).person_requested.id_code, ORIGINAL_PARTY);
    assert!(matches!(
        Identity::from_pkcs12(&s.certs.client_p12, "wrong password"),
        Err(Error::Identity(_))
    ));
}

#[tokio::test]
async fn bad_request_gets_400_with_located_errors() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let client = s.client();
    // A foreign business ID without its country (D40) and a purpose not
    // allowed in the first stage, sent as they are.
    let body = br#"{
        "targetEnvironment": "Test",
        "owner": {"idCodeType": "ForeignBusinessId", "idCode": "SE5560000001"},
        "request": {"idCodeType": "PersonalIdentityCode", "idCode": "010594Y9032",
                    "creditRegisterExtractPurpose": ["NewLoan"], "extra": 1}
    }"#;
    let error = client.send_unchecked(body.to_vec()).await.unwrap_err();
    let correlation_id = error.correlation_id();
    let Error::Rejected { body, .. } = error else {
        panic!("expected 400, got {error:?}");
    };
    assert_eq!(Some(body.correlation_id), correlation_id);
    assert_eq!(body.status_message, "Bad request");
    let found: Vec<(&str, &str)> = body
        .error_responses
        .iter()
        .map(|e| (e.field_name.as_str(), e.error_code.as_str()))
        .collect();
    // Every error in the first report: the structural one, and the rule
    // of the group whose structure is right.
    assert_eq!(
        found,
        [("request.extra", "A10"), ("owner.countryCode", "D40")],
        "{found:?}"
    );

    let body = br#"{
        "targetEnvironment": "Test",
        "owner": {"idCodeType": "ForeignBusinessId", "idCode": "SE5560000001"},
        "request": {"idCodeType": "PersonalIdentityCode", "idCode": "010594Y9032",
                    "creditRegisterExtractPurpose": []}
    }"#;
    let Error::Rejected { body, .. } = client.send_unchecked(body.to_vec()).await.unwrap_err()
    else {
        panic!("expected 400");
    };
    let found: Vec<(&str, &str)> = body
        .error_responses
        .iter()
        .map(|e| (e.field_name.as_str(), e.error_code.as_str()))
        .collect();
    assert!(found.contains(&("owner.countryCode", "D40")), "{found:?}");
    assert!(
        found
            .iter()
            .any(|(path, _)| path.starts_with("request.creditRegisterExtractPurpose")),
        "{found:?}"
    );
}

#[tokio::test]
async fn invalid_request_is_not_sent_and_wrong_environment_refused() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    // Every request fails with 500 from here: one that reached the server
    // would say so.
    s.running.fail_next(500, 100);
    let client = s.client();
    let mut bad = request_for(ORIGINAL_PARTY);
    bad.owner.id_code_type = IdCodeType::ForeignBusinessId;
    let Err(Error::NotSent(errors)) = client.get_credit_register_extract(&bad).await else {
        panic!("expected NotSent");
    };
    assert!(errors
        .iter()
        .any(|e| e.path == "owner.countryCode" && e.code == "D40"));

    let mut production = request_for(ORIGINAL_PARTY);
    production.target_environment = TargetEnvironment::Production;
    assert!(matches!(
        client.get_credit_register_extract(&production).await,
        Err(Error::WrongEnvironment {
            request: TargetEnvironment::Production,
            client: Environment::Test
        })
    ));
    // The server was reached by neither: the next request gets the 500.
    assert!(matches!(
        client
            .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
            .await,
        Err(Error::SystemError { .. })
    ));
}

#[tokio::test]
async fn unknown_certificate_gets_403() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let pem = &s.certs.unknown_client;
    let identity = Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap();
    let client = s.client_with(identity).build().unwrap();
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    // No body: the document describes none for 403.
    assert!(
        matches!(&result, Err(Error::Forbidden { body }) if body.is_empty()),
        "{result:?}"
    );
}

#[tokio::test]
async fn oversize_request_gets_413() {
    let s = stand_in(512).await;
    let client = s.client();
    let mut big = request_for(ORIGINAL_PARTY);
    big.request.credit_register_extract_purpose =
        vec![pcr_models::codesets::CreditRegisterExtractPurpose::NewConsumerCredit; 40];
    let result = client.get_credit_register_extract(&big).await;
    assert!(matches!(result, Err(Error::PayloadTooLarge)), "{result:?}");
    // Under the limit, the same client is answered.
    assert!(client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await
        .is_ok());
}

#[tokio::test]
async fn connection_without_client_certificate_is_refused() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let result = raw_http(&s, None)
        .post(format!("{}/GetCreditRegisterExtract", s.running.base_url()))
        .body("{}")
        .send()
        .await;
    // The handshake is refused: no HTTP status at all.
    let error = result.expect_err("a connection without a client certificate must fail");
    assert!(error.status().is_none(), "{error:?}");
}

/// A plain HTTPS client trusting the stand-in's CA, presenting `identity`.
fn raw_http(s: &common::StandIn, identity: Option<&Pem>) -> reqwest::Client {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config(s, identity))
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

type Tls = tokio_rustls::client::TlsStream<tokio::net::TcpStream>;

/// A TLS connection to the stand-in with the known client certificate,
/// handshake done.
async fn connect(s: &common::StandIn) -> Tls {
    let config = tls_config(s, Some(&s.certs.client));
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(s.running.addr())
        .await
        .unwrap();
    let name = rustls_pki_types::ServerName::try_from("localhost").unwrap();
    connector.connect(name, tcp).await.unwrap()
}

/// Whether the stand-in closes `tls` within `within` (what it sends first,
/// if anything, is read and passed over).
async fn closed_within(tls: &mut Tls, within: Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buffer = [0u8; 1024];
    let read = async {
        loop {
            match tls.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(within, read).await.is_ok()
}

/// Sends `bytes` as they are over TLS with the known client certificate,
/// and returns the answer's status line.
async fn raw_exchange(s: &common::StandIn, bytes: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tls = connect(s).await;
    tls.write_all(bytes).await.unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    // The status line is all the tests look at; the stand-in may keep the
    // connection open, so read until it is there.
    while !answer.windows(2).any(|w| w == b"\r\n") {
        let n = tokio::time::timeout(Duration::from_secs(10), tls.read(&mut buffer))
            .await
            .expect("an answer within 10 s")
            .unwrap_or(0);
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
    }
    let text = String::from_utf8_lossy(&answer);
    text.lines().next().unwrap_or_default().to_string()
}

/// The TLS client configuration of the tests' own HTTP: the stand-in's CA,
/// and `identity` if given.
fn tls_config(s: &common::StandIn, identity: Option<&Pem>) -> rustls::ClientConfig {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(s.certs.ca.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
    match identity {
        None => builder.with_no_client_auth(),
        Some(pem) => builder
            .with_client_auth_cert(
                CertificateDer::pem_slice_iter(pem.certificate.as_bytes())
                    .map(Result::unwrap)
                    .collect(),
                PrivateKeyDer::from_pem_slice(pem.key.as_bytes()).unwrap(),
            )
            .unwrap(),
    }
}

/// The stand-in takes only the document's content type, tells a broken
/// body from a large one, and its test control takes only final error
/// statuses.
#[tokio::test]
async fn the_stand_in_is_as_strict_as_a_server() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let http = raw_http(&s, Some(&s.certs.client));
    let url = format!("{}/GetCreditRegisterExtract", s.running.base_url());
    let body = serde_json::to_string(&request_for(ORIGINAL_PARTY)).unwrap();
    for (content_type, status) in [
        (None, 415),
        (Some("text/plain"), 415),
        (Some("application/xml"), 415),
        (Some("application/jsonp"), 415),
        (Some("application/json"), 200),
        (Some("Application/JSON; charset=utf-8"), 200),
    ] {
        let mut post = http.post(&url).body(body.clone());
        if let Some(content_type) = content_type {
            post = post.header("content-type", content_type);
        }
        let answer = post.send().await.unwrap();
        assert_eq!(answer.status().as_u16(), status, "{content_type:?}");
    }

    let head = "POST /GetCreditRegisterExtract HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    let malformed = format!("{head}zz\r\n{{}}\r\n0\r\n\r\n");
    assert_eq!(
        raw_exchange(&s, malformed.as_bytes()).await,
        "HTTP/1.1 400 Bad Request"
    );
    let chunk = "x".repeat(server::DEFAULT_MAX_BODY_BYTES + 1);
    let large = format!("{head}{:x}\r\n{chunk}\r\n0\r\n\r\n", chunk.len());
    assert_eq!(
        raw_exchange(&s, large.as_bytes()).await,
        "HTTP/1.1 413 Payload Too Large"
    );

    let base = s.running.base_url();
    for status in [100, 101, 200, 204, 302, 399, 600, 999] {
        let answer = http
            .post(format!("{base}/_standin/fail-next/{status}/1"))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status().as_u16(), 400, "{status}");
    }
    let answer = http
        .post(&url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200, "no refused status was set");
}

/// The test controls over HTTPS: only a known certificate may use them,
/// and what they set is what the next requests get.
#[tokio::test]
async fn test_controls_over_https() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let base = s.running.base_url();
    let known = raw_http(&s, Some(&s.certs.client));
    let unknown = raw_http(&s, Some(&s.certs.unknown_client));
    let post = |http: &reqwest::Client, path: &str| http.post(format!("{base}{path}")).send();

    let refused = post(&unknown, "/_standin/fail-next/503/1").await.unwrap();
    assert_eq!(refused.status().as_u16(), 403);
    let bad = post(&known, "/_standin/fail-next/42/1").await.unwrap();
    assert_eq!(bad.status().as_u16(), 400);
    let set = post(&known, "/_standin/fail-next/418/1").await.unwrap();
    assert_eq!(set.status().as_u16(), 204);

    // A status the document does not list reaches the client as such.
    let client = s.client();
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(
        matches!(&result, Err(Error::UnexpectedStatus { status: 418, .. })),
        "{result:?}"
    );

    let set = post(&known, "/_standin/delay-next/3000/1").await.unwrap();
    assert_eq!(set.status().as_u16(), 204);
    let pem = &s.certs.client;
    let impatient = s
        .client_with(Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let result = impatient
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(matches!(result, Err(Error::Timeout(_))), "{result:?}");
}

/// An answer over the client's limit is refused, not read whole.
#[tokio::test]
async fn answer_over_the_client_limit_is_refused() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let pem = &s.certs.client;
    let client = s
        .client_with(Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap())
        .max_response_bytes(100)
        .build()
        .unwrap();
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(
        matches!(
            &result,
            Err(Error::InvalidResponse {
                status: 200,
                error: ReadError::TooLarge { limit: 100 }
            })
        ),
        "{result:?}"
    );
}

/// A person the register holds nothing on gets an extract with nothing in
/// it.
#[tokio::test]
async fn unknown_person_gets_an_empty_extract() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let body = s
        .client()
        .get_credit_register_extract(&request_for("020504A902E"))
        .await
        .unwrap();
    let extract = extract(body);
    let summary = &extract.credit_information_summary;
    assert_eq!(
        (summary.loan_contracts_count, summary.lenders_count),
        (0, 0)
    );
    assert!(summary.loans.is_empty() && extract.income_data.is_empty());
    assert!(extract.voluntary_ban_on_credits.is_none());
    assert_eq!(extract.person_requested.id_code, "020504A902E");
}

/// Identities and roots that cannot be used are errors, not panics.
#[test]
fn unusable_certificates_are_errors() {
    let certs = pcr_standin::certs::TestCertificates::generate(KNOWN_LENDER).unwrap();
    let key = certs.client.key.as_bytes();
    assert!(matches!(
        Identity::from_pem(b"", key),
        Err(Error::Identity(_))
    ));
    assert!(matches!(
        Identity::from_pem(key, key),
        Err(Error::Identity(_))
    ));
    let cert = certs.client.certificate.as_bytes();
    assert!(matches!(
        Identity::from_pem(cert, b"not a key"),
        Err(Error::Identity(_))
    ));
    assert!(matches!(
        Identity::from_pkcs12(b"not an archive", "x"),
        Err(Error::Identity(_))
    ));
    let identity = Identity::from_pem(cert, key).unwrap();
    assert!(matches!(
        Client::builder(identity).root_certificate_pem(key),
        Err(Error::RootCertificate(_))
    ));
}

#[tokio::test]
async fn unavailable_is_retried_then_reported() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let client = s.client();
    // Two 503s, then the answer: within three retries.
    s.running.fail_next(503, 2);
    let body = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await
        .unwrap();
    assert_eq!(extract(body).person_requested.id_code, ORIGINAL_PARTY);
    // Five 503s: four attempts, then the error; the fifth is still pending.
    s.running.fail_next(503, 5);
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(
        matches!(result, Err(Error::Unavailable { attempts: 4 })),
        "{result:?}"
    );
    // 500 is not retried: had it been, the retry would have been answered.
    s.running.fail_next(500, 1);
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(
        matches!(result, Err(Error::SystemError { .. })),
        "{result:?}"
    );
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(result.is_ok(), "{result:?}");
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let pem = &s.certs.client;
    let identity = Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap();
    let client = s
        .client_with(identity)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    s.running.delay_next(Duration::from_secs(3), 1);
    let result = client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await;
    assert!(
        matches!(result, Err(Error::Timeout(t)) if t == Duration::from_millis(300)),
        "{result:?}"
    );
    // Timeouts are not retried; the next request is answered in time.
    assert!(client
        .get_credit_register_extract(&request_for(ORIGINAL_PARTY))
        .await
        .is_ok());
}

/// The fixture request with one byte range replaced by JSON-ish text.
fn mutated_request() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    let valid = serde_json::to_string(&request_for(ORIGINAL_PARTY)).unwrap();
    (
        any::<prop::sample::Index>(),
        0usize..24,
        "[\\[\\]{}\",:0-9a-zA-Z .-]{0,12}",
    )
        .prop_map(move |(at, len, with)| {
            let mut text = valid.clone();
            let start = at.index(text.len());
            let end = (start + len).min(text.len());
            text.replace_range(start..end, &with);
            text.into_bytes()
        })
}

/// Whatever the body, the stand-in answers 200 or 400 with located
/// errors: never a 500, never a dropped connection.
#[test]
fn any_body_gets_200_or_a_located_400() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config as RunConfig, TestCaseError, TestRunner};
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let s = runtime.block_on(stand_in(server::DEFAULT_MAX_BODY_BYTES));
    let client = s.client();
    let valid = serde_json::to_vec(&request_for(ORIGINAL_PARTY)).unwrap();
    let bodies = prop_oneof![
        4 => proptest::collection::vec(any::<u8>(), 0..300),
        4 => mutated_request(),
        1 => Just(valid),
    ];
    let mut runner = TestRunner::new(RunConfig {
        failure_persistence: None,
        ..RunConfig::with_cases(300)
    });
    let (ok, rejected) = (std::cell::Cell::new(0usize), std::cell::Cell::new(0usize));
    runner
        .run(&bodies, |body| {
            match runtime.block_on(client.send_unchecked(body)) {
                Ok(_) => ok.set(ok.get() + 1),
                Err(Error::Rejected { body, .. }) => {
                    prop_assert!(!body.error_responses.is_empty());
                    prop_assert!(body
                        .error_responses
                        .iter()
                        .all(|e| !e.error_code.is_empty()));
                    rejected.set(rejected.get() + 1);
                }
                Err(other) => return Err(TestCaseError::fail(format!("{other:?}"))),
            }
            Ok(())
        })
        .unwrap();
    // Both kinds of answer were seen, so the property was not vacuous.
    assert!(
        ok.get() > 0 && rejected.get() > 0,
        "{} answered, {} rejected",
        ok.get(),
        rejected.get()
    );
}

/// Since 1 April 2026 the register accepts `NewLoan`: a client with its
/// defaults validates for the stage in force today and sends it; one told
/// the first stage does not.
#[tokio::test]
async fn the_client_validates_for_the_stage_in_force_today() {
    use pcr_models::codesets::CreditRegisterExtractPurpose as Purpose;
    use pcr_runtime::Stage;

    let s = stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let mut request = request_for(ORIGINAL_PARTY);
    request.request.credit_register_extract_purpose = vec![Purpose::NewLoan];
    let client = s.client();
    let ctx = client.context();
    assert_eq!(ctx.stage, Stage::Second);
    assert_eq!(ctx.environment, Environment::Test);
    assert_eq!(ctx.today, pcr_runtime::context::register_today());
    let answer = client.get_credit_register_extract(&request).await.unwrap();
    assert_eq!(extract(answer).person_requested.id_code, ORIGINAL_PARTY);

    let first = {
        let pem = &s.certs.client;
        let identity = Identity::from_pem(pem.certificate.as_bytes(), pem.key.as_bytes()).unwrap();
        s.client_with(identity).stage(Stage::First).build().unwrap()
    };
    assert_eq!(first.context().stage, Stage::First);
    let Err(Error::NotSent(errors)) = first.get_credit_register_extract(&request).await else {
        panic!("expected NotSent");
    };
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path.as_str(), &*e.code)).collect();
    assert_eq!(
        found,
        [(
            "request.creditRegisterExtractPurpose[0]",
            "PCR-STAGE-NOT-ALLOWED"
        )]
    );
}

/// Limits low enough to test: a second for headers and for a body, three
/// connections.
fn tight() -> server::Limits {
    server::Limits {
        header_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(1),
        max_connections: 3,
    }
}

/// A connection that sends nothing after the handshake, or its headers a
/// byte at a time, is closed after the header timeout; a body sent a byte
/// at a time gets 408 after the body timeout.
#[tokio::test]
async fn slow_and_idle_connections_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = stand_in_with(server::DEFAULT_MAX_BODY_BYTES, tight()).await;

    let mut idle = connect(&s).await;
    assert!(
        closed_within(&mut idle, Duration::from_secs(5)).await,
        "an idle connection stays open"
    );

    // 46 bytes at 200 ms take 9 s; the stand-in stops listening after 1.
    let mut slow = connect(&s).await;
    let head = b"POST /GetCreditRegisterExtract HTTP/1.1\r\nHost: localhost\r\n";
    let mut refused = false;
    for byte in head {
        if slow.write_all(&[*byte]).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(refused || closed_within(&mut slow, Duration::from_millis(100)).await);

    let mut body = connect(&s).await;
    body.write_all(b"POST /GetCreditRegisterExtract HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
        .await
        .unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 1024];
    for _ in 0..50 {
        let _ = body.write_all(b" ").await;
        tokio::select! {
            read = body.read(&mut buffer) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buffer[..n]),
            },
            _ = tokio::time::sleep(Duration::from_millis(200)) => {}
        }
        if answer.windows(2).any(|w| w == b"\r\n") {
            break;
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert_eq!(answer.lines().next(), Some("HTTP/1.1 408 Request Timeout"));
}

/// With as many idle connections held as the stand-in takes, a client is
/// still answered: the idle ones are closed after the header timeout, and
/// the client's connection is accepted then.
#[tokio::test]
async fn a_client_gets_through_while_idle_connections_are_held() {
    let s = stand_in_with(server::DEFAULT_MAX_BODY_BYTES, tight()).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(connect(&s).await);
    }
    let client = s.client();
    let answer = tokio::time::timeout(
        Duration::from_secs(10),
        client.get_credit_register_extract(&request_for(ORIGINAL_PARTY)),
    )
    .await
    .expect("answered while idle connections were held");
    extract(answer.unwrap());
    // The held connections were cut off to make room.
    for mut tls in held {
        assert!(closed_within(&mut tls, Duration::from_secs(1)).await);
    }
}
