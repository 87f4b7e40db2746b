//! `quartier referral`: Referrals of clients to partners: add, list, show, edit, close (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Referrals of clients to partners: add, list, show, edit, close
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier referral` is not built yet"))
}
