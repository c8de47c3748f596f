//! Tells the tests where the kernel's build put the test fixture programs (the kernel's
//! build script passes it on as `links` metadata), and links `wasmix` with compact
//! relocations and its boot's functions side by side.

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
    // The functions a boot runs lie scattered over 21 MB of code, and each first call
    // into another 64 KiB of it costs a page fault (a few microseconds on a virtual
    // machine) and more pages to unmap at exit. Laid out together, in the order
    // bench/boot_order.sh found, a boot faults in about a third as many. Rust links with
    // its own LLD on this target (since 1.90), which reads such a list; a build told to
    // use another linker is left as it is.
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let other_linker = ["linker-features", "fuse-ld", "linker="]
        .iter()
        .any(|flag| flags.contains(flag));
    if target == "x86_64-unknown-linux-gnu" && !other_linker {
        let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo names the package");
        let order = std::path::Path::new(&manifest).join("boot-order.txt");
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=boot-order.txt");
}
