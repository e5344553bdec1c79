//! Tests of the parser: training, averaging, shortcuts, formats and weight tables.

use super::format::Format;
use super::transition::N_MOVES;
use super::*;
use crate::codec::ByteWriter;
use crate::rng::Rng;

fn sent(forms: &[&str], upos: &[Upos], heads: &[usize], rels: &[&str]) -> TrainSentence {
    TrainSentence {
        forms: forms.iter().map(|s| s.to_string()).collect(),
        upos: upos.to_vec(),
        xpos: upos.iter().map(|u| u.as_str().to_owned()).collect(),
        heads: heads.to_vec(),
        deprels: rels.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn learns_a_toy_grammar() {
    use Upos::*;
    let data = vec![
        sent(
            &["Ann", "sees", "Bob", "."],
            &[Propn, Verb, Propn, Punct],
            &[2, 0, 2, 2],
            &["nsubj", "root", "obj", "punct"],
        ),
        sent(
            &["Bob", "likes", "Ann", "."],
            &[Propn, Verb, Propn, Punct],
            &[2, 0, 2, 2],
            &["nsubj", "root", "obj", "punct"],
        ),
        sent(
            &["the", "cat", "sleeps"],
            &[Det, Noun, Verb],
            &[2, 3, 0],
            &["det", "nsubj", "root"],
        ),
    ];
    let p = Parser::train(
        &data,
        &ParserTrainOptions {
            epochs: 10,
            seed: 1,
            ..Default::default()
        },
    );
    let out = p.parse(
        &["Ann", "likes", "Bob", "."],
        &[Propn, Verb, Propn, Punct],
        &["PROPN", "VERB", "PROPN", "PUNCT"],
    );
    assert_eq!(out[1], (None, "root"));
    assert_eq!(out[0], (Some(1), "nsubj"));
    assert_eq!(out[2], (Some(1), "obj"));
}

/// The first format: labels, vocabulary, then each table as sorted keys and rows.
fn to_first_format(p: &Parser) -> Vec<u8> {
    let mut out = ByteWriter::new();
    out.buf.extend_from_slice(Format::V1.magic());
    out.u32(p.labels.len() as u32);
    for l in &p.labels {
        out.str(l);
    }
    let mut vocab: Vec<u64> = p.vocab.keys().copied().collect();
    vocab.sort_unstable();
    out.u32(vocab.len() as u32);
    for v in vocab {
        out.u64(v);
    }
    for t in [&p.moves, &p.labeller] {
        out.u32(t.nc as u32);
        out.u32(t.keys.len() as u32);
        out.f32(t.scale);
        for (r, &k) in t.keys.iter().enumerate() {
            out.u64(k);
            for &q in &t.q[r * t.nc..(r + 1) * t.nc] {
                out.i16(q);
            }
        }
    }
    out.buf
}

fn toy_parser(clusters: WordClusters) -> (Parser, Vec<TrainSentence>) {
    use Upos::*;
    let mut data = Vec::new();
    for (a, b) in [("Ann", "Bob"), ("Bob", "Cy"), ("Cy", "Ann"), ("Dee", "Bob")] {
        data.push(sent(
            &[a, "sees", b, "."],
            &[Propn, Verb, Propn, Punct],
            &[2, 0, 2, 2],
            &["nsubj", "root", "obj", "punct"],
        ));
        data.push(sent(
            &["the", "dog", "of", a, "barks"],
            &[Det, Noun, Adp, Propn, Verb],
            &[2, 5, 4, 2, 0],
            &["det", "nsubj", "case", "nmod", "root"],
        ));
    }
    let options = ParserTrainOptions {
        epochs: 8,
        seed: 2,
        clusters,
        prune: 0.0,
    };
    (Parser::train(&data, &options), data)
}

#[test]
fn an_average_of_parsers_scores_with_their_mean_weights() {
    let (a, data) = toy_parser(WordClusters::empty());
    let b = Parser::train(
        &data,
        &ParserTrainOptions {
            epochs: 8,
            seed: 3,
            prune: 0.0,
            ..Default::default()
        },
    );
    let mean = Parser::average(&[a.clone(), b.clone()], &data).expect("one shape");
    // Every feature of either parser, scored alone, gets the mean of their rows.
    let keys: Vec<u64> = a.moves.keys.iter().chain(&b.moves.keys).copied().collect();
    assert!(mean.moves.keys.len() >= a.moves.keys.len().max(b.moves.keys.len()));
    let step = mean.moves.scale + a.moves.scale + b.moves.scale;
    for &k in &keys {
        let (sa, sb) = (dense(&a.moves, &[k]), dense(&b.moves, &[k]));
        let sm = dense(&mean.moves, &[k]);
        for c in 0..N_MOVES {
            let want = (sa[c] + sb[c]) / 2.0;
            assert!(
                (sm[c] - want).abs() <= step,
                "{k}: {} against {want}",
                sm[c]
            );
        }
    }
    // It still parses the toy grammar, and the mean of one parser parses like it.
    let gold: Vec<Vec<(Option<usize>, &str)>> = data
        .iter()
        .map(|s| {
            s.heads
                .iter()
                .zip(&s.deprels)
                .map(|(&h, r)| (h.checked_sub(1), crate::model::intern(r)))
                .collect()
        })
        .collect();
    assert_eq!(parses(&mean, &data), gold);
    let one = Parser::average(std::slice::from_ref(&a), &data).expect("one parser");
    assert_eq!(parses(&one, &data), parses(&a, &data));
    // Parsers with other labels do not average.
    let mut other = b.clone();
    other.labels.push("extra");
    assert!(Parser::average(&[a, other], &data).is_none());
}

#[test]
fn label_shortcuts_follow_the_labeller() {
    let (toy, data) = toy_parser(WordClusters::empty());
    assert!(
        toy.label_shortcuts.is_empty(),
        "too few occurrences for a shortcut"
    );
    // Six times the data: every key is seen at least SHORTCUT_MIN times.
    let data: Vec<TrainSentence> = data.iter().cycle().take(6 * data.len()).cloned().collect();
    let options = ParserTrainOptions {
        epochs: 4,
        seed: 2,
        prune: 0.0,
        ..Default::default()
    };
    let p = Parser::train(&data, &options);
    // `the` → `dog`, `of` → a name, `dog` → `barks`: the keys of the other arcs hold
    // one name each, seen six times.
    assert_eq!(p.label_shortcuts.len(), 3, "{:?}", p.label_shortcuts);
    let mut plain = p.clone();
    plain.label_shortcuts.clear();
    assert_eq!(parses(&p, &data), parses(&plain, &data));
    let back = Parser::from_bytes(&p.to_bytes()).expect("round trip");
    assert_eq!(back.label_shortcuts, p.label_shortcuts);
    plain.learn_shortcuts(&data);
    assert_eq!(plain.label_shortcuts, p.label_shortcuts);
}

fn parses(p: &Parser, data: &[TrainSentence]) -> Vec<Vec<(Option<usize>, &'static str)>> {
    data.iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
            p.parse(&forms, &s.upos, &xpos)
        })
        .collect()
}

#[test]
fn reads_back_its_own_and_the_first_format() {
    let (p, data) = toy_parser(WordClusters::empty());
    let want = parses(&p, &data);
    let bytes = p.to_bytes();
    let back = Parser::from_bytes(&bytes).expect("current format");
    assert_eq!(parses(&back, &data), want);
    assert_eq!(back.to_bytes(), bytes, "byte-identical after a round trip");
    let mut first = Parser::from_bytes(&to_first_format(&p)).expect("first format");
    assert_eq!(parses(&first, &data), want);
    first.learn_shortcuts(&data);
    assert_eq!(first.to_bytes(), bytes);
    // Every cut is an error, never a panic or an endless probe.
    for cut in (0..bytes.len()).step_by(7) {
        assert!(Parser::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn keeps_its_word_classes() {
    let sents: Vec<Vec<&str>> = ["Ann", "Bob", "Cy", "Dee"]
        .iter()
        .flat_map(|n| {
            [
                vec![*n, "sees", "the", "dog"],
                vec!["the", "dog", "sees", *n],
            ]
        })
        .collect();
    let clusters = WordClusters::train(
        &sents,
        &crate::nlp::clusters::ClusterOptions {
            coarse: 2,
            fine: 4,
            iterations: 5,
            min_count: 1,
        },
    );
    assert!(!clusters.is_empty());
    let (p, data) = toy_parser(clusters);
    let back = Parser::from_bytes(&p.to_bytes()).expect("round trip");
    assert_eq!(back.clusters.len(), p.clusters.len());
    assert_eq!(parses(&back, &data), parses(&p, &data));
    assert_eq!(parses(&p, &data)[0][0], (Some(1), "nsubj"));
}

/// Dense reference: the sum of the 16-bit rows of the features present.
fn dense(t: &WeightTable, feats: &[u64]) -> Vec<f32> {
    let mut out = vec![0f32; t.nc];
    for f in feats {
        if let Ok(r) = t.keys.binary_search(f) {
            for (o, &q) in out.iter_mut().zip(&t.q[r * t.nc..(r + 1) * t.nc]) {
                *o += f32::from(q) * t.scale;
            }
        }
    }
    out
}

fn random_table(nc: usize, rows: usize, rng: &mut Rng) -> WeightTable {
    let mut keys: Vec<u64> = (0..rows).map(|_| rng.next_u64()).collect();
    keys.sort_unstable();
    keys.dedup();
    let w: Vec<f32> = (0..keys.len() * nc)
        .map(|_| match rng.below(3) {
            0 => 0.0,
            _ => (rng.below(2001) as f32 - 1000.0) / 100.0,
        })
        .collect();
    WeightTable::quantise(nc, keys, &w)
}

#[test]
fn tables_score_like_the_dense_rows() {
    let mut rng = Rng::splitmix(7);
    let mut off = 0;
    for nc in [3, 5, 51] {
        let t = random_table(nc, 5000, &mut rng);
        for _ in 0..200 {
            // Half the features are in the table, half are not; more than one chunk
            // of the scoring loops.
            let feats: Vec<u64> = (0..150)
                .map(|i| {
                    if i % 2 == 0 {
                        t.keys[rng.below(t.keys.len())]
                    } else {
                        rng.next_u64()
                    }
                })
                .collect();
            let want = dense(&t, &feats);
            let mut got = vec![0f32; nc];
            t.score(&feats, &mut got);
            if nc == N_MOVES {
                // Differences from the first move, to the 9-bit precision (half a
                // step of 20/255 per feature), except when an absent feature's
                // 14-bit tag collides: at this table's load (0.61) its probes pass
                // about 4 slots, so about 1 in 4,000 absent lookups (75 a score).
                let tolerance = 0.5 * 20.0 / 255.0 * 75.0;
                off += usize::from((1..3).any(|m| (want[m] - want[0] - got[m]).abs() > tolerance));
            } else {
                for (w, g) in want.iter().zip(&got) {
                    assert!((w - g).abs() < 1e-3, "{w} vs {g}");
                }
            }
        }
    }
    assert!(off <= 10, "{off} of 200 move scores off");
}

#[test]
fn rejects_bad_bytes() {
    assert!(Parser::from_bytes(b"nonsense").is_err());
    assert!(Parser::from_bytes(b"").is_err());
}
