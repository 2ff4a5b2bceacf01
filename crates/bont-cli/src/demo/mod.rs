//! A synthetic clinic for demonstrations and load tests: deterministic for a seed and a
//! date. Patients cover every indication, with ages, weights, languages, conditions and
//! medications drawn in plausible proportions. Nobody in it exists: names are common
//! given and family names combined at random, telephone numbers come from a range
//! reserved for fiction, and e-mail addresses use the reserved domain example.org.

use crate::demo_outcomes::{
    Course, adverse_event, assessments, benefit_report, goal_level, spasticity_goals,
};
use bont_core::outcomes::assessment::AssessmentInput;
use bont_core::outcomes::response::{Cycle, ScorePoint};
use bont_core::outcomes::{FollowUpKind, OutcomeBook, follow_ups_for};
use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::safety::Catalog;
use bont_core::safety::check::Severity;
use bont_core::treatment::{
    GivenSession, Override, TreatmentInput, check_overrides, check_signable,
};
use bont_core::user::{NewUser, UserInput};
use bont_core::vocabulary::Indication;
use bont_core::{ClinicId, Role};
use bont_db::bulk::Load;
use bont_db::sessions::SavedVerdict;
use bont_db::{Actor, Database};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

mod people;
mod treatments;

pub use people::patients;
use treatments::treatment_history;

/// One demo account per role.
pub struct DemoAccount {
    pub username: String,
    pub role: Role,
    pub password: String,
}

/// Creates a log-in for each role (user name = role id) with a fresh random password.
pub async fn create_demo_accounts(
    db: &Database,
    clinic: ClinicId,
    now: Timestamp,
) -> anyhow::Result<Vec<DemoAccount>> {
    let mut accounts = Vec::new();
    for role in Role::ALL {
        let user = NewUser::parse(&UserInput {
            username: role.id().into(),
            display_name: format!("Demo {}", role.id()),
            role: role.id().into(),
            language: "en".into(),
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let password = bont_web::auth::one_time_password();
        let hash = bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
        db.create_user(None, clinic, &user, &hash, false, now)
            .await?;
        accounts.push(DemoAccount {
            username: role.id().into(),
            role,
            password,
        });
    }
    Ok(accounts)
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

fn chance(rng: &mut fastrand::Rng, p: f64) -> bool {
    rng.f64() < p
}

/// Clinics 2 to `count + 1` of a demo registry, each with a physician to sign its
/// sessions (no log-in: their passwords are never shown); the physicians as actors.
pub async fn more_clinics(
    db: &Database,
    count: usize,
    now: Timestamp,
) -> anyhow::Result<Vec<Actor>> {
    let mut physicians = Vec::new();
    for n in 2..count + 2 {
        let clinic = db
            .create_clinic(&format!("Demo neurology clinic {n}"), now)
            .await?;
        let user = NewUser::parse(&UserInput {
            username: format!("physician-{n}"),
            display_name: format!("Demo physician of clinic {n}"),
            role: Role::Physician.id().into(),
            language: "en".into(),
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let password = bont_web::auth::one_time_password();
        let hash = bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
        let id = db
            .create_user(None, clinic.id, &user, &hash, true, now)
            .await?;
        physicians.push(Actor {
            user: id,
            clinic: clinic.id,
            client: "bont demo".into(),
            now,
        });
    }
    Ok(physicians)
}

/// What a demo clinic holds.
#[derive(Debug, Default)]
pub struct Populated {
    pub patients: usize,
    pub sessions: usize,
    pub overrides: usize,
    pub assessments: usize,
    pub follow_ups_reached: usize,
    pub adverse_events: usize,
    pub non_responders: usize,
}

impl Populated {
    /// One line for the person who asked for the demo.
    pub fn summary(&self) -> String {
        format!(
            "{} synthetic patients, {} signed sessions ({} with overrides), {} assessments, {} follow-up calls reached, {} adverse events, {} patients losing their response",
            self.patients,
            self.sessions,
            self.overrides,
            self.assessments,
            self.follow_ups_reached,
            self.adverse_events,
            self.non_responders
        )
    }
}

/// Patients stored in one transaction: the demo's writes are loaded in batches (many rows
/// to a statement, one commit and one audit event a batch), while every record still
/// passes the domain's checks.
const BATCH: usize = 500;

/// Stores a demo registry's patients and their past sessions, the patients dealt in turn
/// to the clinics of `physicians` (one physician of each clinic, who signs its sessions).
/// Every session passes through the real safety check; the few that block are signed with
/// a written override, as a clinic would. `progress` hears how many patients are stored.
/// The tables' secondary indexes (and PostgreSQL's foreign keys) are set aside during the
/// load and built at its end.
pub async fn populate(
    db: &Database,
    physicians: &[Actor],
    catalog: &Catalog,
    seed: u64,
    count: usize,
    today: Date,
    progress: &dyn Fn(usize),
) -> anyhow::Result<Populated> {
    anyhow::ensure!(!physicians.is_empty(), "a demo needs a physician");
    // The records are made on a thread of their own while the batch before is stored.
    let (batches, mut ready) = tokio::sync::mpsc::channel::<(Load, String, usize)>(2);
    let mut load = db.bulk().await?;
    let (dealt, catalog) = (physicians.to_vec(), catalog.clone());
    let maker = tokio::task::spawn_blocking(move || -> anyhow::Result<Populated> {
        let mut inputs = patients(seed, count, today).enumerate().peekable();
        let mut rng = fastrand::Rng::with_seed(seed ^ 0x5e55_1011);
        let book = OutcomeBook::builtin();
        let mut outcome_rng = fastrand::Rng::with_seed(seed ^ 0x0ac0_e5e5);
        let mut done = Populated::default();
        while inputs.peek().is_some() {
            let first = done.patients + 1;
            for (i, input) in inputs.by_ref().take(BATCH) {
                patient_course(
                    &mut load,
                    &dealt[i % dealt.len()],
                    &catalog,
                    &book,
                    &input,
                    today,
                    (&mut rng, &mut outcome_rng),
                    &mut done,
                )?;
            }
            let detail = format!(
                "demo patients {first} to {} in {} clinics",
                done.patients,
                dealt.len()
            );
            if batches
                .blocking_send((load.batch(), detail, done.patients))
                .is_err()
            {
                break;
            }
        }
        Ok(done)
    });
    // The rows go in without their secondary index entries, built once at the end.
    db.set_aside_for_load().await?;
    let stored = async {
        while let Some((mut batch, detail, stored)) = ready.recv().await {
            db.store(&mut batch, &physicians[0], &detail).await?;
            progress(stored);
        }
        anyhow::Ok(())
    }
    .await;
    drop(ready);
    let made = maker.await?;
    db.rebuild_set_aside().await?;
    stored?;
    made
}

/// One patient and their years of sessions, follow-ups, scores and adverse events.
#[allow(clippy::too_many_arguments)]
fn patient_course(
    load: &mut Load,
    actor: &Actor,
    catalog: &Catalog,
    book: &OutcomeBook,
    input: &PatientInput,
    today: Date,
    (rng, outcome_rng): (&mut fastrand::Rng, &mut fastrand::Rng),
    done: &mut Populated,
) -> anyhow::Result<()> {
    {
        let record = PatientRecord::parse(input, today)
            .map_err(|e| anyhow::anyhow!("demo patient {} is invalid: {e}", input.record_number))?;
        let id = load.patient(actor, &record);
        done.patients += 1;
        // Nobody gives toxin to a patient allergic to it or to an excipient of the usual
        // products, or to one who has not consented to treatment.
        let allergies = &record.clinical.allergies;
        if allergies.contains(&bont_core::vocabulary::Allergy::BotulinumToxin)
            || allergies.contains(&bont_core::vocabulary::Allergy::HumanAlbumin)
            || !record.consents.treatment
        {
            return Ok(());
        }
        let mut history: Vec<GivenSession> = Vec::new();
        let mut sessions = treatment_history(rng, &record, today);
        // The first two patients with a long enough course of a steady regimen for
        // migraine or cervical dystonia lose their response in their last two cycles.
        let indication = record.clinical.indications.iter().next().copied();
        let loses_response = done.non_responders < 2
            && matches!(
                indication,
                Some(Indication::ChronicMigraine | Indication::CervicalDystonia)
            )
            && sessions.len() >= 6;
        if loses_response {
            steady(&mut sessions);
            done.non_responders += 1;
        }
        let course = Course::new(outcome_rng, sessions.len(), loses_response);
        let mut cycles: Vec<Cycle> = Vec::new();
        let mut scores: Vec<ScorePoint> = Vec::new();
        let mut goals: Vec<(i64, i8)> = Vec::new();
        for (cycle, session) in sessions.into_iter().enumerate() {
            let (treatment, plan) = match session.check(&record, &history, &[], today, catalog) {
                Ok(checked) => checked,
                Err(e) => anyhow::bail!("demo session for {} is invalid: {e}", input.record_number),
            };
            check_signable(&treatment, &record).map_err(|e| {
                anyhow::anyhow!(
                    "demo session for {} cannot be signed: {e}",
                    input.record_number
                )
            })?;
            let report = bont_core::safety::check(catalog, &plan);
            let saved = SavedVerdict {
                verdict: serde_json::to_value(report.verdict)?
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                findings: serde_json::to_value(&report.findings)?,
                total_units: report.arithmetic.total_units.as_f64(),
            };
            let overrides: Vec<Override> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Block)
                .map(|f| Override {
                    code: f.code.to_owned(),
                    kind: "other".to_owned(),
                    reason: if f.code == "interval_too_short" {
                        TOP_UP_REASON
                    } else {
                        OVERRIDE_REASON
                    }
                    .to_owned(),
                })
                .collect();
            let overrides =
                check_overrides(&report, &overrides).map_err(|e| anyhow::anyhow!("{e}"))?;
            let when = Actor {
                now: session_time(&session.date),
                ..actor.clone()
            };
            // Before the injection: baseline (or before re-injection) scores, and how long
            // the last session's benefit lasted.
            let timepoint = if cycle == 0 {
                "baseline"
            } else {
                "before_reinjection"
            };
            let mut entries = indication
                .map(|i| {
                    assessments(
                        outcome_rng,
                        &course,
                        i,
                        &session,
                        &session.date,
                        timepoint,
                        0.0,
                    )
                })
                .unwrap_or_default();
            if cycle > 0 && outcome_rng.f64() < 0.7 {
                entries.push(benefit_report(outcome_rng, &course, &session.date));
            }
            for entry in &entries {
                done.assessments +=
                    store_assessment(load, &when, id, entry, book, catalog, today, &mut scores)?;
            }
            let planned = follow_ups_for(book, catalog, &record, &session, &cycles, &scores);
            let (session_id, stored) =
                load.signed_session(&when, id, &treatment, &saved, &overrides, &planned);
            if cycle == 0
                && let Some(i @ (Indication::UpperLimbSpasticity | Indication::LowerLimbSpasticity)) =
                    indication
            {
                for goal in spasticity_goals(i, &session.date) {
                    let checked = goal
                        .check(today)
                        .map_err(|e| anyhow::anyhow!("demo goal: {e}"))?;
                    let goal_id = load.goal(&when, id, &checked, Some(session_id));
                    goals.push((goal_id, checked.baseline));
                }
            }
            done.sessions += 1;
            done.overrides += usize::from(!overrides.is_empty());
            cycles.push(Cycle {
                session: session_id.get(),
                date: plan.session.date,
                product: bont_core::outcomes::product_id(catalog, &session.product),
                indication: session.indication.clone(),
                total_units: saved.total_units,
            });
            // After it: the onset call, the peak visit, now and then an adverse event.
            let of = |kind: FollowUpKind| stored.iter().copied().find(|f| f.kind == kind);
            if let Some(onset) = of(FollowUpKind::OnsetCheck)
                && onset.due_on <= today
            {
                let roll = outcome_rng.f64();
                let call = |day: Date| Actor {
                    now: session_time(&day.to_string()),
                    ..actor.clone()
                };
                if roll < 0.15 {
                    load.contact(&call(onset.opens_on), onset.id, false, "No answer.");
                }
                if roll < 0.85 {
                    load.contact(
                        &call(onset.due_on),
                        onset.id,
                        true,
                        "Effect starting; no new weakness or swallowing trouble.",
                    );
                    done.follow_ups_reached += 1;
                }
            }
            let response = course.response_in(outcome_rng, cycle);
            if let (Some(i), Some(peak)) = (indication, of(FollowUpKind::PeakAssessment))
                && peak.due_on <= today
                && outcome_rng.f64() < 0.8
            {
                let day = peak.due_on.to_string();
                let at_peak = Actor {
                    now: session_time(&day),
                    ..actor.clone()
                };
                for entry in assessments(outcome_rng, &course, i, &session, &day, "peak", response)
                {
                    done.assessments += store_assessment(
                        load,
                        &at_peak,
                        id,
                        &entry,
                        book,
                        catalog,
                        today,
                        &mut scores,
                    )?;
                }
                for (goal, baseline) in &goals {
                    let level = goal_level(outcome_rng, *baseline, response);
                    load.goal_score(&at_peak, *goal, peak.due_on, level, Some(session_id));
                }
            }
            if let Some(i) = indication
                && outcome_rng.f64() < 0.06
            {
                let event = adverse_event(outcome_rng, i, &session)
                    .check(book, &session)
                    .map_err(|e| anyhow::anyhow!("demo adverse event: {e}"))?;
                let reported = plan
                    .session
                    .date
                    .checked_add(i64::from(event.onset_day + 2).days())
                    .unwrap_or(today);
                if reported <= today {
                    let at = Actor {
                        now: session_time(&reported.to_string()),
                        ..actor.clone()
                    };
                    load.adverse_event(&at, id, session_id, &event, book);
                    done.adverse_events += 1;
                }
            }
            history.insert(
                0,
                GivenSession {
                    date: plan.session.date,
                    product: session.product.clone(),
                    indication: session.indication.clone(),
                    total_units: saved.total_units,
                },
            );
        }
    }
    Ok(())
}

/// A steady regimen: every session like the first, and no top-ups.
fn steady(sessions: &mut Vec<TreatmentInput>) {
    let Some(first) = sessions.first().cloned() else {
        return;
    };
    let mut last = None::<Date>;
    sessions.retain(|s| {
        let date: Option<Date> = s.date.parse().ok();
        let keep = match (last, date) {
            (Some(l), Some(d)) => (d - l).get_days() >= 84,
            _ => true,
        };
        if keep {
            last = date;
        }
        keep
    });
    for s in sessions.iter_mut().skip(1) {
        s.product = first.product.clone();
        s.vial_units = first.vial_units;
        s.diluent_ml = first.diluent_ml;
        s.injections = first.injections.clone();
    }
}

/// Checks an assessment as the form would and stores it; 1 when stored.
#[allow(clippy::too_many_arguments)]
fn store_assessment(
    load: &mut Load,
    actor: &Actor,
    patient: bont_core::PatientId,
    entry: &AssessmentInput,
    book: &OutcomeBook,
    catalog: &Catalog,
    today: Date,
    scores: &mut Vec<ScorePoint>,
) -> anyhow::Result<usize> {
    let Ok(date) = entry.date.parse::<Date>() else {
        return Ok(0);
    };
    if date > today {
        return Ok(0);
    }
    let checked = entry
        .check(book, catalog, today)
        .map_err(|e| anyhow::anyhow!("demo assessment {}: {e}", entry.scale))?;
    load.assessment(actor, patient, &checked);
    scores.push(ScorePoint {
        scale: checked.scale.clone(),
        date: checked.date,
        timepoint: checked.timepoint,
        score: checked.score,
    });
    Ok(1)
}

const TOP_UP_REASON: &str = "Insufficient response at the two-week check; a small top-up agreed with the patient after discussing the risk of neutralising antibodies.";
const OVERRIDE_REASON: &str =
    "Benefit judged to outweigh the risk after discussion with the patient; consent documented.";

fn session_time(date: &str) -> jiff::Timestamp {
    format!("{date}T10:00:00Z")
        .parse()
        .unwrap_or_else(|_| jiff::Timestamp::now())
}
