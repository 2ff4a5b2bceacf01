//! The safety verdict. [`check`] reads a [`Plan`] and the [`Catalog`] and reports every
//! finding (each with a stable code, a message naming product and units, and the source of
//! its limit) and the dose arithmetic. Only limits marked verified may block; the others
//! warn. Units of different products are never added: cross-product figures appear only as
//! approximate equivalents, for information.

use super::catalog::{AppliesTo, Catalog, Evidence, IntervalMinimum, Limit, Population};
use super::plan::{Plan, Side};
use super::units::{ApproximateEquivalent, Dose, ProductId, Units};
use crate::vocabulary::{Allergy, Condition, MedicationClass};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warn,
    Block,
}

/// The overall answer: the highest severity found (information does not count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warn,
    Block,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable: documented, and kept across versions.
    pub code: &'static str,
    pub message: String,
    /// Source ids of the limit or statement, comma-separated ("" for pure arithmetic).
    pub source: String,
    pub evidence: Option<Evidence>,
    /// The catalogue limit behind the finding, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InjectionFigures {
    pub muscle: String,
    pub side: Side,
    pub units: Units,
    pub sites: u32,
    pub units_per_site: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_per_site_ml: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CumulativeFigures {
    pub limit: String,
    pub window_days: i32,
    /// This product given inside the window, this session included.
    pub units_in_window: Units,
    pub maximum: Units,
    pub remaining: Units,
}

/// The dose arithmetic of the planned session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arithmetic {
    pub product: ProductId,
    pub total_units: Units,
    pub total_sites: u32,
    pub units_left: Units,
    pub units_right: Units,
    pub units_midline: Units,
    /// Per muscle, both sides together.
    pub units_per_muscle: BTreeMap<String, Units>,
    pub injections: Vec<InjectionFigures>,
    pub units_per_0_1_ml: Option<f64>,
    pub total_volume_ml: Option<f64>,
    pub vials_needed: Option<u32>,
    pub units_left_in_last_vial: Option<Units>,
    pub days_since_last_session: Option<i32>,
    pub cumulative: Vec<CumulativeFigures>,
    pub other_products_in_window: Vec<ApproximateEquivalent>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
    #[serde(flatten)]
    pub arithmetic: Arithmetic,
}

/// Conditions the labels group as neuromuscular junction or motor neuron disorders.
const NEUROMUSCULAR: [Condition; 5] = [
    Condition::MyastheniaGravis,
    Condition::LambertEaton,
    Condition::Als,
    Condition::MotorNeuropathy,
    Condition::NeuromuscularDisease,
];

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn limit_severity(evidence: Evidence) -> Severity {
    if evidence == Evidence::Verified {
        Severity::Block
    } else {
        Severity::Warn
    }
}

fn age_on(birth: jiff::civil::Date, on: jiff::civil::Date) -> i16 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

fn scope_words(limit: &Limit) -> String {
    let mut words = Vec::new();
    if !limit.jurisdiction.is_empty() && limit.jurisdiction != "any" {
        words.push(format!("{} label", limit.jurisdiction));
    }
    match limit.population {
        Population::Adult => words.push("adults".into()),
        Population::Pediatric => words.push("children".into()),
        Population::Any => {}
    }
    if let Some(scope) = &limit.scope {
        words.push(scope.clone());
    }
    words.join(", ")
}

/// Every code a finding can carry: stable, documented in docs/SAFETY-RULES.md, and each
/// with a translated title in the interface's message files.
pub const FINDING_CODES: [&str; 30] = [
    "above_labelled_dose",
    "age_outside_label",
    "below_labelled_range",
    "bilateral_sternocleidomastoid",
    "cardiovascular_disease",
    "contraindicated",
    "cumulative_max_exceeded",
    "dilution_unusual",
    "dysphagia_or_breathing_difficulty",
    "interacting_medication",
    "interval_too_short",
    "muscle_dose_below_range",
    "muscle_dose_out_of_range",
    "muscle_max_exceeded",
    "muscle_unusual_for_indication",
    "neuromuscular_disorder",
    "off_label",
    "other_product_in_window",
    "pediatric_absolute_exceeded",
    "pediatric_per_kg_exceeded",
    "periocular_injection",
    "pregnancy_or_breastfeeding",
    "product_outside_neurology",
    "session_max_exceeded",
    "side_unusual",
    "site_max_exceeded",
    "structure_to_avoid",
    "volume_per_site_exceeded",
    "weight_below_label",
    "weight_missing",
];

struct Checker<'a> {
    catalog: &'a Catalog,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn add(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: String,
        source: &[String],
        evidence: Option<Evidence>,
        limit: Option<&str>,
    ) {
        debug_assert!(
            FINDING_CODES.contains(&code),
            "finding code {code} is not in FINDING_CODES"
        );
        self.findings.push(Finding {
            severity,
            code,
            message,
            source: self.catalog.cite(source),
            evidence,
            limit: limit.map(str::to_owned),
        });
    }

    fn limit_finding(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: String,
        limit: &Limit,
    ) {
        self.add(
            severity,
            code,
            message,
            &limit.source,
            Some(limit.evidence),
            Some(&limit.id),
        );
    }
}

/// Checks a plan against the catalogue.
pub fn check(catalog: &Catalog, plan: &Plan) -> Report {
    let session = &plan.session;
    let product = &session.product;
    let indication = session.indication.id();
    let age = age_on(plan.patient.birth_date, session.date);
    let pediatric = age < 18;
    let weight = plan.patient.weight_kg;
    let mut c = Checker {
        catalog,
        findings: Vec::new(),
    };
    let dose = |units: Units| format!("{units} U of {product}");

    // Arithmetic: sides, muscles, sites.
    let mut left = Units::ZERO;
    let mut right = Units::ZERO;
    let mut midline = Units::ZERO;
    // Keyed by borrowed names: this runs on every keystroke of the session form.
    let mut per_muscle: BTreeMap<&str, Units> = BTreeMap::new();
    let mut per_muscle_side: BTreeMap<(&str, Side), Units> = BTreeMap::new();
    let mut total_sites = 0;
    for inj in &session.injections {
        let sides: &[Side] = match inj.side {
            Side::Both => &[Side::Left, Side::Right],
            Side::Left => &[Side::Left],
            Side::Right => &[Side::Right],
            Side::Midline => &[Side::Midline],
        };
        for side in sides {
            match side {
                Side::Left => left = left.plus(inj.units),
                Side::Right => right = right.plus(inj.units),
                _ => midline = midline.plus(inj.units),
            }
            let m = per_muscle.entry(inj.muscle.as_str()).or_default();
            *m = m.plus(inj.units);
            let ms = per_muscle_side
                .entry((inj.muscle.as_str(), *side))
                .or_default();
            *ms = ms.plus(inj.units);
            total_sites += inj.sites;
        }
    }
    let total = left.plus(right).plus(midline);
    let largest_side = left.max(right).max(midline);

    // Concentration and volumes.
    let product_facts = catalog.product_by_id(product);
    let units_per_ml = session.reconstitution.and_then(|r| {
        let ready = product_facts.and_then(|p| p.concentration_units_per_ml);
        match (ready, r.diluent_ml) {
            // A ready-to-use solution, possibly diluted further with saline.
            (Some(conc), added) => {
                let volume = r.vial_units.as_f64() / conc + added.unwrap_or(0.0);
                Some(r.vial_units.as_f64() / volume)
            }
            (None, Some(ml)) => Some(r.vial_units.as_f64() / ml),
            (None, None) => None,
        }
    });
    let injections: Vec<InjectionFigures> = session
        .injections
        .iter()
        .map(|inj| {
            let per_site = inj.units.as_f64() / f64::from(inj.sites);
            InjectionFigures {
                muscle: inj.muscle.clone(),
                side: inj.side,
                units: inj.units,
                sites: inj.sites,
                units_per_site: round2(per_site),
                volume_per_site_ml: units_per_ml.map(|c| (per_site / c * 1000.0).round() / 1000.0),
            }
        })
        .collect();
    let (vials_needed, left_over) = match session.reconstitution {
        Some(r) if r.vial_units > Units::ZERO => {
            let vials = (total.as_f64() / r.vial_units.as_f64()).ceil() as u32;
            let in_vials = Units::of_limit(r.vial_units.as_f64() * f64::from(vials));
            (Some(vials), Some(in_vials.saturating_sub(total)))
        }
        _ => (None, None),
    };

    // Product in scope, indication on label.
    if let Some(p) = product_facts
        && !p.neurology_scope
    {
        let note = p.note.clone().unwrap_or_default();
        c.add(
            Severity::Warn,
            "product_outside_neurology",
            format!("{product} is not approved for neurological use. {note}"),
            &p.source,
            Some(p.evidence),
            None,
        );
    }
    let applicable: Vec<&Limit> = catalog
        .limits_for(product)
        .filter(|l| l.covers(indication))
        .collect();
    let labelled = applicable.iter().any(|l| l.labels(indication));
    if !labelled {
        let sources: Vec<String> = applicable.iter().flat_map(|l| l.source.clone()).collect();
        c.add(
            Severity::Info,
            "off_label",
            format!("{product} has no label for {indication}; the plan is still checked against the product's limits for all indications."),
            &sources,
            None,
            None,
        );
    }
    if pediatric {
        let child_label = applicable
            .iter()
            .any(|l| l.population == Population::Pediatric && l.labels(indication));
        if !child_label && labelled {
            let sources: Vec<String> = applicable
                .iter()
                .filter(|l| l.labels(indication))
                .flat_map(|l| l.source.clone())
                .collect();
            c.add(
                Severity::Warn,
                "age_outside_label",
                format!("The patient is {age}; the label of {product} for {indication} covers adults only."),
                &sources,
                None,
                None,
            );
        }
        if weight.is_none() {
            let sources: Vec<String> = catalog
                .limits_for(product)
                .filter(|l| l.population == Population::Pediatric && l.max_units_per_kg.is_some())
                .flat_map(|l| l.source.clone())
                .collect();
            c.add(
                Severity::Block,
                "weight_missing",
                format!("The patient is {age}: children's doses are capped per kilogram, and no weight is given."),
                &sources,
                None,
                None,
            );
        }
    }

    // Limits.
    let mut volume_reported = vec![false; injections.len()];
    let mut cumulative = Vec::new();
    for limit in &applicable {
        if !limit.applies_to_age(pediatric) {
            continue;
        }
        let scope = scope_words(limit);
        if pediatric
            && (limit.age_min_years.is_some_and(|min| age < min)
                || limit.age_max_years.is_some_and(|max| age > max))
        {
            let range = format!(
                "{}-{}",
                limit.age_min_years.unwrap_or(0),
                limit.age_max_years.unwrap_or(17)
            );
            c.limit_finding(
                Severity::Warn,
                "age_outside_label",
                format!("The patient is {age}; this label covers ages {range} ({scope})."),
                limit,
            );
        }
        if let (Some(min), Some(kg)) = (limit.weight_min_kg, weight)
            && kg < min
        {
            c.limit_finding(
                Severity::Warn,
                "weight_below_label",
                format!("The patient weighs {kg} kg; this label gives no dosing below {min} kg ({scope})."),
                limit,
            );
        }
        let amount = match limit.applies_to {
            AppliesTo::Session => Some(total),
            AppliesTo::PerSide => Some(largest_side),
            AppliesTo::Bilateral => (left > Units::ZERO && right > Units::ZERO).then_some(total),
        };
        let whose = match limit.applies_to {
            AppliesTo::PerSide => "The larger side's total",
            _ => "The session total",
        };
        if let (Some(amount), Some(max)) = (amount, limit.session_max_units) {
            let max = Limit::units(max);
            if amount > max {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "session_max_exceeded",
                    format!(
                        "{whose}, {}, is above the maximum of {} ({scope}).",
                        dose(amount),
                        dose(max)
                    ),
                    limit,
                );
            }
        }
        if let (Some(amount), Some([low, high])) = (amount, limit.dose_range_units) {
            let (low, high) = (Limit::units(low), Limit::units(high));
            if amount > high {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "session_max_exceeded",
                    format!(
                        "{whose}, {}, is above the labelled range {low}-{high} U ({scope}).",
                        dose(amount)
                    ),
                    limit,
                );
            } else if amount < low {
                c.limit_finding(
                    Severity::Info,
                    "below_labelled_range",
                    format!(
                        "{whose}, {}, is below the labelled range {low}-{high} U ({scope}).",
                        dose(amount)
                    ),
                    limit,
                );
            }
        }
        if let (Some(amount), Some(fixed)) = (amount, limit.labelled_dose_units) {
            let fixed = Limit::units(fixed);
            if amount > fixed {
                c.limit_finding(
                    Severity::Info,
                    "above_labelled_dose",
                    format!(
                        "{whose}, {}, is above the labelled dose of {} ({scope}).",
                        dose(amount),
                        dose(fixed)
                    ),
                    limit,
                );
            }
        }
        // Children's per-kilogram and absolute caps for one session.
        if limit.cumulative_window_days.is_none()
            && let Some(amount) = amount
        {
            if let (Some(per_kg), Some(kg)) = (limit.max_units_per_kg, weight) {
                let cap = Units::scaled(per_kg, kg);
                if amount > cap {
                    c.limit_finding(
                        limit_severity(limit.evidence),
                        "pediatric_per_kg_exceeded",
                        format!(
                            "{whose}, {}, is above {per_kg} U/kg x {kg} kg = {} ({scope}).",
                            dose(amount),
                            dose(cap)
                        ),
                        limit,
                    );
                }
            }
            if let Some(abs) = limit.max_units_abs {
                let abs = Limit::units(abs);
                if amount > abs {
                    c.limit_finding(
                        limit_severity(limit.evidence),
                        "pediatric_absolute_exceeded",
                        format!(
                            "{whose}, {}, is above the absolute cap of {} ({scope}).",
                            dose(amount),
                            dose(abs)
                        ),
                        limit,
                    );
                }
            }
        }
        // Rolling window over this product.
        if let Some(window) = limit.cumulative_window_days {
            let cap = match (
                limit.cumulative_max_units,
                limit.max_units_per_kg,
                limit.max_units_abs,
                weight,
            ) {
                (Some(max), _, _, _) => Some(Limit::units(max)),
                (None, Some(per_kg), abs, Some(kg)) => {
                    let by_weight = Units::scaled(per_kg, kg);
                    Some(abs.map_or(by_weight, |a| by_weight.min(Limit::units(a))))
                }
                (None, None, Some(abs), _) => Some(Limit::units(abs)),
                _ => None,
            };
            if let Some(cap) = cap {
                let since = session
                    .date
                    .checked_sub(jiff::Span::new().days(i64::from(window)))
                    .ok();
                let earlier: Units = plan
                    .history
                    .iter()
                    .filter(|h| h.dose.product == *product && since.is_none_or(|s| h.date > s))
                    .fold(Units::ZERO, |sum, h| sum.plus(h.dose.units));
                let in_window = earlier.plus(total);
                cumulative.push(CumulativeFigures {
                    limit: limit.id.clone(),
                    window_days: window,
                    units_in_window: in_window,
                    maximum: cap,
                    remaining: cap.saturating_sub(in_window),
                });
                if in_window > cap {
                    c.limit_finding(
                        limit_severity(limit.evidence),
                        "cumulative_max_exceeded",
                        format!("{} in the last {window} days with this session ({} earlier) is above the maximum of {} ({scope}).", dose(in_window), dose(earlier), dose(cap)),
                        limit,
                    );
                }
            }
        }
        // Per injection site: units and volume (a volume reported once per row).
        for (row, inj) in injections.iter().enumerate() {
            if let Some(max) = limit.max_units_per_site
                && inj.units_per_site > max + 1e-9
            {
                let severity = if limit.per_site_advisory {
                    Severity::Warn
                } else {
                    limit_severity(limit.evidence)
                };
                let why = if limit.per_site_advisory {
                    "beyond which the label reports little extra benefit"
                } else {
                    "the label's maximum per site"
                };
                c.limit_finding(
                    severity,
                    "site_max_exceeded",
                    format!(
                        "{} {}: {} U of {product} per site is above {max} U, {why} ({scope}).",
                        inj.muscle,
                        inj.side.as_str(),
                        inj.units_per_site
                    ),
                    limit,
                );
            }
            if let (Some(max_ml), Some(ml)) = (limit.max_ml_per_site, inj.volume_per_site_ml)
                && ml > max_ml + 1e-9
                && !volume_reported[row]
            {
                volume_reported[row] = true;
                c.limit_finding(
                    Severity::Warn,
                    "volume_per_site_exceeded",
                    format!(
                        "{} {}: {ml} mL per site is above {max_ml} mL ({scope}).",
                        inj.muscle,
                        inj.side.as_str()
                    ),
                    limit,
                );
            }
        }
        for cap in &limit.muscle_caps {
            let given = per_muscle
                .get(cap.muscle.as_str())
                .copied()
                .unwrap_or_default();
            let max = Limit::units(cap.max_units_both_sides);
            if given > max {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "muscle_max_exceeded",
                    format!(
                        "{}: {} on both sides together is above {} ({}; {scope}).",
                        cap.muscle,
                        dose(given),
                        dose(max),
                        cap.reason
                    ),
                    limit,
                );
            }
        }
    }

    // Per-muscle labelled doses (per side).
    for table in catalog
        .muscle_doses
        .iter()
        .filter(|t| t.product == product.as_str() && t.indication == indication)
    {
        let fits = match table.population {
            Population::Any => true,
            Population::Adult => !pediatric,
            Population::Pediatric => pediatric,
        };
        if !fits {
            continue;
        }
        for ((muscle, side), units) in &per_muscle_side {
            let Some(row) = table.rows.iter().find(|r| &r.muscle == muscle) else {
                continue;
            };
            let (low, high, basis) = match (
                row.units_min,
                row.units_max,
                row.units_per_kg_min,
                row.units_per_kg_max,
                weight,
            ) {
                (Some(lo), Some(hi), _, _, _) => (lo, hi, String::new()),
                (_, _, Some(lo), Some(hi), Some(kg)) => {
                    (lo * kg, hi * kg, format!(" ({lo}-{hi} U/kg x {kg} kg)"))
                }
                _ => continue,
            };
            let given = units.as_f64();
            let range = format!("{}-{} U{basis}", round2(low), round2(high));
            if given > high + 1e-9 {
                c.add(
                    Severity::Warn,
                    "muscle_dose_out_of_range",
                    format!(
                        "{muscle} {}: {} is above the labelled {range}.",
                        side.as_str(),
                        dose(*units)
                    ),
                    &table.source,
                    Some(table.evidence),
                    None,
                );
            } else if given < low - 1e-9 {
                c.add(
                    Severity::Info,
                    "muscle_dose_below_range",
                    format!(
                        "{muscle} {}: {} is below the labelled {range}.",
                        side.as_str(),
                        dose(*units)
                    ),
                    &table.source,
                    Some(table.evidence),
                    None,
                );
            }
        }
    }

    // Interval since the last toxin session of any product. Every minimum in force counts:
    // the longest warns, and any verified one blocks below half of it.
    let last = plan.history.first();
    let days_since_last = last.map(|h| (session.date - h.date).get_days());
    if let (Some(days), Some(last)) = (days_since_last, last) {
        let minima = catalog.interval_minima(product, indication, pediatric);
        let blocking = minima
            .iter()
            .filter(|m| m.evidence == Evidence::Verified && days * 2 < m.days)
            .max_by_key(|m| m.days);
        let longest = minima
            .iter()
            .max_by_key(|m| m.days)
            .filter(|m| days < m.days);
        if let Some(&IntervalMinimum {
            days: minimum,
            source,
            evidence,
            limit: limit_id,
        }) = blocking.or(longest)
        {
            let severity = if blocking.is_some() {
                Severity::Block
            } else {
                Severity::Warn
            };
            let booster = if days * 2 < minimum {
                " (less than half: a booster raises the risk of neutralising antibodies)"
            } else {
                ""
            };
            c.add(
                severity,
                "interval_too_short",
                format!("{days} days since the last session ({} on {}); the label's minimum interval is {minimum} days{booster}.", last.dose, last.date),
                source,
                Some(evidence),
                limit_id,
            );
        }
    }

    // Contraindications and warnings from the labels.
    let patient = &plan.patient;
    let has = |cond: Condition| patient.conditions.contains(&cond);
    let neuromuscular: Vec<String> = NEUROMUSCULAR
        .iter()
        .filter(|x| has(**x))
        .map(|x| x.id().replace('_', " "))
        .collect();
    let mut other_products = Vec::new();
    let mut periocular_expected = false;
    for rule in catalog.contraindications.iter().filter(|r| {
        r.products.iter().any(|p| p == product.as_str()) && catalog.in_force(&r.jurisdiction)
    }) {
        let blocking = rule.severity == "contraindication";
        let severity = if blocking {
            limit_severity(rule.evidence)
        } else {
            Severity::Warn
        };
        let code_if = |yes: &'static str, no: &'static str| if blocking { yes } else { no };
        let region = if rule.jurisdiction.is_empty() || rule.jurisdiction == "any" {
            String::new()
        } else {
            format!(" ({} label)", rule.jurisdiction)
        };
        let message = match rule.condition.as_str() {
            "hypersensitivity_to_bont_or_excipient" => {
                if patient.allergies.contains(&Allergy::BotulinumToxin) {
                    Some(("contraindicated", format!("Known hypersensitivity to botulinum toxin: {product} is contraindicated{region}.")))
                } else if patient.allergies.contains(&Allergy::HumanAlbumin) && product_facts.is_some_and(|p| p.contains_human_albumin) {
                    Some(("contraindicated", format!("Allergy to human albumin, an excipient of {product}: contraindicated{region}.")))
                } else {
                    None
                }
            }
            "infection_at_injection_site" if session.infection_at_site => {
                Some(("contraindicated", format!("Infection at a planned injection site: {product} is contraindicated there{region}.")))
            }
            "cow_milk_protein_allergy" if patient.allergies.contains(&Allergy::CowMilkProtein) => {
                Some(("contraindicated", format!("Allergy to cow's milk protein: {product} is contraindicated{region}.")))
            }
            "neuromuscular_disease" if !neuromuscular.is_empty() => Some((
                code_if("contraindicated", "neuromuscular_disorder"),
                format!("Neuromuscular disease ({}): {product} must not be used{region}.", neuromuscular.join(", ")),
            )),
            "preexisting_dyspnoea_or_dysphagia" if has(Condition::Dysphagia) || has(Condition::RespiratoryCompromise) => Some((
                code_if("contraindicated", "dysphagia_or_breathing_difficulty"),
                format!("Pre-existing swallowing or breathing difficulty: {product} must not be used{region}."),
            )),
            "neuromuscular_junction_disorder_or_motor_neuropathy_or_als" if !neuromuscular.is_empty() => Some((
                "neuromuscular_disorder",
                format!("{}: higher risk of severe weakness, dysphagia and breathing problems even at usual doses; monitor closely{region}.", neuromuscular.join(", ")),
            )),
            "preexisting_dysphagia_or_breathing_difficulty_or_compromised_respiration"
                if has(Condition::Dysphagia) || has(Condition::RespiratoryCompromise) =>
            {
                Some(("dysphagia_or_breathing_difficulty", format!("Pre-existing swallowing or breathing difficulty: the toxin may worsen it; monitor closely{region}.")))
            }
            "preexisting_cardiovascular_disease" if has(Condition::CardiovascularDisease) => {
                Some(("cardiovascular_disease", format!("Pre-existing cardiovascular disease: a warning of the {product} label{region}.")))
            }
            "pregnancy" if patient.pregnant => {
                Some(("pregnancy_or_breastfeeding", "Pregnant: human data are insufficient; weigh benefit and risk and record the decision.".into()))
            }
            "breastfeeding" if patient.breastfeeding => {
                Some(("pregnancy_or_breastfeeding", "Breastfeeding: no label gives a rule; weigh benefit and risk and record the decision.".into()))
            }
            "periocular_injection_reduced_blink" => {
                let near_eye: Vec<&str> = session
                    .injections
                    .iter()
                    .filter(|i| catalog.muscle(&i.muscle).is_some_and(|m| m.region == "periocular"))
                    .map(|i| i.muscle.as_str())
                    .collect();
                // Around the eye is where blepharospasm and hemifacial spasm are treated: there
                // the warning is a reminder, elsewhere a caution.
                let expected = matches!(indication, "blepharospasm" | "hemifacial_spasm" | "facial_synkinesis");
                periocular_expected = expected;
                (!near_eye.is_empty()).then(|| {
                    ("periocular_injection", format!("Injections near the eye ({}): reduced blinking can expose the cornea; avoid the levator and the medial lower lid.", near_eye.join(", ")))
                })
            }
            "other_bont_within_4_months" => {
                let lookback = rule.lookback_days.unwrap_or(120);
                let since = session.date.checked_sub(jiff::Span::new().days(i64::from(lookback))).ok();
                let others: Vec<_> = plan.history.iter().filter(|h| h.dose.product != *product && since.is_none_or(|s| h.date > s)).collect();
                if others.is_empty() {
                    None
                } else {
                    let mut parts = Vec::new();
                    for h in others {
                        let days = (session.date - h.date).get_days();
                        let mut part = format!("{} on {} ({days} days ago)", h.dose, h.date);
                        if let Some(eq) = approximate(catalog, &h.dose, product) {
                            part.push_str(&format!(", {eq} (approximate, ratio {}, {}; never used to lift a limit)", eq.ratio, eq.source.join(", ")));
                            other_products.push(eq);
                        }
                        parts.push(part);
                    }
                    Some(("other_product_in_window", format!("Another botulinum toxin in the last {lookback} days: {}. Units of different products are not interchangeable.", parts.join("; "))))
                }
            }
            _ => None,
        };
        if let Some((code, message)) = message {
            let severity = match code {
                "contraindicated" => severity,
                "periocular_injection" if periocular_expected => Severity::Info,
                _ => Severity::Warn,
            };
            c.add(
                severity,
                code,
                message,
                &rule.source,
                Some(rule.evidence),
                None,
            );
        }
    }

    // Interacting medications named by the labels.
    for interaction in &catalog.interactions {
        let class = match interaction.drug_class.as_str() {
            "aminoglycoside_antibiotics" => MedicationClass::Aminoglycosides,
            "agents_interfering_with_neuromuscular_transmission" => {
                MedicationClass::NeuromuscularBlockers
            }
            "anticholinergics" => MedicationClass::Anticholinergics,
            "skeletal_muscle_relaxants" => MedicationClass::SkeletalMuscleRelaxants,
            "magnesium_salts" => MedicationClass::MagnesiumSalts,
            _ => continue,
        };
        if patient.medication_classes.contains(&class) {
            let drugs: Vec<&str> = patient
                .medications
                .iter()
                .filter(|m| MedicationClass::of_medication(m) == Some(class))
                .map(String::as_str)
                .collect();
            c.add(
                Severity::Warn,
                "interacting_medication",
                format!(
                    "{} ({}): {}.",
                    drugs.join(", "),
                    class.id().replace('_', " "),
                    interaction.effect
                ),
                &interaction.source,
                Some(interaction.evidence),
                None,
            );
        }
    }

    // Muscles: structures to avoid, unusual sides, unusual targets, both SCMs.
    for inj in &session.injections {
        let Some(m) = catalog.muscle(&inj.muscle) else {
            continue;
        };
        if m.avoid {
            let reason = m.avoid_reason.clone().unwrap_or_default();
            c.add(
                Severity::Warn,
                "structure_to_avoid",
                format!("{} is a structure to keep away from ({reason}).", m.name),
                &m.source,
                None,
                None,
            );
        }
        if m.paired && inj.side == Side::Midline {
            c.add(
                Severity::Warn,
                "side_unusual",
                format!(
                    "{} is paired: say left, right or both rather than midline.",
                    m.name
                ),
                &[],
                None,
                None,
            );
        }
        // Only where the catalogue lists the usual muscles of this indication at all.
        let typical = m.indications.is_empty()
            || !catalog.muscles_listed_for(indication)
            || m.indications.iter().any(|i| {
                i == indication
                    || (i == "spasticity_any"
                        && matches!(
                            indication,
                            "upper_limb_spasticity" | "lower_limb_spasticity"
                        ))
            });
        if !typical {
            c.add(
                Severity::Info,
                "muscle_unusual_for_indication",
                format!("{} is not a usual target for {indication}.", m.name),
                &m.source,
                None,
                None,
            );
        }
    }
    let scm_left = per_muscle_side.contains_key(&("sternocleidomastoid", Side::Left));
    let scm_right = per_muscle_side.contains_key(&("sternocleidomastoid", Side::Right));
    if scm_left && scm_right {
        c.add(
            Severity::Warn,
            "bilateral_sternocleidomastoid",
            "Both sternocleidomastoids are injected: dysphagia is more frequent with bilateral injections; consider lower doses.".into(),
            &["JANKOVIC-1990".to_owned()],
            Some(Evidence::Verified),
            None,
        );
    }

    // Dilution against the label's reconstitution table.
    if let (Some(r), Some(conc)) = (session.reconstitution, units_per_ml) {
        let per_tenth = conc / 10.0;
        let table: Vec<_> = catalog
            .dilutions
            .iter()
            .filter(|d| d.product == product.as_str())
            .collect();
        if !table.is_empty()
            && !table
                .iter()
                .any(|d| (d.units_per_0_1ml - per_tenth).abs() < 1e-6)
        {
            let usual: Vec<String> = table
                .iter()
                .map(|d| format!("{}", d.units_per_0_1ml))
                .collect();
            let sources: Vec<String> = table.iter().flat_map(|d| d.source.clone()).collect();
            c.add(
                Severity::Warn,
                "dilution_unusual",
                format!("{} U vial in {} mL gives {} U of {product} per 0.1 mL; the label's reconstitutions give {} U per 0.1 mL.", r.vial_units, r.diluent_ml.unwrap_or(0.0), round2(per_tenth), usual.join(", ")),
                &sources,
                None,
                None,
            );
        }
    }

    let mut findings = c.findings;
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.code.cmp(b.code)));
    findings.dedup_by(|a, b| a.code == b.code && a.message == b.message);
    let verdict = match findings.iter().map(|f| f.severity).max() {
        Some(Severity::Block) => Verdict::Block,
        Some(Severity::Warn) => Verdict::Warn,
        _ => Verdict::Ok,
    };
    Report {
        verdict,
        findings,
        arithmetic: Arithmetic {
            product: product.clone(),
            total_units: total,
            total_sites,
            units_left: left,
            units_right: right,
            units_midline: midline,
            units_per_muscle: per_muscle
                .into_iter()
                .map(|(m, u)| (m.to_owned(), u))
                .collect(),
            injections,
            units_per_0_1_ml: units_per_ml.map(|c| round2(c / 10.0)),
            total_volume_ml: units_per_ml.map(|c| round2(total.as_f64() / c)),
            vials_needed,
            units_left_in_last_vial: left_over,
            days_since_last_session: days_since_last,
            cumulative,
            other_products_in_window: other_products,
        },
    }
}

/// What `dose` is roughly worth in `target`, from a published ratio in either direction.
fn approximate(
    catalog: &Catalog,
    dose: &Dose,
    target: &ProductId,
) -> Option<ApproximateEquivalent> {
    catalog.conversion_ratios.iter().find_map(|r| {
        let (low, high, ratio) = if r.from == dose.product.as_str() && r.to == target.as_str() {
            (
                r.ratio_low,
                r.ratio_high,
                format!("1:{}", range(r.ratio_low, r.ratio_high)),
            )
        } else if r.to == dose.product.as_str() && r.from == target.as_str() {
            (
                1.0 / r.ratio_high,
                1.0 / r.ratio_low,
                format!("{}:1", range(r.ratio_low, r.ratio_high)),
            )
        } else {
            return None;
        };
        let units = dose.units.as_f64();
        Some(ApproximateEquivalent {
            from: dose.clone(),
            in_product: target.clone(),
            low: units * low,
            high: units * high,
            ratio,
            source: r.source.clone(),
        })
    })
}

fn range(low: f64, high: f64) -> String {
    if (low - high).abs() < 1e-9 {
        format!("{low}")
    } else {
        format!("{low}-{high}")
    }
}
