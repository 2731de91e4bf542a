//! Footnote markers on elements, and the dates they compare.

use super::*;

impl<'a> Checker<'a> {
    pub(super) fn markers(&mut self, element: &'a Element, place: Place<'a>) {
        let path = element.path.as_str();
        let mut seen = Vec::new();
        for marker in &element.markers {
            if seen.contains(&marker.value) {
                self.report(
                    Kind::Duplicate,
                    marker.pos,
                    path,
                    format!("marker `{}` is given twice", marker.value.symbol()),
                    None,
                );
            }
            seen.push(marker.value);
            if !self
                .spec
                .footnote_markers
                .iter()
                .any(|d| d.marker.value == marker.value)
            {
                self.report(
                    Kind::UnknownMarker,
                    marker.pos,
                    path,
                    format!("marker `{}` is not defined", marker.value.symbol()),
                    Some("define it under `footnote_markers` with the document's text".to_string()),
                );
            }
            if place.message.direction.value == Direction::Request {
                self.report(
                    Kind::Inconsistent,
                    marker.pos,
                    path,
                    "footnote markers withhold data from responses; this is a request".to_string(),
                    None,
                );
            }
        }
        let compares = element.markers.iter().any(|m| m.value.compares_date());
        match (&element.compared_date, compares) {
            (None, true) => self.report(
                Kind::MissingKey,
                element.pos,
                path,
                "markers 1 and 2 compare a date, but the element has no `compared_date`".to_string(),
                Some("write `compared_date: self` if the element is the date, or name the Date element of the same group that is compared (declare it with `register_side: true` if the response does not carry it)".to_string()),
            ),
            (Some(date), false) => self.report(
                Kind::Inconsistent,
                date.pos,
                path,
                "`compared_date` is given, but the element has no marker 1 or 2".to_string(),
                None,
            ),
            (Some(date), true) => match &date.value {
                ComparedDate::ItSelf => {
                    if element.shape != Shape::Scalar(ScalarType::Date) {
                        self.report(
                            Kind::Inconsistent,
                            date.pos,
                            path,
                            "`compared_date: self` needs a Date element".to_string(),
                            Some("name the Date element that is compared instead".to_string()),
                        );
                    }
                }
                ComparedDate::Element(name) => {
                    // For a list of groups the date is an element of each item.
                    let within = if element.shape == Shape::GroupList {
                        &element.elements[..]
                    } else {
                        place.siblings
                    };
                    let name = Spanned::new(name.clone(), date.pos);
                    let scope = Place {
                        message: place.message,
                        siblings: within,
                    };
                    if let Some(target) = self.sibling(&name, scope, path) {
                        if target.shape != Shape::Scalar(ScalarType::Date) {
                            self.report(
                                Kind::Inconsistent,
                                date.pos,
                                path,
                                format!("the compared date `{}` is not a Date element", name.value),
                                None,
                            );
                        }
                    }
                }
            },
            (None, false) => {}
        }
    }
}
