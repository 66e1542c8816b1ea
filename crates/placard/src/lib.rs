//! Wiring: command line, configuration, and the processes each role runs.
#![forbid(unsafe_code)]

mod app;
mod cli;
mod database;
mod migrate_store;
mod serve;
mod settings;
mod verify;

pub use app::App;
pub use cli::Cli;
pub use settings::{Roles, Settings};

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

pub fn main() -> ExitCode {
    let command = Cli::command();
    // Settings are read and checked before anything else happens: a bad value stops
    // startup with the variable's name, before a port is bound or a file created.
    let cli = match command
        .clone()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            if let Some(message) = settings::configuration_error(&command, &e) {
                eprintln!("placard: configuration error: {message}");
                return ExitCode::from(2);
            }
            e.exit()
        }
    };
    init_tracing(&cli.settings.log);
    let present = std::env::vars_os().map(|(k, _)| k.to_string_lossy().into_owned());
    for unknown in settings::unknown_variables(&command, present) {
        match &unknown.nearest {
            Some(near) => tracing::warn!(
                config.variable = %unknown.name,
                config.nearest = %near,
                "unknown setting {} is ignored: did you mean {near}?",
                unknown.name
            ),
            None => tracing::warn!(
                config.variable = %unknown.name,
                "unknown setting {} is ignored",
                unknown.name
            ),
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("placard: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("placard: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(filter: &str) {
    // A filter that does not parse keeps only what parses of it (and says nothing):
    // logging must never stop the service from starting.
    let filter = tracing_subscriber::EnvFilter::new(filter);
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}
