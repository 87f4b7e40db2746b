//! Reading `quartier.toml` into settings plus findings. `check` goes on with
//! whatever could be read, so that one broken setting never hides the
//! problems of the record files.

use super::file::read_text;
use super::load::{conflict_markers, to_finding};
use super::{CONFIG_FILE, Finding, Store, line_of};
use crate::model::Config;
use crate::model::config::DEFAULT_CONFIG;
use crate::model::read::read_config;
use toml::de::DeTable;

/// How many broken lines are left out before salvaging gives up.
const SALVAGE_ATTEMPTS: usize = 64;

impl Store {
    /// Reads `quartier.toml`: its settings (as much as could be read, else the
    /// built-in defaults) and every problem in it.
    pub fn config_checked(&self) -> (Config, Vec<Finding>) {
        let path = self.root().join(CONFIG_FILE);
        let mut findings = Vec::new();
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            findings.push(Finding::error(&path, None, crate::finding!("file-link")));
            return (default_config(), findings);
        }
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(message) => {
                findings.push(Finding::error(&path, None, message));
                return (default_config(), findings);
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let markers = conflict_markers(text);
        if !markers.is_empty() {
            for line in markers {
                findings.push(Finding::error(
                    &path,
                    Some(line),
                    crate::finding!("config-conflict-marker"),
                ));
            }
            return (salvage(&our_side(text)), findings);
        }
        let (config, problems) = read_config(text);
        findings.extend(problems.into_iter().map(|p| to_finding(&path, text, p)));
        (config.unwrap_or_else(|| salvage(text)), findings)
    }
}

fn default_config() -> Config {
    read_config(DEFAULT_CONFIG)
        .0
        .expect("the built-in quartier.toml is valid")
}

/// The settings of a file with broken TOML: its broken lines are left out one
/// by one until the rest reads.
fn salvage(text: &str) -> Config {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    for _ in 0..SALVAGE_ATTEMPTS {
        let joined = lines.concat();
        let span = match DeTable::parse(&joined) {
            Ok(_) => return read_config(&joined).0.unwrap_or_else(default_config),
            Err(e) => e.span(),
        };
        let Some(line) = span.map(|s| line_of(&joined, s.start) - 1) else {
            break;
        };
        match lines.get_mut(line) {
            Some(l) if !l.trim().is_empty() => *l = "\n".to_string(),
            _ => break,
        }
    }
    default_config()
}

/// The text with git's conflict markers and the other side's lines blanked,
/// line numbers unchanged.
fn our_side(text: &str) -> String {
    let mut theirs = false;
    text.split_inclusive('\n')
        .map(|l| {
            let marker = l.starts_with("<<<<<<<")
                || l.starts_with(">>>>>>>")
                || l.starts_with("|||||||")
                || l.trim_end() == "=======";
            if l.starts_with("|||||||") || l.trim_end() == "=======" {
                theirs = true;
            } else if l.starts_with(">>>>>>>") {
                theirs = false;
            }
            if marker || theirs { "\n" } else { l }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_are_left_out() {
        let c = salvage(
            "[office]\nname = \"x\nlanguage = \"en\"\n[area]\ndistricts = [\"Nord\", \"Süd\"]\n",
        );
        assert_eq!(c.office.language, crate::model::Lang::En);
        assert_eq!(c.area.districts, ["Nord", "Süd"]);
    }

    #[test]
    fn conflicts_keep_our_side() {
        let t =
            "[area]\n<<<<<<< HEAD\ndistricts = [\"A\"]\n=======\ndistricts = [\"B\"]\n>>>>>>> x\n";
        let ours = our_side(t);
        assert_eq!(ours.lines().count(), t.lines().count());
        assert!(ours.contains("[\"A\"]") && !ours.contains("[\"B\"]"));
    }
}
