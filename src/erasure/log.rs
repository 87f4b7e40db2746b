//! `retention-log.toml`: one `[[runs]]` table per erasure or retention run —
//! the day, the cut-off, how many clients and records were changed, and who
//! ran it. Never a code, a name or a free text: the log holds no personal data.

use crate::error::Result;
use chrono::NaiveDate;
use std::path::Path;

/// The log's file name in the records folder.
pub const LOG_FILE: &str = "retention-log.toml";

/// One run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// `erase` (one client on request) or `retention`.
    pub kind: &'static str,
    pub date: NaiveDate,
    /// The cut-off of a retention run.
    pub before: Option<NaiveDate>,
    pub clients: usize,
    pub appointments: usize,
    pub referrals: usize,
    /// Staff initials (the personal `staff`), when known.
    pub staff: Option<String>,
}

impl LogLine {
    fn toml(&self) -> String {
        let mut s = format!(
            "\n[[runs]]\nkind = \"{}\"\ndate = {}\n",
            self.kind, self.date
        );
        if let Some(b) = self.before {
            s.push_str(&format!("before = {b}\n"));
        }
        s.push_str(&format!(
            "clients = {}\nappointments = {}\nreferrals = {}\n",
            self.clients, self.appointments, self.referrals
        ));
        if let Some(staff) = &self.staff {
            s.push_str(&format!("staff = {}\n", toml_edit::value(staff.as_str())));
        }
        s
    }
}

const HEADER: &str = "# What erasure (quartier client erase) and retention (quartier retention)\n# removed: counts only, no personal data.\n";

/// Appends `line` to the log in `root` (atomically: the whole file is
/// written anew); returns the log's path.
pub fn append(root: &Path, line: &LogLine) -> Result<std::path::PathBuf> {
    let path = root.join(LOG_FILE);
    let mut text = match crate::store::read_text(&path) {
        Ok(t) => t,
        Err(_) if !path.exists() => HEADER.to_string(),
        Err(m) => {
            return Err(crate::error::CommandError::data(format!(
                "{}: {m}",
                path.display()
            )));
        }
    };
    text.push_str(&line.toml());
    crate::store::atomic_write(&path, text.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_valid_toml_and_append() {
        let dir = tempfile::tempdir().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let line = LogLine {
            kind: "retention",
            date: day,
            before: NaiveDate::from_ymd_opt(2023, 1, 1),
            clients: 2,
            appointments: 5,
            referrals: 1,
            staff: Some("eb".into()),
        };
        append(dir.path(), &line).unwrap();
        append(
            dir.path(),
            &LogLine {
                kind: "erase",
                before: None,
                ..line.clone()
            },
        )
        .unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap();
        let t: toml::Table = text.parse().unwrap();
        let runs = t["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0]["clients"].as_integer(), Some(2));
        assert_eq!(runs[1]["kind"].as_str(), Some("erase"));
        assert!(runs[1].get("before").is_none());
    }
}
