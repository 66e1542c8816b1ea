//! The visual petition: every approved photo's thumbnail tiled into one picture of at most
//! [`MAX_SIDE`] px a side. With a campaign logo it is a photomosaic: the grid takes the
//! logo's shape, and each cell gets the photo whose colour best matches the logo there.
//!
//! Matching is an assignment problem (cells × photos). An optimal assignment (Hungarian,
//! O(n³)) is out of reach at 10,000 photos, so it is greedy with care:
//! - each photo may be used at most ⌈cells / photos⌉ times, so every photo appears and none
//!   dominates;
//! - the cells are served in order of how far their colour is from the logo's average, so
//!   the cells that draw the logo (its edges and strong colours) get the closest photos
//!   while the most choice is left;
//! - each cell takes the nearest photo still available, by a brute-force scan of the photos'
//!   mean colours (3 floats each: 10,000 × 10,000 distances is 10⁸ multiply-adds, a fraction
//!   of a second; a k-d tree with deletions would win only at far larger campaigns).
//!
//! Colour distance is the "redmean" weighted RGB distance, a cheap approximation of how far
//! apart people see two colours.

use crate::pipeline::{Derivative, ProcessError};
use fast_image_resize::images::{Image as FirImage, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use std::io::Cursor;

/// The mosaic's longest side, at most.
pub const MAX_SIDE: u32 = 4096;
/// A cell is never smaller than this (a smaller photo is only a dot of colour) …
pub const MIN_CELL: u32 = 8;
/// … nor larger than this (the small thumbnails are 320 px).
pub const MAX_CELL: u32 = 160;
/// With a logo, at least this many cells, so the logo can be recognised even when few
/// photos are approved yet (photos then repeat).
pub const MIN_LOGO_CELLS: usize = 1600;

/// One photo, ready to be placed: its pixels at the cell size (a centred square crop) and
/// its mean colour.
#[derive(Debug, Clone)]
pub struct Tile {
    pub rgb: Vec<u8>,
    pub mean: [f32; 3],
}

/// Where the photos go: a grid of `cols` × `rows` cells of `cell` px, and for each cell
/// (row by row) the index of its photo, or `None` for an empty cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub cols: u32,
    pub rows: u32,
    pub cell: u32,
    pub cells: Vec<Option<usize>>,
}

impl Layout {
    pub fn width(&self) -> u32 {
        self.cols * self.cell
    }
    pub fn height(&self) -> u32 {
        self.rows * self.cell
    }
}

fn decode_err(e: impl std::fmt::Display) -> ProcessError {
    ProcessError::Decode(e.to_string())
}

/// Resizes RGB pixels to exactly `w` × `h`.
fn resize_exact(
    rgb: &[u8],
    width: u32,
    height: u32,
    w: u32,
    h: u32,
) -> Result<Vec<u8>, ProcessError> {
    let src = ImageRef::new(width, height, rgb, PixelType::U8x3).map_err(decode_err)?;
    let mut dst = FirImage::new(w, h, PixelType::U8x3);
    Resizer::new()
        .resize(
            &src,
            &mut dst,
            &ResizeOptions::new()
                .resize_alg(ResizeAlg::Convolution(FilterType::Bilinear))
                .fit_into_destination(Some((0.5, 0.5))),
        )
        .map_err(decode_err)?;
    Ok(dst.into_vec())
}

fn mean(rgb: &[u8]) -> [f32; 3] {
    let mut sum = [0u64; 3];
    for px in rgb.chunks_exact(3) {
        for c in 0..3 {
            sum[c] += u64::from(px[c]);
        }
    }
    let n = (rgb.len() / 3).max(1) as f32;
    [sum[0] as f32 / n, sum[1] as f32 / n, sum[2] as f32 / n]
}

/// A thumbnail (our own JPEG derivative: upright already) as a tile of `side` px. The
/// decoder scales by DCT while decoding (to the smallest scale still at least `side`), so a
/// 320 px thumbnail costs a fraction of a full decode.
pub fn tile(jpeg: &[u8], side: u32) -> Result<Tile, ProcessError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(jpeg));
    // Our thumbnails are at most 1280 px: anything claiming more is not one.
    decoder.set_max_decoding_buffer_size(1280 * 1280 * 4);
    decoder.read_info().map_err(decode_err)?;
    let s = u16::try_from(side).unwrap_or(u16::MAX);
    let (w, h) = decoder.scale(s, s).map_err(decode_err)?;
    let pixels = decoder.decode().map_err(decode_err)?;
    let info = decoder
        .info()
        .ok_or_else(|| ProcessError::Decode("no frame header".into()))?;
    let rgb: Vec<u8> = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&g| [g, g, g]).collect(),
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        other => return Err(ProcessError::Decode(format!("unexpected pixels {other:?}"))),
    };
    let (w, h) = (u32::from(w), u32::from(h));
    if rgb.len() != (w * h * 3) as usize {
        return Err(ProcessError::Decode("decoded size does not match".into()));
    }
    // A centred square, then the cell size.
    let c = w.min(h);
    let (x0, y0) = ((w - c) / 2, (h - c) / 2);
    let mut square = Vec::with_capacity((c * c * 3) as usize);
    for y in y0..y0 + c {
        let start = ((y * w + x0) * 3) as usize;
        square.extend_from_slice(&rgb[start..start + (c * 3) as usize]);
    }
    let rgb = if c == side {
        square
    } else {
        resize_exact(&square, c, c, side, side)?
    };
    let mean = mean(&rgb);
    Ok(Tile { rgb, mean })
}

fn cell_side(cols: u32, rows: u32) -> u32 {
    (MAX_SIDE / cols.max(rows).max(1)).clamp(MIN_CELL, MAX_CELL)
}

/// The grid for `photos` photos without a logo: about 4:3, each photo once, newest first
/// in the order given.
pub fn grid(photos: usize) -> Layout {
    let n = photos.max(1) as f64;
    let max_cells_side = MAX_SIDE / MIN_CELL;
    let cols = ((n * 4.0 / 3.0).sqrt().ceil() as u32).clamp(1, max_cells_side);
    let rows = (photos.max(1) as u32)
        .div_ceil(cols)
        .clamp(1, max_cells_side);
    let cell = cell_side(cols, rows);
    let cells = (0..(cols * rows) as usize)
        .map(|i| (i < photos).then_some(i))
        .collect();
    Layout {
        cols,
        rows,
        cell,
        cells,
    }
}

/// The grid in the logo's shape (`width` × `height` px): how many cells across and down.
pub fn logo_grid(photos: usize, width: u32, height: u32) -> (u32, u32, u32) {
    let max_cells_side = MAX_SIDE / MIN_CELL;
    let wanted = photos.max(MIN_LOGO_CELLS) as f64;
    let aspect = f64::from(width.max(1)) / f64::from(height.max(1));
    let cols = ((wanted * aspect).sqrt().round() as u32).clamp(1, max_cells_side);
    let rows = ((wanted / f64::from(cols)).ceil() as u32).clamp(1, max_cells_side);
    (cols, rows, cell_side(cols, rows))
}

/// How far apart two colours look ("redmean" weighted RGB, squared).
fn distance(a: [f32; 3], b: [f32; 3]) -> f32 {
    let r = (a[0] + b[0]) / 2.0;
    let (dr, dg, db) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    (2.0 + r / 256.0) * dr * dr + 4.0 * dg * dg + (2.0 + (255.0 - r) / 256.0) * db * db
}

/// Gives each cell (its target colour, from the logo) a photo (by mean colour): see the
/// module's notes. Deterministic: the same inputs give the same mosaic.
pub fn assign(targets: &[[f32; 3]], photos: &[[f32; 3]]) -> Vec<Option<usize>> {
    if photos.is_empty() {
        return vec![None; targets.len()];
    }
    let uses = targets.len().div_ceil(photos.len());
    let mut left = vec![uses; photos.len()];
    let avg = mean_of(targets);
    let mut order: Vec<usize> = (0..targets.len()).collect();
    order.sort_by(|&a, &b| {
        distance(targets[b], avg)
            .total_cmp(&distance(targets[a], avg))
            .then(a.cmp(&b))
    });
    let mut out = vec![None; targets.len()];
    for cell in order {
        let t = targets[cell];
        let mut best: Option<(f32, usize)> = None;
        for (i, p) in photos.iter().enumerate() {
            if left[i] == 0 {
                continue;
            }
            let d = distance(t, *p);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        if let Some((_, i)) = best {
            left[i] -= 1;
            out[cell] = Some(i);
        }
    }
    out
}

fn mean_of(colours: &[[f32; 3]]) -> [f32; 3] {
    let n = colours.len().max(1) as f32;
    let mut s = [0f32; 3];
    for c in colours {
        for k in 0..3 {
            s[k] += c[k];
        }
    }
    [s[0] / n, s[1] / n, s[2] / n]
}

/// The logo's colour at each cell: its upright pixels scaled to `cols` × `rows`.
pub fn targets(
    logo_rgb: &[u8],
    width: u32,
    height: u32,
    cols: u32,
    rows: u32,
) -> Result<Vec<[f32; 3]>, ProcessError> {
    let small = resize_exact(logo_rgb, width, height, cols, rows)?;
    Ok(small
        .chunks_exact(3)
        .map(|p| [f32::from(p[0]), f32::from(p[1]), f32::from(p[2])])
        .collect())
}

/// Draws the mosaic and encodes it as a JPEG (no metadata: ours are never written).
pub fn compose(tiles: &[Tile], layout: &Layout) -> Result<Derivative, ProcessError> {
    let (w, h, cell) = (layout.width(), layout.height(), layout.cell as usize);
    let mut canvas = vec![255u8; (w * h * 3) as usize];
    let row_bytes = w as usize * 3;
    for (i, slot) in layout.cells.iter().enumerate() {
        let Some(t) = slot.and_then(|t| tiles.get(t)) else {
            continue;
        };
        if t.rgb.len() != cell * cell * 3 {
            return Err(ProcessError::Encode("a tile of the wrong size".into()));
        }
        let (cx, cy) = (i % layout.cols as usize, i / layout.cols as usize);
        for y in 0..cell {
            let dst = (cy * cell + y) * row_bytes + cx * cell * 3;
            canvas[dst..dst + cell * 3].copy_from_slice(&t.rgb[y * cell * 3..(y + 1) * cell * 3]);
        }
    }
    let mut jpeg = Vec::with_capacity(canvas.len() / 10);
    let (ew, eh) = (
        u16::try_from(w).map_err(|_| ProcessError::Encode("too wide".into()))?,
        u16::try_from(h).map_err(|_| ProcessError::Encode("too tall".into()))?,
    );
    jpeg_encoder::Encoder::new(&mut jpeg, 85)
        .encode(&canvas, ew, eh, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| ProcessError::Encode(e.to_string()))?;
    Ok(Derivative {
        jpeg,
        width: w,
        height: h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_fit_the_limit_and_hold_every_photo() {
        for n in [1usize, 2, 3, 10, 99, 1000, 10_000, 50_000] {
            let l = grid(n);
            assert!(
                l.width() <= MAX_SIDE && l.height() <= MAX_SIDE,
                "{n}: {l:?}"
            );
            assert!(
                l.cells.len() >= n.min((MAX_SIDE / MIN_CELL).pow(2) as usize),
                "{n}"
            );
            assert!(l.cell >= MIN_CELL && l.cell <= MAX_CELL);
        }
        let (cols, rows, cell) = logo_grid(10, 400, 200);
        assert!(cols * rows >= MIN_LOGO_CELLS as u32 && cols > rows);
        assert!(cols * cell <= MAX_SIDE);
    }

    #[test]
    fn each_cell_gets_the_nearest_colour_and_every_photo_is_used() {
        // A logo half red, half blue; photos: two reddish, two bluish.
        let targets: Vec<[f32; 3]> = (0..8)
            .map(|i| {
                if i < 4 {
                    [250.0, 10.0, 10.0]
                } else {
                    [10.0, 10.0, 250.0]
                }
            })
            .collect();
        let photos = [
            [240.0, 30.0, 20.0],
            [20.0, 20.0, 230.0],
            [200.0, 0.0, 0.0],
            [0.0, 0.0, 200.0],
        ];
        let out = assign(&targets, &photos);
        for (i, p) in out.iter().enumerate() {
            let p = p.expect("every cell has a photo");
            let red = photos[p][0] > photos[p][2];
            assert_eq!(red, i < 4, "cell {i} got photo {p}");
        }
        let mut used = [0; 4];
        for p in out.iter().flatten() {
            used[*p] += 1;
        }
        assert_eq!(used, [2, 2, 2, 2], "each photo at most ⌈8/4⌉ times");
        assert_eq!(assign(&targets, &photos), out, "deterministic");
        assert_eq!(assign(&targets, &[]), vec![None; 8]);
    }

    #[test]
    fn a_mosaic_is_drawn_at_its_size() {
        let tiles: Vec<Tile> = [[255u8, 0, 0], [0, 0, 255]]
            .iter()
            .map(|c| Tile {
                rgb: c.iter().copied().cycle().take(16 * 16 * 3).collect(),
                mean: [f32::from(c[0]), f32::from(c[1]), f32::from(c[2])],
            })
            .collect();
        let layout = Layout {
            cols: 3,
            rows: 1,
            cell: 16,
            cells: vec![Some(0), Some(1), None],
        };
        let d = compose(&tiles, &layout).expect("jpeg");
        assert_eq!((d.width, d.height), (48, 16));
        let img = image::load_from_memory(&d.jpeg).expect("decodes").to_rgb8();
        assert!(img.get_pixel(8, 8)[0] > 200 && img.get_pixel(24, 8)[2] > 200);
        assert!(img.get_pixel(40, 8)[1] > 200, "an empty cell is white");
    }
}
