//! sha512sum: compute and check SHA512 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha512sum",
    wasmix_common::checksum_help!("sha512sum", "SHA512 (512-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha512>(&PROGRAM, args, out))
}
