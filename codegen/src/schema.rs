//! JSON Schema 2020-12 and OpenAPI 3.1 documents from a checked spec, for
//! teams that validate the register's messages outside Rust (gateways,
//! TypeScript, Java). They say what the schema language can say of the
//! same rules the generated validators check:
//!
//! - types, required (P) members, E rules as `if`/`then`, codesets,
//!   character counts (`maxLength` counts characters, as section 2.2 does),
//!   the character set as a `pattern`, ranges, `minItems`, formats (`date`,
//!   `date-time`, `uuid`);
//! - requests strict (`additionalProperties: false`, codes from the codeset
//!   only), responses as lenient as the models (unknown members and codes
//!   are accepted);
//! - codes compared ignoring case, as section 2.2 says: a `pattern` of
//!   character pairs (`^(?:[Tt][Ee][Ss][Tt]|...)$`), which every JSON
//!   Schema implementation reads; the codes themselves in `x-pcr-codes`.
//!
//! What a schema cannot say is written in `x-pcr-…` keywords, which
//! validators ignore (README.md, "Schemas for other languages"): ID codes' check
//! characters (`x-pcr-id-code`), codes a register stage refuses
//! (`x-pcr-not-allowed-in-stages`), footnote markers (`x-pcr-withheld-by`),
//! "returned if" conditions (`x-pcr-returned-if`), the days an element or
//! code is in force (`x-pcr-in-force`, `x-pcr-codes-in-force`), error codes
//! (`x-pcr-error-code`), sources (`x-pcr-source`), the other nestings
//! the spec records for a message (`x-pcr-readings`), and where the Rust
//! models read a value more widely or narrowly than the schema says
//! (`x-pcr-guid`, `x-pcr-integer`, `x-pcr-decimal`).
//!
//! The same spec gives the same bytes: objects are written with their keys
//! in order.

use serde_json::{json, Map, Value};

use crate::emit::GeneratedFile;
use crate::spec::{
    Check, CodesetContent, Direction, Element, Marker, Message, Required, ScalarType, Shape, Spec,
    Standard,
};

/// Where the models read a GUID more widely than `format: uuid`.
const GUID_FORMS: &str = "The register writes the hyphenated form (8-4-4-4-12 hex digits), which format uuid describes; the Rust models also read, in a response, the braced ({...}), 32-digit and urn:uuid: forms, and write the hyphenated one.";

/// Where the models read an integer more narrowly than `type: integer`.
const INTEGER_FORM: &str = "Written as digits without a fraction or an exponent (3, not 3.0 or 3E0): JSON Schema's integer admits 3.0 and 3E0, the Rust models refuse them.";

/// Where the models read a decimal more narrowly than `type: number`.
const DECIMAL_FORM: &str = "A rust_decimal Decimal: a magnitude of at most 2^96 - 1 (the bounds here are 2^96, which a reader of JSON numbers as f64 cannot tell apart from it) and at most 28 digits after the point once written out (1e-29 is refused by the Rust models, admitted by this schema).";

/// The JSON Schema dialect of every document.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The `$id` of a message's standalone schema: a URN, so that its own
/// references (`#/$defs/Owner`) resolve inside it wherever it is embedded.
/// (The OpenAPI document has none: its components are resolved from its
/// root.)
pub fn schema_id(spec: &Spec, message: &Message) -> String {
    format!(
        "urn:pcr:{}:{}:{}",
        spec.document.id.value, spec.document.version.value, message.id.value
    )
}

/// One JSON Schema per message, `<message>.schema.json`, in the spec's
/// order.
pub fn json_schemas(spec: &Spec) -> Vec<GeneratedFile> {
    spec.messages
        .iter()
        .map(|message| GeneratedFile {
            name: format!("{}.schema.json", message.id.value),
            contents: pretty(&message_schema(spec, message)),
        })
        .collect()
}

/// The OpenAPI 3.1 document of the spec's endpoint, `openapi.json`; `None`
/// when the spec has no `api`.
pub fn openapi(spec: &Spec) -> Option<GeneratedFile> {
    let api = spec.api.as_ref()?;
    let doc = &spec.document;
    // Each message's schema, and each of its definitions, a component of
    // its own: the form OpenAPI tools resolve (`#/components/schemas/..`
    // from the document's root, no `$id` inside).
    let mut schemas = Map::new();
    for message in &spec.messages {
        let name = component_name(&message.id.value);
        let (root, defs) = components(&name, message_schema(spec, message));
        schemas.insert(name, root);
        schemas.extend(defs);
    }
    let body = |id: &str| json!({"$ref": format!("#/components/schemas/{}", component_name(id))});
    let mut responses = Map::new();
    for status in &spec.http_statuses {
        let mut response = Map::new();
        response.insert("description".into(), json!(status.reason.value));
        let schema = match status.messages.as_slice() {
            [] => None,
            [one] => Some(body(&one.value)),
            several => {
                Some(json!({"oneOf": several.iter().map(|m| body(&m.value)).collect::<Vec<_>>()}))
            }
        };
        if let Some(schema) = schema {
            response.insert(
                "content".into(),
                json!({ &api.content_type.value: {"schema": schema} }),
            );
        }
        responses.insert(status.status.value.to_string(), Value::Object(response));
    }
    // HTTP's own answer to a body of another content type than the one the
    // API names; the document lists no status for it.
    responses.entry("415").or_insert_with(|| {
        json!({
            "description": format!(
                "Unsupported Media Type: the body is not {}, the content type the API names (HTTP's answer; the document lists no status for it). No body.",
                api.content_type.value
            )
        })
    });
    let servers: Vec<Value> = api
        .environments
        .iter()
        .map(|e| json!({"url": e.base_url.value, "description": e.name.value}))
        .collect();
    let operation = json!({
        "operationId": api.name.value,
        "summary": doc.title.value,
        "requestBody": {
            "required": true,
            "content": {&api.content_type.value: {"schema": body(&api.request.value)}}
        },
        "responses": responses,
        "security": [{"clientCertificate": []}],
    });
    let mut description = format!(
        "Generated by pcr-codegen from {} (\"{}\", version {}, {}).",
        spec.file.replace('\\', "/"),
        doc.title.value,
        doc.version.value,
        doc.date.value
    );
    description.push_str(&format!(
        " The document describes the register's {} stage; the schemas admit the codes of every stage, and the register refuses a code in a stage that does not allow it (x-pcr-not-allowed-in-stages on the codeset).",
        doc.stage.value.name()
    ));
    if !spec.stages.is_empty() {
        let starts: Vec<String> = spec
            .stages
            .iter()
            .map(|s| {
                let days: Vec<String> = s
                    .starts
                    .iter()
                    .map(|st| format!("{} {}", st.environment.value, st.date.value))
                    .collect();
                format!("the {} from {}", s.stage.value.name(), days.join(", "))
            })
            .collect();
        description.push_str(&format!(
            " The stages start on these days (x-pcr-stages): {}. ID codes are checked beyond these schemas too, by their check characters (x-pcr-id-code).",
            starts.join("; ")
        ));
    }
    let stages: Map<String, Value> = spec
        .stages
        .iter()
        .map(|s| {
            let starts: Map<String, Value> = s
                .starts
                .iter()
                .map(|st| {
                    (
                        st.environment.value.clone(),
                        json!(st.date.value.to_string()),
                    )
                })
                .collect();
            (s.stage.value.name().to_string(), Value::Object(starts))
        })
        .collect();
    let document = json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": doc.title.value,
            "version": doc.version.value,
            "description": description,
            "x-pcr-stage": doc.stage.value.name(),
            "x-pcr-stages": stages,
        },
        "servers": servers,
        "paths": {
            &api.path.value: { api.method.value.to_ascii_lowercase(): operation }
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "clientCertificate": {
                    "type": "mutualTLS",
                    "description": format!("A client certificate issued for {}.", api.client_certificate.purpose.value),
                }
            }
        }
    });
    Some(GeneratedFile {
        name: "openapi.json".into(),
        contents: pretty(&document),
    })
}

/// A message's schema as OpenAPI components: the root without `$schema`,
/// `$id` and `$defs`, and each definition as `{message}{Name}`
/// (`ExtractOwner`, apart from the request's `RequestOwner`), every
/// `#/$defs/Name` reference turned into `#/components/schemas/{message}{Name}`.
fn components(message: &str, mut root: Value) -> (Value, Map<String, Value>) {
    fn rewrite(value: &mut Value, message: &str) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get_mut("$ref") {
                    if let Some(name) = target.strip_prefix("#/$defs/") {
                        *target = format!("#/components/schemas/{message}{name}");
                    }
                }
                for member in map.values_mut() {
                    rewrite(member, message);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, message)),
            _ => {}
        }
    }
    let mut defs = Map::new();
    if let Value::Object(map) = &mut root {
        map.remove("$schema");
        map.remove("$id");
        if let Some(Value::Object(found)) = map.remove("$defs") {
            for (name, mut def) in found {
                rewrite(&mut def, message);
                defs.insert(format!("{message}{name}"), def);
            }
        }
    }
    rewrite(&mut root, message);
    (root, defs)
}

/// `extract` → `Extract`, `invalid_request` → `InvalidRequest`.
fn component_name(id: &str) -> String {
    heck::AsUpperCamelCase(id).to_string()
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(&sorted(value)).expect("a Value is written");
    text.push('\n');
    text
}

/// `value` with every object's keys in order, whatever map serde_json was
/// built with.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            Value::Object(
                keys.into_iter()
                    .map(|k| (k.clone(), sorted(&map[k])))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

fn message_schema(spec: &Spec, message: &Message) -> Value {
    let mut names = std::collections::BTreeSet::new();
    element_names(&message.elements, &mut names);
    let mut schema = Schemas {
        spec,
        direction: message.direction.value,
        defs: Map::new(),
        names,
    };
    let mut root = schema.object(&message.elements);
    root.insert("$schema".into(), json!(DIALECT));
    root.insert("$id".into(), json!(schema_id(spec, message)));
    root.insert("title".into(), json!(message.name.value));
    if let Some(source) = &message.source {
        root.insert("x-pcr-source".into(), json!(source.to_string()));
    }
    if !message.readings.is_empty() {
        // The schema describes the spec's layout; a reader of these
        // messages may accept the others, with a notice.
        let readings: Vec<Value> = message
            .readings
            .iter()
            .map(|r| {
                json!({
                    "id": r.id.value,
                    "title": r.title.value,
                    "evidence": r.evidence.value,
                    "weakness": r.weakness.value,
                    "places": r.places.iter().map(|p| json!({"element": p.element.value, "at": p.at.value})).collect::<Vec<_>>(),
                })
            })
            .collect();
        root.insert("x-pcr-readings".into(), Value::Array(readings));
    }
    if !schema.defs.is_empty() {
        root.insert("$defs".into(), Value::Object(schema.defs));
    }
    Value::Object(root)
}

struct Schemas<'a> {
    spec: &'a Spec,
    direction: Direction,
    /// Codesets and groups, by name.
    defs: Map<String, Value>,
    /// The JSON name of every element of the message, at any depth.
    names: std::collections::BTreeSet<&'a str>,
}

/// The JSON names of `elements` and of theirs, register-side ones left out.
fn element_names<'a>(elements: &'a [Element], out: &mut std::collections::BTreeSet<&'a str>) {
    for element in elements.iter().filter(|e| !e.register_side) {
        out.insert(&element.json.value);
        element_names(&element.elements, out);
    }
}

impl Schemas<'_> {
    /// The schema of an object of `elements` (register-side ones left out).
    fn object(&mut self, elements: &[Element]) -> Map<String, Value> {
        let wire: Vec<&Element> = elements.iter().filter(|e| !e.register_side).collect();
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut conditions = Vec::new();
        for element in &wire {
            properties.insert(element.json.value.clone(), self.member(element, elements));
            if !element.may_be_left_out(self.direction) {
                required.push(json!(element.json.value));
            }
            conditions.extend(self.conditions(element, elements));
        }
        let mut object = Map::new();
        object.insert("type".into(), json!("object"));
        object.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            object.insert("required".into(), Value::Array(required));
        }
        if self.direction == Direction::Request {
            object.insert("additionalProperties".into(), json!(false));
        } else {
            // A response may hold members a newer document adds, but not
            // an element the spec puts elsewhere (`loans` beside
            // `creditInformationSummary`): the models refuse it as
            // misplaced.
            let elsewhere: Vec<&str> = self
                .names
                .iter()
                .copied()
                .filter(|name| !wire.iter().any(|e| e.json.value == *name))
                .collect();
            if !elsewhere.is_empty() {
                object.insert("propertyNames".into(), json!({"not": {"enum": elsewhere}}));
            }
        }
        if !conditions.is_empty() {
            object.insert("allOf".into(), Value::Array(conditions));
        }
        object
    }

    /// The schema of one member, with its annotations.
    fn member(&mut self, element: &Element, siblings: &[Element]) -> Value {
        let item = match element.shape {
            Shape::Group | Shape::GroupList => self.group(element),
            Shape::Scalar(scalar) | Shape::ScalarList(scalar) => self.scalar(element, scalar),
        };
        let mut value = if element.shape.is_list() {
            let mut list = Map::new();
            list.insert("type".into(), json!("array"));
            list.insert("items".into(), item);
            for rule in &element.rules {
                if let Some(Check::MinItems(min)) = rule.check.as_ref().map(|c| &c.value) {
                    list.insert("minItems".into(), json!(min.value));
                }
            }
            Value::Object(list)
        } else {
            item
        };
        // `null` for a member that may be left out is read as its absence
        // (an `Option`, or a response's list).
        if element.may_be_left_out(self.direction) {
            value = json!({"anyOf": [value, {"type": "null"}]});
        }
        let Value::Object(mut member) = value else {
            unreachable!("a schema here is an object")
        };
        self.annotate(&mut member, element, siblings);
        Value::Object(member)
    }

    /// A group: its object in `$defs`, named as its Rust struct is (with a
    /// number when two groups of a message would share the name).
    fn group(&mut self, element: &Element) -> Value {
        let base = crate::names::struct_name(
            &element.json.value,
            element.shape == Shape::GroupList,
            element.item_name.as_ref().map(|n| n.value.as_str()),
        )
        .to_string();
        let mut name = base.clone();
        let mut n = 2;
        while self.defs.contains_key(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        // Reserve the name before the members take theirs.
        self.defs.insert(name.clone(), Value::Null);
        let mut object = self.object(&element.elements);
        object.insert("title".into(), json!(element.name.value));
        self.defs.insert(name.clone(), Value::Object(object));
        json!({"$ref": format!("#/$defs/{name}")})
    }

    fn scalar(&mut self, element: &Element, scalar: ScalarType) -> Value {
        if let Some(codeset) = element.codeset.as_ref() {
            return self.codeset_ref(&codeset.value, element);
        }
        let spec = self.spec;
        let mut schema = Map::new();
        match scalar {
            ScalarType::String | ScalarType::Enum => {
                schema.insert("type".into(), json!("string"));
                let implicit = spec.implicit_rules(element, self.direction);
                if implicit.non_blank {
                    schema.insert("minLength".into(), json!(1));
                    schema.insert("not".into(), json!({"pattern": "^\\s*$"}));
                }
                if implicit.format {
                    let rule = &spec.format_rules.string_rule;
                    schema.insert("maxLength".into(), json!(rule.max_length.value));
                    schema.insert("pattern".into(), json!(charset_pattern(spec)));
                }
            }
            ScalarType::Guid => {
                schema.insert("type".into(), json!("string"));
                schema.insert("format".into(), json!("uuid"));
                schema.insert("x-pcr-guid".into(), json!(GUID_FORMS));
            }
            ScalarType::Datetime => {
                schema.insert("type".into(), json!("string"));
                schema.insert("format".into(), json!("date-time"));
            }
            ScalarType::Date => {
                schema.insert("type".into(), json!("string"));
                schema.insert("format".into(), json!("date"));
                // `format` is an annotation unless a validator asserts it:
                // the form is said here too.
                schema.insert("pattern".into(), json!("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
            }
            ScalarType::Int | ScalarType::Decimal => {
                let integer = scalar == ScalarType::Int;
                schema.insert(
                    "type".into(),
                    json!(if integer { "integer" } else { "number" }),
                );
                let range = element.range.as_ref().map(|r| r.value);
                // The bounds of the Rust type the models read it into.
                let (min, max) = match (integer, element.fits_u32()) {
                    (true, true) => (Some(0), Some(u32::MAX as i64)),
                    (true, false) => (Some(i64::MIN), Some(i64::MAX)),
                    (false, _) => (None, None),
                };
                let min = range.and_then(|r| r.min).or(min);
                let max = range.and_then(|r| r.max).or(max);
                if let Some(min) = min {
                    schema.insert("minimum".into(), json!(min));
                }
                if let Some(max) = max {
                    schema.insert("maximum".into(), json!(max));
                }
                if integer {
                    schema.insert("x-pcr-integer".into(), json!(INTEGER_FORM));
                } else {
                    // What a `Decimal` holds: a magnitude up to 2^96 - 1.
                    // Bounded at 2^96, a power of two exact in any reader's
                    // f64, which cannot tell the two apart anyway.
                    let bound = 2f64.powi(96);
                    if min.is_none() {
                        schema.insert("minimum".into(), json!(-bound));
                    }
                    if max.is_none() {
                        schema.insert("maximum".into(), json!(bound));
                    }
                    schema.insert("x-pcr-decimal".into(), json!(DECIMAL_FORM));
                }
            }
            ScalarType::Boolean => {
                schema.insert("type".into(), json!("boolean"));
                if let Some(fixed) = &element.fixed {
                    schema.insert("const".into(), json!(fixed.value));
                }
            }
        }
        Value::Object(schema)
    }

    /// A codeset: its definition in `$defs` once, referred to here; a
    /// request's allowed values narrow it.
    fn codeset_ref(&mut self, id: &str, element: &Element) -> Value {
        let Some(codeset) = self.spec.codesets.iter().find(|c| c.id.value == id) else {
            return json!({"type": "string"});
        };
        let name = crate::names::type_name(id).to_string();
        if !self.defs.contains_key(&name) {
            let mut def = Map::new();
            def.insert("type".into(), json!("string"));
            def.insert("title".into(), json!(codeset.name.value));
            let codes: Vec<String> = match &codeset.content {
                CodesetContent::Listed(values) => {
                    values.iter().map(|v| v.code.value.clone()).collect()
                }
                CodesetContent::Standard(standard) => {
                    def.insert("x-pcr-standard".into(), json!(standard.value.name()));
                    match standard.value {
                        Standard::Iso3166Alpha2 => pcr_runtime::iso::CountryCode::all()
                            .map(|c| c.as_str().to_string())
                            .collect(),
                        Standard::Iso4217 => pcr_runtime::iso::CurrencyCode::all()
                            .map(|c| c.as_str().to_string())
                            .collect(),
                    }
                }
            };
            // A response keeps codes it does not know (a newer document
            // may add them): any text.
            if self.direction == Direction::Request
                || matches!(codeset.content, CodesetContent::Standard(_))
            {
                def.insert("pattern".into(), json!(codes_pattern(&codes)));
            }
            def.insert("x-pcr-codes".into(), json!(codes));
            def.insert("x-pcr-case-insensitive".into(), json!(true));
            let stages: Map<String, Value> = codeset
                .values()
                .iter()
                .filter(|v| !v.not_allowed_in_stages.is_empty())
                .map(|v| {
                    let stages: Vec<&str> = v
                        .not_allowed_in_stages
                        .iter()
                        .map(|s| s.value.name())
                        .collect();
                    (v.code.value.clone(), json!(stages))
                })
                .collect();
            if !stages.is_empty() {
                def.insert("x-pcr-not-allowed-in-stages".into(), Value::Object(stages));
            }
            let dated: Map<String, Value> = codeset
                .values()
                .iter()
                .filter(|v| v.in_force.is_dated())
                .map(|v| (v.code.value.clone(), in_force(&v.in_force)))
                .collect();
            if !dated.is_empty() {
                def.insert("x-pcr-codes-in-force".into(), Value::Object(dated));
            }
            self.defs.insert(name.clone(), Value::Object(def));
        }
        let mut schema = Map::new();
        schema.insert("$ref".into(), json!(format!("#/$defs/{name}")));
        for rule in &element.rules {
            if let Some(Check::AllowedValues(values)) = rule.check.as_ref().map(|c| &c.value) {
                let codes: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
                schema.insert("pattern".into(), json!(codes_pattern(&codes)));
            }
        }
        Value::Object(schema)
    }

    /// The `if`/`then` of the element's E rules and absence rules.
    fn conditions(&self, element: &Element, siblings: &[Element]) -> Vec<Value> {
        let json = &element.json.value;
        let mut out = Vec::new();
        for rule in &element.rules {
            let Some(check) = &rule.check else { continue };
            let (other, equals, required) = match &check.value {
                Check::RequiredIf { element, equals } => (element, equals, true),
                Check::AbsentIf { element, equals } => (element, equals, false),
                _ => continue,
            };
            if !siblings.iter().any(|s| s.json.value == other.value) {
                continue;
            }
            // `pattern` passes any value that is not a string (`null`, an
            // absent code): the type is asked for too.
            let when = json!({
                "properties": {&other.value: {
                    "type": "string",
                    "pattern": codes_pattern(std::slice::from_ref(&equals.value)),
                }},
                "required": [&other.value],
            });
            let then = if required {
                json!({"required": [json], "properties": {json: {"not": {"type": "null"}}}})
            } else {
                // Absent: left out, `null`, or an empty list.
                json!({"anyOf": [
                    {"not": {"required": [json]}},
                    {"properties": {json: {"type": "null"}}},
                    {"properties": {json: {"type": "array", "maxItems": 0}}},
                ]})
            };
            let mut condition = Map::new();
            condition.insert("if".into(), when);
            condition.insert("then".into(), then);
            if let Some(code) = &rule.error {
                condition.insert("x-pcr-error-code".into(), json!(code.value));
            }
            out.push(Value::Object(condition));
        }
        out
    }

    /// Title, description and the `x-pcr-…` keywords of what a schema
    /// cannot check.
    fn annotate(&self, member: &mut Map<String, Value>, element: &Element, siblings: &[Element]) {
        member.insert("title".into(), json!(element.name.value));
        let notes: Vec<&str> = element.notes.iter().map(|n| n.value.as_str()).collect();
        if !notes.is_empty() {
            member.insert("description".into(), json!(notes.join("\n\n")));
        }
        if let Some(required) = &element.required {
            let letter = match required.value {
                Required::P => "P",
                Required::E => "E",
                Required::V => "V",
            };
            member.insert("x-pcr-required".into(), json!(letter));
        }
        let rules: Vec<Value> = element
            .rules
            .iter()
            .map(|rule| {
                let mut r = Map::new();
                r.insert("text".into(), json!(rule.text.value));
                if let Some(code) = &rule.error {
                    r.insert("error-code".into(), json!(code.value));
                }
                Value::Object(r)
            })
            .collect();
        if !rules.is_empty() {
            member.insert("x-pcr-rules".into(), Value::Array(rules));
        }
        for rule in &element.rules {
            if let Some(Check::IdCode {
                type_element,
                formats,
            }) = rule.check.as_ref().map(|c| &c.value)
            {
                if siblings.iter().any(|s| s.json.value == type_element.value) {
                    let formats: Map<String, Value> = formats
                        .iter()
                        .map(|(code, format)| {
                            let name = match format.value {
                                crate::spec::IdFormat::PersonalIdentityCode => {
                                    "personal-identity-code"
                                }
                                crate::spec::IdFormat::BusinessId => "business-id",
                            };
                            (code.value.clone(), json!(name))
                        })
                        .collect();
                    member.insert(
                        "x-pcr-id-code".into(),
                        json!({"type-element": type_element.value, "formats": formats}),
                    );
                }
            }
        }
        if !element.markers.is_empty() {
            let markers: Vec<&str> = element
                .markers
                .iter()
                .map(|m| Marker::symbol(m.value))
                .collect();
            member.insert("x-pcr-withheld-by".into(), json!(markers));
        }
        if let Some(presence) = &element.presence {
            member.insert("x-pcr-returned-if".into(), json!(presence.text.value));
        }
        if element.in_force.is_dated() {
            member.insert("x-pcr-in-force".into(), in_force(&element.in_force));
        }
        let sources: Vec<String> = element.source.iter().map(ToString::to_string).collect();
        if !sources.is_empty() {
            member.insert("x-pcr-source".into(), json!(sources));
        }
    }
}

/// `{"from": "2027-01-04", "until": "2028-01-01"}` (each where given): the
/// days something is in force, `until` the first day no longer in force, as
/// the spec writes them.
fn in_force(in_force: &crate::spec::InForce) -> Value {
    let days = in_force.days();
    let mut out = Map::new();
    if let Some(from) = days.from {
        out.insert("from".into(), json!(from.to_string()));
    }
    if let Some(until) = days.until {
        out.insert("until".into(), json!(until.to_string()));
    }
    Value::Object(out)
}

/// Codes compared ignoring case, as a pattern every JSON Schema validator
/// reads (ECMA-262, no flags): `^(?:[Tt][Ee][Ss][Tt]|...)$`.
pub fn codes_pattern(codes: &[String]) -> String {
    let alternatives: Vec<String> = codes
        .iter()
        .map(|code| {
            code.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else {
                        escape(c)
                    }
                })
                .collect()
        })
        .collect();
    format!("^(?:{})$", alternatives.join("|"))
}

/// The characters a String may hold (section 2.2), as a pattern.
fn charset_pattern(spec: &Spec) -> String {
    let mut class = String::new();
    for part in &spec.format_rules.string_rule.allowed_characters {
        match &part.value {
            crate::spec::CharClass::Range(from, to) => {
                class.push_str(&escape_in_class(*from));
                class.push('-');
                class.push_str(&escape_in_class(*to));
            }
            crate::spec::CharClass::Chars(chars) => {
                for c in chars.chars() {
                    class.push_str(&escape_in_class(c));
                }
            }
        }
    }
    format!("^[{class}]*$")
}

fn escape(c: char) -> String {
    if "\\^$.|?*+()[]{}/".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

fn escape_in_class(c: char) -> String {
    match c {
        '\\' | ']' | '[' | '^' | '-' => format!("\\{c}"),
        ' ' => " ".into(),
        c if c.is_ascii_graphic() || !c.is_ascii() => c.to_string(),
        c => format!("\\u{:04X}", c as u32),
    }
}
