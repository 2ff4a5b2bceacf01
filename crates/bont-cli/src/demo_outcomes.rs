//! The outcomes of the demo clinic: each synthetic patient gets a course (how well the
//! toxin works for them and how long it lasts), from which baseline, peak and
//! before-reinjection assessments on the indication's scales, reports of how long the
//! benefit lasted, Goal Attainment Scaling goals for spasticity, follow-up calls (most
//! reached, some never), and now and then an adverse event are recorded. Two patients
//! lose their response after responding (possible secondary non-response). Every entry
//! passes through the same domain checks as the forms.

use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::{AssessmentInput, MuscleRow};
use bont_core::outcomes::goals::GoalInput;
use bont_core::treatment::TreatmentInput;
use bont_core::vocabulary::Indication;
use std::collections::BTreeMap;

/// How one patient responds.
#[derive(Debug, Clone)]
pub struct Course {
    /// Fraction of the symptom gone at peak (0 = none, 1 = all).
    pub response: f64,
    /// From this cycle on, the response is lost (secondary non-response).
    pub lost_from: Option<usize>,
    /// How long the benefit lasts, in weeks.
    pub benefit_weeks: f64,
    /// Severity at baseline, 0 to 1 of the scale's range.
    pub severity: f64,
}

impl Course {
    pub fn new(rng: &mut fastrand::Rng, cycles: usize, loses_response: bool) -> Course {
        // About one patient in eight hardly responds at all (primary non-response).
        let response = if rng.f64() < 0.12 {
            0.05 + 0.1 * rng.f64()
        } else {
            0.35 + 0.4 * rng.f64()
        };
        Course {
            response: if loses_response { 0.65 } else { response },
            lost_from: loses_response.then(|| cycles.saturating_sub(2)),
            benefit_weeks: (9.0 + 7.0 * rng.f64()).round(),
            severity: 0.55 + 0.35 * rng.f64(),
        }
    }

    /// The response in cycle `i` (a little noise around the patient's own).
    pub fn response_in(&self, rng: &mut fastrand::Rng, i: usize) -> f64 {
        if self.lost_from.is_some_and(|from| i >= from) {
            return 0.03;
        }
        (self.response + 0.1 * (rng.f64() - 0.5)).clamp(0.0, 0.95)
    }
}

fn assessment(scale: &str, date: &str, timepoint: &str) -> AssessmentInput {
    AssessmentInput {
        scale: scale.into(),
        date: date.into(),
        timepoint: timepoint.into(),
        ..AssessmentInput::default()
    }
}

fn scored(scale: &str, date: &str, timepoint: &str, score: f64) -> AssessmentInput {
    AssessmentInput {
        score: Some(score),
        ..assessment(scale, date, timepoint)
    }
}

/// MAS levels by how severe (0 to 1).
fn mas_level(severity: f64) -> &'static str {
    ["0", "1", "1+", "2", "3", "4"][((severity * 5.0).round() as usize).min(5)]
}

/// The assessments of a patient on `date`: `effect` is 0 before the toxin works (baseline,
/// before re-injection) and the cycle's response at peak.
pub fn assessments(
    rng: &mut fastrand::Rng,
    course: &Course,
    indication: Indication,
    session: &TreatmentInput,
    date: &str,
    timepoint: &str,
    effect: f64,
) -> Vec<AssessmentInput> {
    let left = 1.0 - effect;
    let jitter = |rng: &mut fastrand::Rng| 1.0 + 0.08 * (rng.f64() - 0.5);
    let mut out = Vec::new();
    match indication {
        Indication::ChronicMigraine => {
            let days = (course.severity * 28.0 * left * jitter(rng))
                .round()
                .clamp(0.0, 31.0);
            out.push(scored("monthly_headache_days", date, timepoint, days));
            let hit6 = (36.0 + (78.0 - 36.0) * course.severity * (0.4 + 0.6 * left)).round();
            out.push(scored("hit6", date, timepoint, hit6.clamp(36.0, 78.0)));
        }
        Indication::CervicalDystonia => {
            let part = |max: f64, rng: &mut fastrand::Rng| {
                (max * course.severity * left * jitter(rng))
                    .round()
                    .clamp(0.0, max)
            };
            let parts: BTreeMap<String, f64> =
                [("severity", 35.0), ("disability", 30.0), ("pain", 20.0)]
                    .into_iter()
                    .map(|(id, max)| (id.to_owned(), part(max, rng)))
                    .collect();
            out.push(AssessmentInput {
                parts,
                ..assessment("twstrs", date, timepoint)
            });
        }
        Indication::Blepharospasm | Indication::HemifacialSpasm => {
            let part = |rng: &mut fastrand::Rng| {
                (4.0 * course.severity * left * jitter(rng))
                    .round()
                    .clamp(0.0, 4.0)
            };
            let parts: BTreeMap<String, f64> = ["severity", "frequency"]
                .into_iter()
                .map(|id| (id.to_owned(), part(rng)))
                .collect();
            out.push(AssessmentInput {
                parts,
                ..assessment("jrs", date, timepoint)
            });
        }
        Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity => {
            let rows: Vec<MuscleRow> = session
                .injections
                .iter()
                .filter(|i| i.side == "left" || i.side == "right")
                .take(3)
                .map(|i| MuscleRow {
                    muscle: i.muscle.clone(),
                    side: i.side.clone(),
                    level: Some(mas_level(course.severity * (0.5 + 0.5 * left)).to_owned()),
                    ..MuscleRow::default()
                })
                .collect();
            if !rows.is_empty() {
                out.push(AssessmentInput {
                    rows,
                    ..assessment("mas", date, timepoint)
                });
            }
        }
        Indication::AxillaryHyperhidrosis => {
            let hdss = if effect > 0.3 {
                1.0 + (rng.f64() < 0.4) as u8 as f64
            } else {
                3.0 + (course.severity > 0.75) as u8 as f64
            };
            out.push(scored("hdss", date, timepoint, hdss));
        }
        _ => {}
    }
    if timepoint == "peak" {
        // The physician's global impression of change at every peak visit.
        let cgi = if effect > 0.45 {
            1.0 + (rng.f64() < 0.6) as u8 as f64
        } else if effect > 0.25 {
            3.0
        } else {
            4.0
        };
        out.push(scored("cgi_i", date, timepoint, cgi));
    }
    out
}

/// How long the benefit lasted, as the patient tells it before the next session.
pub fn benefit_report(rng: &mut fastrand::Rng, course: &Course, date: &str) -> AssessmentInput {
    let weeks = (course.benefit_weeks + 2.0 * (rng.f64() - 0.5))
        .round()
        .max(1.0);
    scored("benefit_weeks", date, "before_reinjection", weeks)
}

/// Two goals set with a patient treated for spasticity.
pub fn spasticity_goals(indication: Indication, date: &str) -> Vec<GoalInput> {
    let (function, participation) = if indication == Indication::UpperLimbSpasticity {
        (
            "Open the hand enough to hold a cup",
            "Dress the upper body without help",
        )
    } else {
        (
            "Walk 50 metres without the foot catching",
            "Go to the shop with a walking stick",
        )
    };
    vec![
        GoalInput {
            domain: "function".into(),
            text: function.into(),
            weight: Some(2),
            baseline: -1,
            set_on: date.into(),
        },
        GoalInput {
            domain: "participation".into(),
            text: participation.into(),
            weight: Some(1),
            baseline: -2,
            set_on: date.into(),
        },
    ]
}

/// The level a goal reaches at peak for a response.
pub fn goal_level(rng: &mut fastrand::Rng, baseline: i8, response: f64) -> i8 {
    let gained = (response * 4.0 + (rng.f64() - 0.5)).round() as i8;
    (baseline + gained).clamp(-2, 2)
}

/// An adverse event typical of the indication, mostly mild; rarely serious.
pub fn adverse_event(
    rng: &mut fastrand::Rng,
    indication: Indication,
    session: &TreatmentInput,
) -> AdverseEventInput {
    let kinds: &[&str] = match indication {
        Indication::CervicalDystonia => &[
            "dysphagia",
            "neck_weakness",
            "injection_site_pain",
            "dry_mouth",
        ],
        Indication::ChronicMigraine => {
            &["injection_site_pain", "ptosis", "headache", "neck_weakness"]
        }
        Indication::Blepharospasm | Indication::HemifacialSpasm => {
            &["ptosis", "bruising", "blurred_vision"]
        }
        Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity => {
            &["local_weakness", "injection_site_pain", "flu_like_symptoms"]
        }
        Indication::Sialorrhea => &["dry_mouth", "dysphagia"],
        _ => &["injection_site_pain", "bruising"],
    };
    let kind = kinds[rng.usize(..kinds.len())];
    let serious = rng.f64() < 0.04;
    let severity = if serious {
        "serious"
    } else if rng.f64() < 0.75 {
        "mild"
    } else {
        "moderate"
    };
    AdverseEventInput {
        kind: kind.into(),
        onset_day: rng.u32(1..10),
        duration_days: Some(rng.u32(3..28)),
        severity: severity.into(),
        outcome: "resolved".into(),
        actions: vec![
            if serious {
                "treatment_given"
            } else {
                "observation"
            }
            .into(),
        ],
        lot: session
            .vials
            .first()
            .map(|v| v.lot.clone())
            .unwrap_or_default(),
        detail: String::new(),
    }
}
