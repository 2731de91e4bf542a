// Generates the models of `specs/feature-tour.yaml` into OUT_DIR, as a
// downstream crate would.
fn main() {
    if let Err(error) = pcr_codegen::Builder::new()
        .spec("specs/feature-tour.yaml")
        .generate()
    {
        panic!("{error}");
    }
}
