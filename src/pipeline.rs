//! The build: corpus → nlp → extract → resolve → graph, in parallel. STUB for now.
