//! What every handler can reach.

use bont_core::clock::Clock;
use bont_db::Database;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(db: Database, clock: Arc<dyn Clock>) -> Self {
        AppState { db, clock }
    }
}
