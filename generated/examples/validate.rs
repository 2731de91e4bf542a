//! Validates a JSON message against the v1.4 models, as the register would
//! before answering.
//!
//! ```text
//! cargo run -q -p pcr-models --example validate -- MESSAGE FILE \
//!     [--today YYYY-MM-DD] [--environment test|production] [--stage first|second] [--max-bytes N] [--echo]
//! ```
//!
//! The message is validated as the register would on `--today` (default:
//! today in Finland) in `--environment` (default: test): in the stage in
//! force there that day (the spec's `stages`), unless `--stage` names one,
//! and refusing elements and codes not in force that day.
//!
//! MESSAGE is a message id of the spec (`request`, `extract`, `deceased`,
//! `invalid_request`) or `200` for a 200 body of either kind; FILE is a path
//! or `-` for standard input. Prints `valid` (with `--echo`, the message as
//! read: in the spec's layout, members the spec does not know kept) and
//! exits 0, each notice on standard error as `notice: PATH: TEXT` (a member
//! the spec does not know; an element read from a recorded nesting
//! reading's place), or prints the
//! register's invalid-request body (section 3.5) listing every error, each
//! at its element's path, and exits 1. A body over the size limit (10 MiB
//! unless `--max-bytes` says otherwise) is not read: one line on standard
//! error, exit 1 (the register answers 413). A file that cannot be read or
//! a usage error exits 2.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use pcr_models::{
    deceased, extract, invalid_request, request, Status200Body, READ_OPTIONS, STAGE_CALENDAR,
};
use pcr_runtime::context::register_today;
use pcr_runtime::json::{self, Notice, ReadError, ReadOptions, DEFAULT_MAX_BYTES};
use pcr_runtime::{Context, Environment, Stage, Structure, Validate};
use serde::de::DeserializeOwned;
use serde::Serialize;
use time::Date;

#[derive(Parser)]
#[command(about = "Validates a JSON message of the credit register extract API (v1.4)")]
struct Args {
    /// Which message the file holds
    message: MessageId,
    /// The JSON file, or - for standard input
    file: PathBuf,
    /// The day to validate on [default: today in Finland]
    #[arg(long, value_parser = common::parse_date)]
    today: Option<Date>,
    /// The register environment the message is for: test or production
    #[arg(long, default_value = "test", value_parser = parse_environment)]
    environment: Environment,
    /// The register stage to validate for [default: the one in force on the day in the environment]
    #[arg(long, value_parser = parse_stage)]
    stage: Option<Stage>,
    /// The largest body read, in bytes
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Write a valid message to stdout as read, in the spec's layout with
    /// every member the spec does not know kept, instead of "valid"
    #[arg(long)]
    echo: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum MessageId {
    Request,
    Extract,
    Deceased,
    #[value(name = "invalid_request")]
    InvalidRequest,
    /// A 200 body: an extract or a deceased response
    #[value(name = "200")]
    Status200,
}

fn parse_stage(text: &str) -> Result<Stage, String> {
    text.parse()
        .map_err(|e: pcr_runtime::context::UnknownStage| e.to_string())
}

fn parse_environment(text: &str) -> Result<Environment, String> {
    text.parse()
        .map_err(|e: pcr_runtime::context::UnknownEnvironment| e.to_string())
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = READ_OPTIONS.max_bytes(args.max_bytes);
    let ctx = STAGE_CALENDAR.context(args.environment, args.today.unwrap_or_else(register_today));
    let ctx = match args.stage {
        Some(stage) => ctx.with_stage(stage),
        None => ctx,
    };
    let result = common::read_input(&args.file, options.max_bytes).and_then(|body| {
        let (body, ctx, options, echo) = (&body, &ctx, &options, args.echo);
        match args.message {
            MessageId::Request => check::<request::Message>(body, ctx, options, echo),
            MessageId::Extract => check::<extract::Message>(body, ctx, options, echo),
            MessageId::Deceased => check::<deceased::Message>(body, ctx, options, echo),
            MessageId::InvalidRequest => {
                check::<invalid_request::Message>(body, ctx, options, echo)
            }
            MessageId::Status200 => check::<Status200Body>(body, ctx, options, echo),
        }
    });
    match result {
        Ok((notices, echo)) => {
            // What the message holds beyond the spec: not errors.
            for notice in &notices {
                eprintln!("notice: {notice}");
            }
            match echo {
                Some(Ok(text)) => common::print(&text, ExitCode::SUCCESS),
                Some(Err(error)) => {
                    eprintln!("error: the message cannot be written as JSON: {error}");
                    ExitCode::from(1)
                }
                None => common::print("valid", ExitCode::SUCCESS),
            }
        }
        Err(ReadError::Invalid(errors)) => {
            let body = errors.to_invalid_request(pcr_runtime::uuid::Uuid::new_v4());
            let text = serde_json::to_string_pretty(&body).expect("the body is JSON");
            common::print(&text, ExitCode::from(1))
        }
        Err(other) => common::refuse(&args.file, &other),
    }
}

/// What a valid message held beyond the spec, and the message written
/// back (with `--echo`).
type Checked = (Vec<Notice>, Option<Result<String, serde_json::Error>>);

/// Reads `body` as `T` and validates it.
fn check<T: DeserializeOwned + Serialize + Validate + Structure>(
    body: &[u8],
    ctx: &Context,
    options: &ReadOptions,
    echo: bool,
) -> Result<Checked, ReadError> {
    let parsed = json::read::<T>(body, ctx, options)?;
    let text = echo.then(|| parsed.to_json_pretty());
    Ok((parsed.notices, text))
}
