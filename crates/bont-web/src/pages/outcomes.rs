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

// ---------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------

/// The assessment form as the browser sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssessmentForm {
    scale: String,
    date: String,
    timepoint: String,
    score: String,
    part_id: Vec<String>,
    part: Vec<String>,
    item: Vec<String>,
    level: String,
    muscle: Vec<String>,
    side: Vec<String>,
    row_level: Vec<String>,
    quality: Vec<String>,
    r1: Vec<String>,
    r2: Vec<String>,
    notes: String,
}

impl AssessmentForm {
    /// The form as the one input the domain checks; empty muscle rows are skipped.
    fn to_input(&self) -> Result<AssessmentInput, PlanErrors> {
        let mut errors = Vec::new();
        let cell = |column: &[String], i: usize| {
            column
                .get(i)
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let score = form_number("score".into(), &self.score, &mut errors);
        let mut parts = BTreeMap::new();
        for (i, id) in self.part_id.iter().enumerate() {
            if let Some(v) = form_number(format!("parts.{id}"), &cell(&self.part, i), &mut errors) {
                parts.insert(id.clone(), v);
            }
        }
        let items = self
            .item
            .iter()
            .enumerate()
            .map(|(i, raw)| form_number(format!("items[{i}]"), raw, &mut errors))
            .collect();
        let mut rows = Vec::new();
        for i in 0..self.muscle.len() {
            let muscle = cell(&self.muscle, i);
            if muscle.is_empty() {
                continue;
            }
            let n = rows.len();
            let level = cell(&self.row_level, i);
            rows.push(MuscleRow {
                muscle,
                side: cell(&self.side, i),
                level: (!level.is_empty()).then_some(level),
                quality: form_number(
                    format!("rows[{n}].quality"),
                    &cell(&self.quality, i),
                    &mut errors,
                ),
                r1: form_number(format!("rows[{n}].r1"), &cell(&self.r1, i), &mut errors),
                r2: form_number(format!("rows[{n}].r2"), &cell(&self.r2, i), &mut errors),
            });
        }
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        Ok(AssessmentInput {
            scale: self.scale.trim().to_owned(),
            date: self.date.trim().to_owned(),
            timepoint: self.timepoint.trim().to_owned(),
            score,
            parts,
            items,
            level: Some(self.level.trim().to_owned()).filter(|l| !l.is_empty()),
            rows,
            notes: self.notes.clone(),
        })
    }
}

/// One row of a per-muscle scale in the form.
pub struct MuscleFormRow {
    muscle: String,
    sides: Vec<Choice>,
    levels: Vec<Choice>,
    quality: String,
    r1: String,
    r2: String,
}

#[derive(Template)]
#[template(path = "outcomes/assessment.html")]
struct AssessmentPage {
    tr: Tr,
    nav: Option<Nav>,
    patient: PatientId,
    patient_name: String,
    scale: Scale,
    scale_title: String,
    kind: &'static str,
    sources: String,
    date: String,
    timepoints: Vec<Choice>,
    score: String,
    parts: Vec<(String, String, String)>,
    items: Vec<Vec<Choice>>,
    levels: Vec<Choice>,
    rows: Vec<MuscleFormRow>,
    muscles: Vec<(String, String)>,
    notes: String,
    errors: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct ScaleQuery {
    scale: Option<String>,
}

fn kind_id(kind: ScaleKind) -> &'static str {
    match kind {
        ScaleKind::Score => "score",
        ScaleKind::Parts => "parts",
        ScaleKind::Items => "items",
        ScaleKind::Levels => "levels",
        ScaleKind::PerMuscle => "per_muscle",
        ScaleKind::Tardieu => "tardieu",
        ScaleKind::Gas => "gas",
    }
}

async fn assessment_page(
    state: &AppState,
    me: &CurrentUser,
    patient: PatientId,
    scale: &Scale,
    input: &AssessmentInput,
    errors: Vec<String>,
) -> Result<AssessmentPage, AppError> {
    let tr = me.tr();
    let stored = state.db.read_patient(&me.actor(state), patient).await?;
    let show = |v: Option<f64>| v.map(input_number).unwrap_or_default();
    let item_count = scale.items.unwrap_or_default() as usize;
    let (lo, hi) = (
        scale.item_min.unwrap_or_default() as i64,
        scale.item_max.unwrap_or_default() as i64,
    );
    let mut rows: Vec<MuscleFormRow> = input
        .rows
        .iter()
        .map(|r| {
            (
                r.muscle.clone(),
                r.side.clone(),
                r.level.clone(),
                r.quality,
                r.r1,
                r.r2,
            )
        })
        .chain((0..6).map(|_| (String::new(), "left".into(), None, None, None, None)))
        .map(|(muscle, side, level, quality, r1, r2)| MuscleFormRow {
            muscle,
            sides: ["left", "right"]
                .iter()
                .map(|s| Choice {
                    id: (*s).into(),
                    label: tr.t(&format!("side-{s}")),
                    selected: *s == side,
                })
                .collect(),
            levels: scale
                .levels
                .iter()
                .map(|l| Choice {
                    id: l.clone(),
                    label: l.clone(),
                    selected: level.as_deref() == Some(l.as_str()),
                })
                .collect(),
            quality: show(quality),
            r1: show(r1),
            r2: show(r2),
        })
        .collect();
    rows.truncate(input.rows.len() + 6);
    Ok(AssessmentPage {
        nav: Some(Nav::of(&me.user)),
        patient,
        patient_name: stored.record.name.display(),
        kind: kind_id(scale.kind),
        sources: scale.source.join(", "),
        date: if input.date.is_empty() {
            state.clock.today().to_string()
        } else {
            input.date.clone()
        },
        timepoints: Timepoint::ALL
            .iter()
            .map(|t| Choice {
                id: t.id().into(),
                label: tr.t(&format!("timepoint-{}", t.id())),
                selected: input.timepoint == t.id(),
            })
            .collect(),
        score: show(input.score),
        parts: scale
            .parts
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    format!(
                        "{} ({}–{})",
                        tr.t(&format!("scale-part-{}", p.id)),
                        score_text(&tr, p.min),
                        score_text(&tr, p.max)
                    ),
                    show(input.parts.get(&p.id).copied()),
                )
            })
            .collect(),
        items: (0..item_count)
            .map(|i| {
                let given = input.items.get(i).copied().flatten();
                std::iter::once(Choice {
                    id: String::new(),
                    label: tr.t("assessment-not-applicable"),
                    selected: given.is_none(),
                })
                .chain((lo..=hi).map(|v| Choice {
                    id: v.to_string(),
                    label: v.to_string(),
                    selected: given == Some(v as f64),
                }))
                .collect()
            })
            .collect(),
        levels: scale
            .levels
            .iter()
            .map(|l| Choice {
                id: l.clone(),
                label: l.clone(),
                selected: input.level.as_deref() == Some(l.as_str()),
            })
            .collect(),
        rows,
        muscles: crate::pages::sessions::muscle_choices(state, tr.language),
        notes: input.notes.clone(),
        scale_title: scale_name(scale, tr.language),
        scale: scale.clone(),
        errors,
        tr,
    })
}

pub async fn assessment_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<ScaleQuery>,
) -> Result<Html<String>, AppError> {
    let patient = parse_patient_id(&id)?;
    let scale = state
        .outcomes
        .scale(query.scale.as_deref().unwrap_or_default())
        .filter(|s| s.kind != ScaleKind::Gas)
        .ok_or(AppError::NotFound)?
        .clone();
    let input = AssessmentInput {
        scale: scale.id.clone(),
        timepoint: "peak".into(),
        ..AssessmentInput::default()
    };
    render(&assessment_page(&state, &me, patient, &scale, &input, Vec::new()).await?)
}

pub async fn create_assessment(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<AssessmentForm>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let scale = state
        .outcomes
        .scale(form.scale.trim())
        .cloned()
        .ok_or_else(|| AppError::Malformed("scale: unknown".into()))?;
    let again = |input: AssessmentInput, errors: PlanErrors| {
        let state = state.clone();
        let me = me.clone();
        let scale = scale.clone();
        async move {
            let page = assessment_page(
                &state,
                &me,
                patient,
                &scale,
                &input,
                errors.0.iter().map(|e| me.tr().plan_error(e)).collect(),
            )
            .await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    };
    let input = match form.to_input() {
        Ok(input) => input,
        Err(errors) => {
            let fallback = AssessmentInput {
                scale: scale.id.clone(),
                date: form.date.clone(),
                timepoint: form.timepoint.clone(),
                notes: form.notes.clone(),
                ..AssessmentInput::default()
            };
            return again(fallback, errors).await;
        }
    };
    match state
        .record_assessment(&me.actor(&state), patient, &input)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/patients/{patient}#outcomes")).into_response()),
        Err(bont_app::Error::Invalid(errors)) => again(input, errors).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    reason: String,
}

pub async fn void_assessment(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ReasonForm>,
) -> Result<Response, AppError> {
    // A fault of the reason shows on a plain error page: the form is one field.
    let patient = state
        .void_assessment(&me.actor(&state), id, &form.reason)
        .await?;
    Ok(Redirect::to(&format!("/patients/{patient}#outcomes")).into_response())
}

// ---------------------------------------------------------------------------------------
// Adverse events
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdverseForm {
    kind: String,
    onset_day: String,
    duration_days: String,
    severity: String,
    outcome: String,
    actions: Vec<String>,
    lot: String,
    detail: String,
}

impl AdverseForm {
    fn to_input(&self) -> Result<AdverseEventInput, PlanErrors> {
        let mut errors = Vec::new();
        let whole = |field: &str, raw: &str, errors: &mut Vec<PlanError>| -> Option<u32> {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            raw.parse::<u32>().map(Some).unwrap_or_else(|_| {
                errors.push(PlanError::new(
                    field,
                    Problem::NotAWholeNumber {
                        value: raw.chars().take(20).collect(),
                    },
                ));
                None
            })
        };
        let onset = whole("onset_day", &self.onset_day, &mut errors);
        if onset.is_none() && self.onset_day.trim().is_empty() {
            errors.push(PlanError::new("onset_day", Problem::Required));
        }
        let duration = whole("duration_days", &self.duration_days, &mut errors);
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        Ok(AdverseEventInput {
            kind: self.kind.clone(),
            onset_day: onset.unwrap_or_default(),
            duration_days: duration,
            severity: self.severity.clone(),
            outcome: self.outcome.clone(),
            actions: self.actions.clone(),
            lot: self.lot.clone(),
            detail: self.detail.clone(),
        })
    }
}

#[derive(Template)]
#[template(path = "outcomes/adverse.html")]
struct AdversePage {
    tr: Tr,
    nav: Option<Nav>,
    session: SessionId,
    session_date: String,
    product: String,
    patient: PatientId,
    patient_name: String,
    kinds: Vec<Choice>,
    onset_day: String,
    duration_days: String,
    severities: Vec<Choice>,
    outcomes: Vec<Choice>,
    actions: Vec<Choice>,
    lots: Vec<Choice>,
    detail: String,
    errors: Vec<String>,
}

async fn adverse_page(
    state: &AppState,
    me: &CurrentUser,
    session: SessionId,
    form: &AdverseForm,
    errors: Vec<String>,
) -> Result<AdversePage, AppError> {
    let tr = me.tr();
    let actor = me.actor(state);
    let s = state.db.read_session(&actor, session).await?;
    let patient = state.db.read_patient(&actor, s.patient).await?;
    let pick = |prefix: &str, ids: Vec<&str>, chosen: &[String]| -> Vec<Choice> {
        ids.into_iter()
            .map(|id| Choice {
                id: id.to_owned(),
                label: tr.t(&format!("{prefix}-{id}")),
                selected: chosen.iter().any(|c| c == id),
            })
            .collect()
    };
    // The events the indication's sources name come first.
    let mut kinds: Vec<&str> = state
        .outcomes
        .adverse_events
        .iter()
        .filter(|a| a.indications.contains(&s.record.indication))
        .map(|a| a.id.as_str())
        .collect();
    kinds.extend(
        state
            .outcomes
            .adverse_events
            .iter()
            .filter(|a| !a.indications.contains(&s.record.indication))
            .map(|a| a.id.as_str()),
    );
    Ok(AdversePage {
        nav: Some(Nav::of(&me.user)),
        session,
        session_date: s.record.date.clone(),
        product: s.record.product.clone(),
        patient: s.patient,
        patient_name: patient.record.name.display(),
        kinds: pick("adverse", kinds, std::slice::from_ref(&form.kind)),
        onset_day: form.onset_day.clone(),
        duration_days: form.duration_days.clone(),
        severities: pick(
            "severity",
            SEVERITIES.to_vec(),
            std::slice::from_ref(&form.severity),
        ),
        outcomes: pick(
            "ae-outcome",
            OUTCOMES.to_vec(),
            std::slice::from_ref(&form.outcome),
        ),
        actions: pick("ae-action", ACTIONS.to_vec(), &form.actions),
        lots: s
            .record
            .vials
            .iter()
            .map(|v| Choice {
                id: v.lot.clone(),
                label: format!("{} ({} {})", v.lot, tr.t("session-expiry"), v.expiry),
                selected: form.lot == v.lot,
            })
            .collect(),
        detail: form.detail.clone(),
        errors,
        tr,
    })
}

pub async fn adverse_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let session = parse_session(&id)?;
    let form = AdverseForm {
        outcome: "resolving".into(),
        ..AdverseForm::default()
    };
    render(&adverse_page(&state, &me, session, &form, Vec::new()).await?)
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
    HtmlForm(form): HtmlForm<AdverseForm>,
) -> Result<Response, AppError> {
    let session = parse_session(&id)?;
    let outcome = match form.to_input() {
        Ok(input) => state
            .record_adverse_event(&me.actor(&state), session, &input)
            .await
            .map_err(AppError::from),
        Err(errors) => Err(AppError::InvalidPlan(errors)),
    };
    match outcome {
        Ok(_) => {
            let s = state.db.read_session(&me.actor(&state), session).await?;
            Ok(Redirect::to(&format!("/patients/{}#outcomes", s.patient)).into_response())
        }
        Err(AppError::InvalidPlan(errors)) => {
            let page = adverse_page(
                &state,
                &me,
                session,
                &form,
                errors.0.iter().map(|e| me.tr().plan_error(e)).collect(),
            )
            .await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e),
    }
}

pub async fn void_adverse_event(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ReasonForm>,
) -> Result<Response, AppError> {
    let patient = state
        .void_adverse_event(&me.actor(&state), id, &form.reason)
        .await?;
    Ok(Redirect::to(&format!("/patients/{patient}#outcomes")).into_response())
}

// ---------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    domain: String,
    text: String,
    weight: String,
    baseline: String,
    set_on: String,
    session: String,
}

fn small_number<T: std::str::FromStr>(
    field: &str,
    raw: &str,
    errors: &mut Vec<PlanError>,
) -> Option<T> {
    let raw = raw.trim().trim_start_matches('+');
    if raw.is_empty() {
        return None;
    }
    raw.parse::<T>().map(Some).unwrap_or_else(|_| {
        errors.push(PlanError::new(
            field,
            Problem::NotAWholeNumber {
                value: raw.chars().take(10).collect(),
            },
        ));
        None
    })
}

fn optional_session(raw: &str) -> Option<SessionId> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
}

/// Errors of a small form on the patient page, shown on a page of their own.
fn form_errors(errors: PlanErrors) -> AppError {
    AppError::InvalidPlan(errors)
}

pub async fn create_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<GoalForm>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let mut errors = Vec::new();
    let weight = small_number::<u8>("weight", &form.weight, &mut errors);
    let baseline = small_number::<i8>("baseline", &form.baseline, &mut errors);
    if baseline.is_none() && errors.is_empty() {
        errors.push(PlanError::new("baseline", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(form_errors(PlanErrors(errors)));
    }
    let goal = GoalInput {
        domain: form.domain.clone(),
        text: form.text.clone(),
        weight,
        baseline: baseline.unwrap_or_default(),
        set_on: form.set_on.clone(),
    };
    state
        .create_goal(
            &me.actor(&state),
            patient,
            &goal,
            optional_session(&form.session),
        )
        .await?;
    Ok(Redirect::to(&format!("/patients/{patient}#goals")).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoalScoreForm {
    date: String,
    level: String,
    session: String,
}

pub async fn score_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<GoalScoreForm>,
) -> Result<Response, AppError> {
    let mut errors = Vec::new();
    let level = small_number::<i8>("level", &form.level, &mut errors);
    if level.is_none() && errors.is_empty() {
        errors.push(PlanError::new("level", Problem::Required));
    }
    if !errors.is_empty() {
        return Err(form_errors(PlanErrors(errors)));
    }
    let actor = me.actor(&state);
    state
        .record_goal_score(
            &actor,
            id,
            &GoalScoreInput {
                date: form.date.clone(),
                level: level.unwrap_or_default(),
            },
            optional_session(&form.session),
        )
        .await?;
    let goal = state.db.goal(&actor, id).await?;
    Ok(Redirect::to(&format!("/patients/{}#goals", goal.patient)).into_response())
}

// ---------------------------------------------------------------------------------------
// Worklist
// ---------------------------------------------------------------------------------------

pub struct WorklistEntry {
    follow_up: FollowUpLine,
    standing: &'static str,
    patient: PatientId,
    patient_name: String,
    record_number: String,
    phone: String,
    session: SessionId,
    session_text: String,
    indication: String,
    physician: String,
    alarming: bool,
}

#[derive(Template)]
#[template(path = "outcomes/worklist.html")]
struct WorklistPage {
    tr: Tr,
    nav: Option<Nav>,
    date: String,
    week_ends: String,
    view: String,
    views: Vec<Choice>,
    indications: Vec<Choice>,
    physicians: Vec<Choice>,
    entries: Vec<WorklistEntry>,
    never: Vec<(PatientId, String, SessionId, String, String, String)>,
    can_record: bool,
    results: Vec<Choice>,
    back: String,
    /// "Page 2 of 7", when there is more than one page.
    pager_text: String,
    /// How many lines on all pages.
    total_text: String,
    previous: Option<String>,
    next: Option<String>,
}

pub async fn worklist(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(request): Query<WorklistRequest>,
) -> Result<Html<String>, AppError> {
    let tr = me.tr();
    let actor = me.actor(&state);
    let view = request.view.clone().unwrap_or_default();
    let asked = request.check(state.clock.today())?;
    let day = asked.day;
    let mut entries = Vec::new();
    let mut never = Vec::new();
    let (total, page, per_page) = match state.worklist(Some(&actor), actor.clinic, &asked).await? {
        Worklist::FollowUps(found) => {
            entries = found
                .rows
                .into_iter()
                .map(|row| WorklistEntry {
                    follow_up: follow_up_line(&tr, &row.follow_up, day),
                    standing: row.standing.id(),
                    patient: row.follow_up.patient,
                    patient_name: row.patient.record.name.display(),
                    record_number: row.patient.record.record_number.to_string(),
                    phone: row
                        .patient
                        .record
                        .contact
                        .phone
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    session: row.follow_up.session,
                    session_text: format!(
                        "{} · {} {} {}",
                        tr.date_text(row.session_date),
                        tr.number(row.total_units),
                        tr.t("unit-u"),
                        crate::pages::sessions::product_name(&state, tr.language, &row.product)
                    ),
                    indication: tr.t(&format!("indication-{}", row.indication)),
                    physician: row.physician.unwrap_or_default(),
                    alarming: row.alarming_event,
                })
                .collect();
            (found.total, found.page, found.per_page)
        }
        Worklist::NeverFollowedUp(found) => {
            never = found
                .sessions
                .into_iter()
                .map(|n| {
                    (
                        n.patient.id,
                        n.patient.record.name.display(),
                        n.session,
                        n.session_date.to_string(),
                        tr.t(&format!("indication-{}", n.indication)),
                        n.physician.unwrap_or_default(),
                    )
                })
                .collect();
            (found.total, found.page, found.per_page)
        }
    };
    let physicians = state
        .db
        .users_of_clinic(actor.clinic)
        .await?
        .into_iter()
        .filter(|u| u.role.allows(Capability::SignSessions))
        .map(|u| Choice {
            selected: request.physician == Some(u.id.get()),
            id: u.id.to_string(),
            label: u.display_name,
        })
        .collect();
    let mut here = format!("/worklist?date={day}");
    for (k, v) in [
        ("view", view.clone()),
        ("indication", request.indication.clone().unwrap_or_default()),
        (
            "physician",
            request.physician.map(|p| p.to_string()).unwrap_or_default(),
        ),
    ] {
        if !v.is_empty() {
            here.push_str(&format!("&{k}={}", url_encode(&v)));
        }
    }
    let pages = bont_db::outcomes::page_count(total, per_page);
    let link = |p: i64| format!("{here}&page={p}");
    let back = if page > 1 { link(page) } else { here.clone() };
    render(&WorklistPage {
        nav: Some(Nav::of(&me.user)),
        date: day.to_string(),
        week_ends: bont_core::outcomes::schedule::week_end(day).to_string(),
        views: [
            "",
            "due_this_week",
            "overdue",
            "upcoming",
            "never_followed_up",
        ]
        .iter()
        .map(|v| Choice {
            id: (*v).into(),
            label: tr.t(&format!(
                "worklist-view-{}",
                if v.is_empty() { "all" } else { v }
            )),
            selected: *v == view,
        })
        .collect(),
        view,
        indications: Indication::ALL
            .iter()
            .map(|i| Choice {
                id: i.id().into(),
                label: tr.t(&format!("indication-{i}")),
                selected: request.indication.as_deref() == Some(i.id()),
            })
            .collect(),
        physicians,
        entries,
        never,
        can_record: me.user.role.allows(Capability::RecordOutcomes),
        results: bont_db::outcomes::ContactResult::ALL
            .iter()
            .map(|r| Choice {
                id: r.id().into(),
                label: tr.t(&format!("contact-{}", r.id())),
                selected: false,
            })
            .collect(),
        back,
        pager_text: if pages > 1 {
            tr.t_with(
                "pager-position",
                &[("page", page.into()), ("pages", pages.into())],
            )
        } else {
            String::new()
        },
        total_text: tr.t_with("worklist-lines", &[("count", total.into())]),
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        tr,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    result: String,
    booked_on: String,
    note: String,
    back: String,
}

/// One click from the worklist or the patient page: the call's result, or a booked visit.
pub async fn contact(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<ContactForm>,
) -> Result<Response, AppError> {
    let actor = me.actor(&state);
    let follow_up = state.db.follow_up(&actor, id).await?;
    state
        .record_contact(
            &actor,
            id,
            &Contact {
                result: form.result.clone(),
                booked_on: Some(form.booked_on.clone()),
                note: form.note.clone(),
            },
        )
        .await?;
    let back = crate::form::local_path(Some(form.back.as_str()).filter(|b| !b.is_empty()));
    let target = if back == "/" {
        format!("/patients/{}#outcomes", follow_up.patient)
    } else {
        back.to_owned()
    };
    Ok(Redirect::to(&target).into_response())
}

// ---------------------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------------------

/// A session's injections as marks of the body map, named in `tr`'s language.
pub fn body_marks(
    state: &AppState,
    tr: &Tr,
    record: &bont_core::treatment::TreatmentInput,
) -> Vec<bont_reports::body_map::Mark> {
    record
        .injections
        .iter()
        .map(|i| bont_reports::body_map::Mark {
            muscle: i.muscle.clone(),
            name: muscle_name(state, tr.language, &i.muscle),
            side: i.side.clone(),
            side_label: tr.t(&format!("side-{}", i.side)),
            units: i.units,
        })
        .collect()
}

/// The body map's words in `tr`'s language.
pub fn body_labels(
    state: &AppState,
    tr: &Tr,
    product: &str,
) -> bont_reports::body_map::BodyMapLabels {
    bont_reports::body_map::BodyMapLabels {
        title: tr.t("body-map-title"),
        front: tr.t("body-map-front"),
        back: tr.t("body-map-back"),
        right: tr.t("side-right"),
        left: tr.t("side-left"),
        units_of: tr.t_with(
            "body-map-units-of",
            &[(
                "product",
                crate::pages::sessions::product_name(state, tr.language, product).into(),
            )],
        ),
        unit: tr.t("unit-u"),
        decimal_comma: tr.number(0.5) == "0,5",
    }
}

fn svg_response(svg: String) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "image/svg+xml; charset=utf-8",
            ),
            (axum::http::header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response()
}

/// The patient timeline as SVG: doses per muscle, the expected effect of each session,
/// adverse events, and the scores of each scale on one time axis.
pub async fn timeline(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    let tr = me.tr();
    // The read of the record is the audit event.
    state.db.read_patient(&actor, patient).await?;
    let stored = state.db.sessions_of_patient(&actor, patient).await?;
    let (cycles, scores) = state.history(&actor, patient).await?;
    let summary = state.summary(&actor, patient).await?;
    let sessions: Vec<bont_reports::timeline::TimelineSession> = stored
        .iter()
        .filter(|s| s.status == SessionStatus::Signed)
        .filter_map(|s| {
            let date: jiff::civil::Date = s.record.date.parse().ok()?;
            let product = bont_core::outcomes::product_id(&state.catalog, &s.record.product);
            let earlier: Vec<_> = cycles.iter().filter(|c| c.date < date).cloned().collect();
            let mut doses: Vec<(String, f64)> = Vec::new();
            for i in &s.record.injections {
                let name = muscle_name(&state, tr.language, &i.muscle);
                let units = if i.side == "both" {
                    2.0 * i.units
                } else {
                    i.units
                };
                match doses.iter_mut().find(|(m, _)| *m == name) {
                    Some(d) => d.1 += units,
                    None => doses.push((name, units)),
                }
            }
            Some(bont_reports::timeline::TimelineSession {
                date,
                model: bont_core::outcomes::patient_model(
                    &state.outcomes,
                    &product,
                    &s.record.indication,
                    &earlier,
                    &scores,
                ),
                product,
                doses,
            })
        })
        .collect();
    let mut by_scale: BTreeMap<String, Vec<(jiff::civil::Date, f64)>> = BTreeMap::new();
    for p in &scores {
        by_scale
            .entry(p.scale.clone())
            .or_default()
            .push((p.date, p.score));
    }
    let mut series: Vec<bont_reports::timeline::ScoreSeries> = by_scale
        .into_iter()
        .filter_map(|(id, points)| {
            let scale = state.outcomes.scale(&id)?;
            Some(bont_reports::timeline::ScoreSeries {
                name: scale_name(scale, tr.language),
                min: scale.min,
                max: scale.max,
                direction: tr.t(if scale.direction.lower_is_better() {
                    "direction-lower-better"
                } else {
                    "direction-higher-better"
                }),
                points,
            })
        })
        .collect();
    series.sort_by_key(|s| std::cmp::Reverse(s.points.len()));
    series.truncate(4);
    let events = summary
        .adverse_events
        .iter()
        .filter(|e| !e.void)
        .filter_map(|e| {
            let session = stored.iter().find(|s| s.id == e.session)?;
            let date: jiff::civil::Date = session.record.date.parse().ok()?;
            Some(bont_reports::timeline::EventMark {
                date: date
                    .checked_add(i64::from(e.record.onset_day).days())
                    .ok()?,
                label: tr.t(&format!("adverse-{}", e.record.kind)),
                alarming: e.alarming,
            })
        })
        .collect();
    let svg = bont_reports::timeline::Timeline {
        sessions,
        scores: series,
        events,
        today: state.clock.today(),
        labels: bont_reports::timeline::TimelineLabels {
            doses: tr.t("timeline-doses"),
            effect: tr.t("timeline-effect"),
            today: tr.t("timeline-today"),
        },
    }
    .render()
    .map_err(AppError::internal)?;
    Ok(svg_response(svg))
}

/// A session's body map as SVG.
pub async fn body_map(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<crate::pages::documents::DocumentQuery>,
) -> Result<Response, AppError> {
    let session = parse_session(&id)?;
    // In another language than the reader's when a document for the patient asks.
    let tr = match query.language() {
        Some(language) => Tr::new(language),
        None => me.tr(),
    };
    let s = state.db.read_session(&me.actor(&state), session).await?;
    let svg = bont_reports::body_map::render(
        &body_marks(&state, &tr, &s.record),
        &body_labels(&state, &tr, &s.record.product),
    );
    Ok(svg_response(svg))
}
