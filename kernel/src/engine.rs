//! The wasmtime engines of a kernel run (one per compiler tier), and the clock that
//! preempts processes.

use crate::kernel::BootOptions;
use crate::program::{Awaited, Optimizing};
use crate::tier::Tier;
use std::time::Duration;
use wasmtime::{
    Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, ProfilingStrategy,
    Strategy,
};

/// Processes that can be alive at once unless `--max-processes` says otherwise: room for
/// ten thousand besides the shell; 10,000 sleeping processes hold about 0.7 GiB.
pub const DEFAULT_MAX_PROCESSES: u32 = 10_240;

/// Processes whose instances come from the pool made at boot. Setting up a pool costs in
/// proportion to its size (a guard page per stack: 70 ms for 10,240, and 256 cost 1.5-2 ms
/// more than 64 at every boot), so the first is small, and a second pool, for the rest of
/// the table, is made when the first is full.
/// Pools rather than allocating each process as it starts: that takes one more mapping
/// per process, and 10,000 processes would pass Linux's 65,530 mappings.
pub const FIRST_POOL: u32 = 64;

/// A linear memory can never grow past this, whatever the per-process limit says.
pub const MAX_MEMORY_BYTES: usize = 4 << 30;

/// How often running wasm is interrupted to let other processes run and to notice kills.
pub const TIME_SLICE: Duration = Duration::from_millis(5);

/// What Linux `perf` is told about the code of wasm programs, as `wasmtime run --profile`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Profiler {
    /// Name each compiled function in /tmp/perf-PID.map (`perf report` reads it).
    Perfmap,
    /// Write each compiled function's code to ./jit-PID.dump, for `perf inject --jit`.
    Jitdump,
}

/// Which compiler an engine compiles with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compiler {
    /// Cranelift: the code `/bin` and every cached program runs.
    Optimizing,
    /// Winch, wasmtime's baseline compiler: a single pass, several times faster to
    /// compile, slower code; the first run of a program from elsewhere.
    Baseline,
}

/// The engine; with `time_slicing`, a thread advances the epoch every time slice. With
/// `pooled`, instances come from a pool of that many processes (instantiation reuses
/// memory already mapped), else each is allocated as it starts.
pub fn new_engine(
    compiler: Compiler,
    time_slicing: bool,
    pooled: Option<u32>,
    profiler: Option<Profiler>,
) -> wasmtime::Result<Engine> {
    let mut config = crate::codegen::config(time_slicing);
    config.with_custom_code_memory(Some(std::sync::Arc::new(crate::code_pages::CodePages)));
    // A process that traps is reported by the trap's message, never a wasm backtrace, and
    // every exit unwinds as an error (proc_exit): capturing and symbolising a backtrace
    // there was a tenth of a spawn.
    config.wasm_backtrace_max_frames(None);
    config.profiler(match profiler {
        None => ProfilingStrategy::None,
        Some(Profiler::Perfmap) => ProfilingStrategy::PerfMap,
        Some(Profiler::Jitdump) => ProfilingStrategy::JitDump,
    });
    // The pool reserves its address space up front (about 2 TiB: every memory's 4 GiB
    // reservation and guards); under a limit on address space (`ulimit -v`, a container)
    // memories are allocated as they are needed instead, and grow by moving, with
    // explicit bounds checks in place of guard pages.
    if address_space_is_limited() {
        config
            .allocation_strategy(InstanceAllocationStrategy::OnDemand)
            .memory_reservation(0)
            .memory_guard_size(0)
            .memory_reservation_for_growth(1 << 20);
    } else if let Some(processes) = pooled {
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool(processes)));
    }
    if compiler == Compiler::Baseline {
        config.strategy(Strategy::Winch);
    }
    let engine = Engine::new(&config)?;
    if !time_slicing {
        return Ok(engine);
    }
    let ticker = engine.weak();
    std::thread::Builder::new()
        .name("wasmix-epoch".into())
        .spawn(move || {
            while let Some(engine) = ticker.upgrade() {
                engine.increment_epoch();
                drop(engine);
                std::thread::sleep(TIME_SLICE);
            }
        })?;
    Ok(engine)
}

/// What the optimising engine and its first pool are made with. Boots whose options ask
/// for equal settings can take an engine started before the options were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EngineSettings {
    time_slicing: bool,
    /// The first pool's size; None where memories are allocated as they are needed.
    pooled: Option<u32>,
    profiler: Option<Profiler>,
}

impl EngineSettings {
    /// The settings `options` ask for. The first pool is small (cheap to set up); a
    /// second, for the rest of the table, is made when it is full. Under a limit on
    /// address space nothing is pooled.
    pub fn of(options: &BootOptions) -> EngineSettings {
        EngineSettings {
            time_slicing: options.time_slicing,
            pooled: (!address_space_is_limited()).then(|| options.max_processes.min(FIRST_POOL)),
            profiler: options.profiler,
        }
    }

    pub fn pooled(&self) -> Option<u32> {
        self.pooled
    }
}

/// The optimising engine, being made on a thread of its own: the longest part of a boot
/// (a millisecond or more, most of it setting up the first pool), in which the rest of
/// the kernel and the shell start. The first spawn waits for it.
pub struct EngineStart {
    pub(crate) settings: EngineSettings,
    pub(crate) optimizing: Awaited<Optimizing>,
}

impl EngineStart {
    pub fn begin(settings: EngineSettings) -> std::io::Result<EngineStart> {
        let optimizing = Awaited::start("wasmix-engine", move || {
            let engine = new_engine(
                Compiler::Optimizing,
                settings.time_slicing,
                settings.pooled,
                settings.profiler,
            );
            let tier = engine.and_then(Tier::new).map_err(|e| format!("{e:#}"))?;
            Ok(Optimizing::new(tier))
        })?;
        Ok(EngineStart {
            settings,
            optimizing,
        })
    }
}

pub fn address_space_is_limited() -> bool {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the limit into the struct we own.
    let found = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    found && limit.rlim_cur != libc::RLIM_INFINITY
}

/// Bytes of a memory, and of a table, that a slot of a small pool keeps resident when
/// its process exits, to be reset in place rather than handed back to Linux.
const KEEP_RESIDENT_MEMORY: usize = 1 << 20;
const KEEP_RESIDENT_TABLE: usize = 64 << 10;

fn pool(processes: u32) -> PoolingAllocationConfig {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(processes)
        // A Rust command component holds a handful of core instances (program, shims).
        .total_core_instances(processes * 8)
        .total_memories(processes * 2)
        .total_tables(processes * 8)
        .total_stacks(processes)
        .max_memory_size(MAX_MEMORY_BYTES);
    // Handing a slot's pages back to Linux when its process exits (madvise) costs a
    // system call and a TLB shootdown on the other cores, and the next process in the
    // slot faults them in again: most of a spawn. A small pool's slots instead keep the
    // pages a process wrote (PAGEMAP_SCAN finds them) and reset them with memset, up to
    // these sizes. Only in a pool of at most FIRST_POOL processes, so that what stays
    // resident after a burst of thousands of processes is bounded (in such a pool, 128
    // memories of 1 MiB and 512 tables of 64 KiB at most; most processes write far less).
    // Without PAGEMAP_SCAN (Linux before 6.7) a slot would memset all of its first MiB at
    // every exit, written or not, so there slots hand their pages back as before.
    if processes <= FIRST_POOL && PoolingAllocationConfig::is_pagemap_scan_available() {
        pool.linear_memory_keep_resident(KEEP_RESIDENT_MEMORY)
            .table_keep_resident(KEEP_RESIDENT_TABLE)
            .pagemap_scan(Enabled::Yes);
    }
    pool
}
