//! sha256sum: compute and check SHA-256 message digests.

use sha2::Digest;
use wasmix_common::Program;
use wasmix_common::checksum::{self, Hasher};

static PROGRAM: Program = Program::new(
    "sha256sum",
    "Usage: sha256sum [OPTION]... [FILE]...\n\
     Print or check SHA256 (256-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n  \
     -c, --check   read checksums from the FILEs and check them\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Sha256(sha2::Sha256);

impl Hasher for Sha256 {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
}

fn main() {
    PROGRAM.run(|args, out| {
        checksum::run(&PROGRAM, args, out, &|| {
            Box::new(Sha256(sha2::Sha256::new()))
        })
    })
}
