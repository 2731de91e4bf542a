use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(allowed(values = 1, code = "PCR-VALUE-NOT-ALLOWED"))]
    id_code_type: u8,
}

fn main() {}
