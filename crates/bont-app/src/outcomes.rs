//! Follow-up and outcomes: a patient's outcome summary (response per cycle, possible
//! secondary non-response, the effect-time model, follow-ups, assessments, goals and
//! adverse events), recording assessments, adverse events, goals, goal scores and
//! follow-up contacts, and the worklist.

use crate::{App, AppResult, Error};
use bont_core::Problem;
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::effect::EffectModel;
use bont_core::outcomes::goals::{GoalInput, GoalScoreInput, check_goal_score, t_score};
use bont_core::outcomes::response::{
    CycleResponse, NonResponse, responses, secondary_non_response,
};
use bont_core::outcomes::schedule::Standing;
use bont_core::safety::plan::{PlanError, PlanErrors};
use bont_core::treatment::check_reason;
use bont_core::{ClinicId, PatientId, SessionId};
use bont_db::Actor;
use bont_db::outcomes::{
    ContactResult, NeverFollowedUpPage, StoredAdverseEvent, StoredAssessment, StoredFollowUp,
    StoredGoal, WorklistFilter, WorklistPage, WorklistQuery,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The expected effect of the newest session.
#[derive(Debug, Clone, Serialize)]
pub struct ModelView {
    pub session: SessionId,
    pub session_date: Date,
    pub model: EffectModel,
}

/// Everything about a patient's outcomes, computed from what is stored.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeSummary {
    pub responses: Vec<CycleResponse>,
    pub non_response: Option<NonResponse>,
    /// Chronic migraine episodic again for three months in a row (NICE TA260's second
    /// stopping rule): the dates of those monthly counts.
    pub episodic_again: Option<Vec<jiff::civil::Date>>,
    pub model: Option<ModelView>,
    pub follow_ups: Vec<StoredFollowUp>,
    pub assessments: Vec<StoredAssessment>,
    pub adverse_events: Vec<StoredAdverseEvent>,
    pub goals: Vec<StoredGoal>,
    /// The GAS T-score of the active goals at their newest levels.
    pub gas_t_score: Option<f64>,
}

impl OutcomeSummary {
    pub fn response_of(&self, session: SessionId) -> Option<&CycleResponse> {
        self.responses.iter().find(|r| r.session == session.get())
    }
}

/// A contact with the patient about a follow-up, as any front end submits it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub result: String,
    #[serde(default)]
    pub booked_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

pub const CONTACT_NOTE_MAX: usize = 1000;

/// The worklist's page size unless the caller asks for another.
pub const WORKLIST_PER_PAGE: i64 = 50;

/// Which worklist to show, as any front end submits it (every value as given).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct WorklistRequest {
    pub date: Option<String>,
    pub indication: Option<String>,
    /// Empty (a form's "any") is none.
    #[serde(deserialize_with = "blank_is_none")]
    pub physician: Option<i64>,
    /// due_this_week, overdue, upcoming or never_followed_up; all when absent.
    pub view: Option<String>,
    #[serde(deserialize_with = "blank_is_none")]
    pub page: Option<i64>,
    #[serde(deserialize_with = "blank_is_none")]
    pub per_page: Option<i64>,
}

/// A whole number from a query string, where a field left empty (a menu's "any", a
/// cleared box) means none.
fn blank_is_none<'de, D: serde::Deserializer<'de>>(from: D) -> Result<Option<i64>, D::Error> {
    let raw: Option<String> = Deserialize::deserialize(from)?;
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("not a whole number: {text:?}"))),
    }
}

/// A worklist request, checked.
#[derive(Debug, Clone)]
pub struct WorklistAsked {
    pub day: Date,
    pub query: WorklistQuery,
    /// The sessions never followed up rather than the follow-ups.
    pub never_followed_up: bool,
}

impl WorklistRequest {
    /// Checks the request for the clinic's `today`: a day as typed, a known view, a page
    /// from 1 and a page size from 1 to `bont_db::outcomes::PER_PAGE_MAX`.
    pub fn check(&self, today: Date) -> AppResult<WorklistAsked> {
        let mut errors = Vec::new();
        let day = match self
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(raw) => bont_core::patient::parse_date(raw).unwrap_or_else(|p| {
                errors.push(PlanError::new("date", p));
                today
            }),
            None => today,
        };
        let views = ["due_this_week", "overdue", "upcoming", "never_followed_up"];
        let view = self
            .view
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        let standing = match view {
            None | Some("never_followed_up") => None,
            Some("overdue") => Some(Standing::Overdue),
            Some("due_this_week") => Some(Standing::DueThisWeek),
            Some("upcoming") => Some(Standing::Upcoming),
            Some(other) => {
                errors.push(PlanError::new(
                    "view",
                    Problem::NotOneOf {
                        value: other.chars().take(30).collect(),
                        allowed: views.map(str::to_owned).to_vec(),
                    },
                ));
                None
            }
        };
        let page = self.page.unwrap_or(1);
        if page < 1 {
            errors.push(PlanError::new(
                "page",
                Problem::Outside {
                    value: page.to_string(),
                    min: "1".into(),
                    max: i64::MAX.to_string(),
                    unit: "",
                },
            ));
        }
        let per_page = self.per_page.unwrap_or(WORKLIST_PER_PAGE);
        if !(1..=bont_db::outcomes::PER_PAGE_MAX).contains(&per_page) {
            errors.push(PlanError::new(
                "per_page",
                Problem::Outside {
                    value: per_page.to_string(),
                    min: "1".into(),
                    max: bont_db::outcomes::PER_PAGE_MAX.to_string(),
                    unit: "",
                },
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(PlanErrors(errors)));
        }
        Ok(WorklistAsked {
            day,
            query: WorklistQuery {
                filter: WorklistFilter {
                    indication: self.indication.clone().filter(|i| !i.trim().is_empty()),
                    physician: self.physician.map(bont_core::UserId::new),
                },
                view: standing,
                page,
                per_page,
            },
            never_followed_up: view == Some("never_followed_up"),
        })
    }
}

/// What a worklist request answers: one page of follow-ups, or of the sessions never
/// followed up.
#[derive(Debug, Clone)]
pub enum Worklist {
    FollowUps(WorklistPage),
    NeverFollowedUp(NeverFollowedUpPage),
}

impl App {
    /// The one place a patient's outcome summary is put together (the page and the API).
    pub async fn summary(&self, actor: &Actor, patient: PatientId) -> AppResult<OutcomeSummary> {
        let (cycles, scores) = self.history(actor, patient).await?;
        let judged = responses(&self.outcomes, &cycles, &scores);
        let non_response = secondary_non_response(&cycles, &judged);
        let treats_migraine = cycles.iter().any(|c| c.indication == "chronic_migraine");
        let episodic_again = treats_migraine
            .then(|| bont_core::outcomes::response::episodic_again(&scores))
            .flatten();
        let model = cycles
            .iter()
            .max_by_key(|c| (c.date, c.session))
            .map(|last| {
                let earlier: Vec<_> = cycles
                    .iter()
                    .filter(|c| c.date < last.date)
                    .cloned()
                    .collect();
                ModelView {
                    session: SessionId::new(last.session),
                    session_date: last.date,
                    model: bont_core::outcomes::patient_model(
                        &self.outcomes,
                        &last.product,
                        &last.indication,
                        &earlier,
                        &scores,
                    ),
                }
            });
        let goals = self.db.goals_of_patient(actor, patient).await?;
        let gas_t_score = t_score(
            &goals
                .iter()
                .filter(|g| g.active)
                .map(|g| {
                    (
                        g.goal.weight,
                        g.scores.last().map_or(g.goal.baseline, |s| s.1),
                    )
                })
                .collect::<Vec<_>>(),
        );
        Ok(OutcomeSummary {
            responses: judged,
            non_response,
            episodic_again,
            model,
            follow_ups: self.db.follow_ups_of_patient(actor, patient).await?,
            assessments: self.db.assessments_of_patient(actor, patient).await?,
            adverse_events: self.db.adverse_events_of_patient(actor, patient).await?,
            goals,
            gas_t_score,
        })
    }

    /// Checks and stores an assessment; answers its id and score.
    pub async fn record_assessment(
        &self,
        actor: &Actor,
        patient: PatientId,
        input: &AssessmentInput,
    ) -> AppResult<(i64, f64)> {
        let checked = input
            .check(&self.outcomes, &self.catalog, self.clock.today())
            .map_err(Error::Invalid)?;
        let id = self.db.create_assessment(actor, patient, &checked).await?;
        Ok((id, checked.score))
    }

    pub async fn void_assessment(
        &self,
        actor: &Actor,
        id: i64,
        reason: &str,
    ) -> AppResult<PatientId> {
        let reason = check_reason("reason", reason).map_err(Error::Invalid)?;
        Ok(self.db.void_assessment(actor, id, &reason).await?)
    }

    /// Checks an adverse event against its session's lots and stores it.
    pub async fn record_adverse_event(
        &self,
        actor: &Actor,
        session: SessionId,
        input: &AdverseEventInput,
    ) -> AppResult<i64> {
        let stored = self.db.read_session(actor, session).await?;
        let checked = input
            .check(&self.outcomes, &stored.record)
            .map_err(Error::Invalid)?;
        Ok(self
            .db
            .create_adverse_event(actor, session, &checked, &self.outcomes)
            .await?)
    }

    pub async fn void_adverse_event(
        &self,
        actor: &Actor,
        id: i64,
        reason: &str,
    ) -> AppResult<PatientId> {
        let reason = check_reason("reason", reason).map_err(Error::Invalid)?;
        Ok(self.db.void_adverse_event(actor, id, &reason).await?)
    }

    /// Checks and stores a goal, targeted by `session` when given.
    pub async fn create_goal(
        &self,
        actor: &Actor,
        patient: PatientId,
        input: &GoalInput,
        session: Option<SessionId>,
    ) -> AppResult<i64> {
        let goal = input.check(self.clock.today()).map_err(Error::Invalid)?;
        Ok(self.db.create_goal(actor, patient, &goal, session).await?)
    }

    /// Checks and stores a goal's score.
    pub async fn record_goal_score(
        &self,
        actor: &Actor,
        goal: i64,
        input: &GoalScoreInput,
        session: Option<SessionId>,
    ) -> AppResult<()> {
        let stored = self.db.goal(actor, goal).await?;
        let (day, level) =
            check_goal_score(input, &stored.goal, self.clock.today()).map_err(Error::Invalid)?;
        Ok(self.db.score_goal(actor, goal, day, level, session).await?)
    }

    /// Checks a contact (result, booked day for a booking, note) and stores it.
    pub async fn record_contact(
        &self,
        actor: &Actor,
        follow_up: i64,
        contact: &Contact,
    ) -> AppResult<()> {
        let mut errors = Vec::new();
        let result = ContactResult::parse(&contact.result);
        if result.is_none() {
            errors.push(PlanError::new(
                "result",
                Problem::NotOneOf {
                    value: contact.result.chars().take(30).collect(),
                    allowed: ContactResult::ALL
                        .iter()
                        .map(|r| r.id().to_owned())
                        .collect(),
                },
            ));
        }
        let booked = contact
            .booked_on
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty());
        let booked_on = match (result, booked) {
            (Some(ContactResult::VisitBooked), None) => {
                errors.push(PlanError::new("booked_on", Problem::Required));
                None
            }
            (Some(ContactResult::VisitBooked), Some(raw)) => {
                match bont_core::patient::parse_date(raw) {
                    Ok(d) if d < self.clock.today() => {
                        errors.push(PlanError::new(
                            "booked_on",
                            Problem::DateInPast {
                                value: d.to_string(),
                            },
                        ));
                        None
                    }
                    Ok(d) => Some(d),
                    Err(p) => {
                        errors.push(PlanError::new("booked_on", p));
                        None
                    }
                }
            }
            _ => None,
        };
        if contact.note.chars().count() > CONTACT_NOTE_MAX {
            errors.push(PlanError::new(
                "note",
                Problem::TooLong {
                    max: CONTACT_NOTE_MAX,
                },
            ));
        }
        match result {
            Some(result) if errors.is_empty() => Ok(self
                .db
                .record_contact(actor, follow_up, result, booked_on, contact.note.trim())
                .await?),
            _ => Err(Error::Invalid(PlanErrors(errors))),
        }
    }

    /// The one place the worklist is put together, for the page, the API and `bont
    /// worklist`: one page of the open follow-ups of the clinic through the end of the week
    /// of the day, overdue first, then due this week, then upcoming, each by due day; or
    /// one page of the sessions never followed up. `actor` is none for the command line,
    /// which names the clinic.
    pub async fn worklist(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        asked: &WorklistAsked,
    ) -> AppResult<Worklist> {
        Ok(if asked.never_followed_up {
            Worklist::NeverFollowedUp(
                self.db
                    .never_followed_up(actor, clinic, &asked.query, asked.day)
                    .await?,
            )
        } else {
            Worklist::FollowUps(
                self.db
                    .worklist(actor, clinic, &asked.query, asked.day)
                    .await?,
            )
        })
    }
}
