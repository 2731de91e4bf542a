use pcr_runtime::Validate;

#[derive(Validate)]
struct Summary {
    #[pcr(max_chars(max = 64, code = "PCR-STRING-TOO-LONG"))]
    lenders_count: u32,
}

fn main() {}
