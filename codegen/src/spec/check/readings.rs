//! Each message's nesting readings: ids unique and of the form
//! `lower-case-words`, every place naming an element of the message and a
//! place of the reading's layout that the element does not already have,
//! under the element's own name.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn readings(&mut self) {
        let spec = self.spec;
        for message in &spec.messages {
            let base = format!("messages[{}].readings", message.id.value);
            self.unique(
                message
                    .readings
                    .iter()
                    .map(|r| (&r.id, format!("{base}[{}]", r.id.value))),
                "reading",
                false,
            );
            for reading in &message.readings {
                self.reading(message, reading, &format!("{base}[{}]", reading.id.value));
            }
        }
    }

    fn reading(&mut self, message: &Message, reading: &Reading, path: &str) {
        let id = &reading.id;
        if !is_reading_id(&id.value) {
            self.report(
                Kind::InvalidValue,
                id.pos,
                path,
                format!("`{}` is not a reading id", id.value),
                Some("lower-case words joined by hyphens, e.g. groups-inside-extract".to_string()),
            );
        }
        if reading.places.is_empty() {
            self.report(
                Kind::MissingKey,
                reading.pos,
                path,
                "the reading puts no element elsewhere".to_string(),
                Some("list each element it moves: places: [{element: loans, at: creditRegisterExtract.loans}]".to_string()),
            );
        }
        for (i, place) in reading.places.iter().enumerate() {
            let here = format!("{path}.places[{i}]");
            let element = &place.element;
            if find_path(&message.elements, &element.value).is_none() {
                let names: Vec<String> = all_paths(&message.elements, "");
                self.report(
                    Kind::UnknownElement,
                    element.pos,
                    &here,
                    format!("`{}` is not an element of message `{}`", element.value, message.id.value),
                    did_you_mean(&element.value, names.iter().map(String::as_str))
                        .or(Some("name it by its JSON names from the message's top, dotted: creditInformationSummary.loans".to_string())),
                );
            }
            let at = &place.at;
            let segments: Vec<&str> = at.value.split('.').collect();
            if let Some(bad) = segments.iter().find(|s| !is_json_name(s)) {
                self.report(
                    Kind::InvalidValue,
                    at.pos,
                    &here,
                    format!("`{bad}` in `{}` is not a JSON name", at.value),
                    Some(
                        "dotted JSON names from the message's top: creditRegisterExtract.loans"
                            .to_string(),
                    ),
                );
                continue;
            }
            if at.value == element.value {
                self.report(
                    Kind::Inconsistent,
                    at.pos,
                    &here,
                    format!("`{}` is where the spec puts the element already", at.value),
                    Some("a reading lists only the elements it puts elsewhere".to_string()),
                );
            } else if segments.last() != element.value.rsplit('.').next().as_ref() {
                self.report(
                    Kind::Inconsistent,
                    at.pos,
                    &here,
                    format!(
                        "a reading moves an element, it does not rename it: `{}` ends in another name than `{}`",
                        at.value, element.value
                    ),
                    None,
                );
            } else if find_path(&message.elements, &at.value).is_some() {
                self.report(
                    Kind::Inconsistent,
                    at.pos,
                    &here,
                    format!("the spec has an element at `{}` already: a reader could not tell the two apart", at.value),
                    None,
                );
            }
        }
        self.unique(
            reading
                .places
                .iter()
                .enumerate()
                .map(|(i, p)| (&p.element, format!("{path}.places[{i}]"))),
            "place of element",
            false,
        );
        self.unique(
            reading
                .places
                .iter()
                .enumerate()
                .map(|(i, p)| (&p.at, format!("{path}.places[{i}]"))),
            "place",
            false,
        );
    }
}

/// The element at a dotted path of JSON names.
fn find_path<'e>(elements: &'e [Element], path: &str) -> Option<&'e Element> {
    let mut found: Option<&Element> = None;
    let mut level = elements;
    for name in path.split('.') {
        let element = level.iter().find(|e| e.json.value == name)?;
        level = &element.elements;
        found = Some(element);
    }
    found
}

/// Every element's dotted path, for suggestions.
fn all_paths(elements: &[Element], prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in elements {
        let path = if prefix.is_empty() {
            element.json.value.clone()
        } else {
            format!("{prefix}.{}", element.json.value)
        };
        out.extend(all_paths(&element.elements, &path));
        out.push(path);
    }
    out
}

fn is_reading_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}
