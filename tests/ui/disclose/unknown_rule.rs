use pcr_runtime::Disclose;

struct Wire {
    contract_date: Option<String>,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    #[pcr(withheld_before_add(date = self))]
    contract_date: Option<String>,
}

fn main() {}
