use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(code = "PCR-REQUIRED"))]
    #[pcr(required(code = "PCR-REQUIRED"))]
    country_code: Option<String>,
}

fn main() {}
