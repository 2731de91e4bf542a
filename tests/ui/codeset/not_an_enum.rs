use pcr_runtime::Codeset;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
struct Channel;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Codeset)]
enum Empty {}

fn main() {}
