//! The stage calendar the models carry is the spec's: for any day and
//! environment, the stage `STAGE_CALENDAR` derives is the one whose start
//! in the spec's `stages` is the latest on or before that day.

use pcr_codegen::spec::{self, Stage as SpecStage};
use pcr_models::STAGE_CALENDAR;
use pcr_runtime::{Environment, Stage};
use proptest::prelude::*;

fn spec_stage(spec: &spec::Spec, environment: &str, day: time::Date) -> Stage {
    let latest = spec
        .stages
        .iter()
        .filter_map(|s| {
            s.starts
                .iter()
                .find(|st| st.environment.value == environment && st.date.value <= day)
                .map(|st| (st.date.value, s.stage.value))
        })
        .max();
    match latest.map(|(_, stage)| stage) {
        Some(SpecStage::Second) => Stage::Second,
        Some(SpecStage::First) | None => Stage::First,
    }
}

proptest! {
    #[test]
    fn the_stage_of_any_day_is_the_specs(days in 0i64..5000, production: bool) {
        static SPEC: std::sync::OnceLock<spec::Spec> = std::sync::OnceLock::new();
        let spec = SPEC.get_or_init(|| {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../", "spec/credit-register-extract/v1.4.yaml");
            spec::load(std::path::Path::new(path)).unwrap()
        });
        let day = time::macros::date!(2022 - 01 - 01) + time::Duration::days(days);
        let (environment, name) = if production {
            (Environment::Production, "production")
        } else {
            (Environment::Test, "test")
        };
        prop_assert_eq!(STAGE_CALENDAR.stage_on(environment, day), spec_stage(spec, name, day));
        prop_assert_eq!(STAGE_CALENDAR.context(environment, day).stage, spec_stage(spec, name, day));
    }
}

#[test]
fn the_second_stage_starts_on_1_april_2026_in_both_environments() {
    for environment in [Environment::Test, Environment::Production] {
        let on = |day| STAGE_CALENDAR.stage_on(environment, day);
        assert_eq!(on(time::macros::date!(2026 - 03 - 31)), Stage::First);
        assert_eq!(on(time::macros::date!(2026 - 04 - 01)), Stage::Second);
    }
}
