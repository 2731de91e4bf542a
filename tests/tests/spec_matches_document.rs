//! The v1.4 spec, checked row by row against the converted text of the
//! document it transcribes (`document.source_text`, in
//! `../shared/source-documents/` beside the workspace, or in the folder named
//! by `PCR_SOURCE_DOCUMENTS`).
//!
//! Every `source` line an element cites must carry the element's English
//! name, JSON name, markers, data type, P/E/V and permissible values exactly,
//! and its notes and rule texts word for word. Every table row that names a
//! data element or a code in parentheses must be cited by the spec.

use std::collections::BTreeSet;
use std::path::PathBuf;

use pcr_codegen::spec::{self, Element, Marker, Origin, Source, Spec};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/credit-register-extract/v1.4.yaml"
);

struct Document {
    lines: Vec<String>,
}

impl Document {
    /// The 1-based line `n`.
    fn line(&self, n: u32) -> &str {
        self.lines
            .get(n as usize - 1)
            .unwrap_or_else(|| panic!("the document has no line {n}"))
    }

    /// Line `n` and, if the table continues it on a later line (after a page
    /// break, in the last column only), that line too.
    fn text_at(&self, n: u32) -> String {
        let mut text = self.line(n).to_string();
        for next in self.lines.iter().skip(n as usize) {
            if next.trim().is_empty() || next.starts_with("Data element") {
                continue;
            }
            let fields: Vec<&str> = next.split('\t').collect();
            if fields.len() > 1
                && fields[..fields.len() - 1]
                    .iter()
                    .all(|f| f.trim().is_empty())
            {
                text.push('\t');
                text.push_str(fields[fields.len() - 1]);
            }
            break;
        }
        text
    }
}

/// Loads the document, or returns None (and says so) outside CI when it is
/// not beside the workspace.
fn document(spec: &Spec) -> Option<Document> {
    let name = &spec
        .document
        .source_text
        .as_ref()
        .expect("the spec names its source text")
        .value;
    let folder = std::env::var_os("PCR_SOURCE_DOCUMENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../shared/source-documents"
            ))
        });
    let path = folder.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(Document {
            lines: text.lines().map(str::to_string).collect(),
        }),
        Err(error) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "skipped: {} not readable ({error}); set PCR_SOURCE_DOCUMENTS",
                path.display()
            );
            None
        }
        Err(error) => panic!("{}: {error}", path.display()),
    }
}

fn load() -> Option<(Spec, Document)> {
    let spec = spec::load(std::path::Path::new(SPEC)).unwrap_or_else(|d| panic!("{d}"));
    let document = document(&spec)?;
    Some((spec, document))
}

/// The non-empty cells of a table row.
fn cells(line: &str) -> Vec<&str> {
    line.split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The first cell of a row, "English name markers (jsonName)", taken apart.
struct NameCell {
    name: String,
    markers: BTreeSet<&'static str>,
    json: Option<String>,
}

fn name_cell(line: &str) -> Option<NameCell> {
    let cell = *cells(line).first()?;
    let cell = cell.replace("<u>", "").replace("</u>", "");
    let (before, json) = match (cell.rfind(" ("), cell.ends_with(')')) {
        (Some(open), true) => (
            cell[..open].to_string(),
            Some(cell[open + 2..cell.len() - 1].to_string()),
        ),
        _ => (cell.clone(), None),
    };
    let mut words: Vec<&str> = before.split_whitespace().collect();
    let mut markers = BTreeSet::new();
    while let Some(last) = words.last() {
        let marker = match *last {
            "*" => "*",
            "1" | "¹" => "1",
            "2" | "²" => "2",
            _ => break,
        };
        markers.insert(marker);
        words.pop();
    }
    Some(NameCell {
        name: words.join(" "),
        markers,
        json,
    })
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn document_lines(sources: &[Source]) -> Vec<(String, u32)> {
    sources
        .iter()
        .filter_map(|s| match s {
            Source::Document {
                section,
                line: Some(line),
            } => Some((section.value.clone(), line.value)),
            _ => None,
        })
        .collect()
}

fn walk<'a>(elements: &'a [Element], out: &mut Vec<&'a Element>) {
    for element in elements {
        out.push(element);
        walk(&element.elements, out);
    }
}

fn all_elements(spec: &Spec) -> Vec<&Element> {
    let mut out = Vec::new();
    for message in &spec.messages {
        walk(&message.elements, &mut out);
    }
    out
}

#[test]
fn source_lines_is_the_length_of_the_source_text() {
    let Some((spec, document)) = load() else {
        return;
    };
    let lines = spec
        .document
        .source_lines
        .as_ref()
        .expect("the spec gives source_lines beside source_text");
    assert_eq!(lines.value as usize, document.lines.len());
}

#[test]
fn every_cited_row_says_what_the_spec_says() {
    let Some((spec, document)) = load() else {
        return;
    };
    let data_types: Vec<&str> = spec::DATA_TYPES.iter().map(|(name, _)| *name).collect();
    let mut problems = Vec::new();
    for element in all_elements(&spec).into_iter().filter(|e| !e.register_side) {
        let lines = document_lines(&element.source);
        if lines.is_empty() {
            problems.push(format!("{}: cites no line of the document", element.path));
        }
        let mut text = String::new();
        for (section, n) in &lines {
            let line = document.line(*n);
            let at = format!("{} (section {section}, line {n})", element.path);
            let Some(cell) = name_cell(line) else {
                problems.push(format!("{at}: the line is not a table row"));
                continue;
            };
            if cell.name != element.name.value {
                problems.push(format!(
                    "{at}: the row names {:?}, the spec {:?}",
                    cell.name, element.name.value
                ));
            }
            match &cell.json {
                Some(json) if *json != element.json.value => {
                    problems.push(format!("{at}: the row's JSON name is {json}"));
                }
                None if !element
                    .decisions
                    .iter()
                    .any(|d| d.topic.value == "json name") =>
                {
                    problems.push(format!(
                        "{at}: the row gives no JSON name and the spec records no decision"
                    ));
                }
                _ => {}
            }
            let markers: BTreeSet<&str> = element
                .markers
                .iter()
                .map(|m| m.value)
                // Section 3.3 prints only `*`; section 4 prints all.
                .filter(|m| section == "4" || *m == Marker::Asterisk)
                .map(Marker::symbol)
                .collect();
            if markers != cell.markers {
                problems.push(format!(
                    "{at}: the row's markers are {:?}, the spec's {markers:?}",
                    cell.markers
                ));
            }
            let row = cells(line);
            match &element.data_type {
                Some(data_type) if !row.contains(&data_type.value.as_str()) => {
                    problems.push(format!(
                        "{at}: the row has no data type {:?}",
                        data_type.value
                    ));
                }
                None if row.iter().any(|c| data_types.contains(c)) => {
                    problems.push(format!("{at}: the row has a data type, the spec none"));
                }
                _ => {}
            }
            let pev = row.iter().find(|c| matches!(**c, "P" | "E" | "V"));
            let required = element.required.as_ref().map(|r| format!("{:?}", r.value));
            let has_decision = element
                .decisions
                .iter()
                .any(|d| d.topic.value == "required");
            if pev.map(|c| c.to_string()) != required && !(pev.is_none() && has_decision) {
                problems.push(format!(
                    "{at}: the row's P/E/V is {pev:?}, the spec's {required:?}"
                ));
            }
            if let Some(permissible) = &element.permissible {
                if !row.contains(&permissible.value.as_str()) {
                    problems.push(format!(
                        "{at}: the row has no permissible values {:?}",
                        permissible.value
                    ));
                }
            }
            text.push_str(&document.text_at(*n));
            text.push(' ');
        }
        let text = squash(&text);
        let mut quoted: Vec<&str> = element.notes.iter().map(|n| n.value.as_str()).collect();
        quoted.extend(element.presence.iter().map(|p| p.text.value.as_str()));
        quoted.extend(
            element
                .rules
                .iter()
                .filter(|r| r.origin.value == Origin::Document)
                .map(|r| r.text.value.as_str()),
        );
        for quote in quoted {
            // "Section 4: ..." labels a note that only section 4 gives.
            let quote = quote.strip_prefix("Section 4: ").unwrap_or(quote);
            if !text.contains(&squash(quote)) && !moved_by_decision(element, quote) {
                problems.push(format!("{}: {:?} is not on its rows", element.path, quote));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A text that stands on another row, moved here by a decision that quotes
/// it (the "Request" group's note stands on its first element's row).
fn moved_by_decision(element: &Element, quote: &str) -> bool {
    let quote = squash(quote.trim_end_matches('.'));
    element
        .decisions
        .iter()
        .any(|d| squash(&d.text.value).contains(&quote))
}

#[test]
fn every_row_naming_an_element_is_in_the_spec() {
    let Some((spec, document)) = load() else {
        return;
    };
    let cited: BTreeSet<u32> = all_elements(&spec)
        .iter()
        .flat_map(|e| document_lines(&e.source))
        .map(|(_, n)| n)
        .collect();
    let first_table = document
        .lines
        .iter()
        .position(|l| l.starts_with("Data element"))
        .expect("the document has tables");
    let mut missing = Vec::new();
    for (i, line) in document.lines.iter().enumerate().skip(first_table) {
        let n = i as u32 + 1;
        let Some(cell) = name_cell(line) else {
            continue;
        };
        let names_element = cell
            .json
            .as_deref()
            .is_some_and(|j| j.starts_with(|c: char| c.is_ascii_lowercase()));
        let is_request_row = cells(line) == ["Request"];
        if (names_element || is_request_row) && !cited.contains(&n) {
            missing.push(format!("line {n}: {line}"));
        }
    }
    assert!(
        missing.is_empty(),
        "rows not in the spec:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_codeset_and_code_of_section_1_3_is_in_the_spec() {
    let Some((spec, document)) = load() else {
        return;
    };
    let start = document
        .lines
        .iter()
        .position(|l| l == "1.3 Codesets")
        .expect("section 1.3");
    let end = document
        .lines
        .iter()
        .position(|l| l.starts_with("Error codes and processing rules"))
        .expect("end of 1.3");
    const STAGE: &str = " - Use is not allowed in the first stage of the register.";
    let mut problems = Vec::new();
    for i in start..end {
        let n = i as u32 + 1;
        let line = &document.lines[i];
        let Some(open) = line.rfind(" (") else {
            continue;
        };
        let text = line.trim_start_matches([' ', '-', 'o']).trim_start();
        let restricted = line.ends_with(STAGE);
        let line_core = line.strip_suffix(STAGE).unwrap_or(line);
        let code = &line_core[open + 2..line_core.len() - 1];
        let label = text[..text.rfind(" (").unwrap_or(0)].to_string();
        let cites = |s: &Option<Source>| matches!(s, Some(Source::Document { line: Some(l), .. }) if l.value == n);
        let codeset = spec.codesets.iter().find(|c| cites(&c.source));
        let value = spec
            .codesets
            .iter()
            .flat_map(|c| c.values())
            .find(|v| cites(&v.source));
        match (codeset, value) {
            (Some(codeset), None) => {
                if codeset.id.value != code || codeset.name.value != label {
                    problems.push(format!(
                        "line {n}: codeset {} {:?}",
                        codeset.id.value, codeset.name.value
                    ));
                }
            }
            (None, Some(value)) => {
                if value.code.value != code || value.label.value != label {
                    problems.push(format!(
                        "line {n}: value {} {:?}",
                        value.code.value, value.label.value
                    ));
                }
                if restricted == value.not_allowed_in_stages.is_empty() {
                    problems.push(format!(
                        "line {n}: stage restriction of {} differs",
                        value.code.value
                    ));
                }
            }
            _ => problems.push(format!(
                "line {n} is cited by no codeset or value, or by two: {line}"
            )),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn version_history_and_http_statuses_match() {
    let Some((spec, document)) = load() else {
        return;
    };
    for entry in &spec.document.history {
        let Some(Source::Document { line: Some(n), .. }) = &entry.source else {
            panic!("history {} cites no line", entry.version.value)
        };
        let row = cells(document.line(n.value));
        assert_eq!(row[0], entry.version.value);
        assert_eq!(
            squash(row[2]),
            squash(&entry.description.value),
            "history {}",
            entry.version.value
        );
        let (day, month, year) = (
            entry.date.value.day(),
            entry.date.value.month(),
            entry.date.value.year(),
        );
        let month = &format!("{month}")[..3];
        assert!(
            row[1].starts_with(&format!("{day} {month}")) && row[1].ends_with(&year.to_string()),
            "{:?}",
            row[1]
        );
    }
    let table: Vec<Vec<&str>> = document
        .lines
        .iter()
        .skip_while(|l| *l != "Status\tReason")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| cells(l))
        .collect();
    let spec_rows: Vec<(String, String)> = spec
        .http_statuses
        .iter()
        .map(|s| (s.status.value.to_string(), s.reason.value.clone()))
        .collect();
    let document_rows: Vec<(String, String)> = table
        .iter()
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    assert_eq!(spec_rows, document_rows);
}
