//! Generic descriptions that name the article's own actor: `the company`, `the firm`,
//! `the bank` (its main organisation so far), and `the government` (the government of the
//! country in focus). Without them every `company` of a corpus is one node.

use super::Builder;
use crate::model::{Argument, EntityType, MergeRule, MergeRules, SentenceKind};
use crate::resolve::gazetteer::{Gazetteer, normalize};
use crate::resolve::local::LocalOrigin;
use crate::resolve::mention;

impl Builder<'_> {
    /// `the company`: the organisation the article has mentioned most before it (mentions
    /// as a subject weigh three, as the lead's subject six; the most recent of those
    /// tied), not a country or a news medium; `the bank` only one with `bank` in its name.
    /// `None` when the article has named none.
    pub(super) fn main_company(&mut self, arg: &Argument, word: &str) -> Option<usize> {
        let gaz = Gazetteer::get();
        let at = (arg.sentence, arg.tokens.start);
        let seen: Vec<(usize, usize, usize)> = self
            .seen
            .iter()
            .filter(|(s, t, _)| (*s, *t) < at)
            .copied()
            .collect();
        // (entity, weight so far, last position): a mention as a subject weighs 3 (6 in
        // the lead), so the company that acts outweighs the ones named in passing (a
        // ticker, an adviser).
        let mut score: Vec<(usize, usize, usize)> = Vec::new();
        // The lead: the first body sentence, whose subject a news story is about.
        let lead = self
            .doc
            .sentences
            .iter()
            .find(|s| s.kind == SentenceKind::Body && super::text_sentence(s))
            .map(|s| s.index);
        for (pos, (sentence, start, e)) in seen.into_iter().enumerate() {
            let weight = match self.is_subject_mention(sentence, start) {
                true if Some(sentence) == lead => 6,
                true => 3,
                false => 1,
            };
            let e = self.find(e);
            let ent = &self.ents[e];
            let media = ent.entry.is_some_and(|id| gaz.entry(id).media);
            // a table label (`NOTE:`, `Shr`) typed as an organisation is none
            let label = ent.forms.keys().all(|f| mention::is_not_name(f));
            if ent.kind != EntityType::Organization || media || label {
                continue;
            }
            if word == "bank"
                && !ent
                    .forms
                    .keys()
                    .any(|f| normalize(f).split(' ').any(|w| w == "bank"))
            {
                continue;
            }
            match score.iter_mut().find(|(x, _, _)| *x == e) {
                Some(slot) => {
                    slot.1 += weight;
                    slot.2 = pos;
                }
                None => score.push((e, weight, pos)),
            }
        }
        score
            .iter()
            .max_by_key(|(_, n, pos)| (*n, *pos))
            .map(|&(e, _, _)| e)
    }

    /// Whether the mention starting at (`sentence`, `start`) holds a subject.
    fn is_subject_mention(&self, sentence: usize, start: usize) -> bool {
        let Some(end) = self
            .at
            .keys()
            .filter(|(s, b, _)| *s == sentence && *b == start)
            .map(|&(_, _, e)| e)
            .max()
        else {
            return false;
        };
        self.sentence(sentence).is_some_and(|s| {
            s.tokens
                .get(start..end)
                .is_some_and(|ts| ts.iter().any(|t| t.base_rel() == "nsubj"))
        })
    }

    /// `the government`: the group `<country> government` of the country in focus.
    pub(super) fn country_government(&mut self, arg: &Argument) -> Option<usize> {
        let country = self.focus_country(arg)?;
        let id = self.ents[country].entry?;
        let label = Gazetteer::get().entry(id).label.clone();
        let owner = normalize(&label);
        let key = format!("group:{owner}|government");
        let e = match self.by_key.get(&key) {
            Some(&e) => self.find(e),
            None => {
                let e = self.new_entity(EntityType::Group);
                self.ents[e].part_of = Some(country);
                self.ents[e].origin = LocalOrigin::Group(format!("{owner}|government"));
                self.by_key.insert(key, e);
                e
            }
        };
        // Its name, so the node has a label; the mention is counted by the caller.
        self.ents[e].forms.add(
            format!("{label} government"),
            1,
            MergeRules::of(MergeRule::Description),
        );
        Some(e)
    }
}
