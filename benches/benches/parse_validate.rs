//! Parse and validate the same inputs: serde alone (the floors),
//! pcr-models, hand-written garde structs, a hand-written JSON Schema and
//! the JSON Schema `pcr-codegen` exports.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pcr_benches::{
    context, floor, garde, garde_models, inputs, json_schema, ours, plain_floor, plain_models,
    schema, validator,
};
use pcr_models::{extract, request};

fn requests(c: &mut Criterion) {
    let ctx = context();
    let schema = validator(&schema::request());
    let exported = schema::exported("request");
    let mut group = c.benchmark_group("request");
    for valid in [true, false] {
        let text = inputs::request(valid);
        let name = if valid { "valid" } else { "errors" };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("a0-plain-floor", name), &text, |b, t| {
            b.iter(|| plain_floor::<plain_models::Request>(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("a-serde-floor", name), &text, |b, t| {
            b.iter(|| floor::<request::Message>(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("b-pcr-models", name), &text, |b, t| {
            b.iter(|| ours::<request::Message>(black_box(t), &ctx))
        });
        group.bench_with_input(BenchmarkId::new("c-garde", name), &text, |b, t| {
            b.iter(|| garde::<garde_models::Request>(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("d-jsonschema", name), &text, |b, t| {
            b.iter(|| json_schema::<request::Message>(&schema, black_box(t)))
        });
        group.bench_with_input(
            BenchmarkId::new("e-exported-schema", name),
            &text,
            |b, t| b.iter(|| json_schema::<request::Message>(&exported, black_box(t))),
        );
    }
    group.finish();
}

fn extracts(c: &mut Criterion) {
    let ctx = context();
    let schema = validator(&schema::extract());
    let exported = schema::exported("extract");
    for loans in [1, 50] {
        let mut group = c.benchmark_group(format!("extract-{loans}-loans"));
        for valid in [true, false] {
            let text = inputs::extract(loans, valid);
            let name = if valid { "valid" } else { "errors" };
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("a0-plain-floor", name), &text, |b, t| {
                b.iter(|| plain_floor::<plain_models::Extract>(black_box(t)))
            });
            group.bench_with_input(BenchmarkId::new("a-serde-floor", name), &text, |b, t| {
                b.iter(|| floor::<extract::Message>(black_box(t)))
            });
            group.bench_with_input(BenchmarkId::new("b-pcr-models", name), &text, |b, t| {
                b.iter(|| ours::<extract::Message>(black_box(t), &ctx))
            });
            group.bench_with_input(BenchmarkId::new("c-garde", name), &text, |b, t| {
                b.iter(|| garde::<garde_models::Extract>(black_box(t)))
            });
            group.bench_with_input(BenchmarkId::new("d-jsonschema", name), &text, |b, t| {
                b.iter(|| json_schema::<extract::Message>(&schema, black_box(t)))
            });
            group.bench_with_input(
                BenchmarkId::new("e-exported-schema", name),
                &text,
                |b, t| b.iter(|| json_schema::<extract::Message>(&exported, black_box(t))),
            );
        }
        group.finish();
    }
}

/// What a request's validation context costs, made as a client or the
/// stand-in makes one per request: before the calendar, the UTC date and a
/// fixed stage; now the day in Finland and the stage the calendar gives.
fn contexts(c: &mut Criterion) {
    use pcr_runtime::{Context, Environment, Stage};
    let mut group = c.benchmark_group("context");
    group.bench_function("utc-day-fixed-stage", |b| {
        b.iter(|| Context::new(Stage::First, time::OffsetDateTime::now_utc().date()))
    });
    group.bench_function("finnish-day-calendar-stage", |b| {
        b.iter(|| pcr_models::STAGE_CALENDAR.context_today(black_box(Environment::Test)))
    });
    group.finish();
}

criterion_group!(benches, requests, extracts, contexts);
criterion_main!(benches);
