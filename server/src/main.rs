#![forbid(unsafe_code)]

use clap::Parser;
use server::admin::{Cli, Command};
use server::{config::Settings, startup::Application, telemetry};

/// mimalloc, not glibc's malloc: see server/Cargo.toml for the measurement.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let read = if matches!(cli.command, Some(Command::Admin(_))) { Settings::for_admin_from_env() } else { Settings::from_env() };
    let settings = match read {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log_filter, settings.log_format);
    if let Some(Command::Admin(cmd)) = cli.command {
        return match server::admin::run(cmd, settings.database_url.expose(), settings.environment, &mut std::io::stdout()).await {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    let app = match Application::build(settings, server::leptos_options()).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!(error = %e, "could not start");
            return std::process::ExitCode::FAILURE;
        }
    };
    match app.run_until_stopped(server::startup::shutdown_signal()).await {
        Ok(()) => {
            tracing::info!("stopped");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "server failed");
            std::process::ExitCode::FAILURE
        }
    }
}
