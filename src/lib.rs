//! threshold-guide: Luton's threshold guidance as a browser widget.
//!
//! - [`engine`]: the rule set and the decision, pure Rust (no web-sys).
//! - [`journey`]: the guided journey's state machine, pure Rust.
//! - `ui` (wasm32 only): the Yew widget on top of it.

pub mod embed;
pub mod engine;
pub mod journey;
pub mod summary;

#[cfg(target_arch = "wasm32")]
pub mod ui;
