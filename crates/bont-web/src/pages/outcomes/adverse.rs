//! The adverse event form of a session, and voiding an event.

#[allow(unused_imports)]
use super::*;

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
pub(super) struct AdversePage {
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

pub(super) async fn adverse_page(
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

pub(super) fn parse_session(raw: &str) -> Result<SessionId, AppError> {
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
