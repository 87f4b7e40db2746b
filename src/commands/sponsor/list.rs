//! `quartier sponsor list`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{DateFilter, load_listed, print_json, print_table, table};
use crate::error::Result;
use crate::model::Kind;

/// List sponsors, newest project first. `--from/--to/--month` keep the
/// sponsors whose project runs in that time.
///
/// Example: quartier sponsor list --field youth-education
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Sponsor);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Sponsor, Some(&args.dates))?;
    let (from, to) = match (&args.dates.month, args.dates.from, args.dates.to) {
        (Some(m), _, _) => (Some(m.from), Some(m.to)),
        (None, f, t) => (f, t),
    };
    let mut sponsors = wanted.keep(&loaded.records.sponsors, |s| {
        s.overlaps(
            from.unwrap_or(chrono::NaiveDate::MIN),
            to.unwrap_or(chrono::NaiveDate::MAX),
        )
    });
    sponsors.sort_by(|a, b| b.start.cmp(&a.start).then_with(|| a.id.cmp(&b.id)));
    args.limit.apply(&mut sponsors, globals.json);
    if globals.json {
        return print_json(&sponsors);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.id",
            "ui.heading.organisation",
            "ui.heading.project",
            "ui.heading.field-2",
            "ui.heading.start",
            "ui.heading.end",
            "ui.heading.status",
        ],
    );
    for s in &sponsors {
        t.add_row(vec![
            s.id.clone(),
            s.name.clone(),
            s.project.clone(),
            s.field.label(lang).to_string(),
            date_cell(s.start, lang),
            s.end.map(|d| date_cell(d, lang)).unwrap_or_default(),
            s.status.label(lang).to_string(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
