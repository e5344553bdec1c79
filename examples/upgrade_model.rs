//! Rewrites a model bundle in the current format (same weights, current layout), so an
//! older bundle loads faster without retraining.
//!
//! `cargo run --release --example upgrade_model -- IN.agm OUT.agm`

use std::path::Path;

use actorgraph::export::atomic;
use actorgraph::nlp::Nlp;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: upgrade_model IN.agm OUT.agm".into());
    };
    let nlp = Nlp::from_bytes(&std::fs::read(input)?)?;
    let bytes = nlp.to_bytes();
    // Atomic: a temporary file beside OUT renamed over it, never half a model.
    atomic::write(Path::new(output), |w| w.write_all(&bytes))?;
    println!("wrote {output} ({} bytes)", bytes.len());
    Ok(())
}
