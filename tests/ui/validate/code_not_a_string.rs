use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(code = 40))]
    country_code: Option<String>,
}

fn main() {}
