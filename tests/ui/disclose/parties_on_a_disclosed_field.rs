use pcr_runtime::Disclose;

pub struct Party {
    pub id_code: String,
    pub original: bool,
    pub added: Option<time::Date>,
    pub removed: Option<time::Date>,
}

pub struct WireLoan {
    pub parties: Vec<u8>,
}

#[derive(Disclose)]
#[pcr(disclose(into = WireLoan))]
pub struct Loan {
    #[pcr(parties(id_code = id_code, original = original, added = added, removed = removed))]
    pub parties: Vec<Party>,
    #[pcr(register_side, parties(id_code = id_code, original = original))]
    pub more: Vec<Party>,
}

fn main() {}
