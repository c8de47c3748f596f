//! The one wasmtime `Engine` of a kernel run, and the clock that preempts processes.

use std::time::Duration;
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// Processes that can be alive at once. Each one is a component instance in the pool.
pub const MAX_PROCESSES: u32 = 256;

/// A linear memory can never grow past this, whatever the per-process limit says.
pub const MAX_MEMORY_BYTES: usize = 4 << 30;

/// How often running wasm is interrupted to let other processes run and to notice kills.
pub const TIME_SLICE: Duration = Duration::from_millis(5);

pub fn new_engine() -> wasmtime::Result<Engine> {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(MAX_PROCESSES)
        // A Rust command component holds a handful of core instances (program, shims).
        .total_core_instances(MAX_PROCESSES * 8)
        .total_memories(MAX_PROCESSES * 2)
        .total_tables(MAX_PROCESSES * 8)
        .total_stacks(MAX_PROCESSES)
        .max_memory_size(MAX_MEMORY_BYTES);

    let mut config = Config::new();
    config
        .wasm_component_model(true)
        .epoch_interruption(true)
        // Counts instructions for `time` and /proc; the kernel never lets it run out.
        .consume_fuel(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    let engine = Engine::new(&config)?;

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
