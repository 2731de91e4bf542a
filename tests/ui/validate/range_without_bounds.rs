use pcr_runtime::Validate;

#[derive(Validate)]
struct Summary {
    #[pcr(range(code = "PCR-OUT-OF-RANGE"))]
    lenders_count: u32,
}

fn main() {}
