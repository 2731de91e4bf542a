use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(max_char(max = 64, code = "PCR-STRING-TOO-LONG"))]
    id_code: String,
}

fn main() {}
