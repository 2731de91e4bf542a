use pcr_runtime::Validate;

#[derive(Validate)]
enum Body {
    #[pcr(rename = "owner")]
    Owner(String),
}

fn main() {}
