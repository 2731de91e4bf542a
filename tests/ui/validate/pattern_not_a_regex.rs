use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(pattern(regex = "[A-Z", code = "PCR-PATTERN"))]
    reference: String,
}

fn main() {}
