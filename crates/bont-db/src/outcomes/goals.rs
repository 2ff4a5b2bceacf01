//! Goal Attainment Scaling: a patient's goals, the sessions they are the target of, and
//! their scores.

use super::{date, known_patient};
use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::goals::Goal;
use bont_core::{PatientId, SessionId};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

#[derive(Debug, Clone, Serialize)]
pub struct StoredGoal {
    pub id: i64,
    pub patient: PatientId,
    pub goal: Goal,
    pub active: bool,
    /// Scores by date, oldest first.
    pub scores: Vec<(Date, i8)>,
    /// Sessions that targeted it.
    pub sessions: Vec<SessionId>,
}

/// Links a goal to a session of the same patient (once).
async fn target(
    tx: &mut crate::WriteTx,
    actor: &Actor,
    patient: PatientId,
    goal: i64,
    session: SessionId,
) -> StoreResult<()> {
    let same: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM treatment_sessions WHERE id = $1 AND clinic_id = $2 AND patient_id = $3",
    )
    .bind(session.get())
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_optional(&mut **tx)
    .await?;
    if same.is_none() {
        return Err(StoreError::Invalid(bont_core::FieldErrors::one(
            "session",
            bont_core::Problem::Unknown {
                value: session.to_string(),
            },
        )));
    }
    sqlx::query("INSERT INTO goal_targets (clinic_id, goal_id, session_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(actor.clinic.get())
        .bind(goal)
        .bind(session.get())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn goals_of_patient_in(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    patient: PatientId,
) -> StoreResult<Vec<StoredGoal>> {
    let rows = sqlx::query(
        "SELECT id, patient_id, domain, text, weight, baseline, set_on, status FROM goals
             WHERE clinic_id = $1 AND patient_id = $2 ORDER BY id",
    )
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_all(&mut *conn)
    .await?;
    let scores = sqlx::query(
        "SELECT g.goal_id, g.scored_on, g.level FROM goal_scores g
             WHERE g.clinic_id = $1 AND g.goal_id IN (SELECT id FROM goals WHERE clinic_id = $1 AND patient_id = $2)
             ORDER BY g.scored_on, g.id",
    )
    .bind(actor.clinic.get())
    .bind(patient.get())
    .fetch_all(&mut *conn)
    .await?;
    let targets = sqlx::query(
            "SELECT t.goal_id, t.session_id FROM goal_targets t JOIN treatment_sessions s ON s.id = t.session_id
             WHERE t.clinic_id = $1 AND t.goal_id IN (SELECT id FROM goals WHERE clinic_id = $1 AND patient_id = $2)
             ORDER BY s.session_date",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .fetch_all(&mut *conn)
        .await?;
    let goal_of = |rows: &[sqlx::any::AnyRow]| -> StoreResult<Vec<i64>> {
        Ok(rows
            .iter()
            .map(|r| r.try_get("goal_id"))
            .collect::<Result<_, _>>()?)
    };
    let (score_goals, target_goals) = (goal_of(&scores)?, goal_of(&targets)?);
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let domain: String = row.try_get("domain")?;
            let small = |name: &str| -> StoreResult<i8> {
                i8::try_from(row.try_get::<i64, _>(name)?)
                    .map_err(|_| StoreError::Corrupt(format!("goal {name}")))
            };
            Ok(StoredGoal {
                id,
                patient,
                goal: Goal {
                    domain: bont_core::outcomes::goals::GoalDomain::parse(&domain)
                        .ok_or_else(|| StoreError::Corrupt(format!("goal domain {domain}")))?,
                    text: row.try_get("text")?,
                    weight: u8::try_from(small("weight")?)
                        .map_err(|_| StoreError::Corrupt("goal weight".into()))?,
                    baseline: small("baseline")?,
                    set_on: date(row.try_get("set_on")?, "goal set_on")?,
                },
                active: row.try_get::<String, _>("status")? == "active",
                scores: scores
                    .iter()
                    .zip(&score_goals)
                    .filter(|(_, goal)| **goal == id)
                    .map(|(s, _)| {
                        Ok((
                            date(s.try_get("scored_on")?, "goal score date")?,
                            i8::try_from(s.try_get::<i64, _>("level")?)
                                .map_err(|_| StoreError::Corrupt("goal level".into()))?,
                        ))
                    })
                    .collect::<StoreResult<Vec<_>>>()?,
                sessions: targets
                    .iter()
                    .zip(&target_goals)
                    .filter(|(_, goal)| **goal == id)
                    .map(|(t, _)| Ok(SessionId::new(t.try_get("session_id")?)))
                    .collect::<StoreResult<_>>()?,
            })
        })
        .collect()
}

impl Database {
    /// Sets a goal with a patient, optionally naming the session that targets it.
    pub async fn create_goal(
        &self,
        actor: &Actor,
        patient: PatientId,
        goal: &Goal,
        session: Option<SessionId>,
    ) -> StoreResult<i64> {
        let mut tx = self.begin().await?;
        let done = tx.create_goal(actor, patient, goal, session).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Scores a goal; when `session` is given, that session is recorded as targeting it.
    pub async fn score_goal(
        &self,
        actor: &Actor,
        goal: i64,
        day: Date,
        level: i8,
        session: Option<SessionId>,
    ) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        tx.score_goal(actor, goal, day, level, session).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One goal of the actor's clinic.
    pub async fn goal(&self, actor: &Actor, id: i64) -> StoreResult<StoredGoal> {
        let patient: i64 =
            sqlx::query_scalar("SELECT patient_id FROM goals WHERE id = $1 AND clinic_id = $2")
                .bind(id)
                .bind(actor.clinic.get())
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        self.goals_of_patient(actor, PatientId::new(patient))
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// A patient's goals with their scores and the sessions that targeted them.
    pub async fn goals_of_patient(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredGoal>> {
        goals_of_patient_in(&mut *self.pool.acquire().await?, actor, patient).await
    }
}

impl crate::Tx {
    /// A patient's goals with their scores, as this transaction sees them.
    pub async fn goals_of_patient(
        &mut self,
        actor: &Actor,
        patient: PatientId,
    ) -> StoreResult<Vec<StoredGoal>> {
        goals_of_patient_in(self.conn(), actor, patient).await
    }

    /// Sets a goal with a patient, optionally naming the session that targets it.
    pub async fn create_goal(
        &mut self,
        actor: &Actor,
        patient: PatientId,
        goal: &Goal,
        session: Option<SessionId>,
    ) -> StoreResult<i64> {
        known_patient(self.transaction(), actor, patient).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO goals (clinic_id, patient_id, domain, text, weight, baseline, set_on, status, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9) RETURNING id",
        )
        .bind(actor.clinic.get())
        .bind(patient.get())
        .bind(goal.domain.id())
        .bind(&goal.text)
        .bind(i64::from(goal.weight))
        .bind(i64::from(goal.baseline))
        .bind(goal.set_on.to_string())
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .fetch_one(self.conn())
        .await?;
        if let Some(session) = session {
            target(self.transaction(), actor, patient, id, session).await?;
        }
        self.audit(
            actor,
            Event {
                action: "goal.create",
                entity: Some("goal"),
                entity_id: Some(id),
                detail: &format!("patient {patient}"),
            },
        )
        .await?;
        Ok(id)
    }

    /// Scores a goal; when `session` is given, that session is recorded as targeting it.
    pub async fn score_goal(
        &mut self,
        actor: &Actor,
        goal: i64,
        day: Date,
        level: i8,
        session: Option<SessionId>,
    ) -> StoreResult<()> {
        let patient: i64 =
            sqlx::query_scalar("SELECT patient_id FROM goals WHERE id = $1 AND clinic_id = $2")
                .bind(goal)
                .bind(actor.clinic.get())
                .fetch_optional(self.conn())
                .await?
                .ok_or(StoreError::NotFound)?;
        sqlx::query(
            "INSERT INTO goal_scores (clinic_id, goal_id, scored_on, level, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(actor.clinic.get())
        .bind(goal)
        .bind(day.to_string())
        .bind(i64::from(level))
        .bind(crate::stamp(actor.now))
        .bind(actor.user.get())
        .execute(self.conn())
        .await?;
        if let Some(session) = session {
            target(
                self.transaction(),
                actor,
                PatientId::new(patient),
                goal,
                session,
            )
            .await?;
        }
        self.audit(
            actor,
            Event {
                action: "goal.score",
                entity: Some("goal"),
                entity_id: Some(goal),
                detail: &format!("{day}: {level}"),
            },
        )
        .await?;
        Ok(())
    }
}
