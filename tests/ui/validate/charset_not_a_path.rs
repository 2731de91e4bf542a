use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(charset(set = "a-z", code = "PCR-STRING-CHARACTERS"))]
    id_code: String,
}

fn main() {}
