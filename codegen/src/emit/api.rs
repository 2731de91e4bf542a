//! The endpoint's module (`api`) and the type of the 200 bodies.

use super::*;

impl<'a> Emitter<'a> {
    /// `pub mod api`: the endpoint's name, method, path, content type,
    /// certificate and environments, and the statuses with whether the
    /// document describes their bodies.
    pub(super) fn api(&mut self) -> TokenStream {
        let spec = self.spec;
        let statuses = spec.http_statuses.iter().map(|s| {
            let code = proc_macro2::Literal::u16_unsuffixed(s.status.value);
            let reason = &s.reason.value;
            let described = !s.messages.is_empty();
            quote! {
                ::pcr_runtime::api::Status { code: #code, reason: #reason, body_described: #described }
            }
        });
        let statuses_doc = docs::attrs(&[
            "The HTTP statuses of section 3.1, with whether the document describes the body of each.".to_string(),
        ]);
        let statuses = quote! {
            #statuses_doc
            pub const STATUSES: &[::pcr_runtime::api::Status] = &[#(#statuses),*];
        };
        let Some(api) = &spec.api else {
            let doc = docs::attrs(&[
                "The endpoint. The spec names no endpoint data, only the statuses.".to_string(),
            ]);
            return quote! {
                #doc
                pub mod api {
                    #statuses
                }
            };
        };
        let (name, method, path, content_type) = (
            &api.name.value,
            &api.method.value,
            &api.path.value,
            &api.content_type.value,
        );
        let purpose = &api.client_certificate.purpose.value;
        let request = names::module(&api.request.value);
        let environments = api.environments.iter().map(|e| {
            // `check` keeps environment names to lower-case words.
            let constant = format_ident!(
                "{}_BASE_URL",
                heck::ToShoutySnakeCase::to_shouty_snake_case(e.name.value.as_str())
            );
            let url = &e.base_url.value;
            let mut lines = vec![format!(
                "The {} environment's base URL; the endpoint is at `{url}{path}`.",
                e.name.value
            )];
            if let Some(code) = &e.target_environment {
                lines.push(format!(
                    "A request sent here carries the target environment `{}`.",
                    code.value
                ));
            }
            let doc = docs::attrs(&lines);
            quote! {
                #doc
                pub const #constant: &str = #url;
            }
        });
        let doc = docs::attrs(&[
            format!("The endpoint `{name}`: `{method} {path}` with `{content_type}` bodies; the request body is `{}::Message`.", request),
            format!("The caller presents a client certificate issued for {purpose} (mutual TLS)."),
        ]);
        quote! {
            #doc
            pub mod api {
                #[doc = " The endpoint's name on the register's pages."]
                pub const NAME: &str = #name;
                #[doc = " The HTTP method."]
                pub const METHOD: &str = #method;
                #[doc = " The path after an environment's base URL."]
                pub const PATH: &str = #path;
                #[doc = " The content type of request and response bodies."]
                pub const CONTENT_TYPE: &str = #content_type;
                #[doc = " What the client certificate the caller presents is issued for."]
                pub const CLIENT_CERTIFICATE_PURPOSE: &str = #purpose;
                #(#environments)*
                #statuses
            }
        }
    }

    /// For each status whose body can be one of several messages, an enum
    /// that reads the one its members say it is: each message has
    /// top-level elements the others lack (`deceasedPerson` only in the
    /// response for a person who has died), and a body with elements of two
    /// messages is an error, not a guess.
    pub(super) fn status_bodies(&mut self) -> TokenStream {
        let mut seen = BTreeSet::new();
        let spec = self.spec;
        let bodies = spec.http_statuses.iter().filter(|s| s.messages.len() > 1).filter_map(|status| {
            if !seen.insert(status.status.value) {
                return None;
            }
            let name = format_ident!("Status{}Body", status.status.value);
            let messages: Vec<&Message> = status
                .messages
                .iter()
                .filter_map(|id| spec.messages.iter().find(|m| m.id.value == id.value))
                .collect();
            let top_level = |m: &Message| -> Vec<String> {
                m.elements.iter().filter(|e| !e.register_side).map(|e| e.json.value.clone()).collect()
            };
            let variants: Vec<TokenStream> = messages.iter().map(|m| {
                let variant = names::type_name(&m.id.value);
                let module = names::module(&m.id.value);
                quote!(#variant(#module::Message))
            }).collect();
            let alternatives = messages.iter().map(|m| {
                let others: BTreeSet<String> = messages
                    .iter()
                    .filter(|o| o.id.value != m.id.value)
                    .flat_map(|o| top_level(o))
                    .collect();
                let own: Vec<String> = top_level(m).into_iter().filter(|j| !others.contains(j)).collect();
                let id = &m.id.value;
                let module = names::module(&m.id.value);
                quote! {
                    ::pcr_runtime::structure::Alternative {
                        name: #id,
                        own_members: &[#(#own),*],
                        shape: <#module::Message as ::pcr_runtime::Structure>::shape,
                    }
                }
            });
            let arms = messages.iter().enumerate().map(|(index, m)| {
                let variant = names::type_name(&m.id.value);
                let module = names::module(&m.id.value);
                quote!(#index => <#module::Message as ::serde::Deserialize>::deserialize(deserializer).map(Self::#variant),)
            });
            let what = format!("the body of an HTTP {} response", status.status.value);
            let list = status.messages.iter().map(|m| format!("`{}`", m.value)).collect::<Vec<_>>().join(" or ");
            let doc = docs::attrs(&[
                format!("The body of an HTTP {} response ({}): {list}.", status.status.value, status.reason.value),
                "Read as the message whose own top-level elements it has (the first when it has none); a body with elements of two messages is an error.".to_string(),
            ]);
            Some(quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::pcr_runtime::Validate)]
                #[serde(untagged)]
                pub enum #name {
                    #(#variants,)*
                }
                impl ::pcr_runtime::Structure for #name {
                    fn shape() -> ::pcr_runtime::structure::Shape {
                        ::pcr_runtime::structure::Shape::Choice(::pcr_runtime::structure::Choice {
                            name: #what,
                            alternatives: &[#(#alternatives),*],
                        })
                    }
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(
                        deserializer: D,
                    ) -> ::core::result::Result<Self, D::Error> {
                        ::pcr_runtime::json::choose(deserializer, &<Self as ::pcr_runtime::Structure>::shape())
                    }
                }
                impl ::pcr_runtime::json::Alternatives for #name {
                    fn deserialize_alternative<'de, D: ::serde::Deserializer<'de>>(
                        index: usize,
                        deserializer: D,
                    ) -> ::core::result::Result<Self, D::Error> {
                        match index {
                            #(#arms)*
                            _ => ::core::result::Result::Err(<D::Error as ::serde::de::Error>::custom(
                                "no such alternative",
                            )),
                        }
                    }
                }
            })
        });
        quote!(#(#bodies)*)
    }
}
