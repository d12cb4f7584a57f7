//! threshold-guide: Luton's threshold guidance as a browser widget.
//!
//! - [`engine`]: the rule set and the decision, pure Rust (no web-sys).
//! - [`journey`]: the guided journey's state machine, pure Rust.
//! - [`saved`]: a case saved to a file and opened again, pure Rust.
//! - [`summary`]: the referral summary and its quality check, pure Rust.
//! - `ui` (wasm32 only, feature `widget`, on by default): the Yew widget on top of it.

pub mod embed;
pub mod engine;
pub mod journey;
pub mod saved;
pub mod summary;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod ui;
