//! Any text as quartier.toml, the way `Store::config` reads it
//! (`read_config`): no panic, spans inside the text, and a config without
//! problems serialises to TOML that reads back the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quartier::model::read::read_config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (config, problems) = read_config(text);
    for p in &problems {
        if let Some(span) = &p.span {
            assert!(span.start <= span.end && span.end <= text.len());
            let _ = quartier::store::line_of(text, span.start);
        }
    }
    let Some(config) = config else {
        assert!(!problems.is_empty(), "no config and no problem");
        return;
    };
    let _ = config.topic_codes();
    for year in config.targets.keys() {
        if let Ok(y) = year.parse::<i32>() {
            let _ = config.targets_for(y).map(|t| t.entries());
        }
    }
    if !problems.is_empty() {
        return;
    }
    let written = toml::to_string(&config).expect("a config serialises");
    let (again, again_problems) = read_config(&written);
    assert!(again_problems.is_empty(), "written config has problems: {again_problems:?}\n{written}");
    assert_eq!(again, Some(config), "round trip changed the config:\n{written}");
});
