use pcr_runtime::Disclose;

struct Wire {
    a: Option<u8>,
    b: Option<u8>,
    c: Option<u8>,
    d: u8,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    #[pcr(returned_between)]
    a: Option<u8>,
    #[pcr(returned_between(from = "2027-13-01"))]
    b: Option<u8>,
    #[pcr(returned_between(from = "2027-01-04", until = "2026-01-01"))]
    c: Option<u8>,
    #[pcr(returned_between(from = "2027-01-04"))]
    d: u8,
}

fn main() {}
