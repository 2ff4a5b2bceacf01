//! Staff roles and what each may do. This table is the one place access is decided;
//! the web layer asks [`Role::allows`] for every route.

use crate::field::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Physician,
    Nurse,
    Manager,
    Researcher,
    Admin,
}

/// Something a route lets a user do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// Read identified patient records (names, contacts, birth dates, clinical details).
    ViewPatients,
    /// Create and change patient records.
    EditPatients,
    /// Create staff accounts and set their roles.
    ManageUsers,
    /// Run the dose-safety check on a plan.
    CheckPlans,
    /// Prepare and save treatment sessions as drafts.
    RecordSessions,
    /// Sign sessions, override blocking findings with a reason, amend and void.
    SignSessions,
    /// Record follow-up calls, assessments on the outcome scales, goals and adverse events.
    RecordOutcomes,
    /// Read the clinic's audit trail (who read or changed what, from where) and check its
    /// hash chain. The trail names records by number only, never by a patient's name.
    ViewAudit,
    /// Change the clinic's settings (pseudonymised working).
    ManageClinic,
    /// Confirm a clinical account an administrator opened or reset, before it logs in.
    ConfirmAccounts,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Physician,
        Role::Nurse,
        Role::Manager,
        Role::Researcher,
        Role::Admin,
    ];

    /// Whether the role reads identified patient records (physicians, nurses).
    pub const fn is_clinical(self) -> bool {
        self.allows(Capability::ViewPatients)
    }

    pub const fn id(self) -> &'static str {
        match self {
            Role::Physician => "physician",
            Role::Nurse => "nurse",
            Role::Manager => "manager",
            Role::Researcher => "researcher",
            Role::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        Role::ALL
            .into_iter()
            .find(|r| r.id() == raw)
            .ok_or_else(|| {
                if raw.is_empty() {
                    Problem::Required
                } else {
                    Problem::Unknown {
                        value: raw.chars().take(40).collect(),
                    }
                }
            })
    }

    /// The role matrix. Managers (stock, activity) and researchers (pseudonymised cohort
    /// data) never read identified records; administrators manage accounts, not patients.
    pub const fn allows(self, capability: Capability) -> bool {
        use Capability::*;
        match self {
            Role::Physician => {
                matches!(
                    capability,
                    ViewPatients
                        | EditPatients
                        | CheckPlans
                        | RecordSessions
                        | SignSessions
                        | RecordOutcomes
                        | ConfirmAccounts
                )
            }
            Role::Nurse => matches!(
                capability,
                ViewPatients | EditPatients | CheckPlans | RecordSessions | RecordOutcomes
            ),
            Role::Manager | Role::Researcher => false,
            Role::Admin => matches!(capability, ManageUsers | ViewAudit | ManageClinic),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clinicians_read_patients_and_only_admins_manage_users() {
        for role in Role::ALL {
            let clinician = matches!(role, Role::Physician | Role::Nurse);
            assert_eq!(role.allows(Capability::ViewPatients), clinician, "{role}");
            assert_eq!(role.allows(Capability::EditPatients), clinician, "{role}");
            assert_eq!(role.allows(Capability::CheckPlans), clinician, "{role}");
            assert_eq!(role.allows(Capability::RecordSessions), clinician, "{role}");
            assert_eq!(role.allows(Capability::RecordOutcomes), clinician, "{role}");
            assert_eq!(
                role.allows(Capability::SignSessions),
                role == Role::Physician,
                "{role}"
            );
            assert_eq!(
                role.allows(Capability::ConfirmAccounts),
                role == Role::Physician,
                "{role}"
            );
            assert_eq!(role.is_clinical(), clinician, "{role}");
            assert_eq!(
                role.allows(Capability::ManageUsers),
                role == Role::Admin,
                "{role}"
            );
            assert_eq!(
                role.allows(Capability::ViewAudit),
                role == Role::Admin,
                "{role}"
            );
            assert_eq!(
                role.allows(Capability::ManageClinic),
                role == Role::Admin,
                "{role}"
            );
            assert_eq!(Role::parse(role.id()), Ok(role));
        }
        assert!(matches!(
            Role::parse("doctor"),
            Err(Problem::Unknown { .. })
        ));
    }
}
