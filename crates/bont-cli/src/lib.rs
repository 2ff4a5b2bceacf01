//! The `bont` command line: serving the application, demo data and account management.
//! Commands parse their arguments and call the same library functions the web
//! application uses; no rule is implemented here.

pub mod audit;
pub mod check;
pub mod demo;
pub mod demo_outcomes;
pub mod worklist;
