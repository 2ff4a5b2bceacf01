//! Password hashing, bounded.
//!
//! An Argon2id hash takes 19 MiB of memory and tens of milliseconds of one core. Hashes
//! run on a few threads of their own, started with the application, behind a short
//! queue: however many log-ins arrive at once, no more than [`PasswordWork::AT_ONCE`]
//! hashes hold memory, and what does not fit in the queue is answered at once with
//! "busy, try again in a second" instead of waiting without end. Each thread allocates
//! its Argon2 memory once and hashes in it every time (the allocator would otherwise keep
//! each freed 19 MiB block in a different arena, and the server would grow with every
//! burst of log-ins).

use crate::error::AppError;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// The working memory of Argon2, kept from one hash to the next.
pub struct Memory(Vec<Block>);

impl Memory {
    /// Enough for the default parameters.
    pub fn new() -> Memory {
        Memory(vec![Block::default(); Params::DEFAULT.block_count()])
    }

    fn blocks(&mut self, params: &Params) -> &mut [Block] {
        let needed = params.block_count();
        if self.0.len() < needed {
            self.0.resize(needed, Block::default());
        }
        &mut self.0[..needed]
    }
}

impl Default for Memory {
    fn default() -> Self {
        Memory::new()
    }
}

/// Argon2id hash of a password with the default parameters, in PHC string form, computed
/// in `memory`.
pub fn hash_in(memory: &mut Memory, password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    let argon2 = Argon2::default();
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(AppError::internal)?;
    let blocks = memory.blocks(argon2.params());
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        Ok(argon2.hash_password_into_with_memory(password.as_bytes(), salt_raw, out, blocks)?)
    })
    .map_err(AppError::internal)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon2.params()).map_err(AppError::internal)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `hash` (any Argon2 variant and parameters
/// it names), computed in `memory`; a hash that does not parse matches nothing.
pub fn verify_in(memory: &mut Memory, password: &str, hash: &str) -> bool {
    let mut check = || -> Option<bool> {
        let parsed = PasswordHash::new(hash).ok()?;
        let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
        let version = match parsed.version {
            Some(v) => Version::try_from(v).ok()?,
            None => Version::default(),
        };
        let params = Params::try_from(&parsed).ok()?;
        let expected = parsed.hash?;
        let mut salt_bytes = [0u8; 64];
        let salt = parsed.salt?.decode_b64(&mut salt_bytes).ok()?;
        let argon2 = Argon2::new(algorithm, version, params.clone());
        let blocks = memory.blocks(&params);
        let computed = Output::init_with(expected.len(), |out| {
            Ok(argon2.hash_password_into_with_memory(password.as_bytes(), salt, out, blocks)?)
        })
        .ok()?;
        // Output compares in constant time.
        Some(computed == expected)
    };
    check().unwrap_or(false)
}

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
        job: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |memory| {
            // The asker may have gone (the client hung up): the work is done all the same.
            let _ = answer.send(job(memory));
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
        self.run(move |memory| verify_in(memory, &password, &hash))
            .await
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.run(move |memory| hash_in(memory, &password)).await?
    }
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    let mut memory = Memory::new();
    loop {
        // The lock is held only while waiting for the next job, never while hashing.
        let next = match jobs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match next {
            // A job that panics is lost (its asker hears "did not answer"), not the thread.
            Ok(job) => {
                let run = std::panic::AssertUnwindSafe(|| job(&mut memory));
                let _ = std::panic::catch_unwind(run);
            }
            Err(_) => return,
        }
    }
}
