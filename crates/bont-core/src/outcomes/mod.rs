//! Closing the treatment loop: outcome scales and their entry, responder rules per
//! indication, possible secondary non-response, the effect-time model, the follow-up a
//! signed session schedules, Goal Attainment Scaling and adverse events. The facts are in
//! `data/outcomes.toml` ([`OutcomeBook`]); everything here is pure.

pub mod adverse;
pub mod assessment;
pub mod book;
pub mod effect;
pub mod goals;
pub mod response;
pub mod schedule;

pub use book::{FollowUpKind, OutcomeBook};
