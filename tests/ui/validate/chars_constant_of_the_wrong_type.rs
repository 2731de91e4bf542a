use pcr_runtime::Validate;

/// Not a count of characters.
const LIMIT: &str = "64";

#[derive(Validate)]
struct Owner {
    #[pcr(max_chars(max = LIMIT, code = "PCR-STRING-TOO-LONG"))]
    id_code: String,
}

fn main() {}
