//! The JSON API. It accepts the same inputs as the forms and calls the same domain
//! checks; errors are RFC 9457 problem documents (see [`crate::error`]).

pub mod check;
pub mod outcomes;
pub mod patients;
pub mod sessions;
