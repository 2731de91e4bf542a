use pcr_runtime::Validate;

#[derive(Validate)]
#[pcr(transparent)]
enum Body {
    Owner(String),
}

fn main() {}
