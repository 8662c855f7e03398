//! Reading and writing: the located JSON reader, the decoder that validates a masterplan
//! into the model, the JSON writer for results and the CSV export.

pub mod csv;
pub mod decode;
pub mod json;
pub mod json_out;
