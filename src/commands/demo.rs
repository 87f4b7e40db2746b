//! `quartier demo`: synthetic records folders for trying the tool out and for
//! benchmarks.

use crate::cli::Globals;
use crate::demo::{MAX_SCALE, SAMPLE_SEED};
use crate::error::Result;
use clap::Subcommand;
use std::path::PathBuf;

/// Synthetic records folders: no real people, no real cases
///
/// Example: quartier demo generate --out /tmp/demo
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: DemoCommand,
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    Generate(GenerateArgs),
}

/// Write a synthetic records folder for the Leipziger Westen office
///
/// Scale 1 is one office from January 2025 to October 2026 (about 1,500
/// records: sponsors, partners, clients, consultations, sponsor meetings,
/// referrals and events); scale K holds about K times as many and reaches
/// further back. The same seed and scale always give the same files. The
/// folder must not exist yet or be empty. Nothing is dated after October 2026
/// except a few planned appointments and events in December and January.
///
/// Example: quartier demo generate --seed 2025 --scale 1 --out /tmp/demo
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Seed of the random choices; the committed sample `records/` is seed 2025
    #[arg(long, default_value_t = SAMPLE_SEED)]
    pub seed: u64,
    /// How many offices' worth of records: 1 ≈ 1,500 records, 100 ≈ 150,000
    #[arg(long, default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_SCALE)))]
    pub scale: u32,
    /// The folder to write (new or empty)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        DemoCommand::Generate(a) => generate(a, globals),
    }
}

fn generate(args: GenerateArgs, globals: &Globals) -> Result<()> {
    let progress = crate::progress::spinner("demo generate");
    let sample = crate::demo::generate(args.seed, args.scale);
    let written = sample.write_to(&args.out);
    progress.finish_and_clear();
    let written = written?;
    if globals.json {
        println!(
            "{}",
            serde_json::json!({
                "path": args.out,
                "records": written,
                "seed": args.seed,
                "scale": args.scale,
            })
        );
    } else {
        println!(
            "{}",
            crate::tr!(
                "demo.written",
                count = written,
                path = args.out.display(),
                seed = args.seed,
                scale = args.scale
            )
        );
        println!("{}", crate::tr!("demo.try", path = args.out.display()));
    }
    Ok(())
}
