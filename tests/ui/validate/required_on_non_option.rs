use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(required(code = "PCR-REQUIRED"))]
    id_code: String,
}

fn main() {}
