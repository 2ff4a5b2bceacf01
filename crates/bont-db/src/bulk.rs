//! Loading many records at once: a registry's history, a demo clinic of a million
//! patients. What is loaded has passed the domain's checks (a [`PatientRecord`], a checked
//! [`Treatment`] with its verdict and overrides, the follow-ups the domain planned, a
//! checked [`Assessment`]); only the per-record work of the interactive path is skipped:
//! ids are assigned here instead of by the database, rows are written many to a statement,
//! and each batch is one transaction with one audit event that names what it loaded.
//!
//! The follow-ups close as on the interactive path: a session's signing closes the
//! patient's earlier open ones (the re-injection as done, the onset and peak checks as
//! superseded), a contact that reaches the patient closes its follow-up, and a peak
//! assessment closes the open peak follow-up of the session before it.

use crate::audit::Event;
use crate::patients::{Columns, RECORD_COLUMNS, bind_record};
use crate::sessions::SavedVerdict;
use crate::{Actor, Database, Engine, StoreError, StoreResult};
use bont_core::outcomes::adverse::AdverseEventInput;
use bont_core::outcomes::assessment::{Assessment, Timepoint};
use bont_core::outcomes::goals::Goal;
use bont_core::outcomes::schedule::{PlannedFollowUp, leaves_worklist_on};
use bont_core::outcomes::{FollowUpKind, OutcomeBook};
use bont_core::patient::PatientRecord;
use bont_core::treatment::{Override, Treatment};
use bont_core::{PatientId, SessionId};
use jiff::civil::Date;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection};

type Q<'q> = Query<'q, Any, AnyArguments<'q>>;

/// The tables whose ids a load assigns.
const ID_TABLES: [&str; 6] = [
    "patients",
    "treatment_sessions",
    "follow_ups",
    "assessments",
    "adverse_events",
    "goals",
];

/// Records waiting to be stored together, with the ids they will have.
#[derive(Debug)]
pub struct Load {
    /// The next free id of each of [`ID_TABLES`], in that order.
    next: [i64; 6],
    /// The ids each table had free when the load began (checked again when storing).
    first: [i64; 6],
    patients: Vec<PatientRow>,
    sessions: Vec<SessionRow>,
    injections: Vec<InjectionRow>,
    vials: Vec<VialRow>,
    follow_ups: Vec<FollowUpRow>,
    contacts: Vec<ContactRow>,
    assessments: Vec<AssessmentRow>,
    adverse_events: Vec<AdverseRow>,
    goals: Vec<GoalRow>,
    goal_scores: Vec<GoalScoreRow>,
    goal_targets: Vec<(i64, i64, i64)>,
}

/// A follow-up a signed session scheduled, as [`Load::signed_session`] answers it.
#[derive(Debug, Clone, Copy)]
pub struct Scheduled {
    pub id: i64,
    pub kind: FollowUpKind,
    pub opens_on: Date,
    pub due_on: Date,
}

#[derive(Debug)]
struct PatientRow {
    id: i64,
    clinic: i64,
    columns: Columns,
    at: String,
    by: i64,
}

#[derive(Debug)]
struct SessionRow {
    id: i64,
    clinic: i64,
    patient: i64,
    date: String,
    time: Option<String>,
    product: String,
    indication: &'static str,
    vial_units: Option<f64>,
    diluent_ml: Option<f64>,
    infection_at_site: bool,
    anaesthesia: Option<String>,
    duration_minutes: Option<i64>,
    notes: String,
    total_units: f64,
    verdict: String,
    findings: String,
    overrides: String,
    at: String,
    by: i64,
}

#[derive(Debug)]
struct InjectionRow {
    clinic: i64,
    session: i64,
    position: i64,
    product: String,
    muscle: String,
    side: &'static str,
    units: f64,
    sites: i64,
    guidance: Option<&'static str>,
}

#[derive(Debug)]
struct VialRow {
    clinic: i64,
    session: i64,
    position: i64,
    product: String,
    lot: String,
    expiry: String,
}

#[derive(Debug)]
struct FollowUpRow {
    id: i64,
    clinic: i64,
    patient: i64,
    session: i64,
    /// The day of the session that scheduled it (not a column: for the closing rules).
    session_date: Date,
    kind: FollowUpKind,
    opens_on: String,
    due_on: String,
    late_after: String,
    source: String,
    leaves_worklist_on: Option<String>,
    status: &'static str,
    closed_as: Option<&'static str>,
    attempts: i64,
    created_at: String,
    updated_at: String,
    updated_by: i64,
}

#[derive(Debug)]
struct ContactRow {
    clinic: i64,
    follow_up: i64,
    at: String,
    user: i64,
    result: &'static str,
    note: String,
}

#[derive(Debug)]
struct AssessmentRow {
    id: i64,
    clinic: i64,
    patient: i64,
    scale: String,
    assessed_on: String,
    timepoint: &'static str,
    score: f64,
    record: String,
    at: String,
    by: i64,
}

#[derive(Debug)]
struct AdverseRow {
    id: i64,
    clinic: i64,
    patient: i64,
    session: i64,
    kind: String,
    severity: String,
    lot: String,
    alarming: bool,
    record: String,
    at: String,
    by: i64,
}

#[derive(Debug)]
struct GoalRow {
    id: i64,
    clinic: i64,
    patient: i64,
    domain: &'static str,
    text: String,
    weight: i64,
    baseline: i64,
    set_on: String,
    at: String,
    by: i64,
}

#[derive(Debug)]
struct GoalScoreRow {
    clinic: i64,
    goal: i64,
    scored_on: String,
    level: i64,
    at: String,
    by: i64,
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("checked values always serialise")
}

impl Load {
    fn take(&mut self, table: usize) -> i64 {
        let id = self.next[table];
        self.next[table] += 1;
        id
    }

    /// Records loaded but not yet stored.
    pub fn waiting(&self) -> usize {
        self.patients.len()
            + self.sessions.len()
            + self.follow_ups.len()
            + self.assessments.len()
            + self.adverse_events.len()
    }

    /// A new patient of the actor's clinic.
    pub fn patient(&mut self, actor: &Actor, record: &PatientRecord) -> PatientId {
        let id = self.take(0);
        self.patients.push(PatientRow {
            id,
            clinic: actor.clinic.get(),
            columns: Columns::of(record),
            at: crate::stamp(actor.now),
            by: actor.user.get(),
        });
        PatientId::new(id)
    }

    /// A session signed by the actor (at `actor.now`) with the verdict it was signed
    /// with, and the follow-ups the domain planned for it. The patient's earlier open
    /// follow-ups close as a signing closes them.
    pub fn signed_session(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        treatment: &Treatment,
        verdict: &SavedVerdict,
        overrides: &[Override],
        planned: &[PlannedFollowUp],
    ) -> (SessionId, Vec<Scheduled>) {
        let id = self.take(1);
        let clinic = actor.clinic.get();
        let at = crate::stamp(actor.now);
        let reconstitution = treatment.reconstitution();
        self.sessions.push(SessionRow {
            id,
            clinic,
            patient: patient.get(),
            date: treatment.date().to_string(),
            time: treatment.time().map(|t| t.strftime("%H:%M").to_string()),
            product: treatment.product().as_str().to_owned(),
            indication: treatment.indication().id(),
            vial_units: reconstitution.map(|r| r.vial_units.as_f64()),
            diluent_ml: reconstitution.and_then(|r| r.diluent_ml),
            infection_at_site: treatment.infection_at_site(),
            anaesthesia: treatment.anaesthesia().map(str::to_owned),
            duration_minutes: treatment.duration_minutes().map(i64::from),
            notes: treatment.notes().to_owned(),
            total_units: verdict.total_units,
            verdict: verdict.verdict.clone(),
            findings: verdict.findings.to_string(),
            overrides: json(&overrides),
            at: at.clone(),
            by: actor.user.get(),
        });
        for (position, injection) in treatment.injections().iter().enumerate() {
            self.injections.push(InjectionRow {
                clinic,
                session: id,
                position: position as i64,
                product: treatment.product().as_str().to_owned(),
                muscle: injection.muscle.clone(),
                side: injection.side.as_str(),
                units: injection.units.as_f64(),
                sites: i64::from(injection.sites),
                guidance: injection.guidance,
            });
        }
        for (position, vial) in treatment.vials().iter().enumerate() {
            self.vials.push(VialRow {
                clinic,
                session: id,
                position: position as i64,
                product: treatment.product().as_str().to_owned(),
                lot: vial.lot().to_owned(),
                expiry: vial.expiry().to_string(),
            });
        }
        // A first signing closes the patient's earlier open follow-ups.
        let date = treatment.date();
        for earlier in self.follow_ups.iter_mut().rev() {
            if earlier.patient != patient.get() {
                break;
            }
            if earlier.status == "open" && earlier.session_date <= date {
                let (status, closed_as) = match earlier.kind {
                    FollowUpKind::Reinjection => ("done", "reinjected"),
                    _ => ("cancelled", "superseded"),
                };
                earlier.status = status;
                earlier.closed_as = Some(closed_as);
                earlier.updated_at = at.clone();
                earlier.updated_by = actor.user.get();
            }
        }
        let mut scheduled = Vec::new();
        for p in planned {
            let follow_up = self.take(2);
            self.follow_ups.push(FollowUpRow {
                id: follow_up,
                clinic,
                patient: patient.get(),
                session: id,
                session_date: date,
                kind: p.kind,
                opens_on: p.opens.to_string(),
                due_on: p.due.to_string(),
                late_after: p.late_after.to_string(),
                source: json(&p.source),
                leaves_worklist_on: leaves_worklist_on(planned, p.kind).map(|d| d.to_string()),
                status: "open",
                closed_as: None,
                attempts: 0,
                created_at: at.clone(),
                updated_at: at.clone(),
                updated_by: actor.user.get(),
            });
            scheduled.push(Scheduled {
                id: follow_up,
                kind: p.kind,
                opens_on: p.opens,
                due_on: p.due,
            });
        }
        (SessionId::new(id), scheduled)
    }

    /// A call about an open follow-up of this load: reaching the patient closes it.
    pub fn contact(&mut self, actor: &Actor, follow_up: i64, reached: bool, note: &str) {
        let at = crate::stamp(actor.now);
        if let Some(row) = self
            .follow_ups
            .iter_mut()
            .rev()
            .find(|f| f.id == follow_up && f.status == "open")
        {
            row.attempts += 1;
            if reached {
                row.status = "done";
                row.closed_as = Some("reached");
            }
            row.updated_at = at.clone();
            row.updated_by = actor.user.get();
            self.contacts.push(ContactRow {
                clinic: actor.clinic.get(),
                follow_up,
                at,
                user: actor.user.get(),
                result: if reached { "reached" } else { "not_reached" },
                note: note.to_owned(),
            });
        }
    }

    /// An assessment of the patient; one at peak closes the open peak follow-up of the
    /// patient's latest session on or before its day.
    pub fn assessment(&mut self, actor: &Actor, patient: PatientId, assessment: &Assessment) {
        let id = self.take(3);
        let at = crate::stamp(actor.now);
        if assessment.timepoint == Timepoint::Peak {
            let latest = self
                .sessions
                .iter()
                .rev()
                .take_while(|s| s.patient == patient.get())
                .find(|s| s.date <= assessment.date.to_string())
                .map(|s| s.id);
            if let Some(session) = latest
                && let Some(row) = self.follow_ups.iter_mut().rev().find(|f| {
                    f.session == session
                        && f.kind == FollowUpKind::PeakAssessment
                        && f.status == "open"
                })
            {
                row.status = "done";
                row.closed_as = Some("assessed");
                row.updated_at = at.clone();
                row.updated_by = actor.user.get();
            }
        }
        self.assessments.push(AssessmentRow {
            id,
            clinic: actor.clinic.get(),
            patient: patient.get(),
            scale: assessment.scale.clone(),
            assessed_on: assessment.date.to_string(),
            timepoint: assessment.timepoint.id(),
            score: assessment.score,
            record: json(&assessment.values),
            at,
            by: actor.user.get(),
        });
    }

    /// An adverse event after a session of this load (checked by the domain against that
    /// session's lots).
    pub fn adverse_event(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        session: SessionId,
        event: &AdverseEventInput,
        book: &OutcomeBook,
    ) {
        let id = self.take(4);
        self.adverse_events.push(AdverseRow {
            id,
            clinic: actor.clinic.get(),
            patient: patient.get(),
            session: session.get(),
            kind: event.kind.clone(),
            severity: event.severity.clone(),
            lot: event.lot.clone(),
            alarming: event.is_alarming(book),
            record: json(event),
            at: crate::stamp(actor.now),
            by: actor.user.get(),
        });
    }

    /// A goal set with the patient, targeted by `session` when given.
    pub fn goal(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        goal: &Goal,
        session: Option<SessionId>,
    ) -> i64 {
        let id = self.take(5);
        self.goals.push(GoalRow {
            id,
            clinic: actor.clinic.get(),
            patient: patient.get(),
            domain: goal.domain.id(),
            text: goal.text.clone(),
            weight: i64::from(goal.weight),
            baseline: i64::from(goal.baseline),
            set_on: goal.set_on.to_string(),
            at: crate::stamp(actor.now),
            by: actor.user.get(),
        });
        if let Some(session) = session {
            self.target(actor, id, session);
        }
        id
    }

    /// A score of a goal of this load; `session` is recorded as targeting it.
    pub fn goal_score(
        &mut self,
        actor: &Actor,
        goal: i64,
        day: Date,
        level: i8,
        session: Option<SessionId>,
    ) {
        self.goal_scores.push(GoalScoreRow {
            clinic: actor.clinic.get(),
            goal,
            scored_on: day.to_string(),
            level: i64::from(level),
            at: crate::stamp(actor.now),
            by: actor.user.get(),
        });
        if let Some(session) = session {
            self.target(actor, goal, session);
        }
    }

    fn target(&mut self, actor: &Actor, goal: i64, session: SessionId) {
        let row = (actor.clinic.get(), goal, session.get());
        if !self.goal_targets.contains(&row) {
            self.goal_targets.push(row);
        }
    }

    /// Moves the records waiting into a batch of their own, to be stored while this load
    /// goes on taking records (and ids after the batch's).
    pub fn batch(&mut self) -> Load {
        let batch = Load {
            next: self.next,
            first: self.first,
            patients: std::mem::take(&mut self.patients),
            sessions: std::mem::take(&mut self.sessions),
            injections: std::mem::take(&mut self.injections),
            vials: std::mem::take(&mut self.vials),
            follow_ups: std::mem::take(&mut self.follow_ups),
            contacts: std::mem::take(&mut self.contacts),
            assessments: std::mem::take(&mut self.assessments),
            adverse_events: std::mem::take(&mut self.adverse_events),
            goals: std::mem::take(&mut self.goals),
            goal_scores: std::mem::take(&mut self.goal_scores),
            goal_targets: std::mem::take(&mut self.goal_targets),
        };
        self.first = self.next;
        batch
    }

    fn clear(&mut self) {
        self.patients.clear();
        self.sessions.clear();
        self.injections.clear();
        self.vials.clear();
        self.follow_ups.clear();
        self.contacts.clear();
        self.assessments.clear();
        self.adverse_events.clear();
        self.goals.clear();
        self.goal_scores.clear();
        self.goal_targets.clear();
        self.first = self.next;
    }
}

/// `INSERT INTO table (columns) VALUES (…), (…), …` for `rows`, as many rows to a
/// statement as both engines take parameters. On SQLite the values are in anonymous
/// placeholders (`?`, bound in order): a numbered one is looked up by its name among all
/// the statement's, which makes binding a long statement slow.
pub(crate) async fn insert<T>(
    conn: &mut AnyConnection,
    engine: Engine,
    table: &str,
    columns: &[&str],
    rows: &[T],
    bind: for<'q> fn(Q<'q>, &'q T) -> Q<'q>,
) -> Result<(), sqlx::Error> {
    let per_statement = (30_000 / columns.len()).clamp(1, 500);
    for chunk in rows.chunks(per_statement) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| match engine {
                Engine::Sqlite => format!("({})", vec!["?"; columns.len()].join(", ")),
                Engine::Postgres => {
                    format!("({})", crate::marks(i * columns.len() + 1, columns.len()))
                }
            })
            .collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}",
            columns.join(", "),
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for row in chunk {
            query = bind(query, row);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

fn bind_patient<'q>(q: Q<'q>, r: &'q PatientRow) -> Q<'q> {
    bind_record(q, &r.columns)
        .bind(r.id)
        .bind(r.clinic)
        .bind(1_i64)
        .bind(&r.at)
        .bind(r.by)
        .bind(&r.at)
        .bind(r.by)
}

fn bind_session<'q>(q: Q<'q>, r: &'q SessionRow) -> Q<'q> {
    q.bind(r.id)
        .bind(r.clinic)
        .bind(r.patient)
        .bind(1_i64)
        .bind("signed")
        .bind(&r.date)
        .bind(&r.time)
        .bind(&r.product)
        .bind(r.indication)
        .bind(r.vial_units)
        .bind(r.diluent_ml)
        .bind(r.infection_at_site)
        .bind(&r.anaesthesia)
        .bind(r.duration_minutes)
        .bind(&r.notes)
        .bind(r.total_units)
        .bind(&r.verdict)
        .bind(&r.findings)
        .bind(&r.overrides)
        .bind(r.by)
        .bind(&r.at)
        .bind(&r.at)
        .bind(r.by)
        .bind(&r.at)
        .bind(r.by)
}

fn bind_injection<'q>(q: Q<'q>, r: &'q InjectionRow) -> Q<'q> {
    q.bind(r.clinic)
        .bind(r.session)
        .bind(r.position)
        .bind(&r.product)
        .bind(&r.muscle)
        .bind(r.side)
        .bind(r.units)
        .bind(r.sites)
        .bind(r.guidance)
}

fn bind_vial<'q>(q: Q<'q>, r: &'q VialRow) -> Q<'q> {
    q.bind(r.clinic)
        .bind(r.session)
        .bind(r.position)
        .bind(&r.product)
        .bind(&r.lot)
        .bind(&r.expiry)
}

fn bind_follow_up<'q>(q: Q<'q>, r: &'q FollowUpRow) -> Q<'q> {
    q.bind(r.id)
        .bind(r.clinic)
        .bind(r.patient)
        .bind(r.session)
        .bind(r.kind.id())
        .bind(&r.opens_on)
        .bind(&r.due_on)
        .bind(&r.late_after)
        .bind(&r.source)
        .bind(&r.leaves_worklist_on)
        .bind(r.status)
        .bind(r.closed_as)
        .bind(r.attempts)
        .bind(&r.created_at)
        .bind(&r.updated_at)
        .bind(r.updated_by)
}

fn bind_contact<'q>(q: Q<'q>, r: &'q ContactRow) -> Q<'q> {
    q.bind(r.clinic)
        .bind(r.follow_up)
        .bind(&r.at)
        .bind(r.user)
        .bind(r.result)
        .bind(&r.note)
}

fn bind_assessment<'q>(q: Q<'q>, r: &'q AssessmentRow) -> Q<'q> {
    q.bind(r.id)
        .bind(r.clinic)
        .bind(r.patient)
        .bind(&r.scale)
        .bind(&r.assessed_on)
        .bind(r.timepoint)
        .bind(r.score)
        .bind(&r.record)
        .bind("entered")
        .bind(&r.at)
        .bind(r.by)
        .bind(&r.at)
        .bind(r.by)
}

fn bind_adverse<'q>(q: Q<'q>, r: &'q AdverseRow) -> Q<'q> {
    q.bind(r.id)
        .bind(r.clinic)
        .bind(r.patient)
        .bind(r.session)
        .bind(&r.kind)
        .bind(&r.severity)
        .bind(&r.lot)
        .bind(r.alarming)
        .bind(&r.record)
        .bind("entered")
        .bind(&r.at)
        .bind(r.by)
        .bind(&r.at)
        .bind(r.by)
}

fn bind_goal<'q>(q: Q<'q>, r: &'q GoalRow) -> Q<'q> {
    q.bind(r.id)
        .bind(r.clinic)
        .bind(r.patient)
        .bind(r.domain)
        .bind(&r.text)
        .bind(r.weight)
        .bind(r.baseline)
        .bind(&r.set_on)
        .bind("active")
        .bind(&r.at)
        .bind(r.by)
}

fn bind_goal_score<'q>(q: Q<'q>, r: &'q GoalScoreRow) -> Q<'q> {
    q.bind(r.clinic)
        .bind(r.goal)
        .bind(&r.scored_on)
        .bind(r.level)
        .bind(&r.at)
        .bind(r.by)
}

pub(crate) fn bind_word<'q>(q: Q<'q>, r: &'q (i64, String, i64)) -> Q<'q> {
    q.bind(r.0).bind(r.1.as_str()).bind(r.2)
}

fn bind_target<'q>(q: Q<'q>, r: &'q (i64, i64, i64)) -> Q<'q> {
    q.bind(r.0).bind(r.1).bind(r.2)
}

/// The tables a load writes to: their secondary indexes are the ones a large load sets
/// aside (unique indexes and keys stay, so that what they forbid stays forbidden).
const LOADED_TABLES: [&str; 12] = [
    "patients",
    "patient_words",
    "treatment_sessions",
    "session_injections",
    "session_vials",
    "follow_ups",
    "follow_up_contacts",
    "assessments",
    "adverse_events",
    "goals",
    "goal_scores",
    "goal_targets",
];

impl Database {
    /// Starts a load: the ids its records will have follow the highest in use.
    pub async fn bulk(&self) -> StoreResult<Load> {
        let mut next = [1; 6];
        for (i, table) in ID_TABLES.iter().enumerate() {
            let max: Option<i64> = sqlx::query_scalar(&format!("SELECT MAX(id) FROM {table}"))
                .fetch_one(&self.pool)
                .await?;
            next[i] = max.unwrap_or(0) + 1;
        }
        Ok(Load {
            next,
            first: next,
            patients: Vec::new(),
            sessions: Vec::new(),
            injections: Vec::new(),
            vials: Vec::new(),
            follow_ups: Vec::new(),
            contacts: Vec::new(),
            assessments: Vec::new(),
            adverse_events: Vec::new(),
            goals: Vec::new(),
            goal_scores: Vec::new(),
            goal_targets: Vec::new(),
        })
    }

    /// Drops the secondary indexes of the tables a load writes to (and, on PostgreSQL,
    /// their foreign keys, which it checks row by row), keeping their definitions in
    /// `load_set_aside` (in the same transaction) until [`Database::rebuild_set_aside`]
    /// builds them again; a start of bont after a load that stopped half-way builds them
    /// too. For a load of many thousands of patients: the rows then go in without their
    /// index entries, which are built once, sorted, at the end, and the keys are checked
    /// once for the whole table. Returns how many were set aside.
    pub async fn set_aside_for_load(&self) -> StoreResult<usize> {
        let mut tx = self.begin().await?;
        let tables = LOADED_TABLES
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ");
        // (name, the statement that builds it again, the statement that drops it)
        let mut aside: Vec<(String, String, String)> = Vec::new();
        match self.engine() {
            Engine::Sqlite => {
                let indexes: Vec<(String, String)> = sqlx::query_as(&format!(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
                     AND tbl_name IN ({tables}) AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
                ))
                .fetch_all(tx.conn())
                .await?;
                for (name, sql) in indexes {
                    aside.push((name.clone(), sql, format!("DROP INDEX {name}")));
                }
            }
            Engine::Postgres => {
                // The indexes first: they are built again first, before the keys' checks.
                let indexes: Vec<(String, String)> = sqlx::query_as(&format!(
                    "SELECT indexname::text, indexdef FROM pg_indexes \
                     WHERE schemaname = current_schema() AND tablename IN ({tables}) \
                     AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname"
                ))
                .fetch_all(tx.conn())
                .await?;
                for (name, definition) in indexes {
                    aside.push((name.clone(), definition, format!("DROP INDEX {name}")));
                }
                let keys: Vec<(String, String, String)> = sqlx::query_as(&format!(
                    "SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid) \
                     FROM pg_constraint WHERE contype = 'f' \
                     AND conrelid::regclass::text IN ({tables}) ORDER BY 1, 2"
                ))
                .fetch_all(tx.conn())
                .await?;
                for (table, name, definition) in keys {
                    aside.push((
                        format!("{table}.{name}"),
                        format!("ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"),
                        format!("ALTER TABLE {table} DROP CONSTRAINT {name}"),
                    ));
                }
            }
        }
        for (position, (name, definition, drop)) in aside.iter().enumerate() {
            sqlx::query(
                "INSERT INTO load_set_aside (position, name, definition) VALUES ($1, $2, $3)",
            )
            .bind(position as i64)
            .bind(name)
            .bind(definition)
            .execute(tx.conn())
            .await?;
            sqlx::query(drop).execute(tx.conn()).await?;
        }
        tx.commit().await?;
        Ok(aside.len())
    }

    /// Builds what a load set aside (nothing when nothing is), the indexes first and
    /// then the keys, in one transaction, and on PostgreSQL refreshes the planner's
    /// statistics of the loaded tables. Returns how many were built.
    pub async fn rebuild_set_aside(&self) -> StoreResult<usize> {
        let waiting: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM load_set_aside")
            .fetch_one(&self.pool)
            .await?;
        if waiting == 0 {
            return Ok(0);
        }
        let mut tx = self.begin().await?;
        // In the order they were set aside: the indexes before the keys, whose checks may
        // read them.
        let aside: Vec<(String, String)> =
            sqlx::query_as("SELECT name, definition FROM load_set_aside ORDER BY position")
                .fetch_all(tx.conn())
                .await?;
        if self.engine() == Engine::Postgres {
            sqlx::query("SET LOCAL maintenance_work_mem = '512MB'")
                .execute(tx.conn())
                .await?;
        }
        for (name, definition) in &aside {
            sqlx::query(definition).execute(tx.conn()).await?;
            sqlx::query("DELETE FROM load_set_aside WHERE name = $1")
                .bind(name)
                .execute(tx.conn())
                .await?;
        }
        tx.commit().await?;
        if self.engine() == Engine::Postgres {
            sqlx::query(&format!("ANALYZE {}", LOADED_TABLES.join(", ")))
                .execute(&self.pool)
                .await?;
        }
        Ok(aside.len())
    }

    /// Stores what `load` holds in one transaction with one audit event of `actor`
    /// (`detail` says what was loaded), and empties it for the next batch. Refused when
    /// someone else created records since the load took its ids.
    pub async fn store(&self, load: &mut Load, actor: &Actor, detail: &str) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        for (i, table) in ID_TABLES.iter().enumerate() {
            let max: Option<i64> = sqlx::query_scalar(&format!("SELECT MAX(id) FROM {table}"))
                .fetch_one(tx.conn())
                .await?;
            if max.unwrap_or(0) >= load.first[i] {
                return Err(StoreError::Conflict);
            }
        }
        let engine = self.engine();
        if engine == Engine::Sqlite {
            // Room for the pages a batch touches (this connection only, until the end of
            // the load's transaction).
            sqlx::query("PRAGMA cache_size = -131072")
                .execute(tx.conn())
                .await?;
        }
        let conn = tx.conn();
        let mut patient_columns: Vec<&str> = RECORD_COLUMNS.to_vec();
        patient_columns.extend([
            "id",
            "clinic_id",
            "version",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ]);
        insert(
            conn,
            engine,
            "patients",
            &patient_columns,
            &load.patients,
            bind_patient,
        )
        .await?;
        let words: Vec<(i64, String, i64)> = load
            .patients
            .iter()
            .flat_map(|p| {
                p.columns
                    .words()
                    .into_iter()
                    .map(move |word| (p.clinic, word, p.id))
            })
            .collect();
        insert(
            conn,
            engine,
            "patient_words",
            &["clinic_id", "word", "patient_id"],
            &words,
            bind_word,
        )
        .await?;
        insert(
            conn,
            engine,
            "treatment_sessions",
            &[
                "id",
                "clinic_id",
                "patient_id",
                "version",
                "status",
                "session_date",
                "session_time",
                "product",
                "indication",
                "vial_units",
                "diluent_ml",
                "infection_at_site",
                "anaesthesia",
                "duration_minutes",
                "notes",
                "total_units",
                "verdict",
                "findings",
                "overrides",
                "signed_by",
                "signed_at",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ],
            &load.sessions,
            bind_session,
        )
        .await?;
        insert(
            conn,
            engine,
            "session_injections",
            &[
                "clinic_id",
                "session_id",
                "position",
                "product",
                "muscle",
                "side",
                "units",
                "sites",
                "guidance",
            ],
            &load.injections,
            bind_injection,
        )
        .await?;
        insert(
            conn,
            engine,
            "session_vials",
            &[
                "clinic_id",
                "session_id",
                "position",
                "product",
                "lot",
                "expiry",
            ],
            &load.vials,
            bind_vial,
        )
        .await?;
        insert(
            conn,
            engine,
            "follow_ups",
            &[
                "id",
                "clinic_id",
                "patient_id",
                "session_id",
                "kind",
                "opens_on",
                "due_on",
                "late_after",
                "source",
                "leaves_worklist_on",
                "status",
                "closed_as",
                "attempts",
                "created_at",
                "updated_at",
                "updated_by",
            ],
            &load.follow_ups,
            bind_follow_up,
        )
        .await?;
        insert(
            conn,
            engine,
            "follow_up_contacts",
            &[
                "clinic_id",
                "follow_up_id",
                "at",
                "user_id",
                "result",
                "note",
            ],
            &load.contacts,
            bind_contact,
        )
        .await?;
        insert(
            conn,
            engine,
            "assessments",
            &[
                "id",
                "clinic_id",
                "patient_id",
                "scale",
                "assessed_on",
                "timepoint",
                "score",
                "record",
                "status",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ],
            &load.assessments,
            bind_assessment,
        )
        .await?;
        insert(
            conn,
            engine,
            "adverse_events",
            &[
                "id",
                "clinic_id",
                "patient_id",
                "session_id",
                "kind",
                "severity",
                "lot",
                "alarming",
                "record",
                "status",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
            ],
            &load.adverse_events,
            bind_adverse,
        )
        .await?;
        insert(
            conn,
            engine,
            "goals",
            &[
                "id",
                "clinic_id",
                "patient_id",
                "domain",
                "text",
                "weight",
                "baseline",
                "set_on",
                "status",
                "created_at",
                "created_by",
            ],
            &load.goals,
            bind_goal,
        )
        .await?;
        insert(
            conn,
            engine,
            "goal_scores",
            &[
                "clinic_id",
                "goal_id",
                "scored_on",
                "level",
                "created_at",
                "created_by",
            ],
            &load.goal_scores,
            bind_goal_score,
        )
        .await?;
        insert(
            conn,
            engine,
            "goal_targets",
            &["clinic_id", "goal_id", "session_id"],
            &load.goal_targets,
            bind_target,
        )
        .await?;
        if self.engine() == Engine::Postgres {
            // Ids given here: the identity columns go on after them.
            for table in ID_TABLES {
                sqlx::query(&format!(
                    "SELECT 1 FROM (SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) \
                     FROM {table} HAVING MAX(id) IS NOT NULL) s"
                ))
                .execute(tx.conn())
                .await?;
            }
        }
        tx.audit(
            actor,
            Event {
                action: "records.load",
                entity: None,
                entity_id: None,
                detail,
            },
        )
        .await?;
        if engine == Engine::Sqlite {
            sqlx::query("PRAGMA cache_size = -2000")
                .execute(tx.conn())
                .await?;
        }
        tx.commit().await?;
        load.clear();
        Ok(())
    }
}
