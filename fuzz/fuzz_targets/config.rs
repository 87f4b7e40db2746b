//! Any text as quartier.toml, the way `Store::config` reads it: no panic, and
//! a config without problems serialises to TOML that reads back the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quartier::model::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let config = match toml::from_str::<Config>(text) {
        Ok(c) => c,
        Err(e) => {
            if let Some(span) = e.span() {
                assert!(span.start <= span.end && span.end <= text.len());
                let _ = quartier::store::line_of(text, span.start);
            }
            let _ = e.message();
            return;
        }
    };
    let problems = config.problems();
    let _ = config.topic_codes();
    for (year, _) in &config.targets {
        if let Ok(y) = year.parse::<i32>() {
            let _ = config.targets_for(y).map(|t| t.entries());
        }
    }
    if !problems.is_empty() {
        return;
    }
    let written = toml::to_string(&config).expect("a config serialises");
    let again: Config = toml::from_str(&written)
        .unwrap_or_else(|e| panic!("written config does not parse: {e}\n{written}"));
    assert_eq!(again, config, "round trip changed the config:\n{written}");
});
