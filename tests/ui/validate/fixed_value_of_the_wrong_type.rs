use pcr_runtime::Validate;

#[derive(Validate)]
struct Loan {
    #[pcr(fixed(value = "true", code = "PCR-FIXED"))]
    is_original_party: bool,
}

fn main() {}
