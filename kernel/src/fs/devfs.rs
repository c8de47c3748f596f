//! /dev: the devices a program may expect. `null` swallows writes and reads as empty,
//! `zero` reads as zeros, `full` reads as zeros and refuses every write (ENOSPC), `random` and `urandom` read from the host's random source, and
//! `tty` is the terminal wasmix runs on (what a pager reads its keys from).
//! `stdin`, `stdout` and `stderr` are the opening process's own streams: its filesystem
//! host (`wasi_fs`) puts them in place of what this server opens for those names.

use super::{DirEntry, FileHandle, FileServer, FileType, FsError, FsResult, Metadata, OpenOptions};
use std::io::{Read, Write};
use std::sync::Arc;
use std::time::SystemTime;

#[derive(Clone, Copy, PartialEq)]
enum Device {
    Null,
    Zero,
    Full,
    Random,
    Terminal,
    /// The host's stderr, as a process's standard error.
    ConsoleError,
    /// A name for the opener's standard stream, standing in until it is put in place.
    Standard,
}

const DEVICES: [(&str, Device); 9] = [
    ("full", Device::Full),
    ("null", Device::Null),
    ("random", Device::Random),
    ("stderr", Device::Standard),
    ("stdin", Device::Standard),
    ("stdout", Device::Standard),
    ("tty", Device::Terminal),
    ("urandom", Device::Random),
    ("zero", Device::Zero),
];

pub struct DevFs;

fn metadata(inode: u64, file_type: FileType) -> Metadata {
    let mode = if file_type == FileType::Directory {
        0o755
    } else {
        0o666
    };
    Metadata::synthetic(file_type, inode, mode, SystemTime::UNIX_EPOCH)
}

fn find(path: &str) -> FsResult<(u64, Device)> {
    DEVICES
        .iter()
        .zip(2..)
        .find(|((name, _), _)| *name == path)
        .map(|((_, device), inode)| (inode, *device))
        .ok_or(FsError::NotFound)
}

impl FileServer for DevFs {
    fn describe(&self) -> String {
        "devfs".into()
    }

    fn lstat(&self, path: &str) -> FsResult<Metadata> {
        if path.is_empty() {
            return Ok(metadata(1, FileType::Directory));
        }
        let (inode, _) = find(path)?;
        Ok(metadata(inode, FileType::CharDevice))
    }

    fn open(&self, path: &str, options: OpenOptions) -> FsResult<Arc<dyn FileHandle>> {
        if path.is_empty() {
            return Err(FsError::IsDirectory);
        }
        if options.exclusive {
            return Err(FsError::Exists);
        }
        let (inode, device) = find(path)?;
        if device == Device::Terminal && !host_has_terminal() {
            return Err(FsError::NoSuchDevice);
        }
        Ok(Arc::new(DeviceFile { inode, device }))
    }

    fn read_dir(&self, path: &str) -> FsResult<Vec<DirEntry>> {
        if !path.is_empty() {
            return Err(if find(path).is_ok() {
                FsError::NotDirectory
            } else {
                FsError::NotFound
            });
        }
        Ok(DEVICES
            .iter()
            .map(|(name, _)| DirEntry {
                name: name.to_string(),
                file_type: FileType::CharDevice,
            })
            .collect())
    }
}

struct DeviceFile {
    inode: u64,
    device: Device,
}

impl FileHandle for DeviceFile {
    fn read_at(&self, buf: &mut [u8], _offset: u64) -> FsResult<usize> {
        match self.device {
            Device::Null => Ok(0),
            Device::Zero | Device::Full => {
                buf.fill(0);
                Ok(buf.len())
            }
            Device::Random => {
                std::fs::File::open("/dev/urandom")?.read_exact(buf)?;
                Ok(buf.len())
            }
            // Reads of the terminal wait for typing: they go through `input_stream`.
            Device::Terminal => Err(FsError::Unsupported),
            Device::ConsoleError | Device::Standard => Err(FsError::BadDescriptor),
        }
    }

    fn write_at(&self, data: &[u8], _offset: u64) -> FsResult<usize> {
        match self.device {
            Device::Terminal => {
                let mut terminal = std::io::stdout().lock();
                terminal.write_all(data)?;
                terminal.flush()?;
            }
            Device::ConsoleError => {
                let mut console = std::io::stderr().lock();
                console.write_all(data)?;
                console.flush()?;
            }
            Device::Full => return Err(FsError::NoSpace),
            _ => {}
        }
        Ok(data.len())
    }

    fn input_stream(&self) -> Option<Box<dyn wasmtime_wasi::p2::InputStream>> {
        match self.device {
            Device::Terminal => Some(crate::console::terminal_input()),
            _ => None,
        }
    }

    fn set_len(&self, _len: u64) -> FsResult<()> {
        Ok(())
    }

    fn metadata(&self) -> FsResult<Metadata> {
        Ok(metadata(self.inode, FileType::CharDevice))
    }
}

/// Whether wasmix runs with a controlling terminal: without one, opening `/dev/tty`
/// fails with ENXIO, as it does on Linux (`read < /dev/tty` in a script run from cron).
fn host_has_terminal() -> bool {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOCTTY)
        .open("/dev/tty")
        .is_ok()
}

/// The terminal (the host's stdin and stdout) as a file, for a process given the console.
pub(crate) fn terminal_file() -> Arc<dyn FileHandle> {
    device_file("tty")
}

/// The host's stderr as a file.
pub(crate) fn console_error_file() -> Arc<dyn FileHandle> {
    let (inode, _) = find("stderr").unwrap_or((0, Device::Standard));
    Arc::new(DeviceFile {
        inode,
        device: Device::ConsoleError,
    })
}

/// `/dev/null` as a file.
pub(crate) fn null_file() -> Arc<dyn FileHandle> {
    device_file("null")
}

fn device_file(name: &str) -> Arc<dyn FileHandle> {
    let (inode, device) = find(name).unwrap_or((0, Device::Null));
    Arc::new(DeviceFile { inode, device })
}
