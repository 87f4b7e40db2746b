//! `quartier partner list`: the directory of competences.

use crate::cli::Globals;
use crate::commands::shared::{
    cell, load_listed, print_json, print_table, table, topics_with_labels,
};
use crate::error::Result;
use crate::model::Kind;

/// List partner organisations by name — the directory of who helps with
/// what, in which language. `--offers` and `--language` together answer
/// "who helps with housing in Arabic?".
///
/// Example: quartier partner list --offers housing --language ar
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Partner);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Partner, None)?;
    let mut partners = wanted.keep(&loaded.records.partners, |_| true);
    partners.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    args.limit.apply(&mut partners, globals.json);
    if globals.json {
        return print_json(&partners);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.id",
            "ui.heading.name",
            "ui.heading.kind",
            "ui.heading.offers",
            "ui.heading.languages",
            "ui.heading.phone",
        ],
    );
    for p in &partners {
        t.add_row(vec![
            p.id.clone(),
            p.name.clone(),
            p.kind.label(lang).to_string(),
            topics_with_labels(&p.offers, Some(&config), lang),
            p.languages.join(", "),
            cell(&p.phone),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
