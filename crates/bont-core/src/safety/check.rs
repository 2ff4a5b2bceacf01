//! The safety verdict. [`check`] reads a [`Plan`] and the [`Catalog`] and reports every
//! finding (each with a stable code, a message naming product and units, and the source of
//! its limit) and the dose arithmetic. Only limits marked verified may block; the others
//! warn. Units of different products are never added: cross-product figures appear only as
//! approximate equivalents, for information.

use super::catalog::{AppliesTo, Catalog, Evidence, IntervalMinimum, Limit, Population, RangeKind};
use super::detail::{Arg, Detail, Scope};
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
    /// What it says, as a message id and arguments; each language writes the sentence.
    pub detail: Detail,
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

fn region(jurisdiction: &str) -> Option<String> {
    (!jurisdiction.is_empty() && jurisdiction != "any").then(|| jurisdiction.to_owned())
}

fn scope_of(limit: &Limit) -> Arg {
    Arg::Scope(Scope {
        jurisdiction: region(&limit.jurisdiction),
        population: limit.population,
        note: limit.scope.clone(),
    })
}

/// Every code a finding can carry: stable, documented in docs/SAFETY-RULES.md, and each
/// with a translated title in the interface's message files.
pub const FINDING_CODES: [&str; 31] = [
    "above_labelled_dose",
    "age_outside_label",
    "below_labelled_range",
    "bilateral_sternocleidomastoid",
    "cardiovascular_disease",
    "contraindicated",
    "cumulative_max_exceeded",
    "dilution_unusual",
    "dysphagia_or_breathing_difficulty",
    "earlier_adverse_event",
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
    product: &'a str,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn add(
        &mut self,
        severity: Severity,
        code: &'static str,
        detail: Detail,
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
            detail,
            source: self.catalog.cite(self.product, source),
            evidence,
            limit: limit.map(str::to_owned),
        });
    }

    fn limit_finding(
        &mut self,
        severity: Severity,
        code: &'static str,
        detail: Detail,
        limit: &Limit,
    ) {
        self.add(
            severity,
            code,
            detail,
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
        product: product.as_str(),
        findings: Vec::new(),
    };
    let dose = |units: Units| {
        Arg::Dose(Dose {
            product: product.clone(),
            units,
        })
    };
    let product_arg = || Arg::Product(product.clone());
    let indication_arg = || Arg::Indication(indication.to_owned());
    let d = Detail::new;

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
            d(
                "product-outside-neurology",
                vec![("product", product_arg()), ("note", Arg::DataText(note))],
            ),
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
            d(
                "off-label",
                vec![("product", product_arg()), ("indication", indication_arg())],
            ),
            &sources,
            None,
            None,
        );
    }
    if pediatric {
        // A label for children or for every age (which then says from what age: a child
        // below it is told by the limit's own age range below).
        let child_label = applicable
            .iter()
            .any(|l| l.population != Population::Adult && l.labels(indication));
        if !child_label && labelled {
            let sources: Vec<String> = applicable
                .iter()
                .filter(|l| l.labels(indication))
                .flat_map(|l| l.source.clone())
                .collect();
            c.add(
                Severity::Warn,
                "age_outside_label",
                d(
                    "age-adults-only",
                    vec![
                        ("age", Arg::Count(age.into())),
                        ("product", product_arg()),
                        ("indication", indication_arg()),
                    ],
                ),
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
                d("weight-missing", vec![("age", Arg::Count(age.into()))]),
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
        let scope = || ("scope", scope_of(limit));
        if pediatric
            && (limit.age_min_years.is_some_and(|min| age < min)
                || limit.age_max_years.is_some_and(|max| age > max))
        {
            c.limit_finding(
                Severity::Warn,
                "age_outside_label",
                d(
                    "age-outside-range",
                    vec![
                        ("age", Arg::Count(age.into())),
                        ("from", Arg::Count(limit.age_min_years.unwrap_or(0).into())),
                        ("to", Arg::Count(limit.age_max_years.unwrap_or(17).into())),
                        scope(),
                    ],
                ),
                limit,
            );
        }
        if let (Some(min), Some(kg)) = (limit.weight_min_kg, weight)
            && kg < min
        {
            c.limit_finding(
                Severity::Warn,
                "weight_below_label",
                d(
                    "weight-below-label",
                    vec![("kg", Arg::Number(kg)), ("min", Arg::Number(min)), scope()],
                ),
                limit,
            );
        }
        let amount = match limit.applies_to {
            AppliesTo::Session => Some(total),
            AppliesTo::PerSide => Some(largest_side),
            AppliesTo::Bilateral => (left > Units::ZERO && right > Units::ZERO).then_some(total),
        };
        let whose = || {
            (
                "whose",
                Arg::Choice(match limit.applies_to {
                    AppliesTo::PerSide => "side",
                    _ => "session",
                }),
            )
        };
        if let (Some(amount), Some(max)) = (amount, limit.session_max_units) {
            let max = Limit::units(max);
            if amount > max {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "session_max_exceeded",
                    d(
                        "session-max",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("max", dose(max)),
                            scope(),
                        ],
                    ),
                    limit,
                );
            }
        }
        if let (Some(amount), Some([low, high])) = (amount, limit.dose_range_units) {
            let (low, high) = (Limit::units(low), Limit::units(high));
            if amount > high && limit.range_kind != RangeKind::Maximum {
                // A recommended or initial range: later doses follow the response.
                let (severity, kind) = match limit.range_kind {
                    RangeKind::Initial => (Severity::Info, "initial"),
                    _ => (Severity::Warn, "recommended"),
                };
                c.limit_finding(
                    severity,
                    "above_labelled_dose",
                    d(
                        "above-labelled-range",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("low", Arg::Number(low.as_f64())),
                            ("high", Arg::Number(high.as_f64())),
                            ("kind", Arg::Choice(kind)),
                            scope(),
                        ],
                    ),
                    limit,
                );
            } else if amount > high {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "session_max_exceeded",
                    d(
                        "range-exceeded",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("low", Arg::Number(low.as_f64())),
                            ("high", Arg::Number(high.as_f64())),
                            scope(),
                        ],
                    ),
                    limit,
                );
            } else if amount < low {
                c.limit_finding(
                    Severity::Info,
                    "below_labelled_range",
                    d(
                        "below-labelled-range",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("low", Arg::Number(low.as_f64())),
                            ("high", Arg::Number(high.as_f64())),
                            scope(),
                        ],
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
                    d(
                        "above-labelled-dose",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("fixed", dose(fixed)),
                            scope(),
                        ],
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
                        d(
                            "pediatric-per-kg",
                            vec![
                                whose(),
                                ("amount", dose(amount)),
                                ("per_kg", Arg::Number(per_kg)),
                                ("kg", Arg::Number(kg)),
                                ("cap", dose(cap)),
                                scope(),
                            ],
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
                        d(
                            "pediatric-absolute",
                            vec![
                                whose(),
                                ("amount", dose(amount)),
                                ("cap", dose(abs)),
                                scope(),
                            ],
                        ),
                        limit,
                    );
                }
            }
        }
        // Children: the labelled dose for the child's weight band.
        if pediatric
            && let (Some(amount), Some(kg)) = (amount, weight)
            && let Some(band) = limit.weight_bands.iter().rev().find(|b| kg >= b.from_kg)
        {
            let band_max = Limit::units(band.max_units);
            if amount > band_max {
                c.limit_finding(
                    limit_severity(limit.evidence),
                    "pediatric_absolute_exceeded",
                    d(
                        "weight-band",
                        vec![
                            whose(),
                            ("amount", dose(amount)),
                            ("kg", Arg::Number(kg)),
                            ("from", Arg::Number(band.from_kg)),
                            ("cap", dose(band_max)),
                            scope(),
                        ],
                    ),
                    limit,
                );
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
                let (from, to, others) = fullest_window(plan, product, window);
                let in_window = others.plus(total);
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
                        d(
                            "cumulative-max",
                            vec![
                                ("in_window", dose(in_window)),
                                ("window", Arg::Count(window.into())),
                                ("from", Arg::Date(from)),
                                ("to", Arg::Date(to)),
                                ("others", dose(others)),
                                ("cap", dose(cap)),
                                scope(),
                            ],
                        ),
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
                    "advisory"
                } else {
                    "maximum"
                };
                c.limit_finding(
                    severity,
                    "site_max_exceeded",
                    d(
                        "site-max",
                        vec![
                            ("muscle", Arg::Muscle(inj.muscle.clone())),
                            ("side", Arg::Side(inj.side)),
                            ("per_site", Arg::Number(inj.units_per_site)),
                            ("product", product_arg()),
                            ("max", Arg::Number(max)),
                            ("why", Arg::Choice(why)),
                            scope(),
                        ],
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
                    d(
                        "volume-per-site",
                        vec![
                            ("muscle", Arg::Muscle(inj.muscle.clone())),
                            ("side", Arg::Side(inj.side)),
                            ("ml", Arg::Number(ml)),
                            ("max_ml", Arg::Number(max_ml)),
                            scope(),
                        ],
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
                    d(
                        "muscle-max",
                        vec![
                            ("muscle", Arg::Muscle(cap.muscle.clone())),
                            ("given", dose(given)),
                            ("max", dose(max)),
                            ("reason", Arg::DataText(cap.reason.clone())),
                            scope(),
                        ],
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
                (Some(lo), Some(hi), _, _, _) => (lo, hi, Vec::new()),
                (_, _, Some(lo), Some(hi), Some(kg)) => (
                    lo * kg,
                    hi * kg,
                    vec![
                        ("per_kg_low", Arg::Number(lo)),
                        ("per_kg_high", Arg::Number(hi)),
                        ("kg", Arg::Number(kg)),
                    ],
                ),
                _ => continue,
            };
            let given = units.as_f64();
            let args = |given: Units| {
                let mut args = vec![
                    ("muscle", Arg::Muscle((*muscle).to_owned())),
                    ("side", Arg::Side(*side)),
                    ("given", dose(given)),
                    ("low", Arg::Number(round2(low))),
                    ("high", Arg::Number(round2(high))),
                    (
                        "basis",
                        Arg::Choice(if basis.is_empty() { "units" } else { "per_kg" }),
                    ),
                ];
                args.extend(basis.iter().cloned());
                args
            };
            if given > high + 1e-9 {
                c.add(
                    Severity::Warn,
                    "muscle_dose_out_of_range",
                    d("muscle-dose-above", args(*units)),
                    &table.source,
                    Some(table.evidence),
                    None,
                );
            } else if given < low - 1e-9 {
                c.add(
                    Severity::Info,
                    "muscle_dose_below_range",
                    d("muscle-dose-below", args(*units)),
                    &table.source,
                    Some(table.evidence),
                    None,
                );
            }
        }
    }

    // Intervals to the sessions on either side, of any product: the last one before (or
    // on the same day) and the first one after, when the planned session is entered late.
    // Every minimum in force counts: the longest warns, and a verified minimum of the
    // label blocks below half of it. The general default (no label gives a minimum for the
    // indication) and a label's caution warn only.
    let last = plan.history.iter().find(|h| h.date <= session.date);
    let next = plan.history.iter().rev().find(|h| h.date > session.date);
    let days_since_last = last.map(|h| (session.date - h.date).get_days());
    let minima = catalog.interval_minima(product, indication, pediatric);
    for (neighbour, later) in [(last, false), (next, true)] {
        let Some(other) = neighbour else {
            continue;
        };
        let days = if later {
            (other.date - session.date).get_days()
        } else {
            (session.date - other.date).get_days()
        };
        let blocking = minima
            .iter()
            .filter(|m| {
                m.evidence == Evidence::Verified
                    && m.limit.is_some()
                    && !m.caution
                    && days * 2 < m.days
            })
            .max_by_key(|m| m.days);
        let longest = minima
            .iter()
            .max_by_key(|m| (m.days, m.limit.is_some()))
            .filter(|m| days < m.days);
        let Some(&IntervalMinimum {
            days: minimum,
            source,
            evidence,
            limit: limit_id,
            caution,
        }) = blocking.or(longest)
        else {
            continue;
        };
        let severity = if blocking.is_some() {
            Severity::Block
        } else {
            Severity::Warn
        };
        let booster = if days * 2 < minimum { "yes" } else { "no" };
        let basis = match (limit_id, caution) {
            (None, _) => "general",
            (Some(_), true) => "caution",
            (Some(_), false) => "label",
        };
        let (source, evidence): (&[String], Option<Evidence>) = if limit_id.is_none() {
            // bont's own default, not a label's figure for this indication.
            (&[], None)
        } else {
            (source, Some(evidence))
        };
        c.add(
            severity,
            "interval_too_short",
            d(
                if later {
                    "interval-too-short-later"
                } else {
                    "interval-too-short"
                },
                vec![
                    ("days", Arg::Count(days.into())),
                    ("last", Arg::Dose(other.dose.clone())),
                    ("last_date", Arg::Date(other.date)),
                    ("minimum", Arg::Count(minimum.into())),
                    ("booster", Arg::Choice(booster)),
                    ("basis", Arg::Choice(basis)),
                    ("indication", indication_arg()),
                ],
            ),
            source,
            evidence,
            limit_id,
        );
    }

    // Contraindications and warnings from the labels.
    let patient = &plan.patient;
    let has = |cond: Condition| patient.conditions.contains(&cond);
    let neuromuscular: Vec<Condition> = NEUROMUSCULAR.into_iter().filter(|x| has(*x)).collect();
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
        let region = || {
            (
                "region",
                Arg::Region(region(&rule.jurisdiction).unwrap_or_default()),
            )
        };
        let with_product = |id| d(id, vec![("product", product_arg()), region()]);
        let message = match rule.condition.as_str() {
            "hypersensitivity_to_bont_or_excipient" => {
                if patient.allergies.contains(&Allergy::BotulinumToxin) {
                    Some(("contraindicated", with_product("hypersensitivity")))
                } else if patient.allergies.contains(&Allergy::HumanAlbumin)
                    && product_facts.is_some_and(|p| p.contains_human_albumin)
                {
                    Some(("contraindicated", with_product("albumin-allergy")))
                } else {
                    None
                }
            }
            "infection_at_injection_site" if session.infection_at_site => {
                Some(("contraindicated", with_product("infection-at-site")))
            }
            "cow_milk_protein_allergy" if patient.allergies.contains(&Allergy::CowMilkProtein) => {
                Some(("contraindicated", with_product("cow-milk-allergy")))
            }
            "neuromuscular_disease" if !neuromuscular.is_empty() => Some((
                code_if("contraindicated", "neuromuscular_disorder"),
                d(
                    "neuromuscular-contraindicated",
                    vec![
                        ("conditions", Arg::Conditions(neuromuscular.clone())),
                        ("product", product_arg()),
                        region(),
                    ],
                ),
            )),
            "preexisting_dyspnoea_or_dysphagia"
                if has(Condition::Dysphagia) || has(Condition::RespiratoryCompromise) =>
            {
                Some((
                    code_if("contraindicated", "dysphagia_or_breathing_difficulty"),
                    with_product("dysphagia-contraindicated"),
                ))
            }
            "neuromuscular_junction_disorder_or_motor_neuropathy_or_als"
                if !neuromuscular.is_empty() =>
            {
                Some((
                    "neuromuscular_disorder",
                    d(
                        "neuromuscular-warning",
                        vec![
                            ("conditions", Arg::Conditions(neuromuscular.clone())),
                            region(),
                        ],
                    ),
                ))
            }
            "preexisting_dysphagia_or_breathing_difficulty_or_compromised_respiration"
                if has(Condition::Dysphagia) || has(Condition::RespiratoryCompromise) =>
            {
                Some((
                    "dysphagia_or_breathing_difficulty",
                    d("dysphagia-warning", vec![region()]),
                ))
            }
            "preexisting_cardiovascular_disease" if has(Condition::CardiovascularDisease) => {
                Some(("cardiovascular_disease", with_product("cardiovascular")))
            }
            "pregnancy" if patient.pregnant => {
                Some(("pregnancy_or_breastfeeding", d("pregnant", Vec::new())))
            }
            "breastfeeding" if patient.breastfeeding => {
                Some(("pregnancy_or_breastfeeding", d("breastfeeding", Vec::new())))
            }
            "periocular_injection_reduced_blink" => {
                let mut near_eye: Vec<String> = session
                    .injections
                    .iter()
                    .filter(|i| {
                        catalog
                            .muscle(&i.muscle)
                            .is_some_and(|m| m.region == "periocular")
                    })
                    .map(|i| i.muscle.clone())
                    .collect();
                near_eye.dedup();
                // Around the eye is where blepharospasm and hemifacial spasm are treated: there
                // the warning is a reminder, elsewhere a caution.
                let expected = matches!(
                    indication,
                    "blepharospasm" | "hemifacial_spasm" | "facial_synkinesis"
                );
                periocular_expected = expected;
                (!near_eye.is_empty()).then(|| {
                    (
                        "periocular_injection",
                        d("periocular", vec![("muscles", Arg::Muscles(near_eye))]),
                    )
                })
            }
            "other_bont_within_4_months" => {
                let lookback = rule.lookback_days.unwrap_or(120);
                let since = session
                    .date
                    .checked_sub(jiff::Span::new().days(i64::from(lookback)))
                    .ok();
                let until = session
                    .date
                    .checked_add(jiff::Span::new().days(i64::from(lookback)))
                    .ok();
                let others: Vec<_> = plan
                    .history
                    .iter()
                    .filter(|h| {
                        h.dose.product != *product
                            && since.is_none_or(|s| h.date > s)
                            && until.is_none_or(|u| h.date < u)
                    })
                    .collect();
                if others.is_empty() {
                    None
                } else {
                    let mut parts = Vec::new();
                    for h in others {
                        let days = (session.date - h.date).get_days();
                        let mut args = vec![
                            ("dose", Arg::Dose(h.dose.clone())),
                            ("date", Arg::Date(h.date)),
                            ("days", Arg::Count(days.abs().into())),
                            ("later", Arg::Choice(if days < 0 { "yes" } else { "no" })),
                        ];
                        let part = if let Some(eq) = approximate(catalog, &h.dose, product) {
                            args.extend([
                                ("low", Arg::Number(round2(eq.low))),
                                ("high", Arg::Number(round2(eq.high))),
                                ("product", product_arg()),
                                ("ratio", Arg::Ratio(eq.ratio.clone())),
                                ("sources", Arg::Verbatim(eq.source.join(", "))),
                            ]);
                            other_products.push(eq);
                            d("other-product-part-equivalent", args)
                        } else {
                            d("other-product-part", args)
                        };
                        parts.push(part);
                    }
                    Some((
                        "other_product_in_window",
                        d(
                            "other-product",
                            vec![
                                ("lookback", Arg::Count(lookback.into())),
                                ("parts", Arg::Parts(parts)),
                            ],
                        ),
                    ))
                }
            }
            _ => None,
        };
        if let Some((code, detail)) = message {
            let severity = match code {
                "contraindicated" => severity,
                "periocular_injection" if periocular_expected => Severity::Info,
                _ => Severity::Warn,
            };
            c.add(
                severity,
                code,
                detail,
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
                d(
                    "interacting-medication",
                    vec![
                        ("drugs", Arg::Verbatim(drugs.join(", "))),
                        ("class", Arg::MedicationClass(class)),
                        ("effect", Arg::DataText(interaction.effect.clone())),
                    ],
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
                d(
                    "structure-to-avoid",
                    vec![
                        ("muscle", Arg::Muscle(m.id.clone())),
                        ("reason", Arg::DataText(reason)),
                    ],
                ),
                &m.source,
                None,
                None,
            );
        }
        if m.paired && inj.side == Side::Midline {
            c.add(
                Severity::Warn,
                "side_unusual",
                d("side-unusual", vec![("muscle", Arg::Muscle(m.id.clone()))]),
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
                d(
                    "muscle-unusual",
                    vec![
                        ("muscle", Arg::Muscle(m.id.clone())),
                        ("indication", indication_arg()),
                    ],
                ),
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
            d("bilateral-scm", Vec::new()),
            &["JANKOVIC-1990".to_owned()],
            Some(Evidence::Verified),
            None,
        );
    }

    // Earlier adverse events: each is shown; repeating the product and muscles of a session
    // followed by a serious event or a sign of distant spread, or by dysphagia after neck
    // muscles, warns with the event named.
    let planned_muscles: std::collections::BTreeSet<&str> = session
        .injections
        .iter()
        .map(|i| i.muscle.as_str())
        .collect();
    let is_neck = |m: &str| {
        catalog
            .muscle(m)
            .is_some_and(|m| m.region.starts_with("neck"))
    };
    for event in plan
        .adverse_events
        .iter()
        .filter(|e| e.session_date <= session.date)
    {
        let mut repeated: Vec<String> = event
            .muscles
            .iter()
            .filter(|m| planned_muscles.contains(m.as_str()))
            .cloned()
            .collect();
        repeated.dedup();
        let same = event.product == *product && !repeated.is_empty();
        let grave = event.severity == "serious"
            || matches!(
                event.kind.as_str(),
                "distant_spread" | "breathing_difficulty"
            );
        let swallowing_after_neck =
            event.kind == "dysphagia" && event.muscles.iter().any(|m| is_neck(m));
        let mut args = vec![
            ("event", Arg::AdverseEvent(event.kind.clone())),
            ("severity", Arg::AdverseSeverity(event.severity.to_owned())),
            ("date", Arg::Date(event.session_date)),
            ("product", Arg::Product(event.product.clone())),
            ("muscles", Arg::Muscles(event.muscles.clone())),
        ];
        if same && (grave || swallowing_after_neck) {
            args.push(("repeated", Arg::Muscles(repeated)));
            c.add(
                Severity::Warn,
                "earlier_adverse_event",
                d("adverse-event-repeated", args),
                &[],
                None,
                None,
            );
        } else {
            c.add(
                Severity::Info,
                "earlier_adverse_event",
                d("adverse-event-earlier", args),
                &[],
                None,
                None,
            );
        }
    }

    // Dilution against the label's reconstitution table.
    if let (Some(r), Some(conc)) = (session.reconstitution, units_per_ml) {
        let per_tenth = conc / 10.0;
        let table: Vec<_> = catalog
            .dilutions
            .iter()
            .filter(|d| d.product == product.as_str())
            .collect();
        // A ready-to-use solution the label lets dilute with saline: any dilution is labelled.
        let any_dilution = table.iter().any(|d| d.ready_to_use && d.saline_allowed);
        if !table.is_empty()
            && !any_dilution
            && !table
                .iter()
                .any(|d| (d.units_per_0_1ml - per_tenth).abs() < 1e-6)
        {
            let mut usual: Vec<f64> = table.iter().map(|d| d.units_per_0_1ml).collect();
            usual.sort_by(f64::total_cmp);
            usual.dedup();
            let sources: Vec<String> = table.iter().flat_map(|d| d.source.clone()).collect();
            c.add(
                Severity::Warn,
                "dilution_unusual",
                d(
                    "dilution-unusual",
                    vec![
                        ("vial", Arg::Number(r.vial_units.as_f64())),
                        ("diluent_ml", Arg::Number(r.diluent_ml.unwrap_or(0.0))),
                        ("per_tenth", Arg::Number(round2(per_tenth))),
                        ("product", product_arg()),
                        ("usual", Arg::Numbers(usual)),
                    ],
                ),
                &sources,
                None,
                None,
            );
        }
    }

    let mut findings = c.findings;
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.code.cmp(b.code)));
    findings.dedup_by(|a, b| a.code == b.code && a.detail == b.detail);
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

/// The `window`-day window holding the planned session with the most of its product:
/// (its first day, its last day, the units of the product in the other sessions in it).
/// Windows end on the session's day or on a later session's day, so sessions entered
/// late count the ones dated after them.
fn fullest_window(
    plan: &Plan,
    product: &ProductId,
    window: i32,
) -> (jiff::civil::Date, jiff::civil::Date, Units) {
    let day = plan.session.date;
    let span = |days: i32| jiff::Span::new().days(i64::from(days));
    let same: Vec<_> = plan
        .history
        .iter()
        .filter(|h| h.dose.product == *product)
        .collect();
    let ends = std::iter::once(day).chain(
        same.iter()
            .map(|h| h.date)
            .filter(|d| *d > day && (*d - day).get_days() < window),
    );
    let mut best = (day, Units::ZERO);
    for end in ends {
        let start = end.checked_sub(span(window - 1)).unwrap_or(end);
        let others = same
            .iter()
            .filter(|h| h.date >= start && h.date <= end)
            .fold(Units::ZERO, |sum, h| sum.plus(h.dose.units));
        if others > best.1 {
            best = (end, others);
        }
    }
    let (end, others) = best;
    let start = end.checked_sub(span(window - 1)).unwrap_or(end);
    (start, end, others)
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
