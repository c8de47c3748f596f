//! sha1sum: compute and check SHA1 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha1sum",
    wasmix_common::checksum_help!("sha1sum", "SHA1 (160-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha1::Sha1>(&PROGRAM, args, out))
}
