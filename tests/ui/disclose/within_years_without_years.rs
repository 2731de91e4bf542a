use pcr_runtime::Disclose;

struct Wire {
    end_date: Option<u8>,
}

#[derive(Disclose)]
#[pcr(disclose(into = Wire))]
struct Period {
    #[pcr(returned_within_years(date = self))]
    end_date: Option<u8>,
}

fn main() {}
