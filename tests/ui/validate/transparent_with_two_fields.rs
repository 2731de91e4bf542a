use pcr_runtime::Validate;

#[derive(Validate)]
#[pcr(transparent)]
struct Pair(String, String);

fn main() {}
