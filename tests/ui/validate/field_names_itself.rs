use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required_if(field = country_code, equals = None, code = "D40"))]
    country_code: Option<String>,
}

fn main() {}
