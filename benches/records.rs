//! Criterion benchmarks of the steps every command is made of, on folders
//! made by the repository's own generator (`quartier demo generate --seed 7`):
//! parsing record files, validating them into typed records, loading a
//! whole folder, the cross checks of `quartier check`, and making reports
//! (reading what a report needs and building it, as `quartier report` does).
//!
//!   cargo bench                                 # about 10,000 and 100,000 records
//!   QUARTIER_BENCH_SCALES=7 cargo bench -- parse
//!
//! Scale 1 is about 1,500 records. The folders are kept in
//! `target/bench/scale-K` (shared with `scripts/bench.sh`), written on the
//! first run. Whole-process timings are `scripts/bench.sh`'s job.

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use quartier::dates::Period;
use quartier::model::read::{Context, Placement, read_record};
use quartier::model::{Config, Kind};
use quartier::report::{self, ReportKind};
use quartier::store::{Scope, Store};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

const SEED: u64 = 7;

/// The day the benchmarks are run on, as `scripts/bench.sh` sets it.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("a real day")
}

fn scales() -> Vec<u32> {
    std::env::var("QUARTIER_BENCH_SCALES")
        .unwrap_or_else(|_| "7 67".into())
        .split_whitespace()
        .map(|s| {
            s.parse()
                .expect("QUARTIER_BENCH_SCALES holds scales like `7 67`")
        })
        .collect()
}

/// The generated folder of `scale`, written on first use.
fn folder(scale: u32) -> (Store, Config) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench")
        .join(format!("scale-{scale}"));
    if !dir.join("quartier.toml").is_file() {
        let _ = std::fs::remove_dir_all(&dir);
        quartier::demo::generate(SEED, scale)
            .write_to(&dir)
            .expect("the generated folder is written");
    }
    let store = Store::open(&dir).expect("a records folder");
    let config = store.config().expect("valid settings");
    (store, config)
}

/// A record file: its kind, file stem, month folder and text.
struct File {
    kind: Kind,
    stem: String,
    month: Option<(i32, u32)>,
    text: String,
}

/// Every record file of the folder.
fn texts(store: &Store) -> Vec<File> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        collect(&store.root().join(kind.folder()), kind, &mut out);
    }
    out
}

fn collect(dir: &Path, kind: Kind, out: &mut Vec<File>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, kind, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let month = path.parent().and_then(|m| {
                let year = m.parent()?.file_name()?.to_str()?.parse().ok()?;
                Some((year, m.file_name()?.to_str()?.parse().ok()?))
            });
            let month = month.filter(|_| kind.is_dated());
            let text = std::fs::read_to_string(&path).unwrap();
            out.push(File {
                kind,
                stem,
                month,
                text,
            });
        }
    }
}

fn records(c: &mut Criterion) {
    for scale in scales() {
        let (store, config) = folder(scale);
        let texts = texts(&store);
        let n = texts.len();
        let ctx = Context {
            config: &config,
            today: today(),
        };

        let mut group = c.benchmark_group("records");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("parse", n), |b| {
            b.iter(|| {
                for file in &texts {
                    black_box(toml::de::DeTable::parse(black_box(&file.text)).is_ok());
                }
            })
        });
        group.bench_function(BenchmarkId::new("validate", n), |b| {
            b.iter(|| {
                for file in &texts {
                    let placement = Placement {
                        stem: &file.stem,
                        year_month: file.month,
                    };
                    let text = black_box(&file.text);
                    black_box(read_record(file.kind, text, &ctx, Some(placement)));
                }
            })
        });
        group.bench_function(BenchmarkId::new("load", n), |b| {
            b.iter(|| black_box(store.load(&config, &Scope::all())))
        });
        let all = store.load(&config, &Scope::all());
        assert!(!all.has_errors(), "the generated folder is valid");
        group.bench_function(BenchmarkId::new("cross_checks", n), |b| {
            b.iter(|| {
                black_box(quartier::check::cross_checks(
                    store.root(),
                    &all.records,
                    &config,
                ))
            })
        });
        group.finish();

        let mut group = c.benchmark_group("report");
        group.sample_size(20);
        let reports = [
            (
                "yearly",
                Period::year(2025).expect("a year"),
                ReportKind::Yearly,
            ),
            (
                "monthly",
                Period::month(2026, 10).expect("a month"),
                ReportKind::Monthly,
            ),
        ];
        for (name, period, kind) in reports {
            // The report path of `quartier report` without git: read what the
            // report needs (its clients too), then build it. It must succeed,
            // or the bench would time the error path.
            let built = report::make::build_from(&store, &config, period, kind);
            assert!(
                built.is_ok(),
                "the {name} report is made: {:?}",
                built.err()
            );
            group.bench_function(BenchmarkId::new(format!("make {name}"), n), |b| {
                b.iter(|| black_box(report::make::build_from(&store, &config, period, kind)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, records);
criterion_main!(benches);
