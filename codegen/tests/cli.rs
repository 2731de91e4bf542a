//! `pcr-codegen check` as a user runs it: exit codes, the summary line, and
//! every diagnostic of a broken spec with its line and column.

#[path = "../src/defaults.rs"]
mod defaults;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pcr-codegen");

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn check_without_arguments_checks_the_v14_spec() {
    let out = run(&workspace(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "one summary line: {stdout}");
    let spec = pcr_codegen::spec::load(&workspace().join(defaults::DEFAULT_SPEC)).unwrap();
    let summary = pcr_codegen::spec::Counts::of(&spec);
    assert_eq!(
        stdout.trim_end(),
        format!(
            "spec/credit-register-extract/v1.4.yaml: ok: credit-register-extract v1.4: {summary}"
        )
    );
    // Section 1.3 lists 8 codesets with 44 values; 3.2–3.5 describe 4 messages.
    assert!(
        stdout.contains("10 codesets (44 values), 4 messages"),
        "{stdout}"
    );
}

#[test]
fn check_finds_the_default_spec_from_another_directory() {
    let out = run(&std::env::temp_dir(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// The spec with three planted mistakes, and the 1-based line of each.
fn planted() -> (String, [usize; 3]) {
    let spec = std::fs::read_to_string(workspace().join(defaults::DEFAULT_SPEC)).unwrap();
    let spec = spec
        .replacen(
            "codeset: ReasonForCreditBan",
            "codeset: ReasonForCreditBans",
            1,
        )
        .replacen(
            "          - json: wagesNetAmount",
            "          - json: wagesGrossAmount",
            1,
        )
        .replacen(
            "        required: P\n        permissible: \"Codeset: Target",
            "        required: E\n        permissible: \"Codeset: Target",
            1,
        );
    // The last line holding `needle`: a duplicate is reported where it
    // repeats.
    let line_of = |needle: &str| {
        spec.lines()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| l.contains(needle))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{needle} not planted"))
    };
    let lines = [
        line_of("json: targetEnvironment") + 3, // its `required: E`
        line_of("codeset: ReasonForCreditBans"),
        line_of("          - json: wagesGrossAmount"),
    ];
    (spec, lines)
}

#[test]
fn check_reports_three_planted_mistakes_with_lines_and_columns() {
    let (spec, lines) = planted();
    let dir = tempdir();
    std::fs::write(dir.join("planted.yaml"), spec).unwrap();
    let out = run(&dir, &["check", "planted.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let heads: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("planted.yaml:"))
        .collect();
    assert_eq!(heads.len(), 3, "{stderr}");
    let expected = [
        (lines[0], 19, "error[missing-rule]"),
        (lines[1], 22, "error[unknown-codeset]"),
        (lines[2], 23, "error[duplicate]"),
    ];
    for (head, (line, col, kind)) in heads.iter().zip(expected) {
        assert!(
            head.starts_with(&format!("planted.yaml:{line}:{col}: {kind}")),
            "{head}\n{stderr}"
        );
    }
    assert!(stderr.contains("at messages[request].targetEnvironment"));
    assert!(stderr.contains("help: did you mean `ReasonForCreditBan`?"));
    assert!(stderr.contains("at messages[extract].incomeData.months.wagesGrossAmount"));
    assert!(stderr.trim_end().ends_with("3 errors in the spec"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let out = run(&workspace(), &["check", "no-such-spec.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("no-such-spec.yaml:1:1: error[io]: cannot read the spec"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check", "a.yaml", "b.yaml"],
        &["check", "--colour"],
    ] {
        let out = run(&workspace(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("Usage"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

/// A fresh directory under the target dir (no extra crate for one helper).
fn tempdir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn generate_writes_then_leaves_unchanged_files_alone() {
    let dir = tempdir().join("generate");
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_str().unwrap();
    let args = ["generate", "--out", out, "--register-feature", "register"];
    let first = run(&workspace(), &args);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let file = dir.join("credit_register_extract.rs");
    assert_eq!(text(&first.stdout), format!("wrote {}\n", file.display()));
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let second = run(&workspace(), &args);
    assert_eq!(
        text(&second.stdout),
        format!("unchanged {}\n", file.display())
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified
    );
    // The same bytes as the checked-in models.
    let checked_in =
        std::fs::read(workspace().join("generated/src/credit_register_extract.rs")).unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), checked_in);

    // Models written elsewhere compile their register-side forms always,
    // unless a feature is named; a name cargo would refuse is a usage error.
    let plain = run(&workspace(), &["generate", "--out", out]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    let contents = std::fs::read_to_string(&file).unwrap();
    assert_eq!(contents.matches("pub mod register {").count(), 2);
    assert!(!contents.contains("#[cfg(feature"));
    let checked_in = String::from_utf8(checked_in).unwrap();
    assert_eq!(
        checked_in
            .matches("#[cfg(feature = \"register\")]\n    pub mod register {")
            .count(),
        2
    );
    for bad in ["", "-x", "two words", "é"] {
        let out = run(
            &workspace(),
            &["generate", "--out", out, "--register-feature", bad],
        );
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", text(&out.stderr));
    }
}

#[test]
fn generate_with_schema_out_writes_models_and_schemas_where_asked() {
    let dir = tempdir().join("generate-schema-out");
    let _ = std::fs::remove_dir_all(&dir);
    let (models, schemas) = (dir.join("models"), dir.join("schemas"));
    let out = run(
        &workspace(),
        &[
            "generate",
            "--out",
            models.to_str().unwrap(),
            "--schema-out",
            schemas.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let names = [
        "request.schema.json",
        "extract.schema.json",
        "deceased.schema.json",
        "invalid_request.schema.json",
        "openapi.json",
    ];
    let mut expected = format!(
        "wrote {}\n",
        models.join("credit_register_extract.rs").display()
    );
    for name in names {
        expected.push_str(&format!("wrote {}\n", schemas.join(name).display()));
    }
    assert_eq!(text(&out.stdout), expected);
    // The same bytes as the checked-in ones, and nothing else written.
    for name in names {
        assert_eq!(
            std::fs::read(schemas.join(name)).unwrap(),
            std::fs::read(workspace().join("generated/schema").join(name)).unwrap(),
            "{name}"
        );
    }
    assert_eq!(std::fs::read_dir(&schemas).unwrap().count(), names.len());
    assert_eq!(std::fs::read_dir(&models).unwrap().count(), 1);
}

#[test]
fn generate_without_arguments_finds_the_checked_in_models_up_to_date() {
    let out = run(&workspace(), &["generate"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "unchanged generated/src/credit_register_extract.rs\n\
         unchanged generated/schema/request.schema.json\n\
         unchanged generated/schema/extract.schema.json\n\
         unchanged generated/schema/deceased.schema.json\n\
         unchanged generated/schema/invalid_request.schema.json\n\
         unchanged generated/schema/openapi.json\n"
    );
}

#[test]
fn schema_writes_the_chosen_documents_as_generate_does() {
    let dir = tempdir().join("schema");
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.to_str().unwrap();
    let openapi = run(
        &workspace(),
        &["schema", "--format", "openapi", "--out", out],
    );
    assert_eq!(openapi.status.code(), Some(0), "{}", text(&openapi.stderr));
    assert_eq!(
        text(&openapi.stdout),
        format!("wrote {}\n", dir.join("openapi.json").display())
    );
    let all = run(&workspace(), &["schema", "--out", out]);
    assert_eq!(all.status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "deceased.schema.json",
            "extract.schema.json",
            "invalid_request.schema.json",
            "openapi.json",
            "request.schema.json"
        ]
    );
    // The same bytes as those `generate` checked in.
    for name in names {
        assert_eq!(
            std::fs::read(dir.join(&name)).unwrap(),
            std::fs::read(workspace().join("generated/schema").join(&name)).unwrap(),
            "{name}"
        );
    }
    for args in [
        &["schema", "--format", "yaml"][..],
        &["schema", "--format"],
        &["schema", "extra"],
    ] {
        assert_eq!(run(&workspace(), args).status.code(), Some(2), "{args:?}");
    }
    // A spec without `api` has schemas of its messages, no OpenAPI document.
    let minimal = workspace().join("codegen/tests/specs/minimal.yaml");
    let minimal = minimal.to_str().unwrap();
    let no_api = run(
        &dir,
        &[
            "schema", "--spec", minimal, "--format", "openapi", "--out", "none",
        ],
    );
    assert_eq!(no_api.status.code(), Some(1));
    assert!(
        text(&no_api.stderr).contains("no `api` in the spec"),
        "{}",
        text(&no_api.stderr)
    );
    assert!(!dir.join("none").exists());
    let both = run(&dir, &["schema", "--spec", minimal, "--out", "minimal"]);
    assert_eq!(both.status.code(), Some(0), "{}", text(&both.stderr));
    assert!(text(&both.stderr).contains("no OpenAPI document"));
    assert!(!dir.join("minimal/openapi.json").exists());
    assert!(std::fs::read_dir(dir.join("minimal")).unwrap().count() > 0);
    let (spec, _) = planted();
    std::fs::write(dir.join("planted.yaml"), spec).unwrap();
    let broken = run(&dir, &["schema", "--spec", "planted.yaml", "--out", "out"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(!dir.join("out").exists());
}

#[test]
fn generate_from_a_broken_spec_writes_nothing_and_exits_1() {
    let (spec, _) = planted();
    let dir = tempdir().join("broken");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("planted.yaml"), spec).unwrap();
    let out = run(
        &dir,
        &["generate", "--spec", "planted.yaml", "--out", "models"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("3 errors in the spec"));
    assert!(!dir.join("models").exists());
}

#[test]
fn generate_usage_errors_exit_2() {
    for args in [
        &["generate", "--spec"][..],
        &["generate", "extra"],
        &["generate", "--outdir", "x"],
    ] {
        assert_eq!(run(&workspace(), args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn readme_shows_the_summary_line_check_prints() {
    let out = run(
        &workspace(),
        &["check", "spec/credit-register-extract/v1.4.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    assert!(
        readme.lines().any(|l| l == line.trim_end()),
        "README.md does not show the line `check` prints:\n{line}"
    );
}

#[test]
fn another_spec_without_out_writes_nothing_into_generated() {
    let tour = workspace().join("tests/downstream-build/specs/feature-tour.yaml");
    let tour = tour.to_str().unwrap();
    let models = workspace().join("generated/src/credit_register_extract.rs");
    let schema = workspace().join("generated/schema/openapi.json");
    let before = (
        std::fs::read(&models).unwrap(),
        std::fs::read(&schema).unwrap(),
    );
    // From the workspace and from elsewhere, `generate` and `schema` alike.
    for dir in [workspace(), std::env::temp_dir()] {
        for command in ["generate", "schema"] {
            let out = run(&dir, &[command, "--spec", tour]);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{command}: {}",
                text(&out.stdout)
            );
            let stderr = text(&out.stderr);
            assert!(stderr.contains("give --out DIR"), "{stderr}");
            assert!(out.stdout.is_empty());
        }
    }
    assert_eq!(
        (
            std::fs::read(&models).unwrap(),
            std::fs::read(&schema).unwrap()
        ),
        before
    );
    // The workspace's own spec, named, is the main job still.
    let own = run(
        &workspace(),
        &[
            "generate",
            "--spec",
            "spec/credit-register-extract/v1.4.yaml",
        ],
    );
    assert_eq!(own.status.code(), Some(0), "{}", text(&own.stderr));
    assert!(text(&own.stdout).contains("unchanged"));
}
