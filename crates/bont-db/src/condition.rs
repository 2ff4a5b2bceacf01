//! What the storage last said about itself, for the health endpoint and for refusing
//! writes: a full disk met by a write (until a write commits again), a damaged file found
//! by the integrity check (until a check passes). A lock held by another program is not
//! kept: it is over by the time anyone looks.

use crate::Unavailable;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// The storage's state as bont last met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageState {
    Ok,
    /// A write found the disk full, and none has committed since.
    Full,
    /// The integrity check found the database damaged: what it reported, in SQLite's words.
    Damaged(String),
}

impl StorageState {
    /// A short name for monitoring: `ok`, `full`, `damaged`.
    pub fn name(&self) -> &'static str {
        match self {
            StorageState::Ok => "ok",
            StorageState::Full => "full",
            StorageState::Damaged(_) => "damaged",
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Condition {
    full: AtomicBool,
    damaged: Mutex<Option<String>>,
    /// When a request that met damage last started a check.
    prompted: Mutex<Option<std::time::Instant>>,
}

/// The least time between two checks started by requests that met damage: a record whose
/// bytes are wrong but whose file passes the check is read again and again.
const PROMPT_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

impl Condition {
    /// Whether a request that met damage may start a check now (and, if so, notes it).
    pub(crate) fn may_prompt(&self) -> bool {
        let mut last = self.prompted.lock().unwrap_or_else(|e| e.into_inner());
        let now = std::time::Instant::now();
        if last.is_some_and(|at| now.duration_since(at) < PROMPT_EVERY) {
            return false;
        }
        *last = Some(now);
        true
    }

    /// A write failed; `kind` says whether the storage was why.
    pub(crate) fn met(&self, kind: Option<Unavailable>) {
        if kind == Some(Unavailable::Full) {
            self.full.store(true, Ordering::Release);
        }
    }

    pub(crate) fn committed(&self) {
        self.full.store(false, Ordering::Release);
    }

    /// What an integrity check reported, line by line (`ok` alone when sound).
    pub(crate) fn checked(&self, found: &[String]) {
        let damaged = match found {
            [only] if only == "ok" => None,
            [] => Some("the check gave no answer".to_owned()),
            lines => Some(lines.join("; ")),
        };
        *self.damaged.lock().unwrap_or_else(|e| e.into_inner()) = damaged;
    }

    pub(crate) fn damaged(&self) -> Option<String> {
        self.damaged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn state(&self) -> StorageState {
        if let Some(found) = self.damaged() {
            StorageState::Damaged(found)
        } else if self.full.load(Ordering::Acquire) {
            StorageState::Full
        } else {
            StorageState::Ok
        }
    }
}
