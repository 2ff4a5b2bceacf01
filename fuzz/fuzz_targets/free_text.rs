//! Free text in any script through the identifier warnings and the search key.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for warning in bont_core::identifiers::find("notes", text) {
        assert!(text.contains(warning.found.as_str()));
    }
    let _ = bont_core::text::search_key(text);
});
