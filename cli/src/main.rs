//! The `wasmix` command: boots the kernel and runs the shell on a prompt, a command
//! string, or a script.

use clap::Parser;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use wasmix_kernel::engine::{EngineSettings, EngineStart, Profiler};
use wasmix_kernel::hostrun;
use wasmix_kernel::kernel::{BootOptions, Booting, HostMount, Kernel};
use wasmix_kernel::tier::TierUpFor;
use wasmix_shell::{Commands, Exit, Origin, Shell, TerminalSignals};

/// A Unix-like environment in which every program is a sandboxed WebAssembly component.
///
/// With no FILE and no -c, wasmix starts an interactive shell (or, when standard input is
/// not a terminal, runs the commands read from it). `wasmix run PROGRAM.wasm [ARGS]` runs
/// a WebAssembly program from the host directly, as `wasmtime run` does;
/// `wasmix install HOSTFILE [NAME]` checks, compiles and copies one into /bin;
/// `wasmix reset PATH...` brings the image's files at PATH back (a deleted /bin/cat).
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

    /// Bytes all in-memory filesystems (/tmp, an --ephemeral root) may hold, as 512M or
    /// 2G [default: a quarter of the host's memory]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    ramfs_size: Option<u64>,

    /// Bytes of memory all processes together may use [default: half the host's memory]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    memory_budget: Option<u64>,

    /// How many processes can be alive at once, the shell included [default: 10240]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=1_000_000))]
    max_processes: Option<u32>,

    /// Let Linux `perf` see inside wasm programs' code, as `wasmtime run --profile`
    #[arg(long, value_name = "STRATEGY")]
    profile: Option<Profiler>,

    /// Compile the program on standard input with the optimising compiler into the cache,
    /// for the shell's engine or `wasmix run`'s (the kernel starts this in the background).
    #[arg(long, hide = true, value_name = "ENGINE", requires = "cache_dir")]
    tier_up: Option<TierUpFor>,

    /// A script to run, then its arguments ($1...). With -c: $0, then $1...
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    arguments: Vec<String>,
}

/// `wasmix run`: the options after `run`.
#[derive(Parser)]
#[command(
    name = "wasmix run",
    about = "Run a WebAssembly program from the host as `wasmtime run` does: it sees only the \
             directories and environment given here, and nothing is kept"
)]
struct RunCommand {
    #[command(flatten)]
    options: hostrun::RunOptions,
}

/// The stack of the thread that runs the shell and of the scheduler's threads: deeply
/// nested commands (bash accepts 5,000 levels) are parsed and run by recursion. Only the
/// pages a program touches are ever committed.
const STACK_SIZE: usize = 1 << 30;

fn main() {
    // Until the terminal's signals are caught (once a runtime exists), they are ignored:
    // a Ctrl-C at any instant must not end wasmix.
    // SAFETY: setting a signal's disposition to SIG_IGN has no preconditions.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGTSTP, libc::SIG_IGN);
        // A write past the host's file-size limit fails with EFBIG for the guest that
        // made it, rather than ending wasmix.
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    wasmix_kernel::kernel::capture_host_umask();
    let early_engine = usual_engine();
    let plan = plan(Options::parse(), early_engine);
    let shell = std::thread::Builder::new()
        .name("wasmix".into())
        .stack_size(STACK_SIZE)
        .spawn(move || boot(plan));
    match shell.map(std::thread::JoinHandle::join) {
        Ok(Ok(())) => {}
        Ok(Err(_)) => std::process::exit(101),
        Err(e) => fail(&format!("cannot start the shell's thread: {e}")),
    }
}

/// What a boot will run, with the kernel already making its engine.
struct Plan {
    booting: Booting,
    command: Option<String>,
    arguments: Vec<String>,
    install: bool,
    run_program: Option<hostrun::RunOptions>,
}

/// The engine a boot with the usual settings makes, started before the command line is
/// parsed (see `Kernel::start`); None when the arguments may ask for other settings
/// (`run`, `--profile`, `--max-processes`) or for no boot at all.
fn usual_engine() -> Option<EngineStart> {
    let asks_otherwise = |arg: &[u8]| {
        matches!(
            arg,
            b"run" | b"reset" | b"-h" | b"--help" | b"-V" | b"--version"
        ) || [&b"--profile"[..], b"--max-processes", b"--tier-up"]
            .iter()
            .any(|option| arg.starts_with(option))
    };
    if std::env::args_os()
        .skip(1)
        .any(|arg| asks_otherwise(arg.as_encoded_bytes()))
    {
        return None;
    }
    let usual = BootOptions::new(None, None, Vec::new());
    EngineStart::begin(EngineSettings::of(&usual)).ok()
}

/// Ends here what runs without a kernel (`--tier-up`, `reset`); otherwise starts the
/// kernel's engine, the longest part of a boot, before anything else of it (or takes
/// `early_engine`).
fn plan(options: Options, early_engine: Option<EngineStart>) -> Plan {
    if let (Some(target), Some(cache_dir)) = (options.tier_up, &options.cache_dir) {
        let mut bytes = Vec::new();
        let compiled = std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())
            .and_then(|_| wasmix_kernel::tier::tier_up(target, cache_dir, &bytes));
        if let Err(e) = compiled {
            fail(&format!("tier-up: {e}"));
        }
        std::process::exit(0);
    }
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
    let subcommand = |name: &str| {
        options.command.is_none() && options.arguments.first().is_some_and(|a| a == name)
    };
    let run_program = subcommand("run").then(|| {
        let words =
            std::iter::once("wasmix run".to_string()).chain(options.arguments[1..].to_vec());
        RunCommand::parse_from(words).options
    });
    let install = subcommand("install") && options.arguments.len() >= 2;
    if subcommand("reset") {
        std::process::exit(reset_from_image(
            state_dir.as_deref(),
            &options.arguments[1..],
        ));
    }
    // `wasmix run` keeps nothing: its program sees only its --dir directories.
    let (state_dir, mounts) = match run_program {
        Some(_) => (None, Vec::new()),
        None => (state_dir, options.mount),
    };
    let mut boot = BootOptions::new(cache_dir, state_dir, mounts);
    boot.time_slicing = run_program.is_none();
    boot.trace = options.trace;
    if let Some(size) = options.ramfs_size {
        boot.ramfs_size = size;
    }
    if let Some(size) = options.memory_budget {
        boot.memory_budget = size;
    }
    if let Some(limit) = options.max_processes {
        boot.max_processes = limit;
    }
    boot.tier_up = std::env::current_exe().ok();
    boot.profiler = options
        .profile
        .or(run_program.as_ref().and_then(|run| run.profile));
    let booting = match Kernel::start(boot, early_engine) {
        Ok(booting) => booting,
        Err(e) => fail(&format!("cannot boot: {e}")),
    };
    Plan {
        booting,
        command: options.command,
        arguments: options.arguments,
        install,
        run_program,
    }
}

fn boot(plan: Plan) {
    raise_open_file_limit();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(usable_cpus())
        .thread_stack_size(STACK_SIZE)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => fail(&format!("cannot start the scheduler: {e}")),
    };
    let _context = runtime.enter();
    let signals = match TerminalSignals::register() {
        Ok(signals) => signals,
        Err(e) => fail(&format!("cannot catch Ctrl-C: {e}")),
    };
    let kernel = match plan.booting.finish() {
        Ok(kernel) => kernel,
        Err(e) => fail(&format!("cannot boot: {e}")),
    };
    kernel.set_shell(std::sync::Arc::new(wasmix_shell::ShellProgram));

    let mut arguments = plan.arguments.into_iter();
    let status = if plan.install {
        install_from_host(&kernel, &arguments.skip(1).collect::<Vec<_>>())
    } else if let Some(run_options) = plan.run_program {
        let mut signals = signals;
        match runtime.block_on(hostrun::run(&kernel, &run_options, signals.interrupts())) {
            Ok(status) => status,
            Err(e) => {
                eprintln!("wasmix: {}", e.message);
                e.status
            }
        }
    } else if let Some(command) = plan.command {
        let mut shell = Shell::new(kernel, Origin::CommandString);
        if let Some(name) = arguments.next() {
            shell.set_arguments(name, arguments.collect());
        }
        run(&runtime, shell, Commands::Text(command), signals)
    } else if let Some(script) = arguments.next() {
        let text = match std::fs::read(&script) {
            Ok(bytes) => wasmix_shell::script_text(&bytes),
            Err(e) => {
                eprintln!("wasmix: {script}: {}", describe(&e));
                std::process::exit(127);
            }
        };
        let mut shell = Shell::new(kernel, Origin::Script(script.clone()));
        shell.set_arguments(script, arguments.collect());
        run(&runtime, shell, Commands::Text(text), signals)
    } else if std::io::stdin().is_terminal() {
        let shell = Shell::new(kernel, Origin::Prompt);
        shell.catch_interrupts(signals);
        shell.run_interactive(&runtime)
    } else {
        let shell = Shell::new(kernel, Origin::StandardInput);
        run(&runtime, shell, Commands::StandardInput, signals)
    };
    // Processes still running (the rest of an interrupted pipeline) end with the runtime.
    runtime.shutdown_background();
    std::process::exit(i32::from(status));
}

/// Leaves the shell, and the kernel it holds, to the exit that follows: unmapping the
/// kernel's instance pool (a reservation of terabytes of address space) costs more than
/// the rest of ending, and nothing of the kernel is kept by dropping it.
fn leave_to_exit(shell: Shell) {
    std::mem::forget(shell);
}

/// Every process's files are the kernel's host descriptors: take the hard limit, so the
/// per-process limits (`ulimit -n`, 1,024 each) are what programs meet.
fn raise_open_file_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit read and write a struct we own.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// The CPUs this process may run on: a scheduler thread for each. Asked of the affinity
/// mask alone, as `nproc` does: tokio's default also reads the cgroup's CPU quota, which
/// costs a tenth of a millisecond of every boot in /proc/self/mountinfo.
fn usable_cpus() -> usize {
    // SAFETY: sched_getaffinity writes the mask into the set we own.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        match libc::sched_getaffinity(0, std::mem::size_of_val(&set), &mut set) {
            0 => (libc::CPU_COUNT(&set) as usize).max(1),
            _ => 1,
        }
    }
}

/// Runs shell text to its end and returns the exit status.
fn run(
    runtime: &tokio::runtime::Runtime,
    mut shell: Shell,
    commands: Commands,
    signals: TerminalSignals,
) -> u8 {
    shell.catch_interrupts(signals);
    // The shell runs on the scheduler's threads, as its processes do: a process it starts
    // is taken up by the same thread when the shell waits, and its exit wakes the shell
    // there. From a thread of its own, each command cost two wake-ups of another thread,
    // half of a spawn's time.
    let session = runtime.spawn(async move {
        let status = match shell.run_as_process(&commands).await {
            Ok(status) | Err(Exit(status)) => status,
        };
        let status = shell.exit_with(status).await;
        shell.wait_for_background_jobs().await;
        leave_to_exit(shell);
        status
    });
    match runtime.block_on(session) {
        Ok(status) => status,
        Err(ended) => match ended.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => 1,
        },
    }
}

/// `wasmix install HOSTFILE [NAME]`: the one way a program file comes in from the host,
/// on the host's command line.
fn install_from_host(kernel: &Kernel, operands: &[String]) -> u8 {
    let (file, name) = match operands {
        [file] => (file, wasmix_shell::program_name(file)),
        [file, name] => (file, name.clone()),
        _ => {
            eprintln!("usage: wasmix install HOSTFILE [NAME]");
            return 2;
        }
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("wasmix: install: {file}: {}", describe(&e));
            return 1;
        }
    };
    match kernel.install(&kernel.root_namespace(), &name, &bytes) {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("wasmix: install: {message}");
            1
        }
    }
}

/// `wasmix reset PATH...`: the status (1 if any PATH could not be reset, 2 for a usage
/// error).
fn reset_from_image(state_dir: Option<&std::path::Path>, paths: &[String]) -> i32 {
    let Some(state_dir) = state_dir else {
        eprintln!("wasmix: reset: there is no state to reset (--ephemeral)");
        return 2;
    };
    if paths.is_empty() {
        eprintln!("usage: wasmix reset PATH...");
        return 2;
    }
    let mut status = 0;
    for path in paths {
        if !path.starts_with('/') {
            eprintln!("wasmix: reset: {path}: not an absolute path in wasmix");
            status = 1;
            continue;
        }
        match wasmix_kernel::kernel::reset_from_image(state_dir, path) {
            Ok(count) => {
                let entries = if count == 1 { "entry" } else { "entries" };
                println!("{path}: as the image has it ({count} {entries})");
            }
            Err(e) => {
                eprintln!("wasmix: reset: {e}");
                status = 1;
            }
        }
    }
    status
}

fn parse_size(text: &str) -> Result<u64, String> {
    wasmix_kernel::budget::parse_size(text)
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
