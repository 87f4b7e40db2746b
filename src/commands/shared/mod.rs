//! What the record commands have in common, one job per module: flag types
//! and parsers (`args`), asking for missing fields (`prompt`), printing
//! (`output`, `show`, `linked` for `show --json`, `sections` for screens of
//! titled tables), saying and committing what was written (`commit`),
//! changing TOML files (`toml_set`), finding records (`lookup`) and checking
//! typed-in values (`values`). Everything is re-exported here, so commands
//! import from `commands::shared`.

mod args;
mod commit;
mod filters;
mod linked;
mod listing;
mod lookup;
mod output;
pub mod pager;
pub mod prompt;
pub mod sections;
mod show;
mod toml_set;
mod values;

pub use args::*;
pub use commit::*;
pub use filters::*;
pub use linked::*;
pub use listing::*;
pub use lookup::*;
pub use output::*;
pub use prompt::*;
pub use show::*;
pub use toml_set::*;
pub use values::*;
