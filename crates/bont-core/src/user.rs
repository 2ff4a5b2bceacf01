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

/// A new password: long enough, not too long, typed the same twice, and not easily
/// guessed. Guessability is zxcvbn's estimate (the most common passwords, names, words,
/// keyboard walks, dates, repeats), told the account's own user name and display name;
/// below [`PASSWORD_STRENGTH_MIN`] is refused. Length beats composition rules, so there
/// are none.
pub fn check_new_password(
    password: &str,
    repeated: &str,
    own_words: &[&str],
) -> Result<(), FieldErrors> {
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
    // A name is guessed whole, run together, and word by word.
    let mut words: Vec<String> = Vec::new();
    for own in own_words {
        let own = own.to_lowercase();
        words.extend(own.split_whitespace().map(str::to_owned));
        words.push(own.split_whitespace().collect());
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if zxcvbn::zxcvbn(password, &words).score() < PASSWORD_STRENGTH_MIN {
        return Err(FieldErrors::one("password", Problem::PasswordGuessable));
    }
    Ok(())
}

/// zxcvbn's score a new password must reach: 3, "safely unguessable", fewer than 10^10
/// guesses needed is refused.
pub const PASSWORD_STRENGTH_MIN: zxcvbn::Score = zxcvbn::Score::Three;

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
        let none: &[&str] = &[];
        assert!(check_new_password("short", "short", none).is_err());
        let phrase = "violet kettle under the pier";
        assert!(check_new_password(phrase, "violet kettle under the pie", none).is_err());
        assert!(check_new_password(phrase, phrase, none).is_ok());
    }

    /// Long enough is not enough: the common passwords, keyboard walks and repeats of
    /// twelve characters or more, and the account's own names, are refused.
    #[test]
    fn easily_guessed_passwords_are_refused() {
        let none: &[&str] = &[];
        for common in [
            "123qweasdzxc",
            "1qaz2wsx3edc",
            "qwerty123456",
            "passwordpassword",
            "aaaaaaaaaaaaaaaa",
            "123456789012",
        ] {
            assert_eq!(
                check_new_password(common, common, none)
                    .err()
                    .map(|e| e.iter().map(|e| e.problem.clone()).collect::<Vec<_>>()),
                Some(vec![Problem::PasswordGuessable]),
                "{common}"
            );
        }
        let own = "annakowalska2026";
        assert!(check_new_password(own, own, none).is_ok());
        assert!(
            check_new_password(own, own, &["akowalska", "Anna Kowalska"]).is_err(),
            "the account's own name is a guess"
        );
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
