//! The command line: usage errors exit 2, files it cannot use exit 1 with
//! what and where, `certs` writes every file.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pcr-standin"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("standin-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["certs"][..],
        &["serve", "--addr", "not-an-address"][..],
        &["serve", "--max-body-bytes", "-1"][..],
        &["frobnicate"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn certs_writes_every_file_and_serve_names_what_is_missing() {
    let dir = tempdir("certs");
    let out = run(&["certs", "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let certs = pcr_standin::certs::TestCertificates::generate("0737546-2").unwrap();
    for (file, _) in certs.files() {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        assert!(!bytes.is_empty(), "{file}");
    }

    // No certificates where --certs points: exit 1, naming the file.
    let empty = tempdir("empty");
    let out = run(&[
        "serve",
        "--certs",
        empty.to_str().unwrap(),
        "--addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("ca.pem") && text.contains("pcr-standin certs"),
        "{text}"
    );

    // A dataset with errors: every error, each with its file and path.
    let data = tempdir("data");
    std::fs::create_dir_all(&data).unwrap();
    for (name, text) in pcr_standin::data::BUNDLED {
        std::fs::write(data.join(name), text).unwrap();
    }
    std::fs::write(
        data.join("loans.json"),
        r#"[{"loan": {"parties": []}}, {"lender": "0737546-2", "loan": {"contractDate": "someday"}}]"#,
    )
    .unwrap();
    let out = run(&[
        "serve",
        "--data",
        data.to_str().unwrap(),
        "--certs",
        dir.to_str().unwrap(),
        "--addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("loans.json: [0].lender"), "{text}");
    assert!(
        lines[1].contains("loans.json: [1].loan.contractDate"),
        "{text}"
    );
}
