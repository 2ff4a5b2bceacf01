//! Audit events of reads, committed in groups. A read of a patient's record answers only
//! after its event is durable, but many concurrent reads share one write transaction and
//! its one commit: one task takes every event waiting in the queue, appends them to the
//! chain in order and commits, then tells each reader. Throughput of audited reads then
//! grows with concurrency instead of queueing one commit per read behind the writers.

use crate::audit::Event;
use crate::{StoreError, StoreResult};
use bont_core::{ClinicId, UserId};

/// On whose behalf a read was made: a user of a clinic, or the command line.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    pub clinic: Option<ClinicId>,
    pub user: Option<UserId>,
    pub client: &'a str,
    pub now: jiff::Timestamp,
}

impl<'a> From<&'a crate::Actor> for By<'a> {
    fn from(actor: &'a crate::Actor) -> Self {
        By {
            clinic: Some(actor.clinic),
            user: Some(actor.user),
            client: &actor.client,
            now: actor.now,
        }
    }
}
use tokio::sync::{mpsc, oneshot};

/// Events taken into one transaction at most.
const GROUP_MAX: usize = 256;

/// An event of a read, owned, waiting for its commit.
struct Waiting {
    clinic: Option<ClinicId>,
    user: Option<UserId>,
    client: String,
    now: jiff::Timestamp,
    action: String,
    entity: Option<String>,
    entity_id: Option<i64>,
    detail: String,
    done: oneshot::Sender<Result<(), String>>,
}

/// The queue of read events; cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct ReadAudit {
    queue: mpsc::UnboundedSender<Waiting>,
}

impl std::fmt::Debug for Waiting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Waiting")
            .field("action", &self.action)
            .finish()
    }
}

impl ReadAudit {
    /// Starts the task that commits the groups, writing through `db`.
    pub(crate) fn start(db: crate::Database) -> ReadAudit {
        let (queue, mut waiting) = mpsc::unbounded_channel::<Waiting>();
        tokio::spawn(async move {
            while let Some(first) = waiting.recv().await {
                let mut group = vec![first];
                while group.len() < GROUP_MAX {
                    match waiting.try_recv() {
                        Ok(next) => group.push(next),
                        Err(_) => break,
                    }
                }
                let written = write_group(&db, &group).await.map_err(|e| e.to_string());
                for w in group {
                    // A reader that went away no longer waits for its answer.
                    let _ = w.done.send(written.clone());
                }
            }
        });
        ReadAudit { queue }
    }

    /// Records a read's event and waits until it is committed.
    pub(crate) async fn record(&self, by: By<'_>, event: Event<'_>) -> StoreResult<()> {
        let (done, committed) = oneshot::channel();
        self.queue
            .send(Waiting {
                clinic: by.clinic,
                user: by.user,
                client: by.client.to_owned(),
                now: by.now,
                action: event.action.to_owned(),
                entity: event.entity.map(str::to_owned),
                entity_id: event.entity_id,
                detail: event.detail.to_owned(),
                done,
            })
            .map_err(|_| StoreError::Corrupt("the audit writer has stopped".into()))?;
        committed
            .await
            .map_err(|_| StoreError::Corrupt("the audit writer has stopped".into()))?
            .map_err(|e| StoreError::Corrupt(format!("audit events of reads not written: {e}")))
    }
}

async fn write_group(db: &crate::Database, group: &[Waiting]) -> StoreResult<()> {
    let mut tx = db.begin().await?;
    for w in group {
        crate::audit::record(
            tx.transaction(),
            w.clinic,
            w.user,
            &w.client,
            w.now,
            Event {
                action: &w.action,
                entity: w.entity.as_deref(),
                entity_id: w.entity_id,
                detail: &w.detail,
            },
        )
        .await?;
    }
    tx.commit().await
}
