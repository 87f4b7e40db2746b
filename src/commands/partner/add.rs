//! `quartier partner add`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, Need, check_languages, check_topics, list_items, report_written,
};
use crate::error::{CommandError, Result};
use crate::model::read::is_slug;
use crate::model::{Kind, Partner, PartnerKind, Record};

/// Add a partner organisation. `--id` is the short name (slug) used in
/// referrals and events, e.g. `jobcenter-west`. `--offers` (topic codes) and
/// `--languages` (ISO 639-1) make it findable in `partner list`.
///
/// Example: quartier partner add --id mieterverein --name "Mieterverein Leipzig" --kind housing --offers housing,benefits --languages de,ar
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug: lower-case letters, digits and `-`
    #[arg(long)]
    pub id: Option<String>,
    /// Name of the organisation
    #[arg(long)]
    pub name: Option<String>,
    /// What kind of organisation it is
    #[arg(long)]
    pub kind: Option<PartnerKind>,
    /// Topic codes it helps with (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "TOPIC")]
    pub offers: Vec<String>,
    /// Languages it counsels in, ISO 639-1 (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    pub languages: Vec<String>,
    /// Postal address of the organisation
    #[arg(long)]
    pub address: Option<String>,
    /// Phone number of the organisation
    #[arg(long)]
    pub phone: Option<String>,
    /// E-mail address of the organisation
    #[arg(long)]
    pub email: Option<String>,
    /// Web address
    #[arg(long)]
    pub website: Option<String>,
    /// Free text
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    if let Some(id) = &args.id
        && !is_slug(id)
    {
        return Err(bad_slug(id));
    }
    let offers = list_items(&args.offers);
    check_topics(&config, &offers, "--offers")?;
    let languages = check_languages(&args.languages, "--languages")?;
    let mut need = Need::new();
    let id = need.text("--id", "Kurzname (slug), z. B. jobcenter-west:", args.id)?;
    let name = need.text("--name", "Name der Organisation:", args.name)?;
    let kind = need.code("--kind", "Art der Organisation:", args.kind, lang)?;
    need.finish()?;
    let (Some(id), Some(name), Some(kind)) = (id, name, kind) else {
        unreachable!("Need::finish fails when a value is missing")
    };
    if !is_slug(&id) {
        return Err(bad_slug(&id));
    }
    let partner = Partner {
        id,
        name,
        kind,
        offers,
        languages,
        address: args.address,
        phone: args.phone,
        email: args.email,
        website: args.website,
        notes: args.notes,
    };
    let (record, path) = store.create(&config, Kind::Partner, None, |_| {
        Record::Partner(partner.clone())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Partner,
            verb: "add",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}

fn bad_slug(id: &str) -> CommandError {
    CommandError::usage(format!(
        "--id `{id}` is not a valid slug: lower-case letters, digits and `-`, e.g. jobcenter-west"
    ))
}
