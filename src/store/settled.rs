//! The index of settled referrals: which referral files held, when last
//! read, a referral closed on a known day (done, failed or withdrawn)
//! without any error. A report of October needs every referral still open
//! at the end of October, so without the index it reads every referral
//! ever made; with it, a referral made before the months the report counts
//! and closed before them is left unread — it is in no figure.
//!
//! An entry is trusted only while the file has the inode, size,
//! modification and change time it had when read (as git trusts its
//! index); a file changed less than two seconds before it was read is not
//! entered (a change within the clock's granularity could go unseen). The
//! index is a cache outside the records folder (`$XDG_CACHE_HOME/quartier`
//! or `~/.cache/quartier`): losing it costs time, never a figure.

use crate::model::{Record, ReferralStatus};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const HEADER: &str = "quartier settled referrals 1";

/// What identifies the content of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    ino: u64,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Settled {
    stamp: Stamp,
    closed: NaiveDate,
}

/// The index while a folder is loaded: what it knew, and what this load adds.
pub(crate) struct SettledIndex {
    file: PathBuf,
    /// Referrals made before the month of `before` and closed before it are left unread.
    before: NaiveDate,
    known: HashMap<PathBuf, Settled>,
    fresh: Mutex<Vec<(PathBuf, Option<Settled>)>>,
}

impl SettledIndex {
    /// The index of the records folder `root`, for a load that needs no
    /// referral closed before `before`; `None` where no cache folder is known.
    pub(crate) fn open(root: &Path, before: NaiveDate) -> Option<SettledIndex> {
        Some(SettledIndex::at(index_file(root)?, before))
    }

    /// The index kept in `file`.
    pub(crate) fn at(file: PathBuf, before: NaiveDate) -> SettledIndex {
        let known = std::fs::read_to_string(&file)
            .ok()
            .map(|text| parse(&text))
            .unwrap_or_default();
        SettledIndex {
            file,
            before,
            known,
            fresh: Mutex::new(Vec::new()),
        }
    }

    /// Whether the referral file `rel` (below `root`, in the month folder of
    /// `year_month`) can be left unread: made before the month of `before`,
    /// unchanged since it was found closed before `before`.
    pub(crate) fn skips(&self, root: &Path, rel: &Path, year_month: Option<(i32, u32)>) -> bool {
        let Some(ym) = year_month else {
            return false;
        };
        if ym >= (self.before.year(), self.before.month()) {
            return false;
        }
        let Some(entry) = self.known.get(rel) else {
            return false;
        };
        entry.closed < self.before
            && std::fs::symlink_metadata(root.join(rel))
                .ok()
                .and_then(|m| stamp(&m, false))
                == Some(entry.stamp)
    }

    /// Notes what reading the referral file `rel` gave: `errors` when any
    /// finding about it was an error.
    pub(crate) fn saw(&self, root: &Path, rel: &Path, record: Option<&Record>, errors: bool) {
        let closed = match record {
            Some(Record::Referral(r)) if !errors && r.status != ReferralStatus::Open => r.closed,
            Some(Record::Referral(_)) | None => None,
            Some(
                Record::Sponsor(_)
                | Record::Partner(_)
                | Record::Client(_)
                | Record::Appointment(_)
                | Record::Event(_)
                | Record::Contact(_),
            ) => None,
        };
        let entry = closed.and_then(|closed| {
            let meta = std::fs::symlink_metadata(root.join(rel)).ok()?;
            Some(Settled {
                stamp: stamp(&meta, true)?,
                closed,
            })
        });
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.push((rel.to_path_buf(), entry));
        }
    }

    /// Writes the index when this load changed it (atomically; a failure
    /// only means the next report reads more).
    pub(crate) fn save(self) {
        let fresh = self.fresh.into_inner().unwrap_or_default();
        let mut all = self.known.clone();
        for (rel, entry) in fresh {
            match entry {
                Some(e) => all.insert(rel, e),
                None => all.remove(&rel),
            };
        }
        if all == self.known {
            return;
        }
        let mut lines: Vec<String> = all
            .iter()
            .filter_map(|(rel, e)| {
                let rel = rel.to_str().filter(|r| !r.contains('\n'))?;
                let s = e.stamp;
                Some(format!(
                    "{} {} {}.{} {}.{} {} {rel}\n",
                    s.ino, s.size, s.mtime.0, s.mtime.1, s.ctime.0, s.ctime.1, e.closed
                ))
            })
            .collect();
        lines.sort_unstable();
        let text = format!("{HEADER}\n{}", lines.concat());
        let Some(dir) = self.file.parent() else {
            return;
        };
        let _ = std::fs::create_dir_all(dir).and_then(|_| {
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            std::io::Write::write_all(&mut tmp, text.as_bytes())?;
            tmp.persist(&self.file).map_err(|e| e.error)?;
            Ok(())
        });
    }
}

/// Where the index of `root` lives: one file per records folder, named by
/// a hash of its absolute path.
fn index_file(root: &Path) -> Option<PathBuf> {
    use sha2::{Digest, Sha256};
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|h| h.join(".cache"))
        })?;
    let root = std::fs::canonicalize(root).ok()?;
    let hash = Sha256::digest(root.as_os_str().as_encoded_bytes());
    let name: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
    Some(
        cache
            .join("quartier")
            .join(format!("{name}-settled-referrals")),
    )
}

fn parse(text: &str) -> HashMap<PathBuf, Settled> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return HashMap::new();
    }
    lines
        .filter_map(|line| {
            let mut parts = line.splitn(6, ' ');
            let ino = parts.next()?.parse().ok()?;
            let size = parts.next()?.parse().ok()?;
            let time = |s: &str| -> Option<(i64, i64)> {
                let (a, b) = s.split_once('.')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            };
            let mtime = time(parts.next()?)?;
            let ctime = time(parts.next()?)?;
            let closed = parts.next()?.parse().ok()?;
            let rel = PathBuf::from(parts.next()?);
            Some((
                rel,
                Settled {
                    stamp: Stamp {
                        ino,
                        size,
                        mtime,
                        ctime,
                    },
                    closed,
                },
            ))
        })
        .collect()
}

/// The stamp of a regular file; with `settled`, none for a file changed so
/// lately that a change after it was read might not show in its times
/// (file times advance in ticks of the kernel's coarse clock, or of whole
/// seconds on some file systems).
#[cfg(unix)]
fn stamp(meta: &std::fs::Metadata, settled: bool) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    if !meta.is_file() {
        return None;
    }
    let s = Stamp {
        ino: meta.ino(),
        size: meta.size(),
        mtime: (meta.mtime(), meta.mtime_nsec()),
        ctime: (meta.ctime(), meta.ctime_nsec()),
    };
    (!settled || long_enough_ago(&s)).then_some(s)
}

#[cfg(unix)]
fn long_enough_ago(s: &Stamp) -> bool {
    if cfg!(test) {
        // the unit tests write a file and read it at once
        return true;
    }
    let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) else {
        return false;
    };
    let ns = |(sec, nsec): (i64, i64)| i128::from(sec) * 1_000_000_000 + i128::from(nsec);
    // whole-second times: two seconds; finer ones: a tenth of a second
    let margin = if s.mtime.1 == 0 && s.ctime.1 == 0 {
        2_000_000_000
    } else {
        100_000_000
    };
    ns(s.mtime).max(ns(s.ctime)) + margin < now.as_nanos() as i128
}

#[cfg(not(unix))]
fn stamp(_meta: &std::fs::Metadata, _settled: bool) -> Option<Stamp> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_reads_what_it_writes() {
        let dir = tempfile::tempdir().unwrap();
        let index = SettledIndex {
            file: dir.path().join("x/index"),
            before: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            known: HashMap::new(),
            fresh: Mutex::new(vec![(
                PathBuf::from("referrals/2020/01/ref-20200101-ab12 c.toml"),
                Some(Settled {
                    stamp: Stamp {
                        ino: 7,
                        size: 120,
                        mtime: (1_600_000_000, 5),
                        ctime: (1_600_000_001, 999_999_999),
                    },
                    closed: NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
                }),
            )]),
        };
        let file = index.file.clone();
        index.save();
        let read = parse(&std::fs::read_to_string(file).unwrap());
        assert_eq!(read.len(), 1);
        let e = read[Path::new("referrals/2020/01/ref-20200101-ab12 c.toml")];
        assert_eq!(e.stamp.ctime, (1_600_000_001, 999_999_999));
        assert_eq!(e.closed.to_string(), "2020-03-01");
        assert!(parse("another header\n1 2 3.4 5.6 2020-01-01 x\n").is_empty());
    }
}
