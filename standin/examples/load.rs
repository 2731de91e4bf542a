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

#[path = "../tests/common/mod.rs"]
mod common;

use pcr_standin::server;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().map_or(5, |s| s.parse().expect("SECONDS"));
    let mut counts: Vec<usize> = args.map(|s| s.parse().expect("N")).collect();
    if counts.is_empty() {
        counts = vec![1, 4, 16, 64];
    }
    let stand_in = common::stand_in(server::DEFAULT_MAX_BODY_BYTES).await;
    let request = common::request_for(common::ORIGINAL_PARTY);
    println!("| clients | requests | requests/s | p50 | p99 | max |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for n in counts {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for _ in 0..n {
            let client = stand_in.client();
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
    stand_in.running.stop().await;
}
