//! The app's four views, one file each.
pub mod fit;
pub mod msa;
pub mod scaling;
pub mod stack;
