//! `nextword` with no subcommand: the interactive window (owned by the scene work; stub for now).

#[derive(clap::Args, Debug)]
pub struct WindowArgs {}

pub fn run(_args: &WindowArgs) -> anyhow::Result<()> {
    anyhow::bail!("the window is not built yet; try `nextword train`")
}
