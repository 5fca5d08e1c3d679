// AccountService over a real store: administration, login with backoff, sessions, API tokens, invitations and the
// audit trail of each. Time is moved with a ManualClock, never waited for.
#include "service_fixture.hpp"

#include <algorithm>

namespace storybank::service {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class AccountServiceTest : public ServiceTest {
protected:
    /// A consortium: the lead, two members, a partner working with both, and a partner working with neither.
    void SetUp() override {
        ServiceTest::SetUp();
        ASSERT_TRUE(accounts().add_organisation(Actor::command_line(), "Consortium Paix Sahel", "lead", {}).ok());
        ASSERT_TRUE(accounts().add_organisation(Actor::command_line(), "HSC", "member", {}).ok());
        ASSERT_TRUE(accounts().add_organisation(Actor::command_line(), "Cordaid", "member", {}).ok());
        ASSERT_TRUE(
            accounts().add_organisation(Actor::command_line(), "Think Peace", "partner", {"HSC", "cordaid"}).ok());
        ASSERT_TRUE(accounts().add_organisation(Actor::command_line(), "Réseau Femmes", "partner", {}).ok());
    }

    std::int64_t add(const std::string& email, const std::string& organisation, const std::string& role) {
        auto added = accounts().add_user(Actor::command_line(), {email, "Someone", kPassword, organisation, role});
        EXPECT_TRUE(added.ok()) << email << ": " << (added.problems.empty() ? "" : added.problems[0].message_id);
        return added.value.value_or(0);
    }

    std::int64_t id_of(const std::string& organisation) { return store().find_organisation(organisation)->id; }
};

// ------------------------------------------------------------------------------------------------------------
// Organisations

TEST_F(AccountServiceTest, OrganisationsListWhomTheyWorkWith) {
    auto views = accounts().organisations();
    auto find = [&](std::string_view name) {
        return *std::find_if(views.begin(), views.end(),
                             [&](const auto& view) { return view.organisation.name == name; });
    };
    EXPECT_EQ(find("Think Peace").works_with, (std::vector<std::string>{"Cordaid", "HSC"}));
    EXPECT_EQ(find("HSC").works_with, std::vector<std::string>{"Think Peace"});
    EXPECT_EQ(find("HSC").organisation.kind, "member");
    EXPECT_TRUE(find("Réseau Femmes").works_with.empty());
    EXPECT_EQ(views.size(), 5u);
}

TEST_F(AccountServiceTest, OrganisationRequestsThatMakeNoSenseAreRefused) {
    Actor cli = Actor::command_line();
    EXPECT_EQ(ids(accounts().add_organisation(cli, " ", "partner", {}).problems),
              std::vector<std::string>{"organisation-name-missing"});
    EXPECT_EQ(ids(accounts().add_organisation(cli, "Oxfam", "donor", {}).problems),
              std::vector<std::string>{"organisation-kind-unknown"});
    EXPECT_EQ(ids(accounts().add_organisation(cli, "hsc", "partner", {}).problems),
              std::vector<std::string>{"organisation-kind-conflict"});
    EXPECT_EQ(ids(accounts().add_organisation(cli, "Oxfam", "member", {"HSC"}).problems),
              std::vector<std::string>{"organisation-works-with-partner-only"});
    EXPECT_EQ(ids(accounts().add_organisation(cli, "Tassaght", "partner", {"Nobody", "Réseau Femmes"}).problems),
              (std::vector<std::string>{"organisation-unknown", "organisation-not-a-member"}));
    EXPECT_FALSE(store().find_organisation("Oxfam"));
    EXPECT_FALSE(store().find_organisation("Tassaght"));
}

TEST_F(AccountServiceTest, AnImportedOrganisationGetsItsKindLater) {
    store().ensure_organisation("Think Peace Niger", "");
    auto saved = accounts().add_organisation(Actor::command_line(), "THINK PEACE NIGER", "partner", {"HSC"});
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved.value->name, "Think Peace Niger");
    EXPECT_EQ(saved.value->kind, "partner");
}

// ------------------------------------------------------------------------------------------------------------
// Users

TEST_F(AccountServiceTest, TheFirstAdministratorCoordinatesTheLead) {
    auto admin = accounts().create_admin(Actor::command_line(), "admin@consortium.org", "Fatou", kPassword);
    ASSERT_TRUE(admin.ok());
    auto user = store().find_user(*admin.value);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->display_name, "Fatou");
    EXPECT_EQ(user->memberships,
              (std::vector<store::UserMembership>{
                  {id_of("Consortium Paix Sahel"), "Consortium Paix Sahel", "lead", "coordinator"}}));
    EXPECT_TRUE(m_hasher.verify(user->password_hash, kPassword));
    EXPECT_TRUE(user->password_hash.starts_with("$argon2id$"));
}

TEST_F(AccountServiceTest, WithoutALeadTheAdministratorsOrganisationIsCreated) {
    std::filesystem::remove_all(m_data_dir / "other");
    auto other_store = store::sqlite::SqliteStore::open(m_data_dir / "other", [this] { return m_clock.now_iso8601(); });
    AccountService fresh(*other_store, m_clock, m_hasher, policy());
    ASSERT_TRUE(fresh.create_admin(Actor::command_line(), "admin@consortium.org", "", kPassword).ok());
    auto lead = other_store->find_organisation("Consortium");
    ASSERT_TRUE(lead);
    EXPECT_EQ(lead->kind, "lead");
    ASSERT_TRUE(fresh.create_admin(Actor::command_line(), "second@consortium.org", "", kPassword).ok());
    EXPECT_EQ(other_store->organisations().size(), 1u) << "the second administrator joins the same lead";
    ASSERT_TRUE(fresh.create_admin(Actor::command_line(), "third@x.org", "", kPassword, "Autre Consortium").ok());
    EXPECT_EQ(other_store->find_organisation("Autre Consortium")->kind, "lead");
}

TEST_F(AccountServiceTest, AnAdministratorCannotCoordinateAPartner) {
    EXPECT_EQ(ids(accounts().create_admin(Actor::command_line(), "a@b.org", "", kPassword, "Think Peace").problems),
              std::vector<std::string>{"role-not-allowed"});
}

TEST_F(AccountServiceTest, AddingAUserRefusesEveryWrongPartAtOnceAndStoresNothing) {
    struct Case {
        std::string_view name;
        NewAccount account;
        std::vector<std::string> problems;
    };
    add("awa@example.org", "Think Peace", "contributor");
    const Case kCases[] = {
        {"weak password",
         {"moussa@example.org", "", "azerty123", "Think Peace", "contributor"},
         {"password-too-short", "password-too-common"}},
        {"common password",
         {"moussa@example.org", "", "motdepasse2024", "Think Peace", "contributor"},
         {"password-too-common"}},
        {"password is the address",
         {"moussa.diarra@example.org", "", "moussa.diarra!", "Think Peace", "viewer"},
         {"password-contains-email"}},
        {"unknown organisation",
         {"moussa@example.org", "", kPassword, "Oxfam", "contributor"},
         {"organisation-unknown"}},
        {"unknown role", {"moussa@example.org", "", kPassword, "Think Peace", "admin"}, {"role-unknown"}},
        {"role not for a partner",
         {"moussa@example.org", "", kPassword, "Think Peace", "reviewer"},
         {"role-not-allowed"}},
        {"duplicate e-mail", {"AWA@Example.ORG", "", kPassword, "HSC", "reviewer"}, {"email-taken"}},
        {"not an e-mail", {"awa at example", "", kPassword, "HSC", "reviewer"}, {"email-invalid"}},
    };
    for (const auto& test_case : kCases) {
        auto outcome = accounts().add_user(Actor::command_line(), test_case.account);
        EXPECT_FALSE(outcome.ok()) << test_case.name;
        EXPECT_EQ(ids(outcome.problems), test_case.problems) << test_case.name;
    }
    EXPECT_EQ(store().users().size(), 1u);
    auto role = accounts().add_user(Actor::command_line(), {"x@example.org", "", kPassword, "HSC", "boss"});
    EXPECT_EQ(role.problems.at(0).params.at("roles"), "contributor, reviewer, coordinator, viewer");
}

TEST_F(AccountServiceTest, UsersAreListedAllOrByOrganisation) {
    add("awa@example.org", "Think Peace", "contributor");
    add("moussa@example.org", "HSC", "reviewer");
    EXPECT_EQ(accounts().users().value->size(), 2u);
    ASSERT_EQ(accounts().users("hsc").value->size(), 1u);
    EXPECT_EQ(accounts().users("hsc").value->at(0).email, "moussa@example.org");
    EXPECT_EQ(ids(accounts().users("Oxfam").problems), std::vector<std::string>{"organisation-unknown"});
}

// ------------------------------------------------------------------------------------------------------------
// Login and sessions

TEST_F(AccountServiceTest, EachLoginGetsANewSessionThatKnowsItsUser) {
    std::int64_t moussa = add("moussa@example.org", "HSC", "reviewer");
    LoginOutcome first = accounts().login("Moussa@Example.org", kPassword, "196.200.1.2");
    ASSERT_TRUE(first.session) << (first.problems.empty() ? "" : first.problems[0].message_id);
    LoginOutcome second = accounts().login("moussa@example.org", kPassword, "196.200.1.2");
    ASSERT_TRUE(second.session);
    EXPECT_NE(first.session->token, second.session->token) << "a new id at every login";
    EXPECT_EQ(first.session->token.size(), 43u);
    EXPECT_EQ(first.session->user_id, moussa);
    EXPECT_EQ(first.session->expires_at, kStart + hours(12));

    auto principal = accounts().session(first.session->token);
    ASSERT_TRUE(principal);
    EXPECT_EQ(principal->user_id, moussa);
    EXPECT_EQ(principal->email, "moussa@example.org");
    EXPECT_EQ(principal->credential, Credential::Session);
    EXPECT_EQ(principal->expires_at, kStart + hours(12));
    ASSERT_EQ(principal->subject.memberships.size(), 1u);
    EXPECT_EQ(principal->subject.memberships[0].role, auth::Role::Reviewer);
    EXPECT_EQ(principal->subject.memberships[0].partner_ids, std::vector<std::int64_t>{id_of("Think Peace")});
    EXPECT_TRUE(principal->has_scope("stories:write"));

    EXPECT_TRUE(AccountService::csrf_matches(*principal, first.session->csrf_token));
    EXPECT_FALSE(AccountService::csrf_matches(*principal, second.session->csrf_token));
    EXPECT_FALSE(AccountService::csrf_matches(*principal, ""));
    EXPECT_FALSE(accounts().session("not a token"));
    EXPECT_FALSE(accounts().session(""));
}

TEST_F(AccountServiceTest, AWrongAddressAndAWrongPasswordAnswerAlike) {
    add("awa@example.org", "Think Peace", "contributor");
    std::uint64_t before = m_hasher.verifications();
    LoginOutcome wrong_password = accounts().login("awa@example.org", "pas le bon mot de passe", "10.0.0.1");
    LoginOutcome wrong_address = accounts().login("nobody@example.org", "pas le bon mot de passe", "10.0.0.1");
    EXPECT_FALSE(wrong_password.session);
    EXPECT_FALSE(wrong_address.session);
    EXPECT_EQ(wrong_password.problems, wrong_address.problems);
    EXPECT_EQ(ids(wrong_password.problems), std::vector<std::string>{"login-failed"});
    EXPECT_EQ(m_hasher.verifications(), before + 2) << "an unknown address costs a verification too";
    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(2));
    EXPECT_EQ(entries[0].action, "session.login-failed");
    EXPECT_EQ(entries[0].address, "10.0.0.1");
    EXPECT_EQ(entries[0].target_id, "") << "no account behind the unknown address";
    EXPECT_EQ(entries[1].target_id, std::to_string(store().find_user_by_email("awa@example.org")->id));
}

TEST_F(AccountServiceTest, FiveFailuresLockTheAccountForADelayThatDoubles) {
    add("awa@example.org", "Think Peace", "contributor");
    for (int attempt = 1; attempt <= 4; ++attempt) {
        EXPECT_EQ(ids(accounts().login("awa@example.org", "mauvais", "10.0.0.1").problems),
                  std::vector<std::string>{"login-failed"})
            << attempt;
        m_clock.advance(seconds(10));
    }
    LoginOutcome fifth = accounts().login("awa@example.org", "mauvais", "10.0.0.1");
    EXPECT_EQ(ids(fifth.problems), std::vector<std::string>{"login-locked"});
    ASSERT_TRUE(fifth.retry_at);
    EXPECT_EQ(*fifth.retry_at, m_clock.now() + minutes(1));
    EXPECT_EQ(fifth.problems[0].params.at("retry_at"), format_iso8601(m_clock.now() + minutes(1)));

    // While locked, even the right password is refused, without being checked.
    std::uint64_t before = m_hasher.verifications();
    m_clock.advance(seconds(30));
    LoginOutcome locked = accounts().login("awa@example.org", kPassword, "10.0.0.2");
    EXPECT_EQ(ids(locked.problems), std::vector<std::string>{"login-locked"});
    EXPECT_EQ(m_hasher.verifications(), before);

    // After the lock, one more failure locks twice as long.
    m_clock.advance(seconds(31));
    LoginOutcome sixth = accounts().login("awa@example.org", "mauvais", "10.0.0.2");
    ASSERT_TRUE(sixth.retry_at);
    EXPECT_EQ(*sixth.retry_at, m_clock.now() + minutes(2));

    // Once the lock is over, the right password works and the count starts again.
    m_clock.advance(minutes(2));
    EXPECT_TRUE(accounts().login("awa@example.org", kPassword, "10.0.0.2").session);
    EXPECT_EQ(ids(accounts().login("awa@example.org", "mauvais", "10.0.0.2").problems),
              std::vector<std::string>{"login-failed"});
}

TEST_F(AccountServiceTest, AnUnknownAddressIsLockedLikeAKnownOne) {
    for (int attempt = 1; attempt <= 4; ++attempt) {
        accounts().login("nobody@example.org", "mauvais", "10.0.0.1");
    }
    EXPECT_EQ(ids(accounts().login("nobody@example.org", "mauvais", "10.0.0.1").problems),
              std::vector<std::string>{"login-locked"});
}

TEST_F(AccountServiceTest, FailuresOlderThanTheWindowAreForgotten) {
    add("awa@example.org", "Think Peace", "contributor");
    for (int attempt = 1; attempt <= 4; ++attempt) {
        accounts().login("awa@example.org", "mauvais", "10.0.0.1");
    }
    m_clock.advance(minutes(16));
    for (int attempt = 1; attempt <= 4; ++attempt) {
        EXPECT_EQ(ids(accounts().login("awa@example.org", "mauvais", "10.0.0.1").problems),
                  std::vector<std::string>{"login-failed"});
    }
}

TEST_F(AccountServiceTest, TwentyFailuresFromOneAddressLockIt) {
    add("awa@example.org", "Think Peace", "contributor");
    for (int attempt = 1; attempt <= 19; ++attempt) {
        EXPECT_EQ(ids(accounts().login("user" + std::to_string(attempt) + "@example.org", "x", "10.9.9.9").problems),
                  std::vector<std::string>{"login-failed"})
            << attempt;
    }
    EXPECT_EQ(ids(accounts().login("user20@example.org", "x", "10.9.9.9").problems),
              std::vector<std::string>{"login-locked"});
    EXPECT_EQ(ids(accounts().login("awa@example.org", kPassword, "10.9.9.9").problems),
              std::vector<std::string>{"login-locked"})
        << "another account from the same address";
    EXPECT_TRUE(accounts().login("awa@example.org", kPassword, "10.0.0.1").session) << "from another address";
}

TEST_F(AccountServiceTest, SessionsEndWhenIdleAndAfterTwelveHours) {
    add("awa@example.org", "Think Peace", "contributor");
    std::string token = accounts().login("awa@example.org", kPassword, "10.0.0.1").session->token;

    // Used every 20 minutes, a session lives until its absolute end.
    for (int step = 0; step < 35; ++step) {
        m_clock.advance(minutes(20));
        ASSERT_TRUE(accounts().session(token)) << "after " << (step + 1) * 20 << " minutes";
    }
    m_clock.set(kStart + hours(12));
    EXPECT_FALSE(accounts().session(token)) << "past twelve hours";

    std::string idle = accounts().login("awa@example.org", kPassword, "10.0.0.1").session->token;
    m_clock.advance(minutes(29));
    EXPECT_TRUE(accounts().session(idle));
    m_clock.advance(minutes(30));
    EXPECT_FALSE(accounts().session(idle)) << "idle for 30 minutes";
    m_clock.advance(minutes(1));
    EXPECT_FALSE(accounts().session(idle)) << "revoked, not only refused";
    EXPECT_EQ(audit_actions().back(), "session.expire");
}

TEST_F(AccountServiceTest, LogoutAndServerSideRevocationEndSessions) {
    add("awa@example.org", "Think Peace", "contributor");
    std::string first = accounts().login("awa@example.org", kPassword, "10.0.0.1").session->token;
    std::string second = accounts().login("awa@example.org", kPassword, "10.0.0.2").session->token;
    std::string third = accounts().login("awa@example.org", kPassword, "10.0.0.3").session->token;
    auto principal = accounts().session(first);
    ASSERT_TRUE(principal);
    EXPECT_TRUE(accounts().logout(first, principal->actor("10.0.0.1")));
    EXPECT_FALSE(accounts().session(first));
    EXPECT_FALSE(accounts().logout(first, principal->actor("10.0.0.1")));
    EXPECT_TRUE(accounts().session(second));

    auto ended = accounts().end_sessions(Actor::command_line(), "AWA@example.org");
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(*ended.value, 2);
    EXPECT_FALSE(accounts().session(second));
    EXPECT_FALSE(accounts().session(third));
    EXPECT_EQ(ids(accounts().end_sessions(Actor::command_line(), "nobody@example.org").problems),
              std::vector<std::string>{"user-unknown"});
}

TEST_F(AccountServiceTest, ADisabledAccountCannotLogInAndLosesItsSessions) {
    add("awa@example.org", "Think Peace", "contributor");
    std::string token = accounts().login("awa@example.org", kPassword, "10.0.0.1").session->token;
    EXPECT_TRUE(accounts().disable_user(Actor::command_line(), "awa@example.org").empty());
    EXPECT_FALSE(accounts().session(token));
    EXPECT_EQ(ids(accounts().login("awa@example.org", kPassword, "10.0.0.1").problems),
              std::vector<std::string>{"login-failed"});
    EXPECT_EQ(ids(accounts().disable_user(Actor::command_line(), "nobody@example.org")),
              std::vector<std::string>{"user-unknown"});
}

TEST_F(AccountServiceTest, AHashMadeWithOtherSettingsIsReplacedAtLogin) {
    add("awa@example.org", "Think Peace", "contributor");
    auth::PasswordHasher interactive(1);
    AccountService stronger(store(), m_clock, interactive, policy());
    std::string old_hash = store().find_user_by_email("awa@example.org")->password_hash;
    ASSERT_TRUE(stronger.login("awa@example.org", kPassword, "").session);
    std::string new_hash = store().find_user_by_email("awa@example.org")->password_hash;
    EXPECT_NE(new_hash, old_hash);
    EXPECT_FALSE(interactive.needs_rehash(new_hash));
    EXPECT_TRUE(stronger.login("awa@example.org", kPassword, "").session);
    EXPECT_EQ(store().find_user_by_email("awa@example.org")->password_hash, new_hash) << "once is enough";
    std::vector<std::string> actions = audit_actions();
    EXPECT_NE(std::find(actions.begin(), actions.end(), "user.password-rehash"), actions.end());
}

// ------------------------------------------------------------------------------------------------------------
// API tokens

TEST_F(AccountServiceTest, ApiTokensAreShownOnceStoredHashedScopedAndRevocable) {
    std::int64_t awa = add("awa@example.org", "Think Peace", "contributor");
    auto created = accounts().create_api_token(Actor::command_line(), "awa@example.org", "Kobo",
                                               {"import", "stories:read", "import"});
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created.value->token.size(), 43u);
    auto listed = accounts().api_tokens("awa@example.org");
    ASSERT_EQ(listed.value->size(), 1u);
    EXPECT_NE(listed.value->at(0).sha256, created.value->token) << "only the digest is stored";
    EXPECT_EQ(listed.value->at(0).scopes, (std::vector<std::string>{"import", "stories:read"}));

    auto principal = accounts().api_token(created.value->token);
    ASSERT_TRUE(principal);
    EXPECT_EQ(principal->user_id, awa);
    EXPECT_EQ(principal->credential, Credential::ApiToken);
    EXPECT_EQ(principal->api_token_id, created.value->id);
    EXPECT_TRUE(principal->has_scope("import"));
    EXPECT_FALSE(principal->has_scope("stories:write"));
    EXPECT_FALSE(AccountService::csrf_matches(*principal, "")) << "tokens are not cookies";
    EXPECT_EQ(store().find_api_token(created.value->id)->last_used_at, format_iso8601(kStart));

    EXPECT_TRUE(accounts().revoke_api_token(Actor::command_line(), created.value->id).empty());
    EXPECT_FALSE(accounts().api_token(created.value->token));
    EXPECT_EQ(ids(accounts().revoke_api_token(Actor::command_line(), created.value->id)),
              std::vector<std::string>{"token-unknown"});
    EXPECT_FALSE(accounts().api_token("made up"));
}

TEST_F(AccountServiceTest, ApiTokenRequestsAreChecked) {
    add("awa@example.org", "Think Peace", "contributor");
    EXPECT_EQ(ids(accounts().create_api_token(Actor::command_line(), "nobody@example.org", "x", {"import"}).problems),
              std::vector<std::string>{"user-unknown"});
    EXPECT_EQ(ids(accounts().create_api_token(Actor::command_line(), "awa@example.org", " ", {}).problems),
              (std::vector<std::string>{"token-name-missing", "token-scope-missing"}));
    auto unknown = accounts().create_api_token(Actor::command_line(), "awa@example.org", "x", {"admin"});
    EXPECT_EQ(ids(unknown.problems), std::vector<std::string>{"token-scope-unknown"});
    EXPECT_EQ(unknown.problems[0].params.at("scopes"), "stories:read, stories:write, import");
    EXPECT_EQ(ids(accounts().api_tokens("nobody@example.org").problems), std::vector<std::string>{"user-unknown"});
    EXPECT_TRUE(store().api_tokens().empty());
}

TEST_F(AccountServiceTest, ARoleIsGivenOrChangedWithTheRulesOfANewAccount) {
    add("moussa@example.org", "HSC", "reviewer");
    EXPECT_TRUE(accounts().set_role(Actor::command_line(), "Moussa@example.org", "Cordaid", "reviewer").empty());
    EXPECT_TRUE(accounts().set_role(Actor::command_line(), "moussa@example.org", "HSC", "viewer").empty());
    auto user = store().find_user_by_email("moussa@example.org");
    ASSERT_EQ(user->memberships.size(), 2u);
    EXPECT_EQ(user->memberships[0].role, "reviewer") << "Cordaid";
    EXPECT_EQ(user->memberships[1].role, "viewer") << "HSC: replaced";
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(1))[0].action, "user.role-set");

    EXPECT_EQ(ids(accounts().set_role(Actor::command_line(), "moussa@example.org", "Think Peace", "reviewer")),
              std::vector<std::string>{"role-not-allowed"});
    EXPECT_EQ(ids(accounts().set_role(Actor::command_line(), "nobody@example.org", "Nowhere", "boss")),
              (std::vector<std::string>{"user-unknown", "role-unknown", "organisation-unknown"}));
}

// ------------------------------------------------------------------------------------------------------------
// Invitations

TEST_F(AccountServiceTest, PendingInvitationsAreListedAndRevokedOnce) {
    auto first = accounts().invite(Actor::command_line(), "a@example.org", "Think Peace", "contributor", 7);
    auto second = accounts().invite(Actor::command_line(), "b@example.org", "HSC", "reviewer", 7);
    ASSERT_TRUE(first.ok() && second.ok());
    auto open = accounts().open_invitations();
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].invitation.id, second.value->id) << "newest first";
    EXPECT_EQ(open[0].organisation, "HSC");

    EXPECT_TRUE(accounts().revoke_invitation(Actor::command_line(), first.value->id).empty());
    EXPECT_EQ(accounts().open_invitations().size(), 1u);
    EXPECT_EQ(ids(accounts().accept_invitation(first.value->token, kPassword, "A", "").problems),
              std::vector<std::string>{"invitation-invalid"});
    EXPECT_EQ(ids(accounts().revoke_invitation(Actor::command_line(), first.value->id)),
              std::vector<std::string>{"invitation-unknown"});
}

TEST_F(AccountServiceTest, AnInvitationCreatesOneAccountOnce) {
    auto invitation = accounts().invite(Actor::command_line(), "Aissata@Example.org", "Think Peace", "contributor", 7);
    ASSERT_TRUE(invitation.ok());
    EXPECT_EQ(invitation.value->expires_at, kStart + hours(24 * 7));
    std::string token = invitation.value->token;

    EXPECT_EQ(ids(accounts().accept_invitation(token, "soleil123", "Aïssata", "10.0.0.1").problems),
              (std::vector<std::string>{"password-too-short", "password-too-common"}));
    auto accepted = accounts().accept_invitation(token, kPassword, "Aïssata Kane", "10.0.0.1");
    ASSERT_TRUE(accepted.ok());
    auto user = store().find_user(*accepted.value);
    EXPECT_EQ(user->email, "Aissata@example.org");
    EXPECT_EQ(user->display_name, "Aïssata Kane");
    EXPECT_EQ(user->memberships.at(0).role, "contributor");
    EXPECT_TRUE(accounts().login("aissata@example.org", kPassword, "").session);

    EXPECT_EQ(ids(accounts().accept_invitation(token, kPassword, "x", "").problems),
              std::vector<std::string>{"invitation-invalid"});
    EXPECT_EQ(ids(accounts().accept_invitation("made up", kPassword, "x", "").problems),
              std::vector<std::string>{"invitation-invalid"});
    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(3));
    auto accept = std::find_if(entries.begin(), entries.end(),
                               [](const auto& entry) { return entry.action == "invitation.accept"; });
    ASSERT_NE(accept, entries.end());
    EXPECT_EQ(accept->actor, "Aissata@example.org");
    EXPECT_EQ(accept->address, "10.0.0.1");
}

TEST_F(AccountServiceTest, InvitationsExpire) {
    std::string token = accounts().invite(Actor::command_line(), "a@example.org", "HSC", "reviewer", 2).value->token;
    m_clock.advance(hours(48));
    EXPECT_EQ(ids(accounts().accept_invitation(token, kPassword, "", "").problems),
              std::vector<std::string>{"invitation-invalid"});
}

TEST_F(AccountServiceTest, InvitationRequestsAreChecked) {
    add("awa@example.org", "Think Peace", "contributor");
    Actor cli = Actor::command_line();
    EXPECT_EQ(ids(accounts().invite(cli, "awa@example.org", "HSC", "reviewer", 7).problems),
              std::vector<std::string>{"email-taken"});
    EXPECT_EQ(ids(accounts().invite(cli, "new@example.org", "Oxfam", "reviewer", 7).problems),
              std::vector<std::string>{"organisation-unknown"});
    EXPECT_EQ(ids(accounts().invite(cli, "new@example.org", "HSC", "coordinator", 7).problems),
              std::vector<std::string>{"role-not-allowed"});
    EXPECT_EQ(ids(accounts().invite(cli, "new@example.org", "HSC", "reviewer", 0).problems),
              std::vector<std::string>{"invitation-days-invalid"});
    EXPECT_EQ(ids(accounts().invite(cli, "new@example.org", "HSC", "reviewer", 31).problems),
              std::vector<std::string>{"invitation-days-invalid"});
}

// ------------------------------------------------------------------------------------------------------------
// Audit

TEST_F(AccountServiceTest, EveryWriteIsAuditedWithWhoWhenAndWhere) {
    std::int64_t admin = *accounts().create_admin(Actor::command_line(), "admin@consortium.org", "", kPassword).value;
    m_clock.advance(minutes(5));
    auto session = accounts().login("admin@consortium.org", kPassword, "196.200.1.2").session;
    auto principal = accounts().session(session->token);
    Actor admin_actor = principal->actor("196.200.1.2");
    accounts().add_user(admin_actor, {"awa@example.org", "Awa", kPassword, "Think Peace", "contributor"});
    accounts().invite(admin_actor, "new@example.org", "HSC", "reviewer", 7);
    auto token = accounts().create_api_token(admin_actor, "awa@example.org", "Kobo", {"import"});
    accounts().revoke_api_token(admin_actor, token.value->id);
    accounts().disable_user(admin_actor, "awa@example.org");
    accounts().logout(session->token, admin_actor);

    EXPECT_EQ(audit_actions(),
              (std::vector<std::string>{"organisation.save", "organisation.save", "organisation.save",
                                        "organisation.save", "organisation.save", "user.create", "session.login",
                                        "user.create", "invitation.create", "api_token.create", "api_token.revoke",
                                        "user.disable", "session.logout"}));
    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(8));
    for (const auto& entry : entries) {
        if (entry.action == "user.create" && entry.actor != "cli") {
            EXPECT_EQ(entry.actor_user_id, admin);
            EXPECT_EQ(entry.actor, "admin@consortium.org");
            EXPECT_EQ(entry.address, "196.200.1.2");
            EXPECT_EQ(entry.at, format_iso8601(kStart + minutes(5)));
            EXPECT_NE(entry.detail.find("\"role\":\"contributor\""), std::string::npos) << entry.detail;
        }
        EXPECT_EQ(entry.detail.find(kPassword), std::string::npos) << "no password in " << entry.action;
    }
}

}  // namespace
}  // namespace storybank::service
