//! Identifiers. Each kind of record has its own id type, so a patient id can never be
//! passed where a user id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A clinic: every clinical row belongs to exactly one.
    ClinicId
);
id_type!(
    /// A patient of one clinic.
    PatientId
);
id_type!(
    /// A staff account.
    UserId
);
id_type!(
    /// A treatment session (a draft, a signed record, or a voided one).
    SessionId
);
