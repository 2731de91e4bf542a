use pcr_runtime::Codeset;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
#[pcr(codeset = "Purpose")]
enum Purpose {
    #[pcr(from = "2027-02-29")]
    Early,
    #[pcr(from = "2027-06-01", until = "2027-01-01")]
    Backwards,
    #[pcr(form = "2027-01-04")]
    Misspelt,
}

fn main() {}
