//! Removing the old versions from the git history. An erasure commits the
//! new state, but every earlier commit — in this clone, on the server and in
//! every colleague's clone — still holds the old client file and the old
//! notes. `git filter-repo` (Debian package `git-filter-repo`) rewrites the
//! history; the steps are printed, never run by quartier: rewriting a shared
//! history needs everybody's clones to be replaced and a backup first.

use super::Erasure;
use crate::error::{CommandError, Result};
use crate::model::{Kind, Lang};
use std::path::{Path, PathBuf};

/// Writes the `--replace-text` file for `git filter-repo`: every old code
/// becomes its new one, every removed free text `***`. It holds the very
/// texts that are to disappear, so it is written outside the records folder,
/// readable by the user only; the steps say to delete it.
pub fn write_expressions(erasures: &[Erasure]) -> Result<PathBuf> {
    let mut text = String::new();
    for e in erasures {
        text.push_str(&format!("literal:{}==>{}\n", e.code, e.new_code));
        for r in &e.removed_texts {
            text.push_str(&format!("literal:{r}==>***\n"));
        }
    }
    let name = format!(
        "quartier-erase-{}.txt",
        erasures.first().map_or("none", |e| e.new_code.as_str())
    );
    let path = std::env::temp_dir().join(name);
    write_private(&path, &text)?;
    Ok(path)
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| CommandError::io("write", path, &e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| CommandError::io("write", path, &e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| CommandError::io("write", path, &e))
}

/// The steps that purge the old versions, for the files below `prefix` (the
/// records folder's path inside its repository, empty at the top).
pub fn purge_steps(
    lang: Lang,
    prefix: &Path,
    erasures: &[Erasure],
    expressions: Option<&Path>,
) -> String {
    let prefix = prefix
        .components()
        .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
        .collect::<String>();
    let paths: String = erasures
        .iter()
        .map(|e| format!(" --path {prefix}{}/{}.toml", Kind::Client.folder(), e.code))
        .collect();
    let expr = expressions.map_or_else(
        || {
            lang.pick("<Ersetzungsdatei>", "<replacements file>")
                .to_string()
        },
        |p| p.display().to_string(),
    );
    let de = format!(
        "Die alten Fassungen stehen weiter in der Git-Geschichte: in diesem Klon, auf dem Server und in jedem anderen Klon. So werden sie entfernt (git filter-repo: Debian-Paket git-filter-repo):
  1. Alle Kolleginnen und Kollegen: `quartier sync`, dann im Ordner nichts mehr ändern, bis Schritt 6 erledigt ist.
  2. Sicherung: git clone --mirror SERVER-ADRESSE records-sicherung.git
  3. Frische Kopie: git clone --mirror SERVER-ADRESSE records-bereinigen.git && cd records-bereinigen.git
  4. git filter-repo --invert-paths{paths}
     git filter-repo --replace-text {expr}
  5. Prüfen (git log -p | grep …), dann: git push --force --mirror SERVER-ADRESSE
  6. Jeder Klon wird gelöscht und neu geklont (git clone SERVER-ADRESSE …): alte Klone enthalten die alten Fassungen weiter.
  7. Die Ersetzungsdatei {expr} und, wenn alles stimmt, die Sicherung löschen — beide enthalten die entfernten Daten.
Ältere Fassungen einer Notiz, die vor dem Löschen schon einmal geändert wurde, kennt die Ersetzungsdatei nicht: mit `git log -p -- DATEI` prüfen."
    );
    let en = format!(
        "The old versions are still in the git history: in this clone, on the server and in every other clone. To remove them (git filter-repo: Debian package git-filter-repo):
  1. Everybody: `quartier sync`, then change nothing in the folder until step 6 is done.
  2. Backup: git clone --mirror SERVER-URL records-backup.git
  3. Fresh copy: git clone --mirror SERVER-URL records-purge.git && cd records-purge.git
  4. git filter-repo --invert-paths{paths}
     git filter-repo --replace-text {expr}
  5. Check (git log -p | grep …), then: git push --force --mirror SERVER-URL
  6. Every clone is deleted and cloned anew (git clone SERVER-URL …): old clones still hold the old versions.
  7. Delete the replacements file {expr} and, once all is well, the backup — both hold the removed data.
Earlier versions of a note that was changed before the erasure are not in the replacements file: check with `git log -p -- FILE`."
    );
    lang.pick(&de, &en).to_string()
}
