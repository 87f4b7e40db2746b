//! `quartier partner list`: the directory of competences.

use crate::cli::Globals;
use crate::commands::shared::{
    cell, filter_topic, flag_value, print_json, print_table, refuse_errors, table,
    topics_with_labels,
};
use crate::error::Result;
use crate::model::{Kind, PartnerKind};
use crate::schema::FieldType;
use crate::store::Scope;

/// List partner organisations by name — the directory of who helps with
/// what, in which language. `--offers` and `--language` together answer
/// "who helps with housing in Arabic?".
///
/// Example: quartier partner list --offers housing --language ar
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only partners that help with this topic code
    #[arg(long, value_name = "TOPIC", alias = "topic")]
    pub offers: Option<String>,
    /// Only partners that counsel in this language (ISO 639-1)
    #[arg(long, value_name = "LANG", alias = "languages")]
    pub language: Option<String>,
    /// Only partners of this kind
    #[arg(long)]
    pub kind: Option<PartnerKind>,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let topic = filter_topic(&config, "--offers", &args.offers)?;
    let topic = topic.as_deref();
    let language = args
        .language
        .as_deref()
        .map(|l| flag_value(&FieldType::Language, "--language", l, &config))
        .transpose()?;
    let scope = Scope::undated_kinds(&[Kind::Partner]);
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut partners: Vec<_> = loaded
        .records
        .partners
        .iter()
        .map(|e| &e.record)
        .filter(|p| args.kind.is_none_or(|k| p.kind == k))
        .filter(|p| topic.is_none_or(|t| p.offers.iter().any(|o| o == t)))
        .filter(|p| {
            language
                .as_deref()
                .is_none_or(|l| p.languages.iter().any(|pl| pl == l))
        })
        .collect();
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
