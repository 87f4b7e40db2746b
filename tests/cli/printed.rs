//! `quartier directory` and `quartier flyer`: the printed material (SPEC §6).

use crate::support::{CONFIG, Folder};

fn partner(f: &Folder, id: &str, body: &str) {
    f.write(
        &format!("partners/{id}.toml"),
        &format!("id = \"{id}\"\n{body}\n"),
    );
}

fn folder() -> Folder {
    let f = Folder::new();
    partner(
        &f,
        "wohnhilfe",
        "name = \"Wohnhilfe West e. V.\"\nkind = \"housing\"\noffers = [\"housing\", \"benefits\"]\nlanguages = [\"de\", \"ar\"]\naddress = \"Lützner Str. 5\"\nphone = \"030 23125 001\"\nemail = \"info@wohnhilfe.example\"\nwebsite = \"https://www.wohnhilfe.example\"\nnotes = \"intern: Frau X nur dienstags\"",
    );
    partner(
        &f,
        "amt",
        "name = \"Amt für Wohnen\"\nkind = \"authority\"\noffers = [\"housing\"]\nlanguages = [\"de\"]",
    );
    partner(
        &f,
        "treff",
        "name = \"Nachbarschaftstreff\"\nkind = \"association\"",
    );
    f
}

#[test]
fn directory_groups_by_topic_with_public_contact_data_only() {
    let f = folder();
    let md = f.run(&["directory"]).ok().stdout.clone();
    let housing = md.find("## Wohnen").expect("housing section");
    let benefits = md.find("## Leistungen/Finanzen").expect("benefits section");
    let others = md.find("## Weitere Anlaufstellen").expect("others");
    assert!(housing < benefits && benefits < others, "{md}");
    // Within a topic, by name; a partner under every topic it offers.
    let h = &md[housing..benefits];
    assert!(h.find("Amt für Wohnen").unwrap() < h.find("Wohnhilfe West").unwrap());
    assert_eq!(md.matches("Wohnhilfe West").count(), 2, "{md}");
    assert!(md.contains("030 23125 001") && md.contains("Lützner Str. 5"));
    assert!(
        !md.contains("info@wohnhilfe.example") && !md.contains("intern"),
        "{md}"
    );
}

#[test]
fn directory_filters_and_formats() {
    let f = folder();
    let out = f.path("../wegweiser.html");
    f.run(&[
        "directory",
        "--topic",
        "housing",
        "--language",
        "ar",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Wohnhilfe West") && !html.contains("Amt für Wohnen"));
    assert!(!html.contains("Leistungen/Finanzen") && !html.contains("<script"));
    assert!(html.contains("@page { size: A4"));
    f.run(&["directory", "--format", "html"])
        .ok()
        .has("<!DOCTYPE html>");
    f.run(&["--lang", "en", "directory"])
        .ok()
        .has("Who helps with what")
        .has("## Housing");
    // Nothing matches: an empty guide and a note, not an error.
    f.run(&["directory", "--topic", "health"])
        .ok()
        .has("kein Partner passt");
    // Unknown codes are usage errors.
    f.run(&["directory", "--topic", "wohnen"])
        .code(2)
        .has("--topic");
    f.run(&["directory", "--language", "arabic"])
        .code(2)
        .has("--language");
}

fn folder_with_hours() -> Folder {
    let f = Folder::new();
    f.write("quartier.toml", &format!("{CONFIG}{}", crate::hours::HOURS));
    f
}

#[test]
fn flyer_one_page_per_language_rtl_for_arabic_and_farsi() {
    let f = folder_with_hours();
    let html = f
        .run(&["flyer", "--languages", "de,ar,fa,ru,uk,tr,en"])
        .ok()
        .stdout
        .clone();
    assert_eq!(html.matches("<section class=\"page\"").count(), 7);
    for (code, dir) in [
        ("de", "ltr"),
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("ru", "ltr"),
        ("uk", "ltr"),
        ("tr", "ltr"),
        ("en", "ltr"),
    ] {
        assert!(
            html.contains(&format!("lang=\"{code}\" dir=\"{dir}\"")),
            "{code}"
        );
    }
    // Weekdays in each language, Wednesday before Friday; the location as written.
    for day in [
        "Mittwoch",
        "Freitag",
        "الجمعة",
        "جمعه",
        "Пятница",
        "П&#39;ятниця",
        "Cuma",
        "Friday",
    ] {
        assert!(html.contains(day), "{day}");
    }
    assert_eq!(
        html.matches("Stadtteilladen, Merseburger Straße 1").count(),
        7
    );
    assert!(
        html.contains("Sprechstunden")
            && html.contains("مواعيد الاستشارة")
            && html.contains("Години консультацій")
    );
    assert!(!html.contains("<script") && !html.contains("src="));
}

#[test]
fn flyer_refuses_unknown_languages_and_missing_hours() {
    let f = folder_with_hours();
    f.run(&["flyer", "--languages", "de,xx"])
        .code(2)
        .has("de, en, ar, fa, ru, uk, tr");
    f.run(&["flyer"]).code(2);
    Folder::new()
        .run(&["flyer", "--languages", "de"])
        .code(1)
        .has("[[hours]]");
}

/// Prints both with headless Chromium when it is installed and counts the
/// A4 pages: the flyer has exactly one page per language.
#[test]
fn printed_by_chromium_flyer_has_one_page_per_language() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("skipped: no chromium installed (scripts/print-check.sh installs it)");
        return;
    };
    if std::process::Command::new("pdfinfo")
        .arg("-v")
        .output()
        .is_err()
    {
        eprintln!("skipped: no pdfinfo installed (poppler-utils)");
        return;
    }
    let f = folder_with_hours();
    let html = f.path("../flyer.html");
    f.run(&[
        "flyer",
        "--languages",
        "de,ar,fa",
        "--out",
        html.to_str().unwrap(),
    ])
    .ok();
    let pdf = f.path("../flyer.pdf");
    let profile = f.path("../chromium-profile");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().to_string());
    assert_eq!(pages.as_deref(), Some("3"), "{info}");
}
