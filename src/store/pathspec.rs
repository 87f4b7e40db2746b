//! What git is asked about for a report's `source.dirty`: the folders a
//! [`Scope`] reads, as few git pathspecs as say it. Git matches every entry
//! of its index against every pathspec, so one spec per month folder (two
//! hundred for every referral up to October) cost more than the report
//! itself on a folder of 100,000 records; a year read whole is one spec,
//! and a kind read up to one month is its folder less the later months.

use super::Scope;
use super::load::parse_year_month;
use crate::model::Kind;
use std::path::{Path, PathBuf};

/// One git pathspec: the files below `path` (relative to the records
/// folder), or with `exclude` none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pathspec {
    pub path: PathBuf,
    pub exclude: bool,
}

impl Pathspec {
    pub fn include(path: PathBuf) -> Pathspec {
        Pathspec {
            path,
            exclude: false,
        }
    }

    pub fn exclude(path: PathBuf) -> Pathspec {
        Pathspec {
            path,
            exclude: true,
        }
    }

    /// As git takes it: literal (no wildcards), `exclude` magic when it is one.
    pub fn to_git(&self) -> String {
        let magic = if self.exclude {
            "exclude,literal"
        } else {
            "literal"
        };
        format!(":({magic}){}", self.path.to_string_lossy())
    }
}

impl Scope {
    /// The files below `root` whose records this scope reads, as pathspecs:
    /// a whole kind folder when every month is wanted; else each year folder
    /// wanted whole and each month folder in range — or, when that is
    /// shorter, the kind folder less the year and month folders out of
    /// range. Only folders that exist are named, so a deleted month folder
    /// after the period may count as a change (never the other way round).
    pub fn pathspecs(&self, root: &Path) -> Vec<Pathspec> {
        let mut out = Vec::new();
        for kind in Kind::ALL {
            let folder = PathBuf::from(kind.folder());
            if !kind.is_dated() {
                if self.wants_undated(kind) {
                    out.push(Pathspec::include(folder));
                }
                continue;
            }
            let ranges = self.months_of(kind);
            if ranges.is_empty() {
                continue;
            }
            let wanted = |ym: (i32, u32)| ranges.iter().any(|r| r.contains(ym));
            if (1..=12).all(|m| wanted((i32::MIN, m)) && wanted((i32::MAX, m))) {
                // every month there can be
                out.push(Pathspec::include(folder));
                continue;
            }
            let (mut include, mut exclude) = (Vec::new(), vec![Pathspec::include(folder.clone())]);
            for (year, months) in year_folders(&root.join(&folder)) {
                let y = folder.join(format!("{year:04}"));
                let wanted_months = (1..=12).filter(|m| wanted((year, *m))).count();
                match wanted_months {
                    12 => include.push(Pathspec::include(y)),
                    0 => exclude.push(Pathspec::exclude(y)),
                    _ => {
                        for m in months {
                            let path = y.join(format!("{m:02}"));
                            if wanted((year, m)) {
                                include.push(Pathspec::include(path));
                            } else {
                                exclude.push(Pathspec::exclude(path));
                            }
                        }
                    }
                }
            }
            out.extend(if exclude.len() < include.len() {
                exclude
            } else {
                include
            });
        }
        out
    }
}

/// The `YYYY` folders in `dir`, sorted, each with its `MM` folders, sorted.
fn year_folders(dir: &Path) -> Vec<(i32, Vec<u32>)> {
    let Ok(years) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(i32, Vec<u32>)> = years
        .filter_map(|y| y.ok())
        .filter(|y| y.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|y| {
            let name = y.file_name().to_str()?.to_string();
            let (year, _) = parse_year_month(&name, "01")?;
            let mut months: Vec<u32> = std::fs::read_dir(y.path())
                .map(|inner| {
                    inner
                        .filter_map(|m| {
                            let m = m.ok()?;
                            parse_year_month(&name, m.file_name().to_str()?).map(|(_, m)| m)
                        })
                        .collect()
                })
                .unwrap_or_default();
            months.sort_unstable();
            Some((year, months))
        })
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MonthRange;

    fn folder_with_months(months: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for m in months {
            std::fs::create_dir_all(dir.path().join(m)).unwrap();
        }
        dir
    }

    fn specs(scope: &Scope, root: &Path) -> Vec<String> {
        scope.pathspecs(root).iter().map(Pathspec::to_git).collect()
    }

    #[test]
    fn every_referral_up_to_october_is_the_folder_less_the_later_months() {
        let mut months = Vec::new();
        for y in 2010..=2026 {
            for m in 1..=12 {
                months.push(format!("referrals/{y}/{m:02}"));
            }
        }
        months.push("appointments/2025/12".into());
        months.push("appointments/2026/09".into());
        months.push("appointments/2026/10".into());
        months.push("appointments/2026/11".into());
        let refs: Vec<&str> = months.iter().map(String::as_str).collect();
        let dir = folder_with_months(&refs);
        let to = Some((2026, 10));
        let scope = Scope {
            undated: true,
            undated_only: vec![Kind::Sponsor],
            appointments: vec![MonthRange {
                from: Some((2026, 1)),
                to,
            }],
            referrals: vec![MonthRange { from: None, to }],
            events: vec![MonthRange {
                from: Some((2026, 1)),
                to,
            }],
            contacts: Vec::new(),
        };
        assert_eq!(
            specs(&scope, dir.path()),
            [
                ":(literal)sponsors",
                // two months in range: named
                ":(literal)appointments/2026/09",
                ":(literal)appointments/2026/10",
                ":(literal)referrals",
                ":(exclude,literal)referrals/2026/11",
                ":(exclude,literal)referrals/2026/12",
                // no events folder: nothing to ask about
            ]
        );
    }

    #[test]
    fn a_year_read_whole_is_one_spec_and_all_months_the_kind_folder() {
        let dir = folder_with_months(&[
            "appointments/2024/12",
            "appointments/2025/01",
            "appointments/2025/07",
            "appointments/2026/01",
            "events/2025/03",
        ]);
        let year = vec![MonthRange {
            from: Some((2025, 1)),
            to: Some((2025, 12)),
        }];
        let scope = Scope {
            undated: false,
            undated_only: Vec::new(),
            appointments: year.clone(),
            referrals: vec![MonthRange::ALL],
            events: year,
            contacts: Vec::new(),
        };
        assert_eq!(
            specs(&scope, dir.path()),
            [
                ":(literal)appointments/2025",
                ":(literal)referrals",
                ":(literal)events/2025"
            ]
        );
        assert!(Scope::default().pathspecs(dir.path()).is_empty());
    }
}
