use pcr_runtime::Codeset;

// Values of the wrong kind, a stage that does not exist, a code given twice
// (ignoring case), and a crate path that is not a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
#[pcr(codeset = "Channel", crate = "not a path")]
enum Channel {
    #[pcr(code = Web, label = 7)]
    Web,
    #[pcr(not_allowed_in = first)]
    Branch,
    #[pcr(not_allowed_in = [third])]
    Phone,
    #[pcr(code = "branch")]
    Other,
}

fn main() {}
