//! Names: every name the generator turns into Rust goes through the
//! generator's own naming functions (emit/names.rs), so `check` refuses
//! what the emitter could not write.

use super::*;
use crate::names;

impl<'a> Checker<'a> {
    /// Every name the generator turns into Rust, through the generator's
    /// own naming functions: each must make an identifier, and names that
    /// make the same identifier where they share a scope (two modules, two
    /// variants of a codeset, two fields of a group) are refused at the
    /// second, naming the first.
    pub(super) fn names(&mut self) {
        let spec = self.spec;
        let modules = spec.messages.iter().map(|m| {
            (
                &m.id,
                format!("messages[{}]", m.id.value),
                names::try_module(&m.id.value),
            )
        });
        self.same_rust_name(modules.collect(), "module");
        let codesets = spec.codesets.iter().map(|c| {
            (
                &c.id,
                format!("codesets[{}]", c.id.value),
                names::try_type_name(&c.id.value),
            )
        });
        self.same_rust_name(codesets.collect(), "codeset type");
        for codeset in &spec.codesets {
            let values = codeset.values().iter().map(|v| {
                (
                    &v.code,
                    format!("codesets[{}].values[{}]", codeset.id.value, v.code.value),
                    names::try_type_name(&v.code.value),
                )
            });
            self.same_rust_name(values.collect(), "variant");
        }
        for message in &spec.messages {
            self.field_names(&message.elements);
        }
    }

    pub(super) fn field_names(&mut self, siblings: &'a [Element]) {
        let fields = siblings
            .iter()
            .map(|e| (&e.json, e.path.clone(), names::try_field(&e.json.value)));
        self.same_rust_name(fields.collect(), "field");
        for element in siblings {
            // A group's struct: two of one name are told apart by the
            // emitter (the parent's name first), so only the name itself
            // is checked.
            if matches!(element.shape, Shape::Group | Shape::GroupList) {
                let list = element.shape == Shape::GroupList;
                let named = element.item_name.as_ref().filter(|_| list);
                let name = named.unwrap_or(&element.json);
                if let Err(why) = names::try_struct_name(
                    &element.json.value,
                    list,
                    named.map(|n| n.value.as_str()),
                ) {
                    self.report(
                        Kind::InvalidValue,
                        name.pos,
                        &element.path,
                        format!(
                            "`{}` cannot name the group's Rust struct: {why}",
                            name.value
                        ),
                        Some(if list {
                            "give the struct of one item a name with `item_name`".into()
                        } else {
                            "choose another name".into()
                        }),
                    );
                }
            }
            self.field_names(&element.elements);
        }
    }

    /// Reports each name that makes no identifier, and each that makes the
    /// identifier of one before it.
    pub(super) fn same_rust_name(
        &mut self,
        names: Vec<(&Spanned<String>, String, Result<proc_macro2::Ident, String>)>,
        what: &str,
    ) {
        let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
        for (name, path, ident) in names {
            match ident {
                Err(why) => self.report(
                    Kind::InvalidValue,
                    name.pos,
                    &path,
                    format!("`{}` cannot be a Rust {what} name: {why}", name.value),
                    Some(
                        if why.contains("makes `") && !why.contains("not a Rust identifier")
                            || why.contains("module `")
                        {
                            "choose another name".into()
                        } else {
                            "use letters, digits and `_`, starting with a letter".into()
                        },
                    ),
                ),
                Ok(ident) => {
                    let rust = ident.to_string();
                    match seen.get(&rust) {
                        // The same name twice is the duplicate check's.
                        Some(first) if first.value != name.value => self.report(
                            Kind::Duplicate,
                            name.pos,
                            &path,
                            format!(
                                "`{}` and `{}` both make the Rust {what} `{rust}`",
                                first.value, name.value
                            ),
                            Some(format!(
                                "the first is at line {}; rename one",
                                first.pos.line
                            )),
                        ),
                        Some(_) => {}
                        None => {
                            seen.insert(rust, name);
                        }
                    }
                }
            }
        }
    }
}
