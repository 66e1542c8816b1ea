pub mod admin;
pub mod campaigns;
pub mod health;
pub mod media;
pub mod moderation;
pub mod photos;
