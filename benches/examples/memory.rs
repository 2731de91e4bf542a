//! Peak heap memory per input byte, for reading (and validating) each
//! benchmark input and for disclosing the register-side record, beside
//! what a user would pick instead:
//!
//! ```text
//! cargo run --release -p pcr-benches --example memory
//! ```
//!
//! For each case: the heap in use just before (the input text, or the
//! parsed record, already there) is the baseline; the table gives the
//! most heap in use above it during the call, and what is still held
//! when the call has returned (the value read), each divided by the
//! input's size in bytes. Every case runs once unmeasured first, so that
//! one-time allocations (lazily built tables) are not counted.

use pcr_benches::{context, floor, garde, garde_models, inputs, ours, plain_floor, plain_models};
use pcr_models::{extract, request, Status200Body};
use pcr_runtime::Disclose;
use peak_alloc::PeakAlloc;

/// What serde offers for a body that is one of two messages: an untagged
/// enum, which buffers the whole body as serde's own value tree first.
#[derive(serde::Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    Extract(extract::Message),
    Deceased(pcr_models::deceased::Message),
}

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// (peak above the baseline, held after) in bytes, for one call of `f`.
fn measure<T>(mut f: impl FnMut() -> T) -> (usize, usize) {
    drop(f());
    let baseline = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let value = f();
    let peak = HEAP.peak_usage() - baseline;
    let held = HEAP.current_usage().saturating_sub(baseline);
    drop(std::hint::black_box(value));
    (peak, held)
}

fn row(input: &str, bytes: usize, contender: &str, (peak, held): (usize, usize)) {
    let per = |n: usize| n as f64 / bytes as f64;
    println!(
        "| {input} | {bytes} | {contender} | {peak} | {:.2}× | {:.2}× |",
        per(peak),
        per(held)
    );
}

fn main() {
    let ctx = context();
    println!("| input | bytes | contender | peak above baseline (bytes) | peak / input | held after / input |");
    println!("| --- | --- | --- | --- | --- | --- |");

    let text = inputs::request(true);
    let n = text.len();
    row(
        "request",
        n,
        "a0: plain floor",
        measure(|| plain_floor::<plain_models::Request>(&text).unwrap()),
    );
    row(
        "request",
        n,
        "a: serde floor",
        measure(|| floor::<request::Message>(&text).unwrap()),
    );
    row(
        "request",
        n,
        "b: pcr-models",
        measure(|| ours::<request::Message>(&text, &ctx).unwrap()),
    );
    row(
        "request",
        n,
        "c: garde",
        measure(|| garde::<garde_models::Request>(&text).unwrap()),
    );

    let text = inputs::extract(50, true);
    let n = text.len();
    let name = "extract, 50 loans";
    row(
        name,
        n,
        "a0: plain floor",
        measure(|| plain_floor::<plain_models::Extract>(&text).unwrap()),
    );
    row(
        name,
        n,
        "a: serde floor",
        measure(|| floor::<extract::Message>(&text).unwrap()),
    );
    row(
        name,
        n,
        "b: pcr-models",
        measure(|| ours::<extract::Message>(&text, &ctx).unwrap()),
    );
    row(
        name,
        n,
        "c: garde",
        measure(|| garde::<garde_models::Extract>(&text).unwrap()),
    );
    row(
        name,
        n,
        "`serde_json::Value`",
        measure(|| serde_json::from_str::<serde_json::Value>(&text).unwrap()),
    );

    let name = "200 body (extract, 50 loans)";
    // The exact decimals are read from the number's text, which serde's
    // buffer of an untagged enum does not keep: it cannot read the body.
    match floor::<Untagged>(&text) {
        Some(_) => row(
            name,
            n,
            "serde `untagged` enum",
            measure(|| floor::<Untagged>(&text)),
        ),
        None => println!("| {name} | {n} | serde `untagged` enum | refuses the body | – | – |"),
    }
    row(
        name,
        n,
        "a: serde floor",
        measure(|| floor::<Status200Body>(&text).unwrap()),
    );
    row(
        name,
        n,
        "b: pcr-models",
        measure(|| ours::<Status200Body>(&text, &ctx).unwrap()),
    );

    let (record, disclosure) = pcr_benches::disclosure_input();
    let n = inputs::register_extract(50).len();
    let name = "disclose, 50 loans";
    row(name, n, "clone", measure(|| record.clone()));
    row(
        name,
        n,
        "b: pcr-models",
        measure(|| record.disclose(&disclosure)),
    );
}
