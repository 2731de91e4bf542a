use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(code = "PCR-REQUIRED", code = "D40"))]
    country_code: Option<String>,
}

fn main() {}
