//! `pcr-standin`: a local register for lenders' tests.
//!
//! ```text
//! pcr-standin certs --out DIR [--lender BUSINESS-ID]
//! pcr-standin serve [--data DIR] [--certs DIR] [--addr 127.0.0.1:8443] [--max-body-bytes N]
//! ```
//!
//! Exit codes: 0 done (serve: stopped by Ctrl-C), 1 a file or the dataset
//! could not be used (every error printed), 2 a usage error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pcr_standin::certs::{TestCertificates, KNOWN_LENDER};
use pcr_standin::data::Dataset;
use pcr_standin::server::{self, Config, DEFAULT_MAX_BODY_BYTES};
use pcr_standin::Error;

#[derive(Parser)]
#[command(
    name = "pcr-standin",
    about = "A local stand-in for the credit register's GetCreditRegisterExtract (v1.4), over mutual TLS"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes a test CA, a server certificate (localhost, 127.0.0.1) and
    /// client certificates: client.pem for LENDER, unknown-client.pem for a
    /// lender the dataset does not know
    Certs {
        /// The directory to write into (made if missing)
        #[arg(long)]
        out: PathBuf,
        /// The Business ID client.pem is issued to
        #[arg(long, default_value = KNOWN_LENDER)]
        lender: String,
    },
    /// Serves POST /GetCreditRegisterExtract over HTTPS, requiring a client
    /// certificate from the CA in --certs
    Serve {
        /// The dataset: lenders.json, people.json, loans.json [default: the bundled one]
        #[arg(long)]
        data: Option<PathBuf>,
        /// The directory `certs` wrote (ca.pem, server.pem, server.key)
        #[arg(long, default_value = "certs")]
        certs: PathBuf,
        /// The address to listen on
        #[arg(long, default_value = "127.0.0.1:8443")]
        addr: std::net::SocketAddr,
        /// The largest request body taken; larger ones get 413
        #[arg(long, default_value_t = DEFAULT_MAX_BODY_BYTES)]
        max_body_bytes: usize,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Certs { out, lender } => certs(&lender, &out),
        Command::Serve {
            data,
            certs,
            addr,
            max_body_bytes,
        } => serve(data, certs, addr, max_body_bytes),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Data { file, errors }) => {
            for error in errors {
                eprintln!("error: {file}: {error}");
            }
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

fn certs(lender: &str, out: &std::path::Path) -> Result<(), Error> {
    let certs = TestCertificates::generate(lender)?;
    certs.write(out)?;
    let names: Vec<&str> = certs.files().iter().map(|(name, _)| *name).collect();
    eprintln!("wrote {} into {}", names.join(", "), out.display());
    Ok(())
}

fn serve(
    data: Option<PathBuf>,
    certs: PathBuf,
    addr: std::net::SocketAddr,
    max_body_bytes: usize,
) -> Result<(), Error> {
    let dataset = match &data {
        Some(dir) => Dataset::read(dir)?,
        None => Dataset::bundled()?,
    };
    let read = |name: &str| {
        let path = certs.join(name);
        std::fs::read_to_string(&path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            error: format!(
                "{e} (run `pcr-standin certs --out {}` first)",
                certs.display()
            ),
        })
    };
    let config = Config {
        dataset,
        client_ca: read("ca.pem")?,
        server_certificate: read("server.pem")?,
        server_key: read("server.key")?,
        max_body_bytes,
        limits: Default::default(),
    };
    let runtime = tokio::runtime::Runtime::new().map_err(|e| Error::Io {
        path: "runtime".into(),
        error: e.to_string(),
    })?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| Error::Io {
                path: addr.to_string(),
                error: e.to_string(),
            })?;
        let running = server::start(config, listener)?;
        eprintln!(
            "serving POST {}{} (mutual TLS; Ctrl-C stops)",
            running.base_url(),
            pcr_models::api::PATH
        );
        let _ = tokio::signal::ctrl_c().await;
        running.stop().await;
        Ok(())
    })
}
