//! Runs the whole processing job once on a file and writes the large derivative, so that
//! `scripts/bench-media.py` can time it as a whole process, exactly as it times
//! `vipsthumbnail`. A third argument `x,y,w,h` (fractions of the upright photo) pixelates
//! that rectangle, as a supporter's `blur` does: the whole photo is then decoded and the
//! pixelated original re-encoded too (its size is printed). It prints both derivatives'
//! sizes.

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: process_one INPUT OUTPUT.jpg [x,y,w,h]");
        return std::process::ExitCode::from(2);
    };
    let bytes = match std::fs::read(&input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{input}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let region: Option<placard_media::Region> = args.next().and_then(|r| {
        let v: Vec<f64> = r.split(',').filter_map(|x| x.trim().parse().ok()).collect();
        (v.len() == 4).then(|| placard_media::Region {
            x: v[0],
            y: v[1],
            w: v[2],
            h: v[3],
        })
    });
    let regions: Vec<placard_media::Region> = region.into_iter().collect();
    let edits = placard_media::Edits {
        orientation: None,
        pixelate: &regions,
    };
    match placard_media::process(&bytes, &placard_media::Limits::default(), &edits) {
        Ok(p) => match std::fs::write(&output, &p.large.jpeg) {
            Ok(()) => {
                // What each photo adds to the object store (docs/SCALE.md sizes from these).
                println!(
                    "large: {}x{}, {} bytes; small: {}x{}, {} bytes",
                    p.large.width,
                    p.large.height,
                    p.large.jpeg.len(),
                    p.small.width,
                    p.small.height,
                    p.small.jpeg.len()
                );
                if let Some(o) = &p.original {
                    println!(
                        "pixelated original: {}x{}, {} bytes",
                        o.width,
                        o.height,
                        o.jpeg.len()
                    );
                }
                std::process::ExitCode::SUCCESS
            }
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
