//! sha256sum: compute and check SHA-256 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha256sum",
    wasmix_common::checksum_help!("sha256sum", "SHA256 (256-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha256>(&PROGRAM, args, out))
}
