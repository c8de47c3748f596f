//! The `wasmix` command: boots the kernel and runs the shell on a prompt, a command
//! string, or a script.

use clap::Parser;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use wasmix::kernel::{BootOptions, HostMount, Kernel};
use wasmix::sh::{Exit, Origin, Shell};

/// A Unix-like environment in which every program is a sandboxed WebAssembly component.
///
/// With no FILE and no -c, wasmix starts an interactive shell (or, when standard input is
/// not a terminal, runs the commands read from it). `wasmix run PROGRAM.wasm [ARGS]` runs
/// a WebAssembly program from the host directly, as `wasmtime run` does.
#[derive(Parser)]
#[command(version, args_override_self = true)]
struct Options {
    /// Run COMMANDS and exit with the status of the last one.
    #[arg(short = 'c', value_name = "COMMANDS")]
    command: Option<String>,

    /// Keep compiled programs in DIR [default: the user's cache directory]
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,

    /// Keep compiled programs in memory only.
    #[arg(long, conflicts_with = "cache_dir")]
    no_cache: bool,

    /// Keep the files you change in DIR between runs [default: the user's data directory]
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,

    /// Keep the files you change in memory only: nothing is left behind.
    #[arg(long, conflicts_with = "state")]
    ephemeral: bool,

    /// Mount host directory HOST at GUEST (read-only with :ro); may be repeated.
    #[arg(long, value_name = "HOST:GUEST[:ro]", value_parser = parse_mount)]
    mount: Vec<HostMount>,

    /// Report kernel events (program compilations) on stderr.
    #[arg(long)]
    trace: bool,

    /// A script to run, then its arguments ($1...). With -c: $0, then $1...
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    arguments: Vec<String>,
}

fn main() {
    let options = Options::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => fail(&format!("cannot start the scheduler: {e}")),
    };
    let _context = runtime.enter();
    let cache_dir = match (options.no_cache, options.cache_dir) {
        (true, _) => None,
        (false, Some(dir)) => Some(dir),
        (false, None) => dirs::cache_dir().map(|d| d.join("wasmix")),
    };
    let state_dir = match (options.ephemeral, options.state) {
        (true, _) => None,
        (false, Some(dir)) => Some(dir),
        (false, None) => dirs::data_dir().map(|d| d.join("wasmix")),
    };
    let kernel = match Kernel::boot(BootOptions {
        cache_dir,
        state_dir,
        mounts: options.mount,
        trace: options.trace,
    }) {
        Ok(kernel) => kernel,
        Err(e) => fail(&format!("cannot boot: {e}")),
    };

    let run_program =
        options.command.is_none() && options.arguments.len() >= 2 && options.arguments[0] == "run";
    let mut arguments = options.arguments.into_iter();
    let status = if run_program {
        let argv: Vec<String> = arguments.skip(1).collect();
        let bytes = match std::fs::read(&argv[0]) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("wasmix: {}: {}", argv[0], describe(&e));
                std::process::exit(127);
            }
        };
        let mut shell = Shell::new(kernel, Origin::CommandString);
        shell.catch_interrupts();
        runtime.block_on(shell.run_host_program(&argv[0].clone(), &bytes, argv))
    } else if let Some(command) = options.command {
        let mut shell = Shell::new(kernel, Origin::CommandString);
        if let Some(name) = arguments.next() {
            shell.set_arguments(name, arguments.collect());
        }
        run(&runtime, &mut shell, &command)
    } else if let Some(script) = arguments.next() {
        let text = match std::fs::read_to_string(&script) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("wasmix: {script}: {}", describe(&e));
                std::process::exit(127);
            }
        };
        let mut shell = Shell::new(kernel, Origin::Script(script.clone()));
        shell.set_arguments(script, arguments.collect());
        run(&runtime, &mut shell, &text)
    } else if std::io::stdin().is_terminal() {
        let mut shell = Shell::new(kernel, Origin::Prompt);
        shell.catch_interrupts();
        shell.run_interactive(&runtime)
    } else {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            fail(&format!("cannot read commands from standard input: {e}"));
        }
        let mut shell = Shell::new(kernel, Origin::Script("stdin".into()));
        run(&runtime, &mut shell, &text)
    };
    // Processes still running (the rest of an interrupted pipeline) end with the runtime.
    runtime.shutdown_background();
    std::process::exit(i32::from(status));
}

fn run(runtime: &tokio::runtime::Runtime, shell: &mut Shell, text: &str) -> u8 {
    shell.catch_interrupts();
    match runtime.block_on(shell.run_text(text)) {
        Ok(status) | Err(Exit(status)) => status,
    }
}

fn parse_mount(spec: &str) -> Result<HostMount, String> {
    let (host, guest, read_only) = match spec.split(':').collect::<Vec<_>>()[..] {
        [host, guest] => (host, guest, false),
        [host, guest, "ro"] => (host, guest, true),
        [host, guest, "rw"] => (host, guest, false),
        _ => {
            return Err(format!(
                "expected HOST:GUEST or HOST:GUEST:ro, got '{spec}'"
            ));
        }
    };
    if host.is_empty() || !guest.starts_with('/') {
        return Err(format!(
            "expected a host path and an absolute guest path, got '{spec}'"
        ));
    }
    Ok(HostMount {
        host: PathBuf::from(host),
        guest: guest.to_string(),
        read_only,
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("wasmix: {message}");
    std::process::exit(2)
}
