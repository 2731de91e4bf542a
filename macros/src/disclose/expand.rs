//! Emits `Disclose` for a register-side struct.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{DeriveInput, Ident};

use super::{Condition, DateRef, Field, Rule};
use crate::ast::Shape;

/// The date a rule compares, spanned at the field the rule names, so a
/// field of the wrong type is reported under its name in the attribute.
fn date_expr(date: &DateRef, member: &Ident, item: &TokenStream) -> TokenStream {
    match date {
        DateRef::ItSelf => quote_spanned!(member.span()=> &self.#member),
        DateRef::Sibling(s) => quote_spanned!(s.span()=> &self.#s),
        DateRef::Item(f) => quote_spanned!(f.span()=> &#item.#f),
    }
}

pub(super) fn expand(
    input: &DeriveInput,
    krate: &syn::Path,
    into: &syn::Path,
    fields: &[Field],
    flags: &[Vec<Ident>],
) -> TokenStream {
    let ident = &input.ident;
    let shape_of = |name: &Ident| {
        fields
            .iter()
            .find(|f| f.member == name)
            .map(|f| f.shape)
            .unwrap_or(Shape::Plain)
    };
    let flag_checks = flags.iter().map(|path| {
        let first = &path[0];
        match (path.get(1), shape_of(first).is_option()) {
            (None, _) => quote!(#krate::disclosure::Flag::is_true(&self.#first)),
            (Some(leaf), true) => quote! {
                ::core::option::Option::is_some_and(::core::option::Option::as_ref(&self.#first), |__g| #krate::disclosure::Flag::is_true(&__g.#leaf))
            },
            (Some(leaf), false) => quote!(#krate::disclosure::Flag::is_true(&self.#first.#leaf)),
        }
    });
    // Each field is disclosed into a binding of its own, in declaration
    // order, so a condition on an earlier field reads what the reader sees
    // of it: a group chosen by a withheld loan type is withheld too, and
    // does not give the type away.
    let binding = |name: &Ident| quote::format_ident!("__disclosed_{}", name);
    let disclosed: Vec<&Ident> = fields
        .iter()
        .filter(|f| !f.register_side)
        .map(|f| f.member)
        .collect();
    let outputs = fields.iter().filter(|f| !f.register_side).map(|field| {
        let member = field.member;
        let position = disclosed.iter().position(|m| *m == member).expect("a disclosed field");
        let earlier = &disclosed[..position];
        let item = quote!(__item);
        // Items of a list kept by their own dates.
        let item_keeps: Vec<TokenStream> = field
            .rules
            .iter()
            .filter_map(|(key, rule)| {
                let span = key.span();
                Some(match rule {
                    Rule::BeforeAdded(d @ DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::withheld_before_added(#date, __scope.party(__ctx)))
                    }
                    Rule::UnlessAfterAdded(d @ DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::withheld_unless_after_added(#date, __scope.party(__ctx)))
                    }
                    Rule::WithinYears(d @ DateRef::Item(_), years) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::returned_within_years(#date, #years, __ctx.today))
                    }
                    _ => return None,
                })
            })
            .collect();
        let keep = if item_keeps.is_empty() { quote!(true) } else { quote!(#(#item_keeps)&&*) };
        let one = if field.nested {
            quote!(#krate::Disclose::disclose_in(__item, __ctx, __scope))
        } else {
            quote!(::core::clone::Clone::clone(__item))
        };
        // An item the reader may not see at all (a loan it is not a party
        // to) is left out of the list.
        let keep = if field.nested {
            quote!(#krate::Disclose::is_disclosed_in(__item, __ctx, __scope) && #keep)
        } else {
            keep
        };
        let list = quote! {
            #krate::disclosure::disclose_list(__list, |__item| #keep, |__item| #one)
        };
        let base = match (field.shape, field.nested) {
            (Shape::Plain, true) => quote!({ let __item = &self.#member; #one }),
            (Shape::Option, true) => quote!(::core::option::Option::map(::core::option::Option::as_ref(&self.#member), |__item| #one)),
            (Shape::Vec, _) => quote!({ let __list = &self.#member; #list }),
            (Shape::OptionVec, _) => quote!(::core::option::Option::map(::core::option::Option::as_ref(&self.#member), |__list| #list)),
            (_, false) => quote!(::core::clone::Clone::clone(&self.#member)),
        };
        let withheld: Vec<TokenStream> = field
            .rules
            .iter()
            .filter_map(|(key, rule)| {
                let span = key.span();
                Some(match rule {
                    Rule::InPaymentPlan => quote_spanned!(span=> __scope.in_payment_plan),
                    Rule::BeforeAdded(d) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::withheld_before_added(#date, __scope.party(__ctx)))
                    }
                    Rule::UnlessAfterAdded(d) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> #krate::disclosure::withheld_unless_after_added(#date, __scope.party(__ctx)))
                    }
                    Rule::WithinYears(d, years) if !matches!(d, DateRef::Item(_)) => {
                        let date = date_expr(d, member, &item);
                        quote_spanned!(span=> !#krate::disclosure::returned_within_years(#date, #years, __ctx.today))
                    }
                    Rule::ReturnedIf(path, condition) => {
                        let first = &path[0];
                        // What the reader sees of an earlier field; the
                        // register's value of the field itself or a later one.
                        let source = if earlier.contains(&first) {
                            let disclosed = binding(first);
                            quote!(#disclosed)
                        } else {
                            quote!(self.#first)
                        };
                        // `Option<&T>` of the compared value: a field, or a
                        // field of a group field.
                        let value = match (path.get(1), shape_of(first).is_option()) {
                            (None, true) => quote!(::core::option::Option::as_ref(&#source)),
                            (None, false) => quote!(::core::option::Option::Some(&#source)),
                            (Some(leaf), true) => quote! {
                                ::core::option::Option::map(::core::option::Option::as_ref(&#source), |__g| &__g.#leaf)
                            },
                            (Some(leaf), false) => quote!(::core::option::Option::Some(&#source.#leaf)),
                        };
                        let test = match condition {
                            Condition::Equals(v) => quote!(#krate::disclosure::equals(__v, &(#v))),
                            Condition::In(vs) => quote!(#krate::disclosure::one_of(__v, &[#(#vs),*])),
                            Condition::NotIn(vs) => quote!(!#krate::disclosure::one_of(__v, &[#(#vs),*])),
                        };
                        quote_spanned!(span=> !::core::option::Option::is_some_and(#value, |__v| #test))
                    }
                    Rule::ToReader(id) => quote_spanned!(span=> !#krate::disclosure::returned_to_reader(&self.#id, __ctx)),
                    Rule::Between(from, until) => {
                        let days = crate::expand::in_force_tokens(krate, *from, *until);
                        quote_spanned!(span=> !(#days).on(__ctx.today))
                    }
                    _ => return None,
                })
            })
            .collect();
        let name = binding(member);
        if withheld.is_empty() {
            quote!(let #name = #base;)
        } else {
            quote! {
                let #name = if #(#withheld)||* { ::core::option::Option::None } else { #base };
            }
        }
    });
    let assignments = disclosed.iter().map(|member| {
        let name = binding(member);
        quote!(#member: #name,)
    });
    // The reader's place in this loan, from its parties, if it lists them.
    let party_here = fields.iter().find_map(|f| {
        let parties = f.parties.as_ref()?;
        let (member, id_code, original, added, removed) = (
            f.member,
            &parties.id_code,
            &parties.original,
            &parties.added,
            &parties.removed,
        );
        // The list, or the list in an `Option`, item by item.
        let items = if f.shape == Shape::OptionVec {
            quote!(::core::iter::Iterator::flatten(::core::option::Option::iter(&self.#member)))
        } else {
            quote!(::core::iter::IntoIterator::into_iter(&self.#member))
        };
        Some(quote! {
            #krate::disclosure::party_in(
                ::core::iter::Iterator::map(#items, |__p| {
                    #krate::disclosure::PartyRecord {
                        // A party without an ID code is no one's.
                        id_code: ::core::option::Option::unwrap_or(#krate::disclosure::MaybeText::text(&__p.#id_code), ""),
                        original: #krate::disclosure::Flag::is_true(&__p.#original),
                        added: #krate::disclosure::MaybeDate::date(&__p.#added),
                        removed: #krate::disclosure::MaybeDate::date(&__p.#removed),
                    }
                }),
                __ctx,
            )
        })
    });
    let (party, is_disclosed) = match &party_here {
        Some(party) => (
            quote!(::core::option::Option::Some(#party)),
            quote! {
                fn is_disclosed_in(&self, __ctx: &#krate::DisclosureContext, _: #krate::disclosure::Scope) -> bool {
                    #party != #krate::disclosure::Party::NotAParty
                }
            },
        ),
        None => (quote!(__scope.party), TokenStream::new()),
    };
    quote! {
        #[automatically_derived]
        impl #krate::Disclose for #ident {
            type Output = #into;

            fn disclose_in(&self, __ctx: &#krate::DisclosureContext, __scope: #krate::disclosure::Scope) -> #into {
                let __scope = #krate::disclosure::Scope {
                    in_payment_plan: __scope.in_payment_plan #(|| #flag_checks)*,
                    party: #party,
                };
                #(#outputs)*
                #into {
                    #(#assignments)*
                }
            }

            #is_disclosed
        }
    }
}
