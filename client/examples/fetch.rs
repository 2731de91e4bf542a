//! Sends a request to the register (or a local stand-in) and prints the
//! answer.
//!
//! ```text
//! cargo run -q -p pcr-client --example fetch -- REQUEST.json \
//!     [--certs DIR] [--url https://localhost:8443] [--environment test|production]
//! ```
//!
//! `--certs DIR` holds `client.pem` and `client.key` (the client
//! certificate) and, for a stand-in, `ca.pem` (trusted beside the public
//! roots). Without `--url` the request goes to the environment's URL from
//! the spec. Prints the 200 body as JSON (exit 0); anything else is
//! printed on standard error: a 400 with its correlationId and every
//! error at its path, 403, 413, 500, 503 after retries, a request that was
//! not sent because it has errors (exit 1); a usage error exits 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use pcr_client::{Client, Environment, Error, Identity};
use pcr_models::{request, READ_OPTIONS};
use pcr_runtime::json;

#[derive(Clone, Copy, ValueEnum)]
enum Env {
    Test,
    Production,
}

#[derive(Parser)]
#[command(about = "Sends a GetCreditRegisterExtract request and prints the answer")]
struct Args {
    /// The request, as JSON
    request: PathBuf,
    /// The directory with client.pem, client.key and (optionally) ca.pem
    #[arg(long, default_value = "certs")]
    certs: PathBuf,
    /// The base URL [default: the environment's]
    #[arg(long)]
    url: Option<String>,
    /// The environment
    #[arg(long, value_enum, default_value = "test")]
    environment: Env,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args).await {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            match error.downcast_ref::<Error>() {
                Some(Error::Rejected { body, notices }) => {
                    eprintln!("400 Bad request, correlationId {}", body.correlation_id);
                    for notice in notices {
                        eprintln!("notice: {notice}");
                    }
                    for e in &body.error_responses {
                        eprintln!(
                            "  {}: {}: {}",
                            e.field_name, e.error_code, e.error_description
                        );
                    }
                }
                _ => eprintln!("error: {error}"),
            }
            ExitCode::from(1)
        }
    }
}

async fn run(args: &Args) -> Result<String, Box<dyn std::error::Error>> {
    let read = |name: &str| {
        let path = args.certs.join(name);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let identity = Identity::from_pem(&read("client.pem")?, &read("client.key")?)?;
    let environment = match args.environment {
        Env::Test => Environment::Test,
        Env::Production => Environment::Production,
    };
    let mut builder = Client::builder(identity).environment(environment);
    if let Some(url) = &args.url {
        builder = builder.base_url(url);
    }
    if let Ok(ca) = std::fs::read(args.certs.join("ca.pem")) {
        builder = builder.root_certificate_pem(&ca)?;
    }
    let client = builder.build()?;
    let text = std::fs::read_to_string(&args.request)
        .map_err(|e| format!("{}: {e}", args.request.display()))?;
    // Read with the models' reader: every structural error at its path.
    let request: request::Message = json::parse(text.as_str(), &READ_OPTIONS)
        .map_err(|e| format!("{}:\n{e}", args.request.display()))?
        .value;
    let answer = client.get_credit_register_extract(&request).await?;
    // What the answer holds beyond the spec, on stderr; the answer itself,
    // with every member kept as read, on stdout.
    for notice in &answer.notices {
        eprintln!("notice: {notice}");
    }
    Ok(answer.to_json_pretty()?)
}
