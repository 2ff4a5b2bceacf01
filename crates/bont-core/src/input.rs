//! Lenient decoding of what front ends send, so that one input struct serves an HTML form
//! (everything is text, checkboxes say "on") and a JSON body (numbers, booleans, arrays).
//! Only the shape is decoded here; meaning is checked by each type's `parse`.

use crate::field::Problem;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;

/// A number as a person types it, with a decimal point or a decimal comma ("2.5", "2,5");
/// empty is `None`. No thousands separators: "1,500" and "1.500" are refused as ambiguous
/// (a thousand and a half in one language, one and a half in another), while "0.125" and
/// "12.5" are not.
pub fn decimal(raw: &str) -> Result<Option<f64>, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let shown = || raw.chars().take(40).collect::<String>();
    // "1e3" reads as a thousand to a computer and as a typing error to a person.
    if raw.contains(['e', 'E'])
        && raw
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(f64::is_finite)
    {
        return Err(Problem::ExponentNotation { value: shown() });
    }
    let separators = raw.matches([',', '.']).count();
    if separators > 1 {
        return Err(Problem::NotANumber { value: shown() });
    }
    if let Some((whole, fraction)) = raw.split_once([',', '.']) {
        let whole = whole.trim_start_matches(['-', '+']);
        let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if digits_only(whole)
            && !whole.trim_start_matches('0').is_empty()
            && fraction.len() == 3
            && digits_only(fraction)
        {
            return Err(Problem::AmbiguousNumber { value: shown() });
        }
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(Problem::NotANumber { value: shown() }),
    }
}

/// Text, or a number or boolean written as text; `null` is empty.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct TextVisitor;
    impl Visitor<'_> for TextVisitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("text or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    d.deserialize_any(TextVisitor)
}

/// A yes/no: a JSON boolean, or a checkbox's "on" (absent means no).
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct FlagVisitor;
    impl Visitor<'_> for FlagVisitor {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("true or false")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            match v.trim().to_ascii_lowercase().as_str() {
                "on" | "true" | "yes" | "1" => Ok(true),
                "off" | "false" | "no" | "0" | "" => Ok(false),
                _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }
        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
    d.deserialize_any(FlagVisitor)
}

/// A list of texts: a JSON array, repeated form fields, or one text with one entry per
/// line (a textarea). Empty entries are dropped.
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of texts")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(v.lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                let item = item.trim();
                if !item.is_empty() {
                    out.push(item.to_owned());
                }
            }
            Ok(out)
        }
    }
    d.deserialize_any(ListVisitor)
}

#[cfg(test)]
mod decimal_tests {
    use super::*;

    #[test]
    fn a_decimal_point_or_comma_is_read_and_a_thousands_separator_refused() {
        assert_eq!(decimal(""), Ok(None));
        assert_eq!(decimal(" 2.5 "), Ok(Some(2.5)));
        assert_eq!(decimal("2,5"), Ok(Some(2.5)));
        assert_eq!(decimal("0,125"), Ok(Some(0.125)));
        assert_eq!(decimal("1000"), Ok(Some(1000.0)));
        assert_eq!(decimal("12.50"), Ok(Some(12.5)));
        for ambiguous in ["1,000", "1.500", "10,000", "2.500"] {
            assert!(
                matches!(decimal(ambiguous), Err(Problem::AmbiguousNumber { .. })),
                "{ambiguous}"
            );
        }
        for exponent in ["1e3", "2E2", "1,5e2", "1e-3"] {
            assert!(
                matches!(decimal(exponent), Err(Problem::ExponentNotation { .. })),
                "{exponent}"
            );
        }
        for wrong in ["1,000.5", "2,5,0", "abc", "1e999", "NaN", "inf", "infinity"] {
            assert!(
                matches!(decimal(wrong), Err(Problem::NotANumber { .. })),
                "{wrong}"
            );
        }
    }
}
