//! Load on the stand-in: N concurrent clients, each its own `pcr_client`
//! with its own TLS connection, sending extract requests for the original
//! party for a while; prints throughput and latency percentiles per N.
//!
//! ```text
//! cargo run --release -q -p pcr-standin --example load -- [SECONDS] [N...]
//! ```
//!
//! Defaults: 5 seconds, N = 1 4 16 64. Client and server share the
//! machine (and its 2 cores, on the project's runners), so the figures are
//! for the pair, each request a full parse + validate on both ends, the
//! disclosure of a two-loan extract, and TLS.

use std::time::{Duration, Instant};

use pcr_client::{Client, Identity};
use pcr_models::codesets::{CreditRegisterExtractPurpose, IdCodeType, TargetEnvironment};
use pcr_models::request;
use pcr_standin::certs::{TestCertificates, KNOWN_LENDER};
use pcr_standin::data::Dataset;
use pcr_standin::server::{self, Config};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().map_or(5, |s| s.parse().expect("SECONDS"));
    let mut counts: Vec<usize> = args.map(|s| s.parse().expect("N")).collect();
    if counts.is_empty() {
        counts = vec![1, 4, 16, 64];
    }
    let certs = TestCertificates::generate(KNOWN_LENDER).expect("certificates");
    let config = Config {
        dataset: Dataset::bundled().expect("the bundled dataset"),
        client_ca: certs.ca.clone(),
        server_certificate: certs.server.certificate.clone(),
        server_key: certs.server.key.clone(),
        max_body_bytes: server::DEFAULT_MAX_BODY_BYTES,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let running = server::start(config, listener).expect("start");
    let request = request::Message::new(
        TargetEnvironment::Test,
        request::Owner {
            id_code_type: IdCodeType::BusinessId,
            id_code: KNOWN_LENDER.into(),
            country_code: None,
        },
        request::Request {
            id_code_type: IdCodeType::PersonalIdentityCode,
            id_code: "010594Y9032".into(),
            credit_register_extract_purpose: vec![CreditRegisterExtractPurpose::NewConsumerCredit],
        },
    );
    println!("| clients | requests | requests/s | p50 | p99 | max |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in counts {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for _ in 0..n {
            let identity = Identity::from_pem(
                certs.client.certificate.as_bytes(),
                certs.client.key.as_bytes(),
            )
            .expect("identity");
            let client = Client::builder(identity)
                .base_url(running.base_url())
                .built_in_roots(false)
                .root_certificate_pem(certs.ca.as_bytes())
                .expect("CA")
                .build()
                .expect("client");
            let request = request.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let start = Instant::now();
                    client
                        .get_credit_register_extract(&request)
                        .await
                        .expect("an extract");
                    latencies.push(start.elapsed());
                }
                latencies
            }));
        }
        let started = Instant::now();
        let mut latencies = Vec::new();
        for task in tasks {
            latencies.extend(task.await.expect("a client task"));
        }
        let elapsed = started.elapsed().as_secs_f64();
        latencies.sort();
        let at = |q: f64| {
            let i = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
            format!("{:.2} ms", latencies[i].as_secs_f64() * 1e3)
        };
        println!(
            "| {n} | {} | {:.0} | {} | {} | {} |",
            latencies.len(),
            latencies.len() as f64 / elapsed,
            at(0.50),
            at(0.99),
            at(1.0)
        );
    }
    running.stop().await;
}
