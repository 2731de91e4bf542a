use pcr_runtime::Validate;

// Three mistakes, three errors: no cascade, and the struct still has an impl.
#[derive(Validate)]
struct Owner {
    #[pcr(requird(code = "PCR-REQUIRED"))]
    id_code: Option<String>,
    #[pcr(max_chars(max = "64", code = "PCR-STRING-TOO-LONG"))]
    name: String,
    #[pcr(required_if(field = nowhere, equals = 1, code = "D40"))]
    country_code: Option<String>,
}

fn validates<T: Validate>() {}

fn main() {
    validates::<Owner>();
}
