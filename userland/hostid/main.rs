//! hostid: print the host's numeric identifier, as glibc's `gethostid` finds it.

use std::io::Write;
use wasmix_common::{Program, args};

static PROGRAM: Program = Program::new(
    "hostid",
    "Usage: hostid [OPTION]\n\
     Print the numeric identifier (in hexadecimal) for the current host.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Where glibc keeps a host's identifier once `sethostid` has set it.
const HOSTID_FILE: &str = "/etc/hostid";

/// What glibc derives when there is no file: the host's IPv4 address with its halves
/// swapped. wasmix's host name has no address but the loopback one, 127.0.0.1.
const LOOPBACK_ID: u32 = 0x007f_0100;

fn main() {
    PROGRAM.run(|mut args, out| {
        // No operands: the first is an extra one.
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        // The file holds the identifier as the machine stores an int: little-endian here.
        let id = std::fs::read(HOSTID_FILE)
            .ok()
            .and_then(|bytes| Some(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?)))
            .unwrap_or(LOOPBACK_ID);
        writeln!(out, "{id:08x}")?;
        Ok(0)
    })
}
