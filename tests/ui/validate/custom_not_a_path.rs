use pcr_runtime::{Report, Validate};

fn on_the_type(_: &Owner, _: &mut Report) {}

#[derive(Validate)]
#[pcr(custom = "on_the_type")]
struct Owner {
    id_code: String,
}

fn main() {}
