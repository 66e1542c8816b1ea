//! A 64-bit perceptual hash for near-duplicate detection.

/// dHash: the image shrunk to 9×8 grey by area averaging, each bit telling whether a cell
/// is brighter than its right neighbour. Robust to re-encoding and resizing; photos at a
/// Hamming distance of a few bits are near duplicates.
pub fn perceptual_hash(rgb: &[u8], width: u32, height: u32) -> u64 {
    const W: usize = 9;
    const H: usize = 8;
    let (w, h) = (width.max(1) as usize, height.max(1) as usize);
    let mut cells = [[0f64; W]; H];
    for (cy, row) in cells.iter_mut().enumerate() {
        let (y0, y1) = (cy * h / H, ((cy + 1) * h / H).max(cy * h / H + 1).min(h));
        for (cx, cell) in row.iter_mut().enumerate() {
            let (x0, x1) = (cx * w / W, ((cx + 1) * w / W).max(cx * w / W + 1).min(w));
            let mut sum = 0f64;
            let mut n = 0f64;
            for y in y0..y1 {
                for x in x0..x1 {
                    let i = (y * w + x) * 3;
                    if let Some(p) = rgb.get(i..i + 3) {
                        sum += 0.299 * f64::from(p[0])
                            + 0.587 * f64::from(p[1])
                            + 0.114 * f64::from(p[2]);
                        n += 1.0;
                    }
                }
            }
            *cell = if n > 0.0 { sum / n } else { 0.0 };
        }
    }
    let mut hash = 0u64;
    for row in &cells {
        for x in 0..W - 1 {
            hash = (hash << 1) | u64::from(row[x] > row[x + 1]);
        }
    }
    hash
}

pub fn hamming_distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gradient(w: u32, h: u32, flip: bool) -> Vec<u8> {
        let mut v = Vec::new();
        for _y in 0..h {
            for x in 0..w {
                let g = ((x * 255) / w) as u8;
                let g = if flip { 255 - g } else { g };
                v.extend([g, g, g]);
            }
        }
        v
    }

    #[test]
    fn similar_images_hash_close_and_different_ones_far() {
        let a = perceptual_hash(&gradient(320, 200, false), 320, 200);
        let a_small = perceptual_hash(&gradient(160, 100, false), 160, 100);
        let b = perceptual_hash(&gradient(320, 200, true), 320, 200);
        assert!(hamming_distance(a, a_small) <= 2);
        assert!(hamming_distance(a, b) >= 32);
        assert_eq!(hamming_distance(7, 7), 0);
    }
}
