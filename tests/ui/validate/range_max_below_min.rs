use pcr_runtime::rust_decimal::Decimal;
use pcr_runtime::Validate;

#[derive(Validate)]
struct Loan {
    #[pcr(range(min = 10, max = 1, code = "PCR-RANGE"))]
    borrowers: u32,
    #[pcr(range(min = "99.99", max = "9.999", code = "PCR-RANGE"))]
    rate: Decimal,
}

fn main() {}
