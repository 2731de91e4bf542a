//! The generated code under another path to the runtime crate: every
//! `::pcr_runtime` path and `with = "::pcr_runtime::..."` string rewritten,
//! and `#[pcr(crate = "...")]` beside each derive of the runtime's, so the
//! derives' own expansions use it too.

use proc_macro2::{Delimiter, Group, Literal, Spacing, TokenStream, TokenTree};
use quote::{quote, ToTokens};

const DEFAULT: &str = "::pcr_runtime";

/// `tokens` with the runtime at `runtime`.
pub(super) fn relocate(tokens: TokenStream, runtime: &syn::Path) -> TokenStream {
    let text = runtime.to_token_stream().to_string().replace(' ', "");
    walk(tokens, runtime, &text)
}

/// [`relocate`], with the runtime's path also as text (`text`).
fn walk(tokens: TokenStream, runtime: &syn::Path, text: &str) -> TokenStream {
    let mut out = TokenStream::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            // `::pcr_runtime` → the new path.
            TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint => {
                let second = trees.next();
                let third = trees.peek().cloned();
                match (&second, &third) {
                    (Some(TokenTree::Punct(q)), Some(TokenTree::Ident(id)))
                        if q.as_char() == ':' && id == "pcr_runtime" =>
                    {
                        trees.next();
                        out.extend(runtime.to_token_stream());
                    }
                    _ => {
                        out.extend([TokenTree::Punct(p)]);
                        out.extend(second);
                    }
                }
            }
            // `#[derive(.., ::pcr_runtime::Validate, ..)]`, then the crate.
            TokenTree::Punct(p) if p.as_char() == '#' => {
                let next = trees.peek().cloned();
                out.extend([TokenTree::Punct(p)]);
                if let Some(TokenTree::Group(g)) = next {
                    if g.delimiter() == Delimiter::Bracket {
                        trees.next();
                        let derives_ours =
                            is_derive(&g) && g.stream().to_string().contains("pcr_runtime");
                        out.extend([TokenTree::Group(walk_group(&g, runtime, text))]);
                        if derives_ours {
                            out.extend(quote!(#[pcr(crate = #text)]));
                        }
                    }
                }
            }
            TokenTree::Group(g) => out.extend([TokenTree::Group(walk_group(&g, runtime, text))]),
            TokenTree::Literal(lit) => {
                out.extend([TokenTree::Literal(relocate_literal(lit, text))])
            }
            other => out.extend([other]),
        }
    }
    out
}

fn walk_group(group: &Group, runtime: &syn::Path, text: &str) -> Group {
    let mut new = Group::new(group.delimiter(), walk(group.stream(), runtime, text));
    new.set_span(group.span());
    new
}

/// A string literal naming a runtime path (`with = "::pcr_runtime::wire::date"`).
fn relocate_literal(lit: Literal, text: &str) -> Literal {
    let Ok(syn::Lit::Str(s)) = syn::parse2::<syn::Lit>(lit.to_token_stream()) else {
        return lit;
    };
    let value = s.value();
    match value.strip_prefix(DEFAULT) {
        Some(rest) if rest.is_empty() || rest.starts_with("::") => {
            Literal::string(&format!("{text}{rest}"))
        }
        _ => lit,
    }
}

fn is_derive(group: &Group) -> bool {
    matches!(group.stream().into_iter().next(), Some(TokenTree::Ident(id)) if id == "derive")
}
