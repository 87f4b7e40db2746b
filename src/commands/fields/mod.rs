//! Record fields on the command line, derived from the schema
//! (`crate::schema`): the `add`/`edit` flags of every kind (`flags`), the
//! checking and normalising of their values (`resolve`), putting them into a
//! TOML document (`document`) and the one add path and one edit path every
//! kind shares (`write`), which refuse what `check --strict` would flag.
//!
//! What is not a key — a default that depends on the date, `--kind`
//! inferred from `--client`, closing a referral — stays in the thin command
//! modules of each kind.

pub mod document;
pub mod flags;
pub mod resolve;
pub mod write;

#[cfg(test)]
mod tests;

pub use flags::{FlagSet, Given, Mode, Raw, RecordFlags, flags_of};
pub use write::{
    AddRequest, EditRequest, Naming, add_record, change_record, change_record_with, edit_record,
};

use crate::model::Lang;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The language of `--help` texts: `--lang` from the command line when it is
/// there (parsing has not happened yet), else German.
pub fn help_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let mut value = None;
    for (i, a) in args.iter().enumerate() {
        if let Some(v) = a.strip_prefix("--lang=") {
            value = Some(v.to_string());
        } else if a == "--lang" {
            value = args.get(i + 1).cloned();
        }
    }
    value
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(Lang::De)
}

/// A `&'static str` for a flag name made at run time, made once per string
/// (clap keeps flag names as `&'static str`).
pub fn static_str(s: &str) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(v) = cache.get(s) {
        return v;
    }
    let v: &'static str = Box::leak(s.to_string().into_boxed_str());
    cache.insert(s.to_string(), v);
    v
}

/// Declares the marker types of the record flags: `flag_sets!(SponsorAdd =
/// Sponsor, Add; …)`.
#[macro_export]
macro_rules! flag_sets {
    ($($name:ident = $kind:ident, $mode:ident;)+) => {
        $(
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl $crate::commands::fields::FlagSet for $name {
                const KIND: $crate::model::Kind = $crate::model::Kind::$kind;
                const MODE: $crate::commands::fields::Mode = $crate::commands::fields::Mode::$mode;
            }
        )+
    };
}
