use pcr_runtime::Validate;

#[derive(Validate)]
struct Owner {
    id_code_type: u8,
    #[pcr(id_code(type_field = id_code_type, code = "E21"))]
    id_code: String,
}

fn main() {}
