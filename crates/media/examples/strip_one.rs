//! Strips the metadata of each file named, as an upload is stripped, and prints what it
//! found: sizes before and after, the orientation kept, the time taken. Writes nothing.
//!
//! `cargo run --release -p placard-media --example strip_one -- tests/fixtures/photos/*`

fn main() -> std::process::ExitCode {
    let mut status = std::process::ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = std::process::ExitCode::FAILURE;
                continue;
            }
        };
        let started = std::time::Instant::now();
        match placard_media::strip_bytes(&bytes) {
            Ok((out, found)) => println!(
                "{path}: {} -> {} bytes ({} removed), orientation {}, {:.2} ms",
                bytes.len(),
                out.len(),
                bytes.len() - out.len(),
                found.orientation,
                started.elapsed().as_secs_f64() * 1000.0
            ),
            Err(e) => {
                println!("{path}: refused: {e}");
                status = std::process::ExitCode::FAILURE;
            }
        }
    }
    status
}
