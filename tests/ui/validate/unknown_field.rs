use pcr_runtime::Validate;

#[derive(Debug, PartialEq)]
enum IdCodeType {
    ForeignBusinessId,
}

#[derive(Validate)]
struct Owner {
    id_code_type: IdCodeType,
    #[pcr(required_if(field = id_type, equals = IdCodeType::ForeignBusinessId, code = "D40"))]
    country_code: Option<String>,
}

fn main() {}
