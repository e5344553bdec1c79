//! afl target: [`actorgraph_fuzz::corpus_text`] (see `scripts/fuzz.sh`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        actorgraph_fuzz::corpus_text(data);
    });
}
