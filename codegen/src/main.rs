//! `pcr-codegen`: check specs (and, later, generate and diff them).
//!
//! Exit codes: 0 success, 1 the spec has errors, 2 a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pcr_codegen::{spec, Summary, DEFAULT_SPEC};

#[derive(Parser)]
#[command(
    name = "pcr-codegen",
    version,
    about = "Checks and generates Rust from positive credit register API specs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Loads and checks a spec; prints a summary, or every problem found.
    Check {
        /// The spec file [default: spec/credit-register-extract/v1.4.yaml]
        spec: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { spec } => check(&spec.unwrap_or_else(default_spec)),
    }
}

/// The v1.4 spec: relative to the current directory when run from the
/// workspace root, else in the workspace this binary was built from.
fn default_spec() -> PathBuf {
    let relative = Path::new(DEFAULT_SPEC);
    if relative.exists() {
        relative.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(DEFAULT_SPEC)
    }
}

fn check(path: &Path) -> ExitCode {
    match spec::load(path) {
        Ok(spec) => {
            println!(
                "{}: ok: {} v{}: {}",
                path.display(),
                spec.document.id,
                spec.document.version,
                Summary::of(&spec)
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            ExitCode::from(1)
        }
    }
}
