//! Validates a JSON message against the v1.4 models, as the register would
//! before answering.
//!
//! ```text
//! cargo run -q -p pcr-models --example validate -- MESSAGE FILE [--stage first|second]
//! ```
//!
//! MESSAGE is a message id of the spec (`request`, `extract`, `deceased`,
//! `invalid_request`) or `200` for a 200 body of either kind. Prints `valid`
//! and exits 0, or prints the register's invalid-request body (section 3.5)
//! listing every error and exits 1. JSON that cannot be read as the message
//! (malformed, a duplicate key, a wrong type, an unknown field or code in a
//! request) is error A10 at the element's path. A usage error exits 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use pcr_models::{
    deceased, extract, invalid_request, request, Status200Body, DOCUMENT_STAGE, SCHEMA_ERROR_CODE,
};
use pcr_runtime::{json, Context, Stage, Validate, ValidationErrors};
use serde::de::DeserializeOwned;

#[derive(Parser)]
#[command(about = "Validates a JSON message of the credit register extract API (v1.4)")]
struct Args {
    /// Which message the file holds
    message: MessageId,
    /// The JSON file
    file: PathBuf,
    /// The register stage to validate for [default: the document's, first]
    #[arg(long, value_parser = parse_stage)]
    stage: Option<Stage>,
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

fn main() -> ExitCode {
    let args = Args::parse();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let ctx = Context::today(args.stage.unwrap_or(DOCUMENT_STAGE));
    let result = match args.message {
        MessageId::Request => check::<request::Message>(&text, &ctx),
        MessageId::Extract => check::<extract::Message>(&text, &ctx),
        MessageId::Deceased => check::<deceased::Message>(&text, &ctx),
        MessageId::InvalidRequest => check::<invalid_request::Message>(&text, &ctx),
        MessageId::Status200 => check::<Status200Body>(&text, &ctx),
    };
    match result {
        Ok(()) => {
            println!("valid");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let body = errors.to_invalid_request(pcr_runtime::uuid::Uuid::new_v4());
            println!(
                "{}",
                serde_json::to_string_pretty(&body).expect("the body is JSON")
            );
            ExitCode::from(1)
        }
    }
}

/// Reads `text` as `T` and validates it.
fn check<T: DeserializeOwned + Validate>(
    text: &str,
    ctx: &Context,
) -> Result<(), ValidationErrors> {
    json::read::<T>(text, ctx, SCHEMA_ERROR_CODE).map(|_| ())
}
