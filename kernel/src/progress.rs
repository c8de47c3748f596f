//! A line on the terminal while a program compiles for the first time, so a long wait
//! is not a silent one. Shown only when the compile outlasts half a second and wasmix's
//! standard error is a terminal (never in a pipe or a file), and erased when it is done.

use std::io::{IsTerminal, Write};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a compile runs before the line appears.
const QUIET_FOR: Duration = Duration::from_millis(500);

pub struct CompileProgress {
    done: Option<mpsc::Sender<()>>,
    shower: Option<JoinHandle<()>>,
}

impl CompileProgress {
    /// Starts watching the compile of `path` (`size` bytes of wasm).
    pub fn start(path: &str, size: usize) -> CompileProgress {
        if !std::io::stderr().is_terminal() {
            return CompileProgress {
                done: None,
                shower: None,
            };
        }
        let name = path.rsplit('/').next().unwrap_or(path).to_string();
        let (done, finished) = mpsc::channel::<()>();
        let shower = std::thread::Builder::new()
            .name("wasmix-progress".into())
            .spawn(move || {
                if finished.recv_timeout(QUIET_FOR) != Err(mpsc::RecvTimeoutError::Timeout) {
                    return;
                }
                let megabytes = size as f64 / (1 << 20) as f64;
                let mut stderr = std::io::stderr().lock();
                let _ = write!(stderr, "wasmix: compiling {name} ({megabytes:.1} MB)…");
                let _ = stderr.flush();
                drop(stderr);
                // Sender dropped or signalled: the compile is over either way.
                let _ = finished.recv();
                let _ = write!(std::io::stderr(), "\r\x1b[K");
            })
            .ok();
        CompileProgress {
            done: Some(done),
            shower,
        }
    }
}

impl Drop for CompileProgress {
    /// The compile is over: the line, if shown, is erased before anything else is printed.
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(shower) = self.shower.take() {
            let _ = shower.join();
        }
    }
}
