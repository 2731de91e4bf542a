use pcr_runtime::Codeset;

// A misspelt key on the type and on a value, each named with the closest
// key; keys no derive reads, with the keys the derive takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
#[pcr(codest = "Channel", colour = "red")]
enum Channel {
    #[pcr(lable = "Web")]
    Web,
    #[pcr(code = "Branch", weight = 2)]
    Branch,
}

fn main() {}
