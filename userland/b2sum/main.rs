//! b2sum: compute and check BLAKE2b message digests, of any length up to 512 bits.

use wasmix_common::Program;
use wasmix_common::checksum::{self, Algorithm, Hasher};

static PROGRAM: Program = Program::new(
    "b2sum",
    wasmix_common::checksum_help!(
        "b2sum",
        "BLAKE2b (512-bit)",
        "  -l, --length=BITS     digest length in bits; must not exceed the max for\n                          \
         the blake2 algorithm and must be a multiple of 8\n"
    ),
);

struct Blake2b(blake2b_simd::State);

impl Hasher for Blake2b {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().as_bytes().to_vec()
    }
}

fn new_hasher(bytes: usize) -> Box<dyn Hasher> {
    Box::new(Blake2b(
        blake2b_simd::Params::new().hash_length(bytes).to_state(),
    ))
}

fn main() {
    let algorithm = Algorithm {
        tag: "BLAKE2b".into(),
        bytes: blake2b_simd::OUTBYTES,
        variable: true,
        new_hasher,
    };
    PROGRAM.run(|args, out| checksum::run(&PROGRAM, args, out, &algorithm))
}
