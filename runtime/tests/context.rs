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
}
