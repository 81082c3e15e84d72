//! A JSON serializer for reports: the bytes of `serde_json::to_writer`
//! (compact), written straight into a `Vec<u8>` — field names copied as
//! they are (they are Rust identifiers, never in need of escapes), strings
//! escaped eight bytes at a time, integers without `fmt`. Values it does not
//! write itself (floats, byte strings, maps with keys other than strings and
//! integers) make [`append`] start that value again with `serde_json`, so
//! the output never differs.

use serde::ser::{self, Serialize};
use std::fmt;

/// serde_json's names for its raw-JSON structs (`RawValue`, and `Number`
/// with the `arbitrary_precision` feature): their one field is JSON text,
/// written as it is.
const RAW_TOKENS: [&str; 2] = [
    "$serde_json::private::RawValue",
    "$serde_json::private::Number",
];

/// Appends `value` as compact JSON to `out`: exactly the bytes of
/// `serde_json::to_writer(out, value)`, faster.
///
/// ```
/// let mut out = Vec::new();
/// figcheck::report::json::append(&mut out, &("a\"b", 1, None::<u8>, [true]))?;
/// assert_eq!(out, serde_json::to_vec(&("a\"b", 1, None::<u8>, [true]))?);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Errors
/// The errors `serde_json` gives for `value` (a `Serialize` impl that
/// fails); `out` then holds what it held before.
pub fn append<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    let start = out.len();
    if value.serialize(&mut Ser { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    let done = serde_json::to_writer(&mut *out, value);
    if done.is_err() {
        out.truncate(start);
    }
    done
}

/// Not written here: [`append`] hands the value to `serde_json`.
#[derive(Debug)]
struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value the report serializer leaves to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type Result<T = (), E = Unsupported> = std::result::Result<T, E>;

struct Ser<'o> {
    out: &'o mut Vec<u8>,
}

/// Appends `n` in decimal.
fn unsigned(out: &mut Vec<u8>, n: u128) {
    let mut buf = [0u8; 40];
    let at = digits(n, &mut buf);
    out.extend_from_slice(&buf[at..]);
}

/// Writes the decimal digits of `n` at the end of `buf`; returns where they start.
pub(crate) fn digits(n: u128, buf: &mut [u8; 40]) -> usize {
    let mut i = buf.len();
    let Ok(mut n) = u64::try_from(n) else {
        // beyond 64 bits: digit by digit
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return i;
            }
        }
    };
    // two digits at a time, by 64-bit division (a u128 division is a call)
    const PAIRS: &[u8; 200] = b"00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    while n >= 100 {
        let r = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        let r = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    i
}

fn signed(out: &mut Vec<u8>, n: i128) {
    if n < 0 {
        out.push(b'-');
    }
    unsigned(out, n.unsigned_abs());
}

/// Whether any of the eight bytes of `w` is below 0x20, `"` or `\`.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // bytes below 0x20: x - 0x20 borrows into the high bit, unless the byte
    // had its high bit set already (non-ASCII, never escaped)
    let low = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    low | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\'))) != 0
}

/// Appends `s` as a JSON string, escaped as serde_json escapes.
fn string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let b = s.as_bytes();
    let mut run = 0; // start of the bytes not yet copied
    let mut i = 0;
    while i < b.len() {
        if i + 8 <= b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let escape: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[run..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        run = i;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// Appends `"key":`; field names are identifiers, never escaped.
fn key(out: &mut Vec<u8>, k: &str) {
    debug_assert!(!k.bytes().any(|c| c < 0x20 || c == b'"' || c == b'\\'));
    out.push(b'"');
    out.extend_from_slice(k.as_bytes());
    out.extend_from_slice(b"\":");
}

/// An object, array or raw value being written.
struct Compound<'s, 'o> {
    ser: &'s mut Ser<'o>,
    first: bool,
    /// A raw-JSON struct (see [`RAW_TOKENS`]): its field is written as is.
    raw: bool,
    /// Closing bytes written by `end`.
    close: &'static [u8],
}

impl<'s, 'o> Compound<'s, 'o> {
    fn open(ser: &'s mut Ser<'o>, open: &[u8], close: &'static [u8]) -> Self {
        ser.out.extend_from_slice(open);
        Compound {
            ser,
            first: true,
            raw: false,
            close,
        }
    }

    fn comma(&mut self) {
        if !self.first {
            self.ser.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result {
        if self.raw {
            return value.serialize(RawStr(self.ser.out));
        }
        self.comma();
        key(self.ser.out, k);
        value.serialize(&mut *self.ser)
    }

    fn close(self) -> Result {
        self.ser.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'s, 'o> ser::Serializer for &'s mut Ser<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'s, 'o>;
    type SerializeTuple = Compound<'s, 'o>;
    type SerializeTupleStruct = Compound<'s, 'o>;
    type SerializeTupleVariant = Compound<'s, 'o>;
    type SerializeMap = Compound<'s, 'o>;
    type SerializeStruct = Compound<'s, 'o>;
    type SerializeStructVariant = Compound<'s, 'o>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i128(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i128(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i128(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.serialize_i128(v.into())
    }
    fn serialize_i128(self, v: i128) -> Result {
        signed(self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u128(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u128(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u128(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.serialize_u128(v.into())
    }
    fn serialize_u128(self, v: u128) -> Result {
        unsigned(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result {
        Err(Unsupported)
    }
    fn serialize_f64(self, _: f64) -> Result {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> Result {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        string(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'s, 'o>> {
        Ok(Compound::open(self, b"[", b"]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'s, 'o>> {
        Ok(Compound::open(self, b"[", b"]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'s, 'o>> {
        Ok(Compound::open(self, b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'s, 'o>> {
        self.out.push(b'{');
        string(self.out, variant);
        Ok(Compound::open(self, b":[", b"]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'s, 'o>> {
        Ok(Compound::open(self, b"{", b"}"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'s, 'o>> {
        if RAW_TOKENS.contains(&name) {
            let mut c = Compound::open(self, b"", b"");
            c.raw = true;
            return Ok(c);
        }
        Ok(Compound::open(self, b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'s, 'o>> {
        self.out.push(b'{');
        string(self.out, variant);
        Ok(Compound::open(self, b":{", b"}}"))
    }
}

/// The sequence-like serializers: each element is written after a comma.
macro_rules! elements {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                self.element(value)
            }
            fn end(self) -> Result {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result {
        self.comma();
        k.serialize(MapKey(self.ser.out))?;
        self.ser.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result {
        self.field(k, value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, value: &T) -> Result {
        self.field(k, value)
    }
    fn end(self) -> Result {
        self.close()
    }
}

/// Declines everything: the keys and raw values below take only a few
/// kinds of value, and leave the rest to serde_json.
macro_rules! decline {
    ($($method:ident($($ty:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $ty),*) -> Result {
            Err(Unsupported)
        })*
    };
}

/// The rest of a `Serializer` that takes only what [`MapKey`] and
/// [`RawStr`] take.
macro_rules! only_scalars {
    () => {
        type Ok = ();
        type Error = Unsupported;
        type SerializeSeq = ser::Impossible<(), Unsupported>;
        type SerializeTuple = ser::Impossible<(), Unsupported>;
        type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
        type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
        type SerializeMap = ser::Impossible<(), Unsupported>;
        type SerializeStruct = ser::Impossible<(), Unsupported>;
        type SerializeStructVariant = ser::Impossible<(), Unsupported>;
        decline!(
            serialize_bool(bool),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str),
        );
        fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result {
            Err(Unsupported)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result {
            Err(Unsupported)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result {
            Err(Unsupported)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
            Err(Unsupported)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
            Err(Unsupported)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct> {
            Err(Unsupported)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant> {
            Err(Unsupported)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
            Err(Unsupported)
        }
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
            Err(Unsupported)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant> {
            Err(Unsupported)
        }
    };
}

/// A map key: a string, a unit variant, or an integer written as a string
/// (as serde_json writes them).
struct MapKey<'o>(&'o mut Vec<u8>);

impl MapKey<'_> {
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>)) -> Result {
        self.0.push(b'"');
        write(self.0);
        self.0.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for MapKey<'_> {
    only_scalars!();
    fn serialize_str(self, v: &str) -> Result {
        string(self.0, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        string(self.0, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        string(self.0, variant);
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.quoted(|o| signed(o, v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.quoted(|o| signed(o, v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.quoted(|o| signed(o, v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.quoted(|o| signed(o, v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.quoted(|o| signed(o, v))
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.quoted(|o| unsigned(o, v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.quoted(|o| unsigned(o, v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.quoted(|o| unsigned(o, v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.quoted(|o| unsigned(o, v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.quoted(|o| unsigned(o, v))
    }
}

/// The field of a raw-JSON struct: its JSON text, copied.
struct RawStr<'o>(&'o mut Vec<u8>);

impl ser::Serializer for RawStr<'_> {
    only_scalars!();
    fn serialize_str(self, v: &str) -> Result {
        self.0.extend_from_slice(v.as_bytes());
        Ok(())
    }
    decline!(
        serialize_char(char),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
    );
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize + ?Sized>(v: &T) {
        let mut ours = b"prefix".to_vec();
        append(&mut ours, v).expect("serializable");
        let mut theirs = b"prefix".to_vec();
        serde_json::to_writer(&mut theirs, v).expect("serializable");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(i8, String),
        Struct { a: Option<bool>, b: Vec<u16> },
    }

    #[derive(Serialize)]
    struct Inner {
        x: i64,
        y: &'static str,
    }

    #[derive(Serialize)]
    struct Outer {
        id: serde_json::Value,
        #[serde(flatten)]
        inner: Option<Inner>,
        tuple: (u8, char),
        unit: (),
        float: f64,
        e: Vec<E>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    #[test]
    fn the_bytes_of_serde_json() {
        same(&Outer {
            id: serde_json::json!({"a": [1, "x\u{1}", null, 12345678901234567890123u128.to_string()]}),
            inner: Some(Inner {
                x: i64::MIN,
                y: "tab\there \"quoted\" back\\slash 中文 \u{7f}\u{1f}",
            }),
            tuple: (255, '"'),
            unit: (),
            float: 0.1,
            e: vec![
                E::Unit,
                E::New(7),
                E::Tuple(-1, "t".into()),
                E::Struct {
                    a: None,
                    b: vec![1, 2],
                },
            ],
            skipped: None,
        });
        same(&u128::MAX);
        same(&i128::MIN);
        same(&[f64::NAN, 1.5]);
        same(&b"bytes"[..]);
        let mut int_keys = BTreeMap::new();
        int_keys.insert(-3i32, "neg");
        int_keys.insert(4, "pos");
        same(&int_keys);
        // an error of serde_json's is an error here too, and leaves `out`
        let mut seq_keys = BTreeMap::new();
        seq_keys.insert(vec![1u8], 1);
        let mut out = b"kept".to_vec();
        let e = append(&mut out, &seq_keys).expect_err("keys must be strings");
        assert_eq!(
            e.to_string(),
            serde_json::to_vec(&seq_keys).expect_err("same").to_string()
        );
        assert_eq!(out, b"kept");
        let raw = serde_json::value::RawValue::from_string("{\"raw\": [1, 2]}".into())
            .expect("valid JSON");
        same(&raw);
        let number: serde_json::Value =
            serde_json::from_str("12345678901234567890.123456789").expect("valid JSON");
        same(&number);
        same(&serde_json::json!(["", "\u{8}\u{c}\n\r\t/", -0, 1e300]));
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes(s in "(?s).{0,40}", t in "[\\x00-\\x7f]{0,40}") {
            same(&s);
            same(&t);
            same(&(s.clone() + &t));
        }

        #[test]
        fn integers_are_written_as_serde_json_writes_them(a: u64, b: i64, c: u128, d: i128, e in 0u64..1000) {
            same(&(a, b, c, d, e));
        }
    }
}
