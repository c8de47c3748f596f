//! `descriptor.read` of a regular file, read straight into the program's memory.
//!
//! The generated binding reads into a buffer of the host, which the component model then
//! copies into memory it has the program allocate: two copies of every byte. Here the
//! program's allocation is made first, while the result is lowered, and the file is read
//! into it: one copy, out of the page cache, as a Linux `pread` makes. (WASI 0.3's streams
//! will do the same for every stream.) Other files, and a file whose size shows nothing
//! left, are read as the generated binding reads them.

use super::bindings::types::ErrorCode;
use super::{Descriptor, FsFailure, WasiFsView};
use crate::fs::{FileHandle, FileType};
use std::mem::MaybeUninit;
use std::sync::Arc;
use wasmtime::component::__internal::{
    CanonicalAbiInfo, InstanceType, InterfaceType, LowerContext,
};
use wasmtime::component::{ComponentType, Linker, Lower, Resource};
use wasmtime::{StoreContextMut, ValRaw};

/// `tuple<list<u8>, bool>`, what `read` gives back: the bytes, and whether the end was reached.
type Shape = (Vec<u8>, bool);

// The flat form written below is the list's address and length, then the flag.
const _: () = assert!(
    std::mem::size_of::<<Shape as ComponentType>::Lower>() == 3 * std::mem::size_of::<ValRaw>()
);

/// The most one `read` in place returns. The memory is the program's own (it allocates it
/// for the result), so a program may read a whole file in one call, its bytes copied
/// nowhere else; a buffered read is held by the kernel and stays at `MAX_READ`.
const MAX_IN_PLACE: u64 = 256 << 20;

/// A read, done when its result is lowered into the program's memory.
enum Read {
    /// Up to `length` bytes of a regular file (what it holds there), read in place.
    InPlace {
        handle: Arc<dyn FileHandle>,
        offset: u64,
        length: usize,
    },
    /// What another file (a device, /proc's) gave, read into a buffer first.
    Buffered(Vec<u8>),
}

impl Read {
    /// Fills memory the program allocates; its address and the number of bytes.
    fn fill_guest_memory<T>(
        &self,
        cx: &mut LowerContext<'_, T>,
    ) -> wasmtime::Result<(usize, usize)> {
        let wanted = match self {
            Read::InPlace { length, .. } => *length,
            Read::Buffered(bytes) => bytes.len(),
        };
        // Even an empty list is allocated, as wasmtime lowers one: the preview 1 adapter
        // hands out one buffer per call and checks that the bytes come back in it.
        let address = cx.realloc(0, 0, 1, wanted)?;
        if wanted == 0 {
            return Ok((address, 0));
        }
        let target = cx
            .as_slice_mut()
            .get_mut(address..address + wanted)
            .ok_or_else(|| {
                wasmtime::format_err!("the program's allocator gave memory out of bounds")
            })?;
        let read = match self {
            Read::InPlace { handle, offset, .. } => {
                handle.read_at(target, *offset).map_err(|e| {
                    wasmtime::format_err!("reading a file into the program's memory: {e}")
                })?
            }
            Read::Buffered(bytes) => {
                target.copy_from_slice(bytes);
                wanted
            }
        };
        // A file cut short since it was looked at: give back what was not filled (the
        // program's allocator takes no size of zero).
        let address = if read < wanted {
            cx.realloc(address, wanted, 1, read.max(1))?
        } else {
            address
        };
        Ok((address, read))
    }
}

unsafe impl ComponentType for Read {
    type Lower = <Shape as ComponentType>::Lower;
    const ABI: CanonicalAbiInfo = <Shape as ComponentType>::ABI;

    fn typecheck(ty: &InterfaceType, types: &InstanceType<'_>) -> wasmtime::Result<()> {
        <Shape as ComponentType>::typecheck(ty, types)
    }
}

unsafe impl Lower for Read {
    fn linear_lower_to_flat<T>(
        &self,
        cx: &mut LowerContext<'_, T>,
        _: InterfaceType,
        dst: &mut MaybeUninit<Self::Lower>,
    ) -> wasmtime::Result<()> {
        let (address, read) = self.fill_guest_memory(cx)?;
        // SAFETY: `Self::Lower` is three `ValRaw`s (asserted above), any of whose bit
        // patterns is valid.
        let dst = unsafe {
            &mut *(dst as *mut MaybeUninit<Self::Lower>).cast::<MaybeUninit<[ValRaw; 3]>>()
        };
        dst.write([
            ValRaw::u32(address as u32),
            ValRaw::u32(read as u32),
            ValRaw::u32(u32::from(read == 0)),
        ]);
        Ok(())
    }

    fn linear_lower_to_memory<T>(
        &self,
        cx: &mut LowerContext<'_, T>,
        _: InterfaceType,
        offset: usize,
    ) -> wasmtime::Result<()> {
        let (address, read) = self.fill_guest_memory(cx)?;
        *cx.get::<4>(offset) = (address as u32).to_le_bytes();
        *cx.get::<4>(offset + 4) = (read as u32).to_le_bytes();
        *cx.get::<1>(offset + 8) = [u8::from(read == 0)];
        Ok(())
    }
}

/// What `read` will give: the end only when nothing more could be read, as wasmtime
/// reports it.
fn prepare<T: WasiFsView>(
    store: &mut T,
    fd: &Resource<Descriptor>,
    length: u64,
    offset: u64,
) -> Result<Read, FsFailure> {
    let view = store.fs();
    let Descriptor::File {
        handle, read: true, ..
    } = view.file(fd)?
    else {
        return Err(crate::fs::FsError::BadDescriptor.into());
    };
    let metadata = handle.metadata()?;
    // A size says what there is to read only where it is more than nothing: files made
    // when read (/proc's) and devices report none, and the end of a file is found by
    // reading, as the generated binding does.
    if metadata.file_type == FileType::File && metadata.size > offset {
        return Ok(Read::InPlace {
            handle: handle.clone(),
            offset,
            length: metadata
                .size
                .saturating_sub(offset)
                .min(length.min(MAX_IN_PLACE)) as usize,
        });
    }
    let mut buffer = vec![0; length.min(super::host::MAX_READ) as usize];
    let n = handle.read_at(&mut buffer, offset)?;
    buffer.truncate(n);
    Ok(Read::Buffered(buffer))
}

/// Puts this `read` in place of the generated one (linked already, shadowing allowed).
pub fn add_to_linker<T: WasiFsView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    linker.instance("wasi:filesystem/types@0.2.12")?.func_wrap(
        "[method]descriptor.read",
        |mut store: StoreContextMut<'_, T>,
         (fd, length, offset): (Resource<Descriptor>, u64, u64)| {
            let result: Result<Read, ErrorCode> =
                match prepare(store.data_mut(), &fd, length, offset) {
                    Ok(read) => Ok(read),
                    Err(FsFailure::Code(code)) => Err(code),
                    Err(FsFailure::Trap(trap)) => return Err(trap),
                };
            Ok((result,))
        },
    )
}
