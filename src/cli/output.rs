//! Writing to the terminal: colour decisions and quiet handling of closed pipes.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use super::args::ColorChoice;

/// Whether to colour output on stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") || std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0")
            {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

/// Set once stdout's reader has gone (`cse check | head`): later output is dropped, but the
/// command still runs to its end, so the exit code is still its verdict.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Leaves `value` to be freed by the process's exit, which is about to come: freeing thousands
/// of parsed evidence files one by one costs milliseconds and returns nothing. Only for what
/// holds memory alone (no temp file, no lock, no unwritten buffer).
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Writes all of `text` to stdout.
pub fn emit(text: &str) -> anyhow::Result<()> {
    emit_with(|out| out.write_all(text.as_bytes()))
}

/// Runs an emitter on stdout, buffered, then flushes. A closed pipe ends the output quietly.
pub fn emit_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            // Drop what is still buffered: writing it again would fail again.
            let _ = out.into_parts();
            Ok(())
        }
        other => Ok(other?),
    }
}

pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
