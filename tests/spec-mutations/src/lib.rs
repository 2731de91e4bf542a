//! v1.4 with one name changed at a time (`build.rs` lists the mutations):
//! each the spec check accepts is generated and compiled here, a module
//! each; the outcome of every one is in `OUTCOMES`.

#![allow(clippy::all)]

include!(concat!(env!("OUT_DIR"), "/modules.rs"));
include!(concat!(env!("OUT_DIR"), "/outcomes.rs"));
