//! Just enough EXIF to find the orientation tag (0x0112); nothing else is read or kept.

/// The orientation (1–8) in a raw EXIF block (a TIFF structure, optionally after the
/// `Exif\0\0` prefix), or `None` if it has none or is malformed.
pub fn orientation(exif: &[u8]) -> Option<u8> {
    let tiff = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let little = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        let b = [b[0], b[1], b[2], b[3]];
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    if u16_at(2)? != 42 {
        return None;
    }
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries.min(512)).find_map(|i| {
        let entry = ifd + 2 + i * 12;
        if u16_at(entry)? != 0x0112 {
            return None;
        }
        let value = u16_at(entry + 8)?;
        u8::try_from(value).ok().filter(|v| (1..=8).contains(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiff(little: bool, orientation: u16) -> Vec<u8> {
        let mut v = Vec::new();
        let p16 = |v: &mut Vec<u8>, x: u16| {
            v.extend(if little {
                x.to_le_bytes()
            } else {
                x.to_be_bytes()
            })
        };
        let p32 = |v: &mut Vec<u8>, x: u32| {
            v.extend(if little {
                x.to_le_bytes()
            } else {
                x.to_be_bytes()
            })
        };
        v.extend(if little { b"II" } else { b"MM" });
        p16(&mut v, 42);
        p32(&mut v, 8);
        p16(&mut v, 2); // two entries: an unrelated tag, then orientation
        p16(&mut v, 0x010F);
        p16(&mut v, 2);
        p32(&mut v, 4);
        p32(&mut v, 0);
        p16(&mut v, 0x0112);
        p16(&mut v, 3);
        p32(&mut v, 1);
        p16(&mut v, orientation);
        p16(&mut v, 0);
        v
    }

    #[test]
    fn orientation_is_found_in_either_byte_order() {
        assert_eq!(orientation(&tiff(true, 8)), Some(8));
        assert_eq!(orientation(&tiff(false, 6)), Some(6));
        let mut prefixed = b"Exif\0\0".to_vec();
        prefixed.extend(tiff(true, 3));
        assert_eq!(orientation(&prefixed), Some(3));
    }

    #[test]
    fn garbage_gives_none() {
        assert_eq!(orientation(b""), None);
        assert_eq!(orientation(b"II*\0\xff\xff\xff\xff"), None);
        assert_eq!(orientation(&tiff(true, 9)), None);
        assert_eq!(orientation(&tiff(true, 8)[..20]), None);
    }
}
