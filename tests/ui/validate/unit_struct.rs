use pcr_runtime::Validate;

#[derive(Validate)]
struct Nothing;

fn main() {}
