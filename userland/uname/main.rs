//! uname: print system information: the system here is wasmix, on WebAssembly. Run as
//! `arch`, it prints the machine alone, as GNU's arch does.

use std::io::Write;
use wasmix_common::{Arg, Program, args};

/// The machine hardware name (`uname -m`, `arch`).
const MACHINE: &str = "wasm32";

static PROGRAM: Program = Program::new(
    "uname",
    "Usage: uname [OPTION]...\n\
     Print certain system information.  With no OPTION, same as -s.\n\n  \
     -a, --all                print all information, in the following order,\n                             \
     except omit -p and -i if unknown:\n  \
     -s, --kernel-name        print the kernel name\n  \
     -n, --nodename           print the network node hostname\n  \
     -r, --kernel-release     print the kernel release\n  \
     -v, --kernel-version     print the kernel version\n  \
     -m, --machine            print the machine hardware name\n  \
     -p, --processor          print the processor type (non-portable)\n  \
     -i, --hardware-platform  print the hardware platform (non-portable)\n  \
     -o, --operating-system   print the operating system\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

static ARCH: Program = Program::new(
    "arch",
    "Usage: arch [OPTION]...\n\
     Print machine architecture.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    let arch = wasmix_common::run_as().as_deref() == Some("arch");
    if arch {
        ARCH.run(|mut args, out| {
            // No operands: the first is an extra one.
            if let Some(arg) = args.next()? {
                return Err(args::unexpected(arg));
            }
            writeln!(out, "{MACHINE}")?;
            Ok(0)
        })
    }
    PROGRAM.run(|mut args, out| {
        // Kernel name, node name, release, version, machine, processor, hardware
        // platform (both unknown, as GNU's on Linux says), operating system.
        let fields = [
            "wasmix",
            "wasmix",
            env!("CARGO_PKG_VERSION"),
            "WASI 0.2",
            MACHINE,
            "unknown",
            "unknown",
            "wasmix",
        ];
        let mut chosen = [false; 8];
        while let Some(arg) = args.next()? {
            let index = match arg {
                Arg::Short('a') | Arg::Long("all") => {
                    chosen = [true, true, true, true, true, false, false, true];
                    continue;
                }
                Arg::Short('s') | Arg::Long("kernel-name") => 0,
                Arg::Short('n') | Arg::Long("nodename") => 1,
                Arg::Short('r') | Arg::Long("kernel-release") => 2,
                Arg::Short('v') | Arg::Long("kernel-version") => 3,
                Arg::Short('m') | Arg::Long("machine") => 4,
                Arg::Short('p') | Arg::Long("processor") => 5,
                Arg::Short('i') | Arg::Long("hardware-platform") => 6,
                Arg::Short('o') | Arg::Long("operating-system") => 7,
                other => return Err(args::unexpected(other)),
            };
            chosen[index] = true;
        }
        if !chosen.contains(&true) {
            chosen[0] = true;
        }
        let shown: Vec<&str> = fields
            .iter()
            .zip(chosen)
            .filter(|(_, on)| *on)
            .map(|(field, _)| *field)
            .collect();
        writeln!(out, "{}", shown.join(" "))?;
        Ok(0)
    })
}
