//! hostname: print the name of the system, wasmix.

use std::io::Write;
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program::new(
    "hostname",
    "Usage: hostname [OPTION]\n\
     Print the host name of the system (wasmix has no network domain).\n\n  \
     -d, --domain   print the DNS domain name (empty)\n  \
     -f, --fqdn, --long  print the fully qualified name\n  \
     -s, --short    print the name up to its first dot\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut domain = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("domain") => domain = true,
                Arg::Short('f' | 's') | Arg::Long("fqdn" | "long" | "short") => {}
                other => return Err(args::unexpected(other)),
            }
        }
        writeln!(out, "{}", if domain { "" } else { "wasmix" })?;
        Ok(0)
    })
}
