//! Prints the extract a reader may see of a register-side record.
//!
//! ```text
//! cargo run -q -p pcr-models --example disclose -- RECORD.json \
//!     [--added-on YYYY-MM-DD] [--reader ID-CODE] [--today YYYY-MM-DD] [--max-bytes N]
//! ```
//!
//! RECORD.json is an `extract::register::Message` (or `-` for standard
//! input): the extract as the register holds it, with the dates the
//! footnote markers compare (see `generated/tests/fixtures/register-extract.json`).
//! A loan that lists its `parties` (the register-side record of who was
//! added when, and removed) is disclosed for the reader's place in that
//! loan, found by `--reader`, and left out if the reader is not, or no
//! longer, its party; for a loan without the list, `--added-on` says when
//! the reader was added. Without `--added-on` the reader is an original
//! party to such loans;
//! `--reader` is the ID code of the person requested (for data shown only
//! to the borrower who denied it); `--today` defaults to today in Finland,
//! and elements not in force on it are withheld. Prints the
//! extract as JSON (exit 0). A record that cannot be read — too large,
//! not JSON, data after the record, the wrong structure — prints every
//! error with its path on standard error and exits 1; a file that cannot be
//! opened or a usage error exits 2.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use pcr_models::{extract, READ_OPTIONS};
use pcr_runtime::disclosure::Party;
use pcr_runtime::json::{self, ReadError, DEFAULT_MAX_BYTES};
use pcr_runtime::{Disclose, DisclosureContext};
use time::Date;

#[derive(Parser)]
#[command(about = "Prints the extract a reader may see of a register-side record (v1.4)")]
struct Args {
    /// The register-side record, as JSON, or - for standard input
    record: PathBuf,
    /// The day the reader was added to the loan; without it, an original party
    #[arg(long, value_parser = common::parse_date)]
    added_on: Option<Date>,
    /// The reader's ID code
    #[arg(long)]
    reader: Option<String>,
    /// Today: elements not in force that day are withheld [default: today in Finland]
    #[arg(long, value_parser = common::parse_date)]
    today: Option<Date>,
    /// The largest record read, in bytes
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = READ_OPTIONS.max_bytes(args.max_bytes);
    let record = common::read_input(&args.record, options.max_bytes)
        .and_then(|body| json::parse::<extract::register::Message>(&body, &options));
    let record = match record {
        Ok(record) => {
            for notice in &record.notices {
                eprintln!("notice: {}: {notice}", args.record.display());
            }
            record.value
        }
        Err(ReadError::Invalid(errors)) => {
            for error in &errors {
                eprintln!(
                    "error: {}: at `{}`: {}: {}",
                    args.record.display(),
                    error.path,
                    error.code,
                    error.description
                );
            }
            return ExitCode::from(1);
        }
        Err(other) => return common::refuse(&args.record, &other),
    };
    let ctx = DisclosureContext {
        party: args.added_on.map_or(Party::Original, Party::AddedOn),
        reader_id_code: args.reader,
        today: args
            .today
            .unwrap_or_else(pcr_runtime::context::register_today),
    };
    let extract = record.disclose(&ctx);
    match serde_json::to_string_pretty(&extract) {
        Ok(text) => common::print(&text, ExitCode::SUCCESS),
        Err(error) => {
            eprintln!("error: the extract cannot be written as JSON: {error}");
            ExitCode::from(1)
        }
    }
}
