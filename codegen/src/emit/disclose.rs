//! The `#[disclose(...)]` attributes of a field, from the footnote markers,
//! compared dates and presence conditions.

use super::*;

impl<'a> Emitter<'a> {
    /// The `#[derive(Disclose)]` rules of a register-side field, from its
    /// markers and its "returned if" condition.
    pub(super) fn disclose_rules(
        &self,
        element: &'a Element,
        siblings: &'a [Element],
        message: &'a Message,
    ) -> Vec<TokenStream> {
        let mut rules = Vec::new();
        if element.register_side {
            rules.push(quote!(#[pcr(register_side)]));
            if let Some(roles) = &element.parties {
                let [id_code, original, added, removed] =
                    roles.all().map(|(_, name)| names::field(&name.value));
                rules.push(quote!(#[pcr(parties(id_code = #id_code, original = #original, added = #added, removed = #removed))]));
            }
            return rules;
        }
        let date = || match element.compared_date.as_ref().map(|d| &d.value) {
            Some(ComparedDate::Element(name)) if element.shape == Shape::GroupList => {
                let field = names::field(name);
                quote!(item_date = #field)
            }
            Some(ComparedDate::Element(name)) => {
                let field = names::field(name);
                quote!(date = #field)
            }
            Some(ComparedDate::ItSelf) | None => quote!(date = self),
        };
        for marker in &element.markers {
            // The filter is the effect the spec states for the marker (its
            // `footnote_markers` entry), not the marker's name: one source.
            let effect = self
                .spec
                .footnote_markers
                .iter()
                .find(|d| d.marker.value == marker.value)
                .map(|d| &d.effect);
            rules.push(match effect {
                Some(MarkerEffect::WithheldWhenAnyTrue(_)) => {
                    quote!(#[pcr(withheld_in_payment_plan)])
                }
                Some(MarkerEffect::WithheldWhenDate(comparison)) => {
                    let date = date();
                    match comparison.value {
                        DateComparison::EarlierThanAdded => {
                            quote!(#[pcr(withheld_before_added(#date))])
                        }
                        DateComparison::EarlierThanOrSameAsAdded => {
                            quote!(#[pcr(withheld_unless_after_added(#date))])
                        }
                    }
                }
                // `check` refuses a marker without a definition.
                None => continue,
            });
        }
        if let Some(days) = in_force_args(&element.in_force) {
            rules.push(quote!(#[pcr(returned_between(#days))]));
        }
        let condition = element
            .presence
            .as_ref()
            .and_then(|p| p.returned_if.as_ref());
        if let Some(condition) = condition {
            match &condition.value {
                Condition::Equals {
                    element: path,
                    value,
                } => {
                    if let Some((field, target, nested)) = self.resolve(siblings, &path.value) {
                        let mut value = self.code_expr(
                            target,
                            &value.value,
                            Direction::Response,
                            Form::Register,
                        );
                        if nested && (self.optional(target, message) || target.register_side) {
                            value = quote!(::core::option::Option::Some(#value));
                        }
                        rules.push(quote!(#[pcr(returned_if(field = #field, equals = #value))]));
                    }
                }
                Condition::In {
                    element: path,
                    values,
                }
                | Condition::NotIn {
                    element: path,
                    values,
                } => {
                    if let Some((field, target, _)) = self.resolve(siblings, &path.value) {
                        let values = values.iter().map(|v| {
                            self.code_expr(target, &v.value, Direction::Response, Form::Register)
                        });
                        let kind = if matches!(condition.value, Condition::In { .. }) {
                            quote!(in)
                        } else {
                            quote!(not_in)
                        };
                        rules.push(
                            quote!(#[pcr(returned_if(field = #field, #kind = [#(#values),*]))]),
                        );
                    }
                }
                Condition::WithinYearsAfter {
                    element: path,
                    years,
                } => {
                    let years = proc_macro2::Literal::u32_unsuffixed(years.value);
                    let parts: Vec<&str> = path.value.split('.').collect();
                    // `periods.endDate` on the list `periods`: each item by its date.
                    let date = match parts.as_slice() {
                        [list, item] if *list == element.json.value => {
                            let field = names::field(item);
                            quote!(item_date = #field)
                        }
                        [sibling] => {
                            let field = names::field(sibling);
                            quote!(date = #field)
                        }
                        _ => return rules,
                    };
                    rules.push(quote!(#[pcr(returned_within_years(#date, years = #years))]));
                }
                Condition::ReaderIs { element: id } => {
                    let field = names::field(&id.value);
                    rules.push(quote!(#[pcr(returned_to_reader(id = #field))]));
                }
                Condition::Reported => {}
            }
        }
        if matches!(element.shape, Shape::Group | Shape::GroupList) {
            rules.push(quote!(#[pcr(nested)]));
        }
        rules
    }

    /// A condition's element, relative to the group: the field path for the
    /// derive (`a` or `a.b`), the element, and whether it is a group's.
    pub(super) fn resolve(
        &self,
        siblings: &'a [Element],
        path: &str,
    ) -> Option<(TokenStream, &'a Element, bool)> {
        let mut parts = path.split('.');
        let first_name = parts.next()?;
        let first = siblings.iter().find(|e| e.json.value == first_name)?;
        let first_field = names::field(&first.json.value);
        match parts.next() {
            None => Some((quote!(#first_field), first, false)),
            Some(second) => {
                let target = first.elements.iter().find(|e| e.json.value == second)?;
                let second_field = names::field(second);
                Some((quote!(#first_field.#second_field), target, true))
            }
        }
    }

    /// The flags of the `*` marker that this struct holds, directly or in a
    /// group: where they stand, the loan's data is in a payment plan.
    pub(super) fn payment_plan_flags(&self, elements: &[Element]) -> Vec<TokenStream> {
        let names: Vec<&str> = self
            .spec
            .footnote_markers
            .iter()
            .filter_map(|m| match &m.effect {
                MarkerEffect::WithheldWhenAnyTrue(flags) => Some(flags),
                MarkerEffect::WithheldWhenDate(_) => None,
            })
            .flatten()
            .map(|f| f.value.as_str())
            .collect();
        let mut paths = Vec::new();
        for name in names {
            if let Some(flag) = elements.iter().find(|e| e.json.value == name) {
                let field = names::field(&flag.json.value);
                paths.push(quote!(#field));
            }
            for group in elements.iter().filter(|e| e.shape == Shape::Group) {
                if group.elements.iter().any(|e| e.json.value == name) {
                    let (group, field) = (names::field(&group.json.value), names::field(name));
                    paths.push(quote!(#group.#field));
                }
            }
        }
        paths
    }
}

/// Whether any element withholds data: a marker, a "returned if" condition
/// or register-side data.
pub(super) fn filters(elements: &[Element]) -> bool {
    elements.iter().any(|e| {
        !e.markers.is_empty() || e.presence.is_some() || e.register_side || filters(&e.elements)
    })
}
