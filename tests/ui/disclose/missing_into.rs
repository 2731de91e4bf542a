use pcr_runtime::Disclose;

#[derive(Disclose)]
struct Loan {
    contract_date: Option<String>,
}

fn main() {}
