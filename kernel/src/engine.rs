//! The one wasmtime `Engine` of a kernel run, and the clock that preempts processes.

use std::time::Duration;
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// Processes that can be alive at once unless `--max-processes` says otherwise: room for
/// ten thousand besides the shell. Each one is an instance in the pool, whose address
/// space is reserved at boot (about 80 TiB of it for this many; none of it is memory
/// until used); 10,000 sleeping processes hold about 0.9 GiB.
pub const DEFAULT_MAX_PROCESSES: u32 = 10_240;

/// A linear memory can never grow past this, whatever the per-process limit says.
pub const MAX_MEMORY_BYTES: usize = 4 << 30;

/// How often running wasm is interrupted to let other processes run and to notice kills.
pub const TIME_SLICE: Duration = Duration::from_millis(5);

/// The engine; with `time_slicing`, compiled code checks the epoch at loop heads and
/// function entries, and a thread advances it every time slice.
pub fn new_engine(time_slicing: bool, max_processes: u32) -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config
        .wasm_component_model(true)
        .epoch_interruption(time_slicing);
    // The pool reserves its address space up front (about 2 TiB: every memory's 4 GiB
    // reservation and guards); under a limit on address space (`ulimit -v`, a container)
    // memories are allocated as they are needed instead, and grow by moving, with
    // explicit bounds checks in place of guard pages.
    let engine = if address_space_is_limited() {
        config
            .allocation_strategy(InstanceAllocationStrategy::OnDemand)
            .memory_reservation(0)
            .memory_guard_size(0)
            .memory_reservation_for_growth(1 << 20);
        Engine::new(&config)?
    } else {
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool(max_processes)));
        Engine::new(&config)?
    };
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

fn address_space_is_limited() -> bool {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the limit into the struct we own.
    let found = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    found && limit.rlim_cur != libc::RLIM_INFINITY
}

fn pool(processes: u32) -> PoolingAllocationConfig {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(processes)
        // A Rust command component holds a handful of core instances (program, shims).
        .total_core_instances(processes * 8)
        .total_memories(processes * 2)
        .total_tables(processes * 8)
        .total_stacks(processes)
        .max_memory_size(MAX_MEMORY_BYTES);
    pool
}
