//! The digests the checksum programs compute, by the names `cksum -a` takes and the tags
//! their lines carry (`SHA256 (a) = ...`).

use wasmix_common::input;

/// A hash being computed over a stream of chunks.
pub trait Hasher {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

pub struct Algorithm {
    /// Its name for `cksum -a`.
    pub name: &'static str,
    /// Its name in tagged lines (`MD5 (a) = ...`, `BLAKE2b-256 (a) = ...`).
    pub tag: &'static str,
    /// The digest's length in bytes; for a chosen length (`b2sum -l`), the most it may be.
    pub bytes: usize,
    /// Whether `-l` chooses the length.
    pub variable: bool,
    /// A new hash giving a digest of this many bytes.
    new_hasher: fn(usize) -> Box<dyn Hasher>,
}

struct DigestHasher<D>(D);

impl<D: digest::Digest> Hasher for DigestHasher<D> {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
}

fn new_digest<D: digest::Digest + 'static>(_: usize) -> Box<dyn Hasher> {
    Box::new(DigestHasher(D::new()))
}

struct Blake2b(blake2b_simd::State);

impl Hasher for Blake2b {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().as_bytes().to_vec()
    }
}

fn new_blake2b(bytes: usize) -> Box<dyn Hasher> {
    Box::new(Blake2b(
        blake2b_simd::Params::new().hash_length(bytes).to_state(),
    ))
}

const fn fixed(
    name: &'static str,
    tag: &'static str,
    bytes: usize,
    new_hasher: fn(usize) -> Box<dyn Hasher>,
) -> Algorithm {
    Algorithm {
        name,
        tag,
        bytes,
        variable: false,
        new_hasher,
    }
}

/// In the order `cksum --help` lists them.
pub static DIGESTS: [Algorithm; 8] = [
    fixed("md5", "MD5", 16, new_digest::<md5::Md5>),
    fixed("sha1", "SHA1", 20, new_digest::<sha1::Sha1>),
    fixed("sha224", "SHA224", 28, new_digest::<sha2::Sha224>),
    fixed("sha256", "SHA256", 32, new_digest::<sha2::Sha256>),
    fixed("sha384", "SHA384", 48, new_digest::<sha2::Sha384>),
    fixed("sha512", "SHA512", 64, new_digest::<sha2::Sha512>),
    Algorithm {
        name: "blake2b",
        tag: "BLAKE2b",
        bytes: blake2b_simd::OUTBYTES,
        variable: true,
        new_hasher: new_blake2b,
    },
    fixed("sm3", "SM3", 32, new_digest::<sm3::Sm3>),
];

pub fn named(name: &str) -> Option<&'static Algorithm> {
    DIGESTS.iter().find(|a| a.name == name)
}

impl Algorithm {
    /// The digest of a file (or `-`), `bytes` long, in lower-case hex.
    pub fn hash_file(&self, name: &str, bytes: usize) -> std::io::Result<String> {
        let mut reader = input::Chunks::open(name)?;
        let mut hasher = (self.new_hasher)(bytes);
        reader.each_chunk(|chunk| {
            hasher.update(chunk);
            Ok(())
        })?;
        Ok(hasher.finish().iter().map(|b| format!("{b:02x}")).collect())
    }

    /// The name a digest of `bytes` goes by in tagged lines: `BLAKE2b-256` where shorter
    /// than the most.
    pub fn tag_for(&self, bytes: usize) -> String {
        if bytes == self.bytes {
            self.tag.to_string()
        } else {
            format!("{}-{}", self.tag, bytes * 8)
        }
    }
}
