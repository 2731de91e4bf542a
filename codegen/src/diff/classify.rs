//! What each kind of change breaks: the rules of README.md's "What a change
//! breaks", in one table. `compare` finds a change and states it as a
//! [`What`] with the facts the rule needs; [`What::impacts`] says what it
//! does to request senders, to response readers and to the generated Rust
//! API.

use super::{Impact, Semver};
use crate::spec::{Direction, Required};

use Impact::{Breaking, Compatible, Unaffected};

/// A kind of change, with the facts that decide its impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    DocumentChanged,
    /// The register stage described; `to_first`: the new one is the first,
    /// which accepts fewer codes.
    StageChanged {
        to_first: bool,
    },
    /// A format rule of `direction`'s messages; `narrower`: something it
    /// admitted is no longer admitted.
    FormatRuleChanged {
        direction: Direction,
        narrower: bool,
    },
    ErrorCodeAdded,
    ErrorCodeChanged,
    ErrorCodeRemoved,
    CodesetAdded,
    /// What a codeset is: listed values or another standard.
    CodesetChanged,
    CodesetRemoved,
    CodesetValueAdded,
    /// `in_requests`: some request element takes its values from the codeset.
    CodesetValueRemoved {
        in_requests: bool,
    },
    /// `fewer_refused`: the stages that refuse it are a subset of the old.
    CodesetValueStageChanged {
        in_requests: bool,
        fewer_refused: bool,
    },
    CodesetValueLabelChanged,
    /// `with_body`: the document describes a body for it.
    HttpStatusAdded {
        with_body: bool,
    },
    /// `fewer`: the new bodies are a subset of the old; `several`: either
    /// version has more than one body, so the generated type is an enum.
    HttpStatusBodiesChanged {
        fewer: bool,
        several: bool,
    },
    HttpStatusReasonChanged,
    HttpStatusRemoved,
    ApiAdded,
    ApiRemoved,
    /// `on_the_wire`: the value decides where or how a request goes.
    ApiChanged {
        on_the_wire: bool,
    },
    EnvironmentAdded,
    EnvironmentChanged,
    EnvironmentRemoved,
    MessageAdded,
    MessageDirectionChanged,
    /// A nesting reading of a message of `direction`: a response reader
    /// accepts answers in one more layout (requests record readings only).
    ReadingAdded {
        direction: Direction,
    },
    /// Answers in that layout are refused.
    ReadingRemoved {
        direction: Direction,
    },
    /// Its places (`fewer`: one it had is gone) or only its texts.
    ReadingChanged {
        direction: Direction,
        places: bool,
        fewer: bool,
    },
    MessageRemoved {
        direction: Direction,
    },
    ElementAdded {
        direction: Direction,
        register_side: bool,
        required: Option<Required>,
    },
    /// `optional`: the old wire type may lack it.
    ElementRemoved {
        direction: Direction,
        register_side: bool,
        optional: bool,
    },
    ElementRenamed {
        direction: Direction,
        register_side: bool,
    },
    ElementMoved {
        direction: Direction,
        register_side: bool,
    },
    TypeChanged {
        direction: Direction,
    },
    RegisterSideChanged,
    /// `optionality_changed`: the wire type gains or loses its `Option`.
    RequiredChanged {
        direction: Direction,
        old: Option<Required>,
        new: Option<Required>,
        optionality_changed: bool,
    },
    /// The same P/E/V, but a response element that may now be withheld
    /// (`now_optional`), or may no longer be.
    OptionalityChanged {
        direction: Direction,
        now_optional: bool,
    },
    MarkerAdded,
    MarkerRemoved,
    MarkersChanged,
    ComparedDateChanged,
    PresenceChanged,
    RuleAdded {
        direction: Direction,
    },
    RuleRemoved {
        direction: Direction,
    },
    RangeChanged {
        direction: Direction,
        narrower: bool,
    },
    /// `now_fixed`: the element has a fixed value in the new version.
    FixedChanged {
        direction: Direction,
        now_fixed: bool,
    },
    NameChanged,
    NotesChanged,
    /// The Rust struct of one item of a list of groups (`item_name`).
    ItemNameChanged,
    /// A row of the version history added or changed.
    HistoryChanged,
    /// A stage's start in an environment; `later`: it starts later than
    /// before (or no longer), so a code it allows is refused on more days.
    StageStartChanged {
        later: bool,
    },
    /// The days an element is in force; `narrower`: on some day it was in
    /// force it no longer is.
    InForceChanged {
        direction: Direction,
        narrower: bool,
    },
    /// The days a codeset value is in force.
    CodeInForceChanged {
        in_requests: bool,
        narrower: bool,
    },
}

impl What {
    /// The change kind as the diff reports it, e.g. `element-added`.
    pub(super) fn kind(self) -> &'static str {
        use What::*;
        match self {
            DocumentChanged => "document-changed",
            StageChanged { .. } => "stage-changed",
            FormatRuleChanged { .. } => "format-rule-changed",
            ErrorCodeAdded => "error-code-added",
            ErrorCodeChanged => "error-code-changed",
            ErrorCodeRemoved => "error-code-removed",
            CodesetAdded => "codeset-added",
            CodesetChanged => "codeset-changed",
            CodesetRemoved => "codeset-removed",
            CodesetValueAdded => "codeset-value-added",
            CodesetValueRemoved { .. } => "codeset-value-removed",
            CodesetValueStageChanged { .. } => "codeset-value-stage-changed",
            CodesetValueLabelChanged => "codeset-value-label-changed",
            HttpStatusAdded { .. } => "http-status-added",
            HttpStatusBodiesChanged { .. } => "http-status-bodies-changed",
            HttpStatusReasonChanged => "http-status-reason-changed",
            HttpStatusRemoved => "http-status-removed",
            ApiAdded => "api-added",
            ApiRemoved => "api-removed",
            ApiChanged { .. } => "api-changed",
            EnvironmentAdded => "environment-added",
            EnvironmentChanged => "environment-changed",
            EnvironmentRemoved => "environment-removed",
            MessageAdded => "message-added",
            MessageDirectionChanged => "message-direction-changed",
            ReadingAdded { .. } => "reading-added",
            ReadingRemoved { .. } => "reading-removed",
            ReadingChanged { .. } => "reading-changed",
            MessageRemoved { .. } => "message-removed",
            ElementAdded { .. } => "element-added",
            ElementRemoved { .. } => "element-removed",
            ElementRenamed { .. } => "element-renamed",
            ElementMoved { .. } => "element-moved",
            TypeChanged { .. } => "type-changed",
            RegisterSideChanged => "register-side-changed",
            RequiredChanged { .. } => "required-changed",
            OptionalityChanged { .. } => "presence-optionality-changed",
            MarkerAdded => "marker-added",
            MarkerRemoved => "marker-removed",
            MarkersChanged => "markers-changed",
            ComparedDateChanged => "compared-date-changed",
            PresenceChanged => "presence-changed",
            RuleAdded { .. } => "rule-added",
            RuleRemoved { .. } => "rule-removed",
            RangeChanged { .. } => "range-changed",
            FixedChanged { .. } => "fixed-changed",
            NameChanged => "name-changed",
            NotesChanged => "notes-changed",
            ItemNameChanged => "item-name-changed",
            HistoryChanged => "history-changed",
            StageStartChanged { .. } => "stage-start-changed",
            InForceChanged { .. } => "in-force-changed",
            CodeInForceChanged { .. } => "code-in-force-changed",
        }
    }

    /// (request senders, response readers, Rust API).
    pub(super) fn impacts(self) -> (Impact, Impact, Semver) {
        use What::*;
        let none = (Unaffected, Unaffected);
        let ((senders, readers), semver) = match self {
            // Texts and tables a program does not read.
            DocumentChanged
            | ErrorCodeAdded
            | ErrorCodeChanged
            | ErrorCodeRemoved
            | CodesetValueLabelChanged
            | HttpStatusReasonChanged
            | NameChanged
            | NotesChanged
            | HistoryChanged => (none, Semver::Patch),
            // A later start refuses the stage's codes on more days.
            StageStartChanged { later } => ((breaking_if(later), Unaffected), Semver::Patch),
            // A request refused on a day it was accepted; a response read
            // as before (the element is optional either way).
            InForceChanged {
                direction,
                narrower,
            } => (
                match direction {
                    Direction::Request => (breaking_if(narrower), Unaffected),
                    Direction::Response => (Unaffected, Compatible),
                },
                Semver::Patch,
            ),
            CodeInForceChanged {
                in_requests,
                narrower,
            } => (
                (
                    if in_requests {
                        breaking_if(narrower)
                    } else {
                        Unaffected
                    },
                    Unaffected,
                ),
                Semver::Patch,
            ),
            // In the first stage fewer codes are accepted.
            StageChanged { to_first } => ((breaking_if(to_first), Unaffected), Semver::Patch),
            FormatRuleChanged {
                direction,
                narrower,
            } => (
                by_direction(direction, breaking_if(narrower)),
                Semver::Patch,
            ),
            CodesetAdded => (none, Semver::Minor),
            CodesetChanged | CodesetRemoved => ((Breaking, Breaking), Semver::Major),
            // A client built for the old version reads an unknown code as
            // `Lenient::Unknown`; the generated enum gains a variant.
            CodesetValueAdded => ((Compatible, Compatible), Semver::Major),
            CodesetValueRemoved { in_requests } => (
                (if in_requests { Breaking } else { Unaffected }, Compatible),
                Semver::Major,
            ),
            CodesetValueStageChanged {
                in_requests,
                fewer_refused,
            } => (
                (
                    if in_requests {
                        breaking_if(!fewer_refused)
                    } else {
                        Unaffected
                    },
                    Unaffected,
                ),
                Semver::Patch,
            ),
            // A client cannot read a body it has no type for.
            HttpStatusAdded { with_body } => ((Unaffected, breaking_if(with_body)), Semver::Minor),
            HttpStatusBodiesChanged { fewer, several } => (
                (Unaffected, breaking_if(!fewer)),
                if several {
                    Semver::Major
                } else {
                    Semver::Minor
                },
            ),
            HttpStatusRemoved => ((Unaffected, Compatible), Semver::Patch),
            // A sender is broken by any change to where and how a request
            // goes; a reader by none of them.
            ApiAdded => (none, Semver::Minor),
            ApiRemoved => (none, Semver::Major),
            ApiChanged { on_the_wire } => (
                (if on_the_wire { Breaking } else { Unaffected }, Unaffected),
                Semver::Patch,
            ),
            EnvironmentAdded => ((Compatible, Unaffected), Semver::Minor),
            EnvironmentChanged => ((Breaking, Unaffected), Semver::Patch),
            EnvironmentRemoved => ((Breaking, Unaffected), Semver::Major),
            MessageAdded => (none, Semver::Minor),
            MessageDirectionChanged => ((Breaking, Breaking), Semver::Major),
            // A request is read strictly whatever its readings; a response
            // reader accepts an answer in each (the `READINGS` constant's
            // value changes, no type).
            ReadingAdded {
                direction: Direction::Response,
            } => ((Unaffected, Compatible), Semver::Minor),
            ReadingRemoved {
                direction: Direction::Response,
            } => ((Unaffected, Breaking), Semver::Minor),
            ReadingChanged {
                direction: Direction::Response,
                places: true,
                fewer,
            } => ((Unaffected, breaking_if(fewer)), Semver::Minor),
            ReadingAdded { .. } | ReadingRemoved { .. } | ReadingChanged { .. } => {
                (none, Semver::Patch)
            }
            MessageRemoved { direction } => (by_direction(direction, Breaking), Semver::Major),
            ElementAdded {
                register_side: true,
                ..
            }
            | ElementRemoved {
                register_side: true,
                ..
            } => (none, Semver::Major),
            // A valid old request may lack a required element; an old
            // client ignores a response field it does not know.
            ElementAdded {
                direction,
                required,
                ..
            } => (
                match direction {
                    Direction::Request => (breaking_if(required != Some(Required::V)), Unaffected),
                    Direction::Response => (Unaffected, Compatible),
                },
                Semver::Major,
            ),
            // Requests refuse fields they do not know; an old client
            // requires a response field its type does not hold in an Option.
            ElementRemoved {
                direction,
                optional,
                ..
            } => (
                match direction {
                    Direction::Request => (Breaking, Unaffected),
                    Direction::Response => (Unaffected, breaking_if(!optional)),
                },
                Semver::Major,
            ),
            // The path changes for everyone who uses it on the wire.
            ElementRenamed {
                direction,
                register_side,
            }
            | ElementMoved {
                direction,
                register_side,
            } => (
                by_direction(direction, if register_side { Unaffected } else { Breaking }),
                Semver::Major,
            ),
            TypeChanged { direction } => (by_direction(direction, Breaking), Semver::Major),
            // Nothing on the wire; a type of the generated crate is renamed.
            RegisterSideChanged | ItemNameChanged => (none, Semver::Major),
            // Breaking when an element becomes required, or conditionally
            // required where it was optional.
            RequiredChanged {
                direction,
                old,
                new,
                optionality_changed,
            } => {
                use Required::{E, P, V};
                let stricter = matches!(
                    (old, new),
                    (Some(E | V) | None, Some(P)) | (Some(V) | None, Some(E))
                );
                (
                    by_direction(direction, breaking_if(stricter)),
                    if optionality_changed {
                        Semver::Major
                    } else {
                        Semver::Patch
                    },
                )
            }
            // An old client requires a response element that may now be
            // withheld.
            OptionalityChanged {
                direction,
                now_optional,
            } => (
                by_direction(direction, breaking_if(now_optional)),
                Semver::Major,
            ),
            // What is withheld, or when: whether the field can be absent is
            // reported on its own.
            MarkerAdded | MarkerRemoved | MarkersChanged | ComparedDateChanged
            | PresenceChanged => ((Unaffected, Compatible), Semver::Minor),
            RuleAdded { direction } => (by_direction(direction, Breaking), Semver::Patch),
            RuleRemoved { direction } => (by_direction(direction, Compatible), Semver::Patch),
            RangeChanged {
                direction,
                narrower,
            } => (
                by_direction(direction, breaking_if(narrower)),
                Semver::Patch,
            ),
            FixedChanged {
                direction,
                now_fixed,
            } => (
                by_direction(direction, breaking_if(now_fixed)),
                Semver::Patch,
            ),
        };
        (senders, readers, semver)
    }
}

fn breaking_if(breaks: bool) -> Impact {
    if breaks {
        Breaking
    } else {
        Compatible
    }
}

/// Both directions' impact of a change to a message of `direction`.
fn by_direction(direction: Direction, impact: Impact) -> (Impact, Impact) {
    match direction {
        Direction::Request => (impact, Unaffected),
        Direction::Response => (Unaffected, impact),
    }
}
