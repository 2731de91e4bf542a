//! The derive's code names everything by absolute path: it compiles beside
//! types that shadow the prelude's.

#![allow(dead_code)]

use pcr_runtime::{Context, Stage, Validate};

struct Option;
struct Result;
struct Some;
struct None;
struct Vec;
struct String;

#[derive(Validate)]
#[pcr(rename_all = "camelCase")]
struct Owner {
    #[pcr(required(code = "PCR-REQUIRED"))]
    country_code: ::core::option::Option<std::string::String>,
    #[pcr(min_items(min = 1, code = "PCR-TOO-FEW-ITEMS"))]
    #[pcr(max_chars(max = 2, code = "PCR-STRING-TOO-LONG"))]
    names: std::vec::Vec<std::string::String>,
    #[pcr(range(min = 0, code = "PCR-OUT-OF-RANGE"))]
    count: ::core::option::Option<i32>,
}

#[test]
fn shadowed_prelude_names_do_not_break_the_derive() {
    let owner = Owner {
        country_code: ::core::option::Option::None,
        names: vec!["abc".into()],
        count: ::core::option::Option::Some(-1),
    };
    let ctx = Context::new(Stage::First, pcr_runtime::time::Date::MIN);
    let errors = owner.validate(&ctx).unwrap_err();
    let paths: std::vec::Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["countryCode", "names[0]", "count"]);
}
