use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(cod = "PCR-REQUIRED"))]
    country_code: Option<String>,
}

fn main() {}
