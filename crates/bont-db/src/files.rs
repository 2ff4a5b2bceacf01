//! The files of a SQLite installation: private from the start, and held by one server.
//!
//! The data folder is made 0700 and the database, its backups and its keys 0600 when
//! they are created, whatever the umask; files that exist keep the mode their operator
//! gave them. A running server holds an exclusive lock on `<database>.lock`, so that a
//! second server, or a restore, cannot take the file from under it.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Creates `folder` and its missing parents, readable by the owner only.
pub fn create_private_dir(folder: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(folder)
}

/// Creates `path`, which must not exist, readable and writable by the owner only.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// Creates the database file at `path` (and its folder) before SQLite does, so that it
/// and its journal, which SQLite gives the same mode, are private.
pub fn prepare_database_file(path: &Path) -> io::Result<()> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        create_private_dir(folder)?;
    }
    match create_private_file(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// A server's hold on its database file, released when dropped (or when the process
/// ends, however it ends).
#[derive(Debug)]
pub struct ServerLock {
    _file: File,
}

/// The lock file of the database at `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl ServerLock {
    /// Takes the lock of the database at `path`; `None` when someone else holds it.
    pub fn take(path: &Path) -> io::Result<Option<ServerLock>> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(lock_path(path))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(ServerLock { _file: file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private_and_a_lock_is_held_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("a/b/bont.db");
        prepare_database_file(&db).expect("prepare");
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        assert_eq!(mode(&db), 0o600);
        prepare_database_file(&db).expect("an existing file is left as it is");

        let held = ServerLock::take(&db).expect("lock").expect("free");
        assert!(ServerLock::take(&db).expect("lock").is_none(), "held");
        drop(held);
        assert!(ServerLock::take(&db).expect("lock").is_some(), "released");
    }
}
