//! Follow-up and outcomes over the JSON API: a patient's outcome summary (response per
//! cycle, possible secondary non-response, the effect-time model, follow-ups, assessments,
//! goals and adverse events), recording assessments, goals, goal scores, adverse events
//! and follow-up contacts, and the worklist. The screens call the same functions.

use crate::api::sessions::history;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::ApiJson;
use crate::pages::patients::parse_patient_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::effect::EffectModel;
use bont_core::outcomes::goals::{GoalInput, GoalScoreInput, check_goal_score, t_score};
use bont_core::outcomes::response::{
    CycleResponse, NonResponse, responses, secondary_non_response,
};
use bont_core::outcomes::schedule::{Standing, standing, week_end};
use bont_core::treatment::check_reason;
use bont_core::{ClinicId, PatientId, SessionId, UserId};
use bont_db::Actor;
use bont_db::outcomes::{
    ContactResult, StoredAdverseEvent, StoredAssessment, StoredFollowUp, StoredGoal,
    WorklistFilter, WorklistRow,
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

/// The one place a patient's outcome summary is put together (the page and the API).
pub async fn summary(
    state: &AppState,
    actor: &Actor,
    patient: PatientId,
) -> Result<OutcomeSummary, AppError> {
    let (cycles, scores) = history(state, actor, patient, None).await?;
    let judged = responses(&state.outcomes, &cycles, &scores);
    let non_response = secondary_non_response(&cycles, &judged);
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
                    &state.outcomes,
                    &last.product,
                    &last.indication,
                    &earlier,
                    &scores,
                ),
            }
        });
    let goals = state.db.goals_of_patient(actor, patient).await?;
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
        model,
        follow_ups: state.db.follow_ups_of_patient(actor, patient).await?,
        assessments: state.db.assessments_of_patient(actor, patient).await?,
        adverse_events: state.db.adverse_events_of_patient(actor, patient).await?,
        goals,
        gas_t_score,
    })
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<OutcomeSummary>, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    // The read of the record is the audit event.
    state.db.read_patient(&actor, patient).await?;
    Ok(Json(summary(&state, &actor, patient).await?))
}

fn created(location: String, body: serde_json::Value) -> Response {
    (
        StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

/// Checks and stores an assessment: the form and the API both come here.
pub async fn record_assessment(
    state: &AppState,
    actor: &Actor,
    patient: PatientId,
    input: &AssessmentInput,
) -> Result<(i64, f64), AppError> {
    let checked = input
        .check(&state.outcomes, &state.catalog, state.clock.today())
        .map_err(AppError::InvalidPlan)?;
    let id = state.db.create_assessment(actor, patient, &checked).await?;
    Ok((id, checked.score))
}

pub async fn create_assessment(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let (id, score) = record_assessment(&state, &me.actor(&state), patient, &input).await?;
    Ok(created(
        format!("/api/patients/{patient}/outcomes"),
        serde_json::json!({"id": id, "score": score}),
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voiding {
    pub reason: String,
}

pub async fn void_assessment(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(voiding): ApiJson<Voiding>,
) -> Result<StatusCode, AppError> {
    let reason = check_reason("reason", &voiding.reason).map_err(AppError::InvalidPlan)?;
    state
        .db
        .void_assessment(&me.actor(&state), id, &reason)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Checks an adverse event against its session's lots and stores it.
pub async fn record_adverse_event(
    state: &AppState,
    actor: &Actor,
    session: SessionId,
    input: &AdverseEventInput,
) -> Result<i64, AppError> {
    let stored = state.db.read_session(actor, session).await?;
    let checked = input
        .check(&state.outcomes, &stored.record)
        .map_err(AppError::InvalidPlan)?;
    Ok(state
        .db
        .create_adverse_event(actor, session, &checked, &state.outcomes)
        .await?)
}

fn parse_session(raw: &str) -> Result<SessionId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
        .ok_or(AppError::NotFound)
}

pub async fn create_adverse_event(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AdverseEventInput>,
) -> Result<Response, AppError> {
    let session = parse_session(&id)?;
    let id = record_adverse_event(&state, &me.actor(&state), session, &input).await?;
    Ok(created(
        format!("/api/sessions/{session}"),
        serde_json::json!({"id": id}),
    ))
}

pub async fn void_adverse_event(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(voiding): ApiJson<Voiding>,
) -> Result<StatusCode, AppError> {
    let reason = check_reason("reason", &voiding.reason).map_err(AppError::InvalidPlan)?;
    state
        .db
        .void_adverse_event(&me.actor(&state), id, &reason)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewGoal {
    #[serde(flatten)]
    pub goal: GoalInput,
    /// The session that targets it.
    #[serde(default)]
    pub session: Option<i64>,
}

pub async fn create_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(new): ApiJson<NewGoal>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let goal = new
        .goal
        .check(state.clock.today())
        .map_err(AppError::InvalidPlan)?;
    let id = state
        .db
        .create_goal(
            &me.actor(&state),
            patient,
            &goal,
            new.session.map(SessionId::new),
        )
        .await?;
    Ok(created(
        format!("/api/patients/{patient}/outcomes"),
        serde_json::json!({"id": id}),
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewGoalScore {
    #[serde(flatten)]
    pub score: GoalScoreInput,
    #[serde(default)]
    pub session: Option<i64>,
}

/// Checks and stores a goal's score.
pub async fn record_goal_score(
    state: &AppState,
    actor: &Actor,
    goal: i64,
    input: &GoalScoreInput,
    session: Option<SessionId>,
) -> Result<(), AppError> {
    let stored = state.db.goal(actor, goal).await?;
    let (day, level) = check_goal_score(input, &stored.goal, state.clock.today())
        .map_err(AppError::InvalidPlan)?;
    Ok(state
        .db
        .score_goal(actor, goal, day, level, session)
        .await?)
}

pub async fn score_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(new): ApiJson<NewGoalScore>,
) -> Result<StatusCode, AppError> {
    record_goal_score(
        &state,
        &me.actor(&state),
        id,
        &new.score,
        new.session.map(SessionId::new),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

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

/// Checks a contact (result, booked day for a booking, note) and stores it.
pub async fn record_contact(
    state: &AppState,
    actor: &Actor,
    follow_up: i64,
    contact: &Contact,
) -> Result<(), AppError> {
    use bont_core::Problem;
    use bont_core::safety::plan::{PlanError, PlanErrors};
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
                Ok(d) if d < state.clock.today() => {
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
        Some(result) if errors.is_empty() => Ok(state
            .db
            .record_contact(actor, follow_up, result, booked_on, contact.note.trim())
            .await?),
        _ => Err(AppError::InvalidPlan(PlanErrors(errors))),
    }
}

pub async fn contact(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(contact): ApiJson<Contact>,
) -> Result<StatusCode, AppError> {
    record_contact(&state, &me.actor(&state), id, &contact).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WorklistQuery {
    pub date: Option<String>,
    pub indication: Option<String>,
    pub physician: Option<i64>,
    /// due_this_week, overdue, upcoming or never_followed_up; all when absent.
    pub view: Option<String>,
}

/// One worklist line as the API sends it.
#[derive(Debug, Serialize)]
pub struct WorklistLine {
    pub standing: Standing,
    #[serde(flatten)]
    pub row: WorklistRow,
    pub patient_name: String,
    pub record_number: String,
    pub phone: Option<String>,
}

/// The worklist of the user's clinic on a day (today unless `date` says otherwise).
pub async fn worklist_for(
    state: &AppState,
    actor: &Actor,
    query: &WorklistQuery,
) -> Result<(Date, Vec<WorklistLine>), AppError> {
    worklist_lines(
        &state.db,
        Some(actor),
        actor.clinic,
        query,
        state.clock.today(),
    )
    .await
}

/// The one place the worklist is put together, for the page, the API and `bont worklist`:
/// open follow-ups of the clinic through the end of the week of the day, each with where
/// it stands, filtered and sorted (overdue first, then by due day). `actor` is none for
/// the command line.
pub async fn worklist_lines(
    db: &bont_db::Database,
    actor: Option<&Actor>,
    clinic: ClinicId,
    query: &WorklistQuery,
    today: Date,
) -> Result<(Date, Vec<WorklistLine>), AppError> {
    let day = match query
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(raw) => bont_core::patient::parse_date(raw).map_err(|p| {
            AppError::InvalidPlan(bont_core::safety::plan::PlanErrors(vec![
                bont_core::safety::plan::PlanError::new("date", p),
            ]))
        })?,
        None => today,
    };
    let rows = db
        .worklist(actor, clinic, &query.filter(), day, week_end(day))
        .await?;
    let mut lines: Vec<WorklistLine> = rows
        .into_iter()
        .map(|row| WorklistLine {
            standing: standing(
                row.follow_up.due_on,
                row.follow_up.late_after,
                row.follow_up.booked_on,
                day,
            ),
            patient_name: row.patient.record.name.display(),
            record_number: row.patient.record.record_number.to_string(),
            phone: row
                .patient
                .record
                .contact
                .phone
                .as_ref()
                .map(ToString::to_string),
            row,
        })
        .collect();
    if let Some(view) = query.view.as_deref().filter(|v| !v.is_empty()) {
        lines.retain(|l| l.standing.id() == view);
    }
    lines.sort_by_key(|l| (l.standing, l.row.follow_up.due_on));
    Ok((day, lines))
}

impl WorklistQuery {
    pub fn filter(&self) -> WorklistFilter {
        WorklistFilter {
            indication: self.indication.clone().filter(|i| !i.is_empty()),
            physician: self.physician.map(UserId::new),
        }
    }
}

pub async fn worklist(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(query): Query<WorklistQuery>,
) -> Result<Json<serde_json::Value>, AppError> {
    let actor = me.actor(&state);
    let (day, lines) = worklist_for(&state, &actor, &query).await?;
    let never = state
        .db
        .never_followed_up(actor.clinic, &query.filter(), day)
        .await?;
    let never: Vec<serde_json::Value> = never
        .into_iter()
        .map(|n| {
            let name = n.patient.record.name.display();
            let mut v = serde_json::to_value(&n).unwrap_or_default();
            v["patient_name"] = serde_json::Value::String(name);
            v
        })
        .collect();
    Ok(Json(serde_json::json!({
        "date": day,
        "week_ends": week_end(day),
        "follow_ups": lines,
        "never_followed_up": never,
    })))
}
