use pcr_runtime::Validate;

#[derive(Validate)]
struct Pair(#[pcr(rename = "first")] String, String);

fn main() {}
