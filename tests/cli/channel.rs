//! `appointment.channel` (SPEC v2): in person by default, phone, video or message.

use crate::support::Folder;

#[test]
fn channel_is_a_flag_a_checked_key_and_a_report_breakdown() {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    let phone = f
        .run(&[
            "--json",
            "appointment",
            "add",
            "--client",
            "K-1001",
            "--date",
            "2026-11-20",
            "--channel",
            "phone",
            "--duration",
            "20",
        ])
        .ok()
        .json();
    let path = phone["path"].as_str().unwrap().to_string();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("channel = \"phone\""), "{text}");
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-1001",
        "--date",
        "2026-11-21",
    ])
    .ok();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-1001",
        "--channel",
        "fax",
    ])
    .code(2);
    f.write(
        "appointments/2026/11/apt-20261122-bad1.toml",
        "id = \"apt-20261122-bad1\"\ndate = 2026-11-22\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\nchannel = \"fax\"\n",
    );
    f.run(&["check"])
        .code(1)
        .has("apt-20261122-bad1.toml:6: error");
    std::fs::remove_file(f.path("appointments/2026/11/apt-20261122-bad1.toml")).unwrap();
    let id = phone["id"].as_str().unwrap();
    f.run(&["appointment", "edit", id, "--channel", "video"])
        .ok();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("channel = \"video\"")
    );
    let report = f
        .run(&[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ])
        .ok()
        .json();
    assert_eq!(
        report["consultations"]["by_channel"],
        serde_json::json!({"in-person": 1, "video": 1})
    );
    let keys: Vec<&str> = report["consultations"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.last(), Some(&"by_channel"));
    f.run(&["report", "monthly", "--month", "2026-11"])
        .ok()
        .has("Beratungen nach Kanal")
        .has("persönlich");
    f.run(&["report", "monthly", "--month", "2026-11", "--format", "csv"])
        .ok()
        .has("consultations.by_channel;video;Video;1");
}
