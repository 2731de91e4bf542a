use pcr_runtime::Validate;

struct NotValidated;

#[derive(Validate)]
struct Owner {
    #[pcr(nested)]
    inner: NotValidated,
}

fn main() {}
