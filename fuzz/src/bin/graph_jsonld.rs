//! afl target: [`actorgraph_fuzz::graph_jsonld`] (see `scripts/fuzz.sh`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        actorgraph_fuzz::graph_jsonld(data);
    });
}
