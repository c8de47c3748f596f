//! The `wasmix:terminal` interface, over the host terminal's state in `mod.rs`.

use super::bindings::control::{self, Mode, Size};
use super::{Resized, TerminalView};
use wasmtime::component::Resource;
use wasmtime_wasi::p2::DynPollable;

impl control::Host for TerminalView<'_> {
    fn set_mode(&mut self, mode: Mode) -> wasmtime::Result<Result<(), String>> {
        let raw = mode == Mode::Raw;
        Ok(
            super::set_raw(self.pid, raw).map_err(|e| match e.raw_os_error() {
                Some(libc::ENOTTY) => "not a terminal".to_string(),
                _ => e.to_string(),
            }),
        )
    }

    fn get_mode(&mut self) -> wasmtime::Result<Option<Mode>> {
        Ok(super::is_raw().map(|raw| if raw { Mode::Raw } else { Mode::Cooked }))
    }

    fn window_size(&mut self) -> wasmtime::Result<Option<Size>> {
        Ok(super::window_size().map(|(rows, columns)| Size { rows, columns }))
    }

    fn subscribe_resize(&mut self) -> wasmtime::Result<Resource<DynPollable>> {
        let resized = self.table.push(Resized::watch())?;
        wasmtime_wasi::p2::subscribe(self.table, resized)
    }
}
