//! A patient record as the web form (URL-encoded) and the JSON API send it.
#![no_main]

use bont_core::patient::{PatientInput, PatientRecord};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = jiff::civil::date(2026, 11, 22);
    let (form, rest) = match data.split_first() {
        Some((first, rest)) => (first % 2 == 0, rest),
        None => return,
    };
    let input: Option<PatientInput> = if form {
        serde_html_form::from_bytes(rest).ok()
    } else {
        serde_json::from_slice(rest).ok()
    };
    if let Some(input) = input
        && let Ok(record) = PatientRecord::parse(&input, today)
    {
        let _ = record.identifier_warnings();
        // What is stored reads back as the same record.
        let again = PatientRecord::parse(&record.to_input(), today).expect("a stored record parses");
        assert_eq!(again, record);
    }
});
