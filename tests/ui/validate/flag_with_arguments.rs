use pcr_runtime::Validate;

#[derive(Validate)]
struct Inner {}

#[derive(Validate)]
struct Outer {
    #[pcr(nested(code = "X"))]
    inner: Inner,
}

fn main() {}
