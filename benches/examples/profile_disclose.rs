//! Discloses the benchmark's 50-loan register-side extract many times, for a
//! profiler: `valgrind --tool=callgrind target/release/examples/profile_disclose`.

use pcr_benches::inputs;
use pcr_models::extract;
use pcr_runtime::disclosure::Party;
use pcr_runtime::{Disclose, DisclosureContext};

fn main() {
    let record: extract::register::Message =
        serde_json::from_str(&inputs::register_extract(50)).unwrap();
    let ctx = DisclosureContext {
        party: Party::AddedOn(time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap()),
        reader_id_code: Some("020594X903P".into()),
        today: time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    };
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
