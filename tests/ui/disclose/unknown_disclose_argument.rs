use pcr_runtime::Disclose;

struct Wire {}

#[derive(Disclose)]
#[pcr(disclose(into = Wire, payment_plan_if = [flag]))]
struct Loan {}

fn main() {}
