//! sha384sum: compute and check SHA-384 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha384sum",
    wasmix_common::checksum_help!("sha384sum", "SHA384 (384-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha384>(&PROGRAM, args, out))
}
