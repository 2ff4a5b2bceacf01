//! The use cases of bont: every operation a user can do, one function each, taking the
//! actor and a typed command and doing its work in one database transaction together with
//! its audit event. The web pages, the JSON API and the command line are thin adapters
//! over these functions; none of them holds a workflow.
//!
//! This crate knows no web types, renders nothing and reads no clock of its own: the
//! clinic's day comes from the [`Clock`] it is given.

pub mod outcomes;
pub mod patients;
pub mod sessions;

use bont_core::FieldErrors;
use bont_core::clock::Clock;
use bont_core::outcomes::OutcomeBook;
use bont_core::safety::Catalog;
use bont_core::safety::check::Finding;
use bont_core::safety::plan::PlanErrors;
use bont_db::{Database, StoreError};
use std::sync::Arc;

pub use bont_db::Actor;

/// How the findings of a verdict are kept with a session: as JSON that carries, beside
/// each finding's code and arguments, its English sentence (written by the interface's
/// message files, which the front end owns).
pub type FindingsWriter = fn(&[Finding], &Catalog) -> serde_json::Value;

/// Everything a use case reaches; cheap to clone.
#[derive(Clone)]
pub struct App {
    pub db: Database,
    pub clock: Arc<dyn Clock>,
    /// The label facts the safety check reads (built in, plus a clinic's local file).
    pub catalog: Arc<Catalog>,
    /// Scales, responder rules, the follow-up schedule and adverse event types.
    pub outcomes: Arc<OutcomeBook>,
    pub findings_writer: FindingsWriter,
}

impl App {
    /// With the built-in label facts and outcome rules.
    pub fn new(db: Database, clock: Arc<dyn Clock>, findings_writer: FindingsWriter) -> App {
        App {
            db,
            clock,
            catalog: Arc::new(Catalog::builtin()),
            outcomes: Arc::new(OutcomeBook::builtin()),
            findings_writer,
        }
    }

    pub fn with_catalog(mut self, catalog: Catalog) -> App {
        self.catalog = Arc::new(catalog);
        self
    }
}

/// Why a use case did not do what was asked. Nothing was stored in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// The record changed since the caller read it (optimistic concurrency).
    #[error("the record was changed by someone else")]
    Conflict,
    /// The command's values are wrong, each fault named by its field.
    #[error("{0}")]
    Invalid(PlanErrors),
    /// A record's fields are wrong (a patient's), each named.
    #[error("{0}")]
    InvalidFields(FieldErrors),
    /// The record is not in a state that allows this: a code of `bont_db::WRONG_STATES`.
    #[error("wrong state: {0}")]
    WrongState(&'static str),
    /// A fault of the storage; the cause is for the log.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict => Error::Conflict,
            StoreError::WrongState(code) => Error::WrongState(code),
            StoreError::Invalid(fields) => Error::InvalidFields(fields),
            other => Error::Store(other),
        }
    }
}

pub type AppResult<T> = Result<T, Error>;
