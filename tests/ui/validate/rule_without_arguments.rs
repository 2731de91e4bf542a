use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required)]
    country_code: Option<String>,
}

fn main() {}
