use pcr_runtime::Validate;

#[derive(Validate)]
struct Loan {
    #[pcr(max_items(max = 3, code = "PCR-TOO-MANY"))]
    borrowers: u32,
}

fn main() {}
