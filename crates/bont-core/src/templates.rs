//! Session templates from `data/templates.toml`: where a plan starts, never what it must be.

use crate::safety::catalog::Evidence;
use crate::safety::plan::InjectionInput;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct TemplateRow {
    pub muscle: String,
    pub side: String,
    /// Absent where the template names the muscles and leaves the dose to the clinician.
    pub units: Option<f64>,
    pub sites: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Template {
    pub id: String,
    pub indication: String,
    pub product: String,
    pub vial_units: Option<f64>,
    pub diluent_ml: Option<f64>,
    pub source: Vec<String>,
    pub evidence: Evidence,
    pub note: String,
    pub rows: Vec<TemplateRow>,
}

impl Template {
    pub fn injections(&self) -> Vec<InjectionInput> {
        self.rows
            .iter()
            .map(|r| InjectionInput {
                muscle: r.muscle.clone(),
                side: r.side.clone(),
                units: r.units.unwrap_or(0.0),
                sites: r.sites,
                guidance: None,
            })
            .collect()
    }
}

#[derive(Deserialize)]
struct File {
    templates: Vec<Template>,
}

/// The built-in templates.
pub fn builtin() -> Vec<Template> {
    let file: File = toml::from_str(include_str!("../data/templates.toml"))
        .expect("the built-in templates file is valid (tested)");
    file.templates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::safety::Catalog;

    #[test]
    fn templates_name_known_products_muscles_and_sources_and_preempt_is_155_units_in_31_sites() {
        let catalog = Catalog::builtin();
        for t in builtin() {
            assert!(catalog.product(&t.product).is_some(), "{}", t.id);
            assert!(
                t.source.iter().all(|s| catalog.sources.contains_key(s)),
                "{}",
                t.id
            );
            for r in &t.rows {
                assert!(
                    catalog.muscle(&r.muscle).is_some(),
                    "{}: {}",
                    t.id,
                    r.muscle
                );
            }
        }
        let preempt = builtin()
            .into_iter()
            .find(|t| t.id == "preempt")
            .expect("PREEMPT");
        let sides = |s: &str| if s == "both" { 2.0 } else { 1.0 };
        let units: f64 = preempt
            .rows
            .iter()
            .map(|r| r.units.unwrap_or(0.0) * sides(&r.side))
            .sum();
        let sites: f64 = preempt
            .rows
            .iter()
            .map(|r| f64::from(r.sites) * sides(&r.side))
            .sum();
        assert_eq!((units, sites), (155.0, 31.0));
    }
}
