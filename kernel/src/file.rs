//! What a process's standard streams can be connected to: the host console, a kernel pipe,
//! or nothing. The counted pipe handles stay here, outside the wasm `Store`, and are
//! dropped when the process ends, which is what closes the pipe for its peer.

use crate::console::ConsoleStdin;
use crate::pipe::{PipeReader, PipeWriter};
use wasmtime_wasi::WasiCtxBuilder;

pub enum Input {
    Console,
    Pipe(PipeReader),
    Null,
}

pub enum Output {
    ConsoleOut,
    ConsoleErr,
    Pipe(PipeWriter),
    Null,
}

/// A process's three standard streams.
pub struct Stdio {
    pub stdin: Input,
    pub stdout: Output,
    pub stderr: Output,
}

impl Stdio {
    /// The console for all three, as for a command typed at the prompt.
    pub fn console() -> Stdio {
        Stdio {
            stdin: Input::Console,
            stdout: Output::ConsoleOut,
            stderr: Output::ConsoleErr,
        }
    }

    pub(crate) fn install(&self, builder: &mut WasiCtxBuilder) {
        match &self.stdin {
            Input::Console => builder.stdin(ConsoleStdin),
            Input::Pipe(reader) => builder.stdin(reader.stdin()),
            Input::Null => builder.stdin(tokio::io::empty()),
        };
        install_output(&self.stdout, |s| builder.stdout(s));
        install_output(&self.stderr, |s| builder.stderr(s));
    }
}

fn install_output<'b>(
    output: &Output,
    set: impl FnOnce(Box<dyn wasmtime_wasi::cli::StdoutStream + Sync>) -> &'b mut WasiCtxBuilder,
) {
    match output {
        Output::ConsoleOut => set(Box::new(std::io::stdout())),
        Output::ConsoleErr => set(Box::new(std::io::stderr())),
        Output::Pipe(writer) => set(Box::new(writer.stdout())),
        Output::Null => set(Box::new(tokio::io::empty())),
    };
}
