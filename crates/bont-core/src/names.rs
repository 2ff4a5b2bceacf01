//! Names of the catalogue's muscles and of the outcome scales in every interface language
//! (`data/names.toml`; English is the catalogue's own), and the muscle search that finds a
//! muscle by any of its names: "mostek", "грудино-ключично-сосцевидная" and
//! "sternocleidomastoid" all find the sternocleidomastoid.
//!
//! Search: the text is split into words (letters and digits in any script, lower-cased);
//! every word of the query must match a word of one of the muscle's names or of its id, by
//! being its start ("stern" — "sternocleidomastoid"), or, for words of four letters or more,
//! by sharing with it a stem of at least four letters that leaves no more than two letters
//! of the query word over ("mostek" — "mostkowo"), so that a word in another grammatical form
//! still finds its muscle.

use crate::language::Language;
use crate::safety::catalog::{Catalog, Muscle};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
struct Translated {
    pl: String,
    ru: String,
    ar: String,
}

impl Translated {
    fn get(&self, language: Language) -> Option<&str> {
        match language {
            Language::En => None,
            Language::Pl => Some(&self.pl),
            Language::Ru => Some(&self.ru),
            Language::Ar => Some(&self.ar),
        }
    }

    fn all(&self) -> [&str; 3] {
        [&self.pl, &self.ru, &self.ar]
    }
}

#[derive(Debug, Clone, Deserialize)]
struct Brand {
    en: String,
    #[serde(flatten)]
    other: Translated,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Names {
    muscles: HashMap<String, Translated>,
    scales: HashMap<String, Translated>,
    products: HashMap<String, Brand>,
    texts: HashMap<String, Translated>,
}

/// How well a muscle matched a query; higher is better.
type Score = u32;

impl Names {
    /// The names shipped with bont.
    pub fn builtin() -> &'static Names {
        static NAMES: OnceLock<Names> = OnceLock::new();
        NAMES.get_or_init(|| {
            toml::from_str(include_str!("../data/names.toml"))
                .expect("data/names.toml is valid (checked by the tests)")
        })
    }

    /// The muscle's name in `language`; the catalogue's English name when there is no
    /// translation (a clinic's own muscles), the id when the muscle is unknown.
    pub fn muscle<'a>(&'a self, catalog: &'a Catalog, id: &'a str, language: Language) -> &'a str {
        self.muscles
            .get(id)
            .and_then(|t| t.get(language))
            .or_else(|| catalog.muscle(id).map(|m| m.name.as_str()))
            .unwrap_or(id)
    }

    /// A catalogue muscle's name in `language`, when there is a translation (none for
    /// English, whose names are the catalogue's own).
    pub fn muscle_in(&self, id: &str, language: Language) -> Option<&str> {
        self.muscles.get(id).and_then(|t| t.get(language))
    }

    /// A scale's name in `language`, or `english` when it has no translation.
    pub fn scale<'a>(&'a self, id: &str, english: &'a str, language: Language) -> &'a str {
        self.scales
            .get(id)
            .and_then(|t| t.get(language))
            .unwrap_or(english)
    }

    /// A product as people read it: the generic name and the brand as written in
    /// `language`, "onabotulinumtoxinA (Ботокс)"; the id alone for a product without a brand.
    pub fn product(&self, id: &str, language: Language) -> String {
        match self.products.get(id) {
            Some(b) => {
                let brand = b.other.get(language).unwrap_or(&b.en);
                format!("{id} ({brand})")
            }
            None => id.to_owned(),
        }
    }

    /// Words of the catalogue's data (a limit's scope, an interaction's effect) in
    /// `language`; the English words when there is no translation.
    pub fn text<'a>(&'a self, english: &'a str, language: Language) -> &'a str {
        self.texts
            .get(english)
            .and_then(|t| t.get(language))
            .unwrap_or(english)
    }

    fn score(&self, muscle: &Muscle, query: &[String]) -> Option<Score> {
        let mut words: Vec<String> = words(&muscle.id);
        words.extend(words_of(&muscle.name));
        if let Some(t) = self.muscles.get(&muscle.id) {
            for name in t.all() {
                words.extend(words_of(name));
            }
        }
        let mut total = 0;
        for q in query {
            let best = words.iter().filter_map(|w| word_score(q, w)).max()?;
            total += best;
        }
        Some(total)
    }

    /// The catalogue's muscles that match `query` in any language, best first. A query
    /// longer than [`MUSCLE_TEXT_MAX`] characters matches nothing (no muscle's name is
    /// that long), so that one search costs a bounded amount of work.
    pub fn search_muscles<'c>(&self, catalog: &'c Catalog, query: &str) -> Vec<&'c Muscle> {
        if query.chars().count() > MUSCLE_TEXT_MAX {
            return Vec::new();
        }
        let query = words_of(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(Score, usize, &Muscle)> = catalog
            .muscles()
            .iter()
            .enumerate()
            .filter_map(|(i, m)| self.score(m, &query).map(|s| (s, i, m)))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, _, m)| m).collect()
    }

    /// The one muscle `text` names: an id of the catalogue, or a search that finds a single
    /// muscle, or one that matches clearly better than every other. `None` when the text
    /// names no muscle or several equally.
    pub fn resolve_muscle<'c>(&self, catalog: &'c Catalog, text: &str) -> Option<&'c Muscle> {
        if let Some(m) = catalog.muscle(text) {
            return Some(m);
        }
        if text.chars().count() > MUSCLE_TEXT_MAX {
            return None;
        }
        let query = words_of(text);
        let mut scored: Vec<(Score, &Muscle)> = catalog
            .muscles()
            .iter()
            .filter_map(|m| self.score(m, &query).map(|s| (s, m)))
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        match scored.as_slice() {
            [(_, only)] => Some(only),
            [(best, m), (next, _), ..] if best > next => Some(m),
            _ => None,
        }
    }
}

/// The longest text read as a muscle's name, in characters.
pub const MUSCLE_TEXT_MAX: usize = 100;

fn words(id: &str) -> Vec<String> {
    id.split('_').map(str::to_owned).collect()
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::text::search_key)
        .collect()
}

/// 3 for the same word, 2 for its start, 1 for a shared stem (see the module's notes).
fn word_score(query: &str, word: &str) -> Option<Score> {
    if query == word {
        return Some(3);
    }
    if word.starts_with(query) {
        return Some(2);
    }
    let q: Vec<char> = query.chars().collect();
    let shared = q
        .iter()
        .zip(word.chars())
        .take_while(|(a, b)| **a == *b)
        .count();
    (q.len() >= 4 && shared >= 4 && shared + 2 >= q.len()).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: Vec<&Muscle>) -> Vec<&str> {
        found.iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn every_product_and_every_data_text_of_a_finding_is_translated() {
        let names = Names::builtin();
        let catalog = &Catalog::builtin();
        for p in catalog.products() {
            assert!(names.products.contains_key(&p.id), "{} has no brand", p.id);
            assert!(
                names.product(&p.id, Language::Ru).starts_with(&p.id),
                "{}",
                p.id
            );
        }
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(catalog.limits().iter().filter_map(|l| l.scope.as_deref()));
        texts.extend(
            catalog
                .limits()
                .iter()
                .flat_map(|l| l.muscle_caps.iter().map(|c| c.reason.as_str())),
        );
        texts.extend(
            catalog
                .products()
                .iter()
                .filter(|p| !p.neurology_scope)
                .filter_map(|p| p.note.as_deref()),
        );
        texts.extend(catalog.interactions.iter().map(|i| i.effect.as_str()));
        texts.extend(
            catalog
                .muscles()
                .iter()
                .filter_map(|m| m.avoid_reason.as_deref()),
        );
        assert!(texts.len() > 20, "{texts:?}");
        for text in texts {
            for language in [Language::Pl, Language::Ru, Language::Ar] {
                assert_ne!(names.text(text, language), text, "{text} in {language:?}");
            }
        }
    }

    #[test]
    fn every_catalogue_muscle_and_scale_has_its_names() {
        let names = Names::builtin();
        let catalog = &Catalog::builtin();
        for m in catalog.muscles() {
            let t = names
                .muscles
                .get(&m.id)
                .unwrap_or_else(|| panic!("{} has no names", m.id));
            assert!(t.all().iter().all(|n| !n.trim().is_empty()), "{}", m.id);
        }
        assert_eq!(
            names.muscles.len(),
            catalog.muscles().len(),
            "names of unknown muscles"
        );
        let book = crate::outcomes::OutcomeBook::builtin();
        for s in &book.scales {
            assert!(names.scales.contains_key(&s.id), "{} has no names", s.id);
        }
    }

    #[test]
    fn a_muscle_is_found_by_any_of_its_names() {
        let names = Names::builtin();
        let catalog = &Catalog::builtin();
        for query in [
            "sternocleidomastoid",
            "Sternocleido",
            "mostek",
            "mostkowo-obojczykowo-sutkowy",
            "грудино-ключично-сосцевидная",
            "грудино",
            "القصية الترقوية",
        ] {
            let found = ids(names.search_muscles(catalog, query));
            assert_eq!(
                found.first(),
                Some(&"sternocleidomastoid"),
                "{query}: {found:?}"
            );
            assert_eq!(
                names.resolve_muscle(catalog, query).map(|m| m.id.as_str()),
                Some("sternocleidomastoid"),
                "{query}"
            );
        }
        assert_eq!(
            names.muscle(catalog, "soleus", Language::Pl),
            "płaszczkowaty"
        );
        assert_eq!(names.muscle(catalog, "soleus", Language::En), "Soleus");
        assert_eq!(names.muscle(catalog, "no_such", Language::Ru), "no_such");
    }

    #[test]
    fn an_ambiguous_or_unknown_name_resolves_to_nothing() {
        let names = Names::builtin();
        let catalog = &Catalog::builtin();
        // Two muscles named biceps: the clinician must say which.
        let found = ids(names.search_muscles(catalog, "biceps"));
        assert!(found.contains(&"biceps_brachii") && found.contains(&"biceps_femoris_long_head"));
        assert!(names.resolve_muscle(catalog, "biceps").is_none());
        assert_eq!(
            names
                .resolve_muscle(catalog, "biceps brachii")
                .map(|m| m.id.as_str()),
            Some("biceps_brachii")
        );
        assert!(names.resolve_muscle(catalog, "xyzzy").is_none());
        assert!(names.search_muscles(catalog, "  ").is_empty());
    }
}
