//! One pass of `extract` over a set of texts, for instruction counts.
//!
//! `cargo build --release --example extract_once`, then
//! `valgrind --tool=callgrind --toggle-collect='*claimtrail::extract::extract*'
//! target/release/examples/extract_once FILE...`: each FILE is extracted
//! once, so callgrind counts what `cargo bench --bench extract` times
//! without its ten rounds (which would take callgrind an hour).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut statements = 0;
    let mut bytes = 0;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        bytes += text.len();
        statements += std::hint::black_box(claimtrail::extract::extract(&text)).statements.len();
    }
    println!("{bytes} bytes, {statements} statements");
}
