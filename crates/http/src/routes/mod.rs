pub mod admin;
pub mod health;
