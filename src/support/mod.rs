//! Small stand-ins for general-purpose crates, kept because the wasm module's size budget is
//! tight. Each names the crate it replaces and is tested against it.

pub(crate) mod hash;
pub mod map;
