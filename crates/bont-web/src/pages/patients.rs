//! Patient screens: the searchable list, the record, and the form to create or change it.

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::form::{HtmlForm, url_encode};
use crate::i18n::Tr;
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use bont_core::patient::{PatientInput, PatientRecord, Sex};
use bont_core::vocabulary::{Allergy, Condition, Indication, MedicationClass};
use bont_core::{Capability, FieldErrors, Language, PatientId};
use bont_db::patients::{PatientQuery, StoredPatient};
use bont_db::sessions::SessionStatus;
use serde::Deserialize;

pub const PER_PAGE: i64 = 25;

/// Reads a patient id from the path; anything else is simply not found.
pub fn parse_patient_id(raw: &str) -> Result<PatientId, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(PatientId::new)
        .ok_or(AppError::NotFound)
}

/// Translated messages of a form's fields.
pub struct FieldMessages(Vec<(&'static str, String)>);

impl FieldMessages {
    pub fn none() -> Self {
        FieldMessages(Vec::new())
    }
    pub fn of(tr: &Tr, errors: &FieldErrors) -> Self {
        FieldMessages(
            errors
                .iter()
                .map(|e| (e.field, tr.problem(&e.problem)))
                .collect(),
        )
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// "Field: message" lines for the summary at the top of a form.
    pub fn summary(&self, tr: &Tr) -> Vec<(String, String)> {
        self.0
            .iter()
            .map(|(f, m)| (f.to_string(), format!("{}: {m}", tr.field(f))))
            .collect()
    }
}

/// One option of a select or a checkbox list.
pub struct Choice {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

fn choices<T: Copy>(
    all: &[T],
    id: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
    chosen: &[String],
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            id: id(*v).to_owned(),
            label: label(*v),
            selected: chosen.iter().any(|c| c == id(*v)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "patients/list.html")]
struct ListPage {
    tr: Tr,
    nav: Option<Nav>,
    q: String,
    rows: Vec<ListRow>,
    found_text: String,
    position_text: String,
    page_count: i64,
    previous: Option<String>,
    next: Option<String>,
    can_edit: bool,
}

struct ListRow {
    href: String,
    record_number: String,
    name: String,
    birth_date: String,
    age: String,
    sex: String,
    indications: String,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    page: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Query(query): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let tr = me.tr();
    let today = state.clock.today();
    let page = query
        .page
        .as_deref()
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(1)
        .max(1);
    let q: String = query.q.trim().chars().take(100).collect();
    let found = state
        .db
        .search_patients(
            &me.actor(&state),
            &PatientQuery::from_text(&q),
            page,
            PER_PAGE,
        )
        .await?;
    let rows = found
        .patients
        .iter()
        .map(|p| ListRow {
            href: format!("/patients/{}", p.id),
            record_number: p.record.record_number.to_string(),
            name: p.record.name.display(),
            birth_date: p.record.birth_date.date().to_string(),
            age: tr.t_with(
                "age-years",
                &[("years", p.record.birth_date.age_years(today).into())],
            ),
            sex: tr.t(&format!("sex-{}", p.record.sex.id())),
            indications: p
                .record
                .clinical
                .indications
                .iter()
                .map(|i| tr.t(&format!("indication-{i}")))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let link = |p: i64| format!("/patients?q={}&page={p}", url_encode(&q));
    let page_count = found.page_count();
    render(&ListPage {
        nav: Some(Nav::of(&me.user)),
        previous: (found.page > 1).then(|| link(found.page - 1)),
        next: (found.page < page_count).then(|| link(found.page + 1)),
        q,
        rows,
        found_text: tr.t_with("patients-found", &[("count", found.total.into())]),
        position_text: tr.t_with(
            "pager-position",
            &[("page", found.page.into()), ("pages", page_count.into())],
        ),
        page_count,
        tr,
        can_edit: me.user.role.allows(Capability::EditPatients),
    })
}

#[derive(Template)]
#[template(path = "patients/show.html")]
struct ShowPage {
    tr: Tr,
    nav: Option<Nav>,
    id: PatientId,
    p: PatientRecord,
    version: i64,
    age: String,
    sex: String,
    language: String,
    indications: Vec<String>,
    conditions: Vec<String>,
    allergies: Vec<String>,
    medications: Vec<(String, Option<String>)>,
    can_edit: bool,
    can_record: bool,
    updated_at: String,
    sessions: Vec<SessionRow>,
    templates: Vec<(String, String)>,
    outcomes: crate::pages::outcomes::OutcomesPanel,
    identifier_notices: Vec<String>,
    /// Other patients who may be the same person.
    possible_duplicates: Vec<PatientId>,
}

struct SessionRow {
    href: String,
    date: String,
    product: String,
    indication: String,
    total: String,
    muscles: String,
    verdict: String,
    response: String,
    status: String,
    status_class: &'static str,
}

pub async fn show(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = parse_patient_id(&id)?;
    let actor = me.actor(&state);
    let stored = state.db.read_patient(&actor, id).await?;
    let possible_duplicates = state.possible_duplicates(&actor, &stored).await?;
    let clinic_templates = state.db.templates_of_clinic(&actor).await?;
    let tr = me.tr();
    let stored_sessions = state.db.sessions_of_patient(&actor, id).await?;
    let indications: Vec<Indication> = stored.record.clinical.indications.iter().copied().collect();
    let (outcomes, summary) = crate::pages::outcomes::panel_and_responses(
        &state,
        &me,
        id,
        &indications,
        &stored_sessions,
    )
    .await?;
    let sessions = stored_sessions
        .iter()
        .map(|s| {
            let (status, status_class) = match s.status {
                SessionStatus::Draft => (tr.t("session-status-draft"), "draft"),
                SessionStatus::Signed => (tr.t("session-status-signed"), "signed"),
                SessionStatus::Void => (tr.t("session-status-void"), "void"),
            };
            let mut muscles: Vec<String> = s
                .record
                .injections
                .iter()
                .map(|i| crate::pages::sessions::muscle_name(&state, tr.language, &i.muscle))
                .collect();
            muscles.dedup();
            SessionRow {
                href: format!("/sessions/{}", s.id),
                date: s.record.date.clone(),
                product: crate::pages::sessions::product_name(
                    &state,
                    tr.language,
                    &s.record.product,
                ),
                indication: tr.t(&format!("indication-{}", s.record.indication)),
                total: format!("{} {}", tr.number(s.total_units), tr.t("unit-u")),
                muscles: muscles.join(", "),
                verdict: verdict_word(&tr, &s.verdict),
                response: crate::pages::outcomes::response_text(&tr, &summary, s.id),
                status,
                status_class,
            }
        })
        .collect();
    let p = stored.record;
    let identifier_notices =
        crate::pages::identifier_notices(&state, &me, || p.identifier_warnings()).await?;
    let label = |prefix: &str, id: &str| tr.t(&format!("{prefix}-{id}"));
    render(&ShowPage {
        identifier_notices,
        possible_duplicates,
        age: tr.t_with(
            "age-years",
            &[("years", p.birth_date.age_years(state.clock.today()).into())],
        ),
        sex: label("sex", p.sex.id()),
        language: p.preferred_language.endonym().to_owned(),
        indications: p
            .clinical
            .indications
            .iter()
            .map(|i| label("indication", i.id()))
            .collect(),
        conditions: p
            .clinical
            .conditions
            .iter()
            .map(|c| label("condition", c.id()))
            .collect(),
        allergies: p
            .clinical
            .allergies
            .iter()
            .map(|a| label("allergy", a.id()))
            .collect(),
        medications: p
            .clinical
            .medications
            .iter()
            .map(|m| {
                let class = MedicationClass::of_medication(m.as_str())
                    .map(|c| label("medication-class", c.id()));
                (m.to_string(), class)
            })
            .collect(),
        can_edit: me.user.role.allows(Capability::EditPatients),
        can_record: me.user.role.allows(Capability::RecordSessions),
        sessions,
        templates: bont_core::templates::builtin()
            .into_iter()
            .map(|t| {
                let name = tr.t(&format!("template-{}", t.id));
                (t.id, name)
            })
            .chain(
                clinic_templates
                    .into_iter()
                    .map(|t| (format!("clinic-{}", t.id), t.name)),
            )
            .collect(),
        nav: Some(Nav::of(&me.user)),
        outcomes,
        id,
        version: stored.version,
        updated_at: tr.moment(&stored.updated_at),
        p,
        tr,
    })
}

#[derive(Template)]
#[template(path = "patients/form.html")]
struct FormPage {
    tr: Tr,
    nav: Option<Nav>,
    title: String,
    action: String,
    cancel: String,
    version: Option<i64>,
    /// For a new patient: the key that makes the post safe to send twice.
    idempotency_key: String,
    input: PatientInput,
    medications_text: String,
    errors: FieldMessages,
    conflict: bool,
    sexes: Vec<Choice>,
    languages: Vec<Choice>,
    indications: Vec<Choice>,
    conditions: Vec<Choice>,
    allergies: Vec<Choice>,
}

impl FormPage {
    fn new(
        tr: Tr,
        me: &CurrentUser,
        existing: Option<(PatientId, i64)>,
        input: PatientInput,
    ) -> FormPage {
        let label = |prefix: &'static str| move |id: &str| tr.t(&format!("{prefix}-{id}"));
        let one = |v: &str| vec![v.to_owned()];
        FormPage {
            title: tr.t(if existing.is_some() {
                "patient-edit-title"
            } else {
                "patient-new-title"
            }),
            action: existing
                .map(|(id, _)| format!("/patients/{id}"))
                .unwrap_or_else(|| "/patients".into()),
            cancel: existing
                .map(|(id, _)| format!("/patients/{id}"))
                .unwrap_or_else(|| "/patients".into()),
            version: existing.map(|(_, v)| v),
            idempotency_key: if existing.is_none() {
                crate::form::new_idempotency_key()
            } else {
                String::new()
            },
            medications_text: input.medications.join("\n"),
            errors: FieldMessages::none(),
            conflict: false,
            sexes: choices(
                &Sex::ALL,
                Sex::id,
                |s| label("sex")(s.id()),
                &one(&input.sex),
            ),
            languages: choices(
                &Language::ALL,
                Language::code,
                |l| l.endonym().to_owned(),
                &one(&input.preferred_language),
            ),
            indications: choices(
                Indication::ALL,
                Indication::id,
                |i| label("indication")(i.id()),
                &input.indications,
            ),
            conditions: choices(
                Condition::ALL,
                Condition::id,
                |c| label("condition")(c.id()),
                &input.conditions,
            ),
            allergies: choices(
                Allergy::ALL,
                Allergy::id,
                |a| label("allergy")(a.id()),
                &input.allergies,
            ),
            nav: Some(Nav::of(&me.user)),
            input,
            tr,
        }
    }

    fn with_errors(mut self, errors: &FieldErrors) -> FormPage {
        self.errors = FieldMessages::of(&self.tr, errors);
        self
    }
}

pub async fn new_form(me: CurrentUser) -> Result<Html<String>, AppError> {
    let input = PatientInput {
        preferred_language: me.user.language.code().into(),
        ..PatientInput::default()
    };
    render(&FormPage::new(me.tr(), &me, None, input))
}

/// The outcome of checking and storing a submitted form: where to go, or the form again.
fn form_failure(page: FormPage, error: AppError) -> Result<Response, AppError> {
    match error {
        AppError::Invalid(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page.with_errors(&errors))
        }
        AppError::Conflict => {
            let mut page = page;
            page.conflict = true;
            render_with(StatusCode::CONFLICT, &page)
        }
        other => Err(other),
    }
}

#[derive(Debug, Deserialize)]
pub struct NewPatient {
    #[serde(default)]
    idempotency_key: String,
    #[serde(flatten)]
    input: PatientInput,
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    HtmlForm(new): HtmlForm<NewPatient>,
) -> Result<Response, AppError> {
    let key = crate::form::idempotency_key(Some(&new.idempotency_key))?;
    let result = state
        .create_patient(&me.actor(&state), &new.input, key.as_ref())
        .await
        .map_err(AppError::from);
    match result {
        Ok(stored) => Ok(Redirect::to(&format!("/patients/{}", stored.id)).into_response()),
        Err(e) => {
            let mut page = FormPage::new(me.tr(), &me, None, new.input);
            if let Some(key) = key {
                // The same form again: its key stays, so that it still creates one patient.
                page.idempotency_key = key.as_str().to_owned();
            }
            form_failure(page, e)
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, AppError> {
    let id = parse_patient_id(&id)?;
    let StoredPatient {
        version, record, ..
    } = state.db.read_patient(&me.actor(&state), id).await?;
    render(&FormPage::new(
        me.tr(),
        &me,
        Some((id, version)),
        record.to_input(),
    ))
}

#[derive(Debug, Deserialize)]
pub struct PatientEdit {
    #[serde(default, deserialize_with = "bont_core::input::text")]
    version: String,
    #[serde(flatten)]
    input: PatientInput,
}

pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    HtmlForm(edit): HtmlForm<PatientEdit>,
) -> Result<Response, AppError> {
    let id = parse_patient_id(&id)?;
    let version: i64 = edit
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::Malformed("version: missing or not a number".into()))?;
    let result = state
        .update_patient(&me.actor(&state), id, version, &edit.input)
        .await
        .map_err(AppError::from);
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/patients/{id}")).into_response()),
        Err(e) => form_failure(
            FormPage::new(me.tr(), &me, Some((id, version)), edit.input),
            e,
        ),
    }
}

/// A stored verdict (ok, warn, block) as a word of the reader's language, with the mark
/// that tells it apart without colour; empty for a session never checked.
pub fn verdict_word(tr: &Tr, verdict: &str) -> String {
    match verdict {
        "ok" => format!("✓ {}", tr.t("verdict-word-ok")),
        "warn" => format!("⚠ {}", tr.t("verdict-word-warn")),
        "block" => format!("✖ {}", tr.t("verdict-word-block")),
        _ => String::new(),
    }
}
