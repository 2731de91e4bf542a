//! Rules and conditions: the elements and values they name exist, and a
//! rule never names its own element.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn rule(
        &mut self,
        element: &Element,
        rule: &Rule,
        codeset: Option<&'a Codeset>,
        place: Place<'a>,
    ) {
        let path = element.path.as_str();
        match (&rule.error, &rule.check) {
            (Some(code), _) => self.error_code_ref(code, path),
            (None, Some(_)) => self.report(
                Kind::MissingKey,
                rule.pos,
                path,
                "a rule with a check needs the `error` code it reports".to_string(),
                Some("name a code declared under `error_codes`".to_string()),
            ),
            (None, None) => {}
        }
        let Some(check) = &rule.check else { return };
        match &check.value {
            Check::RequiredIf {
                element: other,
                equals,
            }
            | Check::AbsentIf {
                element: other,
                equals,
            } if other.value == element.json.value => self.report(
                Kind::Inconsistent,
                other.pos,
                path,
                format!(
                    "the rule's condition names `{}`, the element it stands on",
                    other.value
                ),
                Some("name the sibling whose value decides".into()),
            ),
            Check::RequiredIf {
                element: other,
                equals,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, equals, path);
                }
            }
            Check::AbsentIf {
                element: other,
                equals,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, equals, path);
                }
                if !element.may_be_absent(place.message.direction.value) && !element.shape.is_list()
                {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "an `absent_if` rule on an element that is always present".to_string(),
                        Some("the element must be optional or a list".to_string()),
                    );
                }
            }
            Check::AllowedValues(values) => {
                if values.is_empty() {
                    self.report(
                        Kind::MissingKey,
                        check.pos,
                        path,
                        "`allowed_values` lists no value".to_string(),
                        None,
                    );
                }
                match codeset {
                    Some(codeset) => {
                        for value in values {
                            self.code_in(codeset, value, path);
                        }
                    }
                    None if element.codeset.is_none() => self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "`allowed_values` narrows a codeset, but the element has no `codeset`"
                            .to_string(),
                        None,
                    ),
                    None => {}
                }
            }
            Check::MinItems(_) => {
                if !element.shape.is_list() {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "`min_items` applies to lists only".to_string(),
                        None,
                    );
                }
            }
            Check::IdCode {
                type_element,
                formats,
            } => {
                if formats.is_empty() {
                    self.report(
                        Kind::MissingKey,
                        check.pos,
                        path,
                        "an `id_code` rule needs `formats`: which type code calls for which format".to_string(),
                        Some("e.g. `formats: {PersonalIdentityCode: personal_identity_code, BusinessId: business_id}`".to_string()),
                    );
                }
                if element.shape != Shape::Scalar(ScalarType::String) {
                    self.report(
                        Kind::Inconsistent,
                        check.pos,
                        path,
                        "an `id_code` rule applies to String elements only".to_string(),
                        None,
                    );
                }
                if let Some(target) = self.sibling(type_element, place, path) {
                    for (code, _) in formats {
                        self.value_of(target, code, path);
                    }
                    if target.codeset.is_none() {
                        self.report(
                            Kind::Inconsistent,
                            type_element.pos,
                            path,
                            format!(
                                "`{}` has no codeset, so it cannot choose an ID format",
                                type_element.value
                            ),
                            None,
                        );
                    }
                }
            }
        }
    }

    pub(super) fn condition(
        &mut self,
        element: &Element,
        condition: &Spanned<Condition>,
        place: Place<'a>,
    ) {
        let path = element.path.as_str();
        match &condition.value {
            Condition::Equals {
                element: other,
                value,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    self.value_of(target, value, path);
                }
            }
            Condition::In {
                element: other,
                values,
            }
            | Condition::NotIn {
                element: other,
                values,
            } => {
                if let Some(target) = self.sibling(other, place, path) {
                    for value in values {
                        self.value_of(target, value, path);
                    }
                }
            }
            Condition::WithinYearsAfter { element: other, .. } => {
                if let Some(target) = self.sibling(other, place, path) {
                    if target.shape != Shape::Scalar(ScalarType::Date) {
                        self.report(
                            Kind::Inconsistent,
                            other.pos,
                            path,
                            format!("`{}` is not a Date element", other.value),
                            None,
                        );
                    }
                }
            }
            Condition::ReaderIs { element: other } => {
                if let Some(target) = self.sibling(other, place, path) {
                    if target.shape != Shape::Scalar(ScalarType::String) {
                        self.report(
                            Kind::Inconsistent,
                            other.pos,
                            path,
                            format!(
                                "`{}` holds the reader's ID code, so it is a String",
                                other.value
                            ),
                            None,
                        );
                    }
                }
            }
            Condition::Reported => {}
        }
    }

    /// Resolves a dotted element name relative to the group of `place`.
    pub(super) fn sibling(
        &mut self,
        name: &Spanned<String>,
        place: Place<'a>,
        path: &str,
    ) -> Option<&'a Element> {
        let mut siblings = place.siblings;
        let mut found = None;
        for part in name.value.split('.') {
            found = siblings.iter().find(|e| e.json.value == part);
            match found {
                Some(element) => siblings = &element.elements,
                None => {
                    let help = did_you_mean(part, siblings.iter().map(|e| e.json.value.as_str()))
                        .unwrap_or_else(|| {
                            let names: Vec<&str> = siblings.iter().map(|e| e.json.value.as_str()).collect();
                            format!(
                                "name an element of the same group (one of: {}); reach into a group with a dot",
                                names.join(", ")
                            )
                        });
                    self.report(
                        Kind::UnknownElement,
                        name.pos,
                        path,
                        format!("there is no element `{}` here", name.value),
                        Some(help),
                    );
                    return None;
                }
            }
        }
        found
    }

    /// Checks `value` is a value `target` can have.
    pub(super) fn value_of(&mut self, target: &Element, value: &Spanned<String>, path: &str) {
        if target.shape.scalar() == Some(ScalarType::Boolean) {
            if value.value != "true" && value.value != "false" {
                self.report(
                    Kind::InvalidValue,
                    value.pos,
                    path,
                    format!(
                        "`{}` is Boolean, so the value is true or false, not `{}`",
                        target.json.value, value.value
                    ),
                    None,
                );
            }
            return;
        }
        let codeset = target
            .codeset
            .as_ref()
            .and_then(|name| self.codesets.get(name.value.as_str()).copied());
        if let Some(codeset) = codeset {
            self.code_in(codeset, value, path);
        }
    }
}
