//! Tells the tests where the kernel's build put the test fixture programs (the kernel's
//! build script passes it on as `links` metadata).

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
}
