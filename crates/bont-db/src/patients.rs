//! Patient records: create, change (keeping the earlier version), read and search, each
//! with its audit event. Every query is scoped by clinic: a patient of another clinic is
//! simply not found.

use crate::audit::Event;
use crate::{Actor, Database, StoreError, StoreResult};
use bont_core::patient::{PatientInput, PatientRecord};
use bont_core::{FieldErrors, PatientId, Problem};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, Row};
use std::sync::LazyLock;

/// A stored patient: its id, version (for safe concurrent edits) and checked record.
#[derive(Debug, Clone)]
pub struct StoredPatient {
    pub id: PatientId,
    pub version: i64,
    pub record: PatientRecord,
    pub created_at: String,
    pub updated_at: String,
}

/// One page of a patient list.
#[derive(Debug, Clone)]
pub struct PatientPage {
    pub patients: Vec<StoredPatient>,
    /// Matching patients on all pages.
    pub total: i64,
    /// 1-based.
    pub page: i64,
    pub per_page: i64,
}

impl PatientPage {
    pub fn page_count(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// What a patient search looks for.
#[derive(Debug, Clone, PartialEq)]
pub enum PatientQuery {
    All,
    /// Every word must begin a word of the name, pseudonym or record number.
    Words(Vec<String>),
    BirthDate(jiff::civil::Date),
}

impl PatientQuery {
    /// Reads what a user typed in the search box: a birth date (YYYY-MM-DD or DD.MM.YYYY)
    /// or words.
    pub fn from_text(text: &str) -> PatientQuery {
        let text = text.trim();
        if text.is_empty() {
            return PatientQuery::All;
        }
        if let Ok(date) = bont_core::patient::parse_date(text) {
            return PatientQuery::BirthDate(date);
        }
        let parts: Vec<&str> = text.split('.').collect();
        if let [d, m, y] = parts.as_slice()
            && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
            && y >= 1000
            && let Ok(date) = jiff::civil::Date::new(y, m, d)
        {
            return PatientQuery::BirthDate(date);
        }
        let words = text
            .split_whitespace()
            .take(8)
            .map(bont_core::text::search_key)
            .collect();
        PatientQuery::Words(words)
    }
}

const COLUMNS: &str = "id, version, record_number, family_name, given_names, pseudonym, \
    birth_date, sex, weight_kg, weight_measured_on, preferred_language, phone, email, address, \
    consent_treatment, consent_reminders, consent_research, indications, conditions, allergies, \
    medications, pregnant, breastfeeding, notes, created_at, updated_at";

fn json_list(text: &str) -> StoreResult<Vec<String>> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("list column: {e}")))
}

fn from_row(row: &AnyRow) -> StoreResult<StoredPatient> {
    let opt = |name: &str| -> StoreResult<String> {
        Ok(row.try_get::<Option<String>, _>(name)?.unwrap_or_default())
    };
    let input = PatientInput {
        record_number: row.try_get("record_number")?,
        family_name: opt("family_name")?,
        given_names: opt("given_names")?,
        pseudonym: opt("pseudonym")?,
        birth_date: row.try_get("birth_date")?,
        sex: row.try_get("sex")?,
        weight_kg: row
            .try_get::<Option<f64>, _>("weight_kg")?
            .map(|w| w.to_string())
            .unwrap_or_default(),
        weight_measured_on: opt("weight_measured_on")?,
        preferred_language: row.try_get("preferred_language")?,
        phone: opt("phone")?,
        email: opt("email")?,
        address: opt("address")?,
        consent_treatment: crate::flag(row, "consent_treatment"),
        consent_reminders: crate::flag(row, "consent_reminders"),
        consent_research: crate::flag(row, "consent_research"),
        indications: json_list(row.try_get("indications")?)?,
        conditions: json_list(row.try_get("conditions")?)?,
        allergies: json_list(row.try_get("allergies")?)?,
        medications: json_list(row.try_get("medications")?)?,
        pregnant: crate::flag(row, "pregnant"),
        breastfeeding: crate::flag(row, "breastfeeding"),
        notes: row.try_get("notes")?,
    };
    let id = PatientId::new(row.try_get("id")?);
    let record = PatientRecord::from_stored(&input)
        .map_err(|e| StoreError::Corrupt(format!("patient {id}: {e}")))?;
    Ok(StoredPatient {
        id,
        version: row.try_get("version")?,
        record,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// The values of one record in column order after `clinic_id` (see the INSERT below).
#[derive(Debug)]
pub(crate) struct Columns {
    input: PatientInput,
    weight_kg: Option<f64>,
    search_key: String,
}

impl Columns {
    pub(crate) fn of(record: &PatientRecord) -> Columns {
        Columns {
            input: record.to_input(),
            weight_kg: record.weight.map(|w| w.kg.kg()),
            search_key: record.search_key(),
        }
    }

    /// The words the patient is found by (see `patient_words`).
    pub(crate) fn words(&self) -> Vec<String> {
        bont_core::text::search_words(&self.search_key)
    }
}

/// Replaces the words `patient` is found by with `words`.
pub(crate) async fn store_words(
    conn: &mut sqlx::AnyConnection,
    clinic: i64,
    patient: i64,
    words: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM patient_words WHERE patient_id = $1")
        .bind(patient)
        .execute(&mut *conn)
        .await?;
    if words.is_empty() {
        return Ok(());
    }
    let values: Vec<String> = (0..words.len())
        .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
        .collect();
    let sql = format!(
        "INSERT INTO patient_words (clinic_id, word, patient_id) VALUES {}",
        values.join(", ")
    );
    let mut insert = sqlx::query(&sql);
    for word in words {
        insert = insert.bind(clinic).bind(word).bind(patient);
    }
    insert.execute(&mut *conn).await?;
    Ok(())
}

/// Where a search word's range of the index ends: after every word that begins with it.
fn past_words_beginning(prefix: &str) -> String {
    format!("{prefix}{}", char::MAX)
}

/// The columns a patient record is stored in, in the order [`bind_record`] binds them.
pub(crate) const RECORD_COLUMNS: [&str; 23] = [
    "record_number",
    "family_name",
    "given_names",
    "pseudonym",
    "birth_date",
    "sex",
    "weight_kg",
    "weight_measured_on",
    "preferred_language",
    "phone",
    "email",
    "address",
    "consent_treatment",
    "consent_reminders",
    "consent_research",
    "indications",
    "conditions",
    "allergies",
    "medications",
    "pregnant",
    "breastfeeding",
    "notes",
    "search_key",
];

static INSERT_SQL: LazyLock<String> = LazyLock::new(|| {
    let n = RECORD_COLUMNS.len();
    format!(
        "INSERT INTO patients ({}, clinic_id, version, created_at, created_by, updated_at, updated_by)
         VALUES ({}, ${}, 1, ${}, ${}, ${}, ${}) RETURNING id",
        RECORD_COLUMNS.join(", "),
        crate::marks(1, n),
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        n + 5,
    )
});

static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let assignments: Vec<String> = (RECORD_COLUMNS.iter().enumerate())
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let n = RECORD_COLUMNS.len();
    format!(
        "UPDATE patients SET {}, version = ${}, updated_at = ${}, updated_by = ${}
         WHERE id = ${} AND clinic_id = ${} AND version = ${}",
        assignments.join(", "),
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        n + 5,
        n + 6,
    )
});

/// Binds a record's values in [`RECORD_COLUMNS`] order: the one place the record meets
/// its columns, for both the insert and the update.
pub(crate) fn bind_record<'q>(
    query: Query<'q, Any, AnyArguments<'q>>,
    c: &'q Columns,
) -> Query<'q, Any, AnyArguments<'q>> {
    let i = &c.input;
    query
        .bind(&i.record_number)
        .bind(none_if_empty(&i.family_name))
        .bind(none_if_empty(&i.given_names))
        .bind(none_if_empty(&i.pseudonym))
        .bind(&i.birth_date)
        .bind(&i.sex)
        .bind(c.weight_kg)
        .bind(none_if_empty(&i.weight_measured_on))
        .bind(&i.preferred_language)
        .bind(none_if_empty(&i.phone))
        .bind(none_if_empty(&i.email))
        .bind(none_if_empty(&i.address))
        .bind(i.consent_treatment)
        .bind(i.consent_reminders)
        .bind(i.consent_research)
        .bind(to_json(&i.indications))
        .bind(to_json(&i.conditions))
        .bind(to_json(&i.allergies))
        .bind(to_json(&i.medications))
        .bind(i.pregnant)
        .bind(i.breastfeeding)
        .bind(&i.notes)
        .bind(&c.search_key)
}

fn none_if_empty(s: &str) -> Option<&str> {
    if s.is_empty() { None } else { Some(s) }
}

fn to_json(list: &[String]) -> String {
    serde_json::to_string(list).expect("a list of strings always serialises")
}

fn duplicate_record_number(e: sqlx::Error) -> StoreError {
    if crate::is_unique_violation(&e, "record_number") {
        StoreError::Invalid(FieldErrors::one("record_number", Problem::Duplicate))
    } else {
        e.into()
    }
}

impl Database {
    /// The other patients of the actor's clinic born on `birth_date`, with their family
    /// names: where possible duplicates of a record are looked for (an index on the birth
    /// date; a few a day even in a large clinic). Only compared, never shown.
    pub async fn born_on(
        &self,
        actor: &Actor,
        birth_date: &str,
        except: PatientId,
    ) -> StoreResult<Vec<(PatientId, String)>> {
        let rows = sqlx::query(
            "SELECT id, family_name FROM patients
             WHERE clinic_id = $1 AND birth_date = $2 AND id <> $3 ORDER BY id LIMIT 50",
        )
        .bind(actor.clinic.get())
        .bind(birth_date)
        .bind(except.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    PatientId::new(r.try_get("id")?),
                    r.try_get::<Option<String>, _>("family_name")?
                        .unwrap_or_default(),
                ))
            })
            .collect()
    }

    /// Stores a new patient in a transaction of its own (see [`crate::Tx::create_patient`]).
    pub async fn create_patient(
        &self,
        actor: &Actor,
        record: &PatientRecord,
    ) -> StoreResult<PatientId> {
        let mut tx = self.begin().await?;
        let id = tx.create_patient(actor, record).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a patient in a transaction of its own (see [`crate::Tx::update_patient`]).
    pub async fn update_patient(
        &self,
        actor: &Actor,
        id: PatientId,
        expected_version: i64,
        record: &PatientRecord,
    ) -> StoreResult<i64> {
        let mut tx = self.begin().await?;
        let version = tx
            .update_patient(actor, id, expected_version, record)
            .await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Reads one patient of the actor's clinic; the read is an audit event.
    pub async fn read_patient(&self, actor: &Actor, id: PatientId) -> StoreResult<StoredPatient> {
        let patient = patient_in(&mut *self.pool.acquire().await?, actor, id).await?;
        self.audit_read(
            actor,
            Event {
                action: "patient.read",
                entity: Some("patient"),
                entity_id: Some(id.get()),
                detail: "",
            },
        )
        .await?;
        Ok(patient)
    }

    /// Earlier versions of a patient's record, oldest first.
    pub async fn patient_versions(
        &self,
        actor: &Actor,
        id: PatientId,
    ) -> StoreResult<Vec<(i64, PatientInput)>> {
        let rows = sqlx::query(
            "SELECT version, record FROM patient_versions
             WHERE patient_id = $1 AND clinic_id = $2 ORDER BY version",
        )
        .bind(id.get())
        .bind(actor.clinic.get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let record: String = row.try_get("record")?;
                let input = serde_json::from_str(&record)
                    .map_err(|e| StoreError::Corrupt(format!("patient_versions: {e}")))?;
                Ok((row.try_get("version")?, input))
            })
            .collect()
    }

    /// One page of the actor's clinic's patients matching `query`, ordered by name. The
    /// search is an audit event (it shows identities).
    pub async fn search_patients(
        &self,
        actor: &Actor,
        query: &PatientQuery,
        page: i64,
        per_page: i64,
    ) -> StoreResult<PatientPage> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 200);
        let mut filter = String::from(" WHERE clinic_id = $1");
        let mut binds: Vec<String> = Vec::new();
        match query {
            PatientQuery::All => {}
            PatientQuery::BirthDate(date) => {
                filter.push_str(" AND birth_date = $2");
                binds.push(date.to_string());
            }
            PatientQuery::Words(words) => {
                // Each word typed begins a word of the patient's (an index range each); the
                // words find the rows (`+clinic_id`: not a walk of the clinic by its key).
                filter = String::from(" WHERE +clinic_id = $1");
                for word in words {
                    filter.push_str(&format!(
                        " AND id IN (SELECT patient_id FROM patient_words \
                         WHERE clinic_id = $1 AND word >= ${} AND word < ${})",
                        binds.len() + 2,
                        binds.len() + 3
                    ));
                    binds.push(word.clone());
                    binds.push(past_words_beginning(word));
                }
            }
        }
        // One consistent view for the count and the page, without the write lock.
        let mut tx = self.read().await?;
        let count_sql = format!("SELECT COUNT(*) FROM patients{filter}");
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql).bind(actor.clinic.get());
        for b in &binds {
            count = count.bind(b);
        }
        let total = count.fetch_one(&mut *tx).await?;

        let list_sql = format!(
            "SELECT {COLUMNS} FROM patients{filter} ORDER BY search_key, id LIMIT ${} OFFSET ${}",
            binds.len() + 2,
            binds.len() + 3
        );
        let mut list = sqlx::query(&list_sql).bind(actor.clinic.get());
        for b in &binds {
            list = list.bind(b);
        }
        let rows = list
            .bind(per_page)
            .bind((page - 1) * per_page)
            .fetch_all(&mut *tx)
            .await?;
        let patients = rows.iter().map(from_row).collect::<StoreResult<Vec<_>>>()?;
        let detail = match query {
            PatientQuery::All => format!("list page {page}"),
            PatientQuery::BirthDate(d) => format!("birth date {d}, page {page}"),
            PatientQuery::Words(w) => format!("\"{}\", page {page}", w.join(" ")),
        };
        tx.commit().await?;
        self.audit_read(
            actor,
            Event {
                action: "patient.search",
                entity: Some("patient"),
                entity_id: None,
                detail: &detail,
            },
        )
        .await?;
        Ok(PatientPage {
            patients,
            total,
            page,
            per_page,
        })
    }

    /// Patients of a clinic by id, for lists that show whom a row is about (the worklist);
    /// the caller records the audit event of the list.
    pub(crate) async fn patients_by_ids(
        &self,
        conn: &mut sqlx::AnyConnection,
        clinic: bont_core::ClinicId,
        ids: &[i64],
    ) -> StoreResult<std::collections::HashMap<PatientId, StoredPatient>> {
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(200) {
            // `+clinic_id`: the ids find the rows; the clinic's key only confirms them
            // (without it, SQLite may walk the whole clinic by its key instead).
            let sql = format!(
                "SELECT {COLUMNS} FROM patients WHERE +clinic_id = $1 AND id IN ({})",
                crate::marks(2, chunk.len())
            );
            let mut query = sqlx::query(&sql).bind(clinic.get());
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&mut *conn).await? {
                let patient = from_row(&row)?;
                found.insert(patient.id, patient);
            }
        }
        Ok(found)
    }

    /// Number of patients of a clinic (counts only; no identities, so no audit event).
    pub async fn count_patients(&self, clinic: bont_core::ClinicId) -> StoreResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM patients WHERE clinic_id = $1")
                .bind(clinic.get())
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

async fn patient_in(
    conn: &mut sqlx::AnyConnection,
    actor: &Actor,
    id: PatientId,
) -> StoreResult<StoredPatient> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM patients WHERE id = $1 AND clinic_id = $2"
    ))
    .bind(id.get())
    .bind(actor.clinic.get())
    .fetch_optional(conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

impl Database {
    /// Gives the patients stored before the search had its word index (schema 14), or
    /// before its words were folded (schema 18), their words, in one transaction; nothing
    /// to do when the words are there or there are no patients.
    pub(crate) async fn give_earlier_patients_their_words(&self) -> StoreResult<()> {
        let any_patient: Option<i64> = sqlx::query_scalar("SELECT id FROM patients LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        let any_word: Option<i64> =
            sqlx::query_scalar("SELECT patient_id FROM patient_words LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        if any_patient.is_none() || any_word.is_some() {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        let engine = self.engine();
        let mut after = 0_i64;
        loop {
            let rows: Vec<(i64, i64, String)> = sqlx::query_as(
                "SELECT id, clinic_id, search_key FROM patients WHERE id > $1 ORDER BY id LIMIT 5000",
            )
            .bind(after)
            .fetch_all(tx.conn())
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.0;
            let words: Vec<(i64, String, i64)> = rows
                .iter()
                .flat_map(|(id, clinic, key)| {
                    // Folded again: keys stored before marks were folded away.
                    bont_core::text::search_words(&bont_core::text::search_key(key))
                        .into_iter()
                        .map(move |word| (*clinic, word, *id))
                })
                .collect();
            crate::bulk::insert(
                tx.conn(),
                engine,
                "patient_words",
                &["clinic_id", "word", "patient_id"],
                &words,
                crate::bulk::bind_word,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

impl crate::Tx {
    /// One patient of the actor's clinic as this transaction sees it (not audited: the
    /// use case records what it did with the record).
    pub async fn patient(&mut self, actor: &Actor, id: PatientId) -> StoreResult<StoredPatient> {
        patient_in(self.conn(), actor, id).await
    }
}

impl crate::Tx {
    pub async fn create_patient(
        &mut self,
        actor: &Actor,
        record: &PatientRecord,
    ) -> StoreResult<PatientId> {
        let c = Columns::of(record);
        let now = crate::stamp(actor.now);
        let id: i64 = bind_record(sqlx::query(&INSERT_SQL), &c)
            .bind(actor.clinic.get())
            .bind(&now)
            .bind(actor.user.get())
            .bind(&now)
            .bind(actor.user.get())
            .fetch_one(self.conn())
            .await
            .map_err(duplicate_record_number)?
            .try_get("id")?;
        store_words(self.conn(), actor.clinic.get(), id, &c.words()).await?;
        self.audit(
            actor,
            Event {
                action: "patient.create",
                entity: Some("patient"),
                entity_id: Some(id),
                detail: "",
            },
        )
        .await?;
        Ok(PatientId::new(id))
    }

    /// Replaces the record of `id` if it is still at `expected_version`; the earlier
    /// version is kept in `patient_versions`. Returns the new version.
    pub async fn update_patient(
        &mut self,
        actor: &Actor,
        id: PatientId,
        expected_version: i64,
        record: &PatientRecord,
    ) -> StoreResult<i64> {
        let current = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM patients WHERE id = $1 AND clinic_id = $2"
        ))
        .bind(id.get())
        .bind(actor.clinic.get())
        .fetch_optional(self.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
        let current = from_row(&current)?;
        if current.version != expected_version {
            return Err(StoreError::Conflict);
        }
        let snapshot = serde_json::to_string(&current.record.to_input())
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let now = crate::stamp(actor.now);
        sqlx::query(
            "INSERT INTO patient_versions (clinic_id, patient_id, version, record, replaced_at, replaced_by)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(actor.clinic.get())
        .bind(id.get())
        .bind(current.version)
        .bind(snapshot)
        .bind(&now)
        .bind(actor.user.get())
        .execute(self.conn())
        .await?;

        let c = Columns::of(record);
        let new_version = expected_version + 1;
        let changed = bind_record(sqlx::query(&UPDATE_SQL), &c)
            .bind(new_version)
            .bind(&now)
            .bind(actor.user.get())
            .bind(id.get())
            .bind(actor.clinic.get())
            .bind(expected_version)
            .execute(self.conn())
            .await
            .map_err(duplicate_record_number)?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        store_words(self.conn(), actor.clinic.get(), id.get(), &c.words()).await?;
        self.audit(
            actor,
            Event {
                action: "patient.update",
                entity: Some("patient"),
                entity_id: Some(id.get()),
                detail: &format!("version {new_version}"),
            },
        )
        .await?;
        Ok(new_version)
    }
}
