//! `quartier referral show`.

use super::{consent_warning, read_client};
use crate::cli::Globals;
use crate::commands::shared::{load_one, print_record_with, print_show_linked};
use crate::error::Result;
use crate::model::{Kind, Record};

/// Show one referral, the partner's name and the appointment it came from.
///
/// Example: quartier referral show k3p9
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Referral id (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Referral, &args.id)?;
    let Record::Referral(referral) = &record else {
        unreachable!("resolved a referral")
    };
    let partner = load_one(&store, &config, Kind::Partner, &referral.partner)
        .ok()
        .and_then(|(r, _)| {
            if let Record::Partner(p) = r {
                Some(p)
            } else {
                None
            }
        })
        .filter(|p| p.id == referral.partner);
    let appointment = referral
        .appointment
        .as_ref()
        .and_then(|a| load_one(&store, &config, Kind::Appointment, a).ok())
        .and_then(|(r, _)| {
            if let Record::Appointment(a) = r {
                Some(a)
            } else {
                None
            }
        })
        .filter(|a| Some(&a.id) == referral.appointment.as_ref());
    let warning =
        read_client(&store, &config, &referral.client).and_then(|c| consent_warning(&c, referral));
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    if let Some(p) = &partner {
        println!(
            "\n{}: {} ({})",
            crate::i18n::t_in(lang, "ui.referral.show.partner"),
            p.name,
            p.kind.label(lang)
        );
    }
    if let Some(a) = &appointment {
        println!(
            "{}: {} {} ({})",
            crate::i18n::t_in(lang, "ui.referral.show.from-appointment"),
            a.id,
            crate::report::labels::date(a.date, lang),
            a.status.label(lang)
        );
    }
    if let Some(w) = warning {
        eprintln!("{w}");
    }
    Ok(())
}
