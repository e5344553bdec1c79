//! Build script: embeds the default model when `models/en-ewt.agm` exists, and the name
//! recognizer when `models/en-ner.agm` does.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(actorgraph_model)");
    println!("cargo::rustc-check-cfg=cfg(actorgraph_ner_model)");
    println!("cargo:rerun-if-changed=models/en-ner.agm");
    println!("cargo:rerun-if-changed=models/en-ewt.agm");
    println!("cargo:rerun-if-changed=build.rs");
    if std::path::Path::new("models/en-ewt.agm").exists() {
        println!("cargo:rustc-cfg=actorgraph_model");
    }
    if std::path::Path::new("models/en-ner.agm").exists() {
        println!("cargo:rustc-cfg=actorgraph_ner_model");
    }
}
