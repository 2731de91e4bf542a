use pcr_runtime::Disclose;

struct Wire {
    loan_type: String,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    #[pcr(withheld_in_payment_plan)]
    loan_type: String,
}

fn main() {}
