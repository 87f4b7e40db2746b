//! Long output on a terminal goes through a pager, as git does: `$PAGER`
//! (else `less` with `LESS=FRX`: it quits when the text fits, keeps colours,
//! leaves the text on screen); never when standard output is not a terminal.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// The terminal's columns, when standard output is one.
pub fn terminal_width() -> Option<u16> {
    window().map(|(cols, _)| cols)
}

fn window() -> Option<(u16, u16)> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    // SAFETY: TIOCGWINSZ fills a winsize struct we own; nothing else is touched.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    (ok && ws.ws_col > 0).then_some((ws.ws_col, ws.ws_row))
}

/// The pager command for `text`, or `None` when it fits or nothing should page.
pub fn pager_for(
    text: &str,
    rows: u16,
    quartier_pager: Option<String>,
    pager: Option<String>,
) -> Option<String> {
    let lines = text.lines().count();
    if lines < usize::from(rows.max(1)) {
        return None;
    }
    let cmd = quartier_pager
        .or(pager)
        .unwrap_or_else(|| "less".to_string());
    let cmd = cmd.trim();
    (!cmd.is_empty() && cmd != "cat").then(|| cmd.to_string())
}

/// Shows `text` through the pager when standard output is a terminal and
/// the text is longer than the screen. `false`: nothing was shown (print
/// it yourself).
pub fn page(text: &str) -> bool {
    let Some((_, rows)) = window() else {
        return false;
    };
    let Some(cmd) = pager_for(
        text,
        rows,
        std::env::var("QUARTIER_PAGER").ok(),
        std::env::var("PAGER").ok(),
    ) else {
        return false;
    };
    let mut command = Command::new("sh");
    command.arg("-c").arg(&cmd).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A pager quit early (q) closes the pipe: that is no error.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

#[cfg(test)]
mod tests {
    use super::pager_for;

    #[test]
    fn pages_only_what_is_longer_than_the_screen() {
        let long = "x\n".repeat(50);
        assert_eq!(pager_for("a\nb\n", 24, None, None), None);
        assert_eq!(pager_for(&long, 24, None, None).as_deref(), Some("less"));
        assert_eq!(
            pager_for(&long, 24, None, Some("most".into())).as_deref(),
            Some("most")
        );
        assert_eq!(
            pager_for(&long, 24, Some("less -S".into()), Some("most".into())).as_deref(),
            Some("less -S")
        );
        assert_eq!(pager_for(&long, 24, None, Some("cat".into())), None);
        assert_eq!(pager_for(&long, 24, None, Some(String::new())), None);
    }
}
