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
    quote! {
        #errors
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
