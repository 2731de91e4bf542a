//! A module per message: its structs and their fields, with the Rust type
//! of each element.

use super::disclose::filters;
use super::*;

impl<'a> Emitter<'a> {
    pub(super) fn message(&mut self, message: &'a Message) -> TokenStream {
        let module = names::module(&message.id.value);
        let structs = self.structs(message, Form::Wire);
        let register = if message.direction.value == Direction::Response
            && filters(&message.elements)
        {
            let structs = self.structs(message, Form::Register);
            let mut lines = vec![
                format!("The register-side form of `{}`: what the register holds, with the dates the footnote markers compare.", message.id.value),
                "`pcr_runtime::Disclose::disclose` gives the wire form a reader may see; register-side data never reaches it.".to_string(),
            ];
            let cfg = match self.register_feature {
                Some(feature) => {
                    lines.push(format!("Compiled with the crate's `{feature}` feature."));
                    quote!(#[cfg(feature = #feature)])
                }
                None => quote!(),
            };
            let doc = docs::attrs(&lines);
            quote! {
                #doc
                #cfg
                pub mod register {
                    #(#structs)*
                }
            }
        } else {
            quote!()
        };
        let doc = docs::attrs(&[format!("{} (`{}`).", message.name.value, message.id.value)]);
        let readings = readings(message);
        quote! {
            #doc
            pub mod #module {
                #readings
                #(#structs)*
                #register
            }
        }
    }

    /// The structs of one form of a message, `Message` first, each named
    /// once within its module.
    pub(super) fn structs(&mut self, message: &'a Message, form: Form) -> Vec<TokenStream> {
        let mut structs = Vec::new();
        let mut taken = BTreeSet::from(["Message".to_string()]);
        let root = StructDef {
            name: format_ident!("Message"),
            docs: docs::message(self.spec, message),
            elements: &message.elements,
            register_only: false,
        };
        self.collect_structs(root, message, form, &mut taken, &mut structs);
        structs
    }

    /// Emits `def` and, depth first, the structs of its groups, naming each
    /// group by its JSON name (prefixed with its parent's name if that name
    /// is taken).
    pub(super) fn collect_structs(
        &mut self,
        def: StructDef<'a>,
        message: &'a Message,
        form: Form,
        taken: &mut BTreeSet<String>,
        out: &mut Vec<TokenStream>,
    ) {
        let mut children = Vec::new();
        let mut fields = Vec::new();
        for element in def
            .elements
            .iter()
            .filter(|e| form == Form::Register || !e.register_side)
        {
            let group_name = if matches!(element.shape, Shape::Group | Shape::GroupList) {
                let mut name = names::struct_name(
                    &element.json.value,
                    element.shape == Shape::GroupList,
                    element.item_name.as_ref().map(|n| n.value.as_str()),
                )
                .to_string();
                if taken.contains(&name) {
                    name = format!("{}{name}", def.name);
                }
                while taken.contains(&name) {
                    name.push('_');
                }
                taken.insert(name.clone());
                let ident = format_ident!("{}", name);
                children.push(StructDef {
                    name: ident.clone(),
                    docs: docs::group(self.spec, element),
                    elements: &element.elements,
                    register_only: def.register_only || element.register_side,
                });
                Some(ident)
            } else {
                None
            };
            fields.push(self.field(element, def.elements, message, form, group_name));
        }
        let constructor = if form == Form::Wire && message.direction.value == Direction::Request {
            constructor(&def.name, &fields)
        } else {
            TokenStream::new()
        };
        let fields: Vec<&TokenStream> = fields.iter().map(|f| &f.tokens).collect();
        let name = &def.name;
        let doc = docs::attrs(&def.docs);
        let strict = if message.direction.value == Direction::Request {
            quote!(#[serde(deny_unknown_fields)])
        } else if form == Form::Wire && def.name == "Message" && !message.readings.is_empty() {
            // A response reader accepts an answer in one of these.
            quote!(#[pcr(readings = READINGS)])
        } else {
            quote!()
        };
        let derives = match form {
            Form::Wire => quote! {
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ::pcr_runtime::Validate)]
                #strict
            },
            Form::Register if def.register_only => quote! {
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ::pcr_runtime::Validate)]
            },
            Form::Register => {
                let flags = self.payment_plan_flags(def.elements);
                let flags = if flags.is_empty() {
                    quote!()
                } else {
                    quote!(, payment_plan_if_any = [#(#flags),*])
                };
                quote! {
                    #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ::pcr_runtime::Validate, ::pcr_runtime::Disclose)]
                    #[pcr(disclose(into = super::#name #flags))]
                }
            }
        };
        out.push(quote! {
            #doc
            #derives
            pub struct #name {
                #(#fields)*
            }
            #constructor
        });
        for child in children {
            self.collect_structs(child, message, form, taken, out);
        }
    }

    /// Whether an element may be absent from the message.
    pub(super) fn optional(&self, element: &Element, message: &Message) -> bool {
        element.may_be_absent(message.direction.value)
    }

    pub(super) fn field(
        &mut self,
        element: &'a Element,
        siblings: &'a [Element],
        message: &'a Message,
        form: Form,
        group: Option<proc_macro2::Ident>,
    ) -> FieldDef {
        let name = names::field(&element.json.value);
        let json = &element.json.value;
        let doc = docs::attrs(&docs::field(self.spec, element));
        // The register may lack a register-side date.
        let optional = self.optional(element, message) || element.register_side;
        let direction = message.direction.value;

        let item = match (&group, element.shape.scalar()) {
            (Some(group), _) => quote!(#group),
            (None, Some(scalar)) => self.scalar_type(element, scalar, direction, form),
            (None, None) => unreachable!("an element is a group or has a scalar type"),
        };
        let ty = if element.shape.is_list() {
            quote!(::std::vec::Vec<#item>)
        } else {
            item
        };
        let ty = if optional {
            quote!(::core::option::Option<#ty>)
        } else {
            ty
        };

        // Renamed only where the Rust name is not the JSON name (serde
        // reads a raw identifier's name without its `r#`).
        let mut serde_args = Vec::new();
        if name.to_string().trim_start_matches("r#") != *json {
            serde_args.push(quote!(rename = #json));
        }
        // Lists in the format hold codeset values or groups, never dates,
        // times or decimals, so a `with` module is only for a single value.
        if let Some(with) = self.wire_module(element) {
            let with = if optional {
                format!("{with}::option")
            } else {
                with.to_string()
            };
            serde_args.push(quote!(with = #with));
        }
        if optional {
            serde_args.push(quote!(
                default,
                skip_serializing_if = "::core::option::Option::is_none"
            ));
        } else if element.empty_when_left_out(direction) {
            serde_args.push(quote!(
                default,
                deserialize_with = "::pcr_runtime::wire::list::deserialize"
            ));
        }
        let rules = match form {
            Form::Wire => self.rules(element, siblings, message),
            Form::Register => self.disclose_rules(element, siblings, message),
        };
        let serde = if serde_args.is_empty() {
            quote!()
        } else {
            quote!(#[serde(#(#serde_args),*)])
        };
        FieldDef {
            tokens: quote! {
                #doc
                #serde
                #(#rules)*
                pub #name: #ty,
            },
            name,
            ty,
            optional,
        }
    }

    pub(super) fn wire_module(&self, element: &Element) -> Option<&'static str> {
        match element.shape.scalar()? {
            ScalarType::Date => Some("::pcr_runtime::wire::date"),
            ScalarType::Datetime => Some("::pcr_runtime::wire::datetime"),
            ScalarType::Decimal => Some("::pcr_runtime::wire::decimal"),
            _ => None,
        }
    }

    pub(super) fn scalar_type(
        &mut self,
        element: &Element,
        scalar: ScalarType,
        direction: Direction,
        form: Form,
    ) -> TokenStream {
        let codesets = form.codesets();
        if let Some(codeset) = self.codeset(element) {
            return match &codeset.content {
                CodesetContent::Standard(standard) => match standard.value {
                    Standard::Iso3166Alpha2 => quote!(::pcr_runtime::iso::CountryCode),
                    Standard::Iso4217 => quote!(::pcr_runtime::iso::CurrencyCode),
                },
                CodesetContent::Listed(_) => {
                    let name = names::type_name(&codeset.id.value);
                    match direction {
                        Direction::Request => quote!(#codesets::#name),
                        Direction::Response => {
                            quote!(::pcr_runtime::Lenient<#codesets::#name>)
                        }
                    }
                }
            };
        }
        match scalar {
            ScalarType::String | ScalarType::Enum => quote!(::std::string::String),
            ScalarType::Guid => quote!(::pcr_runtime::uuid::Uuid),
            ScalarType::Datetime => quote!(::pcr_runtime::time::OffsetDateTime),
            ScalarType::Date => quote!(::pcr_runtime::time::Date),
            ScalarType::Decimal => quote!(::pcr_runtime::rust_decimal::Decimal),
            ScalarType::Boolean => quote!(bool),
            // Sized to its rule: a count that cannot be negative is `u32`.
            ScalarType::Int if element.fits_u32() => quote!(u32),
            ScalarType::Int => quote!(i64),
        }
    }
}

/// A field of a generated struct: its tokens, and what a constructor needs.
pub(super) struct FieldDef {
    pub tokens: TokenStream,
    pub name: proc_macro2::Ident,
    pub ty: TokenStream,
    pub optional: bool,
}

/// `new` for a request struct: its required fields as arguments, in the
/// document's order, every optional one absent, so a request is built
/// without naming each `None`.
fn constructor(name: &proc_macro2::Ident, fields: &[FieldDef]) -> TokenStream {
    let required: Vec<&FieldDef> = fields.iter().filter(|f| !f.optional).collect();
    let params = required.iter().map(|f| {
        let (name, ty) = (&f.name, &f.ty);
        quote!(#name: #ty)
    });
    let inits = fields.iter().map(|f| {
        let name = &f.name;
        if f.optional {
            quote!(#name: ::core::option::Option::None)
        } else {
            quote!(#name)
        }
    });
    let doc = format!(
        " The `{name}` of these required elements, each optional one absent (set its field to give it)."
    );
    let allow = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        impl #name {
            #[doc = #doc]
            #allow
            pub fn new(#(#params),*) -> Self {
                #name { #(#inits),* }
            }
        }
    }
}

/// `READINGS`, the message's other nestings, if it has any.
fn readings(message: &Message) -> TokenStream {
    if message.readings.is_empty() {
        return TokenStream::new();
    }
    let items = message.readings.iter().map(|reading| {
        let id = &reading.id.value;
        let title = &reading.title.value;
        let places = reading.places.iter().map(|p| {
            let (element, at) = (&p.element.value, &p.at.value);
            quote!(::pcr_runtime::json::Place { element: #element, at: #at })
        });
        quote! {
            ::pcr_runtime::json::Reading { id: #id, title: #title, places: &[#(#places),*] }
        }
    });
    let mut lines = vec![format!(
        "The other nestings of `{}` the spec records (its `readings`), each with its evidence there:",
        message.id.value
    )];
    lines.extend(
        message
            .readings
            .iter()
            .map(|r| format!("- `{}`: {}.", r.id.value, r.title.value)),
    );
    lines.push(match message.direction.value {
        Direction::Response => "`pcr_runtime::json::read` reads an answer in one of them into this module's layout, with a notice naming it.".to_string(),
        Direction::Request => "Recorded only: a request is read strictly, in this module's layout.".to_string(),
    });
    let doc = docs::attrs(&lines);
    quote! {
        #doc
        pub const READINGS: &[::pcr_runtime::json::Reading] = &[#(#items),*];
    }
}
