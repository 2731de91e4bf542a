use pcr_runtime::Disclose;

struct Wire {
    sum: Option<u32>,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Summary {
    #[pcr(withheld_unless_after_added(item_date = payment_date))]
    sum: Option<u32>,
}

fn main() {}
