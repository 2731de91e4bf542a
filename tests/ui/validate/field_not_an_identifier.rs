use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    id_code_type: u8,
    #[pcr(required_if(field = "id_code_type", equals = 1, code = "D40"))]
    country_code: Option<String>,
}

fn main() {}
