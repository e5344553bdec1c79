//! afl target: [`actorgraph_fuzz::corpus_jsonl`] (see `scripts/fuzz.sh`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        actorgraph_fuzz::corpus_jsonl(data);
    });
}
