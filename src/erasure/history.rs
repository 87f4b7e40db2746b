//! Removing the old versions from the git history. An erasure commits the
//! new state, but every earlier commit — in this clone, on the server and in
//! every colleague's clone — still holds the old client file and the old
//! notes. `git filter-repo` (Debian package `git-filter-repo`) rewrites the
//! history; the steps are printed, never run by quartier: rewriting a shared
//! history needs everybody's clones to be replaced and a backup first.
//!
//! What is removed is exact: the git objects ("blobs") of every earlier
//! version of the erased client's file and of the records that got the new
//! code — found in every commit of every branch of this clone — and the old
//! code in commit messages. Nothing else is touched. (Replacing the removed
//! texts as strings, as the first version did, also hit the same note in
//! other people's records — `notes = "Rückruf"` became `notes = ***`, a
//! broken file in the current state — and missed every earlier wording of
//! a note that had been changed.)

use super::Erasure;
use crate::error::{CommandError, Result};
use crate::model::Lang;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The two files `git filter-repo` reads, in the temporary folder, readable
/// by the user only.
#[derive(Debug, Clone)]
pub struct PurgeFiles {
    /// `--strip-blobs-with-ids`: one blob id a line.
    pub blobs: PathBuf,
    /// `--replace-message`: `literal:K-OLD==>***` a line.
    pub messages: PathBuf,
    /// How many old versions are listed.
    pub versions: usize,
}

/// The blob ids of every version of the erasures' files in this clone's
/// history (all branches, remote-tracking and backup refs, merges too),
/// except the versions committed now.
pub fn old_blobs(root: &Path, erasures: &[Erasure]) -> Result<BTreeSet<String>> {
    let mut args: Vec<String> = [
        "log",
        "--all",
        "-m",
        "--no-renames",
        "--format=",
        "--raw",
        "--no-abbrev",
        "--",
    ]
    .map(String::from)
    .to_vec();
    for e in erasures {
        args.push(format!(":(glob)**/{}.toml", e.code));
        args.extend(e.records.iter().map(|r| format!(":(glob)**/{}.toml", r.id)));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let raw = crate::git::git_ok(root, &args)?;
    let mut blobs = BTreeSet::new();
    for line in raw.lines().filter(|l| l.starts_with(':')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        for id in fields.iter().skip(2).take(2) {
            if id.len() >= 40
                && id.bytes().all(|b| b.is_ascii_hexdigit())
                && id.bytes().any(|b| b != b'0')
            {
                blobs.insert((*id).to_string());
            }
        }
    }
    // the versions just committed stay
    let now: Vec<String> = erasures
        .iter()
        .flat_map(|e| {
            std::iter::once(e.new_client_path.clone())
                .chain(e.records.iter().map(|r| r.path.clone()))
        })
        .filter(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if !now.is_empty() {
        let mut args = vec!["hash-object", "--"];
        args.extend(now.iter().map(String::as_str));
        for id in crate::git::git_ok(root, &args)?.lines() {
            blobs.remove(id.trim());
        }
    }
    Ok(blobs)
}

/// Writes the files for `git filter-repo` for `erasures` in the git
/// repository at `root` (after their commit).
pub fn write_purge_files(root: &Path, erasures: &[Erasure]) -> Result<PurgeFiles> {
    let blobs = old_blobs(root, erasures)?;
    let stem = format!(
        "quartier-erase-{}",
        erasures.first().map_or("none", |e| e.new_code.as_str())
    );
    let dir = std::env::temp_dir();
    let files = PurgeFiles {
        blobs: dir.join(format!("{stem}-versions.txt")),
        messages: dir.join(format!("{stem}-messages.txt")),
        versions: blobs.len(),
    };
    let list: String = blobs.iter().map(|b| format!("{b}\n")).collect();
    write_private(&files.blobs, &list)?;
    let messages: String = erasures
        .iter()
        .map(|e| format!("literal:{}==>***\n", e.code))
        .collect();
    write_private(&files.messages, &messages)?;
    Ok(files)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::remove_file(path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| CommandError::io(crate::error::IoAction::Write, path, &e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| CommandError::io(crate::error::IoAction::Write, path, &e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text)
        .map_err(|e| CommandError::io(crate::error::IoAction::Write, path, &e))
}

/// The steps that purge the old versions with `files`.
pub fn purge_steps(lang: Lang, erasures: &[Erasure], files: &PurgeFiles) -> String {
    let codes: Vec<&str> = erasures.iter().map(|e| e.code.as_str()).collect();
    let grep: String = codes.iter().map(|c| format!(" -e {c}")).collect();
    let filter = format!(
        "git filter-repo --strip-blobs-with-ids {} --replace-message {} --replace-refs delete-no-add",
        files.blobs.display(),
        files.messages.display()
    );
    let (blobs, messages, n) = (
        files.blobs.display(),
        files.messages.display(),
        files.versions,
    );
    let de = format!(
        "Die alten Fassungen ({n}) stehen weiter in der Git-Geschichte: in diesem Klon, auf dem Server und in jedem anderen Klon. So werden sie entfernt (git filter-repo: Debian-Paket git-filter-repo):
  1. Alle Kolleginnen und Kollegen: `quartier sync`, dann im Ordner nichts mehr ändern, bis Schritt 6 erledigt ist.
  2. Sicherung: git clone --mirror SERVER-ADRESSE records-sicherung.git
  3. Frische Kopie: git clone --mirror SERVER-ADRESSE records-bereinigen.git && cd records-bereinigen.git
  4. {filter}
  5. Prüfen: git log --all -p | grep -c{grep}   (muss 0 ergeben), dann: git push --force --mirror SERVER-ADRESSE
     Auf einem eigenen Server danach dort: git reflog expire --expire=now --all && git gc --prune=now (ein Hosting-Dienst: seine Aufräum-Funktion oder der Support).
  6. Jeder Klon wird gelöscht und neu geklont (git clone SERVER-ADRESSE …, dann quartier git-hook install): nie `git pull` in einen alten Klon, das holt die alte Geschichte zurück.
  7. {blobs} und {messages} und, wenn alles stimmt, die Sicherung löschen.
Schritt 4 entfernt genau die früheren Fassungen dieser Dateien (aus allen Zweigen dieses Klons) und den alten Code in Commit-Nachrichten, sonst nichts. Alle Commit-IDs ändern sich."
    );
    let en = format!(
        "The old versions ({n}) are still in the git history: in this clone, on the server and in every other clone. To remove them (git filter-repo: Debian package git-filter-repo):
  1. Everybody: `quartier sync`, then change nothing in the folder until step 6 is done.
  2. Backup: git clone --mirror SERVER-URL records-backup.git
  3. Fresh copy: git clone --mirror SERVER-URL records-purge.git && cd records-purge.git
  4. {filter}
  5. Check: git log --all -p | grep -c{grep}   (must give 0), then: git push --force --mirror SERVER-URL
     On a server of your own, then run there: git reflog expire --expire=now --all && git gc --prune=now (a hosting service: its housekeeping function or support).
  6. Every clone is deleted and cloned anew (git clone SERVER-URL …, then quartier git-hook install): never `git pull` into an old clone, it brings the old history back.
  7. Delete {blobs} and {messages} and, once all is well, the backup.
Step 4 removes exactly the earlier versions of these files (from every branch of this clone) and the old code in commit messages, nothing else. Every commit id changes."
    );
    lang.pick(&de, &en).to_string()
}
