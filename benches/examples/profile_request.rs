//! Reads the benchmark's valid request (or its 50-loan extract) many times,
//! for a profiler or an instruction count:
//!
//! ```text
//! valgrind --tool=callgrind target/release/examples/profile_request [ROUNDS] [ours|floor|plain|garde|value] [request|extract|200|request-errors|extract-errors|extract-unknown|extract-peers]
//! ```
//!
//! `ours` reads with `json::read` (the default); `floor` with serde alone
//! into the generated types; `plain` with serde into plain std types;
//! `garde` into the hand-written garde structs, validated by garde. `200`
//! reads the 50-loan extract as the body of an HTTP 200 response
//! (`Status200Body`), `ours` or `floor` only; `request-errors` and
//! `extract-errors` read the inputs with errors that parse but break rules.
//! `extract-unknown` is the 50-loan extract with one member v1.4 does not
//! know, `extract-peers` the same extract in the peers' nesting: both take
//! `ours` through the slow path that keeps unknown members and applies a
//! reading; `value` reads them into a `serde_json::Value`, which keeps
//! everything and checks nothing.

use pcr_benches::{context, floor, garde, garde_models, inputs, ours, plain_floor, plain_models};
use pcr_models::{extract, request, Status200Body};

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let contender = args.next().unwrap_or_else(|| "ours".into());
    let input = args.next().unwrap_or_else(|| "request".into());
    let ctx = context();
    let text = match input.as_str() {
        "extract" | "200" => inputs::extract(50, true),
        "extract-errors" => inputs::extract(50, false),
        "request-errors" => inputs::request(false),
        "extract-unknown" => inputs::extract_with_unknown(50),
        "extract-peers" => inputs::extract_in_peers_layout(50),
        _ => inputs::request(true),
    };
    let input = input
        .trim_end_matches("-errors")
        .trim_end_matches("-unknown")
        .trim_end_matches("-peers");
    let mut valid = 0;
    for _ in 0..rounds {
        let text = std::hint::black_box(&text);
        valid += usize::from(match (contender.as_str(), input) {
            ("value", _) => serde_json::from_str::<serde_json::Value>(text).is_ok(),
            ("garde", "extract") => garde::<garde_models::Extract>(text).is_ok(),
            ("garde", _) => garde::<garde_models::Request>(text).is_ok(),
            ("plain", "extract") => plain_floor::<plain_models::Extract>(text).is_some(),
            ("plain", _) => plain_floor::<plain_models::Request>(text).is_some(),
            ("floor", "extract") => floor::<extract::Message>(text).is_some(),
            ("floor", "200") => floor::<Status200Body>(text).is_some(),
            (_, "200") => ours::<Status200Body>(text, &ctx).is_ok(),
            ("floor", _) => floor::<request::Message>(text).is_some(),
            (_, "extract") => ours::<extract::Message>(text, &ctx).is_ok(),
            _ => ours::<request::Message>(text, &ctx).is_ok(),
        });
    }
    println!("{valid} of {rounds} valid");
}
