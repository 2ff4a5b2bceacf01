//! What every handler can reach: the use cases ([`App`]) and, through them, the storage,
//! the clock and the clinical data.

use bont_app::App;
use bont_core::clock::Clock;
use bont_core::safety::Catalog;
use bont_db::Database;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// The bounded threads that hash and check passwords.
    pub passwords: crate::passwords::PasswordWork,
}

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl AppState {
    /// With the built-in label facts; findings are kept with their English sentence.
    pub fn new(db: Database, clock: Arc<dyn Clock>) -> Self {
        AppState {
            app: App::new(db, clock, crate::i18n::findings_in_english),
            passwords: crate::passwords::PasswordWork::start(),
        }
    }

    pub fn with_catalog(mut self, catalog: Catalog) -> Self {
        self.app = self.app.with_catalog(catalog);
        self
    }
}
