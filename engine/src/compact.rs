//! The compiled rule set's binary form: build.rs writes it, the browser reads it.
//!
//! Why not serde + a binary serde format: the derived deserialisers for the rule-set types
//! were about 25 KB of the widget's WebAssembly. This format is a straight walk over the
//! fields in declaration order (the `compact_struct!` macro lists them, and reading builds each
//! struct with a struct literal, so a field added to a type and not to its `compact_struct!` line
//! does not compile). Strings are interned: each distinct string is stored once and repeats
//! (sources, category and domain ids, "yes") are a short reference.
//!
//! Layout: the length of the structure, the structure, then the text. In the structure,
//! integers are LEB128; a string is `0, length` the first time (its UTF-8 bytes are the next
//! ones in the text) and `n` (its 1-based position among the strings so far) afterwards;
//! `Option` is a 0/1 tag; `Vec` is a length then the items; enums are a tag then their payload.
//! Why the text apart: gzip finds the repeats in prose better when numbers do not break it
//! up (rules.bin: 26.8 KB → 26.4 KB gzip).

use std::collections::HashMap;

/// Writes values; remembers the strings written so far.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    text: Vec<u8>,
    strings: HashMap<String, u32>,
}

impl Writer {
    pub fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }
    pub fn string(&mut self, s: &str) {
        if let Some(&n) = self.strings.get(s) {
            self.uint(u64::from(n));
            return;
        }
        let n = self.strings.len() as u32 + 1;
        self.strings.insert(s.to_string(), n);
        self.uint(0);
        self.uint(s.len() as u64);
        self.text.extend_from_slice(s.as_bytes());
    }
}

/// Reads values. Malformed input never panics: the first problem marks the reader as failed
/// and every later read returns an empty value (0, "", false, no items), so decoding runs to
/// the end and [`from_bytes`] refuses the result. (No early returns: the code that drops
/// half-built values on every error path was most of the decoder's size.)
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    text: &'a [u8],
    strings: Vec<&'a str>,
    failed: bool,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        let mut r = Reader { bytes, at: 0, text: &[], strings: Vec::new(), failed: false };
        let n = r.length();
        let (structure, text) = bytes[r.at..].split_at(n);
        (r.bytes, r.at, r.text) = (structure, 0, text);
        r
    }
    /// True when every byte of the structure and the text was read and nothing was malformed.
    pub fn is_done(&self) -> bool {
        !self.failed && self.at == self.bytes.len() && self.text.is_empty()
    }
    /// Marks the input as malformed; returns `value` to carry on with.
    pub fn fail<T>(&mut self, value: T) -> T {
        self.failed = true;
        value
    }
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) if !self.failed => {
                self.at += 1;
                b
            }
            _ => self.fail(0),
        }
    }
    pub fn uint(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        self.fail(0)
    }
    /// A length: no length can exceed the bytes left (refuses absurd sizes before allocating).
    pub fn length(&mut self) -> usize {
        match usize::try_from(self.uint()) {
            Ok(n) if n <= self.bytes.len() - self.at => n,
            _ => self.fail(0),
        }
    }
    pub fn str(&mut self) -> &'a str {
        // 0: a new string; n: the n-th string read so far.
        let n = usize::try_from(self.uint()).unwrap_or(usize::MAX);
        if n == 0 {
            // A new string: its length here, its bytes the next ones in the text.
            let len = usize::try_from(self.uint()).unwrap_or(usize::MAX);
            if len > self.text.len() {
                return self.fail("");
            }
            let (bytes, rest) = self.text.split_at(len);
            let Ok(s) = std::str::from_utf8(bytes) else { return self.fail("") };
            self.text = rest;
            self.strings.push(s);
            return s;
        }
        match self.strings.get(n - 1) {
            Some(s) => s,
            None => self.fail(""),
        }
    }
}

/// A type with a compact binary form.
pub trait Compact: Sized {
    fn write(&self, w: &mut Writer);
    fn read(r: &mut Reader) -> Self;
}

/// Encodes a value (build.rs, tests).
pub fn to_bytes<T: Compact>(value: &T) -> Vec<u8> {
    let mut w = Writer::default();
    value.write(&mut w);
    let structure = std::mem::take(&mut w.bytes);
    w.uint(structure.len() as u64);
    w.bytes.extend(structure);
    w.bytes.extend(w.text);
    w.bytes
}

/// Decodes a value; `None` if the bytes are malformed or not wholly used.
pub fn from_bytes<T: Compact>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader::new(bytes);
    let value = T::read(&mut r);
    r.is_done().then_some(value)
}

impl Compact for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
    fn read(r: &mut Reader) -> Self {
        r.str().to_string()
    }
}

impl Compact for bool {
    fn write(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn read(r: &mut Reader) -> Self {
        match r.uint() {
            0 => false,
            1 => true,
            _ => r.fail(false),
        }
    }
}

impl Compact for u32 {
    fn write(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn read(r: &mut Reader) -> Self {
        let n = r.uint();
        u32::try_from(n).unwrap_or_else(|_| r.fail(0))
    }
}

impl<T: Compact> Compact for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(x) => {
                w.uint(1);
                x.write(w);
            }
        }
    }
    #[inline(never)]
    fn read(r: &mut Reader) -> Self {
        match r.uint() {
            0 => None,
            1 => Some(T::read(r)),
            _ => r.fail(None),
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for x in self {
            x.write(w);
        }
    }
    // Not inlined (nor `Option`'s, nor a struct's): a copy of each read at every field of its
    // type was about 1 KB of the widget (gzip 0.4 KB); reading runs once per rule set.
    #[inline(never)]
    fn read(r: &mut Reader) -> Self {
        // Every item takes at least one byte, so `len` bounds the allocation.
        let n = r.length();
        (0..n).map(|_| T::read(r)).collect()
    }
}

impl<T: Compact> Compact for Box<T> {
    fn write(&self, w: &mut Writer) {
        (**self).write(w);
    }
    fn read(r: &mut Reader) -> Self {
        Box::new(T::read(r))
    }
}

/// `compact_struct!(Type { field, field, ... })`: the fields in the order they are written.
/// The caller imports `Compact`, `Reader` and `Writer`.
macro_rules! compact_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Compact for $t {
            fn write(&self, w: &mut Writer) {
                $( self.$f.write(w); )*
            }
            #[inline(never)]
            fn read(r: &mut Reader) -> Self {
                $t { $( $f: Compact::read(r), )* }
            }
        }
    )*};
}

/// `compact_enum!(Type { Unit = 0, ... })` for enums without data.
macro_rules! compact_enum {
    ($($t:ident { $($v:ident = $n:literal),* $(,)? })*) => {$(
        impl Compact for $t {
            fn write(&self, w: &mut Writer) {
                w.uint(match self { $( $t::$v => $n, )* });
            }
            fn read(r: &mut Reader) -> Self {
                // An unknown tag fails the read; the first variant stands in meanwhile.
                let tag = r.uint();
                $( if tag == $n { return $t::$v; } )*
                let first = [$( $t::$v ),*][0];
                r.fail(first)
            }
        }
    )*};
}

/// `compact_tagged!(Type { Variant = tag, ... } or fallback)` for enums whose variants each hold
/// one value: the tag, then the value. One list gives both directions, so the tags cannot drift
/// apart; `fallback` stands in while a read with an unknown tag fails.
macro_rules! compact_tagged {
    ($t:ident { $($v:ident = $n:literal),* $(,)? } or $fallback:expr) => {
        impl Compact for $t {
            fn write(&self, w: &mut Writer) {
                match self {
                    $( $t::$v(x) => {
                        w.uint($n);
                        x.write(w)
                    } )*
                }
            }
            fn read(r: &mut Reader) -> Self {
                let tag = r.uint();
                $( if tag == $n { return $t::$v(Compact::read(r)); } )*
                r.fail($fallback)
            }
        }
    };
}

pub(crate) use {compact_enum, compact_struct, compact_tagged};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_strings_are_stored_once() {
        let v: Vec<Option<String>> = vec![Some("same".into()), None, Some("same".into()), Some("é".into())];
        let bytes = to_bytes(&v);
        assert_eq!(from_bytes::<Vec<Option<String>>>(&bytes), Some(v));
        assert_eq!(bytes.windows(4).filter(|w| w == b"same").count(), 1);
        assert!(bytes.ends_with("sameé".as_bytes()), "the text comes last, in one piece");
        assert_eq!(from_bytes::<u32>(&to_bytes(&300u32)), Some(300));
    }

    #[test]
    fn a_late_reference_to_an_early_string_reads_back() {
        // The last item refers to string 150 with only a byte or two left in the input.
        let mut v: Vec<String> = (0..200).map(|i| format!("s{i}")).collect();
        v.push("s149".into());
        assert_eq!(from_bytes::<Vec<String>>(&to_bytes(&v)), Some(v));
    }

    #[test]
    fn malformed_input_is_refused_not_a_panic() {
        let good = to_bytes(&vec!["a".to_string(), "b".to_string()]);
        for cut in 0..good.len() {
            assert_eq!(from_bytes::<Vec<String>>(&good[..cut]), None, "cut at {cut}");
        }
        let mut extra = good.clone();
        extra.push(0);
        assert_eq!(from_bytes::<Vec<String>>(&extra), None, "trailing bytes");
        assert_eq!(from_bytes::<Vec<String>>(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), None, "huge length");
        // Each input below is: the structure's length, the structure, the text.
        assert_eq!(from_bytes::<String>(&[1, 5]), None, "reference to a string not yet seen");
        assert_eq!(from_bytes::<String>(&[2, 0, 2, 0xc3, 0x28]), None, "invalid UTF-8");
        assert_eq!(from_bytes::<String>(&[2, 0, 3, b'a', b'b']), None, "a string longer than the text left");
        assert_eq!(from_bytes::<String>(&[2, 0, 1, b'a', b'b']), None, "text left over");
        assert_eq!(from_bytes::<String>(&[2, 0, 1, b'a']).as_deref(), Some("a"));
        assert_eq!(from_bytes::<bool>(&[2]), None);
    }
}
