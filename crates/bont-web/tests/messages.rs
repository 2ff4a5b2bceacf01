//! Tidy check: every message the code or a template asks for exists in every locale
//! file, and every message in a locale file is asked for somewhere.

use bont_core::vocabulary::{Allergy, Condition, Indication, MedicationClass};
use bont_core::{Language, Role, patient::Sex};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// String literals passed to `t(`, `t_with(` and `field(` (fields have `field-` ids).
fn requested_ids(text: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (call, prefix) in [(".t(\"", ""), (".t_with(\"", ""), (".field(\"", "field-")] {
        for piece in text.split(call).skip(1) {
            if let Some(id) = piece.split('"').next()
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                ids.insert(format!("{prefix}{id}"));
            }
        }
    }
    // ids chosen by a condition: `t(if x { "a" } else { "b" })`
    for piece in text.split("tr.t(if ").skip(1) {
        let head = piece.split(')').next().unwrap_or_default();
        for quoted in head.split('"').skip(1).step_by(2) {
            ids.insert(quoted.to_owned());
        }
    }
    ids
}

fn defined_ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
        .map(|l| l.split(" =").next().unwrap_or_default().trim().to_owned())
        .collect()
}

#[test]
fn every_requested_message_exists_and_every_message_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("src"), &mut files);
    files_under(&root.join("templates"), &mut files);
    let mut requested = BTreeSet::new();
    // Every quoted string of the sources, for ids chosen in code (`message_id`).
    let mut literals = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("text file");
        let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join("");
        requested.extend(requested_ids(&squeezed));
        literals.extend(text.split('"').skip(1).step_by(2).map(str::to_owned));
    }
    // Ids built at run time from the domain's code lists and field names.
    fn dynamic(prefix: &str, ids: Vec<&str>) -> Vec<String> {
        ids.into_iter().map(|id| format!("{prefix}-{id}")).collect()
    }
    requested.extend(dynamic("role", Role::ALL.iter().map(|r| r.id()).collect()));
    requested.extend(dynamic("sex", Sex::ALL.iter().map(|s| s.id()).collect()));
    requested.extend(dynamic(
        "identifier-kind",
        [
            "name",
            "email",
            "phone",
            "birth_date",
            "address",
            "name_label",
        ]
        .to_vec(),
    ));
    requested.extend(dynamic(
        "finding",
        bont_core::safety::check::FINDING_CODES.to_vec(),
    ));
    requested.extend(dynamic("state", bont_db::WRONG_STATES.to_vec()));
    requested.extend(dynamic(
        "finding-detail",
        bont_core::safety::detail::DETAIL_IDS.to_vec(),
    ));
    requested.extend(dynamic(
        "token-scope",
        bont_core::user::TokenScope::ALL
            .iter()
            .map(|s| s.id())
            .collect(),
    ));
    requested.extend(dynamic(
        "indication",
        Indication::ALL.iter().map(|v| v.id()).collect(),
    ));
    requested.extend(dynamic(
        "condition",
        Condition::ALL.iter().map(|v| v.id()).collect(),
    ));
    requested.extend(dynamic(
        "allergy",
        Allergy::ALL.iter().map(|v| v.id()).collect(),
    ));
    let templates: Vec<String> = bont_core::templates::builtin()
        .into_iter()
        .map(|t| t.id)
        .collect();
    requested.extend(dynamic(
        "template",
        templates.iter().map(String::as_str).collect(),
    ));
    requested.extend(dynamic(
        "side",
        bont_core::safety::plan::Side::ALL
            .iter()
            .map(|s| s.as_str())
            .collect(),
    ));
    requested.extend(dynamic(
        "guidance",
        bont_core::safety::plan::GUIDANCE.to_vec(),
    ));
    requested.extend(dynamic(
        "anaesthesia",
        bont_core::treatment::ANAESTHESIA.to_vec(),
    ));
    requested.extend(dynamic(
        "override-kind",
        bont_core::treatment::OVERRIDE_KINDS.to_vec(),
    ));
    requested.extend(dynamic(
        "medication-class",
        MedicationClass::ALL.iter().map(|v| v.id()).collect(),
    ));
    let book = bont_core::outcomes::OutcomeBook::builtin();
    requested.extend(dynamic(
        "adverse",
        book.adverse_events.iter().map(|a| a.id.as_str()).collect(),
    ));
    requested.extend(dynamic(
        "scale-part",
        book.scales
            .iter()
            .flat_map(|s| s.parts.iter().map(|p| p.id.as_str()))
            .collect(),
    ));
    use bont_core::outcomes::adverse::{ACTIONS, OUTCOMES, SEVERITIES};
    requested.extend(dynamic("severity", SEVERITIES.to_vec()));
    requested.extend(dynamic("ae-outcome", OUTCOMES.to_vec()));
    requested.extend(dynamic("ae-action", ACTIONS.to_vec()));
    requested.extend(dynamic(
        "timepoint",
        bont_core::outcomes::assessment::Timepoint::ALL
            .iter()
            .map(|t| t.id())
            .collect(),
    ));
    requested.extend(dynamic(
        "follow-up",
        bont_core::outcomes::FollowUpKind::ALL
            .iter()
            .map(|k| k.id())
            .collect(),
    ));
    use bont_core::outcomes::schedule::Standing;
    requested.extend(dynamic(
        "standing",
        [Standing::Overdue, Standing::DueThisWeek, Standing::Upcoming]
            .iter()
            .map(|s| s.id())
            .collect(),
    ));
    // How a follow-up closes (see bont-db's follow_ups.closed_as).
    requested.extend(dynamic(
        "closed-as",
        vec![
            "reached",
            "assessed",
            "reinjected",
            "superseded",
            "session_void",
            "rescheduled",
        ],
    ));
    requested.extend(dynamic(
        "contact",
        bont_db::outcomes::ContactResult::ALL
            .iter()
            .map(|r| r.id())
            .collect(),
    ));
    requested.extend(dynamic(
        "goal-domain",
        bont_core::outcomes::goals::GoalDomain::ALL
            .iter()
            .map(|d| d.id())
            .collect(),
    ));
    requested.extend(dynamic(
        "goal-level",
        vec!["minus2", "minus1", "0", "plus1", "plus2"],
    ));
    requested.extend(dynamic(
        "worklist-view",
        vec![
            "all",
            "due_this_week",
            "overdue",
            "upcoming",
            "never_followed_up",
        ],
    ));
    requested.extend(dynamic(
        "non-response-step",
        bont_core::outcomes::response::NEXT_STEPS.to_vec(),
    ));
    let input_fields =
        serde_json::to_value(bont_core::patient::PatientInput::default()).expect("json");
    requested.extend(
        input_fields
            .as_object()
            .expect("object")
            .keys()
            .map(|k| format!("field-{k}")),
    );
    for field in [
        "username",
        "display_name",
        "role",
        "language",
        "password",
        "password_repeat",
        "current_password",
        "template_name",
        // Parts of a plan's or form's field paths (`session.injections[0].units`).
        "units",
        "sites",
        "muscle",
        "side",
        "guidance",
        "lot",
        "expiry",
        "time",
        "anaesthesia",
        "duration_minutes",
        "vial_units",
        "diluent_ml",
        "product",
        "date",
        "scale",
        "indication",
        "overrides",
        "total_units",
        "history",
        "injections",
        "vials",
        "items",
        "rows",
        "quality",
        "r1",
        "r2",
        "result",
        "booked_on",
        "note",
        "parts",
        // The clinic's after-care advice, one field per language.
        "advice_en",
        "advice_pl",
        "advice_ru",
        "advice_ar",
    ] {
        requested.insert(format!("field-{field}"));
    }

    let locales = root.join("locales");
    let mut checked = 0;
    for language in Language::ALL {
        let folder = locales.join(language.code());
        assert!(folder.exists(), "{language}: no message files");
        let mut defined = BTreeSet::new();
        // Messages that other messages take in (`{ finding-detail-whose }`).
        let mut referenced = BTreeSet::new();
        let mut ftl_files = Vec::new();
        files_under(&folder, &mut ftl_files);
        for f in ftl_files {
            let ftl = std::fs::read_to_string(f).expect("ftl");
            defined.extend(defined_ids(&ftl));
            for piece in ftl.split("{ ").skip(1) {
                let id = piece.split(' ').next().unwrap_or_default();
                if id.starts_with(|c: char| c.is_ascii_lowercase()) {
                    referenced.insert(id.to_owned());
                }
            }
        }
        let missing: Vec<_> = requested.difference(&defined).collect();
        assert!(
            missing.is_empty(),
            "{language}: messages missing: {missing:?}"
        );
        let problem_ids: BTreeSet<String> = defined
            .iter()
            .filter(|d| d.starts_with("problem-"))
            .cloned()
            .collect();
        let unused: Vec<_> = defined
            .difference(&requested)
            .filter(|d| {
                !problem_ids.contains(*d) && !literals.contains(*d) && !referenced.contains(*d)
            })
            .collect();
        assert!(
            unused.is_empty(),
            "{language}: messages never used: {unused:?}"
        );
        checked += 1;
    }
    assert_eq!(checked, Language::ALL.len());
}
