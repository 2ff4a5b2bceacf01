//! The key of the audit chain, kept outside the database.
//!
//! Every event is sealed with an HMAC-SHA-256 under this key: someone with the database
//! alone (a copied file, a database login) can neither edit an event nor rewrite the
//! chain after it so that it verifies. The key is made at the first start, in a file of
//! its own (0600), which also says from which event on the chain is keyed (events from
//! before have plain SHA-256 hashes and stay as they were).
//!
//! Removing the newest events leaves a chain that is whole up to where it was cut:
//! checkpoints of the head, sealed with the key and appended to a file beside it (at
//! every start and stop of the server and every backup), make that visible. `verify`
//! reports the last checkpoint it matched.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const HEADER: &str = "bont audit key v1";

/// The key and the first event it sealed.
#[derive(Clone)]
pub struct AuditKey {
    secret: [u8; 32],
    /// Events with this id or a later one must be sealed with the key.
    pub keyed_from: i64,
    /// The file it was read from; its checkpoints are kept beside it.
    pub path: PathBuf,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditKey")
            .field("keyed_from", &self.keyed_from)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// A head of the chain, sealed: this event had this hash when the checkpoint was made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Checkpoint {
    pub event: i64,
    pub hash: String,
    pub at: String,
}

impl AuditKey {
    /// Reads the key at `path`.
    pub fn read(path: &Path) -> io::Result<AuditKey> {
        let text = std::fs::read_to_string(path)?;
        let bad = |what: &str| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is not a bont audit key: {what}", path.display()),
            )
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(bad("its first line"));
        }
        let mut secret = None;
        let mut keyed_from = None;
        for line in lines {
            match line.split_once(' ') {
                Some(("key", hex_key)) => {
                    let bytes = hex::decode(hex_key.trim()).map_err(|_| bad("the key"))?;
                    secret = Some(<[u8; 32]>::try_from(bytes).map_err(|_| bad("the key"))?);
                }
                Some(("keyed-from", id)) => {
                    keyed_from = Some(id.trim().parse().map_err(|_| bad("keyed-from"))?);
                }
                _ => {}
            }
        }
        Ok(AuditKey {
            secret: secret.ok_or_else(|| bad("no key"))?,
            keyed_from: keyed_from.ok_or_else(|| bad("no keyed-from"))?,
            path: path.to_owned(),
        })
    }

    /// Makes a new key at `path` (which must not exist), sealing from event `keyed_from`.
    pub fn create(path: &Path, keyed_from: i64) -> io::Result<AuditKey> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| io::Error::other(e.to_string()))?;
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            crate::files::create_private_dir(folder)?;
        }
        let mut file = crate::files::create_private_file(path)?;
        writeln!(
            file,
            "{HEADER}\nkey {}\nkeyed-from {keyed_from}",
            hex::encode(secret)
        )?;
        file.sync_all()?;
        Ok(AuditKey {
            secret,
            keyed_from,
            path: path.to_owned(),
        })
    }

    fn mac(&self, parts: &[&[u8]]) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.secret).expect("HMAC takes any key length");
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The seal of an event: `k1:` and the HMAC of its encoding.
    pub(crate) fn seal(&self, encoding: &[u8]) -> String {
        format!("k1:{}", self.mac(&[b"event", encoding]))
    }

    fn checkpoint_mac(&self, checkpoint: &Checkpoint) -> String {
        self.mac(&[
            b"checkpoint",
            checkpoint.event.to_string().as_bytes(),
            checkpoint.hash.as_bytes(),
            checkpoint.at.as_bytes(),
        ])
    }

    /// Where the checkpoints of this key are kept.
    pub fn checkpoints_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".checkpoints");
        PathBuf::from(name)
    }

    /// Appends a sealed checkpoint and makes it durable.
    pub fn append_checkpoint(&self, checkpoint: &Checkpoint) -> io::Result<()> {
        let path = self.checkpoints_path();
        let mut file = match crate::files::create_private_file(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                std::fs::OpenOptions::new().append(true).open(&path)?
            }
            Err(e) => return Err(e),
        };
        writeln!(
            file,
            "{} {} {} {}",
            checkpoint.event,
            checkpoint.hash,
            checkpoint.at,
            self.checkpoint_mac(checkpoint)
        )?;
        file.sync_all()
    }

    /// The checkpoints on file, each with whether its seal is this key's.
    pub fn checkpoints(&self) -> io::Result<Vec<(Checkpoint, bool)>> {
        let text = match std::fs::read_to_string(self.checkpoints_path()) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        Ok(text
            .lines()
            .filter_map(|line| {
                let mut parts = line.split(' ');
                let event = parts.next()?.parse().ok()?;
                let hash = parts.next()?.to_owned();
                let at = parts.next()?.to_owned();
                let mac = parts.next()?;
                let checkpoint = Checkpoint { event, hash, at };
                let sealed = self.checkpoint_mac(&checkpoint) == mac;
                Some((checkpoint, sealed))
            })
            .collect())
    }
}
