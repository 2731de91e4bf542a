//! Generating the v1.4 models: load, check, emit and format.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

fn generate(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/credit-register-extract/v1.4.yaml"
    ))
    .unwrap();
    let mut group = c.benchmark_group("generate-v1.4");
    group.sample_size(20);
    group.bench_function("load-and-check", |b| {
        b.iter(|| pcr_codegen::spec::load_str("v1.4.yaml", black_box(&text)).unwrap())
    });
    let spec = pcr_codegen::spec::load_str("v1.4.yaml", &text).unwrap();
    group.bench_function("emit-and-format", |b| {
        b.iter(|| pcr_codegen::emit::emit(black_box(&spec)).unwrap())
    });
    group.bench_function("all", |b| {
        b.iter(|| {
            let spec = pcr_codegen::spec::load_str("v1.4.yaml", black_box(&text)).unwrap();
            pcr_codegen::emit::emit(&spec).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
