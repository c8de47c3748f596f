//! `wasmix run`: one program from the host, run as `wasmtime run` runs it. It sees only the
//! directories given with `--dir` (and no preopen without one), only the environment given
//! with `--env` or `--inherit-env`, and nothing is kept: no image, no home, no state.

use crate::fs::hostfs::HostFs;
use crate::fs::namespace::{BindMode, Namespace, normalize};
use crate::fs::ramfs::RamFs;
use crate::fs::{FileServer, FsError};
use crate::kernel::{Executable, Kernel, Limits, Network, SpawnRequest};
use crate::proc::{ExitStatus, SHELL_PID, Signal};
use std::path::PathBuf;
use std::sync::Arc;

/// What `wasmix run` takes, with `wasmtime run`'s names.
#[derive(clap::Args, Debug)]
pub struct RunOptions {
    /// Grant access to host directory HOST, seen by the program as GUEST (default: the
    /// same name); may be repeated
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    dirs: Vec<String>,

    /// Pass an environment variable: NAME=VALUE, or NAME for the host's value; may be
    /// repeated
    #[arg(long = "env", value_name = "NAME[=VALUE]")]
    envs: Vec<String>,

    /// Pass the host's whole environment
    #[arg(long)]
    inherit_env: bool,

    /// The program's argv[0] (default: the file name of PROGRAM.wasm, as wasmtime)
    #[arg(long, value_name = "ARGV0")]
    argv0: Option<String>,

    /// Call the exported function NAME of a core module with the arguments as its
    /// parameters, and print its results
    #[arg(long, value_name = "NAME")]
    invoke: Option<String>,

    /// Let Linux `perf` see inside the program's code
    #[arg(long, value_name = "STRATEGY")]
    pub profile: Option<crate::engine::Profiler>,

    /// WebAssembly options, comma-separated: max-memory-size=BYTES (the program's memory,
    /// all together; default 4 GiB, as wasmtime); component-model, bulk-memory,
    /// multi-memory, multi-value, reference-types, simd, relaxed-simd, tail-call,
    /// function-references, gc, extended-const, exceptions (always on)
    #[arg(short = 'W', value_name = "OPTION[=VALUE]")]
    wasm: Vec<String>,

    /// WASI options, comma-separated: inherit-env (as --inherit-env); inherit-network
    /// (the host's network, every address), allow-ip-name-lookup, tcp, udp (on unless
    /// =n); cli, cli-exit-with-code, preview2, preview0, inherit-stdin, inherit-stdout,
    /// inherit-stderr (always on)
    #[arg(short = 'S', value_name = "OPTION[=VALUE]")]
    wasi: Vec<String>,

    /// The program, then its arguments
    #[arg(
        value_name = "PROGRAM.wasm [ARGS]",
        required = true,
        trailing_var_arg = true
    )]
    program_and_args: Vec<String>,
}

/// wasmtime's `-W` proposals that wasmix's engine always has on (wasmtime's defaults).
const FEATURES_ON: &[&str] = &[
    "component-model",
    "bulk-memory",
    "multi-memory",
    "multi-value",
    "reference-types",
    "simd",
    "relaxed-simd",
    "tail-call",
    "function-references",
    "gc",
    "extended-const",
    "exceptions",
];

/// wasmtime's `-S` options for what every wasmix program has (wasmtime's defaults).
const WASI_ON: &[&str] = &[
    "cli",
    "cli-exit-with-code",
    "preview2",
    "preview0",
    "inherit-stdin",
    "inherit-stdout",
    "inherit-stderr",
];

/// Why a run could not start; `status` is wasmtime's.
pub struct RunError {
    pub message: String,
    pub status: u8,
}

fn usage(message: String) -> RunError {
    RunError { message, status: 2 }
}

/// A wasmtime flag's value that turns it on (`-W component-model`, `=y`, `=true`...).
fn turned_on(value: &str) -> bool {
    matches!(value, "y" | "yes" | "true")
}

fn turned_off(value: &str) -> bool {
    matches!(value, "n" | "no" | "false")
}

/// A `--dir`: the host directory, the name the program knows it by, and where it is in
/// the program's namespace.
struct Grant {
    host: PathBuf,
    name: String,
    at: String,
}

fn grant(spec: &str) -> Grant {
    let (host, name) = spec.split_once("::").unwrap_or((spec, spec));
    // wasi-libc treats a preopen named "." (or any relative name) as the working
    // directory, which here is `/`.
    let at = if name.starts_with('/') {
        normalize(name)
    } else {
        normalize(&format!("/{name}"))
    };
    Grant {
        host: PathBuf::from(host),
        name: name.to_string(),
        at,
    }
}

impl RunOptions {
    /// The program's arguments: argv[0] is the program's file name, not its path, as
    /// under wasmtime (CPython, for one, finds its library from a path it is given).
    fn argv(&self) -> Vec<String> {
        let path = &self.program_and_args[0];
        let argv0 = self.argv0.clone().unwrap_or_else(|| {
            std::path::Path::new(path)
                .file_name()
                .map_or_else(|| path.clone(), |name| name.to_string_lossy().into_owned())
        });
        std::iter::once(argv0)
            .chain(self.program_and_args[1..].iter().cloned())
            .collect()
    }

    fn memory_limit(&self) -> Result<usize, RunError> {
        let mut memory = crate::engine::MAX_MEMORY_BYTES;
        for option in self.wasm.iter().flat_map(|o| o.split(',')) {
            match option.split_once('=').unwrap_or((option, "y")) {
                ("max-memory-size", value) => {
                    memory = crate::budget::parse_size(value)
                        .map_err(usage)?
                        .try_into()
                        .unwrap_or(usize::MAX)
                        .min(crate::engine::MAX_MEMORY_BYTES);
                }
                (feature, value) if FEATURES_ON.contains(&feature) && turned_on(value) => {}
                _ => {
                    return Err(usage(format!(
                        "-W {option}: wasmix knows only max-memory-size=BYTES and turning on \
                         what it always has: {}",
                        FEATURES_ON.join(", ")
                    )));
                }
            }
        }
        Ok(memory)
    }

    /// wasmtime's `-S` options that name what every wasmix program has, and
    /// `inherit-env`, the same as `--inherit-env`.
    fn check_wasi_options(&self) -> Result<(), RunError> {
        for option in self.wasi.iter().flat_map(|o| o.split(',')) {
            match option.split_once('=').unwrap_or((option, "y")) {
                (name, value) if WASI_ON.contains(&name) && turned_on(value) => {}
                (
                    "inherit-env" | "inherit-network" | "allow-ip-name-lookup" | "tcp" | "udp",
                    value,
                ) if turned_on(value) || turned_off(value) => {}
                _ => {
                    return Err(usage(format!(
                        "-S {option}: wasmix knows only inherit-env, inherit-network, \
                         allow-ip-name-lookup, tcp, udp and turning on what it always has: {}",
                        WASI_ON.join(", ")
                    )));
                }
            }
        }
        Ok(())
    }

    /// What the last `-S NAME[=y|n]` said of NAME, if any said.
    fn wasi_switch(&self, name: &str) -> Option<bool> {
        (self.wasi.iter().flat_map(|o| o.split(',')))
            .filter_map(|option| {
                let (option, value) = option.split_once('=').unwrap_or((option, "y"));
                (option == name).then(|| turned_on(value))
            })
            .next_back()
    }

    /// `--inherit-env`, or the last `-S inherit-env` turning it on or off.
    fn inherits_env(&self) -> bool {
        self.wasi_switch("inherit-env").unwrap_or(self.inherit_env)
    }

    /// The host network the `-S` options grant, as `wasmtime run` reads them.
    fn network(&self) -> Network {
        let default = Network::default();
        Network {
            any_address: self
                .wasi_switch("inherit-network")
                .unwrap_or(default.any_address),
            name_lookup: (self.wasi_switch("allow-ip-name-lookup")).unwrap_or(default.name_lookup),
            tcp: self.wasi_switch("tcp").unwrap_or(default.tcp),
            udp: self.wasi_switch("udp").unwrap_or(default.udp),
        }
    }

    fn environment(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = if self.inherits_env() {
            std::env::vars().collect()
        } else {
            Vec::new()
        };
        for spec in &self.envs {
            let (name, value) = match spec.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => match std::env::var(spec) {
                    Ok(value) => (spec.clone(), value),
                    Err(_) => continue,
                },
            };
            env.retain(|(n, _)| *n != name);
            env.push((name, value));
        }
        env
    }

    /// The program's namespace: an empty root in memory, with each `--dir` mounted. Mount
    /// points are made in that in-memory root, never in a host directory; a directory
    /// granted as `/` is layered over it, so its listing shows its own entries and the
    /// mount points the command line asked for, nothing more.
    fn namespace(&self) -> Result<Namespace, RunError> {
        let root = Arc::new(RamFs::default());
        let mut namespace = Namespace::default();
        let failed = |what: &str, e: FsError| RunError {
            message: format!("{what}: {e}"),
            status: 1,
        };
        namespace
            .mount("/", root.clone(), BindMode::Replace)
            .map_err(|e| failed("/", e))?;
        let mut grants: Vec<Grant> = self.dirs.iter().map(|d| grant(d)).collect();
        grants.sort_by_key(|g| g.at.matches('/').count() - usize::from(g.at == "/"));
        for grant in &grants {
            let mut prefix = String::new();
            for name in grant.at.split('/').filter(|n| !n.is_empty()) {
                prefix = crate::fs::join(&prefix, name);
                match root.create_dir(&prefix) {
                    Ok(()) | Err(FsError::Exists) => {}
                    Err(e) => return Err(failed(&grant.at, e)),
                }
            }
        }
        for grant in &grants {
            // wasmtime's wording for a directory it cannot open.
            let server = HostFs::open(&grant.host, false).map_err(|e| RunError {
                message: format!(
                    "failed to open directory '{}': {}",
                    grant.host.display(),
                    FsError::from(e)
                ),
                status: 1,
            })?;
            let mode = if grant.at == "/" {
                BindMode::Before
            } else {
                BindMode::Replace
            };
            namespace
                .mount(&grant.at, Arc::new(server), mode)
                .map_err(|e| failed(&grant.at, e))?;
        }
        // Preopens in the order given, as wasmtime hands them out (mounts went by depth).
        namespace.set_preopens(
            self.dirs
                .iter()
                .map(|d| grant(d))
                .map(|g| (g.name, g.at))
                .collect(),
        );
        Ok(namespace)
    }
}

/// A program written in the WebAssembly text format (`.wat`), assembled as `wasmtime run`
/// assembles it; a binary one as it is. A file that is neither is left for the loader to
/// refuse, unless it reads as text that fails to assemble (wasmtime's message, status 1).
fn from_text(path: &str, bytes: Vec<u8>) -> Result<Vec<u8>, RunError> {
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes);
    }
    match wat::Parser::new().parse_bytes(Some(std::path::Path::new(path)), &bytes) {
        Ok(binary) => Ok(binary.into_owned()),
        Err(e)
            if std::str::from_utf8(&bytes).is_ok_and(|text| text.trim_start().starts_with('(')) =>
        {
            // One line, `PATH:LINE:COLUMN: what`, from the parser's message and its
            // `--> PATH:LINE:COLUMN` line (the rest is a drawing of the place).
            let text = e.to_string();
            let mut lines = text.lines();
            let what = lines.next().unwrap_or_default();
            let place = lines
                .next()
                .and_then(|line| line.trim().strip_prefix("-->"))
                .map_or(path, str::trim);
            Err(RunError {
                message: format!("{place}: {what}"),
                status: 1,
            })
        }
        Err(_) => Ok(bytes),
    }
}

/// Loads, starts and waits for the program; returns its status as `wasmtime run` would.
pub async fn run(
    kernel: &Arc<Kernel>,
    options: &RunOptions,
    interrupts: &mut tokio::signal::unix::Signal,
) -> Result<u8, RunError> {
    let path = &options.program_and_args[0];
    let bytes = std::fs::read(path).map_err(|e| RunError {
        message: format!("{path}: {}", FsError::from(e)),
        status: 127,
    })?;
    let bytes = from_text(path, bytes)?;
    // Compiled on a thread of its own, so that a Ctrl-C during a long compile ends the run
    // at once (the compile is abandoned with the process).
    let loading = tokio::task::spawn_blocking({
        let (kernel, path) = (kernel.clone(), path.clone());
        move || kernel.load_program(&path, &bytes)
    });
    let loaded = tokio::select! {
        loaded = loading => loaded.map_err(|e| RunError {
            message: format!("{path}: {e}"),
            status: 1,
        })?,
        _ = interrupts.recv() => return Ok(ExitStatus::Killed(Signal::Interrupt).code()),
    };
    let program = loaded.map_err(|e| RunError {
        message: e.to_string(),
        status: e.status(),
    })?;
    options.check_wasi_options()?;
    if options.invoke.is_some() && matches!(program.entry, crate::program::Entry::Command(_)) {
        return Err(usage(format!(
            "{path}: --invoke calls the exports of core modules; this is a component"
        )));
    }
    let limits = Limits {
        memory: options.memory_limit()?,
        ..Limits::default()
    };
    let pid = kernel
        .spawn(SpawnRequest {
            parent: SHELL_PID,
            namespace: Arc::new(options.namespace()?),
            executable: Executable::Loaded(program),
            argv: options.argv(),
            env: options.environment(),
            cwd: "/".into(),
            stdio: crate::file::Stdio::console(),
            limits,
            invoke: options.invoke.clone(),
            network: options.network(),
        })
        .map_err(|e| RunError {
            message: e.to_string(),
            status: e.status(),
        })?;
    let status = tokio::select! {
        status = kernel.wait(pid) => status,
        _ = interrupts.recv() => {
            // Ends a program waiting in a call at once; one computing is not interrupted
            // (no time slices here), and ends with wasmix, which exits now.
            let _ = kernel.kill(pid, Signal::Interrupt);
            return Ok(ExitStatus::Killed(Signal::Interrupt).code());
        }
    };
    match status {
        Ok(ExitStatus::Crashed(why)) => {
            eprintln!("wasmix: {path}: crashed: {why}");
            Ok(ExitStatus::Crashed(why).code())
        }
        Ok(ExitStatus::Failed(why)) => {
            eprintln!("wasmix: {path}: failed: {why}");
            Ok(ExitStatus::Failed(why).code())
        }
        Ok(status) => Ok(status.code()),
        Err(e) => Err(RunError {
            message: format!("wait: {e}"),
            status: 1,
        }),
    }
}
