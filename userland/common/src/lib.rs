//! What every wasmix userland program shares, so that each utility is only its own logic:
//! argument conventions (`--help`, `--version`, `--`, combined short flags), the GNU error
//! format `prog: what: reason`, buffered output, and exit statuses that reach the shell intact.

pub mod args;
pub mod backup;
pub mod block;
pub mod canonical;
#[cfg(feature = "datetime")]
pub mod datetime;
mod error;
pub use wasmix_printf_format::escapes;
pub use wasmix_printf_format::rawbytes;
pub mod file_out;
pub mod filemode;
pub mod input;
pub mod lines;
pub mod locale;
#[cfg(target_arch = "wasm32")]
mod memcmp;
pub mod modechange;
pub mod names;
pub mod numbers;
mod output;
pub mod ownership;
#[cfg(feature = "regex")]
pub use wasmix_posix_regex as posix_regex;
#[cfg(feature = "process")]
pub mod process;
pub mod prompt;
pub mod quote;
pub mod signals;
pub mod tabstops;
#[cfg(feature = "terminal")]
pub mod terminal;
pub mod tree;
pub mod units;
pub mod version;
pub mod wasi_fs;

pub use args::{Arg, Args};
pub use error::{Failure, IoContext, describe_io_error, file_error, read_error};
pub use output::{Output, STDBUF_OUTPUT};

/// Status of a program killed by SIGPIPE in bash (128 + 13); we exit with it quietly when the
/// reader of our output has gone away.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// The name the program was run by (the last part of argv[0]): a program installed
/// under a second name (`base32`, `arch`, `groups`) asks it which one it is.
pub fn run_as() -> Option<String> {
    let first = std::env::args_os().next()?;
    let name = std::path::Path::new(&first).file_name()?;
    name.to_str().map(str::to_string)
}

/// Identity of a utility: its name (for error messages) and its `--help` text.
pub struct Program {
    pub name: &'static str,
    pub help: &'static str,
    /// Status for usage errors: 1 for most coreutils, 2 for grep and friends.
    pub usage_status: u8,
    /// Status for other failures reported through `Failure::Fatal`: 1, or 2 for sort.
    pub failure_status: u8,
    /// Status after `--help` or `--version`: 0, except for `false`.
    pub help_status: u8,
    /// diffutils put the program's name before "Try '... --help'" too.
    pub names_help_hint: bool,
    /// Other names the program answers to in its messages when run by them (`dir` and
    /// `vdir` are `ls`).
    pub aliases: &'static [&'static str],
}

impl Program {
    pub const fn new(name: &'static str, help: &'static str) -> Program {
        Program {
            name,
            help,
            usage_status: 1,
            failure_status: 1,
            help_status: 0,
            names_help_hint: false,
            aliases: &[],
        }
    }

    /// The name messages give: the one it was run by, when that is one of its aliases.
    pub fn name(&self) -> &'static str {
        let run_as = run_as();
        self.aliases
            .iter()
            .find(|alias| Some(**alias) == run_as.as_deref())
            .unwrap_or(&self.name)
    }

    /// Runs the utility and exits with its status. `body` gets the parsed-on-demand arguments
    /// and a buffered stdout; it returns the exit status or a failure to report.
    pub fn run(&'static self, body: impl FnOnce(Args, &mut Output) -> Result<u8, Failure>) -> ! {
        enter_working_directory();
        let mut out = Output::stdout();
        let status = match body(Args::from_env(self), &mut out) {
            Ok(status) => out.finish(self.name()).map_or_else(|s| s, |()| status),
            Err(failure) => {
                // What was printed before the failure still belongs on stdout.
                let _ = out.finish(self.name());
                failure.report(self)
            }
        };
        exit(status)
    }

    /// Prints `prog: message` on stderr, the shape of every GNU diagnostic.
    pub fn warn(&self, message: impl std::fmt::Display) {
        output::flush_before_diagnostic();
        to_stderr(format_args!("{}: {message}", self.name()));
    }
}

/// Writes a line on stderr, as it is: whether it was written. Where its reader has gone,
/// the program ends as SIGPIPE would end it; a stderr that is closed leaves nowhere to
/// report anything (`eprintln!` would panic on either).
pub fn to_stderr(line: std::fmt::Arguments) -> bool {
    use std::io::Write;
    match writeln!(std::io::stderr(), "{line}") {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit(BROKEN_PIPE_STATUS),
        Err(_) => false,
    }
}

/// `eprintln!` that never panics: a line on stderr in a shape of the program's own (no
/// `prog:` prefix added).
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {{
        $crate::to_stderr(format_args!($($arg)*));
    }};
}

/// Tells the kernel that this program enters its working directory itself (below), so it
/// needs no other help to resolve relative paths.
#[cfg(target_os = "wasi")]
#[unsafe(link_section = "wasmix:enters-cwd")]
#[used]
static ENTERS_CWD: [u8; 1] = [1];

/// Starts in the working directory the kernel gives (`wasi:cli/environment.initial-cwd`),
/// which wasi-libc does not read: it starts every program at `/`.
fn enter_working_directory() {
    #[cfg(target_os = "wasi")]
    if let Some(dir) = wasip2::cli::environment::initial_cwd() {
        let _ = std::env::set_current_dir(dir);
    }
}

/// Exits with `status` through `wasi:cli/exit.exit-with-code`: Rust's own `process::exit`
/// only reaches the host as success or failure, and a shell needs the number.
pub fn exit(status: u8) -> ! {
    #[cfg(target_os = "wasi")]
    {
        wasip2::cli::exit::exit_with_code(status);
        unreachable!("exit-with-code returned");
    }
    #[cfg(not(target_os = "wasi"))]
    std::process::exit(i32::from(status))
}
