//! The label facts the check reads: products, limits, dilutions, contraindications,
//! interactions and the muscle catalogue, from `data/label-limits.toml` (built in) and any
//! local file a clinic adds (a local product, a stricter limit from its country's summary
//! of product characteristics). Every number keeps its source and evidence mark.

use super::units::{ProductId, Units};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// How far a number was checked against its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// Read in the label text itself: may block.
    Verified,
    /// Seen in a summary attributing it to the label: warns.
    Secondary,
    /// As commonly published, not re-read: warns.
    #[default]
    Unverified,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub url: String,
    /// The product's label itself (prescribing information, SmPC, medication guide), or
    /// its text as reproduced elsewhere; not a summary, a health website or a study.
    #[serde(default)]
    pub label: bool,
    /// The one product the source is about, when it is about one.
    pub product: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Product {
    pub id: String,
    pub brand: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub serotype: String,
    #[serde(default)]
    pub vial_sizes_units: Vec<f64>,
    /// Ready-to-use solutions (rimabotulinumtoxinB).
    pub concentration_units_per_ml: Option<f64>,
    #[serde(default)]
    pub contains_human_albumin: bool,
    /// False for products approved only for cosmetic use.
    #[serde(default = "yes")]
    pub neurology_scope: bool,
    pub note: Option<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// The session's total.
    #[default]
    Session,
    /// Each side's total (one limb, one axilla).
    PerSide,
    /// The total, when both sides are injected.
    Bilateral,
}

/// What a labelled dose range says. Labels write "2,500 to 5,000 Units" for different
/// things: a range not to go beyond, the doses recommended, or where to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RangeKind {
    /// The upper end is the label's maximum: above it blocks (verified) or warns.
    #[default]
    Maximum,
    /// The doses the label recommends, with no maximum stated: above it warns.
    Recommended,
    /// The label's initial dose: later doses follow the response, so above it is
    /// information.
    Initial,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Population {
    Adult,
    Pediatric,
    Any,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MuscleCap {
    pub muscle: String,
    pub max_units_both_sides: f64,
    pub reason: String,
}

/// A child's labelled dose from a body weight on.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct WeightBand {
    pub from_kg: f64,
    pub max_units: f64,
}

/// A minimum interval between sessions, with where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntervalMinimum<'a> {
    pub days: i32,
    pub source: &'a [String],
    pub evidence: Evidence,
    /// The label limit's id; none for the general default.
    pub limit: Option<&'a str>,
    /// A caution of the label rather than a minimum (see [`Limit::min_interval_caution`]).
    pub caution: bool,
}

/// One labelled limit for a product, indications and population.
#[derive(Debug, Clone, Deserialize)]
pub struct Limit {
    pub id: String,
    pub product: String,
    pub indications: Vec<String>,
    pub population: Population,
    #[serde(default)]
    pub jurisdiction: String,
    pub scope: Option<String>,
    #[serde(default)]
    pub applies_to: AppliesTo,
    pub session_max_units: Option<f64>,
    pub dose_range_units: Option<[f64; 2]>,
    #[serde(default)]
    pub range_kind: RangeKind,
    pub labelled_dose_units: Option<f64>,
    pub initial_dose_units: Option<f64>,
    pub max_units_per_kg: Option<f64>,
    pub max_units_abs: Option<f64>,
    pub cumulative_max_units: Option<f64>,
    pub cumulative_window_days: Option<i32>,
    pub min_interval_days: Option<i32>,
    /// The label's interval is a caution (tolerance if treated more often), not a
    /// minimum: below it warns and never blocks.
    #[serde(default)]
    pub min_interval_caution: bool,
    pub max_units_per_site: Option<f64>,
    #[serde(default)]
    pub per_site_advisory: bool,
    pub max_ml_per_site: Option<f64>,
    pub age_min_years: Option<i16>,
    pub age_max_years: Option<i16>,
    pub weight_min_kg: Option<f64>,
    #[serde(default)]
    pub muscle_caps: Vec<MuscleCap>,
    /// Children: the labelled dose by body weight, lightest band first.
    #[serde(default)]
    pub weight_bands: Vec<WeightBand>,
    pub note: Option<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
}

impl Limit {
    /// Whether the limit speaks of `indication` (directly, as "all", or as
    /// "spasticity_any" for either limb's spasticity).
    pub fn covers(&self, indication: &str) -> bool {
        self.indications.iter().any(|i| {
            i == indication
                || i == "all"
                || (i == "spasticity_any"
                    && matches!(
                        indication,
                        "upper_limb_spasticity" | "lower_limb_spasticity"
                    ))
        })
    }

    /// Whether the limit names `indication` itself (not through "all").
    pub fn labels(&self, indication: &str) -> bool {
        self.indications.iter().any(|i| i != "all") && self.covers(indication)
    }

    pub fn applies_to_age(&self, pediatric: bool) -> bool {
        match self.population {
            Population::Any => true,
            Population::Adult => !pediatric,
            Population::Pediatric => pediatric,
        }
    }

    pub fn units(value: f64) -> Units {
        Units::of_limit(value)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Dilution {
    pub product: String,
    pub vial_units: Option<f64>,
    pub diluent_ml: Option<f64>,
    pub units_per_0_1ml: f64,
    #[serde(default)]
    pub ready_to_use: bool,
    /// A ready-to-use solution the label allows to dilute further with saline: any
    /// dilution of it is labelled.
    #[serde(default)]
    pub saline_allowed: bool,
    #[serde(default)]
    pub indications: Vec<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ConversionRatio {
    pub from: String,
    pub to: String,
    pub ratio_low: f64,
    pub ratio_high: f64,
    #[serde(default)]
    pub source: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MuscleDoseRow {
    pub muscle: String,
    pub units_min: Option<f64>,
    pub units_max: Option<f64>,
    pub units_per_kg_min: Option<f64>,
    pub units_per_kg_max: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MuscleDoses {
    pub product: String,
    pub indication: String,
    pub population: Population,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
    pub rows: Vec<MuscleDoseRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Contraindication {
    pub products: Vec<String>,
    #[serde(default)]
    pub jurisdiction: String,
    pub condition: String,
    /// "contraindication" or "warning".
    pub severity: String,
    pub lookback_days: Option<i32>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Interaction {
    pub drug_class: String,
    pub effect: String,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Muscle {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub paired: bool,
    #[serde(default)]
    pub indications: Vec<String>,
    #[serde(default)]
    pub avoid: bool,
    pub avoid_reason: Option<String>,
    #[serde(default)]
    pub source: Vec<String>,
}

/// The file's shape; a local file uses the same shape and any subset of it.
#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    sources: BTreeMap<String, Source>,
    default_min_interval_days: Option<i32>,
    #[serde(default)]
    default_min_interval_source: Vec<String>,
    default_min_interval_evidence: Option<Evidence>,
    #[serde(default)]
    units_not_interchangeable_source: Vec<String>,
    /// Which label jurisdictions are in force; absent means all of them.
    jurisdictions: Option<Vec<String>>,
    #[serde(default)]
    products: Vec<Product>,
    #[serde(default)]
    dilutions: Vec<Dilution>,
    #[serde(default)]
    conversion_ratios: Vec<ConversionRatio>,
    #[serde(default)]
    limits: Vec<Limit>,
    #[serde(default)]
    muscle_doses: Vec<MuscleDoses>,
    #[serde(default)]
    contraindications: Vec<Contraindication>,
    #[serde(default)]
    interactions: Vec<Interaction>,
    #[serde(default)]
    muscles: Vec<Muscle>,
}

/// The built-in data file.
pub const BUILTIN: &str = include_str!("../../data/label-limits.toml");

/// Why a limits file was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CatalogError {
    #[error("the limits file is not valid TOML of the expected shape: {0}")]
    Shape(String),
    #[error("{0}")]
    Inconsistent(String),
}

/// The facts, indexed for the check.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub sources: BTreeMap<String, Source>,
    pub default_min_interval_days: i32,
    pub default_min_interval_source: Vec<String>,
    pub default_min_interval_evidence: Evidence,
    pub units_not_interchangeable_source: Vec<String>,
    jurisdictions: Option<Vec<String>>,
    products: Vec<Product>,
    product_index: HashMap<String, usize>,
    pub dilutions: Vec<Dilution>,
    pub conversion_ratios: Vec<ConversionRatio>,
    limits: Vec<Limit>,
    pub muscle_doses: Vec<MuscleDoses>,
    pub contraindications: Vec<Contraindication>,
    pub interactions: Vec<Interaction>,
    muscles: Vec<Muscle>,
    muscle_index: HashMap<String, usize>,
    /// Indications for which some muscle names itself a usual target.
    muscle_indications: std::collections::HashSet<String>,
    /// Per product: the largest verified per-session figure of its labels.
    largest_labelled: HashMap<String, Units>,
}

/// Diluent volumes accepted (mL) where a product's labels give nothing smaller.
pub const DILUENT_ML: (f64, f64) = (0.5, 10.0);

/// A plan of a product above this many times the largest verified per-session figure of
/// its labels is refused as a typing error.
pub const IMPLAUSIBLE_FACTOR: f64 = 2.0;

fn normalise(name: &str) -> String {
    name.trim().to_lowercase().replace([' ', '-', '_'], "")
}

impl Catalog {
    /// The built-in facts.
    pub fn builtin() -> Catalog {
        Catalog::from_toml(BUILTIN).expect("the built-in limits file is valid (tested)")
    }

    pub fn from_toml(text: &str) -> Result<Catalog, CatalogError> {
        let file: File = toml::from_str(text).map_err(|e| CatalogError::Shape(e.to_string()))?;
        let mut catalog = Catalog {
            sources: BTreeMap::new(),
            default_min_interval_days: 84,
            default_min_interval_source: Vec::new(),
            default_min_interval_evidence: Evidence::Unverified,
            units_not_interchangeable_source: Vec::new(),
            jurisdictions: None,
            products: Vec::new(),
            product_index: HashMap::new(),
            dilutions: Vec::new(),
            conversion_ratios: Vec::new(),
            limits: Vec::new(),
            muscle_doses: Vec::new(),
            contraindications: Vec::new(),
            interactions: Vec::new(),
            muscles: Vec::new(),
            muscle_index: HashMap::new(),
            muscle_indications: std::collections::HashSet::new(),
            largest_labelled: HashMap::new(),
        };
        catalog.merge(file)?;
        Ok(catalog)
    }

    /// Adds a clinic's local file: more products, sources and muscles, and more limits.
    /// Limits only add (every limit in force is checked), so a local limit can make a
    /// check stricter and never looser.
    pub fn with_local(mut self, text: &str) -> Result<Catalog, CatalogError> {
        let file: File = toml::from_str(text).map_err(|e| CatalogError::Shape(e.to_string()))?;
        self.merge(file)?;
        Ok(self)
    }

    fn merge(&mut self, file: File) -> Result<(), CatalogError> {
        self.sources.extend(file.sources);
        if let Some(days) = file.default_min_interval_days {
            self.default_min_interval_days = days;
            self.default_min_interval_source = file.default_min_interval_source;
            self.default_min_interval_evidence =
                file.default_min_interval_evidence.unwrap_or_default();
        }
        if !file.units_not_interchangeable_source.is_empty() {
            self.units_not_interchangeable_source = file.units_not_interchangeable_source;
        }
        if file.jurisdictions.is_some() {
            self.jurisdictions = file.jurisdictions;
        }
        for product in file.products {
            let mut names = vec![normalise(&product.id), normalise(&product.brand)];
            names.extend(product.aliases.iter().map(|a| normalise(a)));
            let index = self.products.len();
            for name in names {
                if let Some(&other) = self.product_index.get(&name)
                    && other != index
                {
                    return Err(CatalogError::Inconsistent(format!(
                        "product name \"{name}\" of {} is already used by {}",
                        product.id, self.products[other].id
                    )));
                }
                self.product_index.insert(name, index);
            }
            self.products.push(product);
        }
        for muscle in file.muscles {
            if self.muscle_index.contains_key(&muscle.id) {
                return Err(CatalogError::Inconsistent(format!(
                    "muscle {} is listed twice",
                    muscle.id
                )));
            }
            self.muscle_index
                .insert(muscle.id.clone(), self.muscles.len());
            self.muscle_indications
                .extend(muscle.indications.iter().cloned());
            self.muscles.push(muscle);
        }
        self.dilutions.extend(file.dilutions);
        self.conversion_ratios.extend(file.conversion_ratios);
        self.limits.extend(file.limits);
        self.muscle_doses.extend(file.muscle_doses);
        self.contraindications.extend(file.contraindications);
        self.interactions.extend(file.interactions);
        self.validate()?;
        // A product's figure is fixed by the first file that gives it one: a local file adds
        // products and stricter limits, and cannot raise the plausibility ceiling of a
        // built-in product.
        for product in &self.products {
            if !self.largest_labelled.contains_key(&product.id)
                && let Some(largest) = self.largest_verified(&product.id)
            {
                self.largest_labelled.insert(product.id.clone(), largest);
            }
        }
        Ok(())
    }

    /// The largest verified figure for one session of a product in any of its labels, in
    /// any jurisdiction: a maximum, a cumulative maximum, the upper end of a dose range, a
    /// fixed or an initial dose.
    fn largest_verified(&self, product: &str) -> Option<Units> {
        self.limits
            .iter()
            .filter(|l| l.product == product && l.evidence == Evidence::Verified)
            .flat_map(|l| {
                [
                    l.session_max_units,
                    l.cumulative_max_units,
                    l.dose_range_units.map(|[_, high]| high),
                    l.labelled_dose_units,
                    l.initial_dose_units,
                    l.max_units_abs,
                ]
            })
            .flatten()
            .map(Units::of_limit)
            .max()
    }

    /// The plausibility ceiling of a product: (the largest verified per-session figure of
    /// its labels, [`IMPLAUSIBLE_FACTOR`] times it). A product without a verified figure
    /// has none.
    pub fn plausible_ceiling(&self, product: &ProductId) -> Option<(Units, Units)> {
        self.largest_labelled
            .get(product.as_str())
            .map(|&largest| (largest, Units::scaled(IMPLAUSIBLE_FACTOR, largest.as_f64())))
    }

    /// Every reference resolves: products, sources, muscles.
    fn validate(&self) -> Result<(), CatalogError> {
        let known_product = |id: &str| self.products.iter().any(|p| p.id == id);
        let check_sources = |what: &str, ids: &[String]| -> Result<(), CatalogError> {
            match ids.iter().find(|s| !self.sources.contains_key(*s)) {
                Some(missing) => Err(CatalogError::Inconsistent(format!(
                    "{what}: unknown source {missing}"
                ))),
                None => Ok(()),
            }
        };
        for l in &self.limits {
            if !known_product(&l.product) {
                return Err(CatalogError::Inconsistent(format!(
                    "limit {}: unknown product {}",
                    l.id, l.product
                )));
            }
            if l.source.is_empty() {
                return Err(CatalogError::Inconsistent(format!(
                    "limit {} has no source",
                    l.id
                )));
            }
            check_sources(&format!("limit {}", l.id), &l.source)?;
            for cap in &l.muscle_caps {
                if !self.muscle_index.contains_key(&cap.muscle) {
                    return Err(CatalogError::Inconsistent(format!(
                        "limit {}: unknown muscle {}",
                        l.id, cap.muscle
                    )));
                }
            }
        }
        for d in &self.muscle_doses {
            check_sources(&format!("muscle doses of {}", d.product), &d.source)?;
            for r in &d.rows {
                if !self.muscle_index.contains_key(&r.muscle) {
                    return Err(CatalogError::Inconsistent(format!(
                        "muscle doses: unknown muscle {}",
                        r.muscle
                    )));
                }
            }
        }
        for d in &self.dilutions {
            check_sources(&format!("dilution of {}", d.product), &d.source)?;
        }
        for c in &self.contraindications {
            check_sources(&format!("contraindication {}", c.condition), &c.source)?;
        }
        for i in &self.interactions {
            check_sources(&format!("interaction {}", i.drug_class), &i.source)?;
        }
        Ok(())
    }

    /// A product by id, brand or alias, in any letter case.
    pub fn product(&self, name: &str) -> Option<(ProductId, &Product)> {
        self.product_index.get(&normalise(name)).map(|&i| {
            let p = &self.products[i];
            (ProductId::new(&p.id), p)
        })
    }

    pub fn product_by_id(&self, id: &ProductId) -> Option<&Product> {
        self.product(id.as_str()).map(|(_, p)| p)
    }

    pub fn products(&self) -> &[Product] {
        &self.products
    }

    pub fn muscle(&self, id: &str) -> Option<&Muscle> {
        self.muscle_index.get(id.trim()).map(|&i| &self.muscles[i])
    }

    /// Whether the catalogue names the usual muscles of `indication` (spasticity of either
    /// limb counts for "spasticity_any").
    pub fn muscles_listed_for(&self, indication: &str) -> bool {
        self.muscle_indications.contains(indication)
    }

    pub fn muscles(&self) -> &[Muscle] {
        &self.muscles
    }

    /// Limits in force (jurisdiction setting) for a product.
    pub fn limits_for<'a>(
        &'a self,
        product: &'a ProductId,
    ) -> impl Iterator<Item = &'a Limit> + 'a {
        self.limits
            .iter()
            .filter(move |l| l.product == product.as_str() && self.in_force(&l.jurisdiction))
    }

    /// Every minimum interval in force for a product, indication and age group: the
    /// general default and each label's own. The safety check warns below the longest and
    /// blocks below half of a verified one; scheduling opens the re-injection window at the
    /// longest.
    pub fn interval_minima<'a>(
        &'a self,
        product: &'a ProductId,
        indication: &'a str,
        pediatric: bool,
    ) -> Vec<IntervalMinimum<'a>> {
        std::iter::once(IntervalMinimum {
            days: self.default_min_interval_days,
            source: &self.default_min_interval_source,
            evidence: self.default_min_interval_evidence,
            limit: None,
            caution: false,
        })
        .chain(
            self.limits_for(product)
                .filter(|l| l.covers(indication) && l.applies_to_age(pediatric))
                .filter_map(|l| {
                    l.min_interval_days.map(|days| IntervalMinimum {
                        days,
                        source: &l.source,
                        evidence: l.evidence,
                        limit: Some(l.id.as_str()),
                        caution: l.min_interval_caution,
                    })
                }),
        )
        .collect()
    }

    pub fn limits(&self) -> &[Limit] {
        &self.limits
    }

    pub fn in_force(&self, jurisdiction: &str) -> bool {
        match &self.jurisdictions {
            None => true,
            Some(list) => jurisdiction.is_empty() || list.iter().any(|j| j == jurisdiction),
        }
    }

    /// The source ids of a finding about `product`, the product's label first (a finding
    /// cites the label before any summary beside it), comma-separated; sources about
    /// another product are left out.
    pub fn cite(&self, product: &str, ids: &[String]) -> String {
        let source = |id: &String| self.sources.get(id);
        let about = |id: &&String| {
            source(id)
                .and_then(|s| s.product.as_deref())
                .is_none_or(|p| p == product)
        };
        let is_label = |id: &&String| source(id).is_some_and(|s| s.label);
        let (labels, others): (Vec<&String>, Vec<&String>) =
            ids.iter().filter(about).partition(is_label);
        labels
            .into_iter()
            .chain(others)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether any of `ids` is the product's label.
    pub fn cites_label(&self, ids: &[String]) -> bool {
        ids.iter()
            .any(|id| self.sources.get(id).is_some_and(|s| s.label))
    }

    /// The diluent volumes (mL) a vial of the product may be made up with: from the
    /// smallest of its labelled reconstitutions (at most 0.5 mL) to 10 mL.
    pub fn diluent_bounds(&self, product: &str) -> (f64, f64) {
        let smallest = self
            .dilutions
            .iter()
            .filter(|d| d.product == product)
            .filter_map(|d| d.diluent_ml)
            .fold(DILUENT_ML.0, f64::min);
        (smallest, DILUENT_ML.1)
    }

    pub fn source_title(&self, id: &str) -> Option<&str> {
        self.sources.get(id).map(|s| s.title.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_loads_and_every_limit_cites_a_known_source() {
        let c = Catalog::builtin();
        assert!(c.products().len() >= 5);
        assert!(c.limits().len() > 30);
        assert!(c.muscles().len() > 100);
        for name in [
            "onabotulinumtoxinA",
            "Botox",
            "BOTOX",
            "Dysport",
            "abobotulinumtoxinA",
            "Xeomin",
            "incobotulinumtoxinA",
            "NeuroBloc",
            "Myobloc",
            "rimabotulinumtoxinB",
            "Daxxify",
            "daxibotulinumtoxinA",
        ] {
            assert!(c.product(name).is_some(), "{name}");
        }
        assert!(c.product("Vistabel-like").is_none());
        assert!(c.muscle("sternocleidomastoid").is_some());
    }

    #[test]
    fn a_local_file_adds_a_product_and_a_stricter_limit_and_is_checked() {
        let local = r#"
            [sources]
            LOCAL-SMPC = { title = "Local summary of product characteristics" }
            [[products]]
            id = "regionaltoxinA"
            brand = "Regiotox"
            [[limits]]
            id = "local_cd"
            product = "regionaltoxinA"
            indications = ["cervical_dystonia"]
            population = "adult"
            session_max_units = 200
            source = ["LOCAL-SMPC"]
            evidence = "verified"
        "#;
        let c = Catalog::builtin()
            .with_local(local)
            .expect("valid local file");
        assert!(c.product("regiotox").is_some());
        let bad = Catalog::builtin().with_local("[[limits]]\nid = \"x\"\nproduct = \"nothing\"\nindications = []\npopulation = \"adult\"\nsource = [\"BOTOX-PI\"]\n");
        assert!(matches!(bad, Err(CatalogError::Inconsistent(_))));
        let clash = Catalog::builtin().with_local("[[products]]\nid = \"x\"\nbrand = \"Botox\"\n");
        assert!(matches!(clash, Err(CatalogError::Inconsistent(_))));
        assert!(matches!(
            Catalog::builtin().with_local("not toml ["),
            Err(CatalogError::Shape(_))
        ));
    }
}
