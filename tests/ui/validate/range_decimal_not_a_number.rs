use pcr_runtime::rust_decimal::Decimal;
use pcr_runtime::Validate;

#[derive(Validate)]
struct Loan {
    #[pcr(range(min = "0,5", max = "1e3", code = "PCR-RANGE"))]
    rate: Decimal,
    #[pcr(range(max = "0.00000000000000000000000000001", code = "PCR-RANGE"))]
    tiny: Decimal,
}

fn main() {}
