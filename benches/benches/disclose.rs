//! Disclosing a 50-loan extract to a party added later, beside a plain
//! clone of the same register-side value.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use pcr_runtime::Disclose;

fn disclose(c: &mut Criterion) {
    let (record, ctx) = pcr_benches::disclosure_input();
    let mut group = c.benchmark_group("disclose-50-loans");
    group.bench_function("clone", |b| b.iter(|| black_box(&record).clone()));
    group.bench_function("disclose-added-party", |b| {
        b.iter(|| black_box(&record).disclose(&ctx))
    });
    group.finish();
}

criterion_group!(benches, disclose);
criterion_main!(benches);
