fn main() {
    // Like other Unix tools, end quietly when the reader of our output goes
    // away (`quartier client list | head`) instead of panicking on EPIPE.
    // SAFETY: setting a signal disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(quartier::cli::main());
}
