//! Treatment sessions: the verdict of a plan as it is being written, saving and changing a
//! draft, signing (a physician, with a written reason for every blocking finding),
//! amending a signed session and voiding one with a reason.
//!
//! Every change computes its verdict inside the write transaction that stores it, from
//! the patient's record and history as that transaction sees them: two physicians signing
//! two drafts of one patient at the same moment are checked one after the other, so the
//! second sees the first and a cumulative limit the two exceed together is found. The
//! answer is read inside the same transaction, before it commits.

use crate::{App, AppResult, Error};
use bont_core::outcomes::goals::{GoalHistory, t_score_points};
use bont_core::outcomes::response::{Cycle, ScorePoint};
use bont_core::outcomes::schedule::PlannedFollowUp;
use bont_core::safety::check::Report;
use bont_core::safety::plan::PlanErrors;
use bont_core::treatment::{
    Override, Treatment, TreatmentInput, check_overrides, check_reason, check_signable,
};
use bont_core::{PatientId, SessionId};
use bont_db::audit::Event;
use bont_db::idempotency::IdempotencyKey;
use bont_db::sessions::{Change, SavedVerdict, SessionStatus, StoredSession};
use bont_db::{Actor, Tx};

/// A session with the safety report of its present content (its history leaving the
/// session itself out).
#[derive(Debug, Clone)]
pub struct SessionView {
    pub session: StoredSession,
    pub report: Report,
}

/// A physician's amendment of a signed session.
#[derive(Debug, Clone)]
pub struct Amendment {
    pub version: i64,
    pub reason: String,
    pub session: TreatmentInput,
    pub overrides: Vec<Override>,
}

/// A session's content checked for its patient, with the verdict as it is kept.
struct Checked {
    treatment: Treatment,
    report: Report,
    saved: SavedVerdict,
    /// What the check read, for the follow-ups of a signing in the same transaction: the
    /// patient's record and their signed sessions (`except` left out).
    patient: bont_core::patient::PatientRecord,
    signed: Vec<(SessionId, bont_core::treatment::GivenSession)>,
}

impl App {
    /// Checks a session's content against the patient's record and the sessions given
    /// to them (leaving `except` out), as `tx` sees them.
    async fn check_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        patient: PatientId,
        input: &TreatmentInput,
        except: Option<SessionId>,
    ) -> AppResult<Checked> {
        let stored = tx.patient(actor, patient).await?;
        let signed: Vec<_> = tx
            .signed_sessions(actor, patient)
            .await?
            .into_iter()
            .filter(|(id, _)| Some(*id) != except)
            .collect();
        let history: Vec<_> = signed.iter().map(|(_, given)| given.clone()).collect();
        let adverse = tx.earlier_adverse_events(actor, patient, except).await?;
        let input = input.clone().with_muscle_ids(&self.catalog);
        let (treatment, plan) = input
            .check(
                &stored.record,
                &history,
                &adverse,
                self.clock.today(),
                &self.catalog,
            )
            .map_err(Error::Invalid)?;
        let report = bont_core::safety::check(&self.catalog, &plan);
        let saved = SavedVerdict {
            verdict: serde_json::to_value(report.verdict)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            findings: (self.findings_writer)(&report.findings, &self.catalog),
            total_units: report.arithmetic.total_units.as_f64(),
        };
        Ok(Checked {
            treatment,
            report,
            saved,
            patient: stored.record,
            signed,
        })
    }

    /// The verdict of a plan as it is being written (the live verdict box): reads in one
    /// consistent view, stores nothing and records no event (opening the form did).
    pub async fn preview(
        &self,
        actor: &Actor,
        patient: PatientId,
        input: &TreatmentInput,
        except: Option<SessionId>,
    ) -> AppResult<Report> {
        let mut tx = self.db.begin_read().await?;
        let checked = self
            .check_in(&mut tx, actor, patient, input, except)
            .await?;
        tx.commit().await?;
        Ok(checked.report)
    }

    /// A patient's signed sessions as cycles and their scores (assessments and GAS
    /// T-scores), for the outcome rules, as `tx` sees them.
    pub(crate) async fn history_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        patient: PatientId,
        except: Option<SessionId>,
    ) -> AppResult<(Vec<Cycle>, Vec<ScorePoint>)> {
        let signed: Vec<_> = tx
            .signed_sessions(actor, patient)
            .await?
            .into_iter()
            .filter(|(id, _)| Some(*id) != except)
            .collect();
        let scores = self.scores_in(tx, actor, patient).await?;
        Ok((self.cycles(&signed), scores))
    }

    /// Signed sessions as the outcome rules' cycles.
    fn cycles(&self, signed: &[(SessionId, bont_core::treatment::GivenSession)]) -> Vec<Cycle> {
        signed
            .iter()
            .map(|(id, s)| Cycle {
                session: id.get(),
                date: s.date,
                product: bont_core::outcomes::product_id(&self.catalog, &s.product),
                indication: s.indication.clone(),
                total_units: s.total_units,
            })
            .collect()
    }

    /// A patient's scores (assessments and GAS T-scores) as `tx` sees them.
    async fn scores_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        patient: PatientId,
    ) -> AppResult<Vec<ScorePoint>> {
        let mut scores: Vec<ScorePoint> = tx
            .assessments_of_patient(actor, patient)
            .await?
            .into_iter()
            .filter(|a| !a.void)
            .map(|a| ScorePoint {
                scale: a.scale,
                date: a.date,
                timepoint: a.timepoint,
                score: a.score,
            })
            .collect();
        let goals: Vec<GoalHistory> = tx
            .goals_of_patient(actor, patient)
            .await?
            .into_iter()
            .map(|g| (g.goal.weight, g.goal.baseline, g.scores))
            .collect();
        scores.extend(t_score_points(&goals));
        Ok(scores)
    }

    /// The patient's signed sessions as cycles and their scores, in one read.
    pub async fn history(
        &self,
        actor: &Actor,
        patient: PatientId,
    ) -> AppResult<(Vec<Cycle>, Vec<ScorePoint>)> {
        let mut tx = self.db.begin_read().await?;
        let history = self.history_in(&mut tx, actor, patient, None).await?;
        tx.commit().await?;
        Ok(history)
    }

    /// The follow-ups that signing `treatment` schedules, from the patient's history as
    /// `tx` sees it.
    async fn follow_ups_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        patient: PatientId,
        checked: &Checked,
    ) -> AppResult<Vec<PlannedFollowUp>> {
        let scores = self.scores_in(tx, actor, patient).await?;
        Ok(bont_core::outcomes::follow_ups_for(
            &self.outcomes,
            &self.catalog,
            &checked.patient,
            &checked.treatment.to_input(),
            &self.cycles(&checked.signed),
            &scores,
        ))
    }

    /// The session as `tx` sees it, with the report of its present content.
    async fn view_in(&self, tx: &mut Tx, actor: &Actor, id: SessionId) -> AppResult<SessionView> {
        let session = tx.session(actor, id).await?;
        let report = match self
            .check_in(tx, actor, session.patient, &session.record, Some(id))
            .await
        {
            Ok(checked) => checked.report,
            // A session dated after today's clinic day cannot exist (the check refuses it
            // at saving), so a stored one always checks; anything else is corrupt data.
            Err(Error::Invalid(e)) => {
                return Err(Error::Store(bont_db::StoreError::Corrupt(format!(
                    "session {id} no longer checks: {e}"
                ))));
            }
            Err(e) => return Err(e),
        };
        Ok(SessionView { session, report })
    }

    /// One session with its present report; the read is an audit event.
    pub async fn session(&self, actor: &Actor, id: SessionId) -> AppResult<SessionView> {
        let mut tx = self.db.begin_read().await?;
        let view = self.view_in(&mut tx, actor, id).await?;
        tx.commit().await?;
        self.db
            .audit_read(
                actor,
                Event {
                    action: "session.read",
                    entity: Some("session"),
                    entity_id: Some(id.get()),
                    detail: "",
                },
            )
            .await?;
        Ok(view)
    }

    /// Saves a new draft for a patient; its verdict is kept with it. With a key the
    /// actor used before for a session, nothing new is stored and that session is the
    /// answer.
    pub async fn create_session(
        &self,
        actor: &Actor,
        patient: PatientId,
        input: &TreatmentInput,
        key: Option<&IdempotencyKey>,
    ) -> AppResult<SessionView> {
        let mut tx = self.db.begin().await?;
        if let Some(key) = key
            && let Some(id) = tx.created_with(actor, key, "session").await?
        {
            let view = self.view_in(&mut tx, actor, SessionId::new(id)).await?;
            tx.commit().await?;
            return Ok(view);
        }
        let checked = self.check_in(&mut tx, actor, patient, input, None).await?;
        let id = tx
            .create_session(actor, patient, &checked.treatment, &checked.saved)
            .await?;
        if let Some(key) = key {
            tx.remember_key(actor, key, "session", id.get()).await?;
        }
        // The answer is read before the commit, from what this transaction stored.
        let session = tx.session(actor, id).await?;
        tx.commit().await?;
        Ok(SessionView {
            session,
            report: checked.report,
        })
    }

    /// Changes a draft at `version`.
    pub async fn update_draft(
        &self,
        actor: &Actor,
        id: SessionId,
        version: i64,
        input: &TreatmentInput,
    ) -> AppResult<SessionView> {
        let mut tx = self.db.begin().await?;
        let current = tx.session(actor, id).await?;
        if current.status != SessionStatus::Draft {
            return Err(Error::WrongState("draft-only"));
        }
        let checked = self
            .check_in(&mut tx, actor, current.patient, input, Some(id))
            .await?;
        tx.change_session(
            actor,
            id,
            version,
            Change::Draft {
                treatment: &checked.treatment,
                verdict: &checked.saved,
            },
        )
        .await?;
        // The answer is read before the commit, from what this transaction stored.
        let session = tx.session(actor, id).await?;
        tx.commit().await?;
        Ok(SessionView {
            session,
            report: checked.report,
        })
    }

    /// Signs a draft at `version`: the verdict is computed again from the history as this
    /// transaction sees it, every blocking finding needs a physician's written reason, and
    /// the follow-ups are scheduled in the same transaction.
    pub async fn sign(
        &self,
        actor: &Actor,
        id: SessionId,
        version: i64,
        overrides: &[Override],
    ) -> AppResult<SessionView> {
        let mut tx = self.db.begin().await?;
        let current = tx.session(actor, id).await?;
        if current.status != SessionStatus::Draft {
            return Err(Error::WrongState("sign-draft-only"));
        }
        if current.version != version {
            return Err(Error::Conflict);
        }
        let checked = self
            .check_in(&mut tx, actor, current.patient, &current.record, Some(id))
            .await?;
        let ((), overrides) = both(
            check_signable(&checked.treatment, &checked.patient),
            check_overrides(&checked.report, overrides),
        )
        .map_err(Error::Invalid)?;
        let planned = self
            .follow_ups_in(&mut tx, actor, current.patient, &checked)
            .await?;
        tx.change_session(
            actor,
            id,
            version,
            Change::Sign {
                verdict: &checked.saved,
                overrides: &overrides,
                follow_ups: &planned,
            },
        )
        .await?;
        // The answer is read before the commit, from what this transaction stored.
        let session = tx.session(actor, id).await?;
        tx.commit().await?;
        Ok(SessionView {
            session,
            report: checked.report,
        })
    }

    /// Amends a signed session: a new version with a reason (the old one stays readable),
    /// checked like a signing. Every fault is reported at once: the plan's, the reason's
    /// and the overrides'.
    pub async fn amend(
        &self,
        actor: &Actor,
        id: SessionId,
        amendment: &Amendment,
    ) -> AppResult<SessionView> {
        let reason = check_reason("reason", &amendment.reason);
        let mut tx = self.db.begin().await?;
        let current = tx.session(actor, id).await?;
        if current.status != SessionStatus::Signed {
            return Err(Error::WrongState("amend-signed-only"));
        }
        if current.version != amendment.version {
            return Err(Error::Conflict);
        }
        let checked = match self
            .check_in(
                &mut tx,
                actor,
                current.patient,
                &amendment.session,
                Some(id),
            )
            .await
        {
            Ok(checked) => checked,
            Err(Error::Invalid(PlanErrors(mut errors))) => {
                if let Err(PlanErrors(more)) = reason {
                    errors.extend(more);
                }
                return Err(Error::Invalid(PlanErrors(errors)));
            }
            Err(e) => return Err(e),
        };
        let ((reason, overrides), ()) = both(
            both(
                reason,
                check_overrides(&checked.report, &amendment.overrides),
            ),
            check_signable(&checked.treatment, &checked.patient),
        )
        .map_err(Error::Invalid)?;
        let planned = self
            .follow_ups_in(&mut tx, actor, current.patient, &checked)
            .await?;
        tx.change_session(
            actor,
            id,
            amendment.version,
            Change::Amend {
                treatment: &checked.treatment,
                verdict: &checked.saved,
                overrides: &overrides,
                reason: &reason,
                follow_ups: &planned,
            },
        )
        .await?;
        // The answer is read before the commit, from what this transaction stored.
        let session = tx.session(actor, id).await?;
        tx.commit().await?;
        Ok(SessionView {
            session,
            report: checked.report,
        })
    }

    /// Voids a session with a reason; it stays on record, its open follow-ups close.
    pub async fn void(
        &self,
        actor: &Actor,
        id: SessionId,
        version: i64,
        reason: &str,
    ) -> AppResult<SessionView> {
        let reason = check_reason("reason", reason).map_err(Error::Invalid)?;
        let mut tx = self.db.begin().await?;
        tx.change_session(actor, id, version, Change::Void { reason: &reason })
            .await?;
        let view = self.view_in(&mut tx, actor, id).await?;
        tx.commit().await?;
        Ok(view)
    }
}

/// Both values, or every fault of both checks at once.
fn both<A, B>(a: Result<A, PlanErrors>, b: Result<B, PlanErrors>) -> Result<(A, B), PlanErrors> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(PlanErrors(
            a.err()
                .into_iter()
                .chain(b.err())
                .flat_map(|e| e.0)
                .collect(),
        )),
    }
}
