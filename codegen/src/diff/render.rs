//! A diff as JSON and as Markdown for a review.

use std::fmt::Write as _;

use super::*;

impl Diff {
    /// The diff as JSON, in the shape README.md documents.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "old": {"id": self.old.0, "version": self.old.1},
            "new": {"id": self.new.0, "version": self.new.1},
            "changes": self.changes,
            "summary": self.summary(),
        })
    }

    /// The diff as Markdown for a pull-request review.
    pub fn markdown(&self) -> String {
        let summary = self.summary();
        let mut out = if self.old.0 == self.new.0 {
            format!(
                "# Spec diff: {} {} → {}\n\n",
                self.new.0, self.old.1, self.new.1
            )
        } else {
            format!(
                "# Spec diff: {} {} → {} {}\n\n",
                self.old.0, self.old.1, self.new.0, self.new.1
            )
        };
        if self.changes.is_empty() {
            out.push_str("No changes.\n");
            return out;
        }
        let _ = writeln!(
            out,
            "{} changes: {} breaking for request senders, {} for response readers. Rust API: **{}**.",
            summary.changes, summary.breaking_for_senders, summary.breaking_for_readers, summary.semver.map_or("none", Semver::as_str)
        );
        let (breaking, other): (Vec<&Change>, Vec<&Change>) =
            self.changes.iter().partition(|c| c.breaking());
        for (title, changes) in [("Breaking", breaking), ("Other changes", other)] {
            if changes.is_empty() {
                continue;
            }
            let _ = write!(
                out,
                "\n## {title}\n\n| element | change | old → new | takes effect | senders | readers | Rust API | sections |\n|---|---|---|---|---|---|---|---|\n"
            );
            for c in changes {
                let arrow = format!(
                    "{} → {}",
                    c.old.as_deref().map(cell).unwrap_or_else(|| "—".into()),
                    c.new.as_deref().map(cell).unwrap_or_else(|| "—".into())
                );
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
                    c.path,
                    c.kind,
                    arrow,
                    c.takes_effect.as_deref().unwrap_or("—"),
                    impact(c.senders),
                    impact(c.readers),
                    semver(c.semver),
                    c.sections.join(", ")
                );
            }
        }
        out
    }
}

/// A value in a table cell, whole: a reviewer reads every word of it.
pub(super) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub(super) fn impact(i: Impact) -> &'static str {
    match i {
        Impact::Unaffected => "–",
        Impact::Compatible => "compatible",
        Impact::Breaking => "**breaking**",
    }
}

pub(super) fn semver(s: Semver) -> &'static str {
    match s {
        Semver::Major => "**major**",
        other => other.as_str(),
    }
}
