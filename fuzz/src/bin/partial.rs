//! afl target: [`actorgraph_fuzz::partial`] (see `scripts/fuzz.sh`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        actorgraph_fuzz::partial(data);
    });
}
