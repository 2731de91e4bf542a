//! Writes the serde-only twin of pcr-models: the same structs, fields and
//! serde attributes, without what pcr-models adds (the `Validate`,
//! `Disclose` and `Codeset` derives, `#[pcr]` attributes, the `Structure`
//! and `Alternatives` impls). It is what a user would write with serde
//! alone, and what `benches/build_time.sh` compiles beside pcr-models to
//! measure what the derives cost to build.
//!
//! - Codeset enums derive `Serialize`/`Deserialize` with each code as the
//!   variant's `rename` (serde's exact match; pcr-models ignores case).
//! - `Lenient<T>` becomes `T` (serde alone has no "unknown code" variant).
//! - The 200 body is `#[serde(untagged)]` (serde's way to read one of two).
//! - The register-side forms (`mod register`) are left out (they exist
//!   only to be disclosed), unless `--with-register` is given: then they
//!   are kept with serde's derives alone, the same types as pcr-models.
//! - Decimal, date and UUID fields keep the runtime's `with` modules, so
//!   both crates parse the same wire formats with the same code.
//!
//! `cargo run -p pcr-benches --example serde_twin -- OUT_DIR [--with-register]`
//! writes `OUT_DIR/Cargo.toml` and `OUT_DIR/src/lib.rs`.

use std::path::Path;

use syn::visit_mut::{self, VisitMut};
use syn::{parse_quote, Attribute, Item, Meta};

const GENERATED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../generated/src/credit_register_extract.rs"
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_register = args.iter().any(|a| a == "--with-register");
    let outs: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let ([out], true) = (
        outs.as_slice(),
        args.len() == outs.len() + usize::from(with_register),
    ) else {
        eprintln!("usage: serde_twin OUT_DIR [--with-register]");
        std::process::exit(2);
    };
    if let Err(error) = write_twin(Path::new(out), with_register) {
        eprintln!("serde_twin: {error}");
        std::process::exit(1);
    }
}

fn write_twin(out: &Path, with_register: bool) -> Result<(), Box<dyn std::error::Error>> {
    let source = std::fs::read_to_string(GENERATED)?;
    let mut file = syn::parse_file(&source)?;
    Twin { with_register }.visit_file_mut(&mut file);
    let name = if with_register {
        "pcr-models-serde-only-with-register"
    } else {
        "pcr-models-serde-only"
    };
    std::fs::create_dir_all(out.join("src"))?;
    std::fs::write(out.join("src/lib.rs"), prettyplease::unparse(&file))?;
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let runtime = runtime.canonicalize()?;
    std::fs::write(
        out.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\npcr-runtime = {{ path = {:?} }}\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )?;
    Ok(())
}

struct Twin {
    with_register: bool,
}

impl VisitMut for Twin {
    fn visit_file_mut(&mut self, file: &mut syn::File) {
        file.items
            .retain(|item| keep_item(item, self.with_register));
        visit_mut::visit_file_mut(self, file);
    }

    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        // pcr-models compiles `mod register` under its `register` feature;
        // the twin, without features, keeps it as it is.
        module.attrs.retain(|attr| !attr.path().is_ident("cfg"));
        let with_register = self.with_register;
        if let Some((_, items)) = &mut module.content {
            items.retain(|item| keep_item(item, with_register));
        }
        visit_mut::visit_item_mod_mut(self, module);
    }

    fn visit_item_struct_mut(&mut self, item: &mut syn::ItemStruct) {
        item.attrs.retain(|attr| !attr.path().is_ident("pcr"));
        strip_derives(&mut item.attrs);
        for field in &mut item.fields {
            field.attrs.retain(|attr| !attr.path().is_ident("pcr"));
        }
        visit_mut::visit_item_struct_mut(self, item);
    }

    fn visit_item_enum_mut(&mut self, item: &mut syn::ItemEnum) {
        let codeset = item.attrs.iter().any(|attr| attr.path().is_ident("pcr"));
        item.attrs.retain(|attr| !attr.path().is_ident("pcr"));
        strip_derives(&mut item.attrs);
        if codeset {
            item.attrs
                .push(parse_quote!(#[derive(::serde::Serialize, ::serde::Deserialize)]));
            for variant in &mut item.variants {
                let code = code_of(&variant.attrs);
                variant.attrs.retain(|attr| !attr.path().is_ident("pcr"));
                if let Some(code) = code {
                    variant.attrs.push(parse_quote!(#[serde(rename = #code)]));
                }
            }
        } else if item.ident == "Status200Body" {
            item.attrs
                .push(parse_quote!(#[derive(::serde::Deserialize)]));
        }
        visit_mut::visit_item_enum_mut(self, item);
    }

    fn visit_type_mut(&mut self, ty: &mut syn::Type) {
        if let syn::Type::Path(path) = ty {
            let last = path.path.segments.last();
            if path.path.segments.len() == 2
                && path.path.segments[0].ident == "pcr_runtime"
                && last.is_some_and(|s| s.ident == "Lenient")
            {
                if let syn::PathArguments::AngleBracketed(args) = &path.path.segments[1].arguments {
                    if let Some(syn::GenericArgument::Type(inner)) = args.args.first() {
                        *ty = inner.clone();
                    }
                }
            }
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

/// Keeps every item but the impls of pcr-models' own traits and, unless
/// `with_register`, the register-side forms (`mod register`).
fn keep_item(item: &Item, with_register: bool) -> bool {
    if let Item::Mod(module) = item {
        return with_register || module.ident != "register";
    }
    let Item::Impl(imp) = item else { return true };
    let Some((_, trait_path, _)) = &imp.trait_ else {
        return true;
    };
    let name = trait_path.segments.last().map(|s| s.ident.to_string());
    let is_runtime = trait_path
        .segments
        .first()
        .is_some_and(|s| s.ident == "pcr_runtime");
    // The 200 body's hand-written Deserialize goes too: the twin derives it.
    !(is_runtime || name.as_deref() == Some("Deserialize"))
}

/// Drops the runtime's derives from every `#[derive(...)]`.
fn strip_derives(attrs: &mut [Attribute]) {
    for attr in attrs.iter_mut() {
        if !attr.path().is_ident("derive") {
            continue;
        }
        let Ok(paths) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let kept: Vec<_> = paths
            .into_iter()
            .filter(|path| {
                path.segments
                    .first()
                    .is_none_or(|s| s.ident != "pcr_runtime")
            })
            .collect();
        *attr = parse_quote!(#[derive(#(#kept),*)]);
    }
}

/// The `code = "..."` of a variant's `#[pcr(...)]`.
fn code_of(attrs: &[Attribute]) -> Option<syn::LitStr> {
    let mut code = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("pcr")) {
        if let Meta::List(list) = &attr.meta {
            let _ = list.parse_nested_meta(|meta| {
                if meta.path.is_ident("code") {
                    code = Some(meta.value()?.parse()?);
                } else if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                } else if meta.input.peek(syn::token::Bracket) || meta.input.peek(syn::token::Paren)
                {
                    let _: proc_macro2::TokenTree = meta.input.parse()?;
                }
                Ok(())
            });
        }
    }
    code
}
