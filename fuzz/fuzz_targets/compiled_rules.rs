//! Fuzz the decoder of the compiled rule set (engine::compact): the real rules.bin with the
//! fuzzer's bytes written over it, or cut short, must decode or be refused, never panic; and
//! what the widget does with a fetched file (`from_compiled`: hash, decode, assemble), given
//! the bytes' own hash, must give a rule set or a reason, never panic.
//! The first two bytes pick where to cut (0 = keep all); then each 4 bytes are a 3-byte
//! position and the byte to write there.
#![no_main]
use libfuzzer_sys::fuzz_target;
use threshold_guide::engine::{self, compact, load::Compiled};

fuzz_target!(|data: &[u8]| {
    let mut bytes = engine::compiled_bytes().to_vec();
    let Some((cut, edits)) = data.split_first_chunk::<2>() else {
        let _ = compact::from_bytes::<Compiled>(data);
        return;
    };
    for edit in edits.chunks_exact(4) {
        let at = (usize::from(edit[0]) << 16 | usize::from(edit[1]) << 8 | usize::from(edit[2])) % bytes.len();
        bytes[at] = edit[3];
    }
    let cut = usize::from(u16::from_be_bytes(*cut));
    if cut != 0 {
        bytes.truncate(cut * bytes.len() / 65536);
    }
    let _ = compact::from_bytes::<Compiled>(&bytes);
    let _ = engine::from_compiled(&bytes, &engine::load::sha256_hex(&bytes));
});
