//! Opening and reading one record file safely: never through a symbolic
//! link, never a folder or device, never a file too large to be a record.

use super::MAX_RECORD_BYTES;
use std::path::Path;

use crate::finding;
use crate::i18n::findings::Msg;

/// Reads a text file that is no record (a rules file, a seal, a person's
/// edit) as UTF-8. Text that is not UTF-8 is an `InvalidData` error holding
/// the `FromUtf8Error`, so [`crate::error::IoProblem`] says it by its type.
pub fn read_utf8(path: &Path) -> std::io::Result<String> {
    String::from_utf8(std::fs::read(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

fn cannot_read(e: std::io::Error) -> Msg {
    finding!("cannot-read", problem = crate::error::IoProblem(&e))
}

/// Reads a file as UTF-8 text, refusing anything that cannot be a record:
/// a link, a folder or device, a file too large (never read into memory).
/// The file is opened once (not following a link) and its size and kind are
/// those of that open file: a record replaced by rename in between (every
/// write) is read whole, old or new, never the new one cut at the old size.
pub fn read_text(path: &Path) -> Result<String, Msg> {
    read_regular_file(open_no_follow(path))
}

/// Like [`read_text`] for a file the walk saw as a regular file, opened by
/// `opened` without following a link: it is looked at through the open
/// file, which spares a lookup by path for every record.
pub(super) fn read_regular_file(opened: std::io::Result<std::fs::File>) -> Result<String, Msg> {
    let file = opened.map_err(|e| {
        if is_link_error(&e) {
            finding!("file-link")
        } else {
            cannot_read(e)
        }
    })?;
    let meta = file.metadata().map_err(cannot_read)?;
    if !meta.is_file() {
        return Err(finding!("not-a-file"));
    }
    read_opened(file, &meta)
}

/// Flags that open a record for reading without following a link, waiting
/// for a writer (a named pipe) or taking a terminal.
#[cfg(unix)]
const OPEN_FLAGS: i32 = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY;

#[cfg(unix)]
pub(super) fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(OPEN_FLAGS)
        .open(path)
}

/// A folder opened so that the files in it are opened relative to it: the
/// system then looks up one name per file instead of the whole path.
#[cfg(unix)]
pub(super) fn open_folder(dir: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(dir)
        .ok()
}

/// Opens the file `name` in the open `folder`, like [`open_no_follow`].
#[cfg(unix)]
pub(super) fn open_in(folder: &std::fs::File, name: &str) -> std::io::Result<std::fs::File> {
    use std::os::fd::{AsRawFd, FromRawFd};
    let name = std::ffi::CString::new(name).map_err(|_| std::io::ErrorKind::InvalidInput)?;
    // SAFETY: `name` is NUL-terminated and `folder` stays open during the
    // call; a descriptor returned is new and owned by the `File` made of it.
    unsafe {
        let fd = libc::openat(
            folder.as_raw_fd(),
            name.as_ptr(),
            libc::O_RDONLY | libc::O_CLOEXEC | OPEN_FLAGS,
        );
        if fd < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(std::fs::File::from_raw_fd(fd))
        }
    }
}

/// The error of opening a link with `O_NOFOLLOW`.
#[cfg(unix)]
fn is_link_error(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_error(e: &std::io::Error) -> bool {
    e.to_string() == LINK
}

#[cfg(not(unix))]
pub(super) fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other(LINK));
    }
    std::fs::File::open(path)
}

#[cfg(not(unix))]
pub(super) fn open_folder(_dir: &Path) -> Option<std::fs::File> {
    None
}

#[cfg(not(unix))]
pub(super) fn open_in(_folder: &std::fs::File, _name: &str) -> std::io::Result<std::fs::File> {
    unreachable!("no folder is opened here")
}

/// Reads an opened regular file of the size `meta` gives, at most
/// [`MAX_RECORD_BYTES`], as UTF-8.
fn read_opened(file: std::fs::File, meta: &std::fs::Metadata) -> Result<String, Msg> {
    use std::io::Read;
    let too_large = |len: u64| {
        finding!(
            "file-too-large",
            size = format!("{:.1}", len as f64 / 1_000_000.0)
        )
    };
    if meta.len() > MAX_RECORD_BYTES {
        return Err(too_large(meta.len()));
    }
    // The size is known, so one read is enough: no second read to find the end.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(meta.len())
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        finding!("not-utf8", line = line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record replaced by rename (every quartier write) while it is read:
    /// the text read is always one whole version, never the first bytes of
    /// the new file cut at the old one's length. A cut text of a closed
    /// referral (`status = "done"` without the `closed` line after it) was
    /// once blamed on `referral edit --notes` with exit 2.
    #[cfg(unix)]
    #[test]
    fn a_file_replaced_while_it_is_read_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ref.toml");
        let short = "status = \"open\"\n".to_string();
        let long = format!(
            "status = \"done\"\nclosed = 2026-11-25\n{}\n",
            "#".repeat(200)
        );
        std::fs::write(&path, &short).unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writer = {
            let (path, stop) = (path.clone(), stop.clone());
            let (short, long) = (short.clone(), long.clone());
            let tmp = dir.path().join("tmp");
            std::thread::spawn(move || {
                let mut n = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let text = if n.is_multiple_of(2) { &long } else { &short };
                    std::fs::write(&tmp, text).unwrap();
                    std::fs::rename(&tmp, &path).unwrap();
                    n += 1;
                }
            })
        };
        let start = std::time::Instant::now();
        let mut reads = 0;
        let mut torn = None;
        while start.elapsed() < std::time::Duration::from_secs(1) {
            let text = read_text(&path).unwrap();
            reads += 1;
            if text != short && text != long {
                torn = Some(text);
                break;
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        writer.join().unwrap();
        assert_eq!(torn, None, "a cut text after {reads} reads");
    }
}
