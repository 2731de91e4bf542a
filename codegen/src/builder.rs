//! Generating from a build script, in the style of `prost-build`.

use std::path::{Path, PathBuf};

use crate::emit::{self, GeneratedFile};
use crate::{spec, Diagnostics};

/// Why generation failed.
#[derive(Debug)]
pub enum Error {
    /// The spec has problems; each names its file, line and column.
    Spec(Diagnostics),
    /// No spec file was given.
    NoSpec,
    /// No output directory was given and `OUT_DIR` is not set (not in a
    /// build script).
    NoOutDir,
    /// The path given for the runtime crate is not a Rust path.
    RuntimePath(String),
    /// The name given for the register feature is not a cargo feature name.
    RegisterFeature(String),
    /// A file could not be written.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Spec(diagnostics) => write!(f, "{diagnostics}"),
            Error::NoSpec => f.write_str("no spec given: call `Builder::spec` with the spec file"),
            Error::RuntimePath(path) => f.write_str(&emit::not_a_runtime_path(path)),
            Error::RegisterFeature(name) => write!(f, "`{name}` is not a cargo feature name ({})", emit::FEATURE_NAME_RULE),
            Error::NoOutDir => f.write_str("no output directory: call `Builder::out_dir`, or run from a build script (OUT_DIR)"),
            Error::Io { path, source } => write!(f, "cannot write {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// What generation did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written (or left alone).
    pub path: PathBuf,
    /// False when the file already held exactly this content and was left
    /// alone (so its modification time, and cargo's rebuild, are spared).
    pub changed: bool,
}

/// Generates Rust models from a spec file.
///
/// In `build.rs`:
///
/// ```no_run
/// // build.rs
/// if let Err(error) = pcr_codegen::Builder::new()
///     .spec("specs/credit-register-extract.yaml")
///     .generate()
/// {
///     panic!("{error}");
/// }
/// ```
///
/// and in the crate:
///
/// ```ignore
/// include!(concat!(env!("OUT_DIR"), "/credit_register_extract.rs"));
/// ```
///
/// The crate needs `pcr-runtime` and `serde` (with `derive`) as
/// dependencies.
#[derive(Debug, Clone)]
pub struct Builder {
    spec: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    rerun_if_changed: bool,
    runtime: Option<String>,
    register_feature: Option<String>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// A builder with no spec yet, writing to `OUT_DIR`.
    pub fn new() -> Self {
        Builder {
            spec: None,
            out_dir: None,
            rerun_if_changed: true,
            runtime: None,
            register_feature: None,
        }
    }

    /// The spec file to generate from.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = Some(path.into());
        self
    }

    /// Where to write; by default the build script's `OUT_DIR`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed=SPEC` (default: yes), so
    /// cargo runs the build script again when the spec changes.
    pub fn emit_rerun_if_changed(mut self, yes: bool) -> Self {
        self.rerun_if_changed = yes;
        self
    }

    /// The path the generated code names the runtime crate by (default
    /// `::pcr_runtime`), for a crate that renames the dependency or
    /// re-exports it: `.runtime_crate("::my_models::pcr_runtime")`.
    pub fn runtime_crate(mut self, path: impl Into<String>) -> Self {
        self.runtime = Some(path.into());
        self
    }

    /// Compiles the register-side forms (each response's `mod register`,
    /// for disclosure) only with the crate's feature `name`, which the
    /// crate must declare; without this, they are always compiled. A crate
    /// that only sends requests and reads answers builds faster without
    /// them.
    pub fn register_feature(mut self, name: impl Into<String>) -> Self {
        self.register_feature = Some(name.into());
        self
    }

    /// Loads and checks the spec, and writes the file(s) whose content
    /// changed.
    pub fn generate(self) -> Result<Vec<Written>, Error> {
        let spec_path = self.spec.ok_or(Error::NoSpec)?;
        if self.rerun_if_changed {
            println!("cargo:rerun-if-changed={}", spec_path.display());
        }
        let out_dir = match self.out_dir {
            Some(dir) => dir,
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        if let Some(name) = &self.register_feature {
            if !emit::is_feature_name(name) {
                return Err(Error::RegisterFeature(name.clone()));
            }
        }
        let mut options = emit::Options {
            register_feature: self.register_feature,
            ..emit::Options::default()
        };
        if let Some(path) = &self.runtime {
            if emit::runtime_path(path).is_none() {
                return Err(Error::RuntimePath(path.clone()));
            }
            options.runtime = path.clone();
        }
        let spec = spec::load(&spec_path).map_err(Error::Spec)?;
        let file = emit::emit_with(&spec, &options).map_err(Error::Spec)?;
        Ok(vec![write_if_changed(&out_dir, &file)?])
    }
}

/// Writes `file` into `dir` unless it already holds exactly that content.
pub fn write_if_changed(dir: &Path, file: &GeneratedFile) -> Result<Written, Error> {
    let path = dir.join(&file.name);
    let io = |source| Error::Io {
        path: path.clone(),
        source,
    };
    if std::fs::read(&path).is_ok_and(|old| old == file.contents.as_bytes()) {
        return Ok(Written {
            path,
            changed: false,
        });
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(&path, &file.contents).map_err(io)?;
    Ok(Written {
        path,
        changed: true,
    })
}
