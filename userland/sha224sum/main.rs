//! sha224sum: compute and check SHA-224 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "sha224sum",
    wasmix_common::checksum_help!("sha224sum", "SHA224 (224-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<sha2::Sha224>(&PROGRAM, args, out))
}
