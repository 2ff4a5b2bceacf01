//! Free text as the clinic types it: trimmed, bounded, and without control characters
//! in one-line fields.

use crate::field::Problem;
use serde::Serialize;
use std::fmt;

/// A trimmed one-line text of at most `MAX` characters, possibly empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Line<const MAX: usize>(String);

impl<const MAX: usize> Line<MAX> {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let value = raw.trim();
        if value.chars().count() > MAX {
            return Err(Problem::TooLong { max: MAX });
        }
        if value.chars().any(char::is_control) {
            return Err(Problem::ControlCharacters);
        }
        Ok(Self(value.to_owned()))
    }
    /// Like [`Line::parse`], but empty is refused.
    pub fn parse_required(raw: &str) -> Result<Self, Problem> {
        let line = Self::parse(raw)?;
        if line.0.is_empty() {
            Err(Problem::Required)
        } else {
            Ok(line)
        }
    }
    /// `None` for an empty value.
    pub fn parse_optional(raw: &str) -> Result<Option<Self>, Problem> {
        let line = Self::parse(raw)?;
        Ok(if line.0.is_empty() { None } else { Some(line) })
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<const MAX: usize> fmt::Display for Line<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A trimmed multi-line text of at most `MAX` characters; tabs and line breaks allowed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Paragraphs<const MAX: usize>(String);

impl<const MAX: usize> Paragraphs<MAX> {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let value = raw.trim().replace("\r\n", "\n");
        if value.chars().count() > MAX {
            return Err(Problem::TooLong { max: MAX });
        }
        if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(Problem::ControlCharacters);
        }
        Ok(Self(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Lower-cases and folds text for search in any script (SQL `LIKE` folds ASCII only,
/// and not on every engine): marks come off the letters, so that a name typed without
/// them finds the one stored with them ("dabrowska" finds "Dąbrowska", "федорова" finds
/// "Фёдорова", Arabic without its vowel marks finds it with them), and the letters that
/// carry a stroke rather than a mark fold to their plain letter (ł, đ, ø; ß to ss).
pub fn search_key(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut key = String::with_capacity(text.len());
    for c in text.trim().to_lowercase().nfd() {
        match c {
            c if is_combining_mark(c) => {}
            'ł' => key.push('l'),
            'đ' => key.push('d'),
            'ø' => key.push('o'),
            'ß' => key.push_str("ss"),
            c => key.push(c),
        }
    }
    key
}

/// The words a folded search key is found by: each word between spaces, and each part of
/// a hyphenated one ("nowak-kowalska" is found by "nowak", "kowalska" and the whole). A
/// search matches a patient when every word typed begins one of these.
pub fn search_words(key: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in key.split_whitespace() {
        words.push(word.to_owned());
        if word.contains('-') {
            words.extend(
                word.split('-')
                    .filter(|part| !part.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    words.sort();
    words.dedup();
    words
}

/// A family name reduced to how it sounds in Latin letters, so that the same name typed
/// in Polish, in Russian or in an English transliteration compares equal: "Kowalski",
/// "Ковальский" and "Kovalskiy" all give "kovalski". Cyrillic is transliterated, Polish
/// letters lose their marks, and the usual spelling variants fold together (w/v, sz/sh,
/// cz/ch, y/j/i, doubled letters). A hint for pointing out possible duplicates, never an
/// identity.
pub fn name_key(name: &str) -> String {
    let mut latin = String::new();
    for c in name.trim().to_lowercase().chars() {
        let part = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' | 'ы' | 'і' | 'ї' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ю' => "iu",
            'я' => "ia",
            'ą' => "a",
            'ć' => "c",
            'ę' => "e",
            'ł' => "l",
            'ń' => "n",
            'ó' => "o",
            'ś' => "s",
            'ź' | 'ż' => "z",
            c if c.is_ascii_alphabetic() => {
                latin.push(c);
                continue;
            }
            _ => "",
        };
        latin.push_str(part);
    }
    let folded = latin
        .replace("kh", "h")
        .replace("sz", "sh")
        .replace("cz", "ch")
        .replace("rz", "zh")
        .replace('w', "v")
        .replace(['y', 'j'], "i")
        .replace("tz", "ts");
    let mut key = String::new();
    for c in folded.chars() {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_another_script_gives_the_same_key() {
        for (a, b) in [
            ("Kowalski", "Ковальский"),
            ("Kovalskiy", "Kowalski"),
            ("Nowak", "Новак"),
            ("Szewczyk", "Шевчик"),
            ("Iwanowa", "Иванова"),
            ("ŁUKASZEWICZ", "Lukaszewicz"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_ne!(name_key("Nowak"), name_key("Kowalski"));
        assert_eq!(name_key("  "), "");
    }

    #[test]
    fn one_line_text_is_trimmed_bounded_and_without_control_characters() {
        assert_eq!(
            Line::<5>::parse("  abc ").map(|l| l.0),
            Ok("abc".to_owned())
        );
        assert_eq!(Line::<5>::parse("abcdef"), Err(Problem::TooLong { max: 5 }));
        assert_eq!(
            Line::<5>::parse("żółćś").map(|l| l.0),
            Ok("żółćś".to_owned())
        );
        assert_eq!(Line::<9>::parse("a\nb"), Err(Problem::ControlCharacters));
        assert_eq!(Line::<9>::parse("a\0b"), Err(Problem::ControlCharacters));
        assert_eq!(Line::<9>::parse_required("   "), Err(Problem::Required));
        assert_eq!(Line::<9>::parse_optional(" "), Ok(None));
    }

    #[test]
    fn paragraphs_keep_line_breaks() {
        let p = Paragraphs::<20>::parse("one\r\ntwo\tthree").expect("valid");
        assert_eq!(p.as_str(), "one\ntwo\tthree");
        assert_eq!(
            Paragraphs::<20>::parse("bell\u{7}"),
            Err(Problem::ControlCharacters)
        );
    }

    #[test]
    fn search_keys_fold_every_script() {
        assert_eq!(search_key(" ŁUKASZ "), "lukasz");
        assert_eq!(search_key("ИВАНОВА"), "иванова");
        assert_eq!(search_key("Dąbrowska-Żółć"), "dabrowska-zolc");
        assert_eq!(search_key("Фёдорова Йоханна"), "федорова иоханна");
        assert_eq!(search_key("مُحَمَّد"), "محمد");
        assert_eq!(search_key("Zieliński"), search_key("zielinski"));
    }

    #[test]
    fn search_words_are_the_words_and_the_parts_of_hyphenated_ones() {
        assert_eq!(
            search_words("nowak-kowalska anna  r-12 anna"),
            [
                "anna",
                "kowalska",
                "nowak",
                "nowak-kowalska",
                "r",
                "r-12",
                "12"
            ]
            .iter()
            .map(|w| w.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
        );
        assert!(search_words("   ").is_empty());
    }
}
