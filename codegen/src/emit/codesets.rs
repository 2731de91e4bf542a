//! The `codesets` module: an enum per listed codeset, and the expressions
//! that name a code in rules.

use super::*;

impl<'a> Emitter<'a> {
    pub(super) fn codesets(&mut self) -> TokenStream {
        let spec = self.spec;
        let enums = spec.codesets.iter().filter_map(|codeset| {
            let CodesetContent::Listed(values) = &codeset.content else { return None };
            let name = names::type_name(&codeset.id.value);
            let id = &codeset.id.value;
            let doc = docs::attrs(&docs::codeset(spec, codeset));
            let variants = values.iter().map(|value| {
                let variant = names::type_name(&value.code.value);
                let code = &value.code.value;
                let label = &value.label.value;
                let doc = docs::attrs(&docs::codeset_value(value));
                let stages: Vec<TokenStream> = value
                    .not_allowed_in_stages
                    .iter()
                    .map(|s| match s.value {
                        Stage::First => quote!(first),
                        Stage::Second => quote!(second),
                    })
                    .collect();
                let mut restriction = if stages.is_empty() {
                    quote!()
                } else {
                    quote!(, not_allowed_in = [#(#stages),*])
                };
                if let Some(days) = in_force_args(&value.in_force) {
                    restriction = quote!(#restriction, #days);
                }
                quote! {
                    #doc
                    #[pcr(code = #code, label = #label #restriction)]
                    #variant
                }
            });
            Some(quote! {
                #doc
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::pcr_runtime::Codeset)]
                #[pcr(codeset = #id)]
                pub enum #name {
                    #(#variants,)*
                }
            })
        });
        quote! {
            #[doc = " The codesets of section 1.3, one enum each."]
            pub mod codesets {
                #(#enums)*
            }
        }
    }

    pub(super) fn codeset(&self, element: &Element) -> Option<&'a crate::spec::Codeset> {
        let id = &element.codeset.as_ref()?.value;
        self.spec.codesets.iter().find(|c| &c.id.value == id)
    }

    /// An expression for a codeset value of `element`'s type.
    pub(super) fn code_expr(
        &self,
        element: &Element,
        code: &str,
        direction: Direction,
        form: Form,
    ) -> TokenStream {
        let codesets = form.codesets();
        if element.shape.scalar() == Some(ScalarType::Boolean) {
            return if code == "true" {
                quote!(true)
            } else {
                quote!(false)
            };
        }
        let Some(codeset) = self.codeset(element) else {
            return quote!(#code);
        };
        let codeset_name = names::type_name(&codeset.id.value);
        // Codes compare ignoring case: use the document's spelling.
        let canonical = codeset
            .value(code)
            .map(|v| v.code.value.clone())
            .unwrap_or_else(|| code.to_string());
        let variant = names::type_name(&canonical);
        match direction {
            Direction::Request => quote!(#codesets::#codeset_name::#variant),
            Direction::Response => {
                quote!(::pcr_runtime::Lenient::Known(#codesets::#codeset_name::#variant))
            }
        }
    }
}
