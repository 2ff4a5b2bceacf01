//! The start page's day sheet for a clinic: the day's sessions and the drafts awaiting a
//! physician's signature, each a bounded list read from one index, with its patient.
//! Reading it is an audit event: it shows identities.

use crate::audit::Event;
use crate::sessions::SessionStatus;
use crate::{Actor, Database, StoreResult};
use bont_core::{PatientId, SessionId};
use jiff::civil::Date;
use sqlx::Row;

/// How many lines each list of the sheet shows; the rest are counted.
pub const SHEET_LINES: i64 = 20;

/// One session on the sheet, with who it is for.
#[derive(Debug, Clone)]
pub struct SheetLine {
    pub session: SessionId,
    pub patient: PatientId,
    pub patient_name: String,
    pub record_number: String,
    pub date: Date,
    pub time: Option<String>,
    pub product: String,
    pub indication: String,
    pub status: SessionStatus,
    pub verdict: String,
    pub total_units: f64,
}

#[derive(Debug, Clone, Default)]
pub struct DaySheet {
    /// The day's sessions that are not void, by time.
    pub today: Vec<SheetLine>,
    pub today_total: i64,
    /// Drafts awaiting signature, oldest first.
    pub drafts: Vec<SheetLine>,
    pub drafts_total: i64,
}

const LINE_COLUMNS: &str = "s.id, s.patient_id, s.session_date, s.session_time, s.product, \
    s.indication, s.status, s.verdict, s.total_units";

impl Database {
    /// The sheet of `actor`'s clinic for `today`.
    pub async fn day_sheet(&self, actor: &Actor, today: Date) -> StoreResult<DaySheet> {
        let clinic = actor.clinic.get();
        let day = today.to_string();
        let mut tx = self.read().await?;
        let today_rows = sqlx::query(&format!(
            "SELECT {LINE_COLUMNS} FROM treatment_sessions s
             WHERE s.clinic_id = $1 AND s.status IN ('draft', 'signed') AND s.session_date = $2
             ORDER BY s.session_time, s.id LIMIT $3"
        ))
        .bind(clinic)
        .bind(&day)
        .bind(SHEET_LINES)
        .fetch_all(&mut *tx)
        .await?;
        let today_total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM treatment_sessions s
             WHERE s.clinic_id = $1 AND s.status IN ('draft', 'signed') AND s.session_date = $2",
        )
        .bind(clinic)
        .bind(&day)
        .fetch_one(&mut *tx)
        .await?;
        let draft_rows = sqlx::query(&format!(
            "SELECT {LINE_COLUMNS} FROM treatment_sessions s
             WHERE s.clinic_id = $1 AND s.status = 'draft'
             ORDER BY s.session_date, s.id LIMIT $2"
        ))
        .bind(clinic)
        .bind(SHEET_LINES)
        .fetch_all(&mut *tx)
        .await?;
        let drafts_total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM treatment_sessions s WHERE s.clinic_id = $1 AND s.status = 'draft'",
        )
        .bind(clinic)
        .fetch_one(&mut *tx)
        .await?;
        let mut ids = today_rows
            .iter()
            .chain(&draft_rows)
            .map(|r| r.try_get::<i64, _>("patient_id"))
            .collect::<Result<Vec<_>, _>>()?;
        ids.sort_unstable();
        ids.dedup();
        let patients = self.patients_by_ids(&mut tx, actor.clinic, &ids).await?;
        tx.commit().await?;
        let line = |row: &sqlx::any::AnyRow| -> StoreResult<SheetLine> {
            let patient = PatientId::new(row.try_get("patient_id")?);
            let (patient_name, record_number) = patients
                .get(&patient)
                .map(|p| (p.record.name.display(), p.record.record_number.to_string()))
                .unwrap_or_default();
            let date: String = row.try_get("session_date")?;
            Ok(SheetLine {
                session: SessionId::new(row.try_get("id")?),
                patient,
                patient_name,
                record_number,
                date: date
                    .parse()
                    .map_err(|_| crate::StoreError::Corrupt(format!("session date {date}")))?,
                time: row.try_get("session_time")?,
                product: row.try_get("product")?,
                indication: row.try_get("indication")?,
                status: SessionStatus::parse(&row.try_get::<String, _>("status")?)?,
                verdict: row.try_get("verdict")?,
                total_units: row.try_get("total_units")?,
            })
        };
        let sheet = DaySheet {
            today: today_rows.iter().map(line).collect::<StoreResult<_>>()?,
            today_total,
            drafts: draft_rows.iter().map(line).collect::<StoreResult<_>>()?,
            drafts_total,
        };
        self.audit_read(
            actor,
            Event {
                action: "day_sheet.read",
                entity: Some("patient"),
                entity_id: None,
                detail: &format!(
                    "{today}: {} of the day's sessions, {} drafts",
                    sheet.today.len(),
                    sheet.drafts.len()
                ),
            },
        )
        .await?;
        Ok(sheet)
    }
}
