//! `wasi_unstable`, WASI's preview 0, for programs built before preview 1 (old wasi-libc,
//! Rust before 1.36). Its calls are preview 1's, with the same numbers, except four whose
//! memory layouts differ; those are translated here and served by the preview 1 host, as
//! `wasmtime run` serves them.
//!
//! - `fd_seek`: preview 0 numbers `whence` cur, end, set (preview 1: set, cur, end).
//! - `fd_filestat_get`, `path_filestat_get`: a link count of 32 bits, so a 56-byte
//!   `filestat` (preview 1: 64 bytes, the fields after it 8 bytes on).
//! - `poll_oneoff`: a clock subscription starts with an `identifier` of 64 bits, so each
//!   subscription is 56 bytes (preview 1: 48).
//!
//! The preview 1 call is made on a buffer of the host holding what it reads, its result
//! is converted into the program's memory.

use super::bindings::wasi_snapshot_preview1 as preview1;
use crate::proc::ProcessCtx;
use wasmtime::{Caller, Extern, Linker};
use wiggle::GuestMemory;

const MODULE: &str = "wasi_unstable";
/// `errno::fault`: an address outside the program's memory.
const FAULT: i32 = 21;
const FILESTAT_SIZE: usize = 56;
const PREVIEW1_FILESTAT_SIZE: usize = 64;
const SUBSCRIPTION_SIZE: usize = 56;
const PREVIEW1_SUBSCRIPTION_SIZE: usize = 48;
const EVENT_SIZE: usize = 32;

pub fn add_to_linker(linker: &mut Linker<ProcessCtx>) -> wasmtime::Result<()> {
    linker.alias_module("wasi_snapshot_preview1", MODULE)?;
    linker.allow_shadowing(true);
    linker.func_wrap(MODULE, "fd_seek", fd_seek)?;
    linker.func_wrap(MODULE, "fd_filestat_get", fd_filestat_get)?;
    linker.func_wrap(MODULE, "path_filestat_get", path_filestat_get)?;
    linker.func_wrap_async(
        MODULE,
        "poll_oneoff",
        |caller: Caller<'_, ProcessCtx>, (subscriptions, events, count, written)| {
            Box::new(poll_oneoff(caller, subscriptions, events, count, written))
        },
    )?;
    linker.allow_shadowing(false);
    Ok(())
}

/// The program's memory and the process, both borrowed from a call.
fn memory_and_process<'a>(
    caller: &'a mut Caller<'_, ProcessCtx>,
) -> wasmtime::Result<(&'a mut [u8], &'a mut ProcessCtx)> {
    match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => Ok(memory.data_and_store_mut(caller)),
        _ => wasmtime::bail!("the program exports no memory for its WASI calls"),
    }
}

/// A pointer the call needs aligned (as wiggle checks the preview 1 call's): a trap
/// otherwise, as under wasmtime.
fn aligned(at: i32, to: u32) -> wasmtime::Result<()> {
    if !(at as u32).is_multiple_of(to) {
        wasmtime::bail!("Pointer not aligned to {to}: {}", at as u32);
    }
    Ok(())
}

/// `len` bytes of the program's memory at `at`, or None outside it.
fn region(memory: &mut [u8], at: i32, len: usize) -> Option<&mut [u8]> {
    let start = at as u32 as usize;
    memory.get_mut(start..start.checked_add(len)?)
}

fn fd_seek(
    mut caller: Caller<'_, ProcessCtx>,
    fd: i32,
    offset: i64,
    whence: i32,
    result: i32,
) -> wasmtime::Result<i32> {
    let whence = match whence {
        0 => 1,
        1 => 2,
        2 => 0,
        other => other,
    };
    let (memory, process) = memory_and_process(&mut caller)?;
    preview1::fd_seek(
        process,
        &mut GuestMemory::Unshared(memory),
        fd,
        offset,
        whence,
        result,
    )
}

/// A preview 1 `filestat` as preview 0 lays it out: the link count cut to 32 bits.
fn filestat_to_preview0(from: &[u8], to: &mut [u8]) {
    to.fill(0);
    to[..17].copy_from_slice(&from[..17]);
    let links = u64::from_le_bytes(from[24..32].try_into().unwrap());
    to[20..24].copy_from_slice(&(links.min(u64::from(u32::MAX)) as u32).to_le_bytes());
    to[24..56].copy_from_slice(&from[32..64]);
}

/// Copies a `filestat` the preview 1 call wrote in `scratch` at `at` to the program.
fn give_filestat(
    caller: &mut Caller<'_, ProcessCtx>,
    errno: i32,
    scratch: &[u8],
    at: usize,
    result: i32,
) -> wasmtime::Result<i32> {
    if errno != 0 {
        return Ok(errno);
    }
    aligned(result, 8)?;
    let (memory, _) = memory_and_process(caller)?;
    let Some(target) = region(memory, result, FILESTAT_SIZE) else {
        return Ok(FAULT);
    };
    filestat_to_preview0(&scratch[at..at + PREVIEW1_FILESTAT_SIZE], target);
    Ok(0)
}

fn fd_filestat_get(
    mut caller: Caller<'_, ProcessCtx>,
    fd: i32,
    result: i32,
) -> wasmtime::Result<i32> {
    let mut scratch = [0u8; PREVIEW1_FILESTAT_SIZE];
    let errno = preview1::fd_filestat_get(
        caller.data_mut(),
        &mut GuestMemory::Unshared(&mut scratch),
        fd,
        0,
    )?;
    give_filestat(&mut caller, errno, &scratch, 0, result)
}

fn path_filestat_get(
    mut caller: Caller<'_, ProcessCtx>,
    fd: i32,
    flags: i32,
    path: i32,
    path_len: i32,
    result: i32,
) -> wasmtime::Result<i32> {
    // The path first, then room for the result at an 8-byte boundary.
    let length = path_len as u32 as usize;
    let at = length.next_multiple_of(8);
    let mut scratch = vec![0u8; at + PREVIEW1_FILESTAT_SIZE];
    {
        let (memory, _) = memory_and_process(&mut caller)?;
        let Some(name) = region(memory, path, length) else {
            return Ok(FAULT);
        };
        scratch[..length].copy_from_slice(name);
    }
    let errno = preview1::path_filestat_get(
        caller.data_mut(),
        &mut GuestMemory::Unshared(&mut scratch),
        fd,
        flags,
        0,
        path_len,
        at as i32,
    )?;
    give_filestat(&mut caller, errno, &scratch, at, result)
}

async fn poll_oneoff(
    mut caller: Caller<'_, ProcessCtx>,
    subscriptions: i32,
    events: i32,
    count: i32,
    written: i32,
) -> wasmtime::Result<i32> {
    aligned(subscriptions, 8)?;
    aligned(events, 8)?;
    aligned(written, 4)?;
    let count = count as u32 as usize;
    // Preview 1 subscriptions, then room for the events and their number.
    let events_at = count * PREVIEW1_SUBSCRIPTION_SIZE;
    let written_at = events_at + count * EVENT_SIZE;
    let mut scratch = vec![0u8; written_at + 4];
    {
        let (memory, _) = memory_and_process(&mut caller)?;
        let Some(given) = region(memory, subscriptions, count * SUBSCRIPTION_SIZE) else {
            return Ok(FAULT);
        };
        for (from, to) in given
            .chunks_exact(SUBSCRIPTION_SIZE)
            .zip(scratch.chunks_exact_mut(PREVIEW1_SUBSCRIPTION_SIZE))
        {
            // userdata and the tag as they are; a clock's fields without its identifier.
            to[..16].copy_from_slice(&from[..16]);
            if from[8] == 0 {
                to[16..42].copy_from_slice(&from[24..50]);
            } else {
                to[16..20].copy_from_slice(&from[16..20]);
            }
        }
    }
    let errno = preview1::poll_oneoff(
        caller.data_mut(),
        &mut GuestMemory::Unshared(&mut scratch),
        0,
        events_at as i32,
        count as i32,
        written_at as i32,
    )
    .await?;
    if errno != 0 {
        return Ok(errno);
    }
    let happened = u32::from_le_bytes(scratch[written_at..].try_into().unwrap());
    let (memory, _) = memory_and_process(&mut caller)?;
    let length = happened as usize * EVENT_SIZE;
    let Some(target) = region(memory, events, length) else {
        return Ok(FAULT);
    };
    target.copy_from_slice(&scratch[events_at..events_at + length]);
    let Some(target) = region(memory, written, 4) else {
        return Ok(FAULT);
    };
    target.copy_from_slice(&happened.to_le_bytes());
    Ok(0)
}
