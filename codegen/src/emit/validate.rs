//! The `#[pcr(...)]` validation attributes of a field, from the spec's
//! P/E/V, format rules, codesets and rules.

use super::*;

impl<'a> Emitter<'a> {
    pub(super) fn rules(
        &mut self,
        element: &'a Element,
        siblings: &'a [Element],
        message: &'a Message,
    ) -> Vec<TokenStream> {
        let spec = self.spec;
        let direction = message.direction.value;
        let implicit = &spec.implicit_errors;
        let mut rules = Vec::new();
        for rule in &element.rules {
            let (Some(check), Some(code)) = (&rule.check, &rule.error) else {
                continue;
            };
            let code = &code.value;
            let sibling = |name: &str| siblings.iter().find(|s| s.json.value == name);
            match &check.value {
                Check::RequiredIf {
                    element: other,
                    equals,
                } => {
                    // A required (P) field is always present: the rule adds
                    // nothing the type does not already say.
                    if !self.optional(element, message) {
                        continue;
                    }
                    let Some(target) = sibling(&other.value) else {
                        continue;
                    };
                    let field = names::field(&target.json.value);
                    let value = self.code_expr(target, &equals.value, direction, Form::Wire);
                    rules.push(
                        quote!(#[pcr(required_if(field = #field, equals = #value, code = #code))]),
                    );
                }
                Check::AbsentIf {
                    element: other,
                    equals,
                } => {
                    let Some(target) = sibling(&other.value) else {
                        continue;
                    };
                    let field = names::field(&target.json.value);
                    let value = self.code_expr(target, &equals.value, direction, Form::Wire);
                    rules.push(
                        quote!(#[pcr(absent_if(field = #field, equals = #value, code = #code))]),
                    );
                }
                Check::AllowedValues(values) => {
                    let values = values
                        .iter()
                        .map(|v| self.code_expr(element, &v.value, direction, Form::Wire));
                    rules.push(quote!(#[pcr(allowed(values = [#(#values),*], code = #code))]));
                }
                Check::MinItems(min) => {
                    let min = proc_macro2::Literal::u32_unsuffixed(min.value);
                    rules.push(quote!(#[pcr(min_items(min = #min, code = #code))]));
                }
                Check::IdCode {
                    type_element,
                    formats,
                } => {
                    let Some(target) = sibling(&type_element.value) else {
                        continue;
                    };
                    let field = names::field(&target.json.value);
                    let args = formats.iter().map(|(type_code, format)| {
                        let value = self.code_expr(target, &type_code.value, direction, Form::Wire);
                        match format.value {
                            IdFormat::PersonalIdentityCode => {
                                quote!(personal_identity_code = #value)
                            }
                            IdFormat::BusinessId => quote!(business_id = #value),
                        }
                    });
                    rules.push(
                        quote!(#[pcr(id_code(type_field = #field, #(#args,)* code = #code))]),
                    );
                }
            }
        }
        if let Some(range) = &element.range {
            let unsigned_covers = element.fits_u32()
                && element.shape.scalar() == Some(ScalarType::Int)
                && range.value.min == Some(0)
                && range.value.max.is_none();
            if !unsigned_covers {
                let code = &implicit.range.value;
                let min = range.value.min.map(|m| {
                    let m = proc_macro2::Literal::i64_unsuffixed(m);
                    quote!(min = #m,)
                });
                let max = range.value.max.map(|m| {
                    let m = proc_macro2::Literal::i64_unsuffixed(m);
                    quote!(max = #m,)
                });
                rules.push(quote!(#[pcr(range(#min #max code = #code))]));
            }
        }
        if let Some(fixed) = &element.fixed {
            let value = fixed.value;
            let code = &implicit.fixed.value;
            rules.push(quote!(#[pcr(fixed(value = #value, code = #code))]));
        }
        let implicit_rules = spec.implicit_rules(element, direction);
        if implicit_rules.non_blank {
            let code = &implicit.required.value;
            rules.push(quote!(#[pcr(non_blank(code = #code))]));
        }
        if implicit_rules.format {
            // The spec's length and set, through the constants the file
            // declares once (`STRING_MAX_CHARS`, `STRING_CHARSET`).
            let length_code = &implicit.max_length.value;
            let chars_code = &implicit.allowed_characters.value;
            rules.push(
                quote!(#[pcr(max_chars(max = super::STRING_MAX_CHARS, code = #length_code))]),
            );
            rules.push(quote!(#[pcr(charset(set = super::STRING_CHARSET, code = #chars_code))]));
        }
        if direction == Direction::Request {
            let restricted = self.codeset(element).is_some_and(|c| {
                c.values()
                    .iter()
                    .any(|v| !v.not_allowed_in_stages.is_empty())
            });
            if restricted {
                let code = &implicit.stage.value;
                rules.push(quote!(#[pcr(stage(code = #code))]));
            }
            if let Some(code) = &implicit.in_force {
                let code = &code.value;
                // The element's own days; or, for a codeset element, the
                // days of the code it holds, where some code is dated.
                if let Some(days) = in_force_args(&element.in_force) {
                    rules.push(quote!(#[pcr(in_force(#days, code = #code))]));
                } else if self
                    .codeset(element)
                    .is_some_and(|c| c.values().iter().any(|v| v.in_force.is_dated()))
                {
                    rules.push(quote!(#[pcr(in_force(code = #code))]));
                }
            }
        }
        // A group's struct is validated without saying so: the derive
        // validates every field whose type implements `Validate`.
        rules
    }
}
