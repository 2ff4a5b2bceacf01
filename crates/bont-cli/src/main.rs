//! `bont`: one binary for the clinic's web application and its command-line tasks.

use anyhow::Context;
use bont_cli::demo;
use bont_core::clock::{Clock, SystemClock};
use bont_core::user::{NewUser, UserInput};
use bont_db::{Actor, Database, Location};
use bont_web::{AppState, WebConfig};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "bont",
    version,
    about = "Botulinum toxin therapy for neurology clinics"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct DataArgs {
    /// Folder holding the database (a SQLite file, bont.sqlite) when no --database is given.
    #[arg(long, env = "BONT_DATA", default_value = "./bont-data")]
    data: PathBuf,
    /// A PostgreSQL database to use instead of the SQLite file in --data:
    /// postgres://user:password@host:port/database (the database must exist).
    #[arg(long, env = "BONT_DATABASE")]
    database: Option<String>,
}

impl DataArgs {
    /// Where the clinic's database is.
    fn location(&self) -> Location {
        match &self.database {
            Some(address) => Location::parse(address),
            None => Location::Sqlite(self.data.join(DATABASE_FILE)),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application.
    Serve {
        #[command(flatten)]
        data: DataArgs,
        /// Address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Start on a fresh demo database (kept apart from the clinic's own) with one
        /// log-in per role.
        #[arg(long)]
        demo: bool,
        /// Number of demo patients with --demo.
        #[arg(long, default_value_t = 200)]
        patients: usize,
        /// Name of the clinic, used when the database is created.
        #[arg(long, default_value = "Neurology clinic")]
        clinic_name: String,
        /// Send the session cookie only over HTTPS (when served behind TLS).
        #[arg(long)]
        secure_cookies: bool,
        /// A clinic's additional limits file for the safety check.
        #[arg(long, env = "BONT_LIMITS")]
        limits: Option<PathBuf>,
    },
    /// Fill the database with a synthetic clinic.
    Demo {
        #[command(flatten)]
        data: DataArgs,
        /// Number of patients.
        #[arg(long, default_value_t = 200)]
        patients: usize,
        /// Seed: the same seed and date give the same clinic.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// The date the clinic is generated as of (YYYY-MM-DD; default today).
        #[arg(long)]
        as_of: Option<jiff::civil::Date>,
        /// Clinics of a registry to deal the patients to (each gets a physician).
        #[arg(long, default_value_t = 1)]
        clinics: usize,
    },
    /// Check a treatment plan (JSON) against the label limits; exit status 0 ok or warn,
    /// 1 block, 2 a plan that cannot be checked.
    Check {
        /// The plan file, or - for standard input.
        plan: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// A clinic's additional limits file (same shape as the built-in one).
        #[arg(long, env = "BONT_LIMITS")]
        limits: Option<PathBuf>,
        /// The day to check as of (YYYY-MM-DD; default today): neither the session nor an
        /// earlier one may be dated after it.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// The follow-up worklist of a clinic for a day: who is due this week, overdue,
    /// upcoming, and the sessions never followed up.
    Worklist {
        #[command(flatten)]
        data: DataArgs,
        /// The day (YYYY-MM-DD; default today); the week runs Monday to Sunday.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
        /// The clinic's number (default: the first clinic).
        #[arg(long)]
        clinic: Option<i64>,
        /// Only this indication (e.g. cervical_dystonia).
        #[arg(long)]
        indication: Option<String>,
        /// Only sessions signed by this user name.
        #[arg(long)]
        physician: Option<String>,
        /// due_this_week, overdue, upcoming or never_followed_up (default: all).
        #[arg(long)]
        view: Option<String>,
    },
    /// Write a consistent copy of the database while bont keeps running.
    Backup {
        #[command(flatten)]
        data: DataArgs,
        /// The copy to write (must not exist yet).
        #[arg(long)]
        to: PathBuf,
    },
    /// Check a backup and put it in place of the database (stop the server first). The
    /// database it replaces is kept beside it.
    Restore {
        #[command(flatten)]
        data: DataArgs,
        /// The backup to bring back.
        #[arg(long)]
        from: PathBuf,
    },
    /// Check the audit trail's hash chain, or export it.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum ListFormat {
    Text,
    Csv,
    Json,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute every event's hash and link; exit status 0 intact, 1 broken.
    Verify {
        #[command(flatten)]
        data: DataArgs,
        /// A head printed by an earlier verify: it must still be in the chain.
        #[arg(long)]
        expect_head: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print audit events, oldest first.
    Export {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_enum, default_value = "csv")]
        format: ListFormat,
        /// From this day (YYYY-MM-DD, inclusive).
        #[arg(long)]
        from: Option<jiff::civil::Date>,
        /// To this day (YYYY-MM-DD, inclusive).
        #[arg(long)]
        to: Option<jiff::civil::Date>,
        /// Only this user name's events.
        #[arg(long)]
        user: Option<String>,
        /// Only this action, or actions starting with it when it ends with a dot
        /// (patient.).
        #[arg(long)]
        action: Option<String>,
        /// Only events about this patient (its number in bont).
        #[arg(long)]
        patient: Option<i64>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Open an account; prints a one-time password to change at first login.
    Add {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long)]
        username: String,
        /// physician, nurse, manager, researcher or admin.
        #[arg(long)]
        role: String,
        /// Name shown to colleagues (defaults to the user name).
        #[arg(long)]
        name: Option<String>,
        /// en, pl, ru or ar.
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Give an account a new one-time password.
    ResetPassword {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long)]
        username: String,
    },
    /// Make an API token for an account (for another system); prints it once.
    Token {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long)]
        username: String,
        /// What the token is for ("Hospital record export").
        #[arg(long)]
        name: String,
        /// read or write.
        #[arg(long, default_value = "read")]
        scope: String,
    },
}

impl From<ListFormat> for bont_cli::worklist::Format {
    fn from(f: ListFormat) -> Self {
        match f {
            ListFormat::Text => bont_cli::worklist::Format::Text,
            ListFormat::Csv => bont_cli::worklist::Format::Csv,
            ListFormat::Json => bont_cli::worklist::Format::Json,
        }
    }
}

/// Prints to standard output; a reader that stops early (`| head`) is no error.
fn print_all(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Every page of a worklist request (and, with `and_never`, every page of the sessions
/// never followed up too).
async fn worklist_pages(
    app: &bont_app::App,
    clinic: bont_core::ClinicId,
    request: bont_app::outcomes::WorklistRequest,
    and_never: bool,
) -> Result<
    (
        jiff::civil::Date,
        Vec<bont_db::outcomes::WorklistRow>,
        Vec<bont_db::outcomes::NeverFollowedUp>,
    ),
    bont_app::Error,
> {
    use bont_app::outcomes::Worklist;
    let mut lines = Vec::new();
    let mut never = Vec::new();
    let mut requests = vec![request.clone()];
    if and_never {
        requests.push(bont_app::outcomes::WorklistRequest {
            view: Some("never_followed_up".into()),
            ..request
        });
    }
    let mut day = app.clock.today();
    for mut request in requests {
        for page in 1.. {
            request.page = Some(page);
            let asked = request.check(app.clock.today())?;
            day = asked.day;
            let pages = match app.worklist(None, clinic, &asked).await? {
                Worklist::FollowUps(found) => {
                    lines.extend(found.rows);
                    bont_db::outcomes::page_count(found.total, found.per_page)
                }
                Worklist::NeverFollowedUp(found) => {
                    never.extend(found.sessions);
                    bont_db::outcomes::page_count(found.total, found.per_page)
                }
            };
            if page >= pages {
                break;
            }
        }
    }
    Ok((day, lines, never))
}

const DATABASE_FILE: &str = "bont.sqlite";
const DEMO_DATABASE_FILE: &str = "bont-demo.sqlite";
/// The audit key of a PostgreSQL database, in the data folder.
const AUDIT_KEY_FILE: &str = "audit.key";

/// Opens the database at `location` with the label facts of `BONT_LIMITS` (if set) beside
/// the built-in ones: sessions of a clinic's local products are read with them.
async fn open(location: &Location) -> anyhow::Result<Database> {
    open_keyed(location, None).await
}

/// The audit key of the database at `location`: beside a SQLite file, in the data folder
/// (`audit.key`) for PostgreSQL.
fn key_file(location: &Location, folder: &Path) -> PathBuf {
    match location {
        Location::Sqlite(path) => bont_db::audit_key_beside(path),
        Location::Postgres(_) => folder.join(AUDIT_KEY_FILE),
    }
}

/// Opens the database with its audit key in `key` (by default: beside a SQLite file; none
/// for PostgreSQL).
async fn open_keyed(location: &Location, key: Option<&Path>) -> anyhow::Result<Database> {
    let limits = match std::env::var_os("BONT_LIMITS") {
        Some(path) => Some(
            std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", Path::new(&path).display()))?,
        ),
        None => None,
    };
    let catalog = bont_cli::check::catalog(limits.as_deref()).map_err(|e| anyhow::anyhow!(e))?;
    open_with(location, key, &catalog).await
}

async fn open_with(
    location: &Location,
    key: Option<&Path>,
    catalog: &bont_core::safety::Catalog,
) -> anyhow::Result<Database> {
    if let Location::Sqlite(path) = location
        && let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
    {
        bont_db::files::create_private_dir(folder)
            .with_context(|| format!("cannot create the data folder {}", folder.display()))?;
    }
    let key = key.map(Path::to_path_buf).or_else(|| match location {
        Location::Sqlite(path) => Some(bont_db::audit_key_beside(path)),
        Location::Postgres(_) => None,
    });
    Database::connect_keyed(location, catalog, key.as_deref())
        .await
        .with_context(|| format!("cannot open the database {location}"))
}

/// The database of `data`, with its audit key.
async fn open_data(data: &DataArgs) -> anyhow::Result<Database> {
    let location = data.location();
    open_keyed(&location, Some(&key_file(&location, &data.data))).await
}

fn main() -> std::process::ExitCode {
    match entry() {
        Ok(code) => std::process::ExitCode::from(code),
        Err(e) => {
            eprintln!("bont: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn entry() -> anyhow::Result<u8> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Command::Check {
        plan,
        format,
        limits,
        today,
    } = &cli.command
    {
        let today = today.unwrap_or_else(|| SystemClock.today());
        return check_plan(plan, *format, limits.as_deref(), today);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if let Command::Audit { command } = cli.command {
        return runtime.block_on(audit_command(command));
    }
    runtime.block_on(run(cli)).map(|()| 0)
}

fn check_plan(
    plan: &Path,
    format: Format,
    limits: Option<&Path>,
    today: jiff::civil::Date,
) -> anyhow::Result<u8> {
    use bont_cli::check::{Outcome, catalog, run, text};
    let local = limits
        .map(|path| {
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the limits file {}", path.display()))
        })
        .transpose()?;
    let catalog = catalog(local.as_deref()).map_err(|e| anyhow::anyhow!("limits file: {e}"))?;
    let json = if plan.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())
            .context("cannot read the plan from standard input")?
    } else {
        std::fs::read_to_string(plan)
            .with_context(|| format!("cannot read the plan {}", plan.display()))?
    };
    let outcome = run(&catalog, &json, today);
    match (&outcome, format) {
        (Outcome::Checked(report), Format::Json) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&bont_cli::check::json(report, &catalog))?
            )
        }
        (Outcome::Checked(report), Format::Text) => print!("{}", text(report, &catalog)),
        (Outcome::Unreadable(errors), Format::Json) => {
            println!(
                "{}",
                serde_json::json!({"error": "the plan cannot be checked", "problems": errors})
            );
            for e in errors {
                eprintln!("{e}");
            }
        }
        (Outcome::Unreadable(errors), Format::Text) => {
            eprintln!("The plan cannot be checked:");
            for e in errors {
                eprintln!("  {e}");
            }
        }
    }
    Ok(outcome.exit_code())
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    match cli.command {
        Command::Serve {
            data,
            listen,
            demo,
            patients,
            clinic_name,
            secure_cookies,
            limits,
        } => {
            let local = limits
                .map(|path| {
                    std::fs::read_to_string(&path)
                        .with_context(|| format!("cannot read the limits file {}", path.display()))
                })
                .transpose()?;
            let catalog = bont_cli::check::catalog(local.as_deref())
                .map_err(|e| anyhow::anyhow!("limits file: {e}"))?;
            serve(
                ServeOptions {
                    location: data.location(),
                    folder: data.data,
                    listen,
                    demo_mode: demo,
                    patients,
                    clinic_name,
                    secure_cookies,
                    catalog,
                },
                clock,
            )
            .await
        }
        Command::Demo {
            data,
            patients,
            seed,
            as_of,
            clinics,
        } => {
            anyhow::ensure!(clinics >= 1, "clinics: at least 1");
            let db = open_data(&data).await?;
            let clinic = db
                .first_clinic_or_create("Demo neurology clinic", clock.now())
                .await?;
            let mut physicians = vec![demo_actor(&db, clinic.id, clock.as_ref()).await?];
            physicians.extend(demo::more_clinics(&db, clinics - 1, clock.now()).await?);
            let today = as_of.unwrap_or_else(|| clock.today());
            let catalog = bont_core::safety::Catalog::builtin();
            let bar = progress_bar(patients);
            let done = demo::populate(&db, &physicians, &catalog, seed, patients, today, &|n| {
                bar.set_position(n as u64);
                if n >= patients {
                    bar.set_message("; building the indexes");
                }
            })
            .await?;
            bar.finish_and_clear();
            println!("Added {} to {}.", done.summary(), data.location());
            Ok(())
        }
        Command::Worklist {
            data,
            date,
            format,
            clinic,
            indication,
            physician,
            view,
        } => {
            let db = existing(&data).await?;
            let clinic = match clinic {
                Some(id) => db
                    .clinic(bont_core::ClinicId::new(id))
                    .await
                    .map_err(|_| anyhow::anyhow!("clinic: there is no clinic {id}"))?,
                None => {
                    db.first_clinic_or_create("Neurology clinic", clock.now())
                        .await?
                }
            };
            let physician = match physician {
                Some(name) => Some(
                    db.user_by_username(&name)
                        .await?
                        .filter(|u| u.clinic == clinic.id)
                        .map(|u| u.id.get())
                        .ok_or_else(|| {
                            anyhow::anyhow!("physician: no user {name} in this clinic")
                        })?,
                ),
                None => None,
            };
            let app = bont_app::App::new(db, clock.clone(), bont_web::i18n::findings_in_english);
            let request = bont_app::outcomes::WorklistRequest {
                date,
                indication,
                physician,
                view: view.clone(),
                page: None,
                per_page: Some(bont_db::outcomes::PER_PAGE_MAX),
            };
            // Every page, one after the other: the command line prints the whole list.
            let (day, lines, never) = worklist_pages(&app, clinic.id, request, view.is_none())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            print_all(&bont_cli::worklist::render(
                format.into(),
                day,
                &lines,
                &never,
            )?)
        }
        Command::Backup { data, to } => {
            anyhow::ensure!(
                !to.exists(),
                "{} exists already; choose a new file",
                to.display()
            );
            // Written under a name of its own and renamed when whole and checked: a
            // backup stopped half-way never leaves a file under the backup's name.
            let partial = beside(&to, &format!(".partial-{}", std::process::id()));
            if let Location::Postgres(address) = data.location() {
                // The server's own tool: a consistent snapshot while bont keeps running.
                bont_db::files::create_private_file(&partial)?;
                postgres_tool(
                    "pg_dump",
                    &[
                        "--format=custom",
                        "--no-owner",
                        &format!("--file={}", partial.display()),
                        &address,
                    ],
                )?;
                std::fs::rename(&partial, &to)?;
                let size = std::fs::metadata(&to)?.len();
                let db = existing(&data).await?;
                audit_command_line(
                    &db,
                    "backup",
                    &format!("{} ({size} bytes, pg_dump)", to.display()),
                )
                .await?;
                db.close().await;
                println!(
                    "Backup written to {} ({} bytes) by pg_dump; restore it with bont restore \
                     (or pg_restore).",
                    to.display(),
                    size
                );
                return Ok(());
            }
            let db = existing(&data).await?;
            // The backup holds the event this checkpoint names.
            checkpoint(&db, clock.as_ref()).await;
            let written = db
                .backup_to(&partial)
                .await
                .with_context(|| format!("cannot write the backup {}", to.display()));
            let checked = match written {
                Ok(()) => bont_db::check_database_file(&partial)
                    .await
                    .context("the backup does not pass its check"),
                Err(e) => Err(e),
            };
            if let Err(e) = checked {
                let _ = std::fs::remove_file(&partial);
                return Err(e);
            }
            std::fs::rename(&partial, &to)?;
            let size = std::fs::metadata(&to)?.len();
            audit_command_line(&db, "backup", &format!("{} ({size} bytes)", to.display())).await?;
            db.close().await;
            println!(
                "Backup written to {} ({} bytes) and checked.",
                to.display(),
                size
            );
            Ok(())
        }
        Command::Restore { data, from } => {
            if let Location::Postgres(address) = data.location() {
                // Into the database named by --database, which should be new and empty:
                // what it holds is replaced.
                postgres_tool(
                    "pg_restore",
                    &[
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--single-transaction",
                        &format!("--dbname={address}"),
                        &from.display().to_string(),
                    ],
                )?;
                let db = existing(&data).await?;
                let report = db.verify_audit_chain(None).await?;
                db.close().await;
                anyhow::ensure!(
                    report.is_intact(),
                    "the restored database's audit trail is broken: {} breaks",
                    report.breaks.len()
                );
                println!(
                    "Restored {} into {} by pg_restore; its audit trail is intact.",
                    from.display(),
                    data.location()
                );
                return Ok(());
            }
            bont_db::check_database_file(&from)
                .await
                .with_context(|| format!("{} cannot be restored", from.display()))?;
            let location = data.location();
            let Location::Sqlite(path) = &location else {
                unreachable!("PostgreSQL is restored above")
            };
            if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
                bont_db::files::create_private_dir(folder)?;
            }
            // Never under a running server: what it acknowledged after the restore would
            // be lost. The lock is held until the restore is done.
            let _held = hold(path)?;
            // The copy is checked, its audit trail too, before it takes the place of
            // the database: an edited or damaged backup is refused, and nothing changes.
            let incoming = beside(path, ".restoring");
            let _ = std::fs::remove_file(&incoming);
            {
                let mut copy = bont_db::files::create_private_file(&incoming)?;
                std::io::copy(&mut std::fs::File::open(&from)?, &mut copy)?;
                copy.sync_all()?;
            }
            let verified = async {
                // Checked with this installation's key: a backup is restored where its
                // key is (the key is kept apart from the backups, and put back first).
                let copy = open_keyed(
                    &Location::Sqlite(incoming.clone()),
                    Some(&bont_db::audit_key_beside(path)),
                )
                .await?;
                let report = copy.verify_audit_chain(None).await;
                copy.close().await;
                let report = report?.as_of_its_head();
                anyhow::ensure!(
                    report.is_intact(),
                    "the backup's audit trail is broken ({} breaks): it was changed after it \
                     was written; nothing was restored",
                    report.breaks.len()
                );
                Ok(report.events)
            }
            .await;
            let events = match verified {
                Ok(events) => events,
                Err(e) => {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(beside(&incoming, suffix));
                    }
                    return Err(e);
                }
            };
            if path.exists() {
                let stamp = clock.now().strftime("%Y%m%dT%H%M%SZ").to_string();
                let kept = beside(path, &format!(".before-restore-{stamp}"));
                // Fold the journal into the old file first, so the kept copy is whole.
                let old = open(&location).await?;
                old.backup_to(&kept).await?;
                old.close().await;
                println!("The database it replaces is kept as {}.", kept.display());
            }
            for suffix in ["-wal", "-shm"] {
                for file in [beside(path, suffix), beside(&incoming, suffix)] {
                    if file.exists() {
                        std::fs::remove_file(file)?;
                    }
                }
            }
            std::fs::rename(&incoming, path)?;
            bont_db::check_database_file(path)
                .await
                .context("the restored database does not pass its check")?;
            // The checkpoints made since the backup name events the restore took away:
            // they are kept aside, and the restored chain starts its own.
            let checkpoints = beside(&bont_db::audit_key_beside(path), ".checkpoints");
            if checkpoints.exists() {
                let stamp = clock.now().strftime("%Y%m%dT%H%M%SZ").to_string();
                let aside = beside(&checkpoints, &format!(".before-restore-{stamp}"));
                std::fs::rename(&checkpoints, &aside)?;
                println!(
                    "The audit checkpoints before the restore are kept as {}.",
                    aside.display()
                );
            }
            let restored = open(&location).await?;
            audit_command_line(&restored, "restore", &format!("from {}", from.display())).await?;
            checkpoint(&restored, clock.as_ref()).await;
            restored.close().await;
            println!(
                "Restored {} into {}; its audit trail of {events} events is intact.",
                from.display(),
                path.display()
            );
            Ok(())
        }
        Command::User { command } => user_command(command, clock).await,
        Command::Check { .. } | Command::Audit { .. } => {
            unreachable!("handled before the runtime starts")
        }
    }
}

/// `bont audit ...`; the exit status of `verify` tells whether the chain is intact.
async fn audit_command(command: AuditCommand) -> anyhow::Result<u8> {
    use bont_cli::audit::{Format as Out, render_events, render_report};
    match command {
        AuditCommand::Verify {
            data,
            expect_head,
            format,
        } => {
            let db = existing(&data).await?;
            let report = db.verify_audit_chain(expect_head.as_deref()).await?;
            let format = match format {
                Format::Text => Out::Text,
                Format::Json => Out::Json,
            };
            print_all(&render_report(format, &report)?)?;
            Ok(if report.is_intact() { 0 } else { 1 })
        }
        AuditCommand::Export {
            data,
            format,
            from,
            to,
            user,
            action,
            patient,
        } => {
            let db = existing(&data).await?;
            let filter = bont_db::audit::AuditFilter {
                user,
                action,
                entity: patient.map(|_| "patient".to_owned()),
                entity_id: patient,
                from,
                to,
                ..Default::default()
            };
            let mut rows = db.audit_events(&filter, i64::MAX).await?;
            rows.reverse();
            let format_name = match format {
                ListFormat::Text => "text",
                ListFormat::Csv => "csv",
                ListFormat::Json => "json",
            };
            let format = match format {
                ListFormat::Text => Out::Text,
                ListFormat::Csv => Out::Csv,
                ListFormat::Json => Out::Json,
            };
            // Exporting the trail, which names patients' records, is on the trail.
            let detail = format!("{} events as {format_name}", rows.len());
            audit_command_line(&db, "audit.export", &detail).await?;
            print_all(&render_events(format, &rows)?)?;
            Ok(0)
        }
    }
}

/// Runs one of PostgreSQL's own tools (`pg_dump`, `pg_restore`), which the operator
/// installs with the server's client programs.
fn postgres_tool(tool: &str, args: &[&str]) -> anyhow::Result<()> {
    let status = std::process::Command::new(tool)
        .args(args)
        .status()
        .with_context(|| {
            format!(
                "a PostgreSQL database is backed up and restored with {tool}, which is not \
                 installed here (Debian: apt install postgresql-client)"
            )
        })?;
    anyhow::ensure!(status.success(), "{tool} failed ({status})");
    Ok(())
}

/// The clinic's database, which must exist already.
/// Seals the audit chain's head in a checkpoint; a failure is reported, not fatal.
async fn checkpoint(db: &Database, clock: &dyn Clock) {
    if let Err(e) = db.checkpoint_audit_chain(clock.now()).await {
        eprintln!("bont: the audit checkpoint was not written: {e}");
    }
}

async fn check_integrity(db: &Database) {
    match db.check_integrity().await {
        Ok(bont_db::StorageState::Damaged(found)) => eprintln!(
            "bont: the database {} is damaged ({found}); it takes no writes until it is \
             restored: stop bont and run `bont restore --from <backup>`",
            db.location()
        ),
        Ok(_) => {}
        Err(e) => eprintln!("bont: the integrity check did not run: {e}"),
    }
}

/// Takes the lock of the SQLite file at `path`, or says who holds it.
fn hold(path: &Path) -> anyhow::Result<bont_db::files::ServerLock> {
    bont_db::files::ServerLock::take(path)
        .with_context(|| format!("cannot lock {}", path.display()))?
        .ok_or_else(|| {
            anyhow::anyhow!(
                "a bont server is running on {} (it holds {}); stop it first",
                path.display(),
                bont_db::files::lock_path(path).display()
            )
        })
}

/// Records what the command line did to the database (a backup, a restore, an export)
/// on its audit trail.
async fn audit_command_line(
    db: &Database,
    action: &'static str,
    detail: &str,
) -> anyhow::Result<()> {
    let event = bont_db::audit::Event {
        action,
        entity: None,
        entity_id: None,
        detail,
    };
    db.audit_event(None, None, "command line", jiff::Timestamp::now(), event)
        .await?;
    Ok(())
}

/// `path` with `suffix` added to its file name.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn existing(data: &DataArgs) -> anyhow::Result<Database> {
    let location = data.location();
    if let Location::Sqlite(path) = &location {
        anyhow::ensure!(path.exists(), "there is no database at {}", path.display());
    }
    open_data(data).await
}

/// The account demo data is recorded as: the demo physician, created (with the other
/// demo log-ins, printed) when the database has no accounts yet.
async fn demo_actor(
    db: &Database,
    clinic: bont_core::ClinicId,
    clock: &dyn Clock,
) -> anyhow::Result<Actor> {
    if db.count_users().await? == 0 {
        let accounts = demo::create_demo_accounts(db, clinic, clock.now()).await?;
        print_accounts(&accounts);
    }
    let user = match db.user_by_username("physician").await? {
        Some(u) => u,
        None => db
            .users_of_clinic(clinic)
            .await?
            .into_iter()
            .next()
            .context("the database has no account to record demo data as")?,
    };
    Ok(Actor {
        user: user.id,
        clinic,
        client: "bont demo".into(),
        now: clock.now(),
    })
}

/// A bar on a terminal; nothing when the output goes elsewhere.
fn progress_bar(patients: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(patients as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} patients, {per_sec}, {eta} left{msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn print_accounts(accounts: &[demo::DemoAccount]) {
    println!("Demo log-ins (one per role):");
    for a in accounts {
        println!(
            "  {:<11} user name: {:<11} password: {}",
            a.role.id(),
            a.username,
            a.password
        );
    }
}

struct ServeOptions {
    location: Location,
    folder: PathBuf,
    listen: SocketAddr,
    demo_mode: bool,
    patients: usize,
    clinic_name: String,
    secure_cookies: bool,
    catalog: bont_core::safety::Catalog,
}

async fn serve(options: ServeOptions, clock: Arc<dyn Clock>) -> anyhow::Result<()> {
    let ServeOptions {
        location,
        folder,
        listen,
        demo_mode,
        patients,
        clinic_name,
        secure_cookies,
        catalog,
    } = options;
    let db = if demo_mode {
        // A demo always starts afresh, in a file of its own beside the clinic's data.
        anyhow::ensure!(
            location.engine() == bont_db::Engine::Sqlite,
            "--demo starts afresh in a SQLite file of its own in --data; leave out --database"
        );
        bont_db::files::create_private_dir(&folder)?;
        for suffix in ["", "-wal", "-shm", ".audit-key", ".audit-key.checkpoints"] {
            let path = folder.join(format!("{DEMO_DATABASE_FILE}{suffix}"));
            if path.exists() {
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
            }
        }
        open_with(
            &Location::Sqlite(folder.join(DEMO_DATABASE_FILE)),
            None,
            &catalog,
        )
        .await?
    } else {
        // A damaged file is not served: nothing more is written into it.
        if let Location::Sqlite(path) = &location
            && path.exists()
            && let bont_db::StorageState::Damaged(found) = bont_db::quick_check_file(path).await?
        {
            anyhow::bail!(
                "{} is damaged ({found}). bont does not serve or write into a damaged database: \
                 restore the last backup with `bont restore --from <backup>` (the damaged file is kept \
                 beside it)",
                path.display()
            );
        }
        open_with(&location, Some(&key_file(&location, &folder)), &catalog).await?
    };
    // One server to a SQLite file; `bont restore` waits for it to stop.
    let _held = match db.location() {
        Location::Sqlite(path) => Some(hold(path)?),
        Location::Postgres(_) => None,
    };
    let clinic_name = if demo_mode {
        "Demo neurology clinic".to_owned()
    } else {
        clinic_name
    };
    let clinic = db.first_clinic_or_create(&clinic_name, clock.now()).await?;
    let state = AppState::new(db.clone(), clock.clone()).with_catalog(catalog);
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr()?;
    if demo_mode {
        let actor = demo_actor(&db, clinic.id, clock.as_ref()).await?;
        let done = demo::populate(
            &db,
            std::slice::from_ref(&actor),
            &state.catalog,
            2026,
            patients,
            clock.today(),
            &|_| {},
        )
        .await?;
        println!("Demo clinic with {}.", done.summary());
    } else if let Some((username, password)) =
        bont_web::auth::ensure_first_admin(&state, clinic.id).await?
    {
        println!("First start: a first administrator account was created.");
        println!("  Log in at http://{address}/login");
        println!("  user name: {username}");
        println!("  one-time password: {password}");
        println!("  You will be asked to choose your own password.");
    }
    let router = bont_web::app(
        state,
        &WebConfig {
            secure_cookies,
            ..WebConfig::default()
        },
    )
    .await?;
    // The head of the audit chain is sealed in a checkpoint beside the key at the start,
    // every hour and at the stop: removing the newest events then shows in `verify`. The
    // file's integrity is checked every six hours; found damaged, it takes no writes.
    checkpoint(&db, clock.as_ref()).await;
    let hourly = {
        let (db, clock) = (db.clone(), clock.clone());
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
            every.tick().await;
            for hour in 1u64.. {
                every.tick().await;
                checkpoint(&db, clock.as_ref()).await;
                if hour % 6 == 0 {
                    check_integrity(&db).await;
                }
            }
        })
    };
    println!("bont is serving on http://{address}/ (stop with Ctrl+C)");
    bont_web::serve(
        listener,
        router,
        bont_web::ServeLimits::default(),
        shutdown_signal(),
    )
    .await?;
    hourly.abort();
    checkpoint(&db, clock.as_ref()).await;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn user_command(command: UserCommand, clock: Arc<dyn Clock>) -> anyhow::Result<()> {
    match command {
        UserCommand::Add {
            data,
            username,
            role,
            name,
            language,
        } => {
            let db = open_data(&data).await?;
            let clinic = db
                .first_clinic_or_create("Neurology clinic", clock.now())
                .await?;
            let input = UserInput {
                display_name: name.unwrap_or_else(|| username.clone()),
                username,
                role,
                language,
            };
            let user = NewUser::parse(&input).map_err(|e| anyhow::anyhow!("{e}"))?;
            let password = bont_web::auth::one_time_password();
            let hash =
                bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
            db.create_user(None, clinic.id, &user, &hash, true, clock.now())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "Account {} ({}) created.",
                user.username.as_str(),
                user.role
            );
            println!("One-time password: {password}");
            Ok(())
        }
        UserCommand::ResetPassword { data, username } => {
            let db = open_data(&data).await?;
            let user = db
                .user_by_username(&username)
                .await?
                .context("no account with that user name")?;
            let password = bont_web::auth::one_time_password();
            let hash =
                bont_web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
            let actor = Actor {
                user: user.id,
                clinic: user.clinic,
                client: "bont user reset-password".into(),
                now: clock.now(),
            };
            db.set_password(&actor, user.id, &hash, true).await?;
            println!("New one-time password for {}: {password}", user.username);
            Ok(())
        }
        UserCommand::Token {
            data,
            username,
            name,
            scope,
        } => {
            let db = open_data(&data).await?;
            let user = db
                .user_by_username(&username)
                .await?
                .filter(|u| u.active)
                .context("no active account with that user name")?;
            anyhow::ensure!(
                !user.must_change_password,
                "{} has not chosen a password yet; tokens work once they have logged in",
                user.username
            );
            let token =
                bont_core::user::NewToken::parse(&bont_core::user::TokenInput { name, scope })
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            let secret = bont_web::pages::tokens::new_secret();
            let actor = Actor {
                user: user.id,
                clinic: user.clinic,
                client: "bont user token".into(),
                now: clock.now(),
            };
            db.create_api_token(&actor, &token, &secret).await?;
            println!(
                "API token for {} ({} scope), shown only now:",
                user.username,
                token.scope.id()
            );
            println!("{secret}");
            Ok(())
        }
    }
}
