//! The timing table of BENCHMARKS.md, from criterion's last run of the
//! `parse_validate` bench: medians, throughput, and the ratios the
//! performance goals are stated in. `benches/table.sh` runs the bench, then
//! this, then the memory table.
//!
//! ```text
//! cargo run --release -p pcr-benches --example report
//! ```

use std::path::{Path, PathBuf};

use pcr_benches::inputs;

/// criterion's median for one benchmark, in nanoseconds.
fn median(root: &Path, group: &str, contender: &str, input: &str) -> Result<f64, String> {
    let file = root
        .join(group)
        .join(contender)
        .join(input)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "{}: {e} (run the bench first: benches/table.sh)",
            file.display()
        )
    })?;
    let estimates: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    estimates["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no median", file.display()))
}

fn time(ns: f64) -> String {
    if ns >= 1_000.0 {
        format!("{:.1} µs", ns / 1_000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

fn main() -> Result<(), String> {
    let root = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("criterion");
    let cases = [
        ("request", "request", inputs::request(true).len()),
        (
            "extract, 1 loan",
            "extract-1-loans",
            inputs::extract(1, true).len(),
        ),
        (
            "extract, 50 loans",
            "extract-50-loans",
            inputs::extract(50, true).len(),
        ),
    ];
    println!("| input | a0: plain floor | a: serde floor | b: pcr-models | c: garde | d: JSON Schema | e: exported schema | b / a | b / a0 | b / c | e / b |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (name, group, bytes) in cases {
        for input in ["valid", "errors"] {
            let m = |contender| median(&root, group, contender, input);
            let (a0, a, b, c, d, e) = (
                m("a0-plain-floor")?,
                m("a-serde-floor")?,
                m("b-pcr-models")?,
                m("c-garde")?,
                m("d-jsonschema")?,
                m("e-exported-schema")?,
            );
            // MiB/s of the valid input's bytes.
            let rate = |ns: f64| {
                if input == "valid" {
                    format!(
                        " ({:.0} MiB/s)",
                        bytes as f64 / ns * 1e9 / (1024.0 * 1024.0)
                    )
                } else {
                    String::new()
                }
            };
            println!(
                "| {name}, {input} | {}{} | {}{} | {}{} | {} | {} | {} | {:.2}× | {:.2}× | {:.2}× | {:.1}× |",
                time(a0),
                rate(a0),
                time(a),
                rate(a),
                time(b),
                rate(b),
                time(c),
                time(d),
                time(e),
                b / a,
                b / a0,
                b / c,
                e / b
            );
        }
    }
    Ok(())
}
