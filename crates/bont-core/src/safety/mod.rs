//! The dose-safety check: a pure function from a plan (patient, history, session) and the
//! label facts to a verdict with findings and the dose arithmetic. The command line, the
//! JSON API and the session form all call [`check::check`].

pub mod catalog;
pub mod check;
pub mod detail;
pub mod plan;
pub mod units;

pub use catalog::{Catalog, Evidence};
pub use check::{Finding, Report, Severity, check};
pub use detail::{Arg, Detail};
pub use plan::{Plan, PlanInput};
pub use units::{Dose, ProductId, Units};
