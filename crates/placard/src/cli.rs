//! The command line: `serve`, `migrate`, `user create`.

use crate::database::open_database;
use crate::settings::{Roles, Settings};
use anyhow::Context;
use clap::{Parser, Subcommand};
use placard_domain::{Role, SecretToken, StaffName};
use placard_storage::StoreError;
use std::str::FromStr;

#[derive(Debug, Parser)]
#[command(
    name = "placard",
    version,
    about = "Photo petitions and slogan contests for advocacy campaigns"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the service: HTTP API and pages, background worker, scheduler.
    Serve {
        /// Which parts to run, comma-separated: api, worker, scheduler (all by default).
        #[arg(long, default_value = "api,worker,scheduler", value_parser = Roles::from_str)]
        roles: Roles,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Copy every object from one storage URL to another (e.g. file:// to s3://), resumably:
    /// an object already at the destination with the same size is not copied again.
    MigrateStore {
        /// Source, e.g. file://./placard-data/objects
        #[arg(long)]
        from: String,
        /// Destination, e.g. s3://placard-photos
        #[arg(long)]
        to: String,
    },
    /// Check a contest's published results against their manifest: fetches URL (the
    /// results, e.g. https://…/api/v1/contests/SLUG/results) and URL/manifest, checks the
    /// hash and recomputes the ranking; exits 0 only when both match.
    VerifyResults {
        /// The results' URL.
        url: String,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account; its API token is printed once, as the last line of stdout.
    Create {
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long)]
        name: String,
    },
    /// List staff accounts (never their tokens): name, role, campaigns, last seen, revoked.
    List,
    /// Revoke a staff account: its token answers 401 from the next request on.
    Revoke {
        #[arg(long)]
        name: String,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
        .map_err(|e: placard_domain::role::UnknownRole| e.to_string())
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = &cli.settings;
    let pool = settings.storage.command_pool();
    match cli.command {
        Command::Serve { roles } => crate::serve::serve(settings, roles).await,
        Command::MigrateStore { from, to } => crate::migrate_store::run(settings, &from, &to).await,
        Command::VerifyResults { url } => crate::verify::run(&url).await,
        Command::Migrate => {
            let store = open_database(settings, pool).await?;
            tracing::info!(db.backend = store.backend().as_str(), "migrations applied");
            store.close().await;
            Ok(())
        }
        Command::User {
            command: UserCommand::Create { role, name },
        } => {
            let name = StaffName::parse(&name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
            let store = open_database(settings, pool).await?;
            let token = SecretToken::generate("plc");
            let staff = match store.create_staff(&name, role, &token.hash()).await {
                Ok(s) => s,
                Err(StoreError::Conflict(_)) => {
                    anyhow::bail!("a staff account named `{name}` already exists")
                }
                Err(e) => return Err(e).context("Failed to create the staff account"),
            };
            store.close().await;
            eprintln!(
                "Created {} `{}` ({}). Its API token follows; it is shown only this once.",
                staff.role, staff.name, staff.id
            );
            println!("{}", token.expose());
            Ok(())
        }
        Command::User {
            command: UserCommand::List,
        } => {
            let store = open_database(settings, pool).await?;
            let accounts = store.staff_accounts().await?;
            store.close().await;
            println!("NAME\tROLE\tCAMPAIGNS\tCREATED\tLAST SEEN\tREVOKED");
            let time = |t: Option<chrono::DateTime<chrono::Utc>>| {
                t.map_or("-".to_owned(), |t| t.format("%Y-%m-%d %H:%M").to_string())
            };
            for a in accounts {
                let campaigns = if a.campaigns.is_empty() {
                    "all".to_owned()
                } else {
                    a.campaigns.join(",")
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    a.name,
                    a.role,
                    campaigns,
                    time(Some(a.created_at)),
                    time(a.last_seen_at),
                    time(a.revoked_at)
                );
            }
            Ok(())
        }
        Command::User {
            command: UserCommand::Revoke { name },
        } => {
            let store = open_database(settings, pool).await?;
            let account = store
                .staff_accounts()
                .await?
                .into_iter()
                .find(|a| a.name == name.trim())
                .ok_or_else(|| anyhow::anyhow!("there is no staff account named `{name}`"))?;
            store
                .revoke_staff(account.id, "cli", chrono::Utc::now())
                .await
                .context("Failed to revoke the staff account")?;
            store.close().await;
            eprintln!(
                "Revoked {} `{}`: its token no longer works.",
                account.role, account.name
            );
            Ok(())
        }
    }
}
