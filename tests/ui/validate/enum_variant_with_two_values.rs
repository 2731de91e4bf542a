use pcr_runtime::Validate;

#[derive(Validate)]
enum Body {
    Pair(String, String),
}

fn main() {}
