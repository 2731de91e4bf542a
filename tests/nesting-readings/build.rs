//! Applies each other reading of the v1.4 tables' nesting to the spec, the
//! edit spec/README.md ("Nesting readings") describes, and generates its
//! models into OUT_DIR. A reading whose spec does not check fails the build.

use std::path::{Path, PathBuf};

const SPEC: &str = "../../spec/credit-register-extract/v1.4.yaml";

/// The extract's groups inside `creditRegisterExtract`.
const GROUPS: [&str; 5] = [
    "personRequested",
    "owner",
    "voluntaryBanOnCredits",
    "creditInformationSummary",
    "incomeData",
];

fn main() {
    println!("cargo:rerun-if-changed={SPEC}");
    let spec = std::fs::read_to_string(SPEC).expect("the v1.4 spec");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let readings = [
        (
            "groups_inside_extract",
            groups_inside_extract(&without_readings(&spec, "extract")),
        ),
        (
            "loans_beside_summary",
            loans_beside_summary(&without_readings(&spec, "extract")),
        ),
        (
            "request_flat",
            request_flat(&without_readings(&spec, "request")),
        ),
    ];
    for (name, text) in readings {
        generate(&out.join(name), &text);
    }
}

/// `spec` without the message's `readings`: they name the places of the
/// spec's own nesting, which each reading here changes; the models of a
/// reading are read strictly in its layout.
fn without_readings(spec: &str, id: &str) -> String {
    let mut lines = lines(spec);
    let range = message(&lines, id);
    if let Some(start) = (range.0..range.1).find(|&i| lines[i] == "    readings:") {
        let end = (start + 1..range.1)
            .find(|&i| {
                let line = &lines[i];
                !line.trim().is_empty()
                    && !line.trim_start().starts_with('#')
                    && line.len() - line.trim_start().len() <= 4
            })
            .unwrap_or(range.1);
        lines.drain(start..end);
    }
    text(lines)
}

fn generate(dir: &Path, spec: &str) {
    std::fs::create_dir_all(dir).expect("OUT_DIR is writable");
    let file = dir.join("spec.yaml");
    std::fs::write(&file, spec).expect("OUT_DIR is writable");
    let result = pcr_codegen::Builder::new()
        .spec(&file)
        .out_dir(dir)
        .emit_rerun_if_changed(false)
        .generate();
    if let Err(error) = result {
        panic!("{error}");
    }
}

/// The lines of a message: from `  - id: ID` to the next message, comment
/// or top-level key.
fn message(lines: &[String], id: &str) -> (usize, usize) {
    let start = lines
        .iter()
        .position(|l| l == &format!("  - id: {id}"))
        .unwrap_or_else(|| panic!("no message {id}"));
    let end = (start + 1..lines.len())
        .find(|&i| {
            lines[i].starts_with("  - id: ")
                || lines[i].starts_with("  #")
                || !lines[i].starts_with(' ') && !lines[i].is_empty()
        })
        .unwrap_or(lines.len());
    (start, end)
}

/// The lines of element `json` at `indent` within `range`: its `- json:`
/// line up to the next line, not blank, indented no deeper.
fn element(lines: &[String], range: (usize, usize), indent: usize, json: &str) -> (usize, usize) {
    let head = format!("{}- json: {json}", " ".repeat(indent));
    let start = (range.0..range.1)
        .find(|&i| lines[i] == head)
        .unwrap_or_else(|| panic!("no element {json} at indent {indent}"));
    let end = (start + 1..range.1)
        .find(|&i| {
            let line = &lines[i];
            !line.trim().is_empty() && line.len() - line.trim_start().len() <= indent
        })
        .unwrap_or(range.1);
    (start, end)
}

/// Moves lines by `by` columns.
fn indent(lines: &[String], by: isize) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                l.clone()
            } else if by >= 0 {
                format!("{}{l}", " ".repeat(by as usize))
            } else {
                l[(-by) as usize..].to_string()
            }
        })
        .collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

fn text(lines: Vec<String>) -> String {
    lines.join("\n") + "\n"
}

/// Reading B of the extract: its groups are elements of
/// `creditRegisterExtract`.
fn groups_inside_extract(spec: &str) -> String {
    let mut lines = lines(spec);
    let mut moved = Vec::new();
    for json in GROUPS {
        let range = message(&lines, "extract");
        let (start, end) = element(&lines, range, 6, json);
        moved.extend(indent(&lines[start..end], 4));
        lines.drain(start..end);
    }
    let range = message(&lines, "extract");
    let (_, end) = element(&lines, range, 6, "creditRegisterExtract");
    lines.splice(end..end, moved);
    text(lines)
}

/// Reading B of the loans: beside `creditInformationSummary`, at the top
/// level of the extract.
fn loans_beside_summary(spec: &str) -> String {
    let mut lines = lines(spec);
    let range = message(&lines, "extract");
    let (start, end) = element(&lines, range, 10, "loans");
    let moved = indent(&lines[start..end], -4);
    lines.drain(start..end);
    let range = message(&lines, "extract");
    let (_, end) = element(&lines, range, 6, "incomeData");
    lines.splice(end..end, moved);
    text(lines)
}

/// Reading B of the request: the person's fields at its top level.
fn request_flat(spec: &str) -> String {
    let mut lines = lines(spec);
    let range = message(&lines, "request");
    let group = element(&lines, range, 6, "request");
    let mut fields = Vec::new();
    for json in ["idCodeType", "idCode", "creditRegisterExtractPurpose"] {
        let (start, end) = element(&lines, group, 10, json);
        fields.extend(indent(&lines[start..end], -4));
    }
    lines.splice(group.0..group.1, fields);
    text(lines)
}
