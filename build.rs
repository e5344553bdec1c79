//! Build script: embeds the default model when `models/en-ewt.agm` exists and the name
//! recognizer when `models/en-ner.agm` does, and computes the pipeline fingerprint
//! (`ACTORGRAPH_FINGERPRINT`): a hash of the model files and of every source file under
//! `src/`, so partial graphs and cache entries made by another model or another version of
//! the code are refused instead of mixed in.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(actorgraph_model)");
    println!("cargo::rustc-check-cfg=cfg(actorgraph_ner_model)");
    println!("cargo:rerun-if-changed=models/en-ner.agm");
    println!("cargo:rerun-if-changed=models/en-ewt.agm");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
    let model = Path::new("models/en-ewt.agm");
    if model.exists() {
        println!("cargo:rustc-cfg=actorgraph_model");
    }
    let ner = Path::new("models/en-ner.agm");
    if ner.exists() {
        println!("cargo:rustc-cfg=actorgraph_ner_model");
    }
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.sort();
    // FNV-1a over 8-byte words (the model is 15 MB): names and contents, each followed by
    // its length, so no two file sets hash alike by moving bytes between files.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h = (h ^ bytes.len() as u64).wrapping_mul(0x0000_0100_0000_01b3);
    };
    for m in [model, ner] {
        match std::fs::read(m) {
            Ok(bytes) => feed(&bytes),
            Err(_) => feed(b"no model"),
        }
    }
    for f in &files {
        feed(f.to_string_lossy().replace('\\', "/").as_bytes());
        if let Ok(bytes) = std::fs::read(f) {
            feed(&bytes);
        }
    }
    println!("cargo:rustc-env=ACTORGRAPH_FINGERPRINT={h:016x}");
}

/// Every file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            sources(&path, out);
        } else {
            out.push(path);
        }
    }
}
