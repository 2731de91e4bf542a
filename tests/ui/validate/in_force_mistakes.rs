use pcr_runtime::Validate;

#[derive(Validate)]
struct Request {
    #[pcr(in_force(from = "2027-02-30", code = "PCR-NOT-IN-FORCE"))]
    remark: Option<String>,
    #[pcr(in_force(from = "2027-01-04", until = "2027-01-04", code = "PCR-NOT-IN-FORCE"))]
    note: Option<String>,
    #[pcr(in_force(from = 20270104, code = "PCR-NOT-IN-FORCE"))]
    other: Option<String>,
}

fn main() {}
