//! `poll_oneoff`: waiting for clocks and descriptors at once, with WASI 0.2 pollables.
//! Files are always ready; standard streams are ready when their pipe or terminal is.

use super::bindings::types::{self, Errno};
use super::fds::{Fd, borrow};
use crate::proc::ProcessCtx;
use crate::wasi_fs::WasiFsView;
use crate::wasi_fs::bindings::types::HostDescriptor;
use std::collections::HashSet;
use wasmtime::component::Resource;
use wasmtime_wasi::clocks::WasiClocksView;
use wasmtime_wasi::p2::DynPollable;
use wasmtime_wasi::p2::bindings::clocks::{monotonic_clock, wall_clock};
use wasmtime_wasi::p2::bindings::io::poll::{Host as _, HostPollable};
use wasmtime_wasi::p2::bindings::io::streams::{HostInputStream, HostOutputStream};
use wiggle::{GuestMemory, GuestPtr};

type Result<T> = std::result::Result<T, types::Error>;

fn trap(e: wasmtime::Error) -> types::Error {
    types::Error::trap(e)
}

/// What one subscription waits on.
enum Waiting {
    /// Already ready: a file.
    Ready,
    Pollable(Resource<DynPollable>),
}

impl ProcessCtx {
    fn clock_pollable(
        &mut self,
        clock: &types::SubscriptionClock,
    ) -> Result<Resource<DynPollable>> {
        let absolute = clock
            .flags
            .contains(types::Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME);
        let mut clocks = self.clocks();
        match (clock.id, absolute) {
            (types::Clockid::Monotonic, true) => {
                monotonic_clock::Host::subscribe_instant(&mut clocks, clock.timeout).map_err(trap)
            }
            (types::Clockid::Monotonic | types::Clockid::Realtime, false) => {
                monotonic_clock::Host::subscribe_duration(&mut clocks, clock.timeout).map_err(trap)
            }
            (types::Clockid::Realtime, true) => {
                let now = wall_clock::Host::now(&mut clocks).map_err(trap)?;
                let now = now.seconds * 1_000_000_000 + u64::from(now.nanoseconds);
                monotonic_clock::Host::subscribe_duration(
                    &mut clocks,
                    clock.timeout.saturating_sub(now),
                )
                .map_err(trap)
            }
            _ => Err(Errno::Inval.into()),
        }
    }

    fn fd_waiting(&mut self, fd: types::Fd, reading: bool) -> Result<Waiting> {
        let pollable = match self.fd(fd)? {
            Fd::File(_) => return Ok(Waiting::Ready),
            Fd::Stdin { stream, .. } if reading => {
                let stream = borrow(stream);
                HostInputStream::subscribe(&mut self.table, stream).map_err(trap)?
            }
            Fd::Output { stream, .. } if !reading => {
                let stream = borrow(stream);
                HostOutputStream::subscribe(&mut self.table, stream).map_err(trap)?
            }
            _ => return Err(Errno::Badf.into()),
        };
        Ok(Waiting::Pollable(pollable))
    }

    /// Waits until at least one subscription is ready, and reports every one that is.
    pub(super) async fn poll(
        &mut self,
        memory: &mut GuestMemory<'_>,
        subscriptions: GuestPtr<types::Subscription>,
        events: GuestPtr<types::Event>,
        count: types::Size,
    ) -> Result<types::Size> {
        if count == 0 {
            // Waiting for nothing would be forever.
            return Err(Errno::Inval.into());
        }
        let subscriptions: Vec<types::Subscription> = subscriptions
            .as_array(count)
            .iter()
            .map(|s| Ok(memory.read(s?)?))
            .collect::<Result<_>>()?;
        let mut waiting = Vec::with_capacity(subscriptions.len());
        let mut made = Ok(());
        for subscription in &subscriptions {
            let one = match &subscription.u {
                types::SubscriptionU::Clock(clock) => {
                    self.clock_pollable(clock).map(Waiting::Pollable)
                }
                types::SubscriptionU::FdRead(fd) => self.fd_waiting(fd.file_descriptor, true),
                types::SubscriptionU::FdWrite(fd) => self.fd_waiting(fd.file_descriptor, false),
            };
            match one {
                Ok(one) => waiting.push(one),
                Err(e) => {
                    made = Err(e);
                    break;
                }
            }
        }
        let ready = match made {
            Ok(()) => self.wait(&waiting).await,
            Err(e) => Err(e),
        };
        for one in waiting {
            if let Waiting::Pollable(pollable) = one {
                HostPollable::drop(&mut self.table, pollable).map_err(trap)?;
            }
        }
        let ready = ready?;

        let mut reported = 0;
        for (index, subscription) in subscriptions.iter().enumerate() {
            if !ready.contains(&index) {
                continue;
            }
            let event = self.event(subscription)?;
            memory.write(events.add(reported)?, event)?;
            reported += 1;
        }
        Ok(reported)
    }

    /// The indexes of the subscriptions ready now, waiting for one if none is.
    async fn wait(&mut self, waiting: &[Waiting]) -> Result<HashSet<usize>> {
        let mut ready: HashSet<usize> = (0..waiting.len())
            .filter(|&i| matches!(waiting[i], Waiting::Ready))
            .collect();
        let mut indexes = Vec::new();
        let mut pollables = Vec::new();
        for (index, one) in waiting.iter().enumerate() {
            if let Waiting::Pollable(pollable) = one {
                indexes.push(index);
                pollables.push(borrow(pollable));
            }
        }
        if pollables.is_empty() {
            return Ok(ready);
        }
        // With something ready already, only ask which others are ready too.
        let now = if ready.is_empty() {
            None
        } else {
            let pollable =
                monotonic_clock::Host::subscribe_duration(&mut self.clocks(), 0).map_err(trap)?;
            pollables.push(borrow(&pollable));
            Some(pollable)
        };
        let polled = self.table.poll(pollables).await;
        if let Some(pollable) = now {
            HostPollable::drop(&mut self.table, pollable).map_err(trap)?;
        }
        for position in polled.map_err(trap)? {
            if let Some(&index) = indexes.get(position as usize) {
                ready.insert(index);
            }
        }
        Ok(ready)
    }

    fn event(&mut self, subscription: &types::Subscription) -> Result<types::Event> {
        let (kind, fd) = match &subscription.u {
            types::SubscriptionU::Clock(_) => {
                return Ok(types::Event {
                    userdata: subscription.userdata,
                    error: Errno::Success,
                    type_: types::Eventtype::Clock,
                    fd_readwrite: types::EventFdReadwrite {
                        flags: types::Eventrwflags::empty(),
                        nbytes: 0,
                    },
                });
            }
            types::SubscriptionU::FdRead(fd) => (types::Eventtype::FdRead, fd.file_descriptor),
            types::SubscriptionU::FdWrite(fd) => (types::Eventtype::FdWrite, fd.file_descriptor),
        };
        // A file read at its end is reported with HANGUP, as wasmtime does.
        let mut flags = types::Eventrwflags::empty();
        if kind == types::Eventtype::FdRead
            && let Fd::File(file) = self.fd(fd)?
        {
            let (position, descriptor) = (file.position, borrow(&file.descriptor));
            if self.fs().stat(descriptor)?.size <= position {
                flags = types::Eventrwflags::FD_READWRITE_HANGUP;
            }
        }
        Ok(types::Event {
            userdata: subscription.userdata,
            error: Errno::Success,
            type_: kind,
            fd_readwrite: types::EventFdReadwrite { flags, nbytes: 1 },
        })
    }
}
