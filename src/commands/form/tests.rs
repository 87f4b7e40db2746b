//! The form's logic with scripted answers (the pseudo-terminal tests in
//! `tests/cli/forms.rs` prove the terminal side).

use super::Form;
use super::ask::Script;
use super::state::State;
use crate::commands::fields::resolve::KeyNames;
use crate::commands::fields::write::candidate;
use crate::commands::fields::{Given, Raw};
use crate::model::{Config, Kind};
use crate::store::Store;

const CONFIG: &str = r#"[office]
name = "Test"
operator = "Test"
programme = "ESF"
language = "de"

[area]
name = "Testviertel"
districts = ["Lindenau", "Plagwitz"]

[staff]
eb = "E. B."
mk = "M. K."
"#;

fn folder() -> (tempfile::TempDir, Store, Config) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("quartier.toml"), CONFIG).unwrap();
    std::fs::create_dir_all(tmp.path().join("clients")).unwrap();
    std::fs::write(
        tmp.path().join("clients/K-7F3A.toml"),
        "id = \"K-7F3A\"\nfirst_contact = 2020-01-10\n",
    )
    .unwrap();
    std::fs::create_dir_all(tmp.path().join("partners")).unwrap();
    std::fs::write(
        tmp.path().join("partners/mieterverein.toml"),
        "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n",
    )
    .unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let config = store.config_or_fail().unwrap();
    (tmp, store, config)
}

fn fill(kind: Kind, given: Given, answers: &[&str]) -> (Given, Script, String) {
    fill_among(&[], kind, given, answers)
}

/// [`fill`] in a folder holding `files` (path, text) too.
fn fill_among(
    files: &[(&str, &str)],
    kind: Kind,
    given: Given,
    answers: &[&str],
) -> (Given, Script, String) {
    let (tmp, _, _) = folder();
    for (path, text) in files {
        let path = tmp.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let store = Store::open(tmp.path()).unwrap();
    let config = store.config_or_fail().unwrap();
    let mut script = Script::new(answers);
    let mut state = State::default();
    let given = Form::new(kind, given, &store, &config, &mut script, &mut state).run();
    let given = given.unwrap_or_else(|e| panic!("{e:?}\nsaid: {:?}", script.said));
    let text = candidate(kind, &given, &store, &config, true, KeyNames::Flag)
        .unwrap()
        .text;
    assert!(
        script.answers.is_empty(),
        "answers left: {:?}",
        script.answers
    );
    (given, script, text)
}

#[test]
fn every_field_is_asked_in_schema_order_and_wrong_answers_again() {
    let (given, script, text) = fill(
        Kind::Appointment,
        Given::default(),
        &[
            "",             // date: today
            "9:30",         // time
            "1h",           // duration
            "consultation", // kind
            "",             // status: done (the day has come)
            "eb",           // staff
            "",             // channel: in-person (left out)
            "K-7F3A",       // client
            "housing|residence",
            "xx", // language: no ISO code …
            "ar", // … asked again
            "vielleicht",
            "j",
            "", // family members: 0 (left out)
            ".",
        ],
    );
    assert_eq!(
        script.asked.first().map(String::as_str),
        Some("Datum"),
        "{:?}",
        script.asked
    );
    assert_eq!(
        script.said.iter().filter(|s| s.starts_with('✗')).count(),
        2,
        "{:?}",
        script.said
    );
    assert_eq!(given.get("duration"), Some(&Raw::Int(60)));
    for line in [
        "time = 09:30:00",
        "duration = 60",
        "kind = \"consultation\"",
        "status = \"done\"",
        "staff = \"eb\"",
        "client = \"K-7F3A\"",
        "topics = [\"residence\", \"housing\"]",
        "language = \"ar\"",
        "interpreter = true",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
    for key in ["channel", "family_members", "notes"] {
        assert!(!text.contains(key), "{key} in\n{text}");
    }
}

#[test]
fn flags_are_not_asked_and_a_dot_skips_the_optional_rest() {
    let mut given = Given::default();
    given.set("kind", Raw::Text("consultation".into()));
    given.set("client", Raw::Text("7f3a".into()));
    let (_, script, text) = fill(Kind::Appointment, given, &["", "."]);
    assert_eq!(script.asked, ["Datum", "Uhrzeit"], "{:?}", script.asked);
    assert!(text.contains("client = \"K-7F3A\""), "{text}");
}

#[test]
fn a_required_field_cannot_be_skipped() {
    let (_, script, text) = fill(
        Kind::Partner,
        Given::default(),
        &[
            "",
            "Kein Slug!",
            "mieterverein", // exists already
            "jobcenter-west",
            "Jobcenter", // the name (the first typed one is offered)
            "employment",
            ".",
        ],
    );
    assert!(
        script.said.iter().any(|s| s.contains("Pflichtfeld")),
        "{:?}",
        script.said
    );
    assert!(
        script.said.iter().any(|s| s.contains("gibt es schon")),
        "{:?}",
        script.said
    );
    assert!(text.contains("id = \"jobcenter-west\""), "{text}");
    assert!(text.contains("kind = \"employment\""), "{text}");
}

/// A name typed where the short name is asked is refused, and its slug
/// offered: Enter takes it.
#[test]
fn a_name_typed_as_the_short_name_is_offered_as_a_slug() {
    let (_, script, text) = fill(
        Kind::Partner,
        Given::default(),
        &["Jobcenter Süd-West", "", "", "employment", "."],
    );
    // the office's word for the slug, as the hint says, not "ID"
    assert_eq!(script.asked.first().map(String::as_str), Some("Kurzname"));
    assert!(
        script
            .said
            .iter()
            .any(|s| s.contains("ist kein Kurzname") && !s.contains("--id")),
        "{:?}",
        script.said
    );
    assert!(text.contains("id = \"jobcenter-sued-west\""), "{text}");
    assert!(text.contains("name = \"Jobcenter Süd-West\""), "{text}");
    assert_eq!(super::question::slug_of("mieterverein"), None);
    assert_eq!(super::question::slug_of("!!"), None);
}

#[test]
fn a_held_event_asks_the_split_until_it_adds_up() {
    let (_, script, text) = fill(
        Kind::Event,
        Given::default(),
        &[
            "",
            "",
            "Infoabend Wohnen",
            "info",
            "",
            ".", // date … status, then skip the rest
            "20",
            "15",
            "10",
            "",
            "", // 25 of 20: does not add up
            "",
            "",
            "5",
            "",
            "12", // the answers before offered again
        ],
    );
    assert!(
        script.said.iter().any(|s| s.contains("passen nicht")),
        "{:?}",
        script.said
    );
    for line in ["total = 20", "women = 15", "men = 5", "migrants = 12"] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
}

/// Fewer with a gender than in all is allowed, and said; a split that adds
/// up says nothing.
#[test]
fn participants_without_a_gender_are_said() {
    let event = |men: &'static str| {
        let answers = [
            "",
            "",
            "Infoabend",
            "info",
            "",
            ".",
            "20",
            "15",
            men,
            "",
            "",
        ];
        fill(Kind::Event, Given::default(), &answers)
    };
    let (_, script, text) = event("3");
    let note = |said: &[String]| {
        said.iter()
            .any(|s| s.contains("bei 2 von 20 Teilnehmenden ist kein Geschlecht erfasst"))
    };
    assert!(note(&script.said), "{:?}", script.said);
    assert!(text.contains("men = 3"), "{text}");
    let (_, script, _) = event("5");
    assert!(
        !script.said.iter().any(|s| s.contains("Geschlecht")),
        "{:?}",
        script.said
    );
}

#[test]
fn a_kind_added_to_the_schema_gets_its_form() {
    let (_, _, text) = fill(
        Kind::Contact,
        Given::default(),
        &["", "11:15", "phone", "residence", "ar", "n", "10min", "."],
    );
    for line in [
        "time = 11:15:00",
        "kind = \"phone\"",
        "topics = [\"residence\"]",
        "language = \"ar\"",
        "duration = 10",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }
}

#[test]
fn a_referral_without_consent_is_noted_at_once_and_written() {
    let (_, script, text) = fill(
        Kind::Referral,
        Given::default(),
        &["", "K-7F3A", "Mieterverein", "housing", "."],
    );
    let note = script
        .said
        .iter()
        .position(|s| s.starts_with("Hinweis") && s.contains("consent"));
    assert!(note.is_some(), "{:?}", script.said);
    assert!(text.contains("partner = \"mieterverein\""), "{text}");
    assert!(text.contains("status = \"open\""), "{text}");
}

/// An open referral has no outcome yet: the form does not ask for one; a
/// closed one is asked for its closing day and outcome.
#[test]
fn an_open_referral_is_not_asked_for_an_outcome() {
    let (_, script, text) = fill(
        Kind::Referral,
        Given::default(),
        &["", "K-7F3A", "Mieterverein", "housing", "", "", "", "", ""],
    );
    assert!(
        !script.asked.iter().any(|q| q == "Ergebnis"),
        "{:?}",
        script.asked
    );
    assert!(text.contains("status = \"open\""), "{text}");
    let (_, script, text) = fill(
        Kind::Referral,
        Given::default(),
        &[
            "",
            "K-7F3A",
            "Mieterverein",
            "housing",
            "",
            "done",
            "",
            "heute",
            "Termin bekommen",
            "",
            "",
        ],
    );
    assert!(
        script.asked.iter().any(|q| q == "Ergebnis"),
        "{:?}",
        script.asked
    );
    assert!(text.contains("outcome = \"Termin bekommen\""), "{text}");
}

/// A refused answer names the question, as the person sees it; a flag
/// (`--language`) is for flag input only.
#[test]
fn a_refused_answer_names_the_question_not_the_flag() {
    let (_, script, text) = fill(
        Kind::Appointment,
        Given::default(),
        &[
            "",
            "9:30",
            "45",
            "consultation",
            "",
            "eb",
            "",
            "K-7F3A",
            "housing",
            "xx",
            "ar",
            "j",
            "",
            ".",
        ],
    );
    let refused: Vec<&String> = script.said.iter().filter(|s| s.starts_with('✗')).collect();
    assert_eq!(
        refused,
        [
            "✗ Sprache: `xx` ist kein Sprachcode nach ISO 639-1 (zwei Kleinbuchstaben, z. B. \"ar\", \"uk\")"
        ],
        "{:?}",
        script.said
    );
    assert!(text.contains("language = \"ar\""), "{text}");
}

#[test]
fn a_country_or_language_typed_by_its_name_is_offered_as_its_code() {
    // the refusal says "meinten Sie `AF`"; Enter on the question asked
    // again takes it, for each name of a list at once
    let (_, script, text) = fill(
        Kind::Client,
        Given::default(),
        &[
            "",              // first contact: today
            "weib",          // gender
            "1995",          // birth year
            "Afghanistan",   // origin: a name, refused …
            "",              // … Enter takes AF
            "dari, deutsch", // languages: names, refused …
            "",              // … Enter takes prs, de
            ".",             // the rest skipped
        ],
    );
    assert!(text.contains("origin = \"AF\""), "{text}");
    assert!(text.contains("languages = [\"prs\", \"de\"]"), "{text}");
    assert!(
        script
            .asked
            .iter()
            .filter(|q| q.starts_with("Herkunft"))
            .count()
            == 2,
        "{:?}",
        script.asked
    );
    // a name of nothing offers nothing
    let spec = crate::schema::of(Kind::Client).field("origin").unwrap();
    assert!(super::question::codes_of_names(spec, "Atlantis").is_none());
    assert!(super::question::codes_of_names(spec, "SY").is_none());
}

#[test]
fn a_label_that_says_its_code_is_shown_as_written() {
    // the channel list showed `video` and the kinds `workshop` (bare codes
    // among German labels), English topics `housing`, `health`
    assert_eq!(super::question::option("Video", "video"), "Video");
    assert_eq!(super::question::option("Housing", "housing"), "Housing");
    assert_eq!(
        super::question::option("Wohnen", "housing"),
        "Wohnen (housing)"
    );
    assert_eq!(super::question::option("", "other"), "other");
}

/// A list says what the choice means and how to pick, not how its flag is
/// typed: no codes, no commas, no slugs (those stay in `--help`); a typed
/// question keeps the help.
#[test]
fn a_list_says_what_it_means_not_how_to_type_its_flag() {
    let (_, script, _) = fill(
        Kind::Contact,
        Given::default(),
        &[
            "",
            "11:15",
            "phone",
            "residence",
            "ar",
            "n",
            "10min",
            "",
            ". Rest",
        ],
    );
    let help = |q: &str| {
        let i = script.asked.iter().position(|a| a == q);
        let i = i.unwrap_or_else(|| panic!("{q} not in {:?}", script.asked));
        script.helps[i].clone()
    };
    assert_eq!(help("Art"), "Wie der Kontakt zustande kam");
    assert_eq!(help("Themen"), "Worum es ging");
    let referred = help("Verwiesen an");
    assert!(referred.contains("keine Daten weitergegeben"), "{referred}");
    for h in [
        help("Art"),
        help("Themen"),
        referred,
        help("Mitarbeiter/in (freiwillig)"),
    ] {
        for flaggy in ["Komma", "Kurzname", "walk-in", "[staff]", "Themencode"] {
            assert!(!h.contains(flaggy), "{flaggy} in {h}");
        }
    }
    assert!(help("Dauer (min)").contains("Enter"), "{:?}", script.helps);
}

/// The keys of an appointment planned early, and `status = "done"` over them.
fn planned_done(date: &str) -> Given {
    let text = format!(
        "id = \"apt-20261120-ab12\"\ndate = {date}\ntime = 10:00:00\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"\nduration = 30\n"
    );
    let doc: toml_edit::DocumentMut = text.parse().unwrap();
    let mut given = crate::commands::fields::document::given_of(Kind::Appointment, &doc);
    given.set("status", Raw::Text("done".into()));
    given
}

#[test]
fn a_form_over_a_record_asks_only_what_it_lacks_and_gives_the_answers() {
    let (_tmp, store, config) = folder();
    let mut script = Script::new(&[
        "keine Angabe", // staff
        "",             // channel: in-person, as it is anyway
        "housing",
        "ar",
        "j",
        ".", // family members and notes skipped
    ]);
    let mut state = State::default();
    let given = planned_done("2026-11-20");
    let form = Form::new(
        Kind::Appointment,
        given,
        &store,
        &config,
        &mut script,
        &mut state,
    );
    assert!(form.passes());
    let answers = form.answers("intro").unwrap();
    assert_eq!(script.said.first().map(String::as_str), Some("intro"));
    // what the file has is not asked
    for asked in &script.asked {
        for had in ["Datum", "Uhrzeit", "Dauer", "Art", "Status", "Klient"] {
            assert!(!asked.starts_with(had), "{had} asked: {:?}", script.asked);
        }
    }
    // the answers alone: nothing left empty, no default filled in unasked
    let keys: Vec<&str> = answers.values.keys().map(String::as_str).collect();
    assert_eq!(keys, ["interpreter", "language", "topics"], "{answers:?}");
    assert_eq!(answers.get("interpreter"), Some(&Raw::Bool(true)));
}

#[test]
fn a_form_over_a_record_the_rule_book_refuses_asks_nothing() {
    // done for a day ahead: refused by the change, so nothing is asked first
    let (_tmp, store, config) = folder();
    let mut script = Script::new(&[]);
    let mut state = State::default();
    let form = Form::new(
        Kind::Appointment,
        planned_done("2099-01-05"),
        &store,
        &config,
        &mut script,
        &mut state,
    );
    assert!(!form.passes());
}

/// An organisation consultation is about intercultural opening: its topic
/// list starts with it, ticked (Enter takes it; it can be unticked).
#[test]
fn an_organisation_consultation_has_intercultural_opening_ticked() {
    let mut given = Given::default();
    given.set("kind", Raw::Text("organisation".into()));
    given.set("partner", Raw::Text("mieterverein".into()));
    let answers = ["", "10:00", "1h", "", "", "", "", "."];
    let (_, script, text) = fill(Kind::Appointment, given.clone(), &answers);
    assert!(
        script.asked.iter().any(|q| q == "Themen"),
        "{:?}",
        script.asked
    );
    assert!(
        text.contains("topics = [\"intercultural-opening\"]"),
        "{text}"
    );
    // picked otherwise: only what was picked
    let answers = ["", "10:00", "1h", "", "", "", "Wohnen", "."];
    let (_, _, text) = fill(Kind::Appointment, given, &answers);
    assert!(text.contains("topics = [\"housing\"]"), "{text}");
}

/// A referral's topic list starts with the topics of the appointment it
/// comes from (given), else of the client's last consultation: Enter takes
/// the first.
#[test]
fn a_referral_offers_the_topics_of_the_consultation_first() {
    let apt = |id: &str, kind: &str, with: &str, topics: &str| {
        (
            format!("appointments/2026/{}/apt-{id}.toml", &id[4..6]),
            format!(
                "id = \"apt-{id}\"\ndate = {}-{}-{}\nkind = \"{kind}\"\nstatus = \"done\"\n{with}\ntopics = [{topics}]\n",
                &id[0..4],
                &id[4..6],
                &id[6..8]
            ),
        )
    };
    let files = [
        apt(
            "20261001-bb22",
            "consultation",
            "client = \"K-7F3A\"",
            "\"employment\"",
        ),
        apt(
            "20261110-aa11",
            "consultation",
            "client = \"K-7F3A\"",
            "\"health\", \"housing\"",
        ),
        // newer, but no consultation of the client
        apt(
            "20261112-dd44",
            "organisation",
            "partner = \"mieterverein\"",
            "\"intercultural-opening\"",
        ),
    ];
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    // the referral's day given, so that the year before it is the files'
    let dated = || {
        let mut given = Given::default();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        given.set("date", Raw::Date(day));
        given
    };
    // `-`: "- keine Angabe" (a list), or empty (typed, when no appointment is recent)
    let answers = ["K-7F3A", "Mieterverein", "", "-", "", "."];
    let (_, script, text) = fill_among(&files, Kind::Referral, dated(), &answers);
    assert!(
        text.contains("topic = \"health\""),
        "{text}\n{:?}",
        script.asked
    );
    assert!(!text.contains("appointment"), "{text}");
    // Enter at "Termin": the client's last consultation
    let answers = ["K-7F3A", "Mieterverein", "", "", "", "."];
    let (_, _, text) = fill_among(&files, Kind::Referral, dated(), &answers);
    assert!(
        text.contains("appointment = \"apt-20261110-aa11\""),
        "{text}"
    );
    // from the appointment given: its topics
    let mut given = dated();
    given.set("appointment", Raw::Text("bb22".into()));
    let answers = ["K-7F3A", "Mieterverein", "", "", "."];
    let (_, script, text) = fill_among(&files, Kind::Referral, given, &answers);
    assert!(
        text.contains("topic = \"employment\""),
        "{text}\n{:?}",
        script.asked
    );
}
