use pcr_runtime::Validate;

#[derive(Validate, serde::Deserialize)]
struct Owner {
    #[serde(rename = "idCode")]
    #[pcr(rename = "id", max_chars(max = 11, code = "PCR-LONG"))]
    id_code: String,
}

fn main() {}
