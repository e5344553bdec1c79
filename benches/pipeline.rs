//! Criterion benches of the pipeline stages. Filled in by the throughput work.

fn main() {}
