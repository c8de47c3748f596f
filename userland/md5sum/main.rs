//! md5sum: compute and check MD5 message digests.

use wasmix_common::Program;
use wasmix_common::checksum;

static PROGRAM: Program = Program::new(
    "md5sum",
    wasmix_common::checksum_help!("md5sum", "MD5 (128-bit)"),
);

fn main() {
    PROGRAM.run(|args, out| checksum::run_digest::<md5::Md5>(&PROGRAM, args, out))
}
