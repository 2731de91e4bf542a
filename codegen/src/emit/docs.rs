//! Doc comments: every generated item says what it transcribes, with the
//! document's own words and where they stand.

use proc_macro2::TokenStream;
use quote::quote;

use crate::spec::{
    Codeset, CodesetValue, ComparedDate, DateComparison, Element, Marker, MarkerEffect, Message,
    Origin, Required, Source, Spec,
};

/// Paragraphs as `#[doc]` attributes, with a blank line between them.
pub fn attrs(paragraphs: &[String]) -> TokenStream {
    let mut lines: Vec<String> = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(paragraph.lines().map(|l| format!(" {l}")));
    }
    quote! { #(#[doc = #lines])* }
}

/// "section 3.3 (line 210), section 4 (line 330)".
fn sources(sources: &[Source]) -> String {
    sources
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Source: section 3.3 (line 210), section 4 (line 330)." The document
/// itself is named once, in the file's header and on `DOCUMENT_VERSION`.
fn from(spec: &Spec, list: &[Source]) -> String {
    let document = &spec.document;
    if list.is_empty() {
        return "Source: the document; no section is cited.".to_string();
    }
    // Lines of a document whose converted text the spec does not name
    // cannot be checked: said so, never taken for checked ones.
    let unverified = if document.source_text.is_none()
        && list.iter().any(|s| matches!(s, Source::Document { .. }))
    {
        " (unverified: the spec names no converted text of the document)"
    } else {
        ""
    };
    format!("Source: {}{unverified}.", sources(list))
}

pub fn codeset(spec: &Spec, codeset: &Codeset) -> Vec<String> {
    let mut out = vec![format!(
        "{} (`{}`), a codeset.",
        codeset.name.value, codeset.id.value
    )];
    if !codeset.also_called.is_empty() {
        let names: Vec<String> = codeset
            .also_called
            .iter()
            .map(|a| format!("\"{}\"", a.value))
            .collect();
        out.push(format!("The tables also call it {}.", names.join(", ")));
    }
    out.push(
        "Read ignoring letter case, written as the document writes the code, never in numeric form (section 2.2)."
            .to_string(),
    );
    out.push(from(spec, codeset.source.as_slice()));
    out
}

pub fn codeset_value(value: &CodesetValue) -> Vec<String> {
    let mut out = vec![format!("{} (`{}`).", value.label.value, value.code.value)];
    if !value.not_allowed_in_stages.is_empty() {
        let stages: Vec<&str> = value
            .not_allowed_in_stages
            .iter()
            .map(|s| s.value.name())
            .collect();
        out.push(format!(
            "Not allowed in the {} stage of the register.",
            stages.join(" and ")
        ));
    }
    if value.in_force.is_dated() {
        out.push(format!(
            "In force {}: refused in a request on any other day.",
            value.in_force.days()
        ));
    }
    out
}

pub fn message(spec: &Spec, message: &Message) -> Vec<String> {
    let mut out = vec![format!(
        "{} (message `{}`).",
        message.name.value, message.id.value
    )];
    out.extend(message.notes.iter().map(|n| n.value.clone()));
    out.push(match message.direction.value {
        crate::spec::Direction::Request => {
            "A request: unknown fields and unknown codes are errors, as the register requires conformance to its schema."
                .to_string()
        }
        crate::spec::Direction::Response => {
            "A response, read tolerantly as a newer document may extend it: `null` for a member that may be absent is absent; `pcr_runtime::json::read` keeps each member the spec does not know, with a notice (plain serde skips it); unknown codes are kept (`Lenient::Unknown`)."
                .to_string()
        }
    });
    out.push(from(spec, message.source.as_slice()));
    out
}

/// The docs of a group's struct: the group row's.
pub fn group(spec: &Spec, element: &Element) -> Vec<String> {
    let mut out = vec![format!(
        "{} (`{}`).",
        element.name.value, element.json.value
    )];
    if element.shape == crate::spec::Shape::GroupList {
        out.push(format!("One item of the list `{}`.", element.json.value));
    }
    out.extend(element.notes.iter().map(|n| n.value.clone()));
    out.push(from(spec, &element.source));
    out
}

pub fn field(spec: &Spec, element: &Element) -> Vec<String> {
    let mut head = format!("{} (`{}`)", element.name.value, element.json.value);
    if let Some(data_type) = &element.data_type {
        head.push_str(&format!(", {}", data_type.value));
    }
    match element.required.as_ref().map(|r| r.value) {
        Some(Required::P) => head.push_str(", required (P)"),
        Some(Required::E) => head.push_str(", conditionally required (E)"),
        Some(Required::V) => head.push_str(", optional (V)"),
        None => {}
    }
    head.push('.');
    let mut out = vec![head];
    if let Some(permissible) = &element.permissible {
        out.push(format!("Permissible values: {}", permissible.value));
    }
    for rule in &element.rules {
        let mut text = format!("Rule: {}", rule.text.value);
        match (&rule.error, rule.origin.value) {
            (Some(code), Origin::Document) => {
                text.push_str(&format!(" (error code {})", code.value))
            }
            (Some(code), Origin::DomainNotes) => text.push_str(&format!(
                " (error code {}; a rule from outside the document)",
                code.value
            )),
            (None, _) => {}
        }
        out.push(text);
    }
    out.extend(element.notes.iter().map(|n| n.value.clone()));
    if let Some(presence) = &element.presence {
        let mut text = format!("Presence: {}", presence.text.value);
        if let Some(condition) = &presence.returned_if {
            text.push_str(&format!(" ({})", condition.value));
        }
        out.push(text);
    }
    for marker in &element.markers {
        out.push(marker_text(spec, element, marker.value));
    }
    if element.in_force.is_dated() {
        out.push(format!(
            "In force {}: on any other day refused in a request and withheld from a response.",
            element.in_force.days()
        ));
    }
    out.push(from(spec, &element.source));
    out
}

fn marker_text(spec: &Spec, element: &Element, marker: Marker) -> String {
    let effect = spec
        .footnote_markers
        .iter()
        .find(|m| m.marker.value == marker)
        .map(|m| match &m.effect {
            MarkerEffect::WithheldWhenAnyTrue(flags) => format!(
                "not returned when {} is true",
                flags.iter().map(|f| format!("`{}`", f.value)).collect::<Vec<_>>().join(" or ")
            ),
            MarkerEffect::WithheldWhenDate(comparison) => {
                let compared = match element.compared_date.as_ref().map(|d| &d.value) {
                    Some(ComparedDate::ItSelf) | None => "this date".to_string(),
                    Some(ComparedDate::Element(name)) => format!("`{name}`"),
                };
                let when = match comparison.value {
                    DateComparison::EarlierThanAdded => "earlier than",
                    DateComparison::EarlierThanOrSameAsAdded => "earlier than or the same as",
                };
                format!("not returned to a party that is not an original party if {compared} is {when} the day the party was added")
            }
        })
        .unwrap_or_default();
    format!("Marker `{}`: {effect}.", marker.symbol())
}
