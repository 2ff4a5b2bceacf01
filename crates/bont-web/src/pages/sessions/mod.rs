//! The session screens. Here: the plan grid with its live safety verdict (htmx posts the
//! form to `/patients/{id}/sessions/verdict` as it changes, and the same handler serves the
//! page without scripts) and saving a draft; the session record, signing with written
//! overrides, voiding and templates in `record`; amending in `amend`. They call the same
//! functions as the JSON API.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::form_number;
use crate::pages::patients::{Choice, parse_patient_id};
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::safety::Catalog;
use bont_core::safety::check::{Report, Severity, Verdict};
use bont_core::safety::plan::{GUIDANCE, InjectionInput, PlanErrors};
use bont_core::treatment::{ANAESTHESIA, TreatmentInput, VialInput};
use bont_core::vocabulary::Indication;
use bont_core::{PatientId, SessionId};
use bont_db::sessions::SessionStatus;
use serde::Deserialize;

mod amend;
mod record;

pub use amend::{amend, amend_form};
pub use record::{parse_session, save_template, show, sign, void};

/// Empty rows offered below the filled ones.
const SPARE_ROWS: usize = 4;

/// The session form as the browser sends it: one list per column of the grid.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    version: String,
    date: String,
    time: String,
    product: String,
    indication: String,
    vial_units: String,
    diluent_ml: String,
    muscle: Vec<String>,
    side: Vec<String>,
    units: Vec<String>,
    sites: Vec<String>,
    guidance: Vec<String>,
    lot: Vec<String>,
    expiry: Vec<String>,
    anaesthesia: String,
    duration_minutes: String,
    #[serde(deserialize_with = "bont_core::input::flag")]
    infection_at_site: bool,
    notes: String,
    amend_reason: String,
    override_code: Vec<String>,
    override_kind: Vec<String>,
    override_reason: Vec<String>,
    idempotency_key: String,
}

impl SessionForm {
    /// The form as the one input the domain checks; grid rows left empty are skipped.
    pub fn to_input(&self, catalog: &Catalog) -> Result<TreatmentInput, PlanErrors> {
        let mut errors = Vec::new();
        let cell = |column: &[String], i: usize| {
            column
                .get(i)
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut injections = Vec::new();
        for i in 0..self.muscle.len().max(self.units.len()) {
            let (muscle, units) = (cell(&self.muscle, i), cell(&self.units, i));
            if muscle.is_empty() && units.is_empty() {
                continue;
            }
            let n = injections.len();
            let units = form_number(format!("injections[{n}].units"), &units, &mut errors);
            let sites = form_number(
                format!("injections[{n}].sites"),
                &cell(&self.sites, i),
                &mut errors,
            )
            .unwrap_or(1.0);
            let guidance = cell(&self.guidance, i);
            injections.push(InjectionInput {
                muscle,
                side: cell(&self.side, i),
                units: units.unwrap_or(0.0),
                sites: if sites >= 0.0 && sites.fract() == 0.0 && sites <= 1000.0 {
                    sites as u32
                } else {
                    0
                },
                guidance: (!guidance.is_empty()).then_some(guidance),
            });
        }
        let vials = (0..self.lot.len().max(self.expiry.len()))
            .filter(|i| !cell(&self.lot, *i).is_empty() || !cell(&self.expiry, *i).is_empty())
            .map(|i| VialInput {
                lot: cell(&self.lot, i),
                expiry: cell(&self.expiry, i),
            })
            .collect();
        let vial_units = form_number("vial_units".into(), &self.vial_units, &mut errors);
        let diluent_ml = form_number("diluent_ml".into(), &self.diluent_ml, &mut errors);
        let duration = form_number(
            "duration_minutes".into(),
            &self.duration_minutes,
            &mut errors,
        );
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        Ok(TreatmentInput {
            date: self.date.trim().to_owned(),
            time: Some(self.time.trim().to_owned()).filter(|t| !t.is_empty()),
            product: self.product.trim().to_owned(),
            indication: self.indication.trim().to_owned(),
            vial_units,
            diluent_ml,
            injections,
            vials,
            anaesthesia: Some(self.anaesthesia.trim().to_owned()).filter(|a| !a.is_empty()),
            duration_minutes: duration.map(|d| d.clamp(0.0, 100_000.0) as u32),
            infection_at_site: self.infection_at_site,
            notes: self.notes.clone(),
        }
        .with_muscle_ids(catalog))
    }
}

/// A grid row as the form shows it.
pub struct Row {
    muscle: String,
    units: String,
    sites: String,
    sides: Vec<Choice>,
    guidance: Vec<Choice>,
    history: String,
}

fn options(tr: &Tr, prefix: &str, ids: &[&str], chosen: &str) -> Vec<Choice> {
    ids.iter()
        .map(|id| Choice {
            id: (*id).to_owned(),
            label: tr.t(&format!("{prefix}-{id}")),
            selected: *id == chosen,
        })
        .collect()
}

const SIDES: [&str; 4] = ["left", "right", "both", "midline"];

/// The sides of a muscle row, with no side chosen until the user chooses one: a row
/// without a side is incomplete, never "left" by default.
fn side_options(tr: &Tr, chosen: &str) -> Vec<Choice> {
    let mut choices = vec![Choice {
        id: String::new(),
        label: tr.t("side-choose"),
        selected: chosen.trim().is_empty(),
    }];
    choices.extend(options(tr, "side", &SIDES, chosen));
    choices
}

/// The verdict box: shown in the form and sent alone to htmx.
#[derive(Template)]
#[template(path = "sessions/verdict.html")]
pub struct VerdictBox {
    tr: Tr,
    report: Option<Report>,
    problems: Vec<String>,
    /// Per muscle, by its name in the reader's language.
    muscles: Vec<(String, String)>,
    /// What each finding says, in the reader's language.
    messages: Vec<String>,
    /// The short word for units ("U", "ЕД").
    unit: String,
    /// Who signed the session despite its blocking findings, when it was.
    signed_over_by: Option<String>,
}

impl VerdictBox {
    fn new(tr: Tr, state: &AppState, report: Option<Report>, problems: Vec<String>) -> VerdictBox {
        let unit = tr.t("unit-u");
        let muscles = report
            .iter()
            .flat_map(|r| r.arithmetic.units_per_muscle.iter())
            .map(|(m, u)| (muscle_name(state, tr.language, m), tr.units(*u)))
            .collect();
        let messages = report
            .iter()
            .flat_map(|r| r.findings.iter())
            .map(|f| tr.finding_message(f, &state.catalog))
            .collect();
        VerdictBox {
            tr,
            report,
            problems,
            muscles,
            messages,
            unit,
            signed_over_by: None,
        }
    }

    /// The box of a session signed despite blocking findings, by `who`.
    pub(super) fn signed_over(mut self, who: String) -> VerdictBox {
        self.signed_over_by = Some(who);
        self
    }
}

/// The catalogue's muscles for a muscle field's list: the id, and the name in `language`
/// followed by the English one, so that typing either finds it.
pub fn muscle_choices(state: &AppState, language: bont_core::Language) -> Vec<(String, String)> {
    let names = bont_core::names::Names::builtin();
    state
        .catalog
        .muscles()
        .iter()
        .map(|m| {
            let local = names.muscle(&state.catalog, &m.id, language);
            let label = if local == m.name {
                m.name.clone()
            } else {
                format!("{local} — {}", m.name)
            };
            (m.id.clone(), label)
        })
        .collect()
}

/// A scale's name in `language`.
pub fn scale_name(
    scale: &bont_core::outcomes::book::Scale,
    language: bont_core::Language,
) -> String {
    bont_core::names::Names::builtin()
        .scale(&scale.id, &scale.name, language)
        .to_owned()
}

/// A product as a session names it (its id or a brand), by generic name and the brand as
/// written in `language`: "onabotulinumtoxinA (Ботокс)".
pub fn product_name(state: &AppState, language: bont_core::Language, product: &str) -> String {
    Tr::new(language).product(&bont_core::outcomes::product_id(&state.catalog, product))
}

/// A muscle's name in `language` (its id when unknown).
pub fn muscle_name(state: &AppState, language: bont_core::Language, id: &str) -> String {
    bont_core::names::Names::builtin()
        .muscle(&state.catalog, id, language)
        .to_owned()
}

impl VerdictBox {
    /// "31 sites", with the language's plural.
    fn sites(&self) -> String {
        let count = self.report.as_ref().map_or(0, |r| r.arithmetic.total_sites);
        self.tr.t_with("verdict-sites", &[("count", count.into())])
    }
    fn title(&self) -> String {
        if let (Some(who), Some(Verdict::Block)) = (
            &self.signed_over_by,
            self.report.as_ref().map(|r| r.verdict),
        ) {
            return self
                .tr
                .t_with("verdict-signed-override", &[("who", who.clone().into())]);
        }
        self.tr.t(match self.report.as_ref().map(|r| r.verdict) {
            Some(Verdict::Block) => "verdict-block",
            Some(Verdict::Warn) => "verdict-warn",
            Some(Verdict::Ok) => "verdict-ok",
            None => "verdict-not-yet",
        })
    }
    fn verdict_class(&self) -> &'static str {
        match self.report.as_ref().map(|r| r.verdict) {
            Some(Verdict::Block) => "block",
            Some(Verdict::Warn) => "warn",
            Some(Verdict::Ok) => "ok",
            None => "none",
        }
    }
    /// The severity as a mark and a word, so that it never rests on colour alone.
    fn severity_label(&self, severity: &Severity) -> String {
        let (mark, word) = match severity {
            Severity::Block => ("✖", "severity-word-block"),
            Severity::Warn => ("⚠", "severity-word-warn"),
            Severity::Info => ("ℹ", "severity-word-info"),
        };
        format!("{mark} {}", self.tr.t(word))
    }
    fn severity_class(severity: &Severity) -> &'static str {
        match severity {
            Severity::Block => "block",
            Severity::Warn => "warn",
            Severity::Info => "info",
        }
    }
}

#[derive(Template)]
#[template(path = "sessions/form.html")]
struct FormPage {
    tr: Tr,
    nav: Option<Nav>,
    patient: PatientId,
    patient_name: String,
    action: String,
    version: Option<i64>,
    /// For a new session: the key that makes the post safe to send twice.
    idempotency_key: String,
    date: String,
    time: String,
    products: Vec<Choice>,
    indications: Vec<Choice>,
    vial_units: String,
    diluent_ml: String,
    rows: Vec<Row>,
    vials: Vec<(String, String)>,
    anaesthesia: Vec<Choice>,
    duration_minutes: String,
    infection_at_site: bool,
    notes: String,
    template_note: Option<String>,
    muscles: Vec<(String, String)>,
    verdict: VerdictBox,
    amend: Option<AmendPart>,
}

/// What the form adds when a physician amends a signed session: why, and a reason for
/// each finding of the amended content that blocks.
pub struct AmendPart {
    reason: String,
    /// Each blocking finding: its code, what it says, the reason given, the kinds of reason.
    blocking: Vec<(String, String, String, Vec<Choice>)>,
    errors: Vec<String>,
}

/// The kinds of reason for an override, the one `chosen` selected, behind a first
/// choice that asks to choose.
pub(super) fn override_kinds(tr: &Tr, chosen: &str) -> Vec<Choice> {
    let mut choices = vec![Choice {
        id: String::new(),
        label: tr.t("override-kind-choose"),
        selected: chosen.trim().is_empty(),
    }];
    choices.extend(options(
        tr,
        "override-kind",
        &bont_core::treatment::OVERRIDE_KINDS,
        chosen,
    ));
    choices
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

impl FormPage {
    /// What the page is: a new session, a draft being edited, a signed one amended.
    fn heading(&self) -> String {
        match (&self.amend, self.version) {
            (Some(_), _) => self.tr.t("session-amend"),
            (None, Some(_)) => self.tr.t("session-edit-draft"),
            (None, None) => self.tr.t("session-new-title"),
        }
    }

    async fn build(
        state: &AppState,
        me: &CurrentUser,
        patient: PatientId,
        existing: Option<(SessionId, i64)>,
        input: &TreatmentInput,
    ) -> Result<FormPage, AppError> {
        let tr = me.tr();
        let actor = me.actor(state);
        let stored = state.db.read_patient(&actor, patient).await?;
        let earlier = state.db.sessions_of_patient(&actor, patient).await?;
        let mut active: Vec<Indication> =
            stored.record.clinical.indications.iter().copied().collect();
        active.extend(
            Indication::ALL
                .iter()
                .copied()
                .filter(|i| !stored.record.clinical.indications.contains(i)),
        );
        let history_of = |muscle: &str| -> String {
            let mut seen = Vec::new();
            for s in earlier.iter().filter(|s| {
                s.status == SessionStatus::Signed && Some(s.id) != existing.map(|e| e.0)
            }) {
                let units: Vec<String> = s
                    .record
                    .injections
                    .iter()
                    .filter(|i| i.muscle == muscle)
                    .map(|i| {
                        format!(
                            "{} {} {}",
                            tr.t(&format!("side-{}", i.side)),
                            tr.number(i.units),
                            tr.t("unit-u")
                        )
                    })
                    .collect();
                if !units.is_empty() {
                    seen.push(format!(
                        "{}: {} {}",
                        tr.date_text(&s.record.date),
                        product_name(state, tr.language, &s.record.product),
                        units.join("; ")
                    ));
                }
                if seen.len() == 3 {
                    break;
                }
            }
            seen.join("; ")
        };
        let mut rows: Vec<Row> = input
            .injections
            .iter()
            .map(|i| Row {
                muscle: i.muscle.clone(),
                units: if i.units == 0.0 {
                    String::new()
                } else {
                    fmt_number(i.units)
                },
                sites: i.sites.to_string(),
                sides: side_options(&tr, &i.side),
                guidance: options(
                    &tr,
                    "guidance",
                    &GUIDANCE,
                    i.guidance.as_deref().unwrap_or_default(),
                ),
                history: history_of(&i.muscle),
            })
            .collect();
        rows.extend((0..SPARE_ROWS).map(|_| Row {
            muscle: String::new(),
            units: String::new(),
            sites: "1".into(),
            sides: side_options(&tr, ""),
            guidance: options(&tr, "guidance", &GUIDANCE, ""),
            history: String::new(),
        }));
        let mut vials: Vec<(String, String)> = input
            .vials
            .iter()
            .map(|v| (v.lot.clone(), v.expiry.clone()))
            .collect();
        vials.push((String::new(), String::new()));
        let verdict = verdict_for(state, me, patient, existing.map(|e| e.0), input).await?;
        Ok(FormPage {
            nav: Some(Nav::of(&me.user)),
            patient,
            patient_name: stored.record.name.display(),
            action: existing
                .map(|(id, _)| format!("/sessions/{id}"))
                .unwrap_or_else(|| format!("/patients/{patient}/sessions")),
            version: existing.map(|e| e.1),
            idempotency_key: if existing.is_none() {
                crate::form::new_idempotency_key()
            } else {
                String::new()
            },
            date: input.date.clone(),
            time: input.time.clone().unwrap_or_default(),
            products: state
                .catalog
                .products()
                .iter()
                .filter(|p| p.neurology_scope)
                .map(|p| Choice {
                    id: p.id.clone(),
                    label: tr.product(&p.id),
                    selected: state
                        .catalog
                        .product(&input.product)
                        .is_some_and(|(id, _)| id.as_str() == p.id),
                })
                .collect(),
            indications: active
                .iter()
                .map(|i| Choice {
                    id: i.id().into(),
                    label: tr.t(&format!("indication-{i}")),
                    selected: input.indication == i.id(),
                })
                .collect(),
            vial_units: input.vial_units.map(fmt_number).unwrap_or_default(),
            diluent_ml: input.diluent_ml.map(fmt_number).unwrap_or_default(),
            rows,
            vials,
            anaesthesia: options(
                &tr,
                "anaesthesia",
                &ANAESTHESIA,
                input.anaesthesia.as_deref().unwrap_or_default(),
            ),
            duration_minutes: input
                .duration_minutes
                .map(|d| d.to_string())
                .unwrap_or_default(),
            infection_at_site: input.infection_at_site,
            notes: input.notes.clone(),
            template_note: None,
            amend: None,
            muscles: muscle_choices(state, tr.language),
            verdict,
            tr,
        })
    }
}

/// The verdict for a form's content, or the reasons it cannot be checked yet.
async fn verdict_for(
    state: &AppState,
    me: &CurrentUser,
    patient: PatientId,
    except: Option<SessionId>,
    input: &TreatmentInput,
) -> Result<VerdictBox, AppError> {
    let tr = me.tr();
    if input.injections.is_empty() {
        return Ok(VerdictBox::new(
            tr,
            state,
            None,
            vec![tr.t("session-no-injections")],
        ));
    }
    match state
        .preview(&me.actor(state), patient, input, except)
        .await
    {
        Ok(report) => Ok(VerdictBox::new(tr, state, Some(report), Vec::new())),
        Err(bont_app::Error::Invalid(errors)) => Ok(VerdictBox::new(
            tr,
            state,
            None,
            errors.0.iter().map(ToString::to_string).collect(),
        )),
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    template: Option<String>,
}

pub async fn new_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    Query(query): Query<NewQuery>,
) -> Result<Html<String>, AppError> {
    let patient = parse_patient_id(&id)?;
    let today = state.clock.today().to_string();
    let mut note = None;
    let input = match query.template.as_deref() {
        Some("last") => {
            let earlier = state
                .db
                .sessions_of_patient(&me.actor(&state), patient)
                .await?;
            match earlier
                .into_iter()
                .find(|s| s.status == SessionStatus::Signed)
            {
                Some(last) => TreatmentInput {
                    date: today,
                    time: None,
                    vials: Vec::new(),
                    notes: String::new(),
                    ..last.record
                },
                None => blank(today),
            }
        }
        Some(id) if id.starts_with("clinic-") => {
            let wanted = id
                .trim_start_matches("clinic-")
                .parse::<i64>()
                .map_err(|_| AppError::NotFound)?;
            let templates = state.db.templates_of_clinic(&me.actor(&state)).await?;
            let t = templates
                .into_iter()
                .find(|t| t.id == wanted)
                .ok_or(AppError::NotFound)?;
            note = Some(t.name.clone());
            TreatmentInput {
                date: today,
                ..t.record
            }
        }
        Some(id) => match bont_core::templates::builtin()
            .into_iter()
            .find(|t| t.id == id)
        {
            Some(t) => {
                note = Some(format!("{} ({})", t.note, t.source.join(", ")));
                TreatmentInput {
                    product: t.product.clone(),
                    indication: t.indication.clone(),
                    vial_units: t.vial_units,
                    diluent_ml: t.diluent_ml,
                    injections: t.injections(),
                    ..blank(today)
                }
            }
            None => return Err(AppError::NotFound),
        },
        None => blank(today),
    };
    let mut page = FormPage::build(&state, &me, patient, None, &input).await?;
    page.template_note = note;
    render(&page)
}

fn blank(date: String) -> TreatmentInput {
    TreatmentInput {
        date,
        time: None,
        product: String::new(),
        indication: String::new(),
        vial_units: None,
        diluent_ml: None,
        injections: Vec::new(),
        vials: Vec::new(),
        anaesthesia: None,
        duration_minutes: None,
        infection_at_site: false,
        notes: String::new(),
    }
}

/// htmx: the verdict box for the form as it stands.
pub async fn verdict(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<SessionForm>,
) -> Result<Html<String>, AppError> {
    let patient = parse_patient_id(&id)?;
    let tr = me.tr();
    // Drafts never count as given, so the draft being edited needs no leaving out.
    let verdict = match form.to_input(&state.catalog) {
        Ok(input) => verdict_for(&state, &me, patient, None, &input).await?,
        Err(errors) => VerdictBox::new(
            tr,
            &state,
            None,
            errors.0.iter().map(ToString::to_string).collect(),
        ),
    };
    render(&verdict)
}

/// Saves a new draft, or shows the form again with what must change.
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(form): HtmlForm<SessionForm>,
) -> Result<Response, AppError> {
    let patient = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    let input = match form.to_input(&state.catalog) {
        Ok(input) => input,
        Err(_) => return form_again(&state, &me, patient, None, &form).await,
    };
    let key = crate::form::idempotency_key(Some(&form.idempotency_key))?;
    match state
        .create_session(&actor, patient, &input, key.as_ref())
        .await
    {
        Ok(view) => Ok(Redirect::to(&format!("/sessions/{}", view.session.id)).into_response()),
        Err(bont_app::Error::Invalid(_)) => form_again(&state, &me, patient, None, &form).await,
        Err(e) => Err(e.into()),
    }
}

async fn form_again(
    state: &AppState,
    me: &CurrentUser,
    patient: PatientId,
    existing: Option<(SessionId, i64)>,
    form: &SessionForm,
) -> Result<Response, AppError> {
    let input = form
        .to_input(&state.catalog)
        .unwrap_or_else(|_| TreatmentInput {
            date: form.date.clone(),
            product: form.product.clone(),
            indication: form.indication.clone(),
            ..blank(String::new())
        });
    let mut page = FormPage::build(state, me, patient, existing, &input).await?;
    if existing.is_none() && !form.idempotency_key.trim().is_empty() {
        // The same form again: its key stays, so that it still creates one session.
        page.idempotency_key = form.idempotency_key.trim().to_owned();
    }
    if let Err(errors) = form.to_input(&state.catalog) {
        page.verdict.problems = errors.0.iter().map(ToString::to_string).collect();
        page.verdict.report = None;
    }
    render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn edit_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_session(&id)?;
    let session = state.db.read_session(&me.actor(&state), id).await?;
    if session.status != SessionStatus::Draft {
        return Ok(Redirect::to(&format!("/sessions/{id}")).into_response());
    }
    let page = FormPage::build(
        &state,
        &me,
        session.patient,
        Some((id, session.version)),
        &session.record,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub async fn update(
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
    let input = match form.to_input(&state.catalog) {
        Ok(input) => input,
        Err(_) => {
            return form_again(&state, &me, session.patient, Some((id, version)), &form).await;
        }
    };
    match state.update_draft(&actor, id, version, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/sessions/{id}")).into_response()),
        Err(bont_app::Error::Invalid(_)) => {
            form_again(&state, &me, session.patient, Some((id, version)), &form).await
        }
        Err(e) => Err(e.into()),
    }
}
