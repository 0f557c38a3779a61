//! With feature `regenerate`, regenerates the catalog from `$SMARTCAR_DOCS_DIR` (default:
//! the workspace's `docs-snapshot`) into `OUT_DIR`. Without it, does nothing: the
//! checked-in `src/generated.rs` is used.

fn main() {
    #[cfg(feature = "regenerate")]
    regenerate();
}

#[cfg(feature = "regenerate")]
fn regenerate() {
    use std::path::PathBuf;

    println!("cargo:rerun-if-env-changed=SMARTCAR_DOCS_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let docs = match std::env::var_os("SMARTCAR_DOCS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs-snapshot"),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR")).join("generated.rs");
    let result = catalog_gen::Builder::new()
        .docs_dir(&docs)
        .out_file(&out)
        .runtime_crate("crate")
        .regenerate_command("cargo build -p smartcar-errors --features regenerate")
        .cargo_metadata(true)
        .generate();
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                println!("cargo:warning={warning}");
            }
        }
        Err(error) => {
            eprintln!("{error}");
            panic!(
                "cannot regenerate the Smartcar error catalog from {}",
                docs.display()
            );
        }
    }
}
