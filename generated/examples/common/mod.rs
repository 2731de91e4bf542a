//! What the example command-line tools share: reading a bounded input and
//! writing output that a closed pipe ends quietly.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use pcr_runtime::json::{self, ReadError};

/// The bytes of `path` (`-` for standard input), at most `max_bytes` of them.
pub fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    if path == Path::new("-") {
        json::read_limited(io::stdin().lock(), max_bytes)
    } else {
        let file = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
        json::read_limited(file, max_bytes)
    }
}

/// Writes `text` and a newline to standard output, then exits with `code`;
/// a reader that closed the pipe early ends the program quietly with `code`.
pub fn print(text: &str, code: ExitCode) -> ExitCode {
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => code,
        Err(error) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::from(2)
        }
    }
}

/// The message for an input that was not read, and its exit code: 1 for a
/// body that is too large, 2 for a file that cannot be read.
pub fn refuse(path: &Path, error: &ReadError) -> ExitCode {
    eprintln!("error: {}: {error}", path.display());
    match error {
        ReadError::TooLarge { .. } | ReadError::Invalid(_) => ExitCode::from(1),
        ReadError::Io(_) => ExitCode::from(2),
    }
}

/// A `--today` day, `YYYY-MM-DD` (clap's value parser).
pub fn parse_date(text: &str) -> Result<time::Date, String> {
    pcr_runtime::wire::date::parse(text)
}
