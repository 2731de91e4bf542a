use pcr_runtime::Validate;

#[derive(Validate, serde::Deserialize)]
struct Owner {
    #[serde(skip)]
    #[pcr(max_chars(max = 11, code = "PCR-LONG"))]
    cache: String,
}

fn main() {}
