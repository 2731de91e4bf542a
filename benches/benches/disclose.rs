//! Disclosing a 50-loan extract to a party added later, beside a plain
//! clone of the same register-side value.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use pcr_benches::inputs;
use pcr_models::extract;
use pcr_runtime::disclosure::Party;
use pcr_runtime::{Disclose, DisclosureContext};

fn disclose(c: &mut Criterion) {
    let record: extract::register::Message =
        serde_json::from_str(&inputs::register_extract(50)).unwrap();
    let ctx = DisclosureContext {
        party: Party::AddedOn(time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap()),
        reader_id_code: Some("020594X903P".into()),
        today: time::Date::from_calendar_date(2024, time::Month::September, 2).unwrap(),
    };
    let mut group = c.benchmark_group("disclose-50-loans");
    group.bench_function("clone", |b| b.iter(|| black_box(&record).clone()));
    group.bench_function("disclose-added-party", |b| {
        b.iter(|| black_box(&record).disclose(&ctx))
    });
    group.finish();
}

criterion_group!(benches, disclose);
criterion_main!(benches);
