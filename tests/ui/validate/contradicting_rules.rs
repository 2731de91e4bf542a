use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(code = "PCR-REQUIRED"), optional)]
    country_code: Option<String>,
}

fn main() {}
