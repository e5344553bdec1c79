//! Types from context: a name whose shares are traded, whose chairman speaks or whose
//! striker scores is an organisation, whatever its shape suggested (`Fiat's shares`,
//! `Costco Wholesale chairman`, `Chelsea manager`). Only names the gazetteer does not know,
//! that no person title was seen with and that are no demonym change type; a stake, a bid
//! or a squad can be a person's, so those retype only names not shaped like a person's.

use super::words::{CLUB_CONTEXT_NOUNS, ORG_CONTEXT_NOUNS, OWNED_CONTEXT_NOUNS};
use super::{Builder, Occ};
use crate::model::EntityType;
use crate::resolve::gazetteer::Gazetteer;
use crate::resolve::mention::{is_person_shaped, name_head, starts_with_first_name};

impl Builder<'_> {
    /// Marks (and retypes) the entities of mentions that modify an organisation's noun
    /// (`Fiat shares`, `Fiat's chairman`) or follow `shares in` / `shares of`.
    pub(super) fn note_org_context(&mut self, occs: &[Occ], occ_ent: &[usize]) {
        let mut found: Vec<(usize, bool, bool)> = Vec::new();
        for (o, &e) in occs.iter().zip(occ_ent) {
            let Some(s) = self.sentence(o.sentence) else {
                continue;
            };
            let Some(h) = name_head(s, &o.mention.tokens) else {
                continue;
            };
            let t = &s.tokens[h];
            let rel = t.base_rel();
            let governor = t.head.and_then(|g| s.tokens.get(g));
            let noun = governor.map(|g| g.lemma.to_lowercase()).unwrap_or_default();
            // `Fiat shares`, `Fiat's chairman`, `Chelsea manager`
            let modifies = matches!(rel, "compound" | "nmod")
                && governor.is_some_and(|g| g.upos == crate::model::Upos::Noun);
            // `shares in Fiat`, `a stake of Fiat`
            let of_shares = rel == "nmod"
                && matches!(noun.as_str(), "share" | "stake" | "stock")
                && s.tokens
                    .iter()
                    .any(|c| c.head == Some(h) && matches!(c.lemma.as_str(), "in" | "of"));
            // (cue, strong): a strong cue retypes any name, a weak one only a name not
            // shaped like a person's; a club cue may retype a place
            let cue = if modifies && ORG_CONTEXT_NOUNS.contains(&noun.as_str()) || of_shares {
                Some((false, true))
            } else if modifies && OWNED_CONTEXT_NOUNS.contains(&noun.as_str()) {
                Some((false, false))
            } else if modifies && CLUB_CONTEXT_NOUNS.contains(&noun.as_str()) {
                Some((true, false))
            } else {
                None
            };
            if let Some((club, strong)) = cue {
                found.push((e, club, strong));
            }
        }
        let gaz = Gazetteer::get();
        for (e, club, strong) in found {
            let e = self.find(e);
            let ent = &mut self.ents[e];
            if ent.entry.is_some() || ent.titled_person {
                continue;
            }
            // `West German banks`: a demonym is not the organisation.
            if ent.forms.keys().any(|f| {
                f.split_whitespace()
                    .last()
                    .is_some_and(|w| gaz.demonym(w).is_some())
            }) {
                continue;
            }
            // `analyst Frederick Tsang`: a first name makes a person, whatever the cue.
            if ent.forms.keys().any(|f| starts_with_first_name(f))
                || !strong && ent.forms.keys().any(|f| is_person_shaped(f))
            {
                continue;
            }
            // A place's workers or shares are the place's economy; only its club is not it.
            let retype = match ent.kind {
                EntityType::Person | EntityType::Other => true,
                EntityType::Place => club,
                _ => false,
            };
            if retype {
                ent.kind = EntityType::Organization;
                ent.org_context = true;
            }
        }
    }
}
