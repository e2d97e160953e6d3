//! The `nextword` binary: parses the command line and reports any error as one line on stderr
//! with a non-zero exit status (2 for a bad command line, 1 for everything else).

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    let mut cli = match nextword::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            err.exit()
        }
        Err(err) => {
            // clap explains over several lines; the first one says what was wrong.
            let text = err.render().to_string();
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("invalid arguments");
            eprintln!("{first} (see `nextword --help`)");
            return ExitCode::from(2);
        }
    };
    // The exhibit config is read before logging starts: it names the kiosk's log file.
    let log_file = match cli.window.prepare(cli.command.is_none()) {
        Ok(log_file) => log_file,
        Err(err) => {
            eprintln!("error: {}", nextword::cli::error_line(&err));
            return ExitCode::FAILURE;
        }
    };
    init_logging(log_file);
    match nextword::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", nextword::cli::error_line(&err));
            ExitCode::FAILURE
        }
    }
}

/// Logs to stderr (RUST_LOG, default `warn`); a kiosk with a log file (default `info`) also
/// writes a size-capped file, and keeps running on stderr alone when that file cannot be opened.
/// By default the GL backend's probing is silent: on a machine without GL drivers wgpu logs an
/// EGL error while it looks for adapters, even when Vulkan serves the app; a missing adapter
/// still gets its own error line.
fn init_logging(log_file: Option<(std::path::PathBuf, u64)>) {
    let filter = if log_file.is_some() {
        "info,wgpu_hal::gles=off"
    } else {
        "warn,wgpu_hal::gles=off"
    };
    let mut builder =
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(filter));
    if let Some((path, max_bytes)) = log_file {
        match nextword::kiosk::logfile::kiosk_log_target(&path, max_bytes) {
            Ok(target) => {
                builder.target(target);
            }
            Err(e) => eprintln!("warning: {}: cannot open the log file: {e}", path.display()),
        }
    }
    builder.init();
}

/// A reader that stopped reading (e.g. `nextword train | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
