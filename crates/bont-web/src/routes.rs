//! Every route of the application, each with the rule that guards it. The router is
//! built from this table and the tests walk the same table, so a route cannot be added
//! without an access rule.

use crate::auth::{Access, require};
use crate::state::AppState;
use crate::{api, pages};
use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodFilter, on};
use bont_core::Capability::{
    CheckPlans, ConfirmAccounts, EditPatients, ManageClinic, ManageUsers, RecordOutcomes,
    RecordSessions, SignSessions, ViewAudit, ViewPatients,
};

/// One route as declared.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

pub struct RouteTable {
    router: Router<AppState>,
    routes: Vec<RouteInfo>,
}

impl RouteTable {
    fn new() -> Self {
        RouteTable {
            router: Router::new(),
            routes: Vec::new(),
        }
    }

    fn add<H, T>(mut self, method: Method, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("routes use standard methods");
        let guarded =
            on(filter, handler).route_layer(axum::middleware::from_fn_with_state(access, require));
        self.router = self.router.route(path, guarded);
        self.routes.push(RouteInfo {
            method,
            path,
            access,
        });
        self
    }

    pub fn routes(&self) -> &[RouteInfo] {
        &self.routes
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

/// The application's routes, one per line.
#[rustfmt::skip]
pub fn table() -> RouteTable {
    use Access::{Can, LoggedIn, Public};
    use Method as M;
    RouteTable::new()
        .add(M::GET, "/health", Public, pages::health)
        .add(M::GET, "/static/{file}", Public, pages::static_file)
        .add(M::GET, "/login", Public, pages::login::form)
        .add(M::POST, "/login", Public, pages::login::submit)
        .add(M::POST, "/logout", LoggedIn, pages::login::logout)
        .add(M::POST, "/language", Public, pages::language::switch)
        .add(M::GET, "/", LoggedIn, pages::home)
        .add(M::GET, "/account/password", LoggedIn, pages::account::password_form)
        .add(M::POST, "/account/password", LoggedIn, pages::account::change_password)
        .add(M::GET, "/account/tokens", LoggedIn, pages::tokens::list)
        .add(M::POST, "/account/tokens", LoggedIn, pages::tokens::create)
        .add(M::POST, "/account/tokens/{id}/revoke", LoggedIn, pages::tokens::revoke)
        .add(M::GET, "/patients", Can(ViewPatients), pages::patients::list)
        .add(M::GET, "/patients/new", Can(EditPatients), pages::patients::new_form)
        .add(M::POST, "/patients", Can(EditPatients), pages::patients::create)
        .add(M::GET, "/patients/{id}", Can(ViewPatients), pages::patients::show)
        .add(M::GET, "/patients/{id}/edit", Can(EditPatients), pages::patients::edit_form)
        .add(M::POST, "/patients/{id}", Can(EditPatients), pages::patients::update)
        .add(M::GET, "/patients/{id}/sessions/new", Can(RecordSessions), pages::sessions::new_form)
        .add(M::POST, "/patients/{id}/sessions/verdict", Can(RecordSessions), pages::sessions::verdict)
        .add(M::POST, "/patients/{id}/sessions", Can(RecordSessions), pages::sessions::create)
        .add(M::GET, "/sessions/{id}", Can(ViewPatients), pages::sessions::show)
        .add(M::GET, "/sessions/{id}/edit", Can(RecordSessions), pages::sessions::edit_form)
        .add(M::POST, "/sessions/{id}", Can(RecordSessions), pages::sessions::update)
        .add(M::POST, "/sessions/{id}/sign", Can(SignSessions), pages::sessions::sign)
        .add(M::POST, "/sessions/{id}/void", Can(SignSessions), pages::sessions::void)
        .add(M::POST, "/sessions/{id}/template", Can(RecordSessions), pages::sessions::save_template)
        .add(M::GET, "/sessions/{id}/amend", Can(SignSessions), pages::sessions::amend_form)
        .add(M::POST, "/sessions/{id}/amend", Can(SignSessions), pages::sessions::amend)
        .add(M::GET, "/worklist", Can(ViewPatients), pages::outcomes::worklist)
        .add(M::GET, "/patients/{id}/timeline.svg", Can(ViewPatients), pages::outcomes::timeline)
        .add(M::GET, "/sessions/{id}/body-map.svg", Can(ViewPatients), pages::outcomes::body_map)
        .add(M::GET, "/sessions/{id}/after-care", Can(ViewPatients), pages::documents::after_care)
        .add(M::GET, "/sessions/{id}/after-care.pdf", Can(ViewPatients), pages::documents::after_care_pdf)
        .add(M::GET, "/sessions/{id}/record", Can(ViewPatients), pages::documents::record)
        .add(M::GET, "/sessions/{id}/record.pdf", Can(ViewPatients), pages::documents::record)
        .add(M::GET, "/patients/{id}/letter", Can(ViewPatients), pages::documents::letter)
        .add(M::GET, "/patients/{id}/letter.pdf", Can(ViewPatients), pages::documents::letter)
        .add(M::GET, "/leaflets/{indication}", Can(ViewPatients), pages::documents::leaflet_page)
        .add(M::POST, "/follow-ups/{id}/contact", Can(RecordOutcomes), pages::outcomes::contact)
        .add(M::GET, "/patients/{id}/assessments/new", Can(RecordOutcomes), pages::outcomes::assessment_form)
        .add(M::POST, "/patients/{id}/assessments", Can(RecordOutcomes), pages::outcomes::create_assessment)
        .add(M::POST, "/assessments/{id}/void", Can(RecordOutcomes), pages::outcomes::void_assessment)
        .add(M::GET, "/sessions/{id}/adverse-events/new", Can(RecordOutcomes), pages::outcomes::adverse_form)
        .add(M::POST, "/sessions/{id}/adverse-events", Can(RecordOutcomes), pages::outcomes::create_adverse_event)
        .add(M::POST, "/adverse-events/{id}/void", Can(RecordOutcomes), pages::outcomes::void_adverse_event)
        .add(M::POST, "/patients/{id}/goals", Can(RecordOutcomes), pages::outcomes::create_goal)
        .add(M::POST, "/goals/{id}/scores", Can(RecordOutcomes), pages::outcomes::score_goal)
        .add(M::GET, "/users", Can(ManageUsers), pages::users::list)
        .add(M::GET, "/users/new", Can(ManageUsers), pages::users::new_form)
        .add(M::POST, "/users", Can(ManageUsers), pages::users::create)
        .add(M::POST, "/users/{id}/reset-password", Can(ManageUsers), pages::users::reset_password)
        .add(M::GET, "/accounts/awaiting", Can(ConfirmAccounts), pages::users::awaiting)
        .add(M::POST, "/accounts/{id}/confirm", Can(ConfirmAccounts), pages::users::confirm)
        .add(M::GET, "/clinic", Can(ManageClinic), pages::clinic::settings)
        .add(M::POST, "/clinic", Can(ManageClinic), pages::clinic::save)
        .add(M::GET, "/audit", Can(ViewAudit), pages::audit::list)
        .add(M::GET, "/audit/verify", Can(ViewAudit), pages::audit::verify)
        .add(M::GET, "/api/patients", Can(ViewPatients), api::patients::list)
        .add(M::POST, "/api/patients", Can(EditPatients), api::patients::create)
        .add(M::GET, "/api/patients/{id}", Can(ViewPatients), api::patients::show)
        .add(M::PUT, "/api/patients/{id}", Can(EditPatients), api::patients::update)
        .add(M::POST, "/api/check", Can(CheckPlans), api::check::check_plan)
        .add(M::GET, "/api/patients/{id}/sessions", Can(ViewPatients), api::sessions::list)
        .add(M::POST, "/api/patients/{id}/sessions", Can(RecordSessions), api::sessions::create)
        .add(M::GET, "/api/sessions/{id}", Can(ViewPatients), api::sessions::show)
        .add(M::PUT, "/api/sessions/{id}", Can(RecordSessions), api::sessions::update)
        .add(M::POST, "/api/sessions/{id}/sign", Can(SignSessions), api::sessions::sign)
        .add(M::POST, "/api/sessions/{id}/amend", Can(SignSessions), api::sessions::amend)
        .add(M::POST, "/api/sessions/{id}/void", Can(SignSessions), api::sessions::void)
        .add(M::GET, "/api/sessions/{id}/versions", Can(ViewPatients), api::sessions::versions)
        .add(M::GET, "/api/worklist", Can(ViewPatients), api::outcomes::worklist)
        .add(M::POST, "/api/follow-ups/{id}/contact", Can(RecordOutcomes), api::outcomes::contact)
        .add(M::GET, "/api/patients/{id}/outcomes", Can(ViewPatients), api::outcomes::show)
        .add(M::POST, "/api/patients/{id}/assessments", Can(RecordOutcomes), api::outcomes::create_assessment)
        .add(M::POST, "/api/assessments/{id}/void", Can(RecordOutcomes), api::outcomes::void_assessment)
        .add(M::POST, "/api/sessions/{id}/adverse-events", Can(RecordOutcomes), api::outcomes::create_adverse_event)
        .add(M::POST, "/api/adverse-events/{id}/void", Can(RecordOutcomes), api::outcomes::void_adverse_event)
        .add(M::POST, "/api/patients/{id}/goals", Can(RecordOutcomes), api::outcomes::create_goal)
        .add(M::POST, "/api/goals/{id}/scores", Can(RecordOutcomes), api::outcomes::score_goal)
}
