use pcr_runtime::Validate;

// Whole-number bounds are `i64`s: one beyond it does not compile (it must
// not become some other bound).
#[derive(Validate)]
struct Counter {
    #[pcr(range(max = 18446744073709551615, code = "PCR-RANGE"))]
    count: u64,
}

fn main() {}
