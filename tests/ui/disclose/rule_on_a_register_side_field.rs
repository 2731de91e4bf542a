use pcr_runtime::Disclose;

struct Wire {}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    #[pcr(register_side, withheld_in_payment_plan)]
    amount_date: Option<String>,
}

fn main() {}
