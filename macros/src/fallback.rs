//! On a derive error: the errors, and an impl that does nothing, so the
//! user sees one error per mistake instead of a cascade of "Validate is not
//! implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn validate(input: &DeriveInput, errors: syn::Error, krate: &syn::Path) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let errors = errors.to_compile_error();
    let structure = match &input.data {
        syn::Data::Struct(_) => quote! {
            impl #impl_generics #krate::structure::Structure for #ident #ty_generics #where_clause {
                fn shape() -> #krate::structure::Shape {
                    #krate::structure::Shape::Any
                }
            }
        },
        _ => TokenStream::new(),
    };
    quote! {
        #errors
        #structure
        impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                _: &#krate::Context,
                _: &mut #krate::JsonPath,
                _: &mut #krate::ValidationErrors,
            ) {
            }
        }
    }
}
