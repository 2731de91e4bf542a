use pcr_runtime::Validate;

#[derive(Validate)]
#[pcr(rename_al = "camelCase")]
struct Owner {
    country_code: Option<String>,
}

fn main() {}
