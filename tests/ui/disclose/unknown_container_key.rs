use pcr_runtime::Disclose;

pub struct Wire {
    pub amount: Option<u32>,
}

// A misspelt key on the type is named with the closest key; the keys of
// the other derives are left to them.
#[derive(Disclose)]
#[pcr(disclos(into = Wire), rename_all = "camelCase", codeset = "X")]
pub struct Register {
    pub amount: Option<u32>,
}

fn main() {}
