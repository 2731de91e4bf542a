use pcr_runtime::Validate;

#[derive(Validate)]
struct IdCode(String);

fn main() {}
