//! `pcr-codegen`: check specs and generate Rust from them.
//!
//! Exit codes: 0 success, 1 the spec has errors, 2 a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pcr_codegen::{emit, spec, write_if_changed, Summary, DEFAULT_OUT, DEFAULT_SPEC};

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
    /// Generates the Rust models of a spec; rewrites only files whose content changed.
    Generate {
        /// The spec file [default: spec/credit-register-extract/v1.4.yaml]
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The directory to write to [default: generated/src, the pcr-models crate]
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { spec } => check(&spec.unwrap_or_else(|| in_workspace(DEFAULT_SPEC))),
        Command::Generate { spec, out } => generate(
            &spec.unwrap_or_else(|| in_workspace(DEFAULT_SPEC)),
            &out.unwrap_or_else(|| in_workspace(DEFAULT_OUT)),
        ),
    }
}

/// A default path: relative to the current directory when run from the
/// workspace root, else in the workspace this binary was built from.
fn in_workspace(relative: &str) -> PathBuf {
    let path = Path::new(relative);
    if path.exists() {
        path.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(relative)
    }
}

fn generate(spec_path: &Path, out: &Path) -> ExitCode {
    let generated = spec::load(spec_path).and_then(|spec| emit::emit(&spec));
    let file = match generated {
        Ok(file) => file,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            return ExitCode::from(1);
        }
    };
    match write_if_changed(out, &file) {
        Ok(written) => {
            let verb = if written.changed {
                "wrote"
            } else {
                "unchanged"
            };
            println!("{verb} {}", written.path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
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
