//! Staff accounts, for administrators: the list, opening an account, resetting a password.
//! New and reset passwords are one-time: shown once here, changed at the first login.

use crate::auth::{CurrentUser, one_time_password};
use crate::error::AppError;
use crate::form::HtmlForm;
use crate::i18n::Tr;
use crate::pages::patients::{Choice, FieldMessages};
use crate::pages::{Nav, render, render_with};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use bont_core::user::{NewUser, UserInput};
use bont_core::{Language, Role, UserId};

struct UserRow {
    id: UserId,
    username: String,
    display_name: String,
    role: String,
    language: String,
    must_change_password: bool,
    awaiting_confirmation: bool,
}

impl UserRow {
    /// A stored account as a line of a list, in the reader's words.
    fn of(u: bont_db::users::StoredUser, tr: &Tr) -> UserRow {
        UserRow {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            role: tr.t(&format!("role-{}", u.role.id())),
            language: u.language.endonym().to_owned(),
            must_change_password: u.must_change_password,
            awaiting_confirmation: u.awaiting_confirmation,
        }
    }
}

#[derive(Template)]
#[template(path = "users/list.html")]
struct ListPage {
    tr: Tr,
    nav: Option<Nav>,
    users: Vec<UserRow>,
}

pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let tr = me.tr();
    let users = state
        .db
        .users_of_clinic(me.user.clinic)
        .await?
        .into_iter()
        .map(|u| UserRow::of(u, &tr))
        .collect();
    render(&ListPage {
        tr,
        nav: Some(Nav::of(&me.user)),
        users,
    })
}

#[derive(Template)]
#[template(path = "users/form.html")]
struct FormPage {
    tr: Tr,
    nav: Option<Nav>,
    input: UserInput,
    errors: FieldMessages,
    roles: Vec<Choice>,
    languages: Vec<Choice>,
}

impl FormPage {
    fn new(tr: Tr, me: &CurrentUser, input: UserInput, errors: FieldMessages) -> FormPage {
        FormPage {
            roles: Role::ALL
                .iter()
                .map(|r| Choice {
                    id: r.id().into(),
                    label: tr.t(&format!("role-{}", r.id())),
                    selected: input.role == r.id(),
                })
                .collect(),
            languages: Language::ALL
                .iter()
                .map(|l| Choice {
                    id: l.code().into(),
                    label: l.endonym().into(),
                    selected: input.language == l.code(),
                })
                .collect(),
            nav: Some(Nav::of(&me.user)),
            input,
            errors,
            tr,
        }
    }
}

pub async fn new_form(me: CurrentUser) -> Result<Html<String>, AppError> {
    let input = UserInput {
        language: "en".into(),
        ..UserInput::default()
    };
    render(&FormPage::new(me.tr(), &me, input, FieldMessages::none()))
}

#[derive(Template)]
#[template(path = "users/password.html")]
struct PasswordShown {
    tr: Tr,
    nav: Option<Nav>,
    username: String,
    password: String,
    /// The account logs in only once a physician of the clinic has confirmed it.
    awaiting: bool,
}

pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    HtmlForm(input): HtmlForm<UserInput>,
) -> Result<Response, AppError> {
    let tr = me.tr();
    let user = match NewUser::parse(&input) {
        Ok(user) => user,
        Err(errors) => {
            let page = FormPage::new(tr, &me, input, FieldMessages::of(&tr, &errors));
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let password = one_time_password();
    let hash = state.passwords.hash(password.clone()).await?;
    let actor = me.actor(&state);
    match state
        .db
        .create_user(Some(&actor), me.user.clinic, &user, &hash, true, actor.now)
        .await
    {
        Ok(_) => {}
        Err(bont_db::StoreError::Invalid(errors)) => {
            let page = FormPage::new(tr, &me, input, FieldMessages::of(&tr, &errors));
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) => return Err(e.into()),
    }
    let awaiting = state
        .db
        .user_by_username(user.username.as_str())
        .await?
        .is_some_and(|u| u.awaiting_confirmation);
    let page = PasswordShown {
        tr,
        nav: Some(Nav::of(&me.user)),
        username: user.username.as_str().into(),
        password,
        awaiting,
    };
    render_with(StatusCode::CREATED, &page)
}

pub async fn reset_password(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = id
        .parse::<i64>()
        .map(UserId::new)
        .map_err(|_| AppError::NotFound)?;
    let user = state
        .db
        .user(id)
        .await?
        .filter(|u| u.clinic == me.user.clinic)
        .ok_or(AppError::NotFound)?;
    let password = one_time_password();
    let hash = state.passwords.hash(password.clone()).await?;
    state
        .db
        .set_password(&me.actor(&state), id, &hash, true)
        .await?;
    let awaiting = state
        .db
        .user(id)
        .await?
        .is_some_and(|u| u.awaiting_confirmation);
    let page = PasswordShown {
        tr: me.tr(),
        nav: Some(Nav::of(&me.user)),
        username: user.username,
        password,
        awaiting,
    };
    render_with(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "users/awaiting.html")]
struct AwaitingPage {
    tr: Tr,
    nav: Option<Nav>,
    accounts: Vec<UserRow>,
}

/// A physician's list of the clinic's clinical accounts that wait for a confirmation.
pub async fn awaiting(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Html<String>, AppError> {
    let tr = me.tr();
    let accounts = state
        .db
        .accounts_awaiting_confirmation(me.user.clinic)
        .await?
        .into_iter()
        .map(|u| UserRow::of(u, &tr))
        .collect();
    render(&AwaitingPage {
        tr,
        nav: Some(Nav::of(&me.user)),
        accounts,
    })
}

/// A physician confirms an account of their clinic: from now on it logs in.
pub async fn confirm(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = id
        .parse::<i64>()
        .map(UserId::new)
        .map_err(|_| AppError::NotFound)?;
    state.db.confirm_account(&me.actor(&state), id).await?;
    Ok(axum::response::Redirect::to("/accounts/awaiting").into_response())
}
