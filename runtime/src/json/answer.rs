//! What a response may carry beyond the spec's own layout, and what the
//! reader makes of it: `null` for an absent member, members the spec does
//! not know (kept, each with a [`Notice`]), and known elements at the
//! places of a recorded nesting [`Reading`] (read into the spec's places,
//! each with a notice naming the reading).
//!
//! None of this is on the fast path: a message that serde reads whole,
//! skipping nothing, never comes here. The slow path holds the message as
//! a [`Tree`], applies the reading it follows, settles its members against
//! the shape, and hands serde the text that results.

use std::fmt;

use serde::Serialize;
use serde_json::value::RawValue;

use super::diagnose::Placed;
use super::tree::{render, Held, Step, Tree};
use crate::structure::{Choice, Object, Shape, Unknown};

/// Another nesting of a message's elements that an answer may follow: the
/// places it puts elements at, each read into the spec's own place.
///
/// The generated models export each response's readings as `READINGS`,
/// from the spec's `readings`; `#[pcr(readings = READINGS)]` on a message
/// struct lets [`json::read`](crate::json::read) accept them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Its name in the spec: `groups-inside-extract`.
    pub id: &'static str,
    /// What it is, in a line: "the extract's groups inside
    /// `creditRegisterExtract`".
    pub title: &'static str,
    /// The elements it puts elsewhere.
    pub places: &'static [Place],
}

/// One element a [`Reading`] puts elsewhere. Both are dotted JSON names
/// from the message's top, lists stepped through without an index:
/// `creditInformationSummary.loans` is the list of loans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Where the spec puts the element.
    pub element: &'static str,
    /// Where the reading puts it, in the reading's layout.
    pub at: &'static str,
}

/// A value read, with what the reader noticed on the way: members the spec
/// does not know (kept) and the reading a response followed. A request is
/// read strictly and has none.
///
/// [`Parsed::to_json`] writes the value with every kept member back in its
/// place, so that reading and writing an answer loses nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The value, in the spec's layout.
    pub value: T,
    /// What was noticed, in the order found.
    pub notices: Vec<Notice>,
}

/// Something a response holds that the spec's layout does not: not an
/// error, but worth a look (the register may have moved on).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Where: the path of the member (after a reading, in the spec's
    /// layout for a kept member, in the answer's for a moved one).
    pub path: String,
    /// What.
    pub kind: NoticeKind,
    /// The path as steps, for [`Parsed::to_json`].
    steps: Vec<Step>,
}

/// What a [`Notice`] is about.
#[derive(Debug, Clone)]
pub enum NoticeKind {
    /// A member the spec does not know, kept as read.
    Unknown {
        /// Its value, as read.
        value: Box<RawValue>,
        /// The document version the spec transcribes ("1.4"), or empty.
        document: &'static str,
    },
    /// A known element found at a place of a reading and read into the
    /// spec's place.
    Moved {
        /// The reading the answer follows.
        reading: &'static Reading,
        /// The spec's place, as the reading's [`Place::element`].
        place: &'static str,
    },
    /// A known element found at a place of a reading that could not be put
    /// at the spec's place (it has no item to go into, or holds the element
    /// already): kept as read, where it was found.
    Held {
        /// Its value, as read.
        value: Box<RawValue>,
        /// The reading the answer follows.
        reading: &'static Reading,
        /// Why it stayed.
        why: String,
    },
}

/// Values compare by their text as read.
impl PartialEq for NoticeKind {
    fn eq(&self, other: &Self) -> bool {
        use NoticeKind::*;
        match (self, other) {
            (
                Unknown {
                    value: a,
                    document: d,
                },
                Unknown {
                    value: b,
                    document: e,
                },
            ) => a.get() == b.get() && d == e,
            (
                Moved {
                    reading: r,
                    place: p,
                },
                Moved {
                    reading: s,
                    place: q,
                },
            ) => r == s && p == q,
            (
                Held {
                    value: a,
                    reading: r,
                    why: w,
                },
                Held {
                    value: b,
                    reading: s,
                    why: x,
                },
            ) => a.get() == b.get() && r == s && w == x,
            _ => false,
        }
    }
}

impl Notice {
    /// What was noticed, without the path: "not in v1.4: kept as read".
    pub fn text(&self) -> String {
        match &self.kind {
            NoticeKind::Unknown { document: "", .. } => {
                "an element the spec does not know: kept as read".to_string()
            }
            NoticeKind::Unknown { document, .. } => {
                format!("not in v{document}: an element the spec does not know, kept as read")
            }
            NoticeKind::Moved { reading, place } => format!(
                "read at `{place}`, where the spec puts it: the answer follows the reading `{}` ({})",
                reading.id, reading.title
            ),
            NoticeKind::Held { reading, why, .. } => format!(
                "kept as read: the answer follows the reading `{}` ({}), but {why}",
                reading.id, reading.title
            ),
        }
    }

    /// The value of a member kept as read.
    pub fn kept(&self) -> Option<&RawValue> {
        match &self.kind {
            NoticeKind::Unknown { value, .. } | NoticeKind::Held { value, .. } => Some(value),
            NoticeKind::Moved { .. } => None,
        }
    }

    /// The reading this notice names.
    pub fn reading(&self) -> Option<&'static Reading> {
        match &self.kind {
            NoticeKind::Moved { reading, .. } | NoticeKind::Held { reading, .. } => Some(reading),
            NoticeKind::Unknown { .. } => None,
        }
    }

    fn new(steps: Vec<Step>, kind: NoticeKind) -> Self {
        Notice {
            path: render(&steps),
            kind,
            steps,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(the message)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.text())
    }
}

impl<T> Parsed<T> {
    /// A value with nothing noticed.
    #[inline]
    pub fn new(value: T) -> Self {
        Parsed {
            value,
            notices: Vec::new(),
        }
    }

    /// The value alone.
    pub fn into_value(self) -> T {
        self.value
    }
}

impl<T: Serialize> Parsed<T> {
    /// The value as JSON, with every member kept as read (unknown or held)
    /// back at its path: a value read and written loses nothing. An error
    /// if the value was changed so that a kept member's place is gone (a
    /// list item it was in).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        self.tree().map(|tree| tree.render())
    }

    /// As [`Parsed::to_json`], indented as `serde_json::to_string_pretty`.
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        self.tree().map(|tree| tree.render_pretty())
    }

    fn tree(&self) -> Result<Tree, serde_json::Error> {
        let mut tree = Tree::parse(&serde_json::to_string(&self.value)?)?;
        for notice in &self.notices {
            if let Some(value) = notice.kept() {
                let value = Tree::parse(value.get())?;
                put(&mut tree, &notice.steps, value).map_err(|()| {
                    serde::ser::Error::custom(format!(
                        "the place of the kept member `{}` is no longer in the value",
                        notice.path
                    ))
                })?;
            }
        }
        Ok(tree)
    }
}

/// The notice of a member the spec does not know, kept as read.
pub(crate) fn unknown(steps: Vec<Step>, value: Box<RawValue>, document: &'static str) -> Notice {
    Notice::new(steps, NoticeKind::Unknown { value, document })
}

/// Puts `value` at `steps`, making the objects on the way that are
/// missing; an index that is not there is an error.
fn put(tree: &mut Tree, steps: &[Step], value: Tree) -> Result<(), ()> {
    let Some((last, inner)) = steps.split_last() else {
        return Err(());
    };
    let mut node = tree;
    for step in inner {
        node = match (node, step) {
            (Tree::Object(members), Step::Member(name)) => {
                let at = match members.iter().position(|(k, _)| k == name) {
                    Some(at) => at,
                    None => {
                        members.push((name.clone(), Tree::Object(Vec::new())));
                        members.len() - 1
                    }
                };
                &mut members[at].1
            }
            (Tree::List(items), Step::Index(i)) => items.get_mut(*i).ok_or(())?,
            _ => return Err(()),
        };
    }
    match (node, last) {
        (Tree::Object(members), Step::Member(name)) => {
            members.push((name.clone(), value));
            Ok(())
        }
        _ => Err(()),
    }
}

/// Makes the message `tree` of `shape` one that serde reads in the spec's
/// layout: applies the reading it follows, drops the `null`s of absent
/// members and takes out the members the spec does not know, each with a
/// notice. A known element left where the spec does not put it stays, for
/// the walk to report.
pub(crate) fn tolerate(tree: &mut Tree, shape: &Shape, document: &'static str) -> Vec<Notice> {
    let placed = super::diagnose::placed(shape);
    let mut settle = Settle {
        placed,
        document,
        path: Vec::new(),
        notices: Vec::new(),
    };
    let message = match shape {
        Shape::Choice(choice) => {
            drop_null_own_members(tree, choice);
            pick(tree, choice).map(|index| (choice.alternatives[index].shape)())
        }
        Shape::Object(_) => Some(shape.clone()),
        _ => None,
    };
    if let Some(Shape::Object(object)) = &message {
        if let Some(reading) = followed(tree, object.readings) {
            apply(tree, reading, &mut settle.notices);
        }
    }
    settle.settle(tree, message.unwrap_or_else(|| shape.clone()));
    settle.notices
}

/// A top-level `null` for an alternative's own member means it is absent
/// when another alternative's own members are there: it decides nothing
/// (`"deceasedPerson": null` in an extract). Where no alternative has a
/// value of its own, the `null` stays, and the walk names it where the
/// alternative needs a value.
fn drop_null_own_members(tree: &mut Tree, choice: &Choice) {
    let Tree::Object(members) = tree else {
        return;
    };
    let owner = |key: &str| {
        choice
            .alternatives
            .iter()
            .position(|a| a.own_members.contains(&key))
    };
    let decided: Vec<usize> = members
        .iter()
        .filter(|(_, value)| !value.is_null())
        .filter_map(|(key, _)| owner(key))
        .collect();
    if decided.is_empty() {
        return;
    }
    members.retain(|(key, value)| {
        !(value.is_null() && owner(key).is_some_and(|i| !decided.contains(&i)))
    });
}

/// The alternative of `choice` the message is: by its own members where
/// it has some at the top, else the first whose reading puts one of its
/// own members elsewhere and finds it there, else the first.
fn pick(tree: &Tree, choice: &Choice) -> Option<usize> {
    let names = tree.names();
    let index = choice.select(names.clone()).ok()?;
    let own = |index: usize, name: &str| choice.alternatives[index].own_members.contains(&name);
    if names.clone().any(|name| own(index, name)) {
        return Some(index);
    }
    let by_reading = choice.alternatives.iter().enumerate().find(|(i, a)| {
        let Shape::Object(object) = (a.shape)() else {
            return false;
        };
        followed(tree, object.readings).is_some_and(|reading| {
            reading
                .places
                .iter()
                .any(|p| own(*i, p.element) && !found(tree, &segments(p.at), false).is_empty())
        })
    });
    Some(by_reading.map_or(index, |(i, _)| i))
}

/// The reading `tree` follows: the one that finds the most of its places
/// in it (the first listed on a tie), if any finds one.
fn followed(tree: &Tree, readings: &'static [Reading]) -> Option<&'static Reading> {
    let mut best: Option<(&'static Reading, usize)> = None;
    for reading in readings {
        let score = reading
            .places
            .iter()
            .filter(|p| !found(tree, &segments(p.at), false).is_empty())
            .count();
        if score > 0 && best.is_none_or(|(_, most)| score > most) {
            best = Some((reading, score));
        }
    }
    best.map(|(reading, _)| reading)
}

fn segments(path: &str) -> Vec<&str> {
    path.split('.').collect()
}

/// The paths of the values at `segments`, stepping through every item of
/// a list on the way (and, with `items`, through the items of a list found
/// at the end).
fn found(tree: &Tree, segments: &[&str], items: bool) -> Vec<Vec<Step>> {
    fn go(
        node: &Tree,
        segments: &[&str],
        items: bool,
        path: &mut Vec<Step>,
        out: &mut Vec<Vec<Step>>,
    ) {
        match (node, segments.split_first()) {
            (Tree::List(list), _) if items || !segments.is_empty() => {
                for (i, item) in list.iter().enumerate() {
                    path.push(Step::Index(i));
                    go(item, segments, false, path, out);
                    path.pop();
                }
            }
            (_, None) => out.push(path.clone()),
            (Tree::Object(members), Some((first, rest))) => {
                if let Some((key, value)) = members.iter().find(|(k, _)| k == first) {
                    path.push(Step::Member(key.clone()));
                    go(value, rest, items, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    go(tree, segments, items, &mut Vec::new(), &mut out);
    out
}

fn node_mut<'t>(tree: &'t mut Tree, steps: &[Step]) -> Option<&'t mut Tree> {
    let mut node = tree;
    for step in steps {
        node = match (node, step) {
            (Tree::Object(members), Step::Member(name)) => {
                &mut members.iter_mut().find(|(k, _)| k == name)?.1
            }
            (Tree::List(items), Step::Index(i)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Takes the member at `steps` out of its object.
fn take(tree: &mut Tree, steps: &[Step]) -> Option<Tree> {
    let (Step::Member(name), parent) = steps.split_last()? else {
        return None;
    };
    let Tree::Object(members) = node_mut(tree, parent)? else {
        return None;
    };
    let at = members.iter().position(|(k, _)| k == name)?;
    Some(members.remove(at).1)
}

/// Applies `reading` to `tree`: each value found at a place's `at` goes to
/// the spec's place, with a notice.
///
/// The places are applied innermost first, each in the layout as it then
/// is: a place whose element lies inside another moved element (a loan's
/// `isForeclosed`, inside the moved `loans`) is applied before its
/// container moves, to the container's place in the reading's layout.
fn apply(tree: &mut Tree, reading: &'static Reading, notices: &mut Vec<Notice>) {
    // The spec's place of each element, written in the reading's layout.
    let target = |place: &Place| -> Vec<&'static str> {
        let element = segments(place.element);
        let container = reading
            .places
            .iter()
            .filter(|other| {
                let prefix = segments(other.element);
                prefix.len() < element.len() && element.starts_with(&prefix)
            })
            .max_by_key(|other| other.element.len());
        match container {
            Some(other) => {
                let mut path = segments(other.at);
                path.extend_from_slice(&element[segments(other.element).len()..]);
                path
            }
            None => element,
        }
    };
    let mut places: Vec<(&'static Place, Vec<&'static str>)> =
        reading.places.iter().map(|p| (p, target(p))).collect();
    places.sort_by_key(|(p, to)| std::cmp::Reverse(segments(p.at).len().max(to.len())));
    for (place, to) in places {
        let at = segments(place.at);
        let common = at.iter().zip(&to).take_while(|(a, b)| a == b).count();
        // Each value found, last first, so that taking one out moves no
        // other (only object members are taken out, never list items).
        for from in found(tree, &at, false).into_iter().rev() {
            // The steps of the common part: as many member steps as
            // `common` segments, with the list indices between them.
            let mut members = 0;
            let anchor_len = from
                .iter()
                .position(|step| {
                    if matches!(step, Step::Member(_)) {
                        members += 1;
                    }
                    members > common
                })
                .unwrap_or(from.len());
            let Some(value) = take(tree, &from) else {
                continue;
            };
            let anchor = &from[..anchor_len];
            let spots = match node_mut(tree, anchor) {
                Some(node) => spots(node, &to[common..]),
                None => Vec::new(),
            };
            let mut placed = false;
            for spot in &spots {
                let mut full = anchor.to_vec();
                full.extend(spot.iter().cloned());
                if let Some(Tree::Object(members)) = node_mut(tree, &full) {
                    members.push((to[to.len() - 1].to_string(), value.clone()));
                    placed = true;
                }
            }
            let kind = if placed {
                NoticeKind::Moved {
                    reading,
                    place: place.element,
                }
            } else {
                let why = format!(
                    "the spec's place, `{}`, has no item to take it or holds it already",
                    place.element
                );
                // Back where it was, held: it moves with its container,
                // and `Settle` reports it at its final place.
                let held = Tree::Held(Box::new(Held {
                    value,
                    reading,
                    why,
                }));
                if let Some(parent) = node_mut(tree, &from[..from.len() - 1]) {
                    if let (Tree::Object(members), Some(Step::Member(name))) = (parent, from.last())
                    {
                        members.push((name.clone(), held));
                    }
                }
                continue;
            };
            notices.push(Notice::new(from, kind));
        }
    }
}

/// The objects under `node` that the member path `to` (its last segment
/// the member to add) goes into, stepping through every list item on the
/// way; only objects that are there and lack the member.
fn spots(node: &mut Tree, to: &[&str]) -> Vec<Vec<Step>> {
    let Some((last, parents)) = to.split_last() else {
        return Vec::new();
    };
    found(node, parents, true)
        .into_iter()
        .filter(|path| {
            matches!(node_mut(node, path), Some(Tree::Object(members))
                if !members.iter().any(|(k, _)| k == last))
        })
        .collect()
}

/// Settles each member against its shape: drops `null`s for absent
/// members, takes out members the spec does not know and held values,
/// each with a notice.
struct Settle {
    placed: Placed,
    document: &'static str,
    path: Vec<Step>,
    notices: Vec<Notice>,
}

impl Settle {
    fn settle(&mut self, tree: &mut Tree, shape: Shape) {
        match shape {
            Shape::Nullable(inner) if !tree.is_null() => self.settle(tree, inner()),
            Shape::List(item) => {
                if let Tree::List(items) = tree {
                    for (i, value) in items.iter_mut().enumerate() {
                        self.path.push(Step::Index(i));
                        self.settle(value, item());
                        self.path.pop();
                    }
                }
            }
            Shape::Choice(choice) => {
                drop_null_own_members(tree, &choice);
                if let Ok(index) = choice.select(tree.names()) {
                    self.settle(tree, (choice.alternatives[index].shape)());
                }
            }
            Shape::Object(object) => {
                if let Tree::Object(members) = tree {
                    self.members(members, &object);
                }
            }
            _ => {}
        }
    }

    fn members(&mut self, members: &mut Vec<(String, Tree)>, object: &Object) {
        let mut i = 0;
        while i < members.len() {
            let key = &members[i].0;
            self.path.push(Step::Member(key.clone()));
            let known = object.members.iter().find(|m| m.name == key);
            let keep = match (&members[i].1, known) {
                (Tree::Held(_), _) => {
                    let Tree::Held(held) = members.remove(i).1 else {
                        unreachable!("matched above")
                    };
                    self.held(*held);
                    false
                }
                (value, Some(member)) if value.is_null() && !member.required => {
                    members.remove(i);
                    false
                }
                (_, Some(member)) => {
                    self.settle(&mut members[i].1, (member.shape)());
                    true
                }
                // Known elsewhere: the walk names the spec's place.
                (_, None) if self.placed.contains_key(key.as_str()) => true,
                (_, None) if object.unknown == Unknown::Ignore => {
                    let value = members.remove(i).1;
                    self.kept(value);
                    false
                }
                (_, None) => true,
            };
            self.path.pop();
            if keep {
                i += 1;
            }
        }
    }

    fn kept(&mut self, value: Tree) {
        let notice = unknown(self.path.clone(), raw(&value), self.document);
        self.notices.push(notice);
    }

    fn held(&mut self, held: Held) {
        let kind = NoticeKind::Held {
            value: raw(&held.value),
            reading: held.reading,
            why: held.why,
        };
        self.notices.push(Notice::new(self.path.clone(), kind));
    }
}

/// The text of a value read. A tree renders JSON, always; were it not to,
/// the value would read as `null` rather than stop the reader.
fn raw(tree: &Tree) -> Box<RawValue> {
    RawValue::from_string(tree.render()).unwrap_or_default()
}
