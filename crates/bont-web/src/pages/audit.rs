//! The audit trail, for administrators: who read or changed which record, when and from
//! where, filtered by user, action, patient and days; and a check of its hash chain.
//! Records are named by number: the trail never shows a patient's name.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{Nav, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use bont_db::audit::{AuditFilter, AuditRow, BreakKind, ChainBreak, Event};

/// Events per page.
const PAGE: i64 = 100;

#[derive(Debug, Default, serde::Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    user: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    patient: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    before: Option<i64>,
}

#[derive(Template)]
#[template(path = "audit/list.html")]
struct ListPage {
    tr: Tr,
    nav: Option<Nav>,
    query: AuditQuery,
    actions: Vec<String>,
    problems: Vec<String>,
    events: Vec<AuditRow>,
    older: Option<String>,
}

fn day(tr: &Tr, field: &str, text: &str, problems: &mut Vec<String>) -> Option<jiff::civil::Date> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push(tr.t_with(
                "audit-bad-date",
                &[
                    ("field", tr.t(field).into()),
                    ("value", text.to_owned().into()),
                ],
            ));
            None
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(query): Query<AuditQuery>,
) -> Result<Html<String>, AppError> {
    let tr = me.tr();
    let mut problems = Vec::new();
    let from = day(&tr, "audit-from", &query.from, &mut problems);
    let to = day(&tr, "audit-to", &query.to, &mut problems);
    let patient = match query.patient.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                problems.push(tr.t_with("audit-bad-patient", &[("value", text.to_owned().into())]));
                None
            }
        },
    };
    let nonempty = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = AuditFilter {
        clinic: Some(me.user.clinic),
        user: nonempty(&query.user),
        action: nonempty(&query.action),
        entity: patient.map(|_| "patient".to_owned()),
        entity_id: patient,
        from,
        to,
        before: query.before,
    };
    let mut events = state.db.audit_events(&filter, PAGE).await?;
    // What was searched for, a reason for voiding, an adverse event: the details of
    // clinical events are kept on the trail but shown only to those who may read
    // patients' records (the command line's export shows them to the operator).
    if !me.user.role.allows(bont_core::Capability::ViewPatients) {
        let withheld = tr.t("audit-detail-withheld");
        for event in &mut events {
            if !shows_no_patient_data(&event.action) && !event.detail.is_empty() {
                event.detail = withheld.clone();
            }
        }
    }
    // Reading the trail is itself on the trail.
    state
        .db
        .audit_event(
            Some(me.user.clinic),
            Some(me.user.id),
            &me.client,
            state.clock.now(),
            Event {
                action: "audit.view",
                entity: None,
                entity_id: None,
                detail: "",
            },
        )
        .await?;
    let older = (events.len() as i64 == PAGE)
        .then(|| events.last().map(|e| e.id))
        .flatten()
        .map(|id| {
            let mut q = form_urlencoded::Serializer::new(String::new());
            for (k, v) in [
                ("user", &query.user),
                ("action", &query.action),
                ("patient", &query.patient),
                ("from", &query.from),
                ("to", &query.to),
            ] {
                q.append_pair(k, v);
            }
            q.append_pair("before", &id.to_string());
            format!("/audit?{}", q.finish())
        });
    let actions = state.db.audit_actions().await?;
    render(&ListPage {
        tr,
        nav: Some(Nav::of(&me.user)),
        query,
        actions,
        problems,
        events,
        older,
    })
}

#[derive(Template)]
#[template(path = "audit/verify.html")]
struct VerifyPage {
    tr: Tr,
    nav: Option<Nav>,
    summary: String,
    breaks: Vec<String>,
    head: String,
}

/// Recomputes the whole chain: slow on a large trail, so it is a page of its own.
pub async fn verify(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let report = state.db.verify_audit_chain(None).await?;
    state
        .db
        .audit_event(
            Some(me.user.clinic),
            Some(me.user.id),
            &me.client,
            state.clock.now(),
            Event {
                action: "audit.verify",
                entity: None,
                entity_id: None,
                detail: if report.is_intact() {
                    "intact"
                } else {
                    "broken"
                },
            },
        )
        .await?;
    let tr = me.tr();
    let summary = if report.breaks.is_empty() {
        tr.t_with("audit-intact", &[("count", report.events.into())])
    } else {
        tr.t_with("audit-broken", &[("count", report.breaks.len().into())])
    };
    let breaks = report
        .breaks
        .iter()
        .map(|b| tr.t_with(break_message(b), &[("id", b.id.into())]))
        .collect();
    render(&VerifyPage {
        nav: Some(Nav::of(&me.user)),
        summary,
        breaks,
        head: report.head,
        tr,
    })
}

/// Events whose detail never names a patient or a clinical fact: accounts, log-ins,
/// tokens, the clinic's settings, the trail itself, refused access (a path and a record
/// number), the command line's backups, restores and exports.
fn shows_no_patient_data(action: &str) -> bool {
    const PREFIXES: [&str; 7] = [
        "user.", "login", "token.", "clinic.", "audit.", "access.", "records.",
    ];
    PREFIXES.iter().any(|p| action.starts_with(p)) || matches!(action, "backup" | "restore")
}

fn break_message(b: &ChainBreak) -> &'static str {
    match b.kind {
        BreakKind::Edited => "audit-break-edited",
        BreakKind::Unlinked => "audit-break-unlinked",
        BreakKind::Unsealed => "audit-break-unsealed",
        BreakKind::NoKey => "audit-break-no-key",
        BreakKind::Truncated => "audit-break-truncated",
        BreakKind::ForgedCheckpoint => "audit-break-forged",
    }
}
