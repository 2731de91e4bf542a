use pcr_runtime::Disclose;

struct Wire {
    amount: Option<u32>,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    #[pcr(withheld_before_added(date = label))]
    amount: Option<u32>,
    #[pcr(register_side)]
    label: String,
}

fn main() {}
