//! Password hashing, bounded.
//!
//! An Argon2id hash takes 19 MiB of memory and tens of milliseconds of one core. Hashes
//! run on a few threads of their own, started with the application, behind a short
//! queue: however many log-ins arrive at once, no more than [`PasswordWork::AT_ONCE`]
//! hashes hold memory, and what does not fit in the queue is answered at once with
//! "busy, try again in a second" instead of waiting without end. The threads keep their
//! memory for the next hash, so the server's size stays where the first hashes put it.

use crate::error::AppError;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads and their queue.
#[derive(Clone)]
pub struct PasswordWork {
    queue: SyncSender<Job>,
}

impl std::fmt::Debug for PasswordWork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordWork").finish_non_exhaustive()
    }
}

impl PasswordWork {
    /// Hashes that run at the same time.
    pub const AT_ONCE: usize = 2;
    /// Hashes that may wait for a thread; beyond them a request is answered "busy".
    pub const WAITING: usize = 8;

    /// Starts the threads; they end when the last handle is dropped.
    pub fn start() -> PasswordWork {
        let (queue, jobs) = std::sync::mpsc::sync_channel::<Job>(Self::WAITING);
        let jobs = Arc::new(Mutex::new(jobs));
        for n in 0..Self::AT_ONCE {
            let jobs = jobs.clone();
            let started = std::thread::Builder::new()
                .name(format!("password-{n}"))
                .spawn(move || work(&jobs));
            if let Err(e) = started {
                tracing::error!("cannot start a password thread: {e}");
            }
        }
        PasswordWork { queue }
    }

    /// Runs `job` on a password thread; [`AppError::Busy`] when the queue is full.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            // The asker may have gone (the client hung up): the work is done all the same.
            let _ = answer.send(job());
        });
        match self.queue.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(AppError::Busy),
            Err(TrySendError::Disconnected(_)) => {
                return Err(AppError::internal("the password threads have stopped"));
            }
        }
        answered
            .await
            .map_err(|_| AppError::internal("a password check did not answer"))
    }

    /// Checks `password` against a stored PHC hash.
    pub async fn verify(&self, password: String, hash: String) -> Result<bool, AppError> {
        self.run(move || crate::auth::verify_password(&password, &hash))
            .await
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.run(move || crate::auth::hash_password(&password))
            .await?
    }
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while waiting for the next job, never while hashing.
        let next = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match next {
            // A job that panics is lost (its asker hears "did not answer"), not the thread.
            Ok(job) => {
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            }
            Err(_) => return,
        }
    }
}
