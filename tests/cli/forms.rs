//! Guided forms on a real pseudo-terminal (SPEC §2 "On a terminal"): the
//! binary runs on a pty as a person would use it — German answers, a wrong
//! answer asked again, defaults taken with Enter, the record read back,
//! English with `--lang en`, the split of `event done`. Each step waits for
//! its question (10 s at most), looking at the screen every 2 ms, never for a
//! fixed time. Where no pty can be opened the test says so and passes.

use crate::support::{Folder, TODAY};
use rexpect::session::{Options, PtySession, spawn_with_options};
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

/// How long a step waits for its text.
const WAIT: Duration = Duration::from_secs(10);

/// `quartier` on a pseudo-terminal of 120×40, in `f`'s folder.
struct Pty {
    s: PtySession,
    /// What came on the screen since the last text waited for.
    seen: String,
}

impl Pty {
    fn spawn(f: &Folder, args: &[&str]) -> Option<Pty> {
        let mut cmd = Command::new("sh");
        // the size is set on the terminal itself before quartier starts
        cmd.arg("-c")
            .arg(r#"stty rows 40 cols 120 2>/dev/null; exec "$0" "$@""#)
            .arg(env!("CARGO_BIN_EXE_quartier"))
            .arg("--records")
            .arg(f.root())
            .args(args)
            .current_dir(f.parent())
            .env_remove("QUARTIER_RECORDS")
            .env_remove("EDITOR")
            .env_remove("VISUAL")
            .env("QUARTIER_TODAY", TODAY)
            .env("XDG_CONFIG_HOME", f.parent())
            .env("TERM", "xterm")
            .env("NO_COLOR", "1");
        let options = Options::new()
            .timeout_ms(Some(10_000))
            .strip_ansi_escape_codes(true);
        match spawn_with_options(cmd, options) {
            Ok(s) => Some(Pty {
                s,
                seen: String::new(),
            }),
            Err(e) => {
                // straight to stderr, past the test harness's capture
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped: no pseudo-terminal could be opened ({e})"
                );
                None
            }
        }
    }

    /// Waits for `text` on the screen; panics with what was there instead.
    /// (rexpect's own `exp_string` sleeps 100 ms whenever the text is not
    /// there yet, which is at nearly every question: a second per form.)
    #[track_caller]
    fn expect(&mut self, text: &str) {
        // rexpect reads the output byte by byte as chars: look for the
        // bytes of the UTF-8 text the same way
        let needle: String = text.bytes().map(char::from).collect();
        let deadline = Instant::now() + WAIT;
        loop {
            while let Some(c) = self.s.try_read() {
                self.seen.push(c);
            }
            if let Some(at) = self.seen.find(&needle) {
                self.seen.drain(..at + needle.len());
                return;
            }
            if Instant::now() > deadline {
                let bytes: Vec<u8> = self.seen.chars().map(|c| c as u32 as u8).collect();
                panic!(
                    "waited for `{text}` {WAIT:?}; the screen showed:\n{}",
                    String::from_utf8_lossy(&bytes)
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Types `keys` and Enter (a carriage return, as a terminal sends it).
    fn answer(&mut self, keys: &str) {
        self.s.send(keys).unwrap();
        self.s.send("\r").unwrap();
        self.s.flush().unwrap();
    }

    /// Waits for the question `q`, then answers it.
    #[track_caller]
    fn ask(&mut self, q: &str, keys: &str) {
        self.expect(q);
        self.answer(keys);
    }

    /// Waits for the end; gives the rest of the output and the exit code.
    fn finish(mut self) -> (String, i32) {
        let rest = std::mem::take(&mut self.seen) + &self.s.exp_eof().unwrap_or_default();
        let code = match self.s.process().wait() {
            Ok(rexpect::process::WaitStatus::Exited(_, c)) => c,
            other => panic!("quartier did not exit normally: {other:?}"),
        };
        (rest, code)
    }
}

/// The one record file of `dir` (a month folder).
fn only_file(f: &Folder, dir: &str) -> String {
    let mut files: Vec<_> = std::fs::read_dir(f.path(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(files.remove(0)).unwrap()
}

#[test]
fn an_appointment_through_the_form_in_german() {
    let f = Folder::new();
    f.client("K-7F3A", "languages = [\"ar\"]");
    let Some(mut p) = Pty::spawn(&f, &["appointment", "add"]) else {
        return;
    };
    p.ask("? Datum (25.11.2026)", ""); // the default, today
    p.ask("? Uhrzeit", "9:30");
    p.ask("? Dauer (min)", "45min");
    p.ask("? Art", ""); // the cursor stands on consultation
    p.ask("? Status", ""); // done: the day has come
    p.ask("? Mitarbeiter/in", "eb"); // typing filters the list
    p.ask("? Kanal", "");
    p.ask("? Klient/in", "7f3a");
    p.expect("? Themen");
    p.s.send("wohn ").unwrap(); // filter, pick with Space
    p.answer("");
    p.ask("? Sprache (ar)", "xx"); // the client's language offered
    p.expect("Bitte noch einmal");
    p.ask("? Sprache", "ar");
    p.ask("? Dolmetscher/in (j/n)", "j");
    p.ask("? Familienangehörige (0)", "");
    p.ask("? Notizen", ".");
    let (_, code) = p.finish();
    assert_eq!(code, 0);

    let text = only_file(&f, "appointments/2026/11");
    for line in [
        "date = 2026-11-25",
        "time = 09:30:00",
        "duration = 45",
        "kind = \"consultation\"",
        "status = \"done\"",
        "staff = \"eb\"",
        "client = \"K-7F3A\"",
        "topics = [\"housing\"]",
        "language = \"ar\"",
        "interpreter = true",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    // read back like every record
    let v = f.run(&["--json", "appointment", "list"]).ok().json();
    assert_eq!(v[0]["duration"], 45);
    assert_eq!(v[0]["topics"][0], "housing");
    f.run(&["check", "--strict"]).ok();

    // a duration given by flag is remembered as well as one typed in a form
    f.run(&[
        "appointment",
        "add",
        "--date",
        "20.11.2026",
        "--kind",
        "consultation",
        "--client",
        "K-7F3A",
        "--duration",
        "1h",
    ])
    .ok();

    // the next form offers the time and duration of the last ones, and the
    // personal staff, which can be declined
    let personal = f.parent().join("quartier");
    std::fs::create_dir_all(&personal).unwrap();
    std::fs::write(personal.join("config.toml"), "staff = \"mk\"\n").unwrap();
    let Some(mut p) = Pty::spawn(&f, &["appointment", "add", "--ask", "--client", "K-7F3A"]) else {
        return;
    };
    p.ask("? Datum", "gestern");
    p.ask("? Uhrzeit (09:30)", "");
    p.ask("? Dauer (min) (60)", "");
    p.ask("? Status", "");
    p.expect("? Mitarbeiter/in");
    p.expect("- keine Angabe");
    p.expect("> M. K. (mk)"); // the cursor on the personal staff
    p.expect("„-“: leer lassen"); // in the key hint
    p.answer("-"); // as in a typed field: typing filters to "no entry"
    p.ask("? Kanal", ".");
    let (_, code) = p.finish();
    assert_eq!(code, 0);
    let v = f.run(&["--json", "appointment", "list"]).ok().json();
    let made = v
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["date"] == "2026-11-24")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(made["time"], "09:30", "{v}");
    assert_eq!(made["duration"], 60, "{v}");
    assert!(made.get("staff").is_none_or(|s| s.is_null()), "{v}");
}

#[test]
fn a_client_made_within_an_appointment_form() {
    let f = Folder::new();
    let Some(mut p) = Pty::spawn(&f, &["appointment", "add", "--kind", "consultation"]) else {
        return;
    };
    p.ask("? Datum", "24.11.2026");
    p.ask("? Uhrzeit", ".");
    p.ask("? Klient/in", ""); // the first entry: a new client
    p.ask("? Erstkontakt (24.11.2026)", ""); // the day of the appointment
    p.ask("? Geschlecht", "weib");
    p.ask("? Geburtsjahr", "1988");
    p.ask("? Herkunft", "sy");
    p.ask("? Sprachen", ".");
    let (out, code) = p.finish();
    assert_eq!(code, 0, "{out}");
    let clients = f.run(&["--json", "client", "list"]).ok().json();
    let code = clients[0]["id"].as_str().unwrap().to_string();
    assert_eq!(clients[0]["first_contact"], "2026-11-24");
    assert_eq!(clients[0]["origin"], "SY");
    let text = only_file(&f, "appointments/2026/11");
    assert!(text.contains(&format!("client = \"{code}\"")), "{text}");

    // Esc after a client was made: the appointment is not written, the
    // client stays, and the person is told so and how to go on
    let Some(mut p) = Pty::spawn(&f, &["appointment", "add", "--kind", "consultation"]) else {
        return;
    };
    p.ask("? Datum", "24.11.2026");
    p.ask("? Uhrzeit", "10");
    p.ask("? Dauer (min)", "");
    p.ask("? Status", "");
    p.ask("? Mitarbeiter/in", "");
    p.ask("? Kanal", "");
    p.ask("? Klient/in", "neue");
    p.ask("? Erstkontakt (24.11.2026)", "");
    p.ask("? Geschlecht", "männ");
    p.ask("? Geburtsjahr", "1990");
    p.ask("? Herkunft", "ua");
    p.ask("? Sprachen", ".");
    p.expect("angelegt.");
    p.expect("? Themen");
    p.s.send("\x1b").unwrap();
    p.s.flush().unwrap();
    p.expect("bleibt gespeichert");
    let (rest, code) = p.finish();
    assert_eq!(code, 2, "{rest}");
    let clients = f.run(&["--json", "client", "list"]).ok().json();
    let kept = clients
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["origin"] == "UA")
        .unwrap_or_else(|| panic!("{clients}"));
    let kept = kept["id"].as_str().unwrap();
    assert!(
        rest.contains(&format!("quartier appointment add --client {kept}")),
        "{rest}"
    );
    only_file(&f, "appointments/2026/11"); // still the one of before
}

#[test]
fn english_with_lang_en() {
    let f = Folder::new();
    let Some(mut p) = Pty::spawn(&f, &["--lang", "en", "client", "new"]) else {
        return;
    };
    p.expect("New: Client");
    p.ask("? First contact (25.11.2026)", "");
    p.ask("? Gender", "fem");
    p.ask("? Birth year", "nineteen");
    p.expect("is not a year");
    p.ask("? Birth year", "1990");
    p.ask("? Origin", ".");
    let (_, code) = p.finish();
    assert_eq!(code, 0);
    let v = f.run(&["--json", "client", "list"]).ok().json();
    assert_eq!(v[0]["gender"], "f");
    assert_eq!(v[0]["birth_year"], 1990);
}

#[test]
fn event_done_asks_the_split_until_it_adds_up() {
    let f = Folder::new();
    f.write(
        "events/2026/11/evt-20261120-ab12.toml",
        "id = \"evt-20261120-ab12\"\ndate = 2026-11-20\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\n",
    );
    let Some(mut p) = Pty::spawn(&f, &["event", "done", "ab12"]) else {
        return;
    };
    p.ask("? Teilnehmende – gesamt", "20");
    p.ask("? Teilnehmende – Frauen", "15");
    p.ask("? Teilnehmende – Männer", "10");
    p.ask("? Teilnehmende – divers", "");
    p.ask("? Teilnehmende – mit Migrationshintergrund", "");
    p.expect("Die Zahlen passen nicht zusammen");
    p.ask("? Teilnehmende – gesamt (20)", "");
    p.ask("? Teilnehmende – Frauen (15)", "");
    p.ask("? Teilnehmende – Männer (10)", "4");
    p.ask("? Teilnehmende – divers", "");
    p.ask("? Teilnehmende – mit Migrationshintergrund", "12");
    // 19 of 20 with a gender is allowed (SPEC: at most the total), and said
    p.expect("bei 1 von 20 Teilnehmenden ist kein Geschlecht erfasst");
    let (_, code) = p.finish();
    assert_eq!(code, 0);
    let text = f.read("events/2026/11/evt-20261120-ab12.toml");
    for line in [
        "status = \"done\"",
        "total = 20",
        "women = 15",
        "men = 4",
        "migrants = 12",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    // Enter skipped it, as the hint said: left out, not `diverse = 0`
    assert!(!text.contains("diverse"), "{text}");
}

#[test]
fn without_a_terminal_nothing_is_asked() {
    let f = Folder::new();
    f.run(&["appointment", "add"]).code(2).has("--kind");
    f.run(&["client", "new", "--ask"]).code(2).has("--ask");
    assert!(!f.exists("clients"));
    let event = "id = \"evt-20261120-ab12\"\ndate = 2026-11-20\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\n";
    f.write("events/2026/11/evt-20261120-ab12.toml", event);
    f.run(&["event", "done", "ab12"]).code(2).has("--total");
    f.run(&["event", "done", "ab12", "--total", "3", "--ask"])
        .code(2)
        .has("--ask");
    assert_eq!(f.read("events/2026/11/evt-20261120-ab12.toml"), event);
}

#[test]
fn a_short_contact_through_the_form_in_german() {
    let f = Folder::new();
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter West\"\nkind = \"authority\"\n",
    );
    let Some(mut p) = Pty::spawn(&f, &["contact", "add"]) else {
        return;
    };
    p.ask("? Datum (25.11.2026)", "gestern");
    p.ask("? Uhrzeit", "11:15");
    p.ask("? Art", "tel"); // typing filters the choices
    p.expect("? Themen");
    p.s.send("wohn ").unwrap();
    p.answer("");
    p.ask("? Sprache", "uk");
    p.ask("? Dolmetscher/in (j/n)", ""); // Enter: the default n
    p.ask("? Dauer (min)", "zehn");
    p.expect("Bitte noch einmal");
    p.ask("? Dauer (min)", "10min");
    p.expect("? Verwiesen an");
    p.s.send("job ").unwrap();
    p.answer("");
    p.ask("? Mitarbeiter/in", "eb");
    p.ask(
        "? Notizen",
        "fragt nach Wohnberechtigungsschein, ruft zurück unter 0176 12345678",
    );
    p.expect("Bitte noch einmal");
    // the refused note stands in the line again: only the number is taken out
    p.expect("? Notizen fragt nach Wohnberechtigungsschein, ruft zurück unter 0176 12345678");
    let tail = ", ruft zurück unter 0176 12345678".chars().count();
    p.answer(&"\x7f".repeat(tail));
    let (_, code) = p.finish();
    assert_eq!(code, 0);

    let text = only_file(&f, "contacts/2026/11");
    for line in [
        "date = 2026-11-24",
        "time = 11:15:00",
        "kind = \"phone\"",
        "topics = [\"housing\"]",
        "language = \"uk\"",
        "duration = 10",
        "referred_to = [\"jobcenter-west\"]",
        "staff = \"eb\"",
        "notes = \"fragt nach Wohnberechtigungsschein\"",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert!(!text.contains("0176"), "{text}");
    assert!(!text.contains("interpreter"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn personal_initials_in_capitals_are_the_offered_staff() {
    // people write initials in capitals: `staff = "EB"` is `eb` of [staff]
    let f = Folder::new();
    let personal = f.parent().join("quartier");
    std::fs::create_dir_all(&personal).unwrap();
    std::fs::write(personal.join("config.toml"), "staff = \"EB\"\n").unwrap();
    let Some(mut p) = Pty::spawn(&f, &["contact", "add", "--ask", "--kind", "phone"]) else {
        return;
    };
    p.ask("? Datum", "");
    p.ask("? Uhrzeit", "");
    p.ask("? Themen", "");
    p.ask("? Sprache", "");
    p.ask("? Dolmetscher/in", "");
    p.ask("? Dauer (min)", "");
    p.ask("? Verwiesen an", "");
    p.expect("? Mitarbeiter/in");
    p.expect("> E. B. (eb)"); // the cursor on the personal staff, not on "keine Angabe"
    p.answer("");
    p.ask("? Notizen", ".");
    let (out, code) = p.finish();
    assert_eq!(code, 0, "{out}");
    let text = only_file(&f, "contacts/2026/11");
    assert!(text.contains("staff = \"eb\""), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn esc_marks_the_question_given_up_in_german() {
    let f = Folder::new();
    let Some(mut p) = Pty::spawn(&f, &["client", "new"]) else {
        return;
    };
    p.ask("? Erstkontakt", "");
    p.expect("? Geschlecht");
    p.s.send("\x1b").unwrap();
    p.s.flush().unwrap();
    // inquire's own mark said `<canceled>` in the German form
    p.expect("Geschlecht (freiwillig) <abgebrochen>");
    let (rest, code) = p.finish();
    assert_eq!(code, 2, "{rest}");
    assert!(!rest.contains("<canceled>"), "{rest}");
    assert!(rest.contains("es wurde nichts geschrieben"), "{rest}");
    assert_eq!(
        f.run(&["--json", "client", "list"]).ok().json(),
        serde_json::json!([])
    );
}

#[test]
fn a_referral_closed_on_the_terminal_is_asked_in_german() {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-11-01");
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter West\"\nkind = \"authority\"\n",
    );
    let referral = "referrals/2026/11/ref-20261120-ab12.toml";
    f.write(
        referral,
        "id = \"ref-20261120-ab12\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
    let Some(mut p) = Pty::spawn(&f, &["referral", "close", "ab12"]) else {
        return;
    };
    // the question of the catalogue, the choices as in a form, German keys
    // (was: "Ergebnis:", "done — erfolgreich", "[↑↓ to move, enter to select …]")
    p.expect("? Wie ist die Vermittlung ausgegangen?");
    p.expect("erfolgreich (done)");
    p.expect("↑↓ wählen");
    p.answer("zurück");
    // then what came of it (only `--outcome` set it before); personal data
    // refused at once, the text kept in the line to be corrected
    p.ask(
        "? Ergebnis (freiwillig)",
        "zieht weg, Rückruf 0176 12345678",
    );
    p.expect("Datenschutz: das Ergebnis scheint eine Telefonnummer zu enthalten");
    let tail = ", Rückruf 0176 12345678".chars().count();
    p.answer(&"\x7f".repeat(tail));
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains("to move"), "{rest}");
    let text = f.read(referral);
    assert!(text.contains("status = \"withdrawn\""), "{text}");
    assert!(text.contains("closed = 2026-11-25"), "{text}");
    assert!(text.contains("outcome = \"zieht weg\""), "{text}");
}

#[test]
fn a_referral_closed_on_the_terminal_in_english() {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-11-01");
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter West\"\nkind = \"authority\"\n",
    );
    let referral = "referrals/2026/11/ref-20261120-ab12.toml";
    f.write(
        referral,
        "id = \"ref-20261120-ab12\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
    let Some(mut p) = Pty::spawn(&f, &["--lang", "en", "referral", "close", "ab12"]) else {
        return;
    };
    p.expect("? How did the referral end?");
    p.expect("↑↓ to move, Enter to take");
    p.answer(""); // done
    p.ask("? Outcome (optional)", "");
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");
    // an English label that says its code is shown once (was `done (done)`)
    assert!(
        !rest.contains("(done)") && !rest.contains("(failed)"),
        "{rest}"
    );
    let text = f.read(referral);
    assert!(text.contains("status = \"done\""), "{text}");
    assert!(!text.contains("outcome"), "{text}");
}

#[test]
fn done_offers_what_a_consultation_planned_early_still_lacks() {
    // planned with `.` right after the client: no duration, language,
    // interpreter, topics; the ESF report would count its language "unbekannt"
    let f = Folder::new();
    f.client("K-7F3A", "languages = [\"ar\", \"de\"]");
    let path = "appointments/2026/11/apt-20261120-ab12.toml";
    let planned = "# geplant am Montag\nid = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 10:00:00\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"\n";
    f.write(path, planned);
    let Some(mut p) = Pty::spawn(&f, &["appointment", "done", "ab12"]) else {
        return;
    };
    p.expect("Termin apt-20261120-ab12: die Angaben, die noch leer sind");
    // the time is there already: not asked
    p.ask("? Dauer (min)", "eine Stunde");
    p.expect("ist keine Dauer");
    p.expect("Bitte noch einmal");
    p.ask("? Dauer (min)", "1h");
    p.ask("? Mitarbeiter/in", "eb");
    p.ask("? Kanal", ""); // Enter: the default, in person (left out)
    p.expect("? Themen");
    p.s.send("wohn ").unwrap();
    p.answer("");
    p.ask("? Sprache (ar)", ""); // the client's first language offered
    p.ask("? Dolmetscher/in (j/n)", "vielleicht");
    p.expect("bitte j (ja) oder n (nein)");
    p.ask("? Dolmetscher/in (j/n)", "j");
    p.ask("? Familienangehörige (0)", "2");
    p.ask("? Notizen", ".");
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");

    let text = f.read(path);
    assert!(text.starts_with("# geplant am Montag\n"), "{text}");
    for line in [
        "date = 2026-11-20",
        "time = 10:00:00",
        "status = \"done\"",
        "client = \"K-7F3A\"",
        "duration = 60",
        "staff = \"eb\"",
        "topics = [\"housing\"]",
        "language = \"ar\"",
        "interpreter = true",
        "family_members = 2",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    assert!(!text.contains("channel"), "{text}");
    assert!(!text.contains("notes"), "{text}");
    // the keys new to the file follow the schema's order, after what was there
    assert!(
        text.ends_with("client = \"K-7F3A\"\nduration = 60\nstaff = \"eb\"\ntopics = [\"housing\"]\nlanguage = \"ar\"\ninterpreter = true\nfamily_members = 2\n"),
        "{text}"
    );
    // read back key by key, like every record
    let v = f
        .run(&["--json", "appointment", "show", "ab12"])
        .ok()
        .json();
    assert_eq!(v["status"], "done", "{v}");
    assert_eq!(v["duration"], 60, "{v}");
    assert_eq!(v["language"], "ar", "{v}");
    assert_eq!(v["interpreter"], true, "{v}");
    assert_eq!(v["family_members"], 2, "{v}");
    assert_eq!(v["topics"][0], "housing", "{v}");
    f.run(&["check", "--strict"]).ok();

    // done already, nothing missing but channel and notes: `--ask` offers them
    let Some(mut p) = Pty::spawn(&f, &["appointment", "done", "ab12", "--ask"]) else {
        return;
    };
    p.ask("? Kanal", "");
    p.ask("? Notizen", "Antrag besprochen");
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(f.read(path).contains("notes = \"Antrag besprochen\""));

    // the duration answered at `done` is what the next form offers
    let args = ["appointment", "add", "--ask", "--client", "K-7F3A"];
    let Some(mut p) = Pty::spawn(&f, &args) else {
        return;
    };
    p.ask("? Datum", "");
    p.ask("? Uhrzeit", "");
    p.expect("? Dauer (min) (60)");
    p.s.send("\x1b").unwrap();
    p.s.flush().unwrap();
    let (rest, code) = p.finish();
    assert_eq!(code, 2, "{rest}");

    // without a terminal: the status alone, as before; `--ask` is refused
    let other = "appointments/2026/11/apt-20261121-cd34.toml";
    f.write(
        other,
        "id = \"apt-20261121-cd34\"\ndate = 2026-11-21\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"\n",
    );
    f.run(&["appointment", "done", "cd34", "--ask"])
        .code(2)
        .has("--ask");
    f.run(&["appointment", "done", "cd34"]).ok();
    assert_eq!(
        f.read(other),
        "id = \"apt-20261121-cd34\"\ndate = 2026-11-21\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\n"
    );
}

#[test]
fn client_consent_without_scope_is_asked_on_the_terminal() {
    // was: "--scope processing|referral fehlt" on a terminal too, the one
    // flag the week had to type (the referral form's note points here)
    let f = Folder::new();
    f.client("K-7F3A", "");
    for (slug, name) in [("jobcenter-west", "Jobcenter West"), ("caritas", "Caritas")] {
        f.write(
            &format!("partners/{slug}.toml"),
            &format!("id = \"{slug}\"\nname = \"{name}\"\nkind = \"authority\"\n"),
        );
    }
    let Some(mut p) = Pty::spawn(&f, &["client", "consent", "7f3a"]) else {
        return;
    };
    p.expect("Einwilligung von K-7F3A");
    p.expect("? Bereich");
    p.expect("Vermittlung (Weitergabe an Partner)"); // the German labels of the list
    p.answer("weiter"); // typing filters to referral
    p.expect("? Partner");
    p.s.send("job ").unwrap(); // filter, pick with Space
    p.answer("");
    p.ask("? Datum (25.11.2026)", "31.11.");
    p.expect("diesen Tag gibt es nicht");
    p.expect("Bitte noch einmal");
    // the rule book's words, said with the question's label and the day as typed
    p.ask("? Datum (25.11.2026)", "26.11.2026");
    p.expect("✗ Datum: „Datum“ 26.11.2026 (Eintrag 1) liegt in der Zukunft");
    p.expect("Bitte noch einmal");
    p.ask("? Datum (25.11.2026)", "gestern");
    // a last day before the consent's day: refused at once by the rule book
    p.ask("? Gültig bis", "1.1.2026");
    p.expect("✗ Gültig bis:"); // named by its question, not by `--until`
    p.expect("Bitte noch einmal");
    p.ask("? Gültig bis", "30.06.2027");
    p.ask("? Notizen", "");
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");
    let text = f.read("clients/K-7F3A.toml");
    assert!(
        text.contains(
            "[[consents]]\ndate = 2026-11-24\nscope = \"referral\"\npartners = [\"jobcenter-west\"]\nuntil = 2027-06-30\n"
        ),
        "{text}"
    );
    assert!(!text.contains("notes"), "{text}");
    let v = f.run(&["--json", "client", "show", "7f3a"]).ok().json();
    let c = &v["consents"][0];
    assert_eq!(c["scope"], "referral", "{v}");
    assert_eq!(c["date"], "2026-11-24", "{v}");
    assert_eq!(c["partners"][0], "jobcenter-west", "{v}");
    assert_eq!(c["until"], "2027-06-30", "{v}");
    f.run(&["check", "--strict"]).ok();

    // processing: no partners asked; Enter takes today, `.` skips the rest;
    // `--until` given is not asked
    let args = ["client", "consent", "7f3a", "--until", "31.12.2027"];
    let Some(mut p) = Pty::spawn(&f, &args) else {
        return;
    };
    p.ask("? Bereich", "daten");
    p.ask("? Datum (25.11.2026)", "");
    p.ask("? Notizen", ".");
    let (rest, code) = p.finish();
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains("? Partner"), "{rest}");
    assert!(!rest.contains("? Gültig bis"), "{rest}");
    let v = f.run(&["--json", "client", "show", "7f3a"]).ok().json();
    let c = &v["consents"][1];
    assert_eq!(c["scope"], "processing", "{v}");
    assert_eq!(c["date"], "2026-11-25", "{v}");
    assert_eq!(c["until"], "2027-12-31", "{v}");

    // English with --lang en; Esc writes nothing
    let before = f.read("clients/K-7F3A.toml");
    let Some(mut p) = Pty::spawn(&f, &["--lang", "en", "client", "consent", "7f3a"]) else {
        return;
    };
    p.expect("Consent of K-7F3A");
    p.expect("? Scope");
    p.expect("Referral (passing data to partners)");
    p.s.send("\x1b").unwrap();
    p.s.flush().unwrap();
    let (rest, code) = p.finish();
    assert_eq!(code, 2, "{rest}");
    assert!(rest.contains("nothing was written"), "{rest}");
    assert_eq!(f.read("clients/K-7F3A.toml"), before);

    // without a terminal: unchanged, exit 2 naming --scope, nothing written
    f.run(&["client", "consent", "7f3a"]).code(2).has("--scope");
    assert_eq!(f.read("clients/K-7F3A.toml"), before);
}

#[test]
fn a_referral_form_notes_a_missing_consent_in_the_office_words() {
    // was: "es gibt kein Datum `consent` (Vermittlung vom 2026-11-25)"
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.write(
        "partners/caritas.toml",
        "id = \"caritas\"\nname = \"Caritas\"\nkind = \"counselling\"\n",
    );
    let Some(mut p) = Pty::spawn(
        &f,
        &[
            "referral",
            "add",
            "--client",
            "7f3a",
            "--partner",
            "caritas",
        ],
    ) else {
        return;
    };
    p.ask("? Datum (25.11.2026)", "");
    p.ask("? Thema", "wohn");
    p.expect("keine Einwilligung eingetragen (Vermittlung vom 25.11.2026)");
    p.s.send_control('[').unwrap(); // Esc: nothing written
    let (rest, _) = p.finish();
    assert!(!rest.contains("`consent`"), "{rest}");
    assert!(!f.exists("referrals/2026"), "Esc: nothing written");
}
