//! Runs the whole processing job once on a file and writes the large derivative, so that
//! `scripts/bench-media.py` can time it as a whole process, exactly as it times
//! `vipsthumbnail`.

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: process_one INPUT OUTPUT.jpg");
        return std::process::ExitCode::from(2);
    };
    let bytes = match std::fs::read(&input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{input}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match placard_media::process(
        &bytes,
        &placard_media::Limits::default(),
        &Default::default(),
    ) {
        Ok(p) => match std::fs::write(&output, &p.large.jpeg) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{output}: {e}");
                std::process::ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{input}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
