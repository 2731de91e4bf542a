use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(rename = countryCode)]
    country_code: Option<String>,
}

fn main() {}
