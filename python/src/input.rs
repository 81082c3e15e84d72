//! Arrow string columns as given by pyarrow: the buffers of a `large_string`
//! array (validity bitmap, int64 offsets, UTF-8 data), its offset and
//! length. Read in place; every offset and every string is checked.

/// One `large_string` array's buffers.
pub struct Texts<'a> {
    validity: Option<&'a [u8]>,
    offsets: &'a [u8],
    data: &'a [u8],
    /// The array's offset into its buffers (a sliced array).
    offset: usize,
    len: usize,
}

impl<'a> Texts<'a> {
    /// The array of `len` strings at `offset` in these buffers.
    ///
    /// # Errors
    /// When the buffers are too short for it.
    pub fn new(
        validity: Option<&'a [u8]>,
        offsets: &'a [u8],
        data: &'a [u8],
        offset: usize,
        len: usize,
    ) -> Result<Texts<'a>, String> {
        let end = offset
            .checked_add(len)
            .ok_or("array offset and length overflow")?;
        if offsets.len() < (end + 1) * 8 {
            return Err(format!(
                "offsets buffer of {} bytes is too short for {len} strings at offset {offset}",
                offsets.len()
            ));
        }
        if let Some(v) = validity {
            if v.len() * 8 < end {
                return Err(format!(
                    "validity bitmap of {} bytes is too short for {len} strings at offset {offset}",
                    v.len()
                ));
            }
        }
        Ok(Texts {
            validity,
            offsets,
            data,
            offset,
            len,
        })
    }

    /// Strings in the array.
    pub fn len(&self) -> usize {
        self.len
    }

    fn raw_offset(&self, i: usize) -> i64 {
        let at = i * 8;
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.offsets[at..at + 8]);
        i64::from_le_bytes(b)
    }

    /// The `i`th string (`None` for a null).
    ///
    /// # Errors
    /// Offsets out of the data buffer, or a string that is not UTF-8.
    pub fn get(&self, i: usize) -> Result<Option<&'a str>, String> {
        let j = self.offset + i;
        if let Some(v) = self.validity {
            if v[j / 8] & (1 << (j % 8)) == 0 {
                return Ok(None);
            }
        }
        let (a, b) = (self.raw_offset(j), self.raw_offset(j + 1));
        let (Ok(a), Ok(b)) = (usize::try_from(a), usize::try_from(b)) else {
            return Err(format!("row {i}: negative string offset"));
        };
        if a > b || b > self.data.len() {
            return Err(format!(
                "row {i}: string offsets {a}..{b} outside the data buffer"
            ));
        }
        std::str::from_utf8(&self.data[a..b])
            .map(Some)
            .map_err(|e| format!("row {i}: invalid UTF-8 at byte {}", e.valid_up_to()))
    }
}

#[cfg(test)]
mod tests {
    use super::Texts;

    fn offsets(o: &[i64]) -> Vec<u8> {
        o.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn reads_strings_nulls_and_slices() {
        let off = offsets(&[0, 3, 3, 9]);
        let data = "abc約五元".as_bytes()[..9].to_vec();
        let validity = [0b101u8];
        let t = Texts::new(Some(&validity), &off, &data, 0, 3).expect("valid buffers");
        assert_eq!(t.get(0), Ok(Some("abc")));
        assert_eq!(t.get(1), Ok(None));
        assert_eq!(t.get(2), Ok(Some("約五")));
        let sliced = Texts::new(Some(&validity), &off, &data, 2, 1).expect("valid buffers");
        assert_eq!(sliced.get(0), Ok(Some("約五")));
    }

    #[test]
    fn rejects_short_buffers_and_bad_offsets() {
        let off = offsets(&[0, 3]);
        assert!(Texts::new(None, &off, b"abc", 0, 2).is_err());
        let bad = offsets(&[0, 7]);
        let t = Texts::new(None, &bad, b"abc", 0, 1).expect("long enough");
        assert_eq!(
            t.get(0),
            Err("row 0: string offsets 0..7 outside the data buffer".to_string())
        );
        let off = offsets(&[0, 2]);
        let t = Texts::new(None, &off, &[0xe7, 0x84], 0, 1).expect("long enough");
        assert_eq!(t.get(0), Err("row 0: invalid UTF-8 at byte 0".to_string()));
    }
}
