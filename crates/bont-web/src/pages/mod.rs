//! The clinic's screens, one module per resource.

pub mod account;
pub mod audit;
pub mod clinic;
pub mod documents;
pub mod language;
pub mod login;
pub mod outcomes;
pub mod patients;
pub mod sessions;
pub mod tokens;
pub mod users;

use crate::auth::{CurrentUser, SessionUser};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use bont_core::Capability;

/// The navigation bar: who is logged in and where they may go.
#[derive(Debug, Clone)]
pub struct Nav {
    pub display_name: String,
    pub role: String,
    pub patients: bool,
    pub users: bool,
    pub audit: bool,
    pub clinic: bool,
    pub confirm_accounts: bool,
}

impl Nav {
    pub fn of(user: &SessionUser) -> Nav {
        Nav {
            display_name: user.display_name.clone(),
            role: Tr::new(user.language).t(&format!("role-{}", user.role.id())),
            patients: user.role.allows(Capability::ViewPatients),
            users: user.role.allows(Capability::ManageUsers),
            audit: user.role.allows(Capability::ViewAudit),
            clinic: user.role.allows(Capability::ManageClinic),
            confirm_accounts: user.role.allows(Capability::ConfirmAccounts),
        }
    }
}

/// In a pseudonymised clinic, what in a record looks like an identifier, in words for the
/// page ("Notes: an e-mail address: “jan@example.com”"); nothing elsewhere.
pub async fn identifier_notices(
    state: &AppState,
    me: &CurrentUser,
    warnings: impl FnOnce() -> Vec<bont_core::identifiers::IdentifierWarning>,
) -> Result<Vec<String>, AppError> {
    if !state.db.clinic(me.user.clinic).await?.pseudonymised {
        return Ok(Vec::new());
    }
    let tr = me.tr();
    Ok(warnings()
        .into_iter()
        .map(|w| {
            tr.t_with(
                "identifier-found",
                &[
                    ("field", tr.field(&w.field).into()),
                    (
                        "kind",
                        tr.t(&format!("identifier-kind-{}", w.kind.id())).into(),
                    ),
                    ("found", w.found.into()),
                ],
            )
        })
        .collect())
}

/// Renders a page template.
/// A number typed in a form field (`input::decimal`); a fault is added to `errors` under
/// `field`, and an empty field is `None`.
pub fn form_number(
    field: String,
    raw: &str,
    errors: &mut Vec<bont_core::safety::plan::PlanError>,
) -> Option<f64> {
    bont_core::input::decimal(raw).unwrap_or_else(|problem| {
        errors.push(bont_core::safety::plan::PlanError::new(field, problem));
        None
    })
}

pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    page.render().map(Html).map_err(AppError::internal)
}

/// Renders with a status other than 200 (a form sent back with its errors).
pub fn render_with(status: StatusCode, page: &impl Template) -> Result<Response, AppError> {
    Ok((status, render(page)?).into_response())
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    tr: Tr,
    nav: Option<Nav>,
    patient_count: Option<String>,
    clinic_name: String,
    today: String,
    /// For those who see patients: the day's sessions and the drafts to sign.
    sheet: Option<SheetView>,
}

struct SheetView {
    today: Vec<SheetRow>,
    /// "20 of 31 shown" when the list is longer than the sheet.
    today_more: Option<String>,
    drafts: Vec<SheetRow>,
    drafts_more: Option<String>,
}

/// A session on the start page, as a clinician reads it.
struct SheetRow {
    session: i64,
    patient: i64,
    patient_name: String,
    record_number: String,
    when: String,
    dose: String,
    indication: String,
    status: String,
    verdict: String,
    verdict_class: &'static str,
}

fn sheet_rows(
    state: &AppState,
    tr: &Tr,
    lines: Vec<bont_db::day_sheet::SheetLine>,
    with_date: bool,
) -> Vec<SheetRow> {
    lines
        .into_iter()
        .map(|l| SheetRow {
            session: l.session.get(),
            patient: l.patient.get(),
            patient_name: l.patient_name,
            record_number: l.record_number,
            when: match (with_date, l.time) {
                (true, Some(time)) => format!("{} {time}", tr.date_text(l.date)),
                (true, None) => tr.date_text(l.date),
                (false, time) => time.unwrap_or_default(),
            },
            dose: format!(
                "{} {} {}",
                tr.number(l.total_units),
                tr.t("unit-u"),
                crate::pages::sessions::product_name(state, tr.language, &l.product)
            ),
            indication: tr.t(&format!("indication-{}", l.indication)),
            status: tr.t(&format!("session-status-{}", l.status.id())),
            verdict: crate::pages::patients::verdict_word(tr, &l.verdict),
            verdict_class: match l.verdict.as_str() {
                "block" => "bad",
                "warn" => "warn",
                _ => "",
            },
        })
        .collect()
}

fn more(tr: &Tr, shown: usize, total: i64) -> Option<String> {
    (total > shown as i64).then(|| {
        tr.t_with(
            "home-shown-of",
            &[("shown", (shown as i64).into()), ("total", total.into())],
        )
    })
}

pub async fn home(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let nav = Nav::of(&me.user);
    let tr = me.tr();
    let patient_count = if nav.patients {
        let count = state.db.count_patients(me.user.clinic).await?;
        Some(tr.t_with("home-patient-count", &[("count", count.into())]))
    } else {
        None
    };
    let clinic_name = state.db.clinic(me.user.clinic).await?.name;
    let day = state.clock.today();
    let sheet = if nav.patients {
        let found = state.db.day_sheet(&me.actor(&state), day).await?;
        let (today_shown, drafts_shown) = (found.today.len(), found.drafts.len());
        Some(SheetView {
            today_more: more(&tr, today_shown, found.today_total),
            drafts_more: more(&tr, drafts_shown, found.drafts_total),
            today: sheet_rows(&state, &tr, found.today, false),
            drafts: sheet_rows(&state, &tr, found.drafts, true),
        })
    } else {
        None
    };
    render(&HomePage {
        today: tr.date_text(day),
        tr,
        nav: Some(nav),
        patient_count,
        clinic_name,
        sheet,
    })
}

/// Liveness, database reachability and the storage's state, for monitoring; no login, no
/// data. `storage` is `ok`, `full` (a write found the disk full and none has committed
/// since), `damaged` (the integrity check failed) or `unreachable`; anything but `ok`
/// answers 503.
pub async fn health(State(state): State<AppState>) -> Response {
    let storage = match state.db.ping().await {
        Ok(()) => state.db.storage_state().name(),
        Err(e) => {
            tracing::error!(cause = %e, "health check failed");
            "unreachable"
        }
    };
    let (code, status) = match storage {
        "ok" => (StatusCode::OK, "ok"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
    };
    (
        code,
        axum::Json(serde_json::json!({"status": status, "storage": storage})),
    )
        .into_response()
}

/// Files compiled into the binary, so that one file is the whole application.
const STATIC_FILES: &[(&str, &str, &[u8])] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/style.css"),
    ),
    (
        "htmx-2.0.11.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/htmx-2.0.11.min.js"),
    ),
    (
        "forms.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/forms.js"),
    ),
];

pub async fn static_file(Path(file): Path<String>) -> Result<Response, AppError> {
    let (_, content_type, body) = STATIC_FILES
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, *content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        *body,
    )
        .into_response())
}
