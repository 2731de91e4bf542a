use pcr_runtime::Validate;

#[derive(Validate)]
#[pcr(rename_all = "lowerCamelCase")]
struct Owner {
    country_code: Option<String>,
}

fn main() {}
