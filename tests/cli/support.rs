//! A temporary records folder and a way to run the real binary on it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The day every test runs on, so that "today", `--previous` and
/// "in the future" never depend on the calendar.
pub const TODAY: &str = "2026-11-25";

/// Settings of the test folders: two districts, staff, targets for 2026.
pub const CONFIG: &str = r#"[office]
name = "Stadtteilmanagement Test"
operator = "Testträger"
programme = "ESF Test"
language = "de"

[area]
name = "Testviertel"
districts = ["Lindenau", "Plagwitz"]

[staff]
eb = "E. B."
mk = "M. K."

[targets.2026]
consultations = 10
unique_clients = 4
events = 2

[sponsors]
stale_after_days = 60
"#;

/// A temporary folder for one test, in memory (`/dev/shm`, Linux's tmpfs)
/// when there is one, else in the system's temporary folder. Making a file
/// on this machine's disk costs about a millisecond of system time (`demo
/// generate` at scale 1: 3.7 s on the disk, 0.6 s in memory), and the tests
/// make hundreds of thousands.
pub fn tempdir() -> tempfile::TempDir {
    static IN_MEMORY: OnceLock<Option<PathBuf>> = OnceLock::new();
    let shm = IN_MEMORY.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        tempfile::tempdir_in(shm).ok().map(|_| shm.to_path_buf())
    });
    match shm {
        Some(dir) => tempfile::tempdir_in(dir),
        None => tempfile::tempdir(),
    }
    .expect("temp dir")
}

pub struct Folder {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Folder {
    /// A records folder with [`CONFIG`] and nothing else.
    pub fn new() -> Folder {
        let f = Folder::bare();
        f.write("quartier.toml", CONFIG);
        f
    }

    /// An empty folder (no quartier.toml).
    pub fn bare() -> Folder {
        let tmp = tempdir();
        let root = tmp.path().join("records");
        std::fs::create_dir_all(&root).unwrap();
        Folder { _tmp: tmp, root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder that holds `records/`.
    pub fn parent(&self) -> &Path {
        self.root.parent().unwrap()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Writes `text` to `rel`, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Folder {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Sets the last change of `rel` two minutes back (a file a crash left).
    pub fn age(&self, rel: &str) -> &Folder {
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
        std::fs::File::options()
            .write(true)
            .open(self.path(rel))
            .and_then(|f| f.set_modified(old))
            .unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Runs `quartier --records <root> ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut full = vec!["--records", self.root.to_str().unwrap()];
        full.extend_from_slice(args);
        run_in(self.parent(), &full, &[])
    }

    /// Like [`Folder::run`] with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut full = vec!["--records", self.root.to_str().unwrap()];
        full.extend_from_slice(args);
        run_in(self.parent(), &full, env)
    }

    /// Makes every later run in this folder speak English (the personal
    /// `language = "en"`, as `--lang en` would): for tests that assert the
    /// English wording of findings and errors; German is the default.
    pub fn english(&self) -> &Folder {
        let dir = self.parent().join("quartier");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), "language = \"en\"\n").unwrap();
        self
    }

    /// A minimal valid client.
    pub fn client(&self, code: &str, extra: &str) -> &Folder {
        self.write(
            &format!("clients/{code}.toml"),
            &format!("id = \"{code}\"\nfirst_contact = 2026-01-10\n{extra}\n"),
        )
    }
}

/// Runs the binary in `cwd` with no terminal and a fixed day.
pub fn run_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartier"));
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("QUARTIER_RECORDS")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env("QUARTIER_TODAY", TODAY)
        .env("XDG_CONFIG_HOME", cwd)
        // the reports' index of settled referrals: never in a test's folders
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("quartier-cli-tests-cache"),
        )
        .env("NO_COLOR", "1")
        // the tests' $EDITOR is a script (`sed -i …`) that needs no terminal
        .env("QUARTIER_EDITOR_NO_TERMINAL", "1")
        .stdin(Stdio::null());
    no_auto_maintenance(&mut cmd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run quartier");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every git process below `cmd` without `git maintenance run --auto`,
/// which git starts after each commit, fetch and rebase (a tenth of the
/// suite's git processes, and with nothing to do in folders this small).
pub fn no_auto_maintenance(cmd: &mut Command) -> &mut Command {
    cmd.env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "maintenance.auto")
        .env("GIT_CONFIG_VALUE_0", "false")
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// stdout and stderr together.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    #[track_caller]
    pub fn has(&self, needle: &str) -> &Run {
        assert!(
            self.all().contains(needle),
            "expected `{needle}` in output\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.all().contains(needle),
            "did not expect `{needle}`\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

/// The moments at which the kill-at-random tests kill a command: round `r`
/// of `n` kills in the `r`-th of `n` equal slices of the time the command
/// takes (`window`), at a random place within it, so that a few rounds
/// reach every part of its run where independent random delays bunch up
/// (and often fall after its end). The seed is in every failure message
/// (`Display`); `QUARTIER_KILL_SEED=<seed>` replays the same places.
pub struct KillPoints {
    seed: u64,
    state: u64,
    rounds: u32,
}

impl KillPoints {
    pub fn new(rounds: u32) -> KillPoints {
        let seed = std::env::var("QUARTIER_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        KillPoints {
            seed,
            state: seed,
            rounds,
        }
    }

    pub fn rounds(&self) -> u32 {
        self.rounds
    }

    /// When round `round` kills, counted from the command's start.
    pub fn at(&mut self, round: u32, window: std::time::Duration) -> std::time::Duration {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let slice = window / self.rounds;
        slice * round + slice.mul_f64((self.state % 1_000_000) as f64 / 1_000_000.0)
    }
}

impl std::fmt::Display for KillPoints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "kill seed {} (QUARTIER_KILL_SEED={0} replays it)",
            self.seed
        )
    }
}

/// How long `cmd` takes when nobody kills it (it must succeed): the window
/// over which [`KillPoints`] spread their kills.
pub fn time_of(cmd: &mut Command) -> std::time::Duration {
    let start = std::time::Instant::now();
    let out = cmd.output().expect("run quartier");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "the unkilled run failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}
