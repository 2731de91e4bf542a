//! Prints the extract a reader may see of a register-side record.
//!
//! ```text
//! cargo run -q -p pcr-models --example disclose -- RECORD.json \
//!     [--added-on YYYY-MM-DD] [--reader ID-CODE] [--today YYYY-MM-DD]
//! ```
//!
//! RECORD.json is an `extract::register::Message`: the extract as the
//! register holds it, with the dates the footnote markers compare (see
//! `generated/tests/fixtures/register-extract.json`). Without `--added-on`
//! the reader is an original party to the loans; `--reader` is the ID code
//! of the person requested (for data shown only to the borrower who denied
//! it); `--today` defaults to today. Prints the extract as JSON (exit 0); a
//! record that cannot be read exits 1, a usage error 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use pcr_models::extract;
use pcr_runtime::disclosure::Party;
use pcr_runtime::{Disclose, DisclosureContext};
use time::{macros::format_description, Date, OffsetDateTime};

#[derive(Parser)]
#[command(about = "Prints the extract a reader may see of a register-side record (v1.4)")]
struct Args {
    /// The register-side record, as JSON
    record: PathBuf,
    /// The day the reader was added to the loan; without it, an original party
    #[arg(long, value_parser = parse_date)]
    added_on: Option<Date>,
    /// The reader's ID code
    #[arg(long)]
    reader: Option<String>,
    /// Today [default: today, UTC]
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|e| format!("`{text}` is not a date written YYYY-MM-DD: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let text = match std::fs::read_to_string(&args.record) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", args.record.display());
            return ExitCode::from(2);
        }
    };
    let deserializer = &mut serde_json::Deserializer::from_str(&text);
    let record: extract::register::Message = match serde_path_to_error::deserialize(deserializer) {
        Ok(record) => record,
        Err(error) => {
            eprintln!(
                "error: {}: at `{}`: {}",
                args.record.display(),
                error.path(),
                error.inner()
            );
            return ExitCode::from(1);
        }
    };
    let ctx = DisclosureContext {
        party: args.added_on.map_or(Party::Original, Party::AddedOn),
        reader_id_code: args.reader,
        today: args
            .today
            .unwrap_or_else(|| OffsetDateTime::now_utc().date()),
    };
    let extract = record.disclose(&ctx);
    println!(
        "{}",
        serde_json::to_string_pretty(&extract).expect("an extract is JSON")
    );
    ExitCode::SUCCESS
}
