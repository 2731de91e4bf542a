use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(skip, max_chars(max = 11, code = "PCR-LONG"))]
    id_code: String,
}

fn main() {}
