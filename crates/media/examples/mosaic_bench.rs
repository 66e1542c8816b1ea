//! How long a mosaic of N photos takes, phase by phase, on this machine (one thread):
//! `cargo run --release -p placard-media --example mosaic_bench -- 10000 [logo.png]`.
//! The photos are synthetic 320×240 JPEG thumbnails (as the worker stores them), each a
//! different colour gradient; the logo defaults to the goldfish fixture.

use placard_media::mosaic;
use std::time::Instant;

fn thumbnail(i: usize) -> Vec<u8> {
    let (w, h) = (320u16, 240u16);
    let (r, g, b) = (
        (i * 37 % 256) as u8,
        (i * 91 % 256) as u8,
        (i * 173 % 256) as u8,
    );
    let mut rgb = Vec::with_capacity(usize::from(w) * usize::from(h) * 3);
    for y in 0..h {
        for x in 0..w {
            rgb.extend_from_slice(&[
                r.wrapping_add((x / 4) as u8),
                g.wrapping_add((y / 4) as u8),
                b,
            ]);
        }
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 82)
        .encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .expect("encode");
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let logo_path = args
        .next()
        .unwrap_or_else(|| "tests/fixtures/photos/goldfish-3640x2400.png".into());
    let t = Instant::now();
    let thumbs: Vec<Vec<u8>> = (0..n).map(thumbnail).collect();
    println!(
        "made {n} thumbnails in {:.2} s (not part of a build)",
        t.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let logo = std::fs::read(&logo_path).expect("logo");
    let (rgb, w, h) =
        placard_media::decode_rgb(&logo, &placard_media::Limits::default()).expect("logo decodes");
    let (cols, rows, cell) = mosaic::logo_grid(n, w, h);
    let targets = mosaic::targets(&rgb, w, h, cols, rows).expect("targets");
    let t_logo = started.elapsed();

    let t = Instant::now();
    let tiles: Vec<mosaic::Tile> = thumbs
        .iter()
        .map(|j| mosaic::tile(j, cell).expect("tile"))
        .collect();
    let t_tiles = t.elapsed();

    let t = Instant::now();
    let means: Vec<[f32; 3]> = tiles.iter().map(|t| t.mean).collect();
    let cells = mosaic::assign(&targets, &means);
    let t_assign = t.elapsed();

    let t = Instant::now();
    let layout = mosaic::Layout {
        cols,
        rows,
        cell,
        cells,
    };
    let jpeg = mosaic::compose(&tiles, &layout).expect("compose");
    let t_compose = t.elapsed();

    println!(
        "{n} photos, {cols}×{rows} squares of {cell} px → {}×{} px, {:.1} MB JPEG",
        jpeg.width,
        jpeg.height,
        jpeg.jpeg.len() as f64 / 1e6
    );
    println!(
        "logo {:.2} s · tiles {:.2} s · assign {:.2} s · compose+encode {:.2} s · total {:.2} s",
        t_logo.as_secs_f64(),
        t_tiles.as_secs_f64(),
        t_assign.as_secs_f64(),
        t_compose.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
