//! The session record: the page of a draft or signed session, signing with written
//! overrides, voiding, and saving a session's plan as a clinic template.

use super::{VerdictBox, muscle_name, product_name, verdict_for};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::safety::check::Severity;
use bont_core::treatment::Override;
use bont_core::{Capability, SessionId};
use bont_db::sessions::{SessionStatus, StoredSession};
use serde::Deserialize;
use std::collections::HashMap;

pub fn parse_session(raw: &str) -> Result<SessionId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
        .ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "sessions/show.html")]
pub(super) struct ShowPage {
    tr: Tr,
    nav: Option<Nav>,
    s: StoredSession,
    patient_name: String,
    /// The product by generic name and brand, in the reader's language.
    product: String,
    status: String,
    status_class: &'static str,
    is_draft: bool,
    is_signed: bool,
    is_void: bool,
    indication: String,
    anaesthesia: String,
    rows: Vec<(String, String, String, u32, String)>,
    verdict: VerdictBox,
    blocking: Vec<(String, String)>,
    override_kinds: Vec<super::Choice>,
    can_sign: bool,
    can_edit: bool,
    can_record_outcomes: bool,
    signed_by: String,
    signed_at: String,
    errors: Vec<String>,
    /// Earlier versions: version, status, when it was saved, total, injections.
    versions: Vec<(i64, String, String, String, String)>,
    identifier_notices: Vec<String>,
}

pub(super) async fn show_page(
    state: &AppState,
    me: &CurrentUser,
    id: SessionId,
    errors: Vec<String>,
) -> Result<ShowPage, AppError> {
    let actor = me.actor(state);
    let s = state.db.read_session(&actor, id).await?;
    let patient = state.db.read_patient(&actor, s.patient).await?;
    let verdict = verdict_for(state, me, s.patient, Some(id), &s.record).await?;
    let blocking = verdict
        .report
        .iter()
        .flat_map(|r| r.findings.iter())
        .filter(|f| f.severity == Severity::Block)
        .map(|f| {
            (
                f.code.to_owned(),
                me.tr().finding_message(f, &state.catalog),
            )
        })
        .collect();
    let signed_by = match s.signed_by {
        Some(u) => state
            .db
            .user(u)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let identifier_notices = crate::pages::identifier_notices(state, me, || {
        bont_core::identifiers::find("notes", &s.record.notes)
    })
    .await?;
    let tr = me.tr();
    let label = |prefix: &str, id: &str| {
        if id.is_empty() {
            String::new()
        } else {
            tr.t(&format!("{prefix}-{id}"))
        }
    };
    Ok(ShowPage {
        identifier_notices,
        nav: Some(Nav::of(&me.user)),
        patient_name: patient.record.name.display(),
        product: product_name(state, tr.language, &s.record.product),
        status_class: match s.status {
            SessionStatus::Draft => "draft",
            SessionStatus::Signed => "signed",
            SessionStatus::Void => "void",
        },
        is_draft: s.status == SessionStatus::Draft,
        is_signed: s.status == SessionStatus::Signed,
        is_void: s.status == SessionStatus::Void,
        indication: label("indication", &s.record.indication),
        anaesthesia: label(
            "anaesthesia",
            s.record.anaesthesia.as_deref().unwrap_or_default(),
        ),
        rows: s
            .record
            .injections
            .iter()
            .map(|i| {
                (
                    muscle_name(state, tr.language, &i.muscle),
                    label("side", &i.side),
                    tr.number(i.units),
                    i.sites,
                    label("guidance", i.guidance.as_deref().unwrap_or_default()),
                )
            })
            .collect(),
        status: tr.t(match s.status {
            SessionStatus::Draft => "session-status-draft",
            SessionStatus::Signed => "session-status-signed",
            SessionStatus::Void => "session-status-void",
        }),
        can_sign: me.user.role.allows(Capability::SignSessions),
        can_edit: me.user.role.allows(Capability::RecordSessions),
        can_record_outcomes: me.user.role.allows(Capability::RecordOutcomes),
        verdict: if s.status == SessionStatus::Signed && !s.overrides.is_empty() {
            verdict.signed_over(signed_by.clone())
        } else {
            verdict
        },
        blocking,
        override_kinds: super::override_kinds(&tr, ""),
        signed_by,
        signed_at: s
            .signed_at
            .as_deref()
            .map(|t| tr.moment(t))
            .unwrap_or_default(),
        versions: state
            .db
            .session_versions(&actor, id)
            .await?
            .iter()
            .map(|v| {
                let text = |key: &str| v[key].as_str().unwrap_or_default().to_owned();
                let injections = v["record"]["injections"]
                    .as_array()
                    .map(|rows| {
                        rows.iter()
                            .map(|r| {
                                format!(
                                    "{} {} {} {}",
                                    muscle_name(
                                        state,
                                        tr.language,
                                        r["muscle"].as_str().unwrap_or_default()
                                    ),
                                    tr.t(&format!(
                                        "side-{}",
                                        r["side"].as_str().unwrap_or_default()
                                    )),
                                    tr.number(r["units"].as_f64().unwrap_or_default()),
                                    tr.t("unit-u")
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default();
                (
                    v["version"].as_i64().unwrap_or_default(),
                    text("status"),
                    tr.moment(&text("updated_at")),
                    format!(
                        "{} {} {}",
                        tr.number(v["total_units"].as_f64().unwrap_or_default()),
                        tr.t("unit-u"),
                        product_name(
                            state,
                            tr.language,
                            v["record"]["product"].as_str().unwrap_or_default()
                        )
                    ),
                    injections,
                )
            })
            .collect(),
        errors,
        s,
        tr,
    })
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = parse_session(&id)?;
    render(&show_page(&state, &me, id, Vec::new()).await?)
}

/// Signing: `version`, and for each blocking finding `override_kind_<code>` (one of the
/// kinds of reason) and `override_<code>` (the reason in words).
pub async fn sign(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let actor = me.actor(&state);
    let version = form
        .get("version")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .ok_or_else(|| AppError::Malformed("version: missing or not a number".into()))?;
    let overrides: Vec<Override> = form
        .iter()
        .filter(|(k, _)| !k.starts_with("override_kind_"))
        .filter_map(|(k, v)| k.strip_prefix("override_").map(|code| (code, v)))
        .filter(|(code, reason)| {
            !reason.trim().is_empty()
                || form
                    .get(&format!("override_kind_{code}"))
                    .is_some_and(|k| !k.trim().is_empty())
        })
        .map(|(code, reason)| Override {
            code: code.to_owned(),
            kind: form
                .get(&format!("override_kind_{code}"))
                .cloned()
                .unwrap_or_default(),
            reason: reason.clone(),
        })
        .collect();
    match state.sign(&actor, id, version, &overrides).await {
        Ok(_) => Ok(Redirect::to(&format!("/sessions/{id}")).into_response()),
        Err(bont_app::Error::Invalid(errors)) => {
            let page = show_page(
                &state,
                &me,
                id,
                errors.0.iter().map(|e| me.tr().plan_error(e)).collect(),
            )
            .await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct VoidForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    reason: String,
}

pub async fn void(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<VoidForm>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::Malformed("version: missing or not a number".into()))?;
    match state
        .void(&me.actor(&state), id, version, &form.reason)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/sessions/{id}")).into_response()),
        Err(bont_app::Error::Invalid(errors)) => {
            let page = show_page(
                &state,
                &me,
                id,
                errors.0.iter().map(|e| me.tr().plan_error(e)).collect(),
            )
            .await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    template_name: String,
}

/// Saves a session's muscles, sides, units, sites and dilution as a clinic template.
pub async fn save_template(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<TemplateForm>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let actor = me.actor(&state);
    let session = state.db.read_session(&actor, id).await?;
    let tr = me.tr();
    let name = match bont_core::text::Line::<100>::parse_required(&form.template_name) {
        Ok(name) => name,
        Err(problem) => {
            let message = tr.field_error(&bont_core::FieldError {
                field: "template_name",
                problem,
            });
            return render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &me, id, vec![message]).await?,
            );
        }
    };
    match state
        .db
        .create_template(&actor, name.as_str(), &session.record)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/sessions/{id}")).into_response()),
        Err(bont_db::StoreError::Invalid(errors)) => {
            let messages = errors.iter().map(|e| tr.field_error(e)).collect();
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, &me, id, messages).await?,
            )
        }
        Err(e) => Err(e.into()),
    }
}
