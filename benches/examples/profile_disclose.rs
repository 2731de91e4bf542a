//! Discloses the benchmark's 50-loan register-side extract many times, for a
//! profiler: `valgrind --tool=callgrind target/release/examples/profile_disclose`.

use pcr_runtime::Disclose;

fn main() {
    let (record, ctx) = pcr_benches::disclosure_input();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let mut loans = 0;
    for _ in 0..rounds {
        loans += std::hint::black_box(&record)
            .disclose(&ctx)
            .credit_information_summary
            .loans
            .len();
    }
    println!("{loans} loans disclosed");
}
