//! Goal Attainment Scaling: setting a goal and scoring it.

#[allow(unused_imports)]
use super::*;

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

pub(super) fn small_number<T: std::str::FromStr>(
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

pub(super) fn optional_session(raw: &str) -> Option<SessionId> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(SessionId::new)
}

/// Errors of a small form on the patient page, shown on a page of their own.
pub(super) fn form_errors(errors: PlanErrors) -> AppError {
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
