// Generates the models of `specs/feature-tour.yaml` into OUT_DIR, as a
// downstream crate would; and again into OUT_DIR/relocated naming the
// runtime by the crate's own re-export, `crate::rt`.
fn main() {
    if let Err(error) = pcr_codegen::Builder::new()
        .spec("specs/feature-tour.yaml")
        .generate()
    {
        panic!("{error}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    if let Err(error) = pcr_codegen::Builder::new()
        .spec("specs/feature-tour.yaml")
        .out_dir(format!("{out}/relocated"))
        .runtime_crate("crate::rt")
        .generate()
    {
        panic!("{error}");
    }
}
