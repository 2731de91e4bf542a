use pcr_runtime::Validate;

#[derive(Validate)]
struct Request {
    #[pcr(min_items(min = 1))]
    purposes: Vec<String>,
}

fn main() {}
