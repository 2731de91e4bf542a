use pcr_runtime::Validate;

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[pcr(rename_all = "snake_case")]
struct Owner {
    id_code: String,
}

fn main() {}
