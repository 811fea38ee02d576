//! The app's views, one file each.
pub mod stack;
