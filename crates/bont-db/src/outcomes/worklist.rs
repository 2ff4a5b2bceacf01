//! The worklist: the open follow-ups of a clinic for the week of a day, in the order of
//! their standing, one page at a time; and the sessions never followed up.

use super::{FOLLOW_UP_COLUMNS, StoredFollowUp, date, follow_up_from_row};
use crate::audit::Event;
use crate::patients::StoredPatient;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::outcomes::schedule::Standing;
use bont_core::{ClinicId, PatientId, SessionId, UserId};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

/// Which open follow-ups a worklist shows.
#[derive(Debug, Clone, Default)]
pub struct WorklistFilter {
    pub indication: Option<String>,
    pub physician: Option<UserId>,
}

/// The largest page of a worklist.
pub const PER_PAGE_MAX: i64 = 200;

/// Which page of the worklist to read.
#[derive(Debug, Clone)]
pub struct WorklistQuery {
    pub filter: WorklistFilter,
    /// Only the follow-ups of this standing; all when none.
    pub view: Option<Standing>,
    /// From 1.
    pub page: i64,
    /// At most [`PER_PAGE_MAX`].
    pub per_page: i64,
}

/// One page of the worklist, with the number of lines on all pages.
#[derive(Debug, Clone, Serialize)]
pub struct WorklistPage {
    pub rows: Vec<WorklistRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// One page of the sessions never followed up.
#[derive(Debug, Clone, Serialize)]
pub struct NeverFollowedUpPage {
    pub sessions: Vec<NeverFollowedUp>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The number of pages of `total` lines, at least one.
pub fn page_count(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page.max(1)).max(1)
}

/// One line of the worklist: the follow-up, where it stands, whom it is about, and the
/// session it follows.
#[derive(Debug, Clone, Serialize)]
pub struct WorklistRow {
    pub standing: Standing,
    pub follow_up: StoredFollowUp,
    #[serde(skip)]
    pub patient: StoredPatient,
    pub indication: String,
    pub product: String,
    pub session_date: Date,
    pub total_units: f64,
    pub physician: Option<String>,
    /// The patient has a serious adverse event or a sign of distant spread on record.
    pub alarming_event: bool,
}

/// A session whose onset and peak follow-ups all passed without anyone reaching the patient.
#[derive(Debug, Clone, Serialize)]
pub struct NeverFollowedUp {
    pub session: SessionId,
    #[serde(skip)]
    pub patient: StoredPatient,
    pub session_date: Date,
    pub indication: String,
    pub physician: Option<String>,
}

impl Database {
    /// One page of the worklist: open follow-ups of a clinic that open on or before the
    /// end of the week of `today` (or are booked by then), with whom they are about, in
    /// the order of their standing (overdue, due this week, upcoming) and then by due day.
    /// An onset check that was missed drops off once the peak assessment's last day has
    /// passed, and a missed peak assessment once the re-injection window has opened: the
    /// session then counts as never followed up. Reading it is an audit event: it shows
    /// identities. `actor` is none for the command line, which names the clinic.
    pub async fn worklist(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        query: &WorklistQuery,
        today: Date,
    ) -> StoreResult<WorklistPage> {
        let through = bont_core::outcomes::schedule::week_end(today);
        let per_page = query.per_page.clamp(1, PER_PAGE_MAX);
        let page = query.page.max(1);
        // The standing as `bont_core::outcomes::schedule::standing` decides it (0 overdue,
        // 1 due this week, 2 upcoming); rows are checked against it as they are read.
        // Open follow-ups exist only for signed sessions (voiding cancels them), so the
        // session is joined only when a filter needs it.
        let joins_session = query.filter.indication.is_some() || query.filter.physician.is_some();
        let mut inner = format!(
            "SELECT f.id AS fid, CASE
                 WHEN f.booked_on IS NOT NULL THEN
                     CASE WHEN f.booked_on < $3 THEN 0 WHEN f.booked_on <= $2 THEN 1 ELSE 2 END
                 WHEN f.late_after < $3 THEN 0 WHEN f.due_on <= $2 THEN 1 ELSE 2 END AS standing_rank,
                 f.due_on AS due
             FROM follow_ups f{}
             WHERE f.clinic_id = $1 AND f.status = 'open'
               AND (f.opens_on <= $2 OR f.booked_on <= $2)
               AND (f.booked_on IS NOT NULL OR f.leaves_worklist_on IS NULL OR f.leaves_worklist_on > $3)",
            if joins_session {
                " JOIN treatment_sessions s ON s.id = f.session_id AND s.clinic_id = f.clinic_id"
            } else {
                ""
            }
        );
        let mut next = 4;
        if query.filter.indication.is_some() {
            inner.push_str(&format!(" AND s.indication = ${next}"));
            next += 1;
        }
        if query.filter.physician.is_some() {
            inner.push_str(&format!(" AND s.signed_by = ${next}"));
            next += 1;
        }
        let view = query.view.map(|v| match v {
            Standing::Overdue => 0_i64,
            Standing::DueThisWeek => 1,
            Standing::Upcoming => 2,
        });
        let view_filter = if view.is_some() {
            let f = format!(" WHERE w0.standing_rank = ${next}");
            next += 1;
            f
        } else {
            String::new()
        };
        let page_sql = format!(
            "SELECT {FOLLOW_UP_COLUMNS}, w.standing_rank, s.indication, s.product, s.session_date, s.total_units,
                    u.display_name
             FROM (SELECT * FROM ({inner}) w0{view_filter}
                   ORDER BY w0.standing_rank, w0.due, w0.fid LIMIT ${next} OFFSET ${}) w
             JOIN follow_ups f ON f.id = w.fid
             JOIN treatment_sessions s ON s.id = f.session_id
             LEFT JOIN users u ON u.id = s.signed_by
             ORDER BY w.standing_rank, w.due, w.fid",
            next + 1
        );
        // Counted from the index alone; the page fetches its own rows only.
        let count_sql = format!("SELECT COUNT(*) FROM ({inner}) w0{view_filter}");
        let mut tx = self.read().await?;
        macro_rules! bind_all {
            ($q:expr) => {{
                let mut q = $q
                    .bind(clinic.get())
                    .bind(through.to_string())
                    .bind(today.to_string());
                if let Some(i) = &query.filter.indication {
                    q = q.bind(i);
                }
                if let Some(p) = query.filter.physician {
                    q = q.bind(p.get());
                }
                if let Some(v) = view {
                    q = q.bind(v);
                }
                q
            }};
        }
        let total: i64 = bind_all!(sqlx::query_scalar(&count_sql))
            .fetch_one(&mut *tx)
            .await?;
        let rows = bind_all!(sqlx::query(&page_sql))
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(&mut *tx)
            .await?;
        let mut ids: Vec<i64> = rows
            .iter()
            .map(|r| r.try_get("patient_id"))
            .collect::<Result<_, _>>()?;
        ids.sort_unstable();
        ids.dedup();
        let patients = self.patients_by_ids(&mut tx, clinic, &ids).await?;
        let alarming = alarming_among(&mut tx, clinic, &ids).await?;
        let mut list = Vec::with_capacity(rows.len());
        for row in &rows {
            let follow_up = follow_up_from_row(row)?;
            let patient = patients
                .get(&follow_up.patient)
                .cloned()
                .ok_or_else(|| StoreError::Corrupt("follow-up of a missing patient".into()))?;
            let standing = bont_core::outcomes::schedule::standing(
                follow_up.due_on,
                follow_up.late_after,
                follow_up.booked_on,
                today,
            );
            debug_assert_eq!(
                i64::from(standing as u8),
                row.try_get::<i64, _>("standing_rank")?,
                "the worklist's order follows the domain's standing"
            );
            list.push(WorklistRow {
                standing,
                alarming_event: alarming.contains(&follow_up.patient.get()),
                indication: row.try_get("indication")?,
                product: row.try_get("product")?,
                session_date: date(row.try_get("session_date")?, "session date")?,
                total_units: row.try_get("total_units")?,
                physician: row.try_get("display_name")?,
                follow_up,
                patient,
            });
        }
        tx.commit().await?;
        self.audit_worklist_read(
            actor,
            clinic,
            &format!("{} rows through {through}, page {page}", list.len()),
        )
        .await?;
        Ok(WorklistPage {
            rows: list,
            total,
            page,
            per_page,
        })
    }

    /// The audit event of a worklist page (it shows identities); by the command line when
    /// no actor is given.
    async fn audit_worklist_read(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        detail: &str,
    ) -> StoreResult<()> {
        self.audit_read_by(
            crate::read_audit::By {
                clinic: Some(clinic),
                user: actor.map(|a| a.user),
                client: actor.map(|a| a.client.as_str()).unwrap_or("command line"),
                now: actor.map_or_else(jiff::Timestamp::now, |a| a.now),
            },
            Event {
                action: "worklist.read",
                entity: Some("patient"),
                entity_id: None,
                detail,
            },
        )
        .await
    }

    /// One page of the signed sessions on or before `today` whose onset and peak
    /// follow-ups are all past their last day (or superseded) without anyone having
    /// reached the patient, newest first. Reading it is an audit event.
    pub async fn never_followed_up(
        &self,
        actor: Option<&Actor>,
        clinic: ClinicId,
        query: &WorklistQuery,
        today: Date,
    ) -> StoreResult<NeverFollowedUpPage> {
        let per_page = query.per_page.clamp(1, PER_PAGE_MAX);
        let page = query.page.max(1);
        let mut filter = String::from(
            "FROM treatment_sessions s
             WHERE s.clinic_id = $1 AND s.status = 'signed' AND s.session_date <= $2
               AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.clinic_id = s.clinic_id AND f.session_id = s.id
                           AND f.kind <> 'reinjection')
               AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.clinic_id = s.clinic_id AND f.session_id = s.id
                               AND f.kind <> 'reinjection'
                               AND (f.status = 'done' OR (f.status = 'open' AND f.late_after >= $2)))",
        );
        let mut next = 3;
        if query.filter.indication.is_some() {
            filter.push_str(&format!(" AND s.indication = ${next}"));
            next += 1;
        }
        if query.filter.physician.is_some() {
            filter.push_str(&format!(" AND s.signed_by = ${next}"));
            next += 1;
        }
        let page_sql = format!(
            "SELECT s.id, s.patient_id, s.session_date, s.indication, u.display_name
             {filter_users}
             ORDER BY s.session_date DESC, s.id DESC LIMIT ${next} OFFSET ${}",
            next + 1,
            filter_users = filter.replacen(
                "FROM treatment_sessions s",
                "FROM treatment_sessions s LEFT JOIN users u ON u.id = s.signed_by",
                1
            )
        );
        let count_sql = format!("SELECT COUNT(*) {filter}");
        macro_rules! bind_all {
            ($q:expr) => {{
                let mut q = $q.bind(clinic.get()).bind(today.to_string());
                if let Some(i) = &query.filter.indication {
                    q = q.bind(i);
                }
                if let Some(p) = query.filter.physician {
                    q = q.bind(p.get());
                }
                q
            }};
        }
        let mut tx = self.read().await?;
        let total: i64 = bind_all!(sqlx::query_scalar(&count_sql))
            .fetch_one(&mut *tx)
            .await?;
        let rows = bind_all!(sqlx::query(&page_sql))
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(&mut *tx)
            .await?;
        let mut ids: Vec<i64> = rows
            .iter()
            .map(|r| r.try_get("patient_id"))
            .collect::<Result<_, _>>()?;
        ids.sort_unstable();
        ids.dedup();
        let patients = self.patients_by_ids(&mut tx, clinic, &ids).await?;
        let sessions = rows
            .iter()
            .map(|row| {
                let patient = PatientId::new(row.try_get("patient_id")?);
                Ok(NeverFollowedUp {
                    session: SessionId::new(row.try_get("id")?),
                    patient: patients.get(&patient).cloned().ok_or_else(|| {
                        StoreError::Corrupt("session of a missing patient".into())
                    })?,
                    session_date: date(row.try_get("session_date")?, "session date")?,
                    indication: row.try_get("indication")?,
                    physician: row.try_get("display_name")?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        tx.commit().await?;
        self.audit_worklist_read(
            actor,
            clinic,
            &format!("{} sessions never followed up, page {page}", sessions.len()),
        )
        .await?;
        Ok(NeverFollowedUpPage {
            sessions,
            total,
            page,
            per_page,
        })
    }
}

/// Which of `patients` have a serious adverse event or a sign of distant spread on record.
async fn alarming_among(
    tx: &mut sqlx::AnyConnection,
    clinic: ClinicId,
    patients: &[i64],
) -> StoreResult<std::collections::HashSet<i64>> {
    let mut found = std::collections::HashSet::new();
    for chunk in patients.chunks(200) {
        let sql = format!(
            "SELECT DISTINCT patient_id FROM adverse_events
             WHERE clinic_id = $1 AND patient_id IN ({}) AND alarming = TRUE AND status = 'entered'",
            crate::marks(2, chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(clinic.get());
        for id in chunk {
            query = query.bind(id);
        }
        found.extend(query.fetch_all(&mut *tx).await?);
    }
    Ok(found)
}
