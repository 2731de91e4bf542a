//! Codesets and their values.

use super::*;

impl<'a> Differ<'a> {
    /// Codesets that some request element takes its values from.
    pub(super) fn in_requests(spec: &Spec) -> BTreeSet<String> {
        fn walk(elements: &[Element], out: &mut BTreeSet<String>) {
            for e in elements {
                if let Some(c) = &e.codeset {
                    out.insert(c.value.clone());
                }
                walk(&e.elements, out);
            }
        }
        let mut out = BTreeSet::new();
        for m in spec
            .messages
            .iter()
            .filter(|m| m.direction.value == Direction::Request)
        {
            walk(&m.elements, &mut out);
        }
        out
    }

    pub(super) fn codesets(&mut self) {
        let (old, new) = (self.old, self.new);
        let requested = Self::in_requests(new);
        for (id, pair) in paired(&old.codesets, &new.codesets, |c| &c.id.value) {
            let path = format!("codesets[{id}]");
            match pair {
                Paired::Added(c) => self.push(
                    path,
                    What::CodesetAdded,
                    None,
                    Some(c.name.value.clone()),
                    sections(c.source.as_slice()),
                ),
                Paired::Removed(c) => self.push(
                    path,
                    What::CodesetRemoved,
                    Some(c.name.value.clone()),
                    None,
                    sections(c.source.as_slice()),
                ),
                Paired::Both(o, c) => self.codeset_changes(path, o, c, requested.contains(id)),
            }
        }
    }

    /// What changed in a codeset both specs have.
    fn codeset_changes(&mut self, path: String, o: &Codeset, c: &Codeset, in_requests: bool) {
        let sections = sections(c.source.as_slice());
        // Compare what the codeset is, not where it was written.
        if content_text(o) != content_text(c)
            && !matches!(
                (&o.content, &c.content),
                (CodesetContent::Listed(_), CodesetContent::Listed(_))
            )
        {
            self.push(
                path,
                What::CodesetChanged,
                Some(content_text(o)),
                Some(content_text(c)),
                sections,
            );
            return;
        }
        for value in c.values() {
            let value_path = format!("{path}.values[{}]", value.code.value);
            let value_sections = sections_or(value.source.as_slice(), &sections);
            match o.value(&value.code.value) {
                None => self.push(
                    value_path,
                    What::CodesetValueAdded,
                    None,
                    Some(value.code.value.clone()),
                    value_sections,
                ),
                Some(old_value) => {
                    let old_stages: BTreeSet<Stage> = old_value
                        .not_allowed_in_stages
                        .iter()
                        .map(|s| s.value)
                        .collect();
                    let new_stages: BTreeSet<Stage> = value
                        .not_allowed_in_stages
                        .iter()
                        .map(|s| s.value)
                        .collect();
                    if old_stages != new_stages {
                        self.push(
                            value_path.clone(),
                            What::CodesetValueStageChanged {
                                in_requests,
                                fewer_refused: new_stages.is_subset(&old_stages),
                            },
                            Some(stages_text(&old_stages)),
                            Some(stages_text(&new_stages)),
                            value_sections.clone(),
                        );
                    }
                    self.push_in_force(
                        value_path.clone(),
                        &old_value.in_force,
                        &value.in_force,
                        value_sections.clone(),
                        |narrower| What::CodeInForceChanged {
                            in_requests,
                            narrower,
                        },
                    );
                    if old_value.label.value != value.label.value {
                        self.push(
                            value_path,
                            What::CodesetValueLabelChanged,
                            Some(old_value.label.value.clone()),
                            Some(value.label.value.clone()),
                            value_sections,
                        );
                    }
                }
            }
        }
        for value in o.values() {
            if c.value(&value.code.value).is_none() {
                self.push(
                    format!("{path}.values[{}]", value.code.value),
                    What::CodesetValueRemoved { in_requests },
                    Some(value.code.value.clone()),
                    None,
                    sections_or(value.source.as_slice(), &sections),
                );
            }
        }
    }
}

pub(super) fn content_text(c: &Codeset) -> String {
    match &c.content {
        CodesetContent::Listed(values) => format!("{} listed values", values.len()),
        CodesetContent::Standard(s) => s.value.name().to_string(),
    }
}

pub(super) fn stages_text(stages: &BTreeSet<Stage>) -> String {
    if stages.is_empty() {
        "allowed in every stage".to_string()
    } else {
        format!(
            "not allowed in the {} stage",
            stages
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(" and ")
        )
    }
}
