//! What a finding says, as data: a message id and its arguments, typed so that each
//! language can write the sentence with its own words, plural forms, number format, muscle
//! and product names. The interface's message files hold the sentences
//! (`finding-detail-<id>`); [`DETAIL_IDS`] lists every id the check can produce.

use super::catalog::Population;
use super::plan::Side;
use super::units::{Dose, ProductId};
use crate::vocabulary::{Condition, MedicationClass};
use serde::Serialize;

/// A finding's sentence: which one, and what fills it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detail {
    pub id: &'static str,
    #[serde(serialize_with = "args_as_map")]
    pub args: Vec<(&'static str, Arg)>,
}

fn args_as_map<S: serde::Serializer>(
    args: &[(&'static str, Arg)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(args.iter().map(|(k, v)| (k, v)))
}

impl Detail {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        debug_assert!(
            DETAIL_IDS.contains(&id),
            "detail id {id} is not in DETAIL_IDS"
        );
        Detail { id, args }
    }

    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

/// Where a limit applies, from the catalogue: the label's jurisdiction, the population and
/// the catalogue's own words on its scope (English data, translated where a translation
/// exists).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scope {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    pub population: Population,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One argument of a finding's sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Arg {
    /// A whole count that chooses a plural form (days, years).
    Count(i64),
    /// A measured figure (kg, mL, units per site): the decimal sign follows the language.
    Number(f64),
    Numbers(Vec<f64>),
    /// A ratio as published ("2.5-3:1"): the decimal sign follows the language.
    Ratio(String),
    /// Units of one product: always written with the product.
    Dose(Dose),
    Product(ProductId),
    Muscle(String),
    Muscles(Vec<String>),
    Indication(String),
    Side(Side),
    Date(jiff::civil::Date),
    Conditions(Vec<Condition>),
    MedicationClass(MedicationClass),
    Scope(Scope),
    /// The jurisdiction whose label says it ("" when every label does).
    Region(String),
    /// Words from the catalogue's data (English), translated where a translation exists.
    DataText(String),
    /// As the clinic wrote it (medication names, source ids): never translated.
    Verbatim(String),
    /// Which variant of the sentence (a Fluent selector).
    Choice(&'static str),
    /// Smaller sentences, joined.
    Parts(Vec<Detail>),
    /// A coded adverse event type (`data/outcomes.toml`), named in the reader's language.
    AdverseEvent(String),
    /// An adverse event's severity (mild, moderate, severe, serious).
    AdverseSeverity(String),
}

/// Every detail id the check produces, each a `finding-detail-<id>` message in every
/// language (the message test holds the files to this list).
pub const DETAIL_IDS: [&str; 45] = [
    "above-labelled-dose",
    "above-labelled-range",
    "adverse-event-earlier",
    "adverse-event-repeated",
    "age-adults-only",
    "age-outside-range",
    "albumin-allergy",
    "below-labelled-range",
    "bilateral-scm",
    "breastfeeding",
    "cardiovascular",
    "cow-milk-allergy",
    "cumulative-max",
    "dilution-unusual",
    "dysphagia-contraindicated",
    "dysphagia-warning",
    "hypersensitivity",
    "infection-at-site",
    "interacting-medication",
    "interval-too-short",
    "interval-too-short-later",
    "muscle-dose-above",
    "muscle-dose-below",
    "muscle-max",
    "muscle-unusual",
    "neuromuscular-contraindicated",
    "neuromuscular-warning",
    "off-label",
    "other-product",
    "other-product-part",
    "other-product-part-equivalent",
    "pediatric-absolute",
    "pediatric-per-kg",
    "periocular",
    "pregnant",
    "product-outside-neurology",
    "range-exceeded",
    "session-max",
    "side-unusual",
    "site-max",
    "structure-to-avoid",
    "volume-per-site",
    "weight-band",
    "weight-below-label",
    "weight-missing",
];
