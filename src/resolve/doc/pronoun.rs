//! Pronouns: resolved only when the text leaves one clear reading.
//!
//! A wrong antecedent shows a named actor the sentence never names, which costs an analyst
//! more than a statement left out. So a pronoun follows the subjects before it, closest
//! first (the subjects of its own sentence before it, then the main subject of each of the
//! two sentences before), the way news prose chains its references (`Mr Blair said… He
//! added…`):
//! - a subject that is a compatible named entity is the antecedent (`he` → a person of
//!   the right gender when a title tells it, `it` → an organisation, place or event,
//!   `they` → a group);
//! - a subject that is the same pronoun stands for what that pronoun resolves to;
//! - a subject that could be what the pronoun means but names no entity (`the minister`
//!   for `he`, `the deal` for `it`, `analysts` for `they`) ends the search unresolved;
//! - other subjects (a company before `he`, a person before `it`) are passed over;
//! - a subject's head may be a title or a place with the name beside it (`France's
//!   defence minister, Jean-Yves Le Drian`, `N.J. Rep. Mathew Rinaldo`): the one fitting
//!   name there is the antecedent; `Russian officials` stand for Russia before `it`.
//!
//! Quotation marks divide the text: a pronoun outside a quote reads only subjects
//! outside quotes, and one inside reads only the subjects of its own sentence's quote (a
//! quote's `he` is rarely its speaker).
//!
//! A definite description subject (`the commission`) stands for the entity named earlier
//! with that head word, as descriptions do elsewhere in this module; a title (`the
//! cardinal`) for the one person the article gave it.
//!
//! With no subject deciding, `he`/`she` take the one person of the last three sentences if
//! there is exactly one; `it` and `they` stay unresolved. An unresolved pronoun drops its triple.

use super::Builder;
use super::words::{PERSON_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS};
use crate::model::{Argument, EntityType, Upos};
use crate::resolve::gazetteer::Gazetteer;
use crate::resolve::mention;

/// Sentences before the pronoun's own that the search reads.
const WINDOW: usize = 2;
/// How many pronouns one resolution may follow back (`He… He… He…`).
const MAX_CHAIN: usize = 6;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// `he`, `him`, `his`, `himself`.
    Male,
    /// `she`, `her`, `hers`, `herself`.
    Female,
    /// `it`, `its`, `itself`.
    Thing,
    /// `they`, `them`, `their`, …
    Plural,
}

impl Class {
    fn of(word: &str) -> Option<Class> {
        if PERSON_PRONOUNS.contains(&word) {
            Some(if word.starts_with('s') || word.starts_with("her") {
                Class::Female
            } else {
                Class::Male
            })
        } else if THING_PRONOUNS.contains(&word) {
            Some(Class::Thing)
        } else if PLURAL_PRONOUNS.contains(&word) {
            Some(Class::Plural)
        } else {
            None
        }
    }

    fn is_person(self) -> bool {
        matches!(self, Class::Male | Class::Female)
    }

    fn kinds(self) -> &'static [EntityType] {
        match self {
            Class::Male | Class::Female => &[EntityType::Person],
            Class::Thing => &[
                EntityType::Organization,
                EntityType::Place,
                EntityType::Event,
            ],
            // A company or team is `it` in most news and `they` in some; a plural
            // pronoun names a group, never a body read as plural.
            Class::Plural => &[EntityType::Group],
        }
    }
}

/// What one subject before the pronoun says about it.
enum Verdict {
    /// This entity is the antecedent.
    Is(usize),
    /// The subject could be the antecedent but is no entity, or its pronoun is unresolved.
    Unclear,
    /// The subject cannot be the antecedent: read on.
    Pass,
}

impl Builder<'_> {
    /// The local entity a pronoun argument stands for, or `None` when the text leaves
    /// no clear reading: see the module doc.
    pub(super) fn pronoun(&mut self, arg: &Argument) -> Option<usize> {
        let s = self.sentence(arg.sentence)?;
        let word = s
            .tokens
            .get(arg.head)
            .map(|t| t.form.to_lowercase())
            .unwrap_or_else(|| arg.text.to_lowercase());
        let class = Class::of(&word)?;
        if self.is_expletive(arg.sentence, arg.head, &word) {
            return None;
        }
        self.pronoun_at(arg.sentence, arg.head, class, 0)
    }

    /// Expletive `it` (`it follows from`, `it seems that`).
    fn is_expletive(&self, sentence: usize, head: usize, word: &str) -> bool {
        let Some(s) = self.sentence(sentence) else {
            return false;
        };
        let Some(t) = s.tokens.get(head) else {
            return false;
        };
        let verb = t
            .head
            .and_then(|h| s.tokens.get(h))
            .map(|v| v.lemma.as_str())
            .unwrap_or("");
        // `It would take 100 mln dlrs to repair the pipeline`, `it costs little to ask`:
        // the subject is the infinitive after the verb.
        let extraposed = || {
            matches!(verb, "take" | "cost" | "pay")
                && t.head.is_some_and(|h| {
                    s.tokens.iter().enumerate().any(|(i, c)| {
                        i > h
                            && c.head == Some(h)
                            && matches!(c.deprel, "xcomp" | "advcl" | "csubj" | "ccomp")
                            && s.tokens
                                .iter()
                                .any(|m| m.head == Some(i) && m.form.eq_ignore_ascii_case("to"))
                    })
                })
        };
        t.deprel == "expl"
            || word == "it"
                && (matches!(
                    verb,
                    "follow" | "seem" | "appear" | "emerge" | "happen" | "turn" | "remain" | "rain"
                ) || extraposed())
    }

    fn pronoun_at(
        &mut self,
        sentence: usize,
        token: usize,
        class: Class,
        depth: usize,
    ) -> Option<usize> {
        if depth > MAX_CHAIN {
            return None;
        }
        for (s, t) in self.subjects_before(sentence, token) {
            match self.verdict(s, t, class, depth) {
                // A rival named between the subject and the pronoun (`Gray passed to
                // Tonge. He scored`) leaves two readings.
                Verdict::Is(e)
                    if class.is_person() && self.rivalled(e, (s, t), (sentence, token), class) =>
                {
                    return None;
                }
                Verdict::Is(e) => return Some(e),
                Verdict::Unclear => return None,
                Verdict::Pass => {}
            }
        }
        if !class.is_person() || self.is_quoted(sentence, token) {
            return None;
        }
        // No subject decides: the one person of a slightly wider window (a quoted
        // paragraph between the speaker's name and `He added`), if there is exactly one.
        let at = (sentence, token);
        let first = sentence.saturating_sub(WINDOW + 1);
        let quoted: Vec<Vec<bool>> = (first..=sentence)
            .map(|i| self.sentence(i).map(quoted_tokens).unwrap_or_default())
            .collect();
        let seen: Vec<usize> = self
            .seen
            .iter()
            .filter(|(s, t, _)| (*s, *t) < at && *s >= first)
            .filter(|&&(s, t, _)| !quoted[s - first].get(t).copied().unwrap_or(false))
            .map(|&(_, _, e)| e)
            .collect();
        let mut found: Option<usize> = None;
        for e in seen {
            let e = self.find(e);
            if !self.fits(e, class) {
                continue;
            }
            match found {
                None => found = Some(e),
                Some(f) if f == e => {}
                Some(_) => return None,
            }
        }
        found
    }

    /// The subject tokens a pronoun at (`sentence`, `token`) reads, closest first: the
    /// subjects of its own sentence before it (relative pronouns, and an object pronoun's
    /// own subject, skipped), then the main
    /// subject of each earlier sentence of the window.
    fn subjects_before(&self, sentence: usize, token: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if let Some(s) = self.sentence(sentence) {
            // An object pronoun is never its own clause's subject (`Brown told him`), a
            // reflexive always is.
            let own = s.tokens.get(token);
            let reflexive = own.is_some_and(|t| t.form.to_lowercase().ends_with("self"));
            let clause = own
                .filter(|t| t.base_rel() != "nsubj" && !reflexive)
                .and_then(|t| t.head);
            let quoted = quoted_tokens(s);
            let inside = quoted.get(token).copied().unwrap_or(false);
            // `…, he said` after what was said: its subjects are not the speaker.
            let said = closing_speech_verb(s, token);
            for (i, t) in s.tokens.iter().enumerate().take(token).rev() {
                if t.base_rel() == "nsubj"
                    && !(t.upos == Upos::Pron && Class::of(&t.form.to_lowercase()).is_none())
                    && (clause.is_none() || t.head != clause)
                    && quoted.get(i).copied().unwrap_or(false) == inside
                    && said.is_none_or(|v| !dominates(s, v, i))
                {
                    out.push((sentence, i));
                }
            }
            if inside {
                // A quote's third persons are other people than its speaker: only the
                // quote's own words can name them.
                return out;
            }
        }
        for back in 1..=WINDOW {
            let Some(prev) = sentence.checked_sub(back) else {
                break;
            };
            let Some(s) = self.sentence(prev) else {
                continue;
            };
            if !super::text_sentence(s) {
                continue;
            }
            let root = s.tokens.iter().position(|t| t.head.is_none());
            let main = s
                .tokens
                .iter()
                .position(|t| t.base_rel() == "nsubj" && t.head.is_some() && t.head == root)
                .or_else(|| s.tokens.iter().position(|t| t.base_rel() == "nsubj"));
            if let Some(i) = main
                && !quoted_tokens(s).get(i).copied().unwrap_or(false)
            {
                out.push((prev, i));
            }
        }
        out
    }

    fn verdict(&mut self, sentence: usize, token: usize, class: Class, depth: usize) -> Verdict {
        if let Some(e) = self.entity_at(sentence, token) {
            if self.fits(e, class) {
                return Verdict::Is(e);
            }
            // `N.J. Rep. Mathew Rinaldo` headed by the place: the one fitting name inside.
            let mut fitting: Vec<usize> = self
                .entities_within(sentence, token)
                .into_iter()
                .filter(|&e| self.fits(e, class))
                .collect();
            fitting.dedup();
            if fitting.is_empty() && class == Class::Thing {
                // `Russian officials` recognised as a group.
                if let Some(e) = self.demonym_country(sentence, token) {
                    return Verdict::Is(e);
                }
            }
            return match fitting.as_slice() {
                [] => Verdict::Pass,
                [e] => Verdict::Is(*e),
                _ => Verdict::Unclear,
            };
        }
        let Some(t) = self.sentence(sentence).and_then(|s| s.tokens.get(token)) else {
            return Verdict::Pass;
        };
        let word = t.form.to_lowercase();
        let lemma = t.lemma.to_lowercase();
        let plural = t.xpos == "NNS" || t.xpos == "NNPS";
        let upos = t.upos;
        match upos {
            Upos::Pron => match Class::of(&word) {
                Some(c) if c == class => match self.pronoun_at(sentence, token, class, depth + 1) {
                    Some(e) => Verdict::Is(e),
                    None => Verdict::Unclear,
                },
                _ => Verdict::Pass,
            },
            Upos::Noun => {
                // `The defence minister, Jean-Yves Le Drian, said he…`: the named apposition.
                for e in self.entities_beside(sentence, token) {
                    if self.fits(e, class) {
                        return Verdict::Is(e);
                    }
                }
                // `Russian officials rejected the suggestion that it…`: the country of the
                // demonym.
                if class == Class::Thing
                    && let Some(e) = self.demonym_country(sentence, token)
                {
                    return Verdict::Is(e);
                }
                // `the cardinal`, `the prime minister`: the one person the article gave
                // that title.
                if class.is_person() && !plural {
                    let title = self.noun_words(sentence, token);
                    if let Some(e) = self.titled_person(&title, (sentence, token))
                        && self.fits(e, class)
                    {
                        return Verdict::Is(e);
                    }
                }
                // `the commission` after `the Electoral Commission`.
                if !class.is_person()
                    && self.is_definite(sentence, token)
                    && let Some(e) = self.head_word(&lemma, sentence, token)
                {
                    let e = self.find(e);
                    if self.fits(e, class) {
                        return Verdict::Is(e);
                    }
                }
                let person =
                    mention::is_title_only(&word) || PERSON_NOUNS.contains(&lemma.as_str());
                let could_be = match class {
                    Class::Male | Class::Female => person && !plural,
                    Class::Thing => !person && !plural,
                    Class::Plural => plural,
                };
                if could_be {
                    Verdict::Unclear
                } else {
                    Verdict::Pass
                }
            }
            // A name the recogniser missed could be anything.
            Upos::Propn => Verdict::Unclear,
            _ => Verdict::Pass,
        }
    }

    /// The entity of the smallest mention covering a token, or covering a word of the
    /// name it heads (a parse may head `Mrs Parker Bowles` with the title).
    fn entity_at(&mut self, sentence: usize, token: usize) -> Option<usize> {
        let covering = |at: &std::collections::HashMap<(usize, usize, usize), usize>, i: usize| {
            at.iter()
                .filter(|((s, start, end), _)| *s == sentence && *start <= i && i < *end)
                .min_by_key(|((_, start, end), _)| (end - start, *start))
                .map(|(_, &e)| e)
        };
        let best = covering(&self.at, token).or_else(|| {
            let s = self.sentence(sentence)?;
            if s.tokens.get(token)?.upos != Upos::Propn {
                return None;
            }
            s.tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.head == Some(token) && matches!(t.base_rel(), "flat" | "compound")
                })
                .find_map(|(i, _)| covering(&self.at, i))
        })?;
        Some(self.find(best))
    }

    /// The entities of the names inside a subject's phrase (its head and every word
    /// under it), in text order.
    fn entities_within(&mut self, sentence: usize, token: usize) -> Vec<usize> {
        let Some(s) = self.sentence(sentence) else {
            return Vec::new();
        };
        let under = |mut i: usize| {
            for _ in 0..s.tokens.len() {
                if i == token {
                    return true;
                }
                match s.tokens.get(i).and_then(|t| t.head) {
                    Some(h) => i = h,
                    None => return false,
                }
            }
            false
        };
        let words: Vec<usize> = (0..s.tokens.len()).filter(|&i| under(i)).collect();
        let mut out: Vec<usize> = Vec::new();
        for i in words {
            if let Some(e) = self.entity_at(sentence, i)
                && !out.contains(&e)
            {
                out.push(e);
            }
        }
        out
    }

    /// The entities of names set beside a noun as an apposition, or as a second subject
    /// of its verb right after it (not its compounds: `a US court` is not the US).
    fn entities_beside(&mut self, sentence: usize, token: usize) -> Vec<usize> {
        let Some(s) = self.sentence(sentence) else {
            return Vec::new();
        };
        let head = s.tokens.get(token).and_then(|t| t.head);
        let words: Vec<usize> = s
            .tokens
            .iter()
            .enumerate()
            .filter(|&(i, t)| {
                t.head == Some(token) && t.base_rel() == "appos"
                    // `France's defence minister, Jean-Yves Le Drian, warned` parsed as two
                    // subjects of one verb: the second is the apposition.
                    || i > token
                        && i <= token + 6
                        && head.is_some()
                        && t.head == head
                        && t.base_rel() == "nsubj"
            })
            .map(|(i, _)| i)
            .collect();
        words
            .into_iter()
            .filter_map(|i| self.entity_at(sentence, i))
            .collect()
    }

    /// The country a demonym before a plural noun names (`Russian officials` → Russia).
    fn demonym_country(&mut self, sentence: usize, token: usize) -> Option<usize> {
        let s = self.sentence(sentence)?;
        if s.tokens.get(token)?.xpos != "NNS" {
            return None;
        }
        let gaz = Gazetteer::get();
        let country = s
            .tokens
            .iter()
            .filter(|t| t.head == Some(token) && t.base_rel() == "amod")
            .find_map(|t| gaz.demonym(&t.form).filter(|&c| gaz.entry(c).country))?;
        Some(self.entry_entity(country))
    }

    /// Whether a noun has `the` (or `this`) before it.
    fn is_definite(&self, sentence: usize, token: usize) -> bool {
        self.sentence(sentence).is_some_and(|s| {
            s.tokens.iter().any(|t| {
                t.head == Some(token)
                    && t.base_rel() == "det"
                    && matches!(t.form.to_lowercase().as_str(), "the" | "this")
            })
        })
    }

    /// A noun with the compound and adjective words before it (`prime minister`).
    fn noun_words(&self, sentence: usize, token: usize) -> String {
        let Some(s) = self.sentence(sentence) else {
            return String::new();
        };
        let mut first = token;
        while first > 0
            && s.tokens.get(first - 1).is_some_and(|t| {
                t.head == Some(token) && matches!(t.base_rel(), "compound" | "amod")
            })
        {
            first -= 1;
        }
        s.tokens[first..=token]
            .iter()
            .map(|t| t.form.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether an entity can be what a pronoun of this class refers to: its type, and for
    /// a person the gender its titles tell (`Mr`, `Sir` / `Mrs`, `Ms`, `Lady`).
    fn fits(&self, e: usize, class: Class) -> bool {
        let ent = &self.ents[e];
        if !class.kinds().contains(&ent.kind) {
            return false;
        }
        let titled = |titles: &[&str]| {
            ent.titled.iter().any(|f| {
                let first = f.split_whitespace().next().unwrap_or("");
                let first = first.trim_end_matches('.').to_lowercase();
                titles.contains(&first.as_str())
            })
        };
        match class {
            Class::Male => !titled(&["mrs", "ms", "miss", "lady", "dame", "baroness", "queen"]),
            Class::Female => !titled(&["mr", "sir", "lord", "king", "prince", "baron"]),
            _ => true,
        }
    }

    /// True when a person other than `e` that the pronoun could also mean (a fitting
    /// gender) is named after the subject at `from` and before the pronoun at `to`. Not
    /// rivals: the subject of an object pronoun's own clause (`Lena Voss praised her` is
    /// never Lena Voss), and, for the subject of a closing `…, he said`, the names of what
    /// was said.
    fn rivalled(
        &mut self,
        e: usize,
        from: (usize, usize),
        to: (usize, usize),
        class: Class,
    ) -> bool {
        let (speaker, own_subject) = self
            .sentence(to.0)
            .and_then(|s| {
                let t = s.tokens.get(to.1)?;
                let head = t.head?;
                let speaker = closing_speech_verb(s, to.1).is_some();
                let reflexive = t.form.to_lowercase().ends_with("self");
                let own_subject = (t.base_rel() != "nsubj" && !reflexive)
                    .then(|| {
                        s.tokens
                            .iter()
                            .position(|o| o.head == Some(head) && o.base_rel() == "nsubj")
                    })
                    .flatten();
                Some((speaker, own_subject))
            })
            .unwrap_or((false, None));
        let own_subject = own_subject.and_then(|i| self.entity_at(to.0, i));
        let between: Vec<usize> = self
            .seen
            .iter()
            .filter(|&&(s, t, _)| from < (s, t) && (s, t) < to && !(speaker && s == to.0))
            .map(|&(_, _, x)| x)
            .collect();
        between.into_iter().any(|x| {
            let x = self.find(x);
            x != e && Some(x) != own_subject && self.fits(x, class)
        })
    }

    /// Whether a token stands inside quotation marks.
    fn is_quoted(&self, sentence: usize, token: usize) -> bool {
        self.sentence(sentence)
            .is_some_and(|s| quoted_tokens(s).get(token).copied().unwrap_or(false))
    }
}

/// For each token of a sentence, whether it stands inside quotation marks. A straight
/// quote closes when it follows `,` `.` `?` `!` or ends the sentence, else it opens; a
/// sentence whose first mark closes began inside a quote opened before it.
/// The speech verb whose subject the pronoun at `token` is, when what was said comes
/// before it (`…, he said`, `…, he added`).
fn closing_speech_verb(s: &crate::model::Sentence, token: usize) -> Option<usize> {
    let t = s.tokens.get(token)?;
    let verb = t.head?;
    (t.base_rel() == "nsubj"
        && mention::SPEECH_VERBS.contains(&s.tokens.get(verb)?.lemma.as_str())
        && s.tokens.iter().enumerate().any(|(i, c)| {
            i < token && c.head == Some(verb) && matches!(c.base_rel(), "ccomp" | "parataxis")
        }))
    .then_some(verb)
}

/// True when token `i` is `top` or under it.
fn dominates(s: &crate::model::Sentence, top: usize, mut i: usize) -> bool {
    for _ in 0..=s.tokens.len() {
        if i == top {
            return true;
        }
        match s.tokens.get(i).and_then(|t| t.head) {
            Some(h) => i = h,
            None => return false,
        }
    }
    false
}

fn quoted_tokens(s: &crate::model::Sentence) -> Vec<bool> {
    let closes = |i: usize| -> Option<bool> {
        let t = &s.tokens[i];
        match t.form.as_str() {
            "\u{201c}" | "``" => Some(false),
            "\u{201d}" | "''" => Some(true),
            "\"" => Some(
                i + 1 == s.tokens.len()
                    || i > 0 && matches!(s.tokens[i - 1].form.as_str(), "," | "." | "?" | "!"),
            ),
            _ => None,
        }
    };
    let mut inside = (0..s.tokens.len()).find_map(closes).unwrap_or(false);
    let mut out = Vec::with_capacity(s.tokens.len());
    for i in 0..s.tokens.len() {
        match closes(i) {
            Some(true) => {
                out.push(inside);
                inside = false;
            }
            Some(false) => {
                inside = true;
                out.push(true);
            }
            None => out.push(inside),
        }
    }
    out
}
