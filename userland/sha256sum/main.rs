//! sha256sum: compute and check SHA-256 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha256sum",
    "Usage: sha256sum [OPTION]... [FILE]...\n\
     Print or check SHA256 (256-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -b, --binary          read in binary mode\n  \
     -c, --check           read checksums from the FILEs and check them\n      \
     --tag             create a BSD-style checksum\n  \
     -t, --text            read in text mode (default)\n\n\
     The following five options are useful only when verifying checksums:\n      \
     --ignore-missing  don't fail or report status for missing files\n      \
     --quiet           don't print OK for each successfully verified file\n      \
     --status          don't output anything, status code shows success\n      \
     --strict          exit non-zero for improperly formatted checksum lines\n  \
     -w, --warn            warn about improperly formatted checksum lines\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha256>(&PROGRAM, args, out))
}
