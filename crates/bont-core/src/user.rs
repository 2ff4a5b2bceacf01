//! Staff accounts: who may log in, with which role and language.

use crate::field::{FieldErrors, Problem};
use crate::input;
use crate::language::Language;
use crate::role::Role;
use crate::text::Line;
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 200;

/// A login name: 3 to 40 lower-case letters, digits, dots, hyphens or underscores.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let name = raw.trim().to_lowercase();
        if name.is_empty() {
            return Err(Problem::Required);
        }
        if name.chars().count() > 40 {
            return Err(Problem::TooLong { max: 40 });
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if name.len() < 3 || !name.chars().all(allowed) {
            return Err(Problem::Unknown {
                value: raw.trim().chars().take(40).collect(),
            });
        }
        Ok(Username(name))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password, checked for length only (long passphrases beat composition rules).
pub fn check_new_password(password: &str, repeated: &str) -> Result<(), FieldErrors> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(FieldErrors::one(
            "password",
            Problem::PasswordTooShort { min: PASSWORD_MIN },
        ));
    }
    if length > PASSWORD_MAX {
        return Err(FieldErrors::one(
            "password",
            Problem::TooLong { max: PASSWORD_MAX },
        ));
    }
    if password != repeated {
        return Err(FieldErrors::one(
            "password_repeat",
            Problem::PasswordsDiffer,
        ));
    }
    Ok(())
}

/// What an administrator submits to open an account.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UserInput {
    #[serde(deserialize_with = "input::text")]
    pub username: String,
    #[serde(deserialize_with = "input::text")]
    pub display_name: String,
    #[serde(deserialize_with = "input::text")]
    pub role: String,
    #[serde(deserialize_with = "input::text")]
    pub language: String,
}

/// A checked new account (its password is set separately).
#[derive(Debug, Clone, PartialEq)]
pub struct NewUser {
    pub username: Username,
    pub display_name: Line<100>,
    pub role: Role,
    pub language: Language,
}

impl NewUser {
    pub fn parse(input: &UserInput) -> Result<NewUser, FieldErrors> {
        let mut errors = FieldErrors::new();
        let username = errors.take("username", Username::parse(&input.username));
        let display_name = errors.take("display_name", Line::parse_required(&input.display_name));
        let role = errors.take("role", Role::parse(&input.role));
        let language = if input.language.trim().is_empty() {
            Some(Language::En)
        } else {
            errors.take("language", Language::parse(&input.language))
        };
        errors.finish(|| NewUser {
            username: username.expect("checked"),
            display_name: display_name.expect("checked"),
            role: role.expect("checked"),
            language: language.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_and_passwords() {
        assert_eq!(
            Username::parse(" Nurse.Two ").map(|u| u.0),
            Ok("nurse.two".into())
        );
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("with space").is_err());
        assert!(check_new_password("short", "short").is_err());
        assert!(check_new_password("long enough pass", "long enough pas").is_err());
        assert!(check_new_password("long enough pass", "long enough pass").is_ok());
    }
}

/// What an API token may do beyond its user's role: everything the role allows, or only
/// reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenScope {
    /// GET requests only.
    Read,
    /// Whatever the user's role allows.
    Write,
}

impl TokenScope {
    pub const ALL: [TokenScope; 2] = [TokenScope::Read, TokenScope::Write];

    pub fn id(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }

    pub fn parse(raw: &str) -> Result<TokenScope, Problem> {
        TokenScope::ALL
            .into_iter()
            .find(|s| s.id() == raw.trim())
            .ok_or_else(|| Problem::Unknown {
                value: raw.trim().chars().take(40).collect(),
            })
    }
}

/// An API token as asked for: a name that says where it is used, and its scope.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TokenInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub scope: String,
}

#[derive(Debug, Clone)]
pub struct NewToken {
    pub name: Line<80>,
    pub scope: TokenScope,
}

impl NewToken {
    pub fn parse(input: &TokenInput) -> Result<NewToken, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", Line::parse_required(&input.name));
        let scope = errors.take("scope", TokenScope::parse(&input.scope));
        errors.finish(|| NewToken {
            name: name.expect("checked"),
            scope: scope.expect("checked"),
        })
    }
}
