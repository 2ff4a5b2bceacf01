//! The domain of bont: the clinic's vocabulary as types, and the rules over them.
//!
//! This crate owns validation ("parse, don't validate": every checked value has one
//! constructor) and must not do I/O: no database, no web, no files, no clock reads.
//! Today's date is always passed in by the caller (see [`clock`]).

pub mod clock;
pub mod field;
pub mod identifiers;
pub mod ids;
pub mod input;
pub mod language;
pub mod names;
pub mod outcomes;
pub mod patient;
pub mod role;
pub mod safety;
pub mod templates;
pub mod text;
pub mod treatment;
pub mod user;
pub mod vocabulary;

pub use field::{FieldError, FieldErrors, Problem};
pub use ids::{ClinicId, PatientId, SessionId, UserId};
pub use language::Language;
pub use role::{Capability, Role};
