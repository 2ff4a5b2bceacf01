//! Outcome screens: the outcomes part of the patient page (serious adverse events first,
//! possible secondary non-response with the next steps, the expected effect, follow-ups,
//! assessments, goals and adverse events), the assessment form for each kind of scale,
//! the adverse event form, goals and their scores, and the worklist with its one-click
//! contact forms. They call the same functions as the JSON API (`api::outcomes`).

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::{HtmlForm, url_encode};
use crate::i18n::Tr;
use crate::pages::form_number;
use crate::pages::patients::{Choice, parse_patient_id};
use crate::pages::sessions::{muscle_name, scale_name};
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_app::outcomes::{Contact, OutcomeSummary, Worklist, WorklistRequest};
use bont_core::Problem;
use bont_core::outcomes::adverse::{ACTIONS, AdverseEventInput, OUTCOMES, SEVERITIES};
use bont_core::outcomes::assessment::{AssessmentInput, MuscleRow, Timepoint};
use bont_core::outcomes::book::{Scale, ScaleKind};
use bont_core::outcomes::goals::{GoalDomain, GoalInput, GoalScoreInput};
use bont_core::outcomes::response::Response as CycleResult;
use bont_core::safety::plan::{PlanError, PlanErrors};
use bont_core::vocabulary::Indication;
use bont_core::{Capability, PatientId, SessionId};
use bont_db::outcomes::FollowUpStatus;
use bont_db::sessions::{SessionStatus, StoredSession};
use jiff::ToSpan;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A score or figure as the form's field holds it (a decimal point, one decimal).
fn input_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A score or figure to read: one decimal at most, the language's decimal sign.
fn score_text(tr: &Tr, v: f64) -> String {
    tr.number((v * 10.0).round() / 10.0)
}

/// A follow-up as the patient page and the worklist show it.
pub struct FollowUpLine {
    pub id: i64,
    pub kind: String,
    pub window: String,
    pub due: String,
    pub state: String,
    pub open: bool,
    pub attempts: i64,
    pub booked: String,
}

/// An adverse event as shown.
pub struct EventLine {
    pub id: i64,
    pub session: SessionId,
    pub session_date: String,
    pub kind: String,
    pub onset_day: u32,
    pub duration: String,
    pub severity: String,
    pub outcome: String,
    pub actions: String,
    pub lot: String,
    pub detail: String,
    pub alarming: bool,
    pub void: bool,
}

pub struct AssessmentLine {
    pub id: i64,
    pub date: String,
    pub scale: String,
    pub timepoint: String,
    pub score: String,
    pub detail: String,
    pub void: bool,
}

pub struct GoalLine {
    pub id: i64,
    pub domain: String,
    pub text: String,
    pub weight: u8,
    pub baseline: String,
    pub latest: String,
    pub history: String,
    pub sessions: String,
}

/// The outcomes part of the patient page.
#[derive(Template)]
#[template(path = "patients/outcomes.html")]
pub struct OutcomesPanel {
    tr: Tr,
    patient: PatientId,
    can_record: bool,
    alarming: Vec<EventLine>,
    non_response: Option<(String, Vec<String>, String)>,
    /// Chronic migraine episodic again for three months (the dates of the counts).
    episodic_again: Option<String>,
    model: Option<String>,
    follow_ups: Vec<FollowUpLine>,
    scales: Vec<Choice>,
    assessments: Vec<AssessmentLine>,
    goals: Vec<GoalLine>,
    gas: String,
    domains: Vec<Choice>,
    levels: Vec<(i8, String)>,
    today: String,
    events: Vec<EventLine>,
    sessions: Vec<(SessionId, String)>,
}

fn signed_level(level: i8) -> String {
    if level > 0 {
        format!("+{level}")
    } else {
        level.to_string()
    }
}

/// The line shown for a follow-up.
pub fn follow_up_line(
    tr: &Tr,
    f: &bont_db::outcomes::StoredFollowUp,
    today: jiff::civil::Date,
) -> FollowUpLine {
    let state = match f.status {
        FollowUpStatus::Open => tr.t(&format!(
            "standing-{}",
            bont_core::outcomes::schedule::standing(f.due_on, f.late_after, f.booked_on, today)
                .id()
        )),
        _ => tr.t(&format!(
            "closed-as-{}",
            f.closed_as.as_deref().unwrap_or("reached")
        )),
    };
    FollowUpLine {
        id: f.id,
        kind: tr.t(&format!("follow-up-{}", f.kind.id())),
        window: format!("{} – {}", tr.date(f.opens_on), tr.date(f.late_after)),
        due: tr.date(f.due_on),
        state,
        open: f.status == FollowUpStatus::Open,
        attempts: f.attempts,
        booked: f.booked_on.map(|d| tr.date(d)).unwrap_or_default(),
    }
}

fn event_lines(tr: &Tr, summary: &OutcomeSummary, sessions: &[StoredSession]) -> Vec<EventLine> {
    summary
        .adverse_events
        .iter()
        .map(|e| {
            let r = &e.record;
            EventLine {
                id: e.id,
                session: e.session,
                session_date: sessions
                    .iter()
                    .find(|s| s.id == e.session)
                    .map(|s| s.record.date.clone())
                    .unwrap_or_default(),
                kind: tr.t(&format!("adverse-{}", r.kind)),
                onset_day: r.onset_day,
                duration: r
                    .duration_days
                    .map(|d| tr.t_with("days-count", &[("count", d.into())]))
                    .unwrap_or_default(),
                severity: tr.t(&format!("severity-{}", r.severity)),
                outcome: tr.t(&format!("ae-outcome-{}", r.outcome)),
                actions: r
                    .actions
                    .iter()
                    .map(|a| tr.t(&format!("ae-action-{a}")))
                    .collect::<Vec<_>>()
                    .join(", "),
                lot: r.lot.clone(),
                detail: r.detail.clone(),
                alarming: e.alarming,
                void: e.void,
            }
        })
        .collect()
}

/// How one cycle's response reads in the sessions table.
pub fn response_text(tr: &Tr, summary: &OutcomeSummary, session: SessionId) -> String {
    match summary.response_of(session) {
        Some(r) => match r.response {
            CycleResult::Responder => tr.t("response-responder"),
            CycleResult::NonResponder => tr.t("response-non-responder"),
            CycleResult::NotAssessed => tr.t("response-not-assessed"),
            CycleResult::TooEarly => tr.t("response-too-early"),
        },
        None => String::new(),
    }
}

fn assessment_detail(state: &AppState, tr: &Tr, a: &AssessmentInput) -> String {
    let mut parts: Vec<String> = a
        .parts
        .iter()
        .map(|(k, v)| {
            format!(
                "{} {}",
                tr.t(&format!("scale-part-{k}")),
                score_text(tr, *v)
            )
        })
        .collect();
    if !a.items.is_empty() {
        parts.push(
            a.items
                .iter()
                .map(|i| {
                    i.map(|v| score_text(tr, v))
                        .unwrap_or_else(|| tr.t("assessment-not-applicable"))
                })
                .collect::<Vec<_>>()
                .join(" · "),
        );
    }
    if let Some(l) = &a.level {
        parts.push(l.clone());
    }
    for r in &a.rows {
        let side = if r.side.is_empty() {
            String::new()
        } else {
            tr.t(&format!("side-{}", r.side))
        };
        let mut text = format!("{} {side}", muscle_name(state, tr.language, &r.muscle));
        if let Some(l) = &r.level {
            text.push_str(&format!(" {l}"));
        }
        if let Some(q) = r.quality {
            text.push_str(&format!(" X{}", score_text(tr, q)));
        }
        if let (Some(r1), Some(r2)) = (r.r1, r.r2) {
            text.push_str(&format!(" R1 {r1}° R2 {r2}°"));
        }
        parts.push(text);
    }
    if !a.notes.is_empty() {
        parts.push(a.notes.clone());
    }
    parts.join("; ")
}

impl OutcomesPanel {
    pub async fn build(
        state: &AppState,
        me: &CurrentUser,
        patient: PatientId,
        indications: &[Indication],
        summary: &OutcomeSummary,
        sessions: &[StoredSession],
    ) -> Result<OutcomesPanel, AppError> {
        let tr = me.tr();
        let today = state.clock.today();
        let events = event_lines(&tr, summary, sessions);
        let session_date = |id: i64| {
            sessions
                .iter()
                .find(|s| s.id.get() == id)
                .map(|s| tr.date_text(&s.record.date))
                .unwrap_or_default()
        };
        let episodic_again = summary.episodic_again.as_ref().map(|dates| {
            tr.t_with(
                "episodic-again-text",
                &[(
                    "dates",
                    dates
                        .iter()
                        .map(|d| tr.date(*d))
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                )],
            )
        });
        let non_response = summary.non_response.as_ref().map(|n| {
            (
                tr.t_with(
                    "non-response-text",
                    &[
                        ("responded", session_date(n.responded_in).into()),
                        (
                            "lost",
                            n.lost_in
                                .iter()
                                .map(|s| session_date(*s))
                                .collect::<Vec<_>>()
                                .join(", ")
                                .into(),
                        ),
                        ("units", score_text(&tr, n.responding_units).into()),
                        (
                            "product",
                            crate::pages::sessions::product_name(state, tr.language, &n.product)
                                .into(),
                        ),
                    ],
                ),
                n.next_steps
                    .iter()
                    .map(|s| tr.t(&format!("non-response-step-{s}")))
                    .collect(),
                n.source.join(", "),
            )
        });
        let model = summary.model.as_ref().map(|m| {
            let day = |d: f64| {
                m.session_date
                    .checked_add((d.round() as i64).days())
                    .map(|x| x.to_string())
                    .unwrap_or_default()
            };
            tr.t_with(
                if m.model.fitted {
                    "model-fitted"
                } else {
                    "model-default"
                },
                &[
                    ("session", tr.date(m.session_date).into()),
                    ("onset", day(m.model.onset_day).into()),
                    ("peak", day(m.model.peak_day).into()),
                    ("end", day(m.model.duration_day).into()),
                    ("weeks", score_text(&tr, m.model.duration_day / 7.0).into()),
                    ("cycles", m.model.cycles_used.into()),
                    ("source", m.model.source.join(", ").into()),
                ],
            )
        });
        let mut scales: Vec<&Scale> = Vec::new();
        for i in indications {
            for s in state.outcomes.scales_for(i.id()) {
                if s.kind != ScaleKind::Gas && !scales.iter().any(|x| x.id == s.id) {
                    scales.push(s);
                }
            }
        }
        if scales.is_empty() {
            scales = state.outcomes.scales_for("all");
        }
        let goals = summary
            .goals
            .iter()
            .map(|g| GoalLine {
                id: g.id,
                domain: tr.t(&format!("goal-domain-{}", g.goal.domain.id())),
                text: g.goal.text.clone(),
                weight: g.goal.weight,
                baseline: signed_level(g.goal.baseline),
                latest: g
                    .scores
                    .last()
                    .map(|s| signed_level(s.1))
                    .unwrap_or_default(),
                history: g
                    .scores
                    .iter()
                    .map(|(d, l)| format!("{d}: {}", signed_level(*l)))
                    .collect::<Vec<_>>()
                    .join(", "),
                sessions: g
                    .sessions
                    .iter()
                    .map(|s| session_date(s.get()))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect();
        Ok(OutcomesPanel {
            patient,
            can_record: me.user.role.allows(Capability::RecordOutcomes),
            alarming: events
                .iter()
                .filter(|e| e.alarming && !e.void)
                .map(|e| EventLine {
                    id: e.id,
                    session: e.session,
                    session_date: e.session_date.clone(),
                    kind: e.kind.clone(),
                    onset_day: e.onset_day,
                    duration: e.duration.clone(),
                    severity: e.severity.clone(),
                    outcome: e.outcome.clone(),
                    actions: e.actions.clone(),
                    lot: e.lot.clone(),
                    detail: e.detail.clone(),
                    alarming: true,
                    void: false,
                })
                .collect(),
            non_response,
            episodic_again,
            model,
            follow_ups: summary
                .follow_ups
                .iter()
                .filter(|f| f.status != FollowUpStatus::Cancelled)
                .take(12)
                .map(|f| follow_up_line(&tr, f, today))
                .collect(),
            scales: scales
                .iter()
                .map(|s| Choice {
                    id: s.id.clone(),
                    label: scale_name(s, tr.language),
                    selected: false,
                })
                .collect(),
            assessments: summary
                .assessments
                .iter()
                .rev()
                .map(|a| AssessmentLine {
                    id: a.id,
                    date: a.date.to_string(),
                    scale: state
                        .outcomes
                        .scale(&a.scale)
                        .map(|s| scale_name(s, tr.language))
                        .unwrap_or_else(|| a.scale.clone()),
                    timepoint: tr.t(&format!("timepoint-{}", a.timepoint.id())),
                    score: {
                        let band = state
                            .outcomes
                            .scale(&a.scale)
                            .and_then(|s| s.band(a.score))
                            .map(|b| format!(" ({b})"))
                            .unwrap_or_default();
                        format!("{}{band}", score_text(&tr, a.score))
                    },
                    detail: assessment_detail(state, &tr, &a.record),
                    void: a.void,
                })
                .collect(),
            goals,
            gas: summary
                .gas_t_score
                .map(|t| format!("{t:.1}"))
                .unwrap_or_default(),
            domains: GoalDomain::ALL
                .iter()
                .map(|d| Choice {
                    id: d.id().into(),
                    label: tr.t(&format!("goal-domain-{}", d.id())),
                    selected: false,
                })
                .collect(),
            levels: (-2..=2)
                .map(|l| (l, tr.t(&format!("goal-level-{}", level_id(l)))))
                .collect(),
            today: today.to_string(),
            events,
            sessions: sessions
                .iter()
                .filter(|s| s.status == SessionStatus::Signed)
                .map(|s| (s.id, format!("{} · {}", s.record.date, s.record.product)))
                .collect(),
            tr,
        })
    }
}

fn level_id(level: i8) -> &'static str {
    match level {
        -2 => "minus2",
        -1 => "minus1",
        0 => "0",
        1 => "plus1",
        _ => "plus2",
    }
}

/// What a patient's outcomes read for the patient page.
pub async fn panel_and_responses(
    state: &AppState,
    me: &CurrentUser,
    patient: PatientId,
    indications: &[Indication],
    sessions: &[StoredSession],
) -> Result<(OutcomesPanel, OutcomeSummary), AppError> {
    let summary = state.summary(&me.actor(state), patient).await?;
    let panel = OutcomesPanel::build(state, me, patient, indications, &summary, sessions).await?;
    Ok((panel, summary))
}

mod adverse;
mod assessments;
mod goals;
mod pictures;
mod worklist;
pub use adverse::*;
pub use assessments::*;
pub use goals::*;
pub use pictures::*;
pub use worklist::*;
