//! `messages`: each message, its elements and their shapes.

use super::*;

impl Reader<'_> {
    pub(super) fn message(&mut self, node: &Node, i: usize) -> Option<Message> {
        let fields = self.map(
            node,
            &item_path(node, "id", "messages", i),
            &[
                "id",
                "name",
                "direction",
                "notes",
                "decisions",
                "source",
                "elements",
                "readings",
            ],
        )?;
        let id = self.req_str(&fields, "id")?;
        let path = fields.path.clone();
        let elements = self.list(&fields, "elements", true, |r, node, i| {
            r.element(node, &path, i)
        });
        Some(Message {
            name: self.str_or_empty(&fields, "name"),
            // A response allows every key, so a missing direction adds no reports.
            direction: or(
                self.req_name(&fields, "direction", &DIRECTIONS),
                Direction::Response,
                fields.pos,
            ),
            notes: self.texts(&fields, "notes"),
            decisions: self.decisions(&fields),
            source: self.source(&fields),
            elements,
            readings: self.readings(&fields),
            pos: fields.pos,
            id,
        })
    }

    /// `readings`: each other nesting and the places it puts elements at.
    fn readings(&mut self, fields: &Fields) -> Vec<Reading> {
        let path = fields.path("readings");
        self.list(fields, "readings", false, |r, node, i| {
            let fields = r.map(
                node,
                &format!("{path}[{i}]"),
                &["id", "title", "evidence", "weakness", "source", "places"],
            )?;
            let places_path = fields.path("places");
            let places = r.list(&fields, "places", true, |r, node, i| {
                let place = r.map(node, &format!("{places_path}[{i}]"), &["element", "at"])?;
                let (element, at) = (r.req_str(&place, "element"), r.req_str(&place, "at"));
                Some(ReadingPlace {
                    element: element?,
                    at: at?,
                })
            });
            let (id, title) = (r.req_str(&fields, "id"), r.req_str(&fields, "title"));
            let evidence = r.req_str(&fields, "evidence");
            let weakness = r.req_str(&fields, "weakness");
            Some(Reading {
                source: r.sources(&fields),
                places,
                pos: fields.pos,
                id: id?,
                title: title?,
                evidence: evidence?,
                weakness: weakness?,
            })
        })
    }

    pub(super) fn element(&mut self, node: &Node, parent: &str, i: usize) -> Option<Element> {
        let path = match scalar_under(node, "json") {
            Some(json) => join(parent, json),
            None => format!("{parent}.elements[{i}]"),
        };
        let fields = self.map(node, &path, ELEMENT_KEYS)?;
        let json = self.req_str(&fields, "json")?;
        let path = fields.path.clone();
        let elements = self.list(&fields, "elements", false, |r, node, i| {
            r.element(node, &path, i)
        });
        let data_type = self.opt_str(&fields, "data_type");
        let shape = self.shape(&fields, data_type.as_ref(), !elements.is_empty());
        let rules = self.list(&fields, "rules", false, |r, node, i| {
            r.rule(node, &format!("{path}.rules[{i}]"))
        });
        let markers = {
            let markers_path = fields.path("markers");
            self.list(&fields, "markers", false, |r, node, i| {
                let text = r.text(node, &format!("{markers_path}[{i}]"))?;
                r.name_of(text, &markers_path, &Marker::ALL)
            })
        };
        let compared_date = self.opt_str(&fields, "compared_date").map(|text| {
            let value = if text.value == "self" {
                ComparedDate::ItSelf
            } else {
                ComparedDate::Element(text.value)
            };
            Spanned::new(value, text.pos)
        });
        let source = self.sources(&fields);
        Some(Element {
            name: self.str_or_empty(&fields, "name"),
            data_type,
            shape,
            required: self.opt_name(
                &fields,
                "required",
                &[("P", Required::P), ("E", Required::E), ("V", Required::V)],
            ),
            permissible: self.opt_str(&fields, "permissible"),
            codeset: self.opt_str(&fields, "codeset"),
            range: fields
                .get("range")
                .and_then(|node| self.range(node, &fields.path("range"))),
            fixed: self.opt_bool(&fields, "fixed"),
            rules,
            notes: self.texts(&fields, "notes"),
            presence: fields
                .get("presence")
                .and_then(|node| self.presence(node, &fields.path("presence"))),
            markers,
            compared_date,
            in_force: self.in_force(&fields),
            renamed_from: self.opt_str(&fields, "renamed_from"),
            item_name: self.opt_str(&fields, "item_name"),
            parties: fields.get("parties").and_then(|node| {
                let f = self.map(
                    node,
                    &fields.path("parties"),
                    &["id_code", "original", "added", "removed"],
                )?;
                Some(PartyRoles {
                    id_code: self.req_str(&f, "id_code")?,
                    original: self.req_str(&f, "original")?,
                    added: self.req_str(&f, "added")?,
                    removed: self.req_str(&f, "removed")?,
                    pos: node.pos,
                })
            }),
            register_side: self
                .opt_bool(&fields, "register_side")
                .is_some_and(|b| b.value),
            source,
            decisions: self.decisions(&fields),
            elements,
            pos: fields.pos,
            path: fields.path,
            json,
        })
    }

    /// What an element is: its data type, and whether it has elements.
    pub(super) fn shape(
        &mut self,
        fields: &Fields,
        data_type: Option<&Spanned<String>>,
        has_elements: bool,
    ) -> Shape {
        let Some(data_type) = data_type else {
            if !has_elements {
                self.error(
                    Kind::MissingKey,
                    fields.pos,
                    &fields.path,
                    "the element has neither `data_type` nor `elements`".to_string(),
                )
                .help = Some(
                    "a data element needs `data_type`; a group row needs its `elements`"
                        .to_string(),
                );
            }
            return Shape::Group;
        };
        let known = DATA_TYPES.iter().find(|(name, _)| *name == data_type.value);
        match known {
            None => {
                let names: Vec<&str> = DATA_TYPES.iter().map(|(name, _)| *name).collect();
                self.error(
                    Kind::InvalidValue,
                    data_type.pos,
                    &fields.path("data_type"),
                    format!("unknown data type `{}`", data_type.value),
                )
                .help = Some(
                    did_you_mean(&data_type.value, names.iter().copied())
                        .unwrap_or_else(|| format!("the data types are: {}", names.join(", "))),
                );
                Shape::Group
            }
            Some((_, None)) => {
                if !has_elements {
                    self.error(
                        Kind::MissingKey,
                        data_type.pos,
                        &fields.path,
                        "a `List` element needs `elements` (the fields of each item)".to_string(),
                    )
                    .help = Some(
                        "for a list of codeset values write `data_type: List Enum`".to_string(),
                    );
                }
                Shape::GroupList
            }
            Some((_, Some(shape))) => {
                if has_elements {
                    self.error(
                        Kind::Inconsistent,
                        data_type.pos,
                        &fields.path,
                        format!("a `{}` element cannot have `elements`", data_type.value),
                    )
                    .help = Some(
                        "a group row has no data type; a list of groups is `List`".to_string(),
                    );
                }
                *shape
            }
        }
    }

    pub(super) fn range(&mut self, node: &Node, path: &str) -> Option<Spanned<Range>> {
        let fields = self.map(node, path, &["min", "max"])?;
        let bound = |r: &mut Self, key: &str| -> Option<i64> {
            let text = r.opt_str(&fields, key)?;
            r.parse(text, &fields.path(key), "a whole number", |t| {
                t.parse().ok()
            })
            .map(|s| s.value)
        };
        let range = Range {
            min: bound(self, "min"),
            max: bound(self, "max"),
        };
        if range.min.is_none() && range.max.is_none() {
            self.error(
                Kind::MissingKey,
                node.pos,
                path,
                "a range needs `min`, `max` or both".to_string(),
            );
            return None;
        }
        Some(Spanned::new(range, node.pos))
    }
}
