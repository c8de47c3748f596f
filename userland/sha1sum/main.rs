//! sha1sum: compute and check SHA1 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha1sum",
    "Usage: sha1sum [OPTION]... [FILE]...\n\
     Print or check SHA1 (160-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n  \
     -c, --check   read checksums from the FILEs and check them\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha1::Sha1>(&PROGRAM, args, out))
}
