//! Messages and their elements: added, removed, renamed, moved, and
//! each change of an element present in both.

use super::*;

impl<'a> Differ<'a> {
    /// The readings of a message in both versions, by id.
    fn readings(&mut self, old: &'a Message, new: &'a Message) {
        let direction = new.direction.value;
        let places = |r: &crate::spec::Reading| -> Vec<String> {
            r.places
                .iter()
                .map(|p| format!("{} at {}", p.element.value, p.at.value))
                .collect()
        };
        let texts = |r: &crate::spec::Reading| {
            (
                r.title.value.clone(),
                r.evidence.value.clone(),
                r.weakness.value.clone(),
                r.source.iter().map(ToString::to_string).collect::<Vec<_>>(),
            )
        };
        let path = |r: &crate::spec::Reading| {
            format!("messages[{}].readings[{}]", new.id.value, r.id.value)
        };
        for (_, pair) in paired(&old.readings, &new.readings, |r| &r.id.value) {
            match pair {
                Paired::Added(n) => self.push(
                    path(n),
                    What::ReadingAdded { direction },
                    None,
                    Some(places(n).join("; ")),
                    sections(&n.source),
                ),
                Paired::Removed(o) => self.push(
                    path(o),
                    What::ReadingRemoved { direction },
                    Some(places(o).join("; ")),
                    None,
                    sections(&o.source),
                ),
                Paired::Both(o, n) if places(o) != places(n) => self.push(
                    path(n),
                    What::ReadingChanged {
                        direction,
                        places: true,
                        fewer: places(o).iter().any(|p| !places(n).contains(p)),
                    },
                    Some(places(o).join("; ")),
                    Some(places(n).join("; ")),
                    sections(&n.source),
                ),
                Paired::Both(o, n) if texts(o) != texts(n) => self.push(
                    path(n),
                    What::ReadingChanged {
                        direction,
                        places: false,
                        fewer: false,
                    },
                    Some(format!(
                        "{}: {} / {}",
                        o.title.value, o.evidence.value, o.weakness.value
                    )),
                    Some(format!(
                        "{}: {} / {}",
                        n.title.value, n.evidence.value, n.weakness.value
                    )),
                    sections(&n.source),
                ),
                Paired::Both(..) => {}
            }
        }
    }

    pub(super) fn messages(&mut self) {
        let (old, new) = (self.old, self.new);
        let mut old_elements = BTreeMap::new();
        let mut new_elements = BTreeMap::new();
        for (id, pair) in paired(&old.messages, &new.messages, |m| &m.id.value) {
            let path = format!("messages[{id}]");
            match pair {
                Paired::Added(m) => self.push(
                    path,
                    What::MessageAdded,
                    None,
                    Some(m.name.value.clone()),
                    sections(m.source.as_slice()),
                ),
                Paired::Removed(m) => self.push(
                    path,
                    What::MessageRemoved {
                        direction: m.direction.value,
                    },
                    Some(m.name.value.clone()),
                    None,
                    sections(m.source.as_slice()),
                ),
                Paired::Both(o, m) => {
                    if o.direction.value != m.direction.value {
                        self.push(
                            path.clone(),
                            What::MessageDirectionChanged,
                            Some(format!("{:?}", o.direction.value)),
                            Some(format!("{:?}", m.direction.value)),
                            sections(m.source.as_slice()),
                        );
                    }
                    self.readings(o, m);
                    // The elements of the messages both have, compared
                    // across messages (an element may move between them).
                    flatten(o, &o.elements, &path, &mut old_elements);
                    flatten(m, &m.elements, &path, &mut new_elements);
                }
            }
        }
        self.elements(old_elements, new_elements);
    }

    pub(super) fn elements(
        &mut self,
        mut old: BTreeMap<String, Placed<'a>>,
        mut new: BTreeMap<String, Placed<'a>>,
    ) {
        // Renames the spec declares.
        let renamed: Vec<(String, String)> = new
            .iter()
            .filter_map(|(path, p)| {
                let from = p.element.renamed_from.as_ref()?;
                let parent = &path[..path.len() - p.element.json.value.len()];
                let old_path = format!("{parent}{}", from.value);
                old.contains_key(&old_path)
                    .then(|| (old_path, path.clone()))
            })
            .collect();
        for (old_path, new_path) in renamed {
            let (o, n) = (
                old.remove(&old_path).expect("present"),
                new.remove(&new_path).expect("present"),
            );
            self.relocated(true, old_path, new_path, &o, &n);
        }
        // Elements in both versions.
        let common: Vec<String> = new
            .keys()
            .filter(|k| old.contains_key(*k))
            .cloned()
            .collect();
        for path in common {
            let (o, n) = (
                old.remove(&path).expect("present"),
                new.remove(&path).expect("present"),
            );
            self.element(&path, &o, &n);
        }
        // Moves: the same name and type under another parent.
        let moves: Vec<(String, String)> = new
            .iter()
            .filter_map(|(path, n)| {
                old.iter()
                    .find(|(_, o)| {
                        o.element.json.value == n.element.json.value
                            && o.message.id.value == n.message.id.value
                            && shape_text(o.element) == shape_text(n.element)
                            && o.element.elements.is_empty()
                    })
                    .map(|(old_path, _)| (old_path.clone(), path.clone()))
            })
            .collect();
        for (old_path, new_path) in moves {
            let (Some(o), Some(n)) = (old.remove(&old_path), new.remove(&new_path)) else {
                continue;
            };
            self.relocated(false, old_path, new_path, &o, &n);
        }
        for (path, n) in new {
            let e = n.element;
            // Skip the elements of an added group: the group says it all.
            if new_parent_added(&path, &self.changes) {
                continue;
            }
            self.push(
                path,
                What::ElementAdded {
                    direction: n.message.direction.value,
                    register_side: e.register_side,
                    required: e.required.as_ref().map(|r| r.value),
                },
                None,
                Some(shape_text(e)),
                sections(&e.source),
            );
        }
        for (path, o) in old {
            let e = o.element;
            if old_parent_removed(&path, &self.changes) {
                continue;
            }
            self.push(
                path,
                What::ElementRemoved {
                    direction: o.message.direction.value,
                    register_side: e.register_side,
                    optional: o.optional,
                },
                Some(shape_text(e)),
                None,
                sections(&e.source),
            );
        }
    }

    /// An element renamed (or else moved), then its other changes.
    pub(super) fn relocated(
        &mut self,
        renamed: bool,
        old_path: String,
        new_path: String,
        o: &Placed<'a>,
        n: &Placed<'a>,
    ) {
        let (direction, register_side) = (n.message.direction.value, n.element.register_side);
        let what = if renamed {
            What::ElementRenamed {
                direction,
                register_side,
            }
        } else {
            What::ElementMoved {
                direction,
                register_side,
            }
        };
        self.push(
            new_path.clone(),
            what,
            Some(old_path),
            Some(new_path.clone()),
            sections(&n.element.source),
        );
        self.element(&new_path, o, n);
    }

    /// The changes of an element present in both versions.
    pub(super) fn element(&mut self, path: &str, o: &Placed<'a>, n: &Placed<'a>) {
        let (oe, ne) = (o.element, n.element);
        let direction = n.message.direction.value;
        let sections = sections(&ne.source);
        let path = path.to_string();
        if shape_text(oe) != shape_text(ne) || oe.shape != ne.shape {
            self.push(
                path.clone(),
                What::TypeChanged { direction },
                Some(shape_text(oe)),
                Some(shape_text(ne)),
                sections.clone(),
            );
        }
        if oe.register_side != ne.register_side {
            self.push(
                path.clone(),
                What::RegisterSideChanged,
                Some(oe.register_side.to_string()),
                Some(ne.register_side.to_string()),
                sections.clone(),
            );
        }
        if required_text(oe) != required_text(ne) {
            self.push(
                path.clone(),
                What::RequiredChanged {
                    direction,
                    old: oe.required.as_ref().map(|r| r.value),
                    new: ne.required.as_ref().map(|r| r.value),
                    optionality_changed: o.optional != n.optional,
                },
                required_text(oe),
                required_text(ne),
                sections.clone(),
            );
        } else if o.optional != n.optional {
            let text = |optional: bool| {
                if optional {
                    "may be absent"
                } else {
                    "always present"
                }
                .to_string()
            };
            self.push(
                path.clone(),
                What::OptionalityChanged {
                    direction,
                    now_optional: n.optional,
                },
                Some(text(o.optional)),
                Some(text(n.optional)),
                sections.clone(),
            );
        }
        if markers_text(oe) != markers_text(ne) {
            let (old_set, new_set): (BTreeSet<_>, BTreeSet<_>) = (
                oe.markers.iter().map(|m| m.value).collect(),
                ne.markers.iter().map(|m| m.value).collect(),
            );
            let kind = if new_set.is_superset(&old_set) {
                What::MarkerAdded
            } else if new_set.is_subset(&old_set) {
                What::MarkerRemoved
            } else {
                What::MarkersChanged
            };
            self.push(
                path.clone(),
                kind,
                Some(markers_text(oe)),
                Some(markers_text(ne)),
                sections.clone(),
            );
        }
        let dates = |e: &Element| {
            e.compared_date.as_ref().map(|d| match &d.value {
                crate::spec::ComparedDate::ItSelf => "self".to_string(),
                crate::spec::ComparedDate::Element(name) => name.clone(),
            })
        };
        if dates(oe) != dates(ne) {
            self.push(
                path.clone(),
                What::ComparedDateChanged,
                dates(oe),
                dates(ne),
                sections.clone(),
            );
        }
        let presence = |e: &Element| {
            e.presence
                .as_ref()
                .and_then(|p| p.returned_if.as_ref())
                .map(|c| c.value.to_string())
        };
        if presence(oe) != presence(ne) {
            self.push(
                path.clone(),
                What::PresenceChanged,
                presence(oe),
                presence(ne),
                sections.clone(),
            );
        }
        let checks = |e: &Element| -> BTreeSet<String> {
            e.rules
                .iter()
                .filter_map(|r| r.check.as_ref())
                .map(|c| check_text(&c.value))
                .collect()
        };
        let (old_checks, new_checks) = (checks(oe), checks(ne));
        for added in new_checks.difference(&old_checks) {
            self.push(
                path.clone(),
                What::RuleAdded { direction },
                None,
                Some(added.clone()),
                sections.clone(),
            );
        }
        for removed in old_checks.difference(&new_checks) {
            self.push(
                path.clone(),
                What::RuleRemoved { direction },
                Some(removed.clone()),
                None,
                sections.clone(),
            );
        }
        let range = |e: &Element| e.range.as_ref().map(|r| (r.value.min, r.value.max));
        if range(oe) != range(ne) {
            let (old_min, old_max) = range(oe).unwrap_or((None, None));
            let (new_min, new_max) = range(ne).unwrap_or((None, None));
            let narrower = new_min.is_some_and(|n| old_min.is_none_or(|o| n > o))
                || new_max.is_some_and(|n| old_max.is_none_or(|o| n < o));
            let text = |r: Option<(Option<i64>, Option<i64>)>| {
                r.map(|(min, max)| {
                    format!(
                        "{}..{}",
                        min.map(|m| m.to_string()).unwrap_or_default(),
                        max.map(|m| m.to_string()).unwrap_or_default()
                    )
                })
            };
            self.push(
                path.clone(),
                What::RangeChanged {
                    direction,
                    narrower,
                },
                text(range(oe)),
                text(range(ne)),
                sections.clone(),
            );
        }
        let fixed = |e: &Element| e.fixed.as_ref().map(|f| f.value.to_string());
        if fixed(oe) != fixed(ne) {
            self.push(
                path.clone(),
                What::FixedChanged {
                    direction,
                    now_fixed: fixed(ne).is_some(),
                },
                fixed(oe),
                fixed(ne),
                sections.clone(),
            );
        }
        let item = |e: &Element| {
            (e.shape == crate::spec::Shape::GroupList).then(|| {
                crate::names::struct_name(
                    &e.json.value,
                    true,
                    e.item_name.as_ref().map(|n| n.value.as_str()),
                )
                .to_string()
            })
        };
        if item(oe) != item(ne) {
            self.push(
                path.clone(),
                What::ItemNameChanged,
                item(oe),
                item(ne),
                sections.clone(),
            );
        }
        self.push_in_force(
            path.clone(),
            &oe.in_force,
            &ne.in_force,
            sections.clone(),
            |narrower| What::InForceChanged {
                direction: n.message.direction.value,
                narrower,
            },
        );
        if oe.name.value != ne.name.value {
            self.push(
                path.clone(),
                What::NameChanged,
                Some(oe.name.value.clone()),
                Some(ne.name.value.clone()),
                sections.clone(),
            );
        }
        let notes = |e: &Element| {
            e.notes
                .iter()
                .map(|n| n.value.clone())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        if notes(oe) != notes(ne) {
            let text = |t: String| (!t.is_empty()).then_some(t);
            self.push(
                path,
                What::NotesChanged,
                text(notes(oe)),
                text(notes(ne)),
                sections,
            );
        }
    }
}

pub(super) fn new_parent_added(path: &str, changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|c| c.kind == "element-added" && path.starts_with(&format!("{}.", c.path)))
}

pub(super) fn old_parent_removed(path: &str, changes: &[Change]) -> bool {
    changes
        .iter()
        .any(|c| c.kind == "element-removed" && path.starts_with(&format!("{}.", c.path)))
}

pub(super) fn flatten<'a>(
    message: &'a Message,
    elements: &'a [Element],
    prefix: &str,
    out: &mut BTreeMap<String, Placed<'a>>,
) {
    for element in elements {
        let path = format!("{prefix}.{}", element.json.value);
        out.insert(
            path.clone(),
            Placed {
                element,
                message,
                optional: element.may_be_absent(message.direction.value),
            },
        );
        flatten(message, &element.elements, &path, out);
    }
}
