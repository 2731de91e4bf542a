use pcr_runtime::Codeset;

// A codeset value holds no data.
#[derive(Debug, Clone, PartialEq, Eq, Codeset)]
enum Channel {
    Web(String),
    Branch { office: u32 },
    Phone,
}

fn main() {}
