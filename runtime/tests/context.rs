//! The caller's own context in `Context`: read back by type, and equal only
//! to a context that holds the same one.

use pcr_runtime::{date, Context, Stage};

struct Policy(u32);

#[test]
fn a_user_context_is_read_back_by_its_type_and_compared_by_identity() {
    let plain = Context::new(Stage::First, date!(2024 - 01 - 04));
    assert_eq!(plain, plain.clone());
    assert!(plain.user::<Policy>().is_none());
    let with = plain.clone().with_user(Policy(3));
    assert_eq!(with.user::<Policy>().map(|p| p.0), Some(3));
    assert!(with.user::<u32>().is_none());
    // The same user context (a clone shares it) is equal; another, even
    // with the same content, or none, is not.
    assert_eq!(with, with.clone());
    assert_ne!(with, plain);
    assert_ne!(with, plain.clone().with_user(Policy(3)));
    assert_ne!(
        with,
        Context::new(Stage::Second, date!(2024 - 01 - 04)).with_user(Policy(3))
    );
    assert!(format!("{with:?}").contains("user: Some"));
    // The environment is part of a context too.
    let production = plain
        .clone()
        .with_environment(pcr_runtime::Environment::Production);
    assert_ne!(production, plain);
    assert_eq!(
        production
            .clone()
            .with_environment(pcr_runtime::Environment::Test),
        plain
    );
}

/// The register's day is the date in Helsinki: UTC+2, UTC+3 in summer time
/// (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October), so 21:00 UTC is the next day in summer and 22:00 in
/// winter, and the day the clocks change follows the new offset.
#[test]
fn the_register_day_is_the_date_in_helsinki() {
    use pcr_runtime::context::register_date;
    use time::macros::datetime;
    for (at, day) in [
        (datetime!(2027-01-03 21:59 UTC), date!(2027 - 01 - 03)),
        (datetime!(2027-01-03 22:00 UTC), date!(2027 - 01 - 04)),
        (datetime!(2026-07-01 20:59 UTC), date!(2026 - 07 - 01)),
        (datetime!(2026-07-01 21:00 UTC), date!(2026 - 07 - 02)),
        // The day before summer time, and its first day.
        (datetime!(2026-03-28 21:00 UTC), date!(2026 - 03 - 28)),
        (datetime!(2026-03-29 21:00 UTC), date!(2026 - 03 - 30)),
        // The last day of summer time, and the first after.
        (datetime!(2026-10-24 21:00 UTC), date!(2026 - 10 - 25)),
        (datetime!(2026-10-25 21:00 UTC), date!(2026 - 10 - 25)),
        (datetime!(2026-10-25 22:00 UTC), date!(2026 - 10 - 26)),
        // Another offset than UTC's is the same instant.
        (datetime!(2026-07-01 23:30 +02:00), date!(2026 - 07 - 02)),
    ] {
        assert_eq!(register_date(at), day, "{at}");
    }
}
