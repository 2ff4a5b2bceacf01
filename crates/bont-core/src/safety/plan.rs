//! A plan to check: the patient, their earlier sessions and the planned session. The JSON
//! shape ([`PlanInput`]) is the one `bont check` reads and the API accepts;
//! [`Plan::parse`] checks it against the catalogue and names every faulty field.

use super::catalog::Catalog;
use super::units::{Dose, ProductId, Units};
use crate::field::Problem;
use crate::patient::parse_date;
use crate::vocabulary::{Allergy, Condition, Indication, MedicationClass};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    pub patient: PatientFacts,
    #[serde(default)]
    pub history: Vec<PastSessionInput>,
    /// The patient's earlier adverse events, each with the session it followed.
    #[serde(default)]
    pub adverse_events: Vec<PastAdverseEventInput>,
    pub session: SessionInput,
}

/// An adverse event after an earlier session: its coded kind and severity, and the
/// session's date, product and muscles.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PastAdverseEventInput {
    pub kind: String,
    pub severity: String,
    pub session_date: String,
    pub product: String,
    #[serde(default)]
    pub muscles: Vec<String>,
}

/// Adverse event severities, mildest first.
pub const ADVERSE_SEVERITIES: [&str; 4] = ["mild", "moderate", "severe", "serious"];

/// A checked earlier adverse event.
#[derive(Debug, Clone, PartialEq)]
pub struct PastAdverseEvent {
    pub kind: String,
    pub severity: &'static str,
    pub session_date: Date,
    pub product: ProductId,
    pub muscles: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PatientFacts {
    pub birth_date: String,
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub weight_kg: Option<f64>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub medications: Vec<String>,
    #[serde(default)]
    pub pregnant: bool,
    #[serde(default)]
    pub breastfeeding: bool,
    #[serde(default)]
    pub allergies: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PastSessionInput {
    pub date: String,
    pub product: String,
    #[serde(default)]
    pub indication: Option<String>,
    pub total_units: f64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    pub date: String,
    pub product: String,
    pub indication: String,
    #[serde(default)]
    pub vial_units: Option<f64>,
    #[serde(default)]
    pub diluent_ml: Option<f64>,
    #[serde(default)]
    pub infection_at_site: bool,
    pub injections: Vec<InjectionInput>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InjectionInput {
    pub muscle: String,
    pub side: String,
    pub units: f64,
    #[serde(default = "one")]
    pub sites: u32,
    /// How the muscle is found: emg, ultrasound, stimulation or landmarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
}

/// Ways of locating a muscle.
pub const GUIDANCE: [&str; 4] = ["emg", "ultrasound", "stimulation", "landmarks"];

fn one() -> u32 {
    1
}

/// Where an injection goes. `Both` means the same dose on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
    Both,
    Midline,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Left, Side::Right, Side::Both, Side::Midline];

    pub fn parse(raw: &str) -> Option<Side> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "left" | "l" => Some(Side::Left),
            "right" | "r" => Some(Side::Right),
            "both" | "bilateral" => Some(Side::Both),
            "midline" | "central" => Some(Side::Midline),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
            Side::Midline => "midline",
        }
    }
}

/// One faulty field of a plan, by its path (`session.injections[2].units`): what is wrong
/// ([`Problem`], which each language words for itself) and the English sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanError {
    pub field: String,
    pub message: String,
    /// `code` and the problem's figures, as the API reports them.
    #[serde(flatten)]
    pub problem: Problem,
}

impl PlanError {
    pub fn new(field: impl Into<String>, problem: Problem) -> PlanError {
        PlanError {
            field: field.into(),
            message: problem.to_string(),
            problem,
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct PlanErrors(pub Vec<PlanError>);

impl fmt::Display for PlanErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            e.fmt(f)?;
        }
        Ok(())
    }
}

/// The checked patient facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Patient {
    pub birth_date: Date,
    pub weight_kg: Option<f64>,
    pub conditions: BTreeSet<Condition>,
    pub medications: Vec<String>,
    pub medication_classes: BTreeSet<MedicationClass>,
    pub allergies: BTreeSet<Allergy>,
    pub pregnant: bool,
    pub breastfeeding: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PastSession {
    pub date: Date,
    pub dose: Dose,
    pub indication: Option<Indication>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Injection {
    pub muscle: String,
    pub side: Side,
    /// Units on each side the row names (twice this in all for `Both`).
    pub units: Units,
    /// Sites on each side.
    pub sites: u32,
    /// How the muscle was found (one of [`GUIDANCE`]), when recorded.
    pub guidance: Option<&'static str>,
}

/// Reconstitution: a vial of `vial_units` in `diluent_ml` of saline (for a ready-to-use
/// solution, the saline added to it, possibly none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reconstitution {
    pub vial_units: Units,
    pub diluent_ml: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub date: Date,
    pub product: ProductId,
    pub indication: Indication,
    pub reconstitution: Option<Reconstitution>,
    pub infection_at_site: bool,
    pub injections: Vec<Injection>,
}

/// A checked plan. History is ordered newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub patient: Patient,
    pub history: Vec<PastSession>,
    pub adverse_events: Vec<PastAdverseEvent>,
    pub session: Session,
}

pub use super::catalog::DILUENT_ML;
/// Sites per row and side accepted.
pub const SITES_MAX: u32 = 50;

/// Injection rows one session may have. Even a large spasticity session names a few
/// dozen muscles; a plan with more is refused whole (the rows are not read), so that
/// the work of one check stays bounded.
pub const INJECTIONS_MAX: usize = 100;

fn condition(raw: &str) -> Option<Condition> {
    let id = raw.trim().to_ascii_lowercase();
    let id = match id.as_str() {
        "amyotrophic_lateral_sclerosis" => "als",
        "lambert_eaton_syndrome" => "lambert_eaton",
        "peripheral_neuropathy" | "peripheral_motor_neuropathy" => "motor_neuropathy",
        "neuromuscular_junction_disorder" => "neuromuscular_disease",
        "preexisting_dysphagia" | "swallowing_difficulty" => "dysphagia",
        "breathing_difficulty" | "compromised_respiration" | "dyspnoea" | "dyspnea" => {
            "respiratory_compromise"
        }
        "preexisting_cardiovascular_disease" => "cardiovascular_disease",
        other => other,
    };
    Condition::parse(id).ok()
}

fn allergy(raw: &str) -> Option<Allergy> {
    let id = raw.trim().to_ascii_lowercase();
    let id = match id.as_str() {
        "botulinum_toxins" | "bont" | "toxin" => "botulinum_toxin",
        "albumin" => "human_albumin",
        "cow_milk" | "milk_protein" | "cows_milk_protein" => "cow_milk_protein",
        other => other,
    };
    Allergy::parse(id).ok()
}

fn shown(raw: &str) -> String {
    raw.chars().take(60).collect()
}

impl Plan {
    /// Checks a plan's input. `today` is the clinic's day: neither the planned session nor
    /// an earlier one can be dated after it. Sessions dated between the planned one and
    /// today are later sessions and count in the planned one's windows.
    pub fn parse(input: &PlanInput, catalog: &Catalog, today: Date) -> Result<Plan, PlanErrors> {
        let mut errors = Vec::new();
        let mut fail =
            |field: String, problem: Problem| errors.push(PlanError::new(field, problem));

        let birth_date = match parse_date(&input.patient.birth_date) {
            Ok(d) => Some(d),
            Err(p) => {
                fail("patient.birth_date".into(), p);
                None
            }
        };
        if let Some(w) = input.patient.weight_kg
            && !(crate::patient::WEIGHT_KG_MIN..=crate::patient::WEIGHT_KG_MAX).contains(&w)
        {
            fail(
                "patient.weight_kg".into(),
                Problem::Outside {
                    value: w.to_string(),
                    min: crate::patient::WEIGHT_KG_MIN.to_string(),
                    max: crate::patient::WEIGHT_KG_MAX.to_string(),
                    unit: "kg",
                },
            );
        }
        let mut conditions = BTreeSet::new();
        for (i, c) in input.patient.conditions.iter().enumerate() {
            match condition(c) {
                Some(c) => {
                    conditions.insert(c);
                }
                None => fail(
                    format!("patient.conditions[{i}]"),
                    Problem::NotKnown {
                        value: shown(c),
                        kind: "condition",
                    },
                ),
            }
        }
        let mut allergies = BTreeSet::new();
        for (i, a) in input.patient.allergies.iter().enumerate() {
            match allergy(a) {
                Some(a) => {
                    allergies.insert(a);
                }
                None => fail(
                    format!("patient.allergies[{i}]"),
                    Problem::NotKnown {
                        value: shown(a),
                        kind: "allergy",
                    },
                ),
            }
        }
        let medication_classes = input
            .patient
            .medications
            .iter()
            .filter_map(|m| MedicationClass::of_medication(m))
            .collect();

        let session_date = match parse_date(&input.session.date) {
            Ok(d) => Some(d),
            Err(p) => {
                fail("session.date".into(), p);
                None
            }
        };
        if let (Some(b), Some(s)) = (birth_date, session_date)
            && s < b
        {
            fail("session.date".into(), Problem::BeforeBirth);
        }
        if let Some(s) = session_date
            && s > today
        {
            fail(
                "session.date".into(),
                Problem::SessionInFuture {
                    value: s.to_string(),
                },
            );
        }
        let product = catalog.product(&input.session.product);
        if product.is_none() {
            fail(
                "session.product".into(),
                Problem::NotKnown {
                    value: shown(&input.session.product),
                    kind: "product",
                },
            );
        }
        let indication = Indication::parse(&input.session.indication).ok();
        if indication.is_none() {
            fail(
                "session.indication".into(),
                Problem::NotKnown {
                    value: shown(&input.session.indication),
                    kind: "indication",
                },
            );
        }

        let mut history = Vec::new();
        for (i, h) in input.history.iter().enumerate() {
            let date = match parse_date(&h.date) {
                Ok(d) => Some(d),
                Err(p) => {
                    fail(format!("history[{i}].date"), p);
                    None
                }
            };
            if let Some(d) = date
                && d > today
            {
                fail(
                    format!("history[{i}].date"),
                    Problem::SessionInFuture {
                        value: d.to_string(),
                    },
                );
            }
            let past_product = catalog.product(&h.product).map(|(id, _)| id);
            if past_product.is_none() {
                fail(
                    format!("history[{i}].product"),
                    Problem::NotKnown {
                        value: shown(&h.product),
                        kind: "product",
                    },
                );
            }
            let past_indication = match &h.indication {
                None => None,
                Some(raw) => match Indication::parse(raw) {
                    Ok(ind) => Some(ind),
                    Err(_) => {
                        fail(
                            format!("history[{i}].indication"),
                            Problem::NotKnown {
                                value: shown(raw),
                                kind: "indication",
                            },
                        );
                        None
                    }
                },
            };
            let units = Units::from_f64(h.total_units).filter(|u| *u > Units::ZERO);
            if units.is_none() {
                fail(
                    format!("history[{i}].total_units"),
                    Problem::ImplausibleUnits {
                        value: h.total_units.to_string(),
                        vial: false,
                    },
                );
            }
            if let (Some(date), Some(product), Some(units)) = (date, past_product, units) {
                history.push(PastSession {
                    date,
                    dose: Dose::new(product, units),
                    indication: past_indication,
                });
            }
        }
        history.sort_by_key(|h| std::cmp::Reverse(h.date));

        let mut adverse_events = Vec::new();
        for (i, a) in input.adverse_events.iter().enumerate() {
            let field = |name: &str| format!("adverse_events[{i}].{name}");
            let date = parse_date(&a.session_date)
                .map_err(|p| fail(field("session_date"), p))
                .ok();
            let product = catalog.product(&a.product).map(|(id, _)| id);
            if product.is_none() {
                fail(
                    field("product"),
                    Problem::NotKnown {
                        value: shown(&a.product),
                        kind: "product",
                    },
                );
            }
            let severity = ADVERSE_SEVERITIES
                .iter()
                .find(|s| **s == a.severity.trim())
                .copied();
            if severity.is_none() {
                fail(
                    field("severity"),
                    Problem::NotOneOf {
                        value: shown(&a.severity),
                        allowed: ADVERSE_SEVERITIES.map(str::to_owned).to_vec(),
                    },
                );
            }
            if let (Some(session_date), Some(product), Some(severity)) = (date, product, severity) {
                adverse_events.push(PastAdverseEvent {
                    kind: a.kind.trim().to_owned(),
                    severity,
                    session_date,
                    product,
                    muscles: a.muscles.iter().map(|m| m.trim().to_owned()).collect(),
                });
            }
        }

        let ready_to_use = product
            .as_ref()
            .and_then(|(_, p)| p.concentration_units_per_ml)
            .is_some();
        let reconstitution = match (input.session.vial_units, input.session.diluent_ml) {
            (None, None) => None,
            (None, Some(_)) => {
                fail(
                    "session.vial_units".into(),
                    Problem::RequiredBecause {
                        because: "diluent_given",
                    },
                );
                None
            }
            (Some(v), diluent) => {
                let vial = Units::from_f64(v).filter(|u| *u > Units::ZERO);
                if vial.is_none() {
                    fail(
                        "session.vial_units".into(),
                        Problem::ImplausibleUnits {
                            value: v.to_string(),
                            vial: true,
                        },
                    );
                }
                let (smallest, largest) = product
                    .as_ref()
                    .map_or(DILUENT_ML, |(_, p)| catalog.diluent_bounds(&p.id));
                let low = if ready_to_use { 0.0 } else { smallest };
                match diluent {
                    Some(ml) if !(low..=largest).contains(&ml) => {
                        fail(
                            "session.diluent_ml".into(),
                            Problem::Outside {
                                value: ml.to_string(),
                                min: low.to_string(),
                                max: largest.to_string(),
                                unit: "ml",
                            },
                        );
                    }
                    None if !ready_to_use => {
                        fail(
                            "session.diluent_ml".into(),
                            Problem::RequiredBecause { because: "powder" },
                        );
                    }
                    _ => {}
                }
                vial.map(|vial_units| Reconstitution {
                    vial_units,
                    diluent_ml: diluent,
                })
            }
        };

        if input.session.injections.is_empty() {
            fail("session.injections".into(), Problem::NoInjections);
        }
        let rows = if input.session.injections.len() > INJECTIONS_MAX {
            fail(
                "session.injections".into(),
                Problem::TooMany {
                    max: INJECTIONS_MAX,
                },
            );
            &[][..]
        } else {
            &input.session.injections[..]
        };
        let mut injections = Vec::new();
        for (i, inj) in rows.iter().enumerate() {
            // An id, or a name in any interface language that points to one muscle.
            let muscle = crate::names::Names::builtin().resolve_muscle(catalog, &inj.muscle);
            if muscle.is_none() {
                let found = crate::names::Names::builtin().search_muscles(catalog, &inj.muscle);
                fail(
                    format!("session.injections[{i}].muscle"),
                    Problem::UnknownMuscle {
                        value: shown(&inj.muscle),
                        candidates: found.iter().take(4).map(|m| m.id.clone()).collect(),
                    },
                );
            }
            let side = Side::parse(&inj.side);
            if inj.side.trim().is_empty() {
                // No default side: a wrong side is a wrong-site injection.
                fail(format!("session.injections[{i}].side"), Problem::Required);
            } else if side.is_none() {
                fail(
                    format!("session.injections[{i}].side"),
                    Problem::NotOneOf {
                        value: shown(&inj.side),
                        allowed: Side::ALL.iter().map(|s| s.as_str().to_owned()).collect(),
                    },
                );
            }
            let units = Units::from_f64(inj.units).filter(|u| *u > Units::ZERO);
            if units.is_none() {
                fail(
                    format!("session.injections[{i}].units"),
                    Problem::ImplausibleUnits {
                        value: inj.units.to_string(),
                        vial: false,
                    },
                );
            }
            if inj.sites == 0 || inj.sites > SITES_MAX {
                fail(
                    format!("session.injections[{i}].sites"),
                    Problem::Outside {
                        value: inj.sites.to_string(),
                        min: "1".into(),
                        max: SITES_MAX.to_string(),
                        unit: "sites",
                    },
                );
            } else if units.is_some_and(|u| f64::from(inj.sites) > u.as_f64()) {
                fail(
                    format!("session.injections[{i}].sites"),
                    Problem::MoreSitesThanUnits {
                        sites: inj.sites,
                        units: inj.units.to_string(),
                    },
                );
            }
            if let Some(g) = &inj.guidance
                && !g.trim().is_empty()
                && !GUIDANCE.contains(&g.trim())
            {
                fail(
                    format!("session.injections[{i}].guidance"),
                    Problem::NotOneOf {
                        value: shown(g),
                        allowed: GUIDANCE.map(str::to_owned).to_vec(),
                    },
                );
            }
            if let (Some(m), Some(side), Some(units)) = (muscle, side, units) {
                injections.push(Injection {
                    muscle: m.id.clone(),
                    side,
                    units,
                    sites: inj.sites.clamp(1, SITES_MAX),
                    guidance: inj
                        .guidance
                        .as_deref()
                        .and_then(|g| GUIDANCE.iter().find(|k| **k == g.trim()).copied()),
                });
            }
        }

        // A dose far beyond anything the product's labels give is a typing error, not a
        // clinical judgement: refused at its row, or at the rows when only their sum is. It
        // replaces the general "not a plausible number" of a row, naming the product's figure.
        if let Some((_, product)) = &product
            && let Some((largest, ceiling)) =
                catalog.plausible_ceiling(&ProductId::new(&product.id))
        {
            let implausible = |units: f64, whole: bool| Problem::ImplausibleDose {
                units: if units.fract() == 0.0 {
                    format!("{units:.0}")
                } else {
                    units.to_string()
                },
                product: product.id.clone(),
                largest: largest.to_string(),
                ceiling: ceiling.to_string(),
                whole,
            };
            let mut total = 0.0;
            let mut a_row_refused = false;
            for (i, inj) in input.session.injections.iter().enumerate() {
                if !inj.units.is_finite() || inj.units <= 0.0 {
                    continue;
                }
                let row = if Side::parse(&inj.side) == Some(Side::Both) {
                    inj.units * 2.0
                } else {
                    inj.units
                };
                total += row;
                if row > ceiling.as_f64() {
                    a_row_refused = true;
                    let field = format!("session.injections[{i}].units");
                    errors.retain(|e| e.field != field);
                    errors.push(PlanError::new(field, implausible(row, false)));
                }
            }
            if total > ceiling.as_f64() && !a_row_refused {
                errors.push(PlanError::new(
                    "session.injections",
                    implausible(total, true),
                ));
            }
        }

        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        Ok(Plan {
            patient: Patient {
                birth_date: birth_date.expect("checked"),
                weight_kg: input.patient.weight_kg,
                conditions,
                medications: input.patient.medications.clone(),
                medication_classes,
                allergies,
                pregnant: input.patient.pregnant,
                breastfeeding: input.patient.breastfeeding,
            },
            history,
            adverse_events,
            session: Session {
                date: session_date.expect("checked"),
                product: product.expect("checked").0,
                indication: indication.expect("checked"),
                reconstitution,
                infection_at_site: input.session.infection_at_site,
                injections,
            },
        })
    }
}
