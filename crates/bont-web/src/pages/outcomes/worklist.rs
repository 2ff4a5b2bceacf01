//! The worklist page, one page at a time, with its one-click contact forms.

#[allow(unused_imports)]
use super::*;

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
    /// A peak assessment is closed by recording the assessment: the form to do so.
    assess_href: Option<String>,
}

#[derive(Template)]
#[template(path = "outcomes/worklist.html")]
pub(super) struct WorklistPage {
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
                    assess_href: (row.follow_up.kind
                        == bont_core::outcomes::FollowUpKind::PeakAssessment)
                        .then(|| {
                            state
                                .outcomes
                                .scales_for(&row.indication)
                                .into_iter()
                                .find(|s| s.kind != bont_core::outcomes::book::ScaleKind::Gas)
                                .map(|s| {
                                    format!(
                                        "/patients/{}/assessments/new?scale={}",
                                        row.follow_up.patient, s.id
                                    )
                                })
                        })
                        .flatten(),
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
        (
            "per_page",
            request.per_page.map(|p| p.to_string()).unwrap_or_default(),
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
