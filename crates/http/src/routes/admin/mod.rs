pub mod jobs;
pub mod staff;
