// Login with backoff, sessions, API tokens and the principal they stand for. Administration is in
// account_service.cpp.
#include "auth/secret_token.hpp"
#include "service/account_problems.hpp"
#include "service/account_service.hpp"
#include "service/email_address.hpp"
#include "service/iso_time.hpp"

#include <algorithm>

namespace storybank::service {
namespace {

using detail::refusal;

/// Activity is written at most this often per session or token: a page with twenty requests writes once.
constexpr std::chrono::minutes kActivityResolution{1};

constexpr std::string_view kAccountKeyPrefix = "account:";
constexpr std::string_view kAddressKeyPrefix = "address:";

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

std::string scope_list() {
    std::vector<std::string> names(kApiTokenScopes.begin(), kApiTokenScopes.end());
    return joined(names);
}

bool is_known_scope(std::string_view scope) {
    return std::find(kApiTokenScopes.begin(), kApiTokenScopes.end(), scope) != kApiTokenScopes.end();
}

/// Whether `last` is long enough before `now` to be worth writing again.
bool is_stale(std::string_view last, std::chrono::system_clock::time_point now) {
    auto parsed = parse_iso8601(last);
    return !parsed || now - *parsed >= kActivityResolution;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// Login

namespace {

std::chrono::seconds seconds_until(std::chrono::system_clock::time_point now,
                                   std::chrono::system_clock::time_point until) {
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(until - now));
}

}  // namespace

LoginOutcome AccountService::login(std::string_view email, std::string_view password, std::string_view address) {
    auto now = m_clock.now();
    std::string account_key = std::string(kAccountKeyPrefix) + login_key_of(email);
    std::vector<std::string> keys = {account_key};
    if (!address.empty()) {
        keys.push_back(std::string(kAddressKeyPrefix) + std::string(address));
    }

    // Locked keys are refused before any password is checked, for existing and unknown accounts alike.
    std::string locked_until;
    for (const auto& failure : m_store.login_failures(keys)) {
        auto until = parse_iso8601(failure.locked_until);
        if (until && *until > now) {
            locked_until = std::max(locked_until, failure.locked_until);
        }
    }
    if (!locked_until.empty()) {
        auto until = parse_iso8601(locked_until);
        return {std::nullopt,
                {refusal("email", "login-locked", {{"retry_at", locked_until}})},
                until,
                seconds_until(now, until.value_or(now))};
    }

    auto user = m_store.find_user_by_email(login_key_of(email));
    bool accepted = false;
    if (user) {
        // Checked even for a disabled account, so that its answer takes as long as any other.
        accepted = m_hasher.verify(user->password_hash, password) && !user->disabled();
    } else {
        m_hasher.verify_nothing(password);
    }

    if (!accepted) {
        Actor someone(0, "anonymous", std::string(address));
        auto records = m_store.record_login_failure(
            keys, format_iso8601(now), format_iso8601(now - m_settings.backoff.window),
            m_audit.entry(someone, audit_action::kSessionLoginFailed, "user", user ? std::to_string(user->id) : ""));
        std::optional<std::chrono::system_clock::time_point> retry_at;
        for (const auto& record : records) {
            int limit = record.key.starts_with(kAccountKeyPrefix) ? m_settings.backoff.account_limit
                                                                  : m_settings.backoff.address_limit;
            auto delay = m_settings.backoff.delay_after(record.count, limit);
            if (delay.count() > 0) {
                auto until = now + delay;
                m_store.lock_login(record.key, format_iso8601(until));
                retry_at = std::max(retry_at.value_or(until), until);
            }
        }
        if (retry_at) {
            return {std::nullopt,
                    {refusal("email", "login-locked", {{"retry_at", format_iso8601(*retry_at)}})},
                    retry_at,
                    seconds_until(now, *retry_at)};
        }
        return {std::nullopt, {refusal("email", "login-failed")}, std::nullopt};
    }

    m_store.clear_login_failures(account_key);
    if (m_hasher.needs_rehash(user->password_hash)) {
        m_store.set_password_hash(
            user->id, m_hasher.hash(password),
            m_audit.entry(Actor::system(), audit_action::kUserPasswordRehash, "user", std::to_string(user->id)));
    }
    // A new random id at every login: a session id planted before login (session fixation) is never promoted.
    auth::SecretToken token = auth::SecretToken::generate();
    auth::SecretToken csrf = auth::SecretToken::generate();
    auto expires_at = now + m_settings.session_lifetime;
    std::string now_text = format_iso8601(now);
    store::SessionRecord session{
        token.digest(),      user->id, csrf.digest(), now_text, now_text, format_iso8601(expires_at), "",
        std::string(address)};
    m_store.create_session(session, m_audit.entry(Actor(user->id, user->email, std::string(address)),
                                                  audit_action::kSessionLogin, "user", std::to_string(user->id)));
    // Logins are rare enough to tidy up after: the sessions table holds only sessions that may still be used.
    m_store.delete_ended_sessions(now_text);
    return {NewSession{user->id, token.text(), csrf.text(), expires_at}, {}, std::nullopt};
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions

std::optional<Principal> AccountService::session(std::string_view token) {
    if (token.empty()) {
        return std::nullopt;
    }
    std::string digest = auth::SecretToken::digest_of(token);
    auto now = m_clock.now();
    std::string now_text = format_iso8601(now);
    auto record = m_store.find_active_session(digest, now_text);
    if (!record) {
        return std::nullopt;
    }
    auto last_seen = parse_iso8601(record->last_seen_at);
    if (!last_seen || now - *last_seen >= m_settings.session_idle_timeout) {
        m_store.revoke_session(digest, now_text,
                               m_audit.entry(Actor::system(), audit_action::kSessionExpire, "user",
                                             std::to_string(record->user_id), {{"reason", "idle"}}));
        return std::nullopt;
    }
    if (is_stale(record->last_seen_at, now)) {
        m_store.touch_session(digest, now_text);
    }
    auto principal = principal_of(record->user_id);
    if (principal) {
        principal->credential = Credential::Session;
        principal->csrf_sha256 = record->csrf_sha256;
        principal->expires_at = parse_iso8601(record->expires_at).value_or(now);
    }
    return principal;
}

bool AccountService::csrf_matches(const Principal& principal, std::string_view csrf_token) {
    return principal.credential == Credential::Session && !principal.csrf_sha256.empty() &&
           auth::SecretToken::matches(csrf_token, principal.csrf_sha256);
}

bool AccountService::logout(std::string_view token, const Actor& actor) {
    if (token.empty()) {
        return false;
    }
    std::string digest = auth::SecretToken::digest_of(token);
    std::string now = m_clock.now_iso8601();
    auto record = m_store.find_active_session(digest, now);
    std::string user_id = record ? std::to_string(record->user_id) : "";
    return m_store.revoke_session(digest, now, m_audit.entry(actor, audit_action::kSessionLogout, "user", user_id));
}

Outcome<int> AccountService::end_sessions(const Actor& actor, std::string_view email) {
    auto user = m_store.find_user_by_email(login_key_of(email));
    if (!user) {
        return Outcome<int>::refused({refusal("email", "user-unknown", {{"email", std::string(email)}})});
    }
    return Outcome<int>::done(m_store.revoke_sessions_of(
        user->id, m_clock.now_iso8601(),
        m_audit.entry(actor, audit_action::kSessionRevokeAll, "user", std::to_string(user->id))));
}

// ---------------------------------------------------------------------------------------------------------------
// API tokens

Outcome<NewApiToken> AccountService::create_api_token(const Actor& actor,
                                                      std::string_view user_email,
                                                      std::string_view name,
                                                      const std::vector<std::string>& scopes) {
    std::vector<core::Problem> problems;
    auto user = m_store.find_user_by_email(login_key_of(user_email));
    if (!user || user->disabled()) {
        problems.push_back(refusal("user", "user-unknown", {{"email", std::string(user_email)}}));
    }
    if (name.find_first_not_of(" \t") == std::string_view::npos) {
        problems.push_back(refusal("name", "token-name-missing"));
    }
    if (scopes.empty()) {
        problems.push_back(refusal("scope", "token-scope-missing", {{"scopes", scope_list()}}));
    }
    std::vector<std::string> kept;
    for (const auto& scope : scopes) {
        if (!is_known_scope(scope)) {
            problems.push_back(refusal("scope", "token-scope-unknown", {{"scope", scope}, {"scopes", scope_list()}}));
        } else if (std::find(kept.begin(), kept.end(), scope) == kept.end()) {
            kept.push_back(scope);
        }
    }
    if (!problems.empty()) {
        return Outcome<NewApiToken>::refused(std::move(problems));
    }
    auth::SecretToken token = auth::SecretToken::generate();
    store::ApiTokenRecord record{0, user->id, std::string(name), token.digest(), kept, m_clock.now_iso8601(), "", ""};
    std::int64_t id = m_store.create_api_token(
        record, m_audit.entry(actor, audit_action::kApiTokenCreate, "api_token", {},
                              {{"user", user->email}, {"name", std::string(name)}, {"scopes", joined(kept)}}));
    return Outcome<NewApiToken>::done({id, token.text()});
}

Outcome<std::vector<store::ApiTokenRecord>> AccountService::api_tokens(std::string_view user_email) {
    if (user_email.empty()) {
        return Outcome<std::vector<store::ApiTokenRecord>>::done(m_store.api_tokens());
    }
    auto user = m_store.find_user_by_email(login_key_of(user_email));
    if (!user) {
        return Outcome<std::vector<store::ApiTokenRecord>>::refused(
            {refusal("user", "user-unknown", {{"email", std::string(user_email)}})});
    }
    return Outcome<std::vector<store::ApiTokenRecord>>::done(m_store.api_tokens(user->id));
}

std::vector<core::Problem> AccountService::revoke_api_token(const Actor& actor, std::int64_t token_id) {
    bool revoked = m_store.revoke_api_token(
        token_id, m_clock.now_iso8601(),
        m_audit.entry(actor, audit_action::kApiTokenRevoke, "api_token", std::to_string(token_id)));
    if (!revoked) {
        return {refusal("id", "token-unknown", {{"id", std::to_string(token_id)}})};
    }
    return {};
}

std::optional<Principal> AccountService::api_token(std::string_view token) {
    if (token.empty()) {
        return std::nullopt;
    }
    auto record = m_store.find_active_api_token(auth::SecretToken::digest_of(token));
    if (!record) {
        return std::nullopt;
    }
    auto now = m_clock.now();
    if (is_stale(record->last_used_at, now)) {
        m_store.touch_api_token(record->id, format_iso8601(now));
    }
    auto principal = principal_of(record->user_id);
    if (principal) {
        principal->credential = Credential::ApiToken;
        principal->scopes = record->scopes;
        principal->api_token_id = record->id;
    }
    return principal;
}

// ---------------------------------------------------------------------------------------------------------------
// Access

auth::Subject AccountService::subject_of(const store::User& user) {
    auth::Subject subject;
    if (user.disabled()) {
        return subject;
    }
    std::vector<store::PartnerLink> links = m_store.partner_links();
    for (const auto& membership : user.memberships) {
        auto role = auth::parse_role(membership.role);
        if (!role) {
            continue;  // the schema allows no other role; an unknown one grants nothing
        }
        auth::Membership entry{membership.organisation_id, *role, {}};
        for (const auto& link : links) {
            if (link.member_id == membership.organisation_id) {
                entry.partner_ids.push_back(link.partner_id);
            }
        }
        subject.memberships.push_back(std::move(entry));
    }
    return subject;
}

std::optional<Principal> AccountService::principal_of(std::int64_t user_id) {
    auto user = m_store.find_user(user_id);
    if (!user || user->disabled()) {
        return std::nullopt;
    }
    Principal principal;
    principal.user_id = user->id;
    principal.email = user->email;
    principal.display_name = user->display_name;
    principal.subject = subject_of(*user);
    return principal;
}

}  // namespace storybank::service
