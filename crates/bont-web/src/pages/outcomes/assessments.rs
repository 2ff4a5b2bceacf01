//! The assessment form for each kind of scale, and voiding an assessment.

#[allow(unused_imports)]
use super::*;

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
pub(super) struct AssessmentPage {
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

pub(super) fn kind_id(kind: ScaleKind) -> &'static str {
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

pub(super) async fn assessment_page(
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
    pub(super) reason: String,
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
