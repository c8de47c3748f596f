//! sha512sum: compute and check SHA512 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha512sum",
    "Usage: sha512sum [OPTION]... [FILE]...\n\
     Print or check SHA512 (512-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n  \
     -c, --check   read checksums from the FILEs and check them\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha512>(&PROGRAM, args, out))
}
