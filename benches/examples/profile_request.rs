//! Parses and validates the benchmark's valid request many times, for a
//! profiler: `valgrind --tool=callgrind target/release/examples/profile_request`.

use pcr_benches::{context, inputs, ours};
use pcr_models::request;

fn main() {
    let text = inputs::request(true);
    let ctx = context();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let mut valid = 0;
    for _ in 0..rounds {
        valid += usize::from(ours::<request::Message>(std::hint::black_box(&text), &ctx).is_ok());
    }
    println!("{valid} of {rounds} valid");
}
