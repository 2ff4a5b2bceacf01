//! `bont worklist`: the same worklist as the web page, printed for a day as text for
//! people, CSV for spreadsheets or JSON for other programs.

use crate::audit::csv_field;
use bont_db::outcomes::NeverFollowedUp;
use bont_web::api::outcomes::WorklistLine;
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Text,
    Csv,
    Json,
}

const COLUMNS: [&str; 12] = [
    "standing",
    "due",
    "booked_on",
    "follow_up",
    "record_number",
    "patient",
    "phone",
    "indication",
    "session_date",
    "dose",
    "physician",
    "serious_adverse_event",
];

fn cells(line: &WorklistLine) -> [String; 12] {
    let f = &line.row.follow_up;
    [
        line.standing.id().to_owned(),
        f.due_on.to_string(),
        f.booked_on.map(|d| d.to_string()).unwrap_or_default(),
        f.kind.id().to_owned(),
        line.record_number.clone(),
        line.patient_name.clone(),
        line.phone.clone().unwrap_or_default(),
        line.row.indication.clone(),
        line.row.session_date.to_string(),
        // Units always with their product: units of different products never mix.
        format!("{} U {}", line.row.total_units, line.row.product),
        line.row.physician.clone().unwrap_or_default(),
        if line.row.alarming_event { "yes" } else { "" }.to_owned(),
    ]
}

pub fn render(
    format: Format,
    day: Date,
    lines: &[WorklistLine],
    never: &[NeverFollowedUp],
) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        Format::Json => {
            let never: Vec<serde_json::Value> = never
                .iter()
                .map(|n| {
                    let mut v = serde_json::to_value(n).unwrap_or_default();
                    v["patient_name"] = n.patient.record.name.display().into();
                    v["record_number"] = n.patient.record.record_number.to_string().into();
                    v
                })
                .collect();
            out = serde_json::to_string_pretty(&serde_json::json!({
                "date": day,
                "follow_ups": lines,
                "never_followed_up": never,
            }))?;
            out.push('\n');
        }
        Format::Csv => {
            out.push_str(&COLUMNS.join(","));
            out.push('\n');
            for line in lines {
                let row: Vec<String> = cells(line).iter().map(|c| csv_field(c)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
            for n in never {
                let row = [
                    "never_followed_up".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    n.patient.record.record_number.to_string(),
                    n.patient.record.name.display(),
                    String::new(),
                    n.indication.clone(),
                    n.session_date.to_string(),
                    String::new(),
                    n.physician.clone().unwrap_or_default(),
                    String::new(),
                ];
                let row: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
        Format::Text => {
            out.push_str(&format!("Worklist for {day}\n"));
            if lines.is_empty() {
                out.push_str("Nothing to follow up.\n");
            }
            for line in lines {
                let c = cells(line);
                let booked = if c[2].is_empty() {
                    String::new()
                } else {
                    format!(" (visit booked {})", c[2])
                };
                let alarm = if line.row.alarming_event {
                    "  [serious adverse event on record]"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{:<14} {} {:<16} {:<10} {:<28} {:<16} {} {} ({}){booked}{alarm}\n",
                    c[0], c[1], c[3], c[4], c[5], c[6], c[8], c[9], c[7]
                ));
            }
            if !never.is_empty() {
                out.push_str(&format!(
                    "\nSessions never followed up ({}):\n",
                    never.len()
                ));
                for n in never {
                    out.push_str(&format!(
                        "  {} {:<10} {:<28} {}\n",
                        n.session_date,
                        n.patient.record.record_number,
                        n.patient.record.name.display(),
                        n.indication
                    ));
                }
            }
        }
    }
    Ok(out)
}
