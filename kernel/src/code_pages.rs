//! Making compiled code executable where it lies. wasmtime loads an artifact from a slice
//! by copying it into fresh pages (sed's 5 MB cost 3 ms on its first run); told how to
//! change a region's protection itself, it runs code in memory it does not own, so the
//! artifacts `build.rs` embeds, page-aligned, run from the binary's own read-only pages.

use wasmtime::CustomCodeMemory;

/// Publishes code by `mprotect`, as wasmtime does for its own pages.
pub struct CodePages;

impl CodePages {
    pub fn page_size() -> usize {
        rustix::param::page_size()
    }
}

impl CustomCodeMemory for CodePages {
    fn required_alignment(&self) -> usize {
        CodePages::page_size()
    }

    fn publish_executable(&self, ptr: *const u8, len: usize) -> wasmtime::Result<()> {
        protect(ptr, len, libc::PROT_READ | libc::PROT_EXEC)
    }

    fn unpublish_executable(&self, ptr: *const u8, len: usize) -> wasmtime::Result<()> {
        protect(ptr, len, libc::PROT_READ | libc::PROT_WRITE)
    }
}

fn protect(ptr: *const u8, len: usize, protection: libc::c_int) -> wasmtime::Result<()> {
    // SAFETY: wasmtime passes a page-aligned region of code memory it holds, which no
    // other code uses as data.
    let status = unsafe { libc::mprotect(ptr.cast_mut().cast(), len, protection) };
    if status != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(())
}
