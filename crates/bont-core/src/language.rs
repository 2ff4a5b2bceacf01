//! The languages bont speaks, to staff and to patients.

use crate::field::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A supported language. Staff pick theirs; a patient's drives their documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Pl,
    Ru,
    Ar,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Pl, Language::Ru, Language::Ar];

    /// The BCP 47 code (`en`, `pl`, `ru`, `ar`).
    pub const fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Pl => "pl",
            Language::Ru => "ru",
            Language::Ar => "ar",
        }
    }

    /// The language's own name for itself, for language pickers.
    pub const fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Pl => "Polski",
            Language::Ru => "Русский",
            Language::Ar => "العربية",
        }
    }

    /// Arabic is written right to left.
    pub const fn is_right_to_left(self) -> bool {
        matches!(self, Language::Ar)
    }

    /// Accepts the code in any letter case, with or without a region (`pl-PL`).
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let trimmed = raw.trim();
        let primary = trimmed
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or_else(|| {
                if trimmed.is_empty() {
                    Problem::Required
                } else {
                    Problem::Unknown {
                        value: trimmed.chars().take(40).collect(),
                    }
                }
            })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_with_regions_and_refuses_others() {
        assert_eq!(Language::parse("pl"), Ok(Language::Pl));
        assert_eq!(Language::parse("AR-sa"), Ok(Language::Ar));
        assert_eq!(Language::parse("ru_RU"), Ok(Language::Ru));
        assert_eq!(
            Language::parse("xx"),
            Err(Problem::Unknown { value: "xx".into() })
        );
        assert_eq!(Language::parse(""), Err(Problem::Required));
        assert!(Language::Ar.is_right_to_left());
        assert!(!Language::Pl.is_right_to_left());
    }
}
