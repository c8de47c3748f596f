//! tee: copy standard input to standard output and to files, with GNU's choices of what
//! a write error does (`-p`, `--output-error`).

use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use wasmix_common::file_out::FileOut;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input, quote};

static PROGRAM: Program = Program::new(
    "tee",
    "Usage: tee [OPTION]... [FILE]...\n\
     Copy standard input to each FILE, and also to standard output.\n\n  \
     -a, --append              append to the given FILEs, do not overwrite\n  \
     -p                        operate in a more appropriate MODE with pipes.\n      \
     --output-error[=MODE]   set behavior on write error.  See MODE below\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     MODE determines behavior with write errors on the outputs:\n  \
     warn           diagnose errors writing to any output\n  \
     warn-nopipe    diagnose errors writing to any output not a pipe\n  \
     exit           exit on error writing to any output\n  \
     exit-nopipe    exit on error writing to any output not a pipe\n\
     The default MODE for the -p option is 'warn-nopipe'.\n\
     With \"nopipe\" MODEs, exit immediately if all outputs become broken pipes.\n\
     The default operation when --output-error is not specified, is to\n\
     exit immediately on error writing to a pipe, and diagnose errors\n\
     writing to non pipe outputs.\n",
);

/// What a write error does.
#[derive(Clone, Copy, PartialEq)]
enum OnError {
    /// Without `--output-error`: a broken pipe ends tee at once, as SIGPIPE ends GNU's.
    Default,
    Warn,
    WarnNoPipe,
    Exit,
    ExitNoPipe,
}

fn mode(text: &str) -> Result<OnError, Failure> {
    Ok(match text {
        "warn" => OnError::Warn,
        "warn-nopipe" => OnError::WarnNoPipe,
        "exit" => OnError::Exit,
        "exit-nopipe" => OnError::ExitNoPipe,
        other => {
            return Err(Failure::Usage(format!(
                "invalid argument '{other}' for '--output-error'\n\
                 Valid arguments are:\n  - 'warn'\n  - 'warn-nopipe'\n  - 'exit'\n  - 'exit-nopipe'"
            )));
        }
    })
}

/// A file written to: its name in messages, and the file (`None` once it failed).
struct Sink {
    name: String,
    to: Option<Box<dyn Write>>,
}

/// What a write error on output `name` does, as `on_error` says: Err ends tee (a broken
/// pipe by default, as SIGPIPE would; any error in the `exit` modes).
fn decide(
    on_error: OnError,
    name: &str,
    e: io::Error,
    status: &mut u8,
    stopped: &mut bool,
) -> io::Result<()> {
    let pipe = e.kind() == io::ErrorKind::BrokenPipe;
    match (on_error, pipe) {
        (OnError::Default, true) => Err(e),
        (OnError::WarnNoPipe | OnError::ExitNoPipe, true) => Ok(()),
        (OnError::Exit | OnError::ExitNoPipe, _) => {
            PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
            *status = 1;
            *stopped = true;
            Err(e)
        }
        _ => {
            PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
            *status = 1;
            Ok(())
        }
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut append = false;
        let mut on_error = OnError::Default;
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("append") => append = true,
                Arg::Short('p') => on_error = OnError::WarnNoPipe,
                Arg::Long("output-error") => {
                    on_error = match args.optional_value() {
                        Some(text) => mode(&text)?,
                        None => OnError::WarnNoPipe,
                    }
                }
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        let mut files = Vec::new();
        for name in names {
            let opened = OpenOptions::new()
                .write(true)
                .create(true)
                .append(append)
                .truncate(!append)
                .open(&name);
            let to: Box<dyn Write> = match opened {
                // Appends go through the stream; the rest by offset, for real errnos.
                Ok(file) if append => Box::new(file),
                Ok(file) => Box::new(FileOut::new(file)),
                Err(e) => {
                    PROGRAM.warn(wasmix_common::file_error(&name, &e));
                    status = 1;
                    continue;
                }
            };
            files.push(Sink {
                name: quote::quotef(&name),
                to: Some(to),
            });
        }
        let mut stdin = wasmix_common::input::stdin();
        let mut stdout_open = true;
        // Set where an error ends tee (`exit` modes), or every output is gone.
        let mut stopped = false;
        let copied = input::each_chunk(&mut stdin as &mut dyn Read, |chunk| {
            if stdout_open && let Err(e) = out.write_all(chunk).and_then(|()| out.flush()) {
                stdout_open = false;
                out.abandon();
                decide(on_error, "'standard output'", e, &mut status, &mut stopped)?;
            }
            for sink in files.iter_mut() {
                let Some(to) = sink.to.as_mut() else { continue };
                if let Err(e) = to.write_all(chunk).and_then(|()| to.flush()) {
                    sink.to = None;
                    decide(on_error, &sink.name, e, &mut status, &mut stopped)?;
                }
            }
            // Nothing left to write to: the rest of the input need not be read.
            if !stdout_open && files.iter().all(|s| s.to.is_none()) {
                stopped = true;
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            Ok(())
        });
        match copied {
            Err(_) if stopped => Ok(status),
            Err(e) => Err(Failure::from(e)),
            Ok(()) => Ok(status),
        }
    })
}
