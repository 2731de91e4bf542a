//! Messages and their elements: keys that agree with the element's type,
//! required-ness, party lists.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn messages(&mut self) {
        let spec = self.spec;
        self.unique(
            spec.messages
                .iter()
                .map(|m| (&m.id, format!("messages[{}]", m.id.value))),
            "message id",
            false,
        );
        for message in &spec.messages {
            if message.elements.is_empty() {
                self.report(
                    Kind::MissingKey,
                    message.pos,
                    &format!("messages[{}]", message.id.value),
                    "the message has no elements".to_string(),
                    None,
                );
            }
            self.elements(Place {
                message,
                siblings: &message.elements,
            });
        }
    }

    pub(super) fn elements(&mut self, place: Place<'a>) {
        self.unique(
            place.siblings.iter().map(|e| (&e.json, e.path.clone())),
            "element",
            false,
        );
        for element in place.siblings {
            self.element(element, place);
            if !element.elements.is_empty() {
                self.elements(Place {
                    message: place.message,
                    siblings: &element.elements,
                });
            }
        }
    }

    pub(super) fn element(&mut self, element: &'a Element, place: Place<'a>) {
        let path = element.path.as_str();
        if !is_json_name(&element.json.value) {
            self.report(
                Kind::InvalidValue,
                element.json.pos,
                path,
                format!("`{}` is not a JSON name of the document's form", element.json.value),
                Some("JSON names are letters and digits starting with a small letter, e.g. countryCode".to_string()),
            );
        }
        if element.source.is_empty() {
            self.report(
                Kind::MissingKey,
                element.pos,
                path,
                "the element has no `source`".to_string(),
                Some("cite the section and line it was read from: source: [{section: \"3.2\", line: 163}]".to_string()),
            );
        }
        let codeset = self.element_codeset(element);
        self.permissible(element, codeset);
        self.required(element);
        self.parties(element);
        if let Some(old) = element
            .renamed_from
            .as_ref()
            .filter(|o| o.value == element.json.value)
        {
            self.report(
                Kind::Inconsistent,
                old.pos,
                path,
                format!("`renamed_from` names `{}`, the element's own name", old.value),
                Some("give the JSON name the element had in the previous version, or leave the key out".into()),
            );
        }
        if let Some(item) = &element.item_name {
            if element.shape != Shape::GroupList {
                self.report(
                    Kind::Inconsistent,
                    item.pos,
                    path,
                    "`item_name` names the struct of one item of a list of groups; this element is not one".to_string(),
                    Some("leave the key out".into()),
                );
            }
        }
        for rule in &element.rules {
            self.rule(element, rule, codeset, place);
        }
        self.markers(element, place);
        if let Some(required) = &element.required {
            if place.message.direction.value == Direction::Response {
                self.report(
                    Kind::Inconsistent,
                    required.pos,
                    path,
                    "`required` is the P/E/V column of a request's table; the response tables have none".to_string(),
                    Some("leave it out: when a response returns the element is said by `markers`, `presence`, `from` and `until`".to_string()),
                );
            }
        }
        if let Some(presence) = &element.presence {
            if place.message.direction.value == Direction::Request {
                self.report(
                    Kind::Inconsistent,
                    element.pos,
                    path,
                    "`presence` describes when a response returns an element; this is a request".to_string(),
                    Some("state when a request element is required with `required: E` and a `required_if` rule".to_string()),
                );
            }
            if let Some(condition) = &presence.returned_if {
                self.condition(element, condition, place);
            }
        }
        if element.register_side && place.message.direction.value == Direction::Request {
            self.report(
                Kind::Inconsistent,
                element.pos,
                path,
                "`register_side` elements belong to responses: the register holds them".to_string(),
                None,
            );
        }
    }

    /// `parties` stands on a register-side list of groups, and names one
    /// of its elements of the right type for each role.
    pub(super) fn parties(&mut self, element: &Element) {
        let Some(roles) = &element.parties else {
            return;
        };
        let path = element.path.as_str();
        if !element.register_side || element.shape != Shape::GroupList {
            self.report(
                Kind::Inconsistent,
                roles.pos,
                path,
                "`parties` stands on a register-side list of groups: the register's record of a loan's parties".to_string(),
                None,
            );
        }
        for (role, name) in roles.all() {
            let wanted = match role {
                "id_code" => "String",
                "original" => "Boolean",
                _ => "Date",
            };
            let names: Vec<&str> = element
                .elements
                .iter()
                .map(|e| e.json.value.as_str())
                .collect();
            match element.elements.iter().find(|e| e.json.value == name.value) {
                None => self.report(
                    Kind::UnknownElement,
                    name.pos,
                    &format!("{path}.parties.{role}"),
                    format!(
                        "`{}` is not an element of `{}`",
                        name.value, element.json.value
                    ),
                    did_you_mean(&name.value, names.iter().copied()),
                ),
                Some(e) if e.data_type.as_ref().map(|t| t.value.as_str()) != Some(wanted) => self
                    .report(
                        Kind::Inconsistent,
                        name.pos,
                        &format!("{path}.parties.{role}"),
                        format!(
                            "the `{role}` of a party is a {wanted}; `{}` is not",
                            name.value
                        ),
                        None,
                    ),
                Some(_) => {}
            }
        }
    }

    pub(super) fn required(&mut self, element: &Element) {
        let has_required_if = element.rules.iter().any(|r| {
            matches!(
                r.check.as_ref().map(|c| &c.value),
                Some(Check::RequiredIf { .. })
            )
        });
        match &element.required {
            Some(required) if required.value == Required::E && !has_required_if => self.report(
                Kind::MissingRule,
                required.pos,
                &element.path,
                "a conditionally required (E) element needs a rule saying when it is required".to_string(),
                Some("add a rule with `required_if: {element: SIBLING, equals: VALUE}` and its `error`".to_string()),
            ),
            // P with a `required_if` rule is redundant (it is always
            // required), V with one contradicts itself.
            Some(required) if required.value == Required::V && has_required_if => self.report(
                Kind::Inconsistent,
                required.pos,
                &element.path,
                "the element has a `required_if` rule but is marked V (optional), not E".to_string(),
                Some("an element that is required only sometimes is E".to_string()),
            ),
            None if has_required_if => self.report(
                Kind::MissingKey,
                element.pos,
                &element.path,
                "the element has a `required_if` rule but no `required: E`".to_string(),
                None,
            ),
            _ => {}
        }
    }
}
