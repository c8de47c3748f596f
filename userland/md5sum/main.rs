//! md5sum: compute and check MD5 message digests.

use md5::Digest;
use wasmix_common::Program;
use wasmix_common::checksum::{self, Hasher};

static PROGRAM: Program = Program::new(
    "md5sum",
    "Usage: md5sum [OPTION]... [FILE]...\n\
     Print or check MD5 (128-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n  \
     -c, --check   read checksums from the FILEs and check them\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Md5(md5::Md5);

impl Hasher for Md5 {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
}

fn main() {
    PROGRAM.run(|args, out| checksum::run(&PROGRAM, args, out, &|| Box::new(Md5(md5::Md5::new()))))
}
