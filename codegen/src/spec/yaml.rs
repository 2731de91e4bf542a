//! YAML text to a tree of nodes that remember their line and column.
//!
//! This is the only module that knows which YAML libraries the project uses,
//! so either can be swapped (serde_yaml for `serde_norway` or
//! `serde_yaml_ng`, say) here alone.
//!
//! Two libraries, each for what it does well:
//! 1. `serde_yaml` (libyaml) parses the text first. It rejects bad syntax,
//!    a second document and nesting deeper than its recursion limit (128),
//!    each with a line and column.
//! 2. `marked-yaml` then builds the tree with a position on every node, and
//!    rejects duplicate keys pointing at the second one. serde_yaml cannot
//!    give node positions, and marked-yaml alone overflows the stack on a
//!    few thousand levels of nesting (measured: 10,000 nested mappings),
//!    which the first pass has already refused.

use super::Pos;

/// One YAML node and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Every scalar is kept as its text; the reader decides what it means.
    /// `quoted` tells `"true"` from `true`.
    Scalar {
        text: String,
        quoted: bool,
    },
    /// Entries in document order.
    Map(Vec<(Key, Node)>),
    Seq(Vec<Node>),
}

/// A mapping key: always a scalar in the spec format.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub pos: Pos,
    pub text: String,
}

impl Node {
    /// What kind of node this is, for messages ("expected a mapping, found a
    /// sequence").
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { text, quoted } if text.is_empty() && !quoted => "an empty value",
            Value::Scalar { .. } => "a scalar",
            Value::Map(_) => "a mapping",
            Value::Seq(_) => "a sequence",
        }
    }
}

/// A YAML document that could not be read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// The largest spec read, in bytes: v1.4 is about 80 kB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The deepest nesting of flow collections (`[`, `{`) read; libyaml's own
/// limit for all nesting is 128.
pub const MAX_FLOW_DEPTH: usize = 128;

/// Parses one YAML document.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.len() > MAX_BYTES {
        return Err(SyntaxError {
            pos: Pos::new(1, 1),
            message: format!(
                "the spec is {} bytes; at most {MAX_BYTES} are read",
                text.len()
            ),
        });
    }
    flow_depth(text)?;
    if let Err(error) = serde_yaml::from_str::<Shape>(text) {
        let pos = error
            .location()
            .map(|l| Pos::new(l.line(), l.column()))
            .unwrap_or(Pos::new(1, 1));
        return Err(SyntaxError {
            pos,
            message: strip_location(&error.to_string()),
        });
    }
    let options = marked_yaml::LoaderOptions::default()
        .error_on_duplicate_keys(true)
        // Keeps the scalar style, so `"true"` and `true` can be told apart.
        .prevent_coercion(true);
    match marked_yaml::parse_yaml_with_options(0, text, options) {
        Ok(node) => Ok(convert(&node)),
        Err(error) => Err(load_error(error)),
    }
}

/// Refuses flow collections nested deeper than [`MAX_FLOW_DEPTH`], in one
/// pass over the text, before a parser recurses into them (libyaml takes
/// quadratic time on 100,000 `[`). Brackets in quoted scalars and comments
/// do not count; a plain scalar's brackets may, which only makes the limit
/// stricter.
fn flow_depth(text: &str) -> Result<(), SyntaxError> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    for c in text.chars() {
        column += 1;
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                column = 0;
                comment = false;
                previous = c;
                continue;
            }
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '"' | '\'') if matches!(previous, ' ' | '\t' | '\n' | '[' | '{' | ',' | ':') => {
                quote = Some(c)
            }
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(SyntaxError {
                        pos: Pos::new(line, column),
                        message: format!(
                            "collections are nested more than {MAX_FLOW_DEPTH} deep here"
                        ),
                    });
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    Ok(())
}

/// Walks a document without keeping it, so serde_yaml checks its syntax and
/// depth. (`serde::de::IgnoredAny` would skip nested nodes without the depth
/// check, and `serde_yaml::Value` would also reject duplicate keys, which
/// marked-yaml reports at a better position.)
struct Shape;

impl<'de> serde::Deserialize<'de> for Shape {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> serde::de::Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_i128<E>(self, _: i128) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_u128<E>(self, _: u128) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_none<E>(self) -> Result<Shape, E> {
        Ok(Shape)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Shape, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<Shape>()?.is_some() {}
        Ok(Shape)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        while map.next_entry::<Shape, Shape>()?.is_some() {}
        Ok(Shape)
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Shape, A::Error> {
        // A tagged node (`!tag value`): marked-yaml refuses tags with a
        // clear message, so only the syntax matters here.
        let (_, variant) = data.variant::<Shape>()?;
        serde::de::VariantAccess::newtype_variant::<Shape>(variant)
    }
}

/// serde_yaml appends " at line L column C" to its messages; the position is
/// reported separately.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => {
            let rest = &message[at..];
            // Keep any context that follows the position, e.g. ", while
            // parsing a flow sequence at line 1 column 4".
            match rest.find(", ") {
                Some(comma) => format!("{}{}", &message[..at], &rest[comma..]),
                None => message[..at].to_string(),
            }
        }
        None => message.to_string(),
    }
}

fn load_error(error: marked_yaml::LoadError) -> SyntaxError {
    use marked_yaml::LoadError as E;
    let (marker, message) = match &error {
        E::TopLevelMustBeMapping(m) => (*m, "the top level of a spec must be a mapping".to_string()),
        E::TopLevelMustBeSequence(m) => (*m, "the top level must be a sequence".to_string()),
        E::UnexpectedAnchor(m) => (
            *m,
            "anchors and aliases are not used in a spec: write the value out so a reviewer sees it where it applies"
                .to_string(),
        ),
        E::MappingKeyMustBeScalar(m) => (*m, "a mapping key must be a plain name".to_string()),
        E::UnexpectedTag(m) => (*m, "YAML tags are not used in a spec".to_string()),
        E::ScanError(m, scan) => (*m, scan.to_string()),
        E::DuplicateKey(inner) => {
            let first = inner.prev_key.span().start().copied();
            let at = inner.key.span().start().copied().unwrap_or(marked_yaml::Marker::new(0, 0, 1, 1));
            let message = match first {
                Some(first) => format!(
                    "duplicate key `{}`; it is first given at line {}",
                    inner.key.as_str(),
                    first.line()
                ),
                None => format!("duplicate key `{}`", inner.key.as_str()),
            };
            (at, message)
        }
        // LoadError is not exhaustive across marked-yaml versions.
        #[allow(unreachable_patterns)]
        other => (marked_yaml::Marker::new(0, 0, 1, 1), other.to_string()),
    };
    SyntaxError {
        pos: Pos::new(marker.line(), marker.column()),
        message,
    }
}

fn start(span: &marked_yaml::Span) -> Pos {
    span.start()
        .map(|m| Pos::new(m.line(), m.column()))
        .unwrap_or(Pos::new(1, 1))
}

/// Depth is bounded by the first pass, so plain recursion is safe here.
fn convert(node: &marked_yaml::Node) -> Node {
    let pos = start(node.span());
    let value = match node {
        marked_yaml::Node::Scalar(s) => Value::Scalar {
            text: s.as_str().to_string(),
            quoted: !s.may_coerce(),
        },
        marked_yaml::Node::Mapping(m) => Value::Map(
            m.iter()
                .map(|(k, v)| {
                    let key = Key {
                        pos: start(k.span()),
                        text: k.as_str().to_string(),
                    };
                    (key, convert(v))
                })
                .collect(),
        ),
        marked_yaml::Node::Sequence(s) => Value::Seq(s.iter().map(convert).collect()),
    };
    Node { pos, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = parse("a:\n  b: [1, \"x\"]\n").unwrap();
        let Value::Map(entries) = &node.value else {
            panic!("not a map")
        };
        let (key, inner) = &entries[0];
        assert_eq!((key.text.as_str(), key.pos), ("a", Pos::new(1, 1)));
        let Value::Map(entries) = &inner.value else {
            panic!("not a map")
        };
        let (key, seq) = &entries[0];
        assert_eq!(key.pos, Pos::new(2, 3));
        let Value::Seq(items) = &seq.value else {
            panic!("not a seq")
        };
        assert_eq!(items[1].pos, Pos::new(2, 10));
        assert_eq!(
            items[1].value,
            Value::Scalar {
                text: "x".into(),
                quoted: true
            }
        );
    }

    #[test]
    fn syntax_error_has_position_and_context() {
        let error = parse("a: [1, 2\nb: 3").unwrap_err();
        assert_eq!(error.pos, Pos::new(2, 2));
        assert!(
            error.message.contains("did not find expected ',' or ']'"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("at line 2"), "{}", error.message);
    }

    #[test]
    fn duplicate_key_is_an_error() {
        let error = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(error.pos.line, 3);
        assert!(error.message.contains("duplicate"), "{}", error.message);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // Flow collections: refused by the pre-scan, before libyaml.
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse(&text).unwrap_err();
        assert!(
            error.message.contains("nested more than 128"),
            "{}",
            error.message
        );
        // Just under the pre-scan's limit, libyaml's own limit still holds.
        let text = format!(
            "a: {}{}",
            "[".repeat(MAX_FLOW_DEPTH),
            "]".repeat(MAX_FLOW_DEPTH)
        );
        let error = parse(&text).unwrap_err();
        assert!(
            error.message.contains("recursion limit"),
            "{}",
            error.message
        );
        let block: String = (0..5_000)
            .map(|i| format!("{}a:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&block).is_err());
    }

    #[test]
    fn anchors_are_refused() {
        let error = parse("a: &x 1\nb: *x\n").unwrap_err();
        assert!(error.message.contains("anchors"), "{}", error.message);
    }
}
