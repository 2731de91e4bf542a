//! `pcr-codegen`: check specs and generate Rust from them.
//!
//! Exit codes: 0 success, 1 the spec has errors, 2 a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use pcr_codegen::emit::GeneratedFile;
use pcr_codegen::{emit, schema, spec, write_if_changed};

mod defaults;
use defaults::{DEFAULT_OUT, DEFAULT_SCHEMA_OUT, DEFAULT_SPEC};

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
    /// Lists what changed from one spec to another and what each change breaks.
    ///
    /// Exit codes: 0 done, 1 `--fail-on breaking` found a breaking change,
    /// 2 a usage error or a spec with errors.
    Diff {
        /// The older spec
        old: PathBuf,
        /// The newer spec
        new: PathBuf,
        /// How to print the changes
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Exit 1 when a change breaks request senders or response readers
        #[arg(long, value_enum, default_value_t = FailOn::Never)]
        fail_on: FailOn,
    },
    /// Generates the Rust models of a spec and its schemas; rewrites only files whose content changed.
    Generate {
        /// The spec file [default: spec/credit-register-extract/v1.4.yaml]
        #[arg(long)]
        spec: Option<PathBuf>,
        /// The directory to write the Rust to [default: generated/src, the pcr-models crate]
        #[arg(long)]
        out: Option<PathBuf>,
        /// The directory to write the schemas to [default: generated/schema, when --out is not given; none otherwise]
        #[arg(long)]
        schema_out: Option<PathBuf>,
        /// The cargo feature the register-side forms are compiled under [default: register, when --out is not given; none otherwise: always compiled]
        #[arg(long, value_parser = feature_name)]
        register_feature: Option<String>,
    },
    /// Exports JSON Schema 2020-12 documents of the messages and an OpenAPI 3.1 document of the API.
    Schema {
        /// The spec file [default: spec/credit-register-extract/v1.4.yaml]
        #[arg(long)]
        spec: Option<PathBuf>,
        /// Which documents [default: both]
        #[arg(long, value_enum)]
        format: Option<SchemaFormat>,
        /// The directory to write to [default: generated/schema]
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaFormat {
    /// `<message>.schema.json` for each message
    JsonSchema,
    /// `openapi.json` for the API (the spec's `api`)
    Openapi,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// For a pull-request review, breaking changes first
    Markdown,
    /// `changes[]` and `summary`, as README.md documents
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Always exit 0 when both specs are valid
    Never,
    /// Exit 1 when a change breaks request senders or response readers
    Breaking,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { spec } => check(&spec.unwrap_or_else(|| in_workspace(DEFAULT_SPEC))),
        Command::Diff {
            old,
            new,
            format,
            fail_on,
        } => diff(&old, &new, format, fail_on),
        Command::Generate {
            spec,
            out,
            schema_out,
            register_feature,
        } => {
            if out.is_none() {
                own_spec_only(spec.as_deref(), "--out DIR");
            }
            // The schemas go beside the checked-in models; models written
            // elsewhere get schemas only where asked.
            let schema_out = match (&out, schema_out) {
                (_, Some(dir)) => Some(dir),
                (None, None) => Some(in_workspace(DEFAULT_SCHEMA_OUT)),
                (Some(_), None) => None,
            };
            // pcr-models compiles its register-side forms under a feature.
            let options = emit::Options {
                register_feature: match (&out, register_feature) {
                    (_, Some(feature)) => Some(feature),
                    (None, None) => defaults::default_options().register_feature,
                    (Some(_), None) => None,
                },
                ..emit::Options::default()
            };
            generate(
                &spec.unwrap_or_else(|| in_workspace(DEFAULT_SPEC)),
                &out.unwrap_or_else(|| in_workspace(DEFAULT_OUT)),
                schema_out.as_deref(),
                &options,
            )
        }
        Command::Schema { spec, format, out } => {
            if out.is_none() {
                own_spec_only(spec.as_deref(), "--out DIR");
            }
            export(
                &spec.unwrap_or_else(|| in_workspace(DEFAULT_SPEC)),
                format,
                &out.unwrap_or_else(|| in_workspace(DEFAULT_SCHEMA_OUT)),
            )
        }
    }
}

/// Writing into the workspace's `generated/` is the main job's alone: a
/// spec other than the workspace's own needs a directory of its own
/// (`needs`), or the command stops with a usage error (exit 2) and writes
/// nothing.
fn own_spec_only(spec: Option<&Path>, needs: &str) {
    let Some(spec) = spec else { return };
    let own = std::fs::canonicalize(in_workspace(DEFAULT_SPEC)).ok();
    if own.is_some() && std::fs::canonicalize(spec).ok() == own {
        return;
    }
    Cli::command()
        .error(
            clap::error::ErrorKind::MissingRequiredArgument,
            format!(
                "`--spec {}` is not the workspace's spec ({DEFAULT_SPEC}), whose models alone are written to generated/ by default; give {needs} for its output",
                spec.display()
            ),
        )
        .exit()
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

fn feature_name(name: &str) -> Result<String, String> {
    if emit::is_feature_name(name) {
        Ok(name.to_string())
    } else {
        Err(format!(
            "not a cargo feature name ({})",
            emit::FEATURE_NAME_RULE
        ))
    }
}

fn generate(
    spec_path: &Path,
    out: &Path,
    schema_out: Option<&Path>,
    options: &emit::Options,
) -> ExitCode {
    let generated =
        spec::load(spec_path).and_then(|spec| Ok((emit::emit_with(&spec, options)?, spec)));
    let (file, spec) = match generated {
        Ok(generated) => generated,
        Err(diagnostics) => {
            err(&diagnostics.to_string());
            return ExitCode::from(1);
        }
    };
    match schema_out {
        Some(schema_out) => write_all(&[(out, vec![file]), (schema_out, schemas(&spec, None))]),
        None => write_all(&[(out, vec![file])]),
    }
}

fn export(spec_path: &Path, format: Option<SchemaFormat>, out: &Path) -> ExitCode {
    match spec::load(spec_path) {
        // An OpenAPI document needs the endpoint, which only the spec's
        // `api` describes.
        Ok(spec) if spec.api.is_none() && format != Some(SchemaFormat::JsonSchema) => {
            let written = match format {
                None => write_all(&[(out, schemas(&spec, format))]),
                _ => ExitCode::from(1),
            };
            err(&format!(
                "{}: no `api` in the spec, so no OpenAPI document (see spec/README.md, `api`)",
                spec_path.display()
            ));
            written
        }
        Ok(spec) => write_all(&[(out, schemas(&spec, format))]),
        Err(diagnostics) => {
            err(&diagnostics.to_string());
            ExitCode::from(1)
        }
    }
}

/// The schema documents of `format` (both when `None`).
fn schemas(spec: &spec::Spec, format: Option<SchemaFormat>) -> Vec<GeneratedFile> {
    let mut files = Vec::new();
    if format != Some(SchemaFormat::Openapi) {
        files.extend(schema::json_schemas(spec));
    }
    if format != Some(SchemaFormat::JsonSchema) {
        files.extend(schema::openapi(spec));
    }
    files
}

/// Writes each file into its directory unless it holds that content
/// already, saying which; stops at the first that cannot be written.
fn write_all(groups: &[(&Path, Vec<GeneratedFile>)]) -> ExitCode {
    for (dir, files) in groups {
        for file in files {
            match write_if_changed(dir, file) {
                Ok(written) => {
                    let verb = if written.changed {
                        "wrote"
                    } else {
                        "unchanged"
                    };
                    say(&format!("{verb} {}", written.path.display()));
                }
                Err(error) => {
                    err(&format!("error: {error}"));
                    return ExitCode::from(1);
                }
            }
        }
    }
    ExitCode::SUCCESS
}

fn check(path: &Path) -> ExitCode {
    match spec::load(path) {
        Ok(spec) => {
            say(&format!(
                "{}: ok: {} v{}: {}",
                path.display(),
                spec.document.id,
                spec.document.version,
                spec::Counts::of(&spec)
            ));
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            err(&diagnostics.to_string());
            ExitCode::from(1)
        }
    }
}

fn diff(old: &Path, new: &Path, format: Format, fail_on: FailOn) -> ExitCode {
    let (old, new) = match (spec::load(old), spec::load(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for diagnostics in [old.err(), new.err()].into_iter().flatten() {
                err(&diagnostics.to_string());
            }
            return ExitCode::from(2);
        }
    };
    let diff = pcr_codegen::diff::diff(&old, &new);
    match format {
        Format::Markdown => say(diff.markdown().trim_end_matches('\n')),
        Format::Json => say(&serde_json::to_string_pretty(&diff.json()).unwrap_or_default()),
    }
    match fail_on {
        FailOn::Breaking if diff.breaking() => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// Writes a line to standard output; a reader that closed the pipe ends
/// the output quietly (the exit code still tells the result).
fn say(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            err(&format!("error: cannot write the output: {error}"));
        }
    }
}

/// Writes a line to standard error, quietly if it is closed.
fn err(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
