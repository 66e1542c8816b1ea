pub mod admin;
pub mod campaigns;
pub mod contests;
pub mod health;
pub mod judging;
pub mod media;
pub mod moderation;
pub mod photos;
