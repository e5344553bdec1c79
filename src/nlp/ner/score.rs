//! Span-level precision, recall and F1 of typed names: a predicted name counts only when
//! its tokens and its type both match a gold name (exact span and type, as CoNLL scores).

use std::collections::BTreeMap;

use super::iob2::LabelledSpan;

/// True positives, false positives and false negatives of one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`, 0 when nothing is gold.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// Gold names.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Counts per label over the labels scored; names of other labels (gold or predicted)
/// are ignored.
#[derive(Clone, Debug)]
pub struct Score {
    by_label: BTreeMap<String, Counts>,
}

impl Score {
    /// A score over these labels (e.g. `PER`, `ORG`, `LOC`).
    pub fn new(labels: &[&str]) -> Score {
        Score {
            by_label: labels
                .iter()
                .map(|l| ((*l).to_owned(), Counts::default()))
                .collect(),
        }
    }

    /// Adds one sentence's gold and predicted names.
    pub fn add(&mut self, gold: &[LabelledSpan], pred: &[LabelledSpan]) {
        for (label, counts) in &mut self.by_label {
            let g: Vec<_> = gold.iter().filter(|s| &s.label == label).collect();
            let mut p: Vec<_> = pred.iter().filter(|s| &s.label == label).collect();
            p.sort_by_key(|s| (s.tokens.start, s.tokens.end));
            p.dedup();
            let tp = p.iter().filter(|s| g.contains(s)).count();
            counts.add(Counts {
                tp,
                fp: p.len() - tp,
                fn_: g.len().saturating_sub(tp),
            });
        }
    }

    /// The counts of one label.
    pub fn label(&self, label: &str) -> Counts {
        self.by_label.get(label).copied().unwrap_or_default()
    }

    /// The labels scored, sorted.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.by_label.keys().map(String::as_str)
    }

    /// Counts summed over the labels (micro average).
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_label.values() {
            c.add(*v);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize, l: &str) -> LabelledSpan {
        LabelledSpan {
            tokens: a..b,
            label: l.into(),
        }
    }

    #[test]
    fn exact_span_and_type() {
        let mut sc = Score::new(&["PER", "ORG", "LOC"]);
        let gold = [
            s(0, 2, "PER"),
            s(4, 5, "LOC"),
            s(7, 9, "ORG"),
            s(10, 11, "MISC"),
        ];
        // Right; wrong type; wrong boundary; a label not scored.
        let pred = [
            s(0, 2, "PER"),
            s(4, 5, "ORG"),
            s(7, 8, "ORG"),
            s(10, 11, "MISC"),
        ];
        sc.add(&gold, &pred);
        assert_eq!(
            sc.label("PER"),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            sc.label("LOC"),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            sc.label("ORG"),
            Counts {
                tp: 0,
                fp: 2,
                fn_: 1
            }
        );
        let all = sc.overall();
        assert_eq!(
            all,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert!((all.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((all.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((all.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(sc.labels().collect::<Vec<_>>(), vec!["LOC", "ORG", "PER"]);
    }

    #[test]
    fn empty_is_zero_not_nan() {
        let sc = Score::new(&["PER"]);
        assert_eq!(sc.overall().f1(), 0.0);
        let mut sc = Score::new(&["PER"]);
        // A duplicate prediction counts once.
        sc.add(&[s(0, 1, "PER")], &[s(0, 1, "PER"), s(0, 1, "PER")]);
        assert_eq!(sc.overall().f1(), 1.0);
    }
}
