//! Treatment sessions over the JSON API: save a draft (its safety verdict comes back with
//! it), change the draft, sign (a physician, with a written reason for every blocking
//! finding), amend a signed session (a new version; the old one stays readable), void
//! with a reason. The session form calls the same functions.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::ApiJson;
use crate::i18n::Tr;
use crate::pages::patients::parse_patient_id;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bont_core::outcomes::goals::{GoalHistory, t_score_points};
use bont_core::outcomes::response::{Cycle, ScorePoint};
use bont_core::outcomes::schedule::PlannedFollowUp;
use bont_core::safety::check::Report;
use bont_core::treatment::{Override, TreatmentInput, check_overrides, check_reason};
use bont_core::{Language, PatientId, SessionId};
use bont_db::Actor;
use bont_db::sessions::{SavedVerdict, SessionStatus, StoredSession};
use serde::{Deserialize, Serialize};

/// A session as the API returns it, with the safety report of its present content.
#[derive(Debug, Serialize)]
pub struct SessionBody {
    #[serde(flatten)]
    pub session: StoredSession,
    /// The report, each finding with its English `message` (`i18n::report_json`).
    pub report: serde_json::Value,
}

fn parse_session_id(raw: &str) -> Result<SessionId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
        .ok_or(AppError::NotFound)
}

/// Checks a session's content for its patient, leaving `except` out of the history.
pub async fn evaluate(
    state: &AppState,
    actor: &Actor,
    patient: PatientId,
    record: &TreatmentInput,
    except: Option<SessionId>,
) -> Result<(Report, SavedVerdict), AppError> {
    let stored = state.db.read_patient(actor, patient).await?;
    let history = state.db.given_sessions(actor, patient, except).await?;
    let plan = record
        .check(
            &stored.record,
            &history,
            state.clock.today(),
            &state.catalog,
        )
        .map_err(AppError::InvalidPlan)?;
    let report = bont_core::safety::check(&state.catalog, &plan);
    let saved = SavedVerdict {
        verdict: serde_json::to_value(report.verdict)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        findings: crate::i18n::findings_json(
            &report.findings,
            &state.catalog,
            Tr::new(Language::En),
        ),
        total_units: report.arithmetic.total_units.as_f64(),
    };
    Ok((report, saved))
}

/// The follow-ups signing `record` schedules for the patient: the one place the web
/// application computes them, for the form and the API alike.
pub async fn follow_ups(
    state: &AppState,
    actor: &Actor,
    patient: PatientId,
    record: &TreatmentInput,
    except: Option<SessionId>,
) -> Result<Vec<PlannedFollowUp>, AppError> {
    let stored = state.db.read_patient(actor, patient).await?;
    let (cycles, scores) = history(state, actor, patient, except).await?;
    Ok(bont_core::outcomes::follow_ups_for(
        &state.outcomes,
        &state.catalog,
        &stored.record,
        record,
        &cycles,
        &scores,
    ))
}

/// A patient's signed sessions as cycles, and their scores (assessments and GAS
/// T-scores), for the outcome rules.
pub async fn history(
    state: &AppState,
    actor: &Actor,
    patient: PatientId,
    except: Option<SessionId>,
) -> Result<(Vec<Cycle>, Vec<ScorePoint>), AppError> {
    let cycles = state
        .db
        .sessions_of_patient(actor, patient)
        .await?
        .into_iter()
        .filter(|s| s.status == SessionStatus::Signed && Some(s.id) != except)
        .filter_map(|s| {
            Some(Cycle {
                session: s.id.get(),
                date: s.record.date.parse().ok()?,
                product: bont_core::outcomes::product_id(&state.catalog, &s.record.product),
                indication: s.record.indication.clone(),
                total_units: s.total_units,
            })
        })
        .collect();
    let mut scores: Vec<ScorePoint> = state
        .db
        .assessments_of_patient(actor, patient)
        .await?
        .into_iter()
        .filter(|a| !a.void)
        .map(|a| ScorePoint {
            scale: a.scale,
            date: a.date,
            timepoint: a.timepoint,
            score: a.score,
        })
        .collect();
    let goals: Vec<GoalHistory> = state
        .db
        .goals_of_patient(actor, patient)
        .await?
        .into_iter()
        .map(|g| (g.goal.weight, g.goal.baseline, g.scores))
        .collect();
    scores.extend(t_score_points(&goals));
    Ok((cycles, scores))
}

async fn body(state: &AppState, actor: &Actor, id: SessionId) -> Result<SessionBody, AppError> {
    let session = state.db.read_session(actor, id).await?;
    let (report, _) = evaluate(state, actor, session.patient, &session.record, Some(id)).await?;
    let report = crate::i18n::report_json(&report, &state.catalog, Tr::new(Language::En));
    Ok(SessionBody { session, report })
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<StoredSession>>, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    state.db.read_patient(&actor, patient).await?;
    Ok(Json(state.db.sessions_of_patient(&actor, patient).await?))
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(record): ApiJson<TreatmentInput>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let record = record.with_muscle_ids(&state.catalog);
    let actor = me.actor(&state);
    let (_, saved) = evaluate(&state, &actor, patient, &record, None).await?;
    let session = state
        .db
        .create_session(&actor, patient, &record, &saved)
        .await?;
    let location = format!("/api/sessions/{session}");
    Ok((
        StatusCode::CREATED,
        [(axum::http::header::LOCATION, location)],
        Json(body(&state, &actor, session).await?),
    )
        .into_response())
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    Ok(Json(body(&state, &me.actor(&state), id).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftChange {
    version: i64,
    session: TreatmentInput,
}

pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(mut change): ApiJson<DraftChange>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    change.session = change.session.with_muscle_ids(&state.catalog);
    let actor = me.actor(&state);
    let current = state.db.read_session(&actor, id).await?;
    if current.status != SessionStatus::Draft {
        return Err(AppError::WrongState("draft-only"));
    }
    let (_, saved) = evaluate(&state, &actor, current.patient, &change.session, Some(id)).await?;
    state
        .db
        .update_session_draft(&actor, id, change.version, &change.session, &saved)
        .await?;
    Ok(Json(body(&state, &actor, id).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    version: i64,
    #[serde(default)]
    overrides: Vec<Override>,
}

pub async fn sign(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(signing): ApiJson<Signing>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let actor = me.actor(&state);
    let current = state.db.read_session(&actor, id).await?;
    if current.status != SessionStatus::Draft {
        return Err(AppError::WrongState("sign-draft-only"));
    }
    // The verdict is computed again at signing: the history may have changed since the draft.
    let (report, saved) =
        evaluate(&state, &actor, current.patient, &current.record, Some(id)).await?;
    let overrides = check_overrides(&report, &signing.overrides).map_err(AppError::InvalidPlan)?;
    let planned = follow_ups(&state, &actor, current.patient, &current.record, Some(id)).await?;
    state
        .db
        .sign_session(&actor, id, signing.version, &saved, &overrides, &planned)
        .await?;
    Ok(Json(body(&state, &actor, id).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    version: i64,
    reason: String,
    session: TreatmentInput,
    #[serde(default)]
    overrides: Vec<Override>,
}

pub async fn amend(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(mut amendment): ApiJson<Amendment>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    amendment.session = amendment.session.with_muscle_ids(&state.catalog);
    let actor = me.actor(&state);
    let reason = check_reason("reason", &amendment.reason).map_err(AppError::InvalidPlan)?;
    let current = state.db.read_session(&actor, id).await?;
    if current.status != SessionStatus::Signed {
        return Err(AppError::WrongState("amend-signed-only"));
    }
    let (report, saved) = evaluate(
        &state,
        &actor,
        current.patient,
        &amendment.session,
        Some(id),
    )
    .await?;
    let overrides =
        check_overrides(&report, &amendment.overrides).map_err(AppError::InvalidPlan)?;
    let planned = follow_ups(
        &state,
        &actor,
        current.patient,
        &amendment.session,
        Some(id),
    )
    .await?;
    state
        .db
        .amend_session(
            &actor,
            id,
            amendment.version,
            &amendment.session,
            &saved,
            &overrides,
            &reason,
            &planned,
        )
        .await?;
    Ok(Json(body(&state, &actor, id).await?))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voiding {
    version: i64,
    reason: String,
}

pub async fn void(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(voiding): ApiJson<Voiding>,
) -> Result<Json<SessionBody>, AppError> {
    let id = parse_session_id(&id)?;
    let actor = me.actor(&state);
    let reason = check_reason("reason", &voiding.reason).map_err(AppError::InvalidPlan)?;
    state
        .db
        .void_session(&actor, id, voiding.version, &reason)
        .await?;
    Ok(Json(body(&state, &actor, id).await?))
}

pub async fn versions(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Vec<serde_json::Value>>, AppError> {
    let id = parse_session_id(&id)?;
    let actor = me.actor(&state);
    state.db.read_session(&actor, id).await?;
    Ok(Json(state.db.session_versions(&actor, id).await?))
}
