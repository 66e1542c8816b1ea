//! Who is calling: staff with roles, by API token or page session (presented as
//! `credentials` reads them).
//!
//! Handlers ask for `Authed<Admin>`, `Authed<Moderator>` or `Authed<Judge>` as their first
//! argument; the extractor answers 401 `unauthenticated` for a missing or unknown token and
//! 403 `forbidden` for a valid token without the role, before anything else is looked at.

use crate::{ApiError, AppState};
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use placard_domain::Role;
use placard_storage::staff::Staff;
use std::marker::PhantomData;

/// A role an endpoint requires.
pub trait Requirement {
    const ROLE: Role;
}

pub struct Admin;
impl Requirement for Admin {
    const ROLE: Role = Role::Admin;
}

pub struct Moderator;
impl Requirement for Moderator {
    const ROLE: Role = Role::Moderator;
}

pub struct Judge;
impl Requirement for Judge {
    const ROLE: Role = Role::Judge;
}

/// A staff member holding the role `R` requires (admins hold every role).
pub struct Authed<R: Requirement> {
    pub staff: Staff,
    _role: PhantomData<R>,
}

impl<R: Requirement> FromRequest for Authed<R> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = state
            .as_ref()
            .map(|s| crate::credentials::staff_credential(s, req))
            .transpose();
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("AppState is not registered"))?;
            let credential = token?.flatten().ok_or_else(ApiError::unauthenticated)?;
            let staff = credential
                .staff(&state)
                .await?
                .ok_or_else(ApiError::unauthenticated)?;
            if !staff.role.grants(R::ROLE) {
                return Err(ApiError::forbidden());
            }
            Ok(Authed {
                staff,
                _role: PhantomData,
            })
        })
    }
}

/// An extractor whose failure is held back until the handler asks for the value.
///
/// Actix polls a handler's extractors together, so a malformed body or query would be
/// refused (400) before the asynchronous token check could answer 401/403: that would tell
/// an unauthenticated caller how to shape a request. Staff handlers take their body and
/// query through this, and unwrap it after `Authed` has passed.
pub struct Deferred<E>(Result<E, actix_web::Error>);

impl<E> Deferred<E> {
    pub fn get(self) -> Result<E, ApiError> {
        self.0.map_err(ApiError::from)
    }
}

impl<E: FromRequest + 'static> FromRequest for Deferred<E> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let fut = E::from_request(req, payload);
        Box::pin(async move { Ok(Deferred(fut.await.map_err(Into::into))) })
    }
}
