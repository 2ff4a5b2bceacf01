//! Follow-up and outcomes over the JSON API: a patient's outcome summary, recording
//! assessments, goals, goal scores, adverse events and follow-up contacts, and the
//! worklist, page by page. Each handler decodes the request and calls the use case in
//! `bont_app::outcomes`, as the screens do.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::ApiJson;
use crate::pages::patients::parse_patient_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bont_app::outcomes::{Contact, OutcomeSummary, Worklist, WorklistRequest};
use bont_core::SessionId;
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::goals::{GoalInput, GoalScoreInput};
use bont_db::outcomes::{WorklistRow, page_count};
use serde::{Deserialize, Serialize};

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<OutcomeSummary>, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    // The read of the record is the audit event.
    state.db.read_patient(&actor, patient).await?;
    Ok(Json(state.summary(&actor, patient).await?))
}

fn created(location: String, body: serde_json::Value) -> Response {
    (
        StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

pub async fn create_assessment(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AssessmentInput>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let (id, score) = state
        .record_assessment(&me.actor(&state), patient, &input)
        .await?;
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
    state
        .void_assessment(&me.actor(&state), id, &voiding.reason)
        .await?;
    Ok(StatusCode::NO_CONTENT)
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
    let id = state
        .record_adverse_event(&me.actor(&state), session, &input)
        .await?;
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
    state
        .void_adverse_event(&me.actor(&state), id, &voiding.reason)
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
    let id = state
        .create_goal(
            &me.actor(&state),
            patient,
            &new.goal,
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

pub async fn score_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(new): ApiJson<NewGoalScore>,
) -> Result<StatusCode, AppError> {
    state
        .record_goal_score(
            &me.actor(&state),
            id,
            &new.score,
            new.session.map(SessionId::new),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn contact(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    ApiJson(contact): ApiJson<Contact>,
) -> Result<StatusCode, AppError> {
    state
        .record_contact(&me.actor(&state), id, &contact)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One worklist line as the API sends it.
#[derive(Debug, Serialize)]
pub struct WorklistLine {
    #[serde(flatten)]
    pub row: WorklistRow,
    pub patient_name: String,
    pub record_number: String,
    pub phone: Option<String>,
}

impl From<WorklistRow> for WorklistLine {
    fn from(row: WorklistRow) -> Self {
        WorklistLine {
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
        }
    }
}

/// `GET /api/worklist`: one page of the follow-ups (or, with
/// `view=never_followed_up`, of the sessions never followed up), with the paging.
pub async fn worklist(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(request): Query<WorklistRequest>,
) -> Result<Json<serde_json::Value>, AppError> {
    let actor = me.actor(&state);
    let asked = request.check(state.clock.today())?;
    let week_ends = bont_core::outcomes::schedule::week_end(asked.day);
    let body = match state.worklist(Some(&actor), actor.clinic, &asked).await? {
        Worklist::FollowUps(page) => serde_json::json!({
            "date": asked.day,
            "week_ends": week_ends,
            "page": page.page,
            "per_page": page.per_page,
            "total": page.total,
            "pages": page_count(page.total, page.per_page),
            "follow_ups": page.rows.into_iter().map(WorklistLine::from).collect::<Vec<_>>(),
        }),
        Worklist::NeverFollowedUp(page) => serde_json::json!({
            "date": asked.day,
            "week_ends": week_ends,
            "page": page.page,
            "per_page": page.per_page,
            "total": page.total,
            "pages": page_count(page.total, page.per_page),
            "never_followed_up": page.sessions.into_iter().map(|n| {
                let name = n.patient.record.name.display();
                let mut v = serde_json::to_value(&n).unwrap_or_default();
                v["patient_name"] = serde_json::Value::String(name);
                v
            }).collect::<Vec<_>>(),
        }),
    };
    Ok(Json(body))
}
