use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    #[pcr(min_chrs(min = 1, code = "PCR-SHORT"))]
    id_code: String,
}

fn main() {}
