//! Amending a signed session: the form (the session's plan with its verdict, a reason
//! and the overrides) and the amendment, checked like a signing.

use super::parse_session;
use super::{AmendPart, FormPage, SessionForm, blank};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::{render, render_with};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use bont_app::sessions::Amendment;
use bont_core::safety::check::{Report, Severity};
use bont_core::treatment::Override;
use bont_db::sessions::SessionStatus;

pub(super) fn amend_part(
    state: &AppState,
    tr: Tr,
    report: Option<&Report>,
    form: Option<&SessionForm>,
    errors: Vec<String>,
) -> AmendPart {
    let given = |code: &str| -> (String, String) {
        form.and_then(|f| {
            let i = f.override_code.iter().position(|c| c.as_str() == code)?;
            Some((
                f.override_kind.get(i).cloned().unwrap_or_default(),
                f.override_reason.get(i).cloned().unwrap_or_default(),
            ))
        })
        .unwrap_or_default()
    };
    AmendPart {
        reason: form.map(|f| f.amend_reason.clone()).unwrap_or_default(),
        blocking: report
            .iter()
            .flat_map(|r| r.findings.iter())
            .filter(|f| f.severity == Severity::Block)
            .map(|f| {
                let (kind, reason) = given(f.code);
                (
                    f.code.to_owned(),
                    tr.finding_message(f, &state.catalog),
                    reason,
                    super::override_kinds(&tr, &kind),
                )
            })
            .collect(),
        errors,
    }
}

/// A physician's amendment of a signed session: the same grid, a reason, and reasons for
/// any blocking finding of the new content.
pub async fn amend_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let session = state.db.read_session(&me.actor(&state), id).await?;
    if session.status != SessionStatus::Signed {
        return Ok(Redirect::to(&format!("/sessions/{id}")).into_response());
    }
    let mut page = FormPage::build(
        &state,
        &me,
        session.patient,
        Some((id, session.version)),
        &session.record,
    )
    .await?;
    page.action = format!("/sessions/{id}/amend");
    page.amend = Some(amend_part(
        &state,
        me.tr(),
        page.verdict.report.as_ref(),
        None,
        Vec::new(),
    ));
    Ok(render(&page)?.into_response())
}

pub async fn amend(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<SessionForm>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let actor = me.actor(&state);
    let session = state.db.read_session(&actor, id).await?;
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::Malformed("version: missing or not a number".into()))?;
    let again = |report: Option<Report>, errors: Vec<String>| {
        let state = state.clone();
        let me = me.clone();
        let form = &form;
        async move {
            let input = form
                .to_input(&state.catalog)
                .unwrap_or_else(|_| blank(form.date.clone()));
            let mut page =
                FormPage::build(&state, &me, session.patient, Some((id, version)), &input).await?;
            page.action = format!("/sessions/{id}/amend");
            let report = report.or_else(|| page.verdict.report.clone());
            page.amend = Some(amend_part(
                &state,
                me.tr(),
                report.as_ref(),
                Some(form),
                errors,
            ));
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    };
    let input = match form.to_input(&state.catalog) {
        Ok(input) => input,
        Err(errors) => {
            return again(None, errors.0.iter().map(ToString::to_string).collect()).await;
        }
    };
    let given: Vec<Override> = form
        .override_code
        .iter()
        .enumerate()
        .zip(&form.override_reason)
        .map(|((i, code), reason)| {
            let kind = form.override_kind.get(i).cloned().unwrap_or_default();
            (code, kind, reason)
        })
        .filter(|(_, kind, reason)| !reason.trim().is_empty() || !kind.trim().is_empty())
        .map(|(code, kind, reason)| Override {
            code: code.clone(),
            kind,
            reason: reason.clone(),
        })
        .collect();
    let amendment = Amendment {
        version,
        reason: form.amend_reason.clone(),
        session: input.clone(),
        overrides: given,
    };
    match state.amend(&actor, id, &amendment).await {
        Ok(_) => Ok(Redirect::to(&format!("/sessions/{id}")).into_response()),
        Err(bont_app::Error::Invalid(errors)) => {
            // The blocking findings of the new content, for their reasons on the form.
            let report = state
                .preview(&actor, session.patient, &input, Some(id))
                .await
                .ok();
            again(
                report,
                errors.0.iter().map(|e| me.tr().plan_error(e)).collect(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
