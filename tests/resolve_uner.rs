//! Name recognition ([`actorgraph::resolve::recognize`]) against UniversalNER English-EWT
//! (PER/ORG/LOC, IOB2), on the gold tokens with the gold UPOS and parse of UD EWT (the two
//! share sentence ids). Span-level precision, recall and F1; PER = Person,
//! ORG = Organization, LOC = Place; other predicted types are ignored.
//!
//! Skips when `../shared` is absent. `UNER_SPLIT=dev` measures the dev split instead.

#[path = "support/skip.rs"]
mod skip;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use actorgraph::model::EntityType;
use actorgraph::model::{Sentence, SentenceKind, Span, Token, Upos};
use actorgraph::nlp::conllu;
use actorgraph::resolve::recognize;

/// Gold spans of an IOB2 file by sentence id: (start, end, label).
/// Per sentence id: the words and the gold spans (start, end, label).
type Gold = HashMap<String, (Vec<String>, BTreeSet<(usize, usize, String)>)>;

fn read_iob2(path: &Path) -> Gold {
    let text = std::fs::read_to_string(path).expect("read iob2");
    let mut out = HashMap::new();
    let mut id = String::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut flush = |id: &str, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let mut spans = BTreeSet::new();
            let mut i = 0;
            while i < tags.len() {
                if let Some(label) = tags[i]
                    .strip_prefix("B-")
                    .or_else(|| tags[i].strip_prefix("I-"))
                {
                    let mut j = i + 1;
                    while j < tags.len() && tags[j] == format!("I-{label}") {
                        j += 1;
                    }
                    spans.insert((i, j, label.to_owned()));
                    i = j;
                } else {
                    i += 1;
                }
            }
            out.insert(id.to_owned(), (std::mem::take(words), spans));
            tags.clear();
        }
    };
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# sent_id = ") {
            id = rest.trim().to_owned();
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            flush(&id, &mut words, &mut tags);
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 3 && !cols[0].contains('-') && !cols[0].contains('.') {
                words.push(cols[1].to_owned());
                tags.push(cols[2].to_owned());
            }
        }
    }
    flush(&id, &mut words, &mut tags);
    out
}

fn sentence_of(words: &[conllu::Word]) -> Option<Sentence> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    for w in words {
        let upos = Upos::parse(&w.upos)?;
        let span = Span::new(pos, pos + w.form.len());
        pos += w.form.len() + usize::from(!w.no_space_after());
        tokens.push(Token {
            span,
            form: w.form.clone(),
            upos,
            xpos: actorgraph::model::intern(&w.xpos),
            lemma: w.lemma.clone(),
            head: w.head.checked_sub(1),
            deprel: actorgraph::model::intern(&w.deprel),
        });
    }
    Some(Sentence::new(
        0,
        Span::new(0, pos),
        SentenceKind::Body,
        tokens,
    ))
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn uner_ewt_f1() {
    let split = std::env::var("UNER_SPLIT").unwrap_or_else(|_| "test".to_owned());
    let iob = format!("../shared/treebanks/uner-ewt/en_ewt-ud-{split}.iob2");
    let ud = format!("../shared/treebanks/ud-english-ewt/en_ewt-ud-{split}.conllu");
    if !Path::new(&iob).exists() || !Path::new(&ud).exists() {
        skip::skip(&format!("{iob} or {ud} not found"));
        return;
    }
    let gold = read_iob2(Path::new(&iob));
    let trees = conllu::read_file(Path::new(&ud)).expect("read conllu");
    let labels = ["PER", "ORG", "LOC"];
    let mut tp: HashMap<&str, usize> = HashMap::new();
    let mut fp: HashMap<&str, usize> = HashMap::new();
    let mut fneg: HashMap<&str, usize> = HashMap::new();
    let mut used = 0;
    let verbose = std::env::var("UNER_VERBOSE").is_ok();
    for tree in &trees {
        let Some((words, spans)) = gold.get(&tree.id) else {
            continue;
        };
        if words.len() != tree.words.len() {
            continue;
        }
        let Some(sentence) = sentence_of(&tree.words) else {
            continue;
        };
        used += 1;
        let pred: BTreeSet<(usize, usize, String)> = recognize(&sentence)
            .into_iter()
            .filter_map(|(r, k)| {
                let l = match k {
                    EntityType::Person => "PER",
                    EntityType::Organization => "ORG",
                    EntityType::Place => "LOC",
                    _ => return None,
                };
                Some((r.start, r.end, l.to_owned()))
            })
            .collect();
        let gold: BTreeSet<(usize, usize, String)> = spans
            .iter()
            .filter(|s| labels.contains(&s.2.as_str()))
            .cloned()
            .collect();
        for l in labels {
            let p: BTreeSet<_> = pred.iter().filter(|s| s.2 == l).collect();
            let g: BTreeSet<_> = gold.iter().filter(|s| s.2 == l).collect();
            let hit = p.intersection(&g).count();
            *tp.entry(l).or_default() += hit;
            *fp.entry(l).or_default() += p.len() - hit;
            *fneg.entry(l).or_default() += g.len() - hit;
        }
        if verbose && pred != gold {
            let show = |s: &BTreeSet<(usize, usize, String)>| {
                s.iter()
                    .map(|(a, b, l)| format!("{}:{l}", words[*a..*b].join(" ")))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            println!(
                "{}\n  gold: {}\n  pred: {}",
                words.join(" "),
                show(&gold),
                show(&pred)
            );
        }
    }
    let f = |tp: usize, fp: usize, fneg: usize| {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fneg).max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    for l in labels {
        let (p, r, f1) = f(tp[l], fp[l], fneg[l]);
        println!(
            "{split} {l}: P {p:.3} R {r:.3} F1 {f1:.3} (gold {})",
            tp[l] + fneg[l]
        );
    }
    let (p, r, f1) = f(tp.values().sum(), fp.values().sum(), fneg.values().sum());
    println!("{split} all ({used} sentences, gold UPOS and parse): P {p:.3} R {r:.3} F1 {f1:.3}");
    assert!(used > 1000, "too few aligned sentences: {used}");
    assert!(f1 > 0.5, "F1 {f1:.3} collapsed");
}
