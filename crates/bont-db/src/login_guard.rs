//! Password guesses, counted before they are checked.
//!
//! A guess is written in the same write transaction that counts the guesses before it,
//! so that however many arrive at once no more are checked than the limits allow. Three
//! limits, in this order:
//!
//! 1. one address guessing one user name: a few guesses in the window, then that address
//!    waits for that name (someone who forgot a password, or a guesser at one machine);
//! 2. one address guessing any names: a larger number in the window (a password sprayer);
//! 3. one user name from every address: past a larger number in the window, guesses are
//!    slowed to one a minute for everybody, never shut off, so that a guesser spread
//!    over many addresses is held to a crawl while the account's owner still gets in.
//!
//! No anonymous guesser can lock the owner out: the per-address limits stop them first,
//! and the per-name limit only slows.

use crate::{Database, StoreResult};
use jiff::{SignedDuration, Timestamp};

/// How many guesses the limits allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuessLimits {
    /// The counting window.
    pub window: SignedDuration,
    /// Guesses one address may make at one user name in the window.
    pub per_address_and_name: i64,
    /// Guesses one address may make at all user names in the window.
    pub per_address: i64,
    /// Guesses at one user name from every address in the window before they are slowed.
    pub per_name: i64,
    /// Once slowed, the time between two checked guesses at that user name.
    pub slowed_to_one_per: SignedDuration,
}

impl GuessLimits {
    pub const STANDARD: GuessLimits = GuessLimits {
        window: SignedDuration::from_mins(15),
        per_address_and_name: 5,
        per_address: 30,
        per_name: 20,
        slowed_to_one_per: SignedDuration::from_mins(1),
    };
}

/// What happens to a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// Counted: check the password. `id` releases the guess if it cannot be checked.
    Check { id: i64 },
    /// Not checked; the guesser may try again after `retry_after`.
    Refused {
        why: Refusal,
        retry_after: SignedDuration,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many guesses at this user name from this address.
    AddressAndName,
    /// Too many guesses from this address.
    Address,
    /// Many guesses at this user name from everywhere: one a minute.
    NameSlowed,
}

impl Refusal {
    /// For the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::AddressAndName => "address-and-name",
            Refusal::Address => "address",
            Refusal::NameSlowed => "name-slowed",
        }
    }
}

impl Database {
    /// Counts a guess by `client` at `username` (already folded to lower case), or
    /// refuses it. Old guesses are removed on the way.
    pub async fn reserve_login_guess(
        &self,
        username: &str,
        client: &str,
        now: Timestamp,
        limits: GuessLimits,
    ) -> StoreResult<Guess> {
        let since = now.checked_sub(limits.window).unwrap_or(now);
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM login_guesses WHERE at <= $1")
            .bind(crate::stamp(since))
            .execute(&mut *tx)
            .await?;
        // The oldest guess of a full count decides when the next one may come.
        let oldest = |sql: &'static str, key: &str, limit: i64| {
            sqlx::query_scalar::<_, String>(sql)
                .bind(key.to_owned())
                .bind(limit - 1)
        };
        let wait_for = |at: Option<String>| -> SignedDuration {
            at.and_then(|a| a.parse::<Timestamp>().ok())
                .map(|a| (a + limits.window).duration_since(now))
                .unwrap_or(limits.window)
                .max(SignedDuration::from_secs(1))
        };
        let pair: Option<String> = sqlx::query_scalar(
            "SELECT at FROM login_guesses WHERE username = $1 AND client = $2
             ORDER BY at DESC LIMIT 1 OFFSET $3",
        )
        .bind(username)
        .bind(client)
        .bind(limits.per_address_and_name - 1)
        .fetch_optional(&mut *tx)
        .await?;
        if pair.is_some() {
            return Ok(Guess::Refused {
                why: Refusal::AddressAndName,
                retry_after: wait_for(pair),
            });
        }
        let address = oldest(
            "SELECT at FROM login_guesses WHERE client = $1 ORDER BY at DESC LIMIT 1 OFFSET $2",
            client,
            limits.per_address,
        )
        .fetch_optional(&mut *tx)
        .await?;
        if address.is_some() {
            return Ok(Guess::Refused {
                why: Refusal::Address,
                retry_after: wait_for(address),
            });
        }
        let name = oldest(
            "SELECT at FROM login_guesses WHERE username = $1 ORDER BY at DESC LIMIT 1 OFFSET $2",
            username,
            limits.per_name,
        )
        .fetch_optional(&mut *tx)
        .await?;
        if name.is_some() {
            let last: Option<String> =
                sqlx::query_scalar("SELECT MAX(at) FROM login_guesses WHERE username = $1")
                    .bind(username)
                    .fetch_one(&mut *tx)
                    .await?;
            let next = last
                .and_then(|a| a.parse::<Timestamp>().ok())
                .map(|a| a + limits.slowed_to_one_per);
            if let Some(next) = next.filter(|next| *next > now) {
                return Ok(Guess::Refused {
                    why: Refusal::NameSlowed,
                    retry_after: next.duration_since(now).max(SignedDuration::from_secs(1)),
                });
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO login_guesses (username, client, at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(username)
        .bind(client)
        .bind(crate::stamp(now))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Guess::Check { id })
    }

    /// Takes back a guess that was never checked (the server was too busy to check it).
    pub async fn release_login_guess(&self, id: i64) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_guesses WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// After a successful log-in by guess `id`: the other guesses of this address at this
    /// user name are forgotten (others' guesses at the name are not). The successful one
    /// stays until it ages out, so that a name being slowed stays slowed.
    pub async fn forget_login_guesses(
        &self,
        username: &str,
        client: &str,
        id: i64,
    ) -> StoreResult<()> {
        sqlx::query("DELETE FROM login_guesses WHERE username = $1 AND client = $2 AND id <> $3")
            .bind(username)
            .bind(client)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
