//! `api`, `http_statuses` and `footnote_markers`: the endpoint and what it
//! answers.

use super::*;

impl Reader<'_> {
    pub(super) fn api(&mut self, node: &Node) -> Option<Api> {
        let fields = self.map(
            node,
            "api",
            &[
                "name",
                "method",
                "path",
                "content_type",
                "request",
                "client_certificate",
                "environments",
                "source",
                "decisions",
            ],
        )?;
        let pos = fields.pos;
        let client_certificate = fields
            .req(self, "client_certificate")
            .and_then(|node| {
                let fields = self.map(node, "api.client_certificate", &["purpose", "source"])?;
                Some(ClientCertificate {
                    purpose: self.str_or_empty(&fields, "purpose"),
                    source: self.source(&fields),
                })
            })
            .unwrap_or_else(|| ClientCertificate {
                purpose: Spanned::new(String::new(), pos),
                source: None,
            });
        let environments = self.list(&fields, "environments", true, |r, node, i| {
            let path = item_path(node, "name", "api.environments", i);
            let fields = r.map(
                node,
                &path,
                &[
                    "name",
                    "base_url",
                    "target_environment",
                    "source",
                    "decisions",
                ],
            )?;
            Some(Environment {
                name: r.req_str(&fields, "name")?,
                base_url: r.str_or_empty(&fields, "base_url"),
                target_environment: r.opt_str(&fields, "target_environment"),
                source: r.source(&fields),
                decisions: r.decisions(&fields),
            })
        });
        Some(Api {
            name: self.str_or_empty(&fields, "name"),
            method: self.str_or_empty(&fields, "method"),
            path: self.str_or_empty(&fields, "path"),
            content_type: self.str_or_empty(&fields, "content_type"),
            request: self.str_or_empty(&fields, "request"),
            client_certificate,
            environments,
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }

    pub(super) fn http_status(&mut self, node: &Node, i: usize) -> Option<HttpStatus> {
        let fields = self.map(
            node,
            &format!("http_statuses[{i}]"),
            &["status", "reason", "messages", "source", "decisions"],
        )?;
        let status = self.req_str(&fields, "status")?;
        let status = self.parse(
            status,
            &fields.path("status"),
            "an HTTP status from 100 to 599",
            |t| t.parse::<u16>().ok().filter(|s| (100..=599).contains(s)),
        )?;
        Some(HttpStatus {
            status,
            reason: self.str_or_empty(&fields, "reason"),
            messages: self.texts(&fields, "messages"),
            source: self.source(&fields),
            decisions: self.decisions(&fields),
        })
    }

    pub(super) fn footnote_marker(&mut self, node: &Node, i: usize) -> Option<FootnoteMarker> {
        let fields = self.map(
            node,
            &format!("footnote_markers[{i}]"),
            &[
                "marker",
                "text",
                "withheld_when_any_true",
                "withheld_when_date",
                "source",
            ],
        )?;
        let marker = self.req_name(&fields, "marker", &Marker::ALL)?;
        let effect = match (
            fields.get("withheld_when_any_true"),
            fields.get("withheld_when_date"),
        ) {
            (Some(_), None) => {
                MarkerEffect::WithheldWhenAnyTrue(self.texts(&fields, "withheld_when_any_true"))
            }
            (None, Some(_)) => MarkerEffect::WithheldWhenDate(self.opt_name(
                &fields,
                "withheld_when_date",
                &[
                    ("earlier_than_added", DateComparison::EarlierThanAdded),
                    (
                        "earlier_than_or_same_as_added",
                        DateComparison::EarlierThanOrSameAsAdded,
                    ),
                ],
            )?),
            _ => {
                self.error(
                    Kind::Inconsistent,
                    fields.pos,
                    &fields.path,
                    "a footnote marker has exactly one of `withheld_when_any_true` and `withheld_when_date`".to_string(),
                );
                return None;
            }
        };
        Some(FootnoteMarker {
            marker,
            text: self.str_or_empty(&fields, "text"),
            effect,
            source: self.source(&fields),
        })
    }
}
