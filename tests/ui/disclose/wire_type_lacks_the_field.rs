use pcr_runtime::Disclose;

struct Wire {}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    loan_type: Option<String>,
}

fn main() {}
