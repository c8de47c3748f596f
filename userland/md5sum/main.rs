//! md5sum: compute and check MD5 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "md5sum",
    "Usage: md5sum [OPTION]... [FILE]...\n\
     Print or check MD5 (128-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n  \
     -c, --check   read checksums from the FILEs and check them\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<md5::Md5>(&PROGRAM, args, out))
}
