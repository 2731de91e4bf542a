use pcr_runtime::Disclose;

struct Wire {
    kind: Option<u8>,
    group: Option<u8>,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Loan {
    kind: Option<u8>,
    #[pcr(returned_if(field = kind))]
    group: Option<u8>,
}

fn main() {}
