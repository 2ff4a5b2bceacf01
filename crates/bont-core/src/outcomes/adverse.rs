//! Adverse events recorded against a session: the coded type, when it began and how long
//! it lasted, how bad it was, how it ended, what was done, and the product lot it traces to
//! (one of the session's vials). [`AdverseEventInput::check`] is the one check.

use super::book::OutcomeBook;
use crate::field::Problem;
use crate::safety::plan::{PlanError, PlanErrors};
use crate::treatment::TreatmentInput;
use serde::{Deserialize, Serialize};

pub const DETAIL_MAX: usize = 2000;
/// Days after the injection an event may begin and last; a plausibility bound (a year).
pub const DAYS_MAX: u32 = 365;

pub const SEVERITIES: [&str; 4] = ["mild", "moderate", "severe", "serious"];
pub const OUTCOMES: [&str; 5] = [
    "resolved",
    "resolving",
    "ongoing",
    "resolved_with_sequelae",
    "unknown",
];
pub const ACTIONS: [&str; 6] = [
    "none",
    "observation",
    "treatment_given",
    "hospital_admission",
    "dose_changed_next_time",
    "reported_to_authority",
];

/// What a front end submits.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AdverseEventInput {
    /// A coded type from `data/outcomes.toml`.
    pub kind: String,
    /// Days after the injection it began (0 = the same day).
    pub onset_day: u32,
    /// How many days it lasted; none while it goes on.
    #[serde(default)]
    pub duration_days: Option<u32>,
    pub severity: String,
    pub outcome: String,
    #[serde(default)]
    pub actions: Vec<String>,
    /// The lot of one of the session's vials; may be left empty when the session recorded none.
    #[serde(default)]
    pub lot: String,
    #[serde(default)]
    pub detail: String,
}

fn error(field: &str, problem: Problem) -> PlanError {
    PlanError::new(field, problem)
}

fn one_of(field: &str, raw: &str, allowed: &[&str], errors: &mut Vec<PlanError>) {
    if !allowed.contains(&raw.trim()) {
        errors.push(error(
            field,
            Problem::NotOneOf {
                value: raw.chars().take(30).collect(),
                allowed: allowed.iter().map(|a| (*a).to_owned()).collect(),
            },
        ));
    }
}

impl AdverseEventInput {
    /// Checks the event against the session it is recorded for. The answer is the input
    /// trimmed, with the lot as written on the session.
    pub fn check(
        &self,
        book: &OutcomeBook,
        session: &TreatmentInput,
    ) -> Result<AdverseEventInput, PlanErrors> {
        let mut errors = Vec::new();
        let kinds: Vec<&str> = book.adverse_events.iter().map(|a| a.id.as_str()).collect();
        one_of("kind", &self.kind, &kinds, &mut errors);
        if self.onset_day > DAYS_MAX {
            errors.push(error(
                "onset_day",
                Problem::Outside {
                    value: self.onset_day.to_string(),
                    min: "0".into(),
                    max: DAYS_MAX.to_string(),
                    unit: "days",
                },
            ));
        }
        if let Some(d) = self.duration_days
            && d > DAYS_MAX
        {
            errors.push(error(
                "duration_days",
                Problem::Outside {
                    value: d.to_string(),
                    min: "0".into(),
                    max: DAYS_MAX.to_string(),
                    unit: "days",
                },
            ));
        }
        one_of("severity", &self.severity, &SEVERITIES, &mut errors);
        one_of("outcome", &self.outcome, &OUTCOMES, &mut errors);
        if self.outcome.trim() == "ongoing" && self.duration_days.is_some() {
            errors.push(error("duration_days", Problem::EmptyWhileOngoing));
        }
        for (i, a) in self.actions.iter().enumerate() {
            one_of(&format!("actions[{i}]"), a, &ACTIONS, &mut errors);
        }
        let lot = self.lot.trim();
        let lots: Vec<&str> = session.vials.iter().map(|v| v.lot.trim()).collect();
        let lot = if lot.is_empty() {
            if lots.len() == 1 {
                // One vial: the event traces to it.
                lots[0].to_owned()
            } else if lots.is_empty() {
                String::new()
            } else {
                errors.push(error(
                    "lot",
                    Problem::ChooseLot {
                        lots: lots.iter().map(|l| (*l).to_owned()).collect(),
                    },
                ));
                String::new()
            }
        } else if let Some(found) = lots.iter().find(|l| l.eq_ignore_ascii_case(lot)) {
            (*found).to_owned()
        } else {
            errors.push(error(
                "lot",
                Problem::NotALotOfSession {
                    value: lot.chars().take(40).collect(),
                    lots: lots.iter().map(|l| (*l).to_owned()).collect(),
                },
            ));
            String::new()
        };
        if self.detail.chars().count() > DETAIL_MAX {
            errors.push(error("detail", Problem::TooLong { max: DETAIL_MAX }));
        }
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        let mut actions: Vec<String> = self.actions.iter().map(|a| a.trim().to_owned()).collect();
        actions.dedup();
        Ok(AdverseEventInput {
            kind: self.kind.trim().to_owned(),
            onset_day: self.onset_day,
            duration_days: self.duration_days,
            severity: self.severity.trim().to_owned(),
            outcome: self.outcome.trim().to_owned(),
            actions,
            lot,
            detail: self.detail.trim().to_owned(),
        })
    }

    /// Serious by its severity, or a sign of distant spread named by the boxed warning.
    pub fn is_alarming(&self, book: &OutcomeBook) -> bool {
        self.severity == "serious"
            || book
                .adverse_event(&self.kind)
                .is_some_and(|a| a.boxed_warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::treatment::VialInput;

    fn session(lots: &[&str]) -> TreatmentInput {
        serde_json::from_value(serde_json::json!({
            "date": "2026-11-01", "product": "Botox", "indication": "cervical_dystonia",
            "injections": [], "vials": lots.iter().map(|l| VialInput { lot: (*l).into(), expiry: "2027-01-01".into() }).collect::<Vec<_>>()
        }))
        .expect("session")
    }

    fn event() -> AdverseEventInput {
        AdverseEventInput {
            kind: "dysphagia".into(),
            onset_day: 5,
            duration_days: Some(10),
            severity: "moderate".into(),
            outcome: "resolved".into(),
            actions: vec!["observation".into()],
            lot: String::new(),
            detail: "Soft diet for a week.".into(),
        }
    }

    #[test]
    fn an_event_traces_to_the_sessions_lot() {
        let book = OutcomeBook::builtin();
        let e = event().check(&book, &session(&["C1234A"])).expect("valid");
        assert_eq!(e.lot, "C1234A");
        // Dysphagia is a sign named by the boxed warning.
        assert!(e.is_alarming(&book));
        let mut two = event();
        let err = two
            .check(&book, &session(&["A1", "B2"]))
            .expect_err("lot needed");
        assert_eq!(err.0[0].field, "lot");
        two.lot = "b2".into();
        assert_eq!(
            two.check(&book, &session(&["A1", "B2"]))
                .expect("valid")
                .lot,
            "B2"
        );
        two.lot = "Z9".into();
        assert_eq!(
            two.check(&book, &session(&["A1", "B2"]))
                .expect_err("unknown")
                .0[0]
                .field,
            "lot"
        );
    }

    #[test]
    fn every_field_is_checked() {
        let book = OutcomeBook::builtin();
        let bad = AdverseEventInput {
            kind: "sneezing".into(),
            onset_day: 400,
            duration_days: Some(3),
            severity: "grave".into(),
            outcome: "ongoing".into(),
            actions: vec!["prayer".into()],
            lot: String::new(),
            detail: "x".repeat(DETAIL_MAX + 1),
        };
        let fields: Vec<String> = bad
            .check(&book, &session(&[]))
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "kind",
                "onset_day",
                "severity",
                "duration_days",
                "actions[0]",
                "detail"
            ]
        );
        let mild = AdverseEventInput {
            kind: "bruising".into(),
            severity: "mild".into(),
            ..event()
        };
        assert!(
            !mild
                .check(&book, &session(&[]))
                .expect("valid")
                .is_alarming(&book)
        );
        let serious = AdverseEventInput {
            kind: "bruising".into(),
            severity: "serious".into(),
            ..event()
        };
        assert!(serious.is_alarming(&book));
    }
}
