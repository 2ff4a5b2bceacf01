//! What every handler can reach.

use bont_core::clock::Clock;
use bont_core::outcomes::OutcomeBook;
use bont_core::safety::Catalog;
use bont_db::Database;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    pub clock: Arc<dyn Clock>,
    /// The label facts the safety check reads (built in, plus a clinic's local file).
    pub catalog: Arc<Catalog>,
    /// Scales, responder rules, the follow-up schedule and adverse event types.
    pub outcomes: Arc<OutcomeBook>,
}

impl AppState {
    /// With the built-in label facts.
    pub fn new(db: Database, clock: Arc<dyn Clock>) -> Self {
        AppState {
            db,
            clock,
            catalog: Arc::new(Catalog::builtin()),
            outcomes: Arc::new(OutcomeBook::builtin()),
        }
    }

    pub fn with_catalog(mut self, catalog: Catalog) -> Self {
        self.catalog = Arc::new(catalog);
        self
    }
}
