//! A preview 1 program's descriptor table: small numbers standing for the WASI 0.2
//! resources (streams for stdio, the kernel's descriptors for files and directories),
//! with the state preview 1 keeps and 0.2 does not (a file's position and append mode).

use super::bindings::types::{self, Errno};
use crate::proc::ProcessCtx;
use crate::wasi_fs::Descriptor;
use std::collections::{BTreeMap, BTreeSet};
use wasmtime::component::Resource;
use wasmtime_wasi::cli::{WasiCliCtxView, WasiCliView};
use wasmtime_wasi::p2::bindings::cli::{
    stderr::Host as _, stdin::Host as _, stdout::Host as _, terminal_input, terminal_output,
    terminal_stderr::Host as _, terminal_stdin::Host as _, terminal_stdout::Host as _,
};
use wasmtime_wasi::p2::{DynInputStream, DynOutputStream};

type Result<T> = std::result::Result<T, types::Error>;

/// What one descriptor number stands for.
pub enum Fd {
    Stdin {
        stream: Resource<DynInputStream>,
        terminal: bool,
    },
    /// Standard output or standard error.
    Output {
        stream: Resource<DynOutputStream>,
        terminal: bool,
    },
    Directory {
        descriptor: Resource<Descriptor>,
        /// The name it was given to the program under; None when the program opened it.
        preopen: Option<String>,
    },
    File(OpenFile),
}

pub struct OpenFile {
    pub descriptor: Resource<Descriptor>,
    pub position: u64,
    pub append: bool,
    pub nonblocking: bool,
    /// For a terminal opened by path: the stream its reads wait on, made at the first read.
    pub input: Option<Resource<DynInputStream>>,
}

/// The table, made at a program's first preview 1 call.
#[derive(Default)]
pub struct Preview1Fds {
    table: Option<Table>,
}

#[derive(Default)]
struct Table {
    used: BTreeMap<u32, Fd>,
    /// Numbers closed, handed out again (the highest first, as wasmtime does).
    free: BTreeSet<u32>,
}

impl Table {
    fn insert(&mut self, fd: Fd) -> Result<u32> {
        let number = match self.free.pop_last() {
            Some(number) => number,
            None => match self.used.last_key_value() {
                Some((last, _)) => last.checked_add(1).ok_or(Errno::Nfile)?,
                None => 0,
            },
        };
        self.used.insert(number, fd);
        Ok(number)
    }
}

/// A second handle on a resource the table owns, for one call.
pub fn borrow<T: 'static>(resource: &Resource<T>) -> Resource<T> {
    Resource::new_borrow(resource.rep())
}

impl ProcessCtx {
    fn fd_table(&mut self) -> Result<&mut Table> {
        if self.preview1.table.is_none() {
            let table = self.initial_fds()?;
            self.preview1.table = Some(table);
        }
        Ok(self.preview1.table.get_or_insert_default())
    }

    /// Standard input, output and error as 0, 1 and 2, then the preopened directories.
    fn initial_fds(&mut self) -> Result<Table> {
        let trap = |e: wasmtime::Error| types::Error::trap(e);
        let mut cli = self.cli();
        let stdin = cli.get_stdin().map_err(trap)?;
        let stdin_terminal = match cli.get_terminal_stdin().map_err(trap)? {
            Some(terminal) => {
                terminal_input::HostTerminalInput::drop(&mut cli, terminal).map_err(trap)?;
                true
            }
            None => false,
        };
        // Whether an output stream is a terminal; the terminal resource is not kept.
        let is_terminal = |cli: &mut WasiCliCtxView<'_>, terminal: Option<_>| match terminal {
            Some(terminal) => terminal_output::HostTerminalOutput::drop(cli, terminal)
                .map(|()| true)
                .map_err(trap),
            None => Ok(false),
        };
        let stdout = cli.get_stdout().map_err(trap)?;
        let found = cli.get_terminal_stdout().map_err(trap)?;
        let stdout_terminal = is_terminal(&mut cli, found)?;
        let stderr = cli.get_stderr().map_err(trap)?;
        let found = cli.get_terminal_stderr().map_err(trap)?;
        let stderr_terminal = is_terminal(&mut cli, found)?;
        let mut table = Table::default();
        table.insert(Fd::Stdin {
            stream: stdin,
            terminal: stdin_terminal,
        })?;
        table.insert(Fd::Output {
            stream: stdout,
            terminal: stdout_terminal,
        })?;
        table.insert(Fd::Output {
            stream: stderr,
            terminal: stderr_terminal,
        })?;
        use crate::wasi_fs::WasiFsView as _;
        use crate::wasi_fs::bindings::preopens::Host as _;
        for (descriptor, name) in self.fs().get_directories().map_err(trap)? {
            table.insert(Fd::Directory {
                descriptor,
                preopen: Some(name),
            })?;
        }
        Ok(table)
    }

    pub(super) fn fd(&mut self, fd: types::Fd) -> Result<&mut Fd> {
        let number = u32::from(fd);
        self.fd_table()?
            .used
            .get_mut(&number)
            .ok_or_else(|| Errno::Badf.into())
    }

    pub(super) fn insert_fd(&mut self, fd: Fd) -> Result<types::Fd> {
        Ok(self.fd_table()?.insert(fd)?.into())
    }

    /// Takes a descriptor out of the table; its number may be given out again.
    pub(super) fn remove_fd(&mut self, fd: types::Fd) -> Result<Fd> {
        let number = u32::from(fd);
        let table = self.fd_table()?;
        let removed = table.used.remove(&number).ok_or(Errno::Badf)?;
        table.free.insert(number);
        Ok(removed)
    }

    /// Puts `fd` at number `to`, which must be free.
    pub(super) fn place_fd(&mut self, to: types::Fd, fd: Fd) -> Result<()> {
        let number = u32::from(to);
        let table = self.fd_table()?;
        table.free.remove(&number);
        table.used.insert(number, fd);
        Ok(())
    }

    /// The kernel descriptor behind a file or directory.
    pub(super) fn descriptor(&mut self, fd: types::Fd) -> Result<Resource<Descriptor>> {
        match self.fd(fd)? {
            Fd::File(file) => Ok(borrow(&file.descriptor)),
            Fd::Directory { descriptor, .. } => Ok(borrow(descriptor)),
            _ => Err(Errno::Badf.into()),
        }
    }

    pub(super) fn file(&mut self, fd: types::Fd) -> Result<&mut OpenFile> {
        match self.fd(fd)? {
            Fd::File(file) => Ok(file),
            _ => Err(Errno::Badf.into()),
        }
    }

    /// A file whose position can move; standard streams answer ESPIPE, as wasmtime's.
    pub(super) fn seekable(&mut self, fd: types::Fd) -> Result<&mut OpenFile> {
        match self.fd(fd)? {
            Fd::File(file) => Ok(file),
            Fd::Stdin { .. } | Fd::Output { .. } => Err(Errno::Spipe.into()),
            Fd::Directory { .. } => Err(Errno::Badf.into()),
        }
    }

    pub(super) fn directory(&mut self, fd: types::Fd) -> Result<Resource<Descriptor>> {
        match self.fd(fd)? {
            Fd::Directory { descriptor, .. } => Ok(borrow(descriptor)),
            _ => Err(Errno::Badf.into()),
        }
    }
}
