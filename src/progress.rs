//! Progress on a terminal for work that can take more than a second
//! (`import`, `demo generate`, `check` of a large folder), drawn with
//! `indicatif` on standard error. Hidden when standard error is not a
//! terminal — piped, redirected or under cron — so that nothing but the
//! command's own output ever reaches a file or a cron mail.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

fn on_terminal() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("QUARTIER_NO_PROGRESS").is_none()
}

/// A bar over `len` steps, labelled `message`.
pub fn bar(len: u64, message: &str) -> ProgressBar {
    if !on_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg:16} [{bar:40}] {pos}/{len} ({elapsed})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message.to_string());
    bar
}

/// A spinner for work whose size is not known up front; it ticks by itself.
pub fn spinner(message: &str) -> ProgressBar {
    if !on_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_hidden_without_a_terminal() {
        // cargo test runs with standard error captured or piped
        if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            assert!(super::bar(10, "x").is_hidden());
            assert!(super::spinner("x").is_hidden());
        }
    }
}
