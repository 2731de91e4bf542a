use pcr_runtime::Validate;

fn wrong_signature(_: &str) {}

#[derive(Validate)]
struct Owner {
    #[pcr(custom = wrong_signature)]
    id_code: String,
}

fn main() {}
