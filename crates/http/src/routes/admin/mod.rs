pub mod edit;
pub mod jobs;
pub mod logo;
pub mod overview;
pub mod staff;
