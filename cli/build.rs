//! Tells the tests where the kernel's build put the test fixture programs (the kernel's
//! build script passes it on as `links` metadata), and links `wasmix` with compact
//! relocations.

fn main() {
    for (from, to) in [
        ("DEP_WASMIX_IMAGE_FIXTURES_DIR", "WASMIX_FIXTURES_DIR"),
        (
            "DEP_WASMIX_IMAGE_PREVIEW1_FIXTURES_DIR",
            "WASMIX_PREVIEW1_FIXTURES_DIR",
        ),
    ] {
        let dir = std::env::var(from).expect("the kernel's build script names its fixtures");
        println!("cargo:rustc-env={to}={dir}");
    }
    // wasmix is position-independent, and the dynamic loader patches some 53,000 pointers
    // in it at every start; packed (DT_RELR) relocations cut that work by a tenth of a
    // millisecond. The linker uses them only when the C library it links against reads
    // them (glibc 2.36), and ignores the request otherwise.
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.ends_with("linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
