// The behaviour every Store backend must have. One suite, value-parameterised over backends (only SQLite for now);
// a backend that cannot pass a case lists it with a reason in backend_skips.json. Each test gets a fresh data
// folder, kept when the test fails. Backend-specific cases (locking, damaged files, schema versions) live beside
// the backend, e.g. src/store/sqlite/sqlite_store_test.cpp.
#include "core/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

// Tests describe stories and filters with designated initializers ({.title = "…", .year = 2024}); members left
// out take their default member initializers, which is the point. g++ 12 still warns about them under -Wextra
// (GCC bug 96868, fixed in g++ 13).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace storybank::store {
namespace {

enum class Backend : std::uint8_t { Sqlite };

std::string_view backend_key(Backend backend) {
    switch (backend) {
        case Backend::Sqlite:
            return "sqlite";
    }
    return "unknown";
}

void PrintTo(Backend backend, std::ostream* out) {
    *out << backend_key(backend);
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
    std::string name(backend_key(info.param));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

/// backend_skips.json: {"skips": [{"backend": "postgres", "test": "SearchStemsFrenchAndEnglish", "reason": "…"}]}
std::optional<std::string> skip_reason(Backend backend, std::string_view test_name) {
    static const nlohmann::json kSkips = [] {
        std::ifstream file(STORYBANK_BACKEND_SKIPS_FILE);
        if (!file) {
            ADD_FAILURE() << "cannot read " << STORYBANK_BACKEND_SKIPS_FILE;
            return nlohmann::json::object();
        }
        return nlohmann::json::parse(file);
    }();
    for (const auto& skip : kSkips.value("skips", nlohmann::json::array())) {
        if (skip.at("backend").get<std::string>() == backend_key(backend) &&
            skip.at("test").get<std::string>() == test_name) {
            return skip.at("reason").get<std::string>();
        }
    }
    return std::nullopt;
}

/// What a test story says; request_for() turns it into a story and its index entry.
struct StoryText {
    std::string title = "Une histoire";
    std::string summary;
    std::string body;
    std::string quotes;
    std::string language = "fr";
    std::string partner = "Think Peace";
    std::string member = "Human Security Collective (HSC)";
    std::string country = "ML";
    std::string locality = "Bamako";
    std::string template_id = "success-story";
    int year = 2023;
};

SaveRequest request_for(const StoryText& text, std::string author = "tester", std::string note = "") {
    SaveRequest request;
    core::Story& story = request.story;
    story.template_id = text.template_id;
    story.language = text.language;
    story.set("author", core::Person{"Awa TRAORÉ", "Chargée de suivi"});
    story.set("contact", core::Contact{{"+22376000000"}, {"awa@example.org"}});
    story.set("consortium_member", text.member);
    story.set("partner_ngo", text.partner);
    story.set("locality", core::Place{text.locality, text.country, text.locality + ", Mali"});
    story.set("title", text.title);
    story.set("introduction", text.summary);
    story.set("solution", text.body);
    if (!text.quotes.empty()) {
        story.set("quotes", core::QuoteList{{text.quotes, "Aissata KANE", "présidente"}});
    }
    story.set("photos", core::PhotoList{{"La classe", core::Attachment{"ab12", "image/jpeg", 800, 600}, true}});
    story.problems.push_back(
        {"lessons", core::Severity::Warning, "field-missing", {{"label", "Leçons apprises"}}, "line 3"});

    core::StoryIndexEntry& index = request.index;
    index.title = text.title;
    index.author = "Awa TRAORÉ";
    index.country = text.country;
    index.locality = text.locality;
    index.partner_ngo = text.partner;
    index.consortium_member = text.member;
    index.year = text.year;
    index.search_title = text.title;
    index.search_summary = text.summary;
    index.search_body = text.body;
    index.search_quotes = text.quotes;

    request.author = std::move(author);
    request.note = std::move(note);
    return request;
}

/// An audit entry for a write whose audit is not what the test is about.
AuditEntry test_audit(std::string action = "story.test") {
    AuditEntry entry;
    entry.at = "2026-11-29T10:00:00Z";
    entry.actor = "tester";
    entry.action = std::move(action);
    entry.target_type = "story";
    return entry;
}

template <typename Function>
ErrorKind error_kind_of(Function&& function, std::string* message = nullptr) {
    try {
        function();
    } catch (const Error& error) {
        if (message != nullptr) {
            *message = error.public_message();
        }
        return error.kind();
    }
    ADD_FAILURE() << "expected a storybank::Error";
    return ErrorKind::Internal;
}

std::vector<std::int64_t> ids_of(const SearchResult& result) {
    std::vector<std::int64_t> ids;
    for (const auto& hit : result.hits) {
        ids.push_back(hit.story.id);
    }
    return ids;
}

std::vector<std::int64_t> ids_of(const std::vector<StorySummary>& stories) {
    std::vector<std::int64_t> ids;
    for (const auto& story : stories) {
        ids.push_back(story.id);
    }
    return ids;
}

std::vector<std::int64_t> sorted(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

class StoreConformance : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (auto reason = skip_reason(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
            GTEST_SKIP() << *reason;
        }
        static std::atomic<int> counter = 0;
        m_data_dir = std::filesystem::temp_directory_path() /
                     ("storybank-store-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(m_data_dir);
        reopen();
    }

    void TearDown() override {
        m_store.reset();
        if (HasFailure()) {
            std::cerr << "data folder kept for inspection: " << m_data_dir << "\n";
        } else if (!m_data_dir.empty()) {
            std::filesystem::remove_all(m_data_dir);
        }
    }

    /// Closes the store (if open) and opens the same data again.
    void reopen() {
        m_store.reset();
        switch (GetParam()) {
            case Backend::Sqlite:
                m_store = sqlite::SqliteStore::open(m_data_dir, [this] { return m_now; });
                break;
        }
    }

    Store& store() { return *m_store; }

    /// Runs SQL behind the store's back, as a bug elsewhere or someone with access to the database would; true
    /// when the backend accepted it.
    bool raw_sql_succeeds(const std::string& sql) {
        switch (GetParam()) {
            case Backend::Sqlite: {
                sqlite3* database = nullptr;
                std::filesystem::path file = m_data_dir / std::string(sqlite::kDatabaseFileName);
                int result = sqlite3_open(file.c_str(), &database);
                if (result == SQLITE_OK) {
                    result = sqlite3_exec(database, sql.c_str(), nullptr, nullptr, nullptr);
                }
                sqlite3_close(database);
                return result == SQLITE_OK;
            }
        }
        return false;
    }

    /// An audit entry at the test's current time.
    AuditEntry audit(std::string action, std::string target_type = "", std::string detail = "{}") {
        AuditEntry entry;
        entry.at = m_now;
        entry.actor = "cli";
        entry.action = std::move(action);
        entry.target_type = std::move(target_type);
        entry.detail = std::move(detail);
        return entry;
    }

    Organisation organisation(const std::string& name,
                              const std::string& kind,
                              std::vector<std::int64_t> members = {}) {
        return store().save_organisation({name, kind, std::move(members)}, audit("organisation.save", "organisation"));
    }

    std::int64_t user(const std::string& email, std::vector<NewMembership> memberships = {}) {
        return store().create_user({email, "Awa Traoré", "$argon2id$fake", m_now, std::move(memberships)},
                                   audit("user.create", "user"));
    }

    std::vector<std::string> audit_actions() {
        std::vector<std::string> actions;
        for (const auto& entry : store().audit_entries(storybank::store::AuditQuery::newest(1000))) {
            actions.insert(actions.begin(), entry.action);
        }
        return actions;
    }

    std::int64_t create(const StoryText& text) { return store().create_story(request_for(text)); }

    SearchResult search(std::string text, StoryFilter filter = {}, int limit = 20, int offset = 0) {
        return store().search({std::move(text), std::move(filter), limit, offset});
    }

    std::string m_now = "2026-11-29T10:00:00Z";
    std::filesystem::path m_data_dir;
    std::unique_ptr<Store> m_store;
};

// ------------------------------------------------------------------------------------------------------------
// Stories and revisions

TEST_P(StoreConformance, CreatedStoryReadsBackExactly) {
    SaveRequest request = request_for({.title = "Une école à Ségou", .summary = "Depuis 2012…", .year = 2024}, "awa",
                                      "imported from rapport.txt");
    std::int64_t id = store().create_story(request);
    EXPECT_GT(id, 0);

    std::optional<StorySummary> summary = store().find_story(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->id, id);
    EXPECT_EQ(summary->template_id, "success-story");
    EXPECT_EQ(summary->status, core::WorkflowState::Draft);
    EXPECT_EQ(summary->current_revision, 1);
    EXPECT_EQ(summary->title, "Une école à Ségou");
    EXPECT_EQ(summary->author, "Awa TRAORÉ");
    EXPECT_EQ(summary->language, "fr");
    EXPECT_EQ(summary->country, "ML");
    EXPECT_EQ(summary->locality, "Bamako");
    EXPECT_EQ(summary->partner_ngo, "Think Peace");
    EXPECT_EQ(summary->consortium_member, "Human Security Collective (HSC)");
    EXPECT_EQ(summary->year, 2024);
    EXPECT_EQ(summary->created_at, "2026-11-29T10:00:00Z");
    EXPECT_EQ(summary->updated_at, "2026-11-29T10:00:00Z");
    EXPECT_EQ(summary->error_count, 0);
    EXPECT_EQ(summary->warning_count, 1);
    EXPECT_TRUE(summary->tags.empty());

    core::Revision revision = store().revision(id);
    EXPECT_EQ(revision.info.story_id, id);
    EXPECT_EQ(revision.info.number, 1);
    EXPECT_EQ(revision.info.author, "awa");
    EXPECT_EQ(revision.info.note, "imported from rapport.txt");
    EXPECT_EQ(revision.info.created_at, "2026-11-29T10:00:00Z");
    EXPECT_EQ(revision.story, request.story);
    EXPECT_EQ(store().story_count(), 1);
}

TEST_P(StoreConformance, EverySaveIsANewRevisionAndOldOnesStayExact) {
    SaveRequest first = request_for({.title = "Premier titre"});
    std::int64_t id = store().create_story(first);

    SaveRequest second = request_for({.title = "Deuxième titre", .body = "Un corps ajouté"}, "reviewer", "typo");
    second.story.problems.push_back({"title", core::Severity::Error, "field-too-long", {}, ""});
    m_now = "2026-11-30T08:00:00Z";
    EXPECT_EQ(store().save_revision(id, second, 1), 2);

    SaveRequest third = request_for({.title = "Troisième titre", .language = "en"});
    m_now = "2026-12-01T08:00:00Z";
    EXPECT_EQ(store().save_revision(id, third, 2), 3);

    EXPECT_EQ(store().revision(id, 1).story, first.story);
    EXPECT_EQ(store().revision(id, 2).story, second.story);
    EXPECT_EQ(store().revision(id, 3).story, third.story);
    EXPECT_EQ(store().revision(id).story, third.story);
    EXPECT_EQ(store().revision(id).info.number, 3);

    std::optional<StorySummary> summary = store().find_story(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->current_revision, 3);
    EXPECT_EQ(summary->title, "Troisième titre");
    EXPECT_EQ(summary->language, "en");
    EXPECT_EQ(summary->created_at, "2026-11-29T10:00:00Z");
    EXPECT_EQ(summary->updated_at, "2026-12-01T08:00:00Z");
    EXPECT_EQ(store().story_count(), 1);
}

TEST_P(StoreConformance, SummaryCountsProblemsOfTheCurrentRevision) {
    std::int64_t id = create({});
    SaveRequest with_errors = request_for({});
    with_errors.story.problems.push_back({"title", core::Severity::Error, "field-missing", {}, ""});
    with_errors.story.problems.push_back({"solution", core::Severity::Error, "field-missing", {}, ""});
    store().save_revision(id, with_errors, 1);
    std::optional<StorySummary> summary = store().find_story(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->error_count, 2);
    EXPECT_EQ(summary->warning_count, 1);
}

TEST_P(StoreConformance, StaleExpectedRevisionIsAConflictAndChangesNothing) {
    std::int64_t id = create({.title = "v1"});
    store().save_revision(id, request_for({.title = "v2"}), 1);

    std::string message;
    EXPECT_EQ(error_kind_of([&] { store().save_revision(id, request_for({.title = "lost"}), 1); }, &message),
              ErrorKind::Conflict);
    EXPECT_NE(message.find("revision 2"), std::string::npos) << message;
    EXPECT_EQ(store().find_story(id)->title, "v2");
    EXPECT_EQ(store().history(id).size(), 2u);
    EXPECT_TRUE(search("lost").hits.empty());

    EXPECT_EQ(error_kind_of([&] { store().save_revision(id, request_for({}), 3); }), ErrorKind::Conflict);
}

TEST_P(StoreConformance, HistoryIsOldestFirstWithWhoWhenAndWhy) {
    std::int64_t id = store().create_story(request_for({}, "awa", "created"));
    m_now = "2026-11-29T11:00:00Z";
    store().save_revision(id, request_for({}, "moussa", "added the lessons"), 1);
    m_now = "2026-11-29T12:00:00Z";
    store().save_revision(id, request_for({}, "awa", "fixed a name"), 2);

    std::vector<core::RevisionInfo> history = store().history(id);
    ASSERT_EQ(history.size(), 3u);
    for (std::size_t index = 0; index < history.size(); ++index) {
        EXPECT_EQ(history[index].story_id, id);
        EXPECT_EQ(history[index].number, static_cast<int>(index) + 1);
    }
    EXPECT_EQ(history[0].author, "awa");
    EXPECT_EQ(history[1].author, "moussa");
    EXPECT_EQ(history[1].note, "added the lessons");
    EXPECT_EQ(history[2].note, "fixed a name");
    EXPECT_EQ(history[0].created_at, "2026-11-29T10:00:00Z");
    EXPECT_EQ(history[2].created_at, "2026-11-29T12:00:00Z");
}

TEST_P(StoreConformance, UnknownStoriesAndRevisionsAreNotFound) {
    std::int64_t id = create({});
    EXPECT_FALSE(store().find_story(id + 100));
    EXPECT_EQ(error_kind_of([&] { store().revision(id + 100); }), ErrorKind::NotFound);
    EXPECT_EQ(error_kind_of([&] { store().history(id + 100); }), ErrorKind::NotFound);
    EXPECT_EQ(error_kind_of([&] { store().save_revision(id + 100, request_for({}), 1); }), ErrorKind::NotFound);
    EXPECT_EQ(
        error_kind_of([&] { store().set_status(id + 100, core::WorkflowState::Approved, test_audit("story.status")); }),
        ErrorKind::NotFound);
    EXPECT_EQ(error_kind_of([&] { store().set_tags(id + 100, {"paix"}, test_audit("story.tags")); }),
              ErrorKind::NotFound);
    std::string message;
    EXPECT_EQ(error_kind_of([&] { store().revision(id, 7); }, &message), ErrorKind::NotFound);
    EXPECT_NE(message.find("revision 7"), std::string::npos) << message;
    EXPECT_EQ(store().story_count(), 1);
}

TEST_P(StoreConformance, StatusChangesAreStoredAndFiltered) {
    std::int64_t draft = create({});
    std::int64_t approved = create({});
    m_now = "2026-12-02T09:00:00Z";
    store().set_status(approved, core::WorkflowState::Approved, test_audit("story.status"));
    EXPECT_EQ(store().find_story(approved)->status, core::WorkflowState::Approved);
    EXPECT_EQ(store().find_story(approved)->updated_at, "2026-12-02T09:00:00Z");
    EXPECT_EQ(store().find_story(draft)->status, core::WorkflowState::Draft);

    ListQuery query;
    query.filter.status = core::WorkflowState::Approved;
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{approved});
    query.filter.status = core::WorkflowState::Draft;
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{draft});
}

// ------------------------------------------------------------------------------------------------------------
// Imports, organisations, tags, attachments

TEST_P(StoreConformance, AMoveHappensOnlyFromTheStateTheCallerSaw) {
    std::int64_t id = create({});
    store().move_story(id, core::WorkflowState::Draft, core::WorkflowState::Submitted, test_audit("story.transition"));
    EXPECT_EQ(store().find_story(id)->status, core::WorkflowState::Submitted);
    std::size_t entries = store().audit_entries(storybank::store::AuditQuery::newest(1000)).size();
    // A second reviewer who still saw the draft loses, and nothing is written, not even the audit entry.
    std::string message;
    EXPECT_EQ(error_kind_of(
                  [&] {
                      store().move_story(id, core::WorkflowState::Draft, core::WorkflowState::Submitted,
                                         test_audit("story.transition"));
                  },
                  &message),
              ErrorKind::Conflict);
    EXPECT_NE(message.find("submitted"), std::string::npos) << message;
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(1000)).size(), entries);
    EXPECT_EQ(error_kind_of([&] {
                  store().move_story(id + 100, core::WorkflowState::Draft, core::WorkflowState::Submitted,
                                     test_audit("story.transition"));
              }),
              ErrorKind::NotFound);
}

TEST_P(StoreConformance, VisibilityGrantsLetThroughOnlyWhatTheyName) {
    std::int64_t ours = create({.title = "Nôtre", .partner = "Think Peace", .member = "HSC"});
    std::int64_t theirs = create({.title = "Leur", .partner = "Autre ONG", .member = "Cordaid"});
    std::int64_t published = create({.title = "Publiée", .partner = "Autre ONG", .member = "Cordaid"});
    store().set_status(published, core::WorkflowState::Published, test_audit("story.status"));
    std::int64_t think_peace = store().find_story(ours)->partner_id;
    std::int64_t cordaid = store().find_story(theirs)->member_id;
    ASSERT_NE(think_peace, 0);
    ASSERT_NE(cordaid, 0);

    auto ids = [&](std::optional<std::vector<VisibilityGrant>> grants) {
        ListQuery query;
        query.filter.visible_to = std::move(grants);
        std::vector<std::int64_t> found;
        for (const auto& summary : store().list_stories(query)) {
            found.push_back(summary.id);
        }
        SearchQuery search;
        search.filter = query.filter;
        search.limit = 100;
        EXPECT_EQ(store().search(search).total, static_cast<int>(found.size()));
        return found;
    };
    using core::WorkflowState;
    VisibilityGrant anyone_published{{WorkflowState::Published}, true, {}, {}};
    VisibilityGrant own_drafts{{WorkflowState::Draft}, false, {think_peace}, {think_peace}};
    VisibilityGrant member_drafts{{WorkflowState::Draft}, false, {}, {cordaid}};
    EXPECT_EQ(ids(std::nullopt), (std::vector<std::int64_t>{ours, theirs, published}));
    EXPECT_EQ(ids(std::vector<VisibilityGrant>{}), std::vector<std::int64_t>{});
    EXPECT_EQ(ids(std::vector{anyone_published}), std::vector<std::int64_t>{published});
    EXPECT_EQ(ids(std::vector{anyone_published, own_drafts}), (std::vector<std::int64_t>{ours, published}));
    EXPECT_EQ(ids(std::vector{member_drafts}), std::vector<std::int64_t>{theirs});
}

TEST_P(StoreConformance, AuditEntriesCanBeAskedForOneTarget) {
    std::int64_t first = create({});
    std::int64_t second = create({});
    store().set_status(first, core::WorkflowState::Submitted, test_audit("story.transition"));
    store().set_status(second, core::WorkflowState::Submitted, test_audit("story.transition"));
    store().set_tags(first, {"paix"}, test_audit("story.tags"));
    AuditQuery query;
    query.target_type = "story";
    query.target_id = std::to_string(first);
    auto entries = store().audit_entries(query);
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].action, "story.tags");
    EXPECT_EQ(entries[1].action, "story.transition");
    query.action = "story.transition";
    entries = store().audit_entries(query);
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].target_id, std::to_string(first));
}

TEST_P(StoreConformance, CommentsAreKeptInOrderWithTheirRevision) {
    std::int64_t id = create({});
    Comment comment;
    comment.story_id = id;
    comment.field = "lessons";
    comment.author = "reviewer@hsc.org";
    comment.body = "Quelles leçons ?";
    std::size_t entries = store().audit_entries(AuditQuery::newest(1000)).size();
    std::int64_t first = store().add_comment(comment, test_audit("comment.create"));
    store().save_revision(id, request_for({.title = "v2"}), 1);
    comment.field.clear();
    comment.body = "Merci";
    std::int64_t second = store().add_comment(comment, test_audit("comment.create"));
    EXPECT_GT(second, first);
    auto comments = store().comments(id);
    ASSERT_EQ(comments.size(), 2U);
    EXPECT_EQ(comments[0].field, "lessons");
    EXPECT_EQ(comments[0].revision, 1);
    EXPECT_EQ(comments[1].revision, 2) << "a comment remembers the revision it was made on";
    EXPECT_EQ(comments[1].body, "Merci");
    EXPECT_FALSE(comments[0].created_at.empty());
    EXPECT_EQ(store().audit_entries(AuditQuery::newest(1000)).size(), entries + 2) << "one entry per comment";
    comment.story_id = id + 100;
    EXPECT_EQ(error_kind_of([&] { store().add_comment(comment, test_audit("comment.create")); }), ErrorKind::NotFound);
    EXPECT_TRUE(store().comments(id + 100).empty());
}

TEST_P(StoreConformance, SearchCountsFacetsOverAllMatches) {
    create({.title = "Puits de Gao", .summary = "eau", .partner = "Think Peace", .country = "ML", .year = 2023});
    create({.title = "Puits de Dori", .summary = "eau", .partner = "Autre ONG", .country = "BF", .year = 2024});
    std::int64_t third =
        create({.title = "Puits de Kaya", .summary = "eau", .partner = "Autre ONG", .country = "BF", .year = 2024});
    create({.title = "École", .summary = "classe", .partner = "Autre ONG", .country = "NE", .year = 2024});
    store().set_tags(third, {"gender"}, test_audit("story.tags"));
    SearchQuery query;
    query.text = "puits";
    query.limit = 1;  // facets count every match, not the page
    query.facets = true;
    SearchResult result = store().search(query);
    EXPECT_EQ(result.total, 3);
    auto count = [&](const SearchResult& found, const std::string& facet, const std::string& value) {
        for (const auto& item : found.facets) {
            if (item.facet == facet && item.value == value) {
                return item.count;
            }
        }
        return 0;
    };
    EXPECT_EQ(count(result, "country", "BF"), 2);
    EXPECT_EQ(count(result, "country", "ML"), 1);
    EXPECT_EQ(count(result, "country", "NE"), 0);
    EXPECT_EQ(count(result, "partner_ngo", "Autre ONG"), 2);
    EXPECT_EQ(count(result, "year", "2024"), 2);
    EXPECT_EQ(count(result, "tag", "gender"), 1);
    EXPECT_EQ(count(result, "status", "draft"), 3);
    // Without words: the facets of what the filters let through.
    SearchQuery filtered;
    filtered.filter.country = "BF";
    filtered.facets = true;
    SearchResult all_bf = store().search(filtered);
    EXPECT_EQ(all_bf.total, 2);
    EXPECT_EQ(count(all_bf, "country", "BF"), 2);
    int by_month = 0;
    for (const auto& item : result.facets) {
        if (item.facet == "month") {
            EXPECT_EQ(item.value.size(), 7u) << item.value << ": a month is YYYY-MM";
            by_month += item.count;
        }
    }
    EXPECT_EQ(by_month, 3) << "every match in the month it was recorded";
    query.facets = false;
    EXPECT_TRUE(store().search(query).facets.empty());
}

TEST_P(StoreConformance, AStoryIsSelectedOnceForAReport) {
    std::int64_t first = create({});
    std::int64_t second = create({});
    Selection selection;
    selection.story_id = first;
    selection.report = "Rapport 2026";
    selection.reason = "Le changement le plus significatif";
    selection.selected_by = "coordinator@lead.org";
    store().add_selection(selection, test_audit("selection.create"));
    EXPECT_EQ(error_kind_of([&] { store().add_selection(selection, test_audit("selection.create")); }),
              ErrorKind::Conflict);
    selection.report = "Rapport 2025";
    store().add_selection(selection, test_audit("selection.create"));
    selection.story_id = second;
    store().add_selection(selection, test_audit("selection.create"));
    EXPECT_EQ(store().selections("", 0).size(), 3U);
    auto of_2025 = store().selections("Rapport 2025", 0);
    ASSERT_EQ(of_2025.size(), 2U);
    EXPECT_EQ(of_2025[0].story_id, first);
    EXPECT_FALSE(of_2025[0].selected_at.empty());
    EXPECT_EQ(store().selections("", first).size(), 2U);
    selection.story_id = second + 100;
    EXPECT_EQ(error_kind_of([&] { store().add_selection(selection, test_audit("selection.create")); }),
              ErrorKind::NotFound);
}

TEST_P(StoreConformance, ImportingTheSameBytesTwiceReturnsTheFirstStory) {
    ImportSource source{"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "rapport.docx"};
    ImportOutcome first = store().import_story(request_for({.title = "Premier import"}), source);
    EXPECT_TRUE(first.created);
    ImportOutcome again = store().import_story(request_for({.title = "Second import"}), source);
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.story_id, first.story_id);
    EXPECT_EQ(store().story_count(), 1);
    EXPECT_EQ(store().find_story(first.story_id)->title, "Premier import");
    EXPECT_EQ(store().history(first.story_id).size(), 1u);

    ImportOutcome other = store().import_story(request_for({}), {std::string(64, 'a'), "rapport.docx"});
    EXPECT_TRUE(other.created);
    EXPECT_NE(other.story_id, first.story_id);
    EXPECT_EQ(store().story_count(), 2);
}

TEST_P(StoreConformance, ACreationKeyMakesOneStoryPerUser) {
    ImportOutcome first = store().create_story_once(request_for({.title = "Envoyée"}), {7, "brouillon-42"});
    EXPECT_TRUE(first.created);
    ImportOutcome again = store().create_story_once(request_for({.title = "Renvoyée"}), {7, "brouillon-42"});
    EXPECT_FALSE(again.created);
    EXPECT_EQ(again.story_id, first.story_id);
    EXPECT_EQ(store().find_story(first.story_id)->title, "Envoyée") << "nothing saved the second time";
    EXPECT_EQ(store().history(first.story_id).size(), 1U);

    ImportOutcome someone_else = store().create_story_once(request_for({}), {8, "brouillon-42"});
    EXPECT_TRUE(someone_else.created) << "another user's key is another key";
    ImportOutcome other_key = store().create_story_once(request_for({}), {7, "brouillon-43"});
    EXPECT_TRUE(other_key.created);
    EXPECT_EQ(store().story_count(), 3);
    EXPECT_EQ(error_kind_of([&] { store().create_story_once(request_for({}), {7, ""}); }), ErrorKind::InvalidRequest);
    EXPECT_EQ(store().story_count(), 3);
}

TEST_P(StoreConformance, OrganisationsIgnoreCaseAccentsAndSpacing) {
    Organisation first = store().ensure_organisation("Think Peace", "");
    for (const char* spelling : {"THINK  PEACE", "Think Péace", "  think peace ", "think\u00A0peace"}) {
        Organisation same = store().ensure_organisation(spelling, "partner");
        EXPECT_EQ(same.id, first.id) << spelling;
        EXPECT_EQ(same.name, "Think Peace") << "the first spelling is kept";
    }
    EXPECT_EQ(store().ensure_organisation("Think Peace", "member").kind, "partner") << "a known kind is kept";
    Organisation other = store().ensure_organisation("Think Peace Niger", "partner");
    EXPECT_NE(other.id, first.id);
    EXPECT_EQ(store().organisations().size(), 2u);
    EXPECT_EQ(error_kind_of([&] { store().ensure_organisation("   ", "partner"); }), ErrorKind::InvalidRequest);
}

TEST_P(StoreConformance, StoriesShareOrganisationsAndFilterByAnySpelling) {
    std::int64_t first = create({.partner = "Think Peace"});
    std::int64_t second = create({.partner = "THINK PEACE", .member = "human security collective (hsc)"});
    std::int64_t other = create({.partner = "Réseau Paix et Sécurité", .member = "Cordaid"});
    EXPECT_EQ(store().find_story(second)->partner_ngo, "Think Peace");
    EXPECT_EQ(store().find_story(second)->consortium_member, "Human Security Collective (HSC)");
    EXPECT_EQ(store().organisations().size(), 4u);

    ListQuery query;
    query.filter.partner_ngo = "think péace";
    EXPECT_EQ(ids_of(store().list_stories(query)), (std::vector<std::int64_t>{first, second}));
    query.filter = {};
    query.filter.partner_ngo = "reseau paix et securite";
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{other});
    query.filter = {};
    query.filter.consortium_member = "CORDAID";
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{other});
    query.filter.consortium_member = "nobody";
    EXPECT_TRUE(store().list_stories(query).empty());
}

TEST_P(StoreConformance, TagsAreReplacedAndFilterStories) {
    std::int64_t tagged = create({});
    std::int64_t untagged = create({});
    store().set_tags(tagged, {"paix", "femmes", "paix", " "}, test_audit("story.tags"));
    EXPECT_EQ(store().find_story(tagged)->tags, (std::vector<std::string>{"femmes", "paix"}));
    EXPECT_TRUE(store().find_story(untagged)->tags.empty());

    ListQuery query;
    query.filter.tag = "paix";
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{tagged});

    store().set_tags(tagged, {"éducation"}, test_audit("story.tags"));
    EXPECT_EQ(store().find_story(tagged)->tags, std::vector<std::string>{"éducation"});
    EXPECT_TRUE(store().list_stories(query).empty());
    store().set_tags(tagged, {}, test_audit("story.tags"));
    EXPECT_TRUE(store().find_story(tagged)->tags.empty());
}

TEST_P(StoreConformance, AttachmentsAreStoredOnceByHash) {
    std::string bytes("\xFF\xD8\xFF\xE0\0\x10JFIF\0binary", 16);
    StoredAttachment photo{{"5d41402abc4b2a76b9719d911017c592", "image/jpeg", 1600, 1200}, bytes};
    store().put_attachment(photo);
    StoredAttachment same_hash{{"5d41402abc4b2a76b9719d911017c592", "image/png", 1, 1}, "other"};
    store().put_attachment(same_hash);  // a no-op: the first bytes stay

    std::optional<StoredAttachment> found = store().find_attachment("5d41402abc4b2a76b9719d911017c592");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->attachment, photo.attachment);
    EXPECT_EQ(found->bytes, bytes);
    EXPECT_EQ(found->bytes.size(), 16u);
    EXPECT_FALSE(store().find_attachment("0000"));
    EXPECT_EQ(error_kind_of([&] {
                  store().put_attachment({{"", "image/jpeg", 1, 1}, "x"});
              }),
              ErrorKind::InvalidRequest);
}

TEST_P(StoreConformance, PhotosAreSavedWithTheirRevision) {
    SaveRequest request = request_for({.title = "Les puits de Ségou", .body = "Un puits a été creusé."});
    request.attachments.push_back({{"aa11", "image/jpeg", 2048, 1536}, "photo bytes", "bb22"});
    request.attachments.push_back({{"bb22", "image/jpeg", 320, 240}, "thumbnail bytes", ""});
    std::int64_t id = store().create_story(request);

    std::optional<StoredAttachment> photo = store().find_attachment("aa11");
    ASSERT_TRUE(photo);
    EXPECT_EQ(photo->bytes, "photo bytes");
    EXPECT_EQ(photo->thumbnail_sha256, "bb22");
    std::optional<StoredAttachment> thumbnail = store().find_attachment("bb22");
    ASSERT_TRUE(thumbnail);
    EXPECT_EQ(thumbnail->attachment.width, 320);
    EXPECT_EQ(thumbnail->thumbnail_sha256, "");

    // A save refused for a stale revision stores none of its photos either.
    SaveRequest stale = request_for({.title = "Les puits de Ségou", .body = "Deux puits."});
    stale.attachments.push_back({{"cc33", "image/png", 10, 10}, "late photo", ""});
    EXPECT_EQ(error_kind_of([&] { store().save_revision(id, stale, 7); }), ErrorKind::Conflict);
    EXPECT_FALSE(store().find_attachment("cc33"));
    EXPECT_EQ(store().save_revision(id, stale, 1), 2);
    EXPECT_TRUE(store().find_attachment("cc33"));
}

// ------------------------------------------------------------------------------------------------------------
// Listing

TEST_P(StoreConformance, ListFiltersCombine) {
    std::int64_t mali_fr = create({.country = "ML", .year = 2022});
    std::int64_t mali_en = create({.language = "en", .country = "ML", .year = 2023});
    std::int64_t niger = create({.country = "NE", .template_id = "most-significant-change", .year = 2023});

    auto list = [&](StoryFilter filter) { return ids_of(store().list_stories({std::move(filter), 50, 0})); };
    EXPECT_EQ(list({}), (std::vector<std::int64_t>{mali_fr, mali_en, niger}));
    EXPECT_EQ(list({.country = "ML"}), (std::vector<std::int64_t>{mali_fr, mali_en}));
    EXPECT_EQ(list({.country = "ml"}), (std::vector<std::int64_t>{mali_fr, mali_en})) << "ISO codes ignore case";
    EXPECT_EQ(list({.language = "en"}), std::vector<std::int64_t>{mali_en});
    EXPECT_EQ(list({.template_id = "most-significant-change"}), std::vector<std::int64_t>{niger});
    EXPECT_EQ(list({.year = 2023}), (std::vector<std::int64_t>{mali_en, niger}));
    EXPECT_EQ(list({.country = "ML", .year = 2023}), std::vector<std::int64_t>{mali_en});
    EXPECT_TRUE(list({.country = "BF"}).empty());
}

TEST_P(StoreConformance, YearFilterUsesTheCreationYearWhenTheStoryHasNone) {
    m_now = "2024-05-01T00:00:00Z";
    std::int64_t undated = create({.year = 0});
    m_now = "2026-05-01T00:00:00Z";
    std::int64_t dated = create({.year = 2024});
    create({.year = 0});
    EXPECT_EQ(store().find_story(undated)->year, 0);
    EXPECT_EQ(ids_of(store().list_stories({{.year = 2024}, 50, 0})), (std::vector<std::int64_t>{undated, dated}));
    EXPECT_EQ(search("", {.year = 2024}).total, 2);
}

TEST_P(StoreConformance, CursorPaginationVisitsEveryStoryOnce) {
    std::vector<std::int64_t> created;
    for (int index = 0; index < 11; ++index) {
        created.push_back(create({.country = index % 2 == 0 ? "ML" : "NE"}));
    }
    std::vector<std::int64_t> seen;
    ListQuery query;
    query.limit = 3;
    for (int page = 0; page < 10; ++page) {
        std::vector<StorySummary> stories = store().list_stories(query);
        EXPECT_LE(stories.size(), 3u);
        if (stories.empty()) {
            break;
        }
        for (const auto& story : stories) {
            seen.push_back(story.id);
        }
        query.after_id = stories.back().id;
    }
    EXPECT_EQ(seen, created);

    query = {};
    query.filter.country = "NE";
    query.limit = 2;
    query.after_id = created[1];
    EXPECT_EQ(ids_of(store().list_stories(query)), (std::vector<std::int64_t>{created[3], created[5]}));
}

// ------------------------------------------------------------------------------------------------------------
// Search

TEST_P(StoreConformance, SearchFindsAllWordsIgnoringCaseAndAccents) {
    std::int64_t story = create({.title = "Les Femmes de Gao",
                                 .summary = "Les écoles ont rouvert après la crise.",
                                 .body = "Les récoltes et la paix sont revenues."});
    create({.title = "Un puits", .body = "La paix au village."});

    EXPECT_EQ(ids_of(search("femmes paix")), std::vector<std::int64_t>{story});
    EXPECT_EQ(ids_of(search("FEMMES PAIX")), std::vector<std::int64_t>{story});
    EXPECT_EQ(ids_of(search("ecoles")), std::vector<std::int64_t>{story});
    EXPECT_EQ(ids_of(search("école")), std::vector<std::int64_t>{story});
    EXPECT_EQ(ids_of(search("recolte")), std::vector<std::int64_t>{story});
    EXPECT_EQ(search("paix").total, 2);
    EXPECT_TRUE(search("femmes guerre").hits.empty());
}

TEST_P(StoreConformance, SearchStemsFrenchAndEnglish) {
    std::int64_t french = create({.title = "Des enfants à l'école", .language = "fr"});
    std::int64_t french_singular = create({.title = "Un enfant soldat", .language = "fr"});
    std::int64_t english = create({.title = "Women lead peace talks", .language = "en"});
    std::int64_t english_singular = create({.title = "A woman farmer", .language = "en"});

    EXPECT_EQ(sorted(ids_of(search("enfant"))), (std::vector<std::int64_t>{french, french_singular}));
    EXPECT_EQ(sorted(ids_of(search("enfants"))), (std::vector<std::int64_t>{french, french_singular}));
    EXPECT_EQ(sorted(ids_of(search("woman"))), (std::vector<std::int64_t>{english, english_singular}));
    EXPECT_EQ(sorted(ids_of(search("women"))), (std::vector<std::int64_t>{english, english_singular}));
    EXPECT_EQ(ids_of(search("farmers")), std::vector<std::int64_t>{english_singular});
}

TEST_P(StoreConformance, SearchPhrasesOrAndExclusions) {
    std::int64_t lasting = create({.body = "Une paix durable est possible."});
    std::int64_t war = create({.body = "La guerre a détruit la paix, pas durable."});
    std::int64_t school = create({.body = "La cantine de l'école."});

    EXPECT_EQ(ids_of(search("\"paix durable\"")), std::vector<std::int64_t>{lasting});
    EXPECT_EQ(sorted(ids_of(search("paix durable"))), (std::vector<std::int64_t>{lasting, war}));
    EXPECT_EQ(sorted(ids_of(search("guerre OR cantine"))), (std::vector<std::int64_t>{war, school}));
    EXPECT_EQ(ids_of(search("paix -guerre")), std::vector<std::int64_t>{lasting});
    EXPECT_EQ(ids_of(search("paix NOT guerre")), std::vector<std::int64_t>{lasting});
    EXPECT_EQ(sorted(ids_of(search("-guerre"))), (std::vector<std::int64_t>{lasting, school}));
    EXPECT_EQ(search("-guerre").total, 2);
}

TEST_P(StoreConformance, SearchAppliesFilters) {
    std::int64_t mali = create({.title = "Paix à Gao", .partner = "Think Peace", .country = "ML", .year = 2022});
    std::int64_t niger = create({.title = "Paix à Niamey",
                                 .language = "en",
                                 .partner = "Alternative Espaces Citoyens",
                                 .member = "Cordaid",
                                 .country = "NE",
                                 .template_id = "most-significant-change",
                                 .year = 2024});
    store().set_tags(niger, {"jeunesse"}, test_audit("story.tags"));
    store().set_status(mali, core::WorkflowState::Published, test_audit("story.status"));

    EXPECT_EQ(search("paix").total, 2);
    EXPECT_EQ(ids_of(search("paix", {.country = "NE"})), std::vector<std::int64_t>{niger});
    EXPECT_EQ(ids_of(search("paix", {.partner_ngo = "THINK PEACE"})), std::vector<std::int64_t>{mali});
    EXPECT_EQ(ids_of(search("paix", {.consortium_member = "cordaid"})), std::vector<std::int64_t>{niger});
    EXPECT_EQ(ids_of(search("paix", {.template_id = "most-significant-change"})), std::vector<std::int64_t>{niger});
    EXPECT_EQ(ids_of(search("paix", {.language = "fr"})), std::vector<std::int64_t>{mali});
    EXPECT_EQ(ids_of(search("paix", {.year = 2024})), std::vector<std::int64_t>{niger});
    EXPECT_EQ(ids_of(search("paix", {.tag = "jeunesse"})), std::vector<std::int64_t>{niger});
    EXPECT_EQ(ids_of(search("paix", {.status = core::WorkflowState::Published})), std::vector<std::int64_t>{mali});
    EXPECT_EQ(search("paix", {.country = "ML", .year = 2024}).total, 0);
}

TEST_P(StoreConformance, SnippetsMarkTheMatchedWords) {
    create({.title = "Cantines scolaires",
            .body = "Dans la région de Mopti, les écoles ont rouvert grâce au comité de gestion, et les "
                    "enfants mangent à la cantine chaque midi depuis la rentrée."});
    SearchResult result = search("ecole");
    ASSERT_EQ(result.hits.size(), 1u);
    const std::string& snippet = result.hits[0].snippet;
    std::string marked = std::string(kMatchStart) + "écoles" + std::string(kMatchEnd);
    EXPECT_NE(snippet.find(marked), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find('\x1F'), std::string::npos) << "no language marker in snippets";
    EXPECT_LT(snippet.size(), 200u) << "a snippet is an excerpt: " << snippet;

    result = search("cantines");
    ASSERT_EQ(result.hits.size(), 1u);
    EXPECT_EQ(result.hits[0].snippet.find('\x1F'), std::string::npos) << result.hits[0].snippet;
    EXPECT_NE(result.hits[0].snippet.find(std::string(kMatchStart) + "Cantines"), std::string::npos)
        << result.hits[0].snippet;
}

TEST_P(StoreConformance, TitleMatchesRankAboveBodyMatches) {
    std::string filler = " Le comité s'est réuni plusieurs fois pour préparer les ateliers du trimestre.";
    std::int64_t in_body = create({.title = "Rapport trimestriel", .body = "Réconciliation au village." + filler});
    std::int64_t in_summary = create({.title = "Rapport annuel", .summary = "Une réconciliation." + filler});
    std::int64_t in_title = create({.title = "La réconciliation à Gao", .body = filler});

    SearchResult result = search("reconciliation");
    EXPECT_EQ(ids_of(result), (std::vector<std::int64_t>{in_title, in_summary, in_body}));
    ASSERT_EQ(result.hits.size(), 3u);
    EXPECT_GT(result.hits[0].score, result.hits[1].score);
    EXPECT_GT(result.hits[1].score, result.hits[2].score);
    EXPECT_GT(result.hits[2].score, 0.0) << "higher is better, and positive";
}

TEST_P(StoreConformance, HostileSearchTextIsHarmless) {
    std::int64_t story = create({.title = "Femmes et paix", .body = "near title or not"});
    const char* texts[] = {"*",         "NEAR(",         "NEAR(femmes paix)",
                           "title:x",   "title:paix",    ") OR (",
                           "",          "\"\"",          "femmes*",
                           "^femmes",   "{title}: paix", "'",
                           "AND",       "- - -",         "OR OR",
                           "femmes OR", "\\x\\",         "paix:)",
                           "\x01",      "NOT",           "%"};
    for (const char* text : texts) {
        EXPECT_NO_THROW(search(text)) << text;
    }
    EXPECT_EQ(ids_of(search("title:paix")), std::vector<std::int64_t>{story}) << "column filters are plain words";
    EXPECT_EQ(ids_of(search("NEAR(femmes paix)")), std::vector<std::int64_t>{story});
    EXPECT_EQ(search("*").total, 1) << "no words: every story (the filters alone)";
    EXPECT_EQ(search("").total, 1);

    std::string message;
    EXPECT_EQ(error_kind_of([&] { search("\""); }, &message), ErrorKind::InvalidRequest);
    EXPECT_NE(message.find("quote"), std::string::npos) << message;
    EXPECT_EQ(error_kind_of([&] { search("femmes \"paix"); }), ErrorKind::InvalidRequest);
}

TEST_P(StoreConformance, EmptySearchListsByFiltersNewestFirst) {
    std::int64_t first = create({.country = "ML"});
    std::int64_t second = create({.country = "NE"});
    std::int64_t third = create({.country = "ML"});
    SearchResult result = search("", {.country = "ML"});
    EXPECT_EQ(ids_of(result), (std::vector<std::int64_t>{third, first}));
    EXPECT_EQ(result.total, 2);
    EXPECT_EQ(ids_of(search("", {}, 1, 1)), std::vector<std::int64_t>{second});
}

TEST_P(StoreConformance, SearchTotalCountsBeyondThePage) {
    for (int index = 0; index < 25; ++index) {
        create({.title = "Histoire " + std::to_string(index), .body = "paix"});
    }
    create({.body = "guerre"});
    SearchResult page = search("paix", {}, 10, 0);
    EXPECT_EQ(page.hits.size(), 10u);
    EXPECT_EQ(page.total, 25);
    SearchResult last = search("paix", {}, 10, 20);
    EXPECT_EQ(last.hits.size(), 5u);
    EXPECT_EQ(last.total, 25);

    std::set<std::int64_t> all;
    for (int offset = 0; offset < 30; offset += 10) {
        for (auto id : ids_of(search("paix", {}, 10, offset))) {
            all.insert(id);
        }
    }
    EXPECT_EQ(all.size(), 25u) << "pages do not overlap";
}

TEST_P(StoreConformance, SearchSeesOnlyTheCurrentRevision) {
    std::int64_t id = create({.body = "Les semences de mil."});
    EXPECT_EQ(ids_of(search("mil")), std::vector<std::int64_t>{id});
    store().save_revision(id, request_for({.body = "Les semences de sorgho."}), 1);
    EXPECT_TRUE(search("mil").hits.empty());
    EXPECT_EQ(ids_of(search("sorgho")), std::vector<std::int64_t>{id});
    EXPECT_EQ(search("semences").total, 1) << "one index entry per story, not per revision";
}

// ------------------------------------------------------------------------------------------------------------
// Organisations and accounts

TEST_P(StoreConformance, OrganisationsGetAKindAndPartnersWorkWithSeveralMembers) {
    Organisation lead = organisation("Consortium Paix Sahel", "lead");
    Organisation hsc = organisation("Human Security Collective (HSC)", "member");
    Organisation cordaid = organisation("Cordaid", "member");
    Organisation think_peace = organisation("Think Peace", "partner", {hsc.id, cordaid.id});
    EXPECT_EQ(think_peace.kind, "partner");
    EXPECT_EQ(lead.kind, "lead");

    ASSERT_TRUE(store().find_organisation("  THINK peace "));
    EXPECT_EQ(store().find_organisation("  THINK peace ")->id, think_peace.id);
    EXPECT_EQ(store().find_organisation_by_id(hsc.id)->name, "Human Security Collective (HSC)");
    EXPECT_FALSE(store().find_organisation("Oxfam"));
    EXPECT_FALSE(store().find_organisation_by_id(think_peace.id + 100));

    std::vector<PartnerLink> expected = {{hsc.id, think_peace.id}, {cordaid.id, think_peace.id}};
    std::sort(expected.begin(), expected.end(), [](const PartnerLink& a, const PartnerLink& b) {
        return std::pair(a.member_id, a.partner_id) < std::pair(b.member_id, b.partner_id);
    });
    EXPECT_EQ(store().partner_links(), expected);

    // Saving again keeps the links, adds new ones, and sets the kind of an organisation an import created.
    Organisation again = organisation("think peace", "partner", {hsc.id});
    EXPECT_EQ(again.id, think_peace.id);
    EXPECT_EQ(again.name, "Think Peace") << "the first spelling is kept";
    EXPECT_EQ(store().partner_links().size(), 2u);
    Organisation imported = store().ensure_organisation("Réseau Paix", "");
    EXPECT_EQ(organisation("reseau paix", "partner", {hsc.id}).id, imported.id);
    EXPECT_EQ(store().find_organisation_by_id(imported.id)->kind, "partner");
    EXPECT_EQ(store().partner_links().size(), 3u);
}

TEST_P(StoreConformance, SavingAnOrganisationRefusesBadLinksAndStoresNothingThen) {
    Organisation hsc = organisation("HSC", "member");
    std::size_t entries = store().audit_entries(storybank::store::AuditQuery::newest(1000)).size();
    EXPECT_EQ(error_kind_of([&] { organisation("Think Peace", "partner", {hsc.id + 100}); }), ErrorKind::NotFound);
    EXPECT_FALSE(store().find_organisation("Think Peace")) << "the organisation was not half-created";
    EXPECT_EQ(error_kind_of([&] { organisation("HSC", "member", {hsc.id}); }), ErrorKind::InvalidRequest);
    EXPECT_EQ(error_kind_of([&] { organisation("  ", "partner"); }), ErrorKind::InvalidRequest);
    EXPECT_TRUE(store().partner_links().empty());
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(1000)).size(), entries);
}

TEST_P(StoreConformance, EmailAddressesAreUniqueIgnoringCase) {
    Organisation think_peace = organisation("Think Peace", "partner");
    Organisation hsc = organisation("HSC", "member");
    std::int64_t awa = user("Awa.Traore@Example.org", {{think_peace.id, "contributor"}, {hsc.id, "viewer"}});
    EXPECT_GT(awa, 0);

    std::string message;
    EXPECT_EQ(error_kind_of([&] { user("awa.traore@example.ORG"); }, &message), ErrorKind::Conflict);
    EXPECT_NE(message.find("Awa.Traore@Example.org"), std::string::npos) << message;

    std::optional<User> found = store().find_user_by_email("AWA.TRAORE@EXAMPLE.ORG");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, awa);
    EXPECT_EQ(found->email, "Awa.Traore@Example.org");
    EXPECT_EQ(found->display_name, "Awa Traoré");
    EXPECT_EQ(found->password_hash, "$argon2id$fake");
    EXPECT_EQ(found->created_at, m_now);
    EXPECT_FALSE(found->disabled());
    EXPECT_EQ(found->memberships,
              (std::vector<UserMembership>{{hsc.id, "HSC", "member", "viewer"},
                                           {think_peace.id, "Think Peace", "partner", "contributor"}}));
    EXPECT_EQ(store().find_user(awa)->email, found->email);
    EXPECT_FALSE(store().find_user(awa + 100));
    EXPECT_FALSE(store().find_user_by_email("moussa@example.org"));
    EXPECT_FALSE(store().find_user_by_email(""));
}

TEST_P(StoreConformance, UsersAreListedByEmailAndByOrganisation) {
    Organisation think_peace = organisation("Think Peace", "partner");
    Organisation hsc = organisation("HSC", "member");
    std::int64_t moussa = user("moussa@example.org", {{hsc.id, "reviewer"}});
    std::int64_t awa = user("awa@example.org", {{think_peace.id, "contributor"}});
    std::int64_t nobody = user("zeinab@example.org");

    std::vector<std::int64_t> all;
    for (const auto& found : store().users()) {
        all.push_back(found.id);
    }
    EXPECT_EQ(all, (std::vector<std::int64_t>{awa, moussa, nobody}));
    ASSERT_EQ(store().users(hsc.id).size(), 1u);
    EXPECT_EQ(store().users(hsc.id)[0].id, moussa);
    EXPECT_EQ(store().users(hsc.id)[0].memberships.at(0).role, "reviewer");
    EXPECT_TRUE(store().users(hsc.id + 100).empty());
}

TEST_P(StoreConformance, AUserWithAnUnknownOrganisationIsNotCreated) {
    EXPECT_EQ(error_kind_of([&] { user("awa@example.org", {{42, "contributor"}}); }), ErrorKind::NotFound);
    EXPECT_FALSE(store().find_user_by_email("awa@example.org"));
    EXPECT_TRUE(audit_actions().empty());
}

TEST_P(StoreConformance, TheAuditEntryIsPartOfTheChangesTransaction) {
    // The audit row cannot be written (its detail is not a JSON object): the user must not exist either.
    AuditEntry broken = audit("user.create", "user", "[1, 2]");
    EXPECT_ANY_THROW(store().create_user({"awa@example.org", "Awa", "", m_now, {}}, broken));
    EXPECT_FALSE(store().find_user_by_email("awa@example.org"));
    EXPECT_ANY_THROW(store().save_organisation({"HSC", "member", {}}, audit("organisation.save", "", "not json")));
    EXPECT_FALSE(store().find_organisation("HSC"));
}

TEST_P(StoreConformance, PasswordsChangeAndDisabledAccountsLoseEveryWayIn) {
    std::int64_t awa = user("awa@example.org");
    store().set_password_hash(awa, "$argon2id$new", audit("user.password", "user"));
    EXPECT_EQ(store().find_user(awa)->password_hash, "$argon2id$new");
    EXPECT_EQ(error_kind_of([&] { store().set_password_hash(awa + 100, "x", audit("user.password", "user")); }),
              ErrorKind::NotFound);

    store().create_session({"s1", awa, "c1", m_now, m_now, "2026-11-29T22:00:00Z", "", "10.0.0.1"},
                           audit("session.create", "user"));
    std::int64_t token = store().create_api_token({0, awa, "kobo", "t1", {"import"}, m_now, "", ""},
                                                  audit("api_token.create", "api_token"));
    ASSERT_TRUE(store().find_active_session("s1", m_now));
    ASSERT_TRUE(store().find_active_api_token("t1"));

    m_now = "2026-11-29T11:00:00Z";
    EXPECT_TRUE(store().disable_user(awa, m_now, audit("user.disable", "user")));
    EXPECT_FALSE(store().disable_user(awa, m_now, audit("user.disable", "user"))) << "disabled already";
    EXPECT_EQ(store().find_user(awa)->disabled_at, m_now);
    EXPECT_TRUE(store().find_user(awa)->disabled());
    EXPECT_FALSE(store().find_active_session("s1", m_now));
    EXPECT_FALSE(store().find_active_api_token("t1"));
    EXPECT_EQ(store().find_api_token(token)->revoked_at, m_now);
    EXPECT_EQ(error_kind_of([&] { store().disable_user(awa + 100, m_now, audit("user.disable", "user")); }),
              ErrorKind::NotFound);
    std::vector<std::string> actions = audit_actions();
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "user.disable"), 1)
        << "a change that changes nothing writes no audit entry";
}

TEST_P(StoreConformance, SessionsExpireAndAreRevoked) {
    std::int64_t awa = user("awa@example.org");
    SessionRecord session{"digest-1", awa, "csrf-1", m_now, m_now, "2026-11-29T22:00:00Z", "", "196.200.1.2"};
    store().create_session(session, audit("session.create", "user"));
    EXPECT_EQ(store().find_active_session("digest-1", m_now), session);
    EXPECT_TRUE(store().find_active_session("digest-1", "2026-11-29T21:59:59Z"));
    EXPECT_FALSE(store().find_active_session("digest-1", "2026-11-29T22:00:00Z")) << "expired";
    EXPECT_FALSE(store().find_active_session("digest-2", m_now));
    EXPECT_EQ(error_kind_of([&] {
                  store().create_session({"digest-x", awa + 100, "c", m_now, m_now, m_now, "", ""},
                                         audit("session.create", "user"));
              }),
              ErrorKind::NotFound);

    store().touch_session("digest-1", "2026-11-29T10:20:00Z");
    store().touch_session("digest-1", "2026-11-29T10:10:00Z");  // late writes never move it back
    EXPECT_EQ(store().find_active_session("digest-1", m_now)->last_seen_at, "2026-11-29T10:20:00Z");

    EXPECT_TRUE(store().revoke_session("digest-1", "2026-11-29T10:30:00Z", audit("session.revoke", "user")));
    EXPECT_FALSE(store().find_active_session("digest-1", m_now));
    EXPECT_FALSE(store().revoke_session("digest-1", "2026-11-29T10:31:00Z", audit("session.revoke", "user")));
    EXPECT_FALSE(store().revoke_session("unknown", "2026-11-29T10:31:00Z", audit("session.revoke", "user")));

    store().create_session({"digest-2", awa, "c2", m_now, m_now, "2026-11-29T22:00:00Z", "", ""},
                           audit("session.create", "user"));
    store().create_session({"digest-3", awa, "c3", m_now, m_now, "2026-11-29T22:00:00Z", "", ""},
                           audit("session.create", "user"));
    EXPECT_EQ(store().revoke_sessions_of(awa, m_now, audit("session.revoke-all", "user")), 2);
    EXPECT_EQ(store().revoke_sessions_of(awa, m_now, audit("session.revoke-all", "user")), 0);
    EXPECT_FALSE(store().find_active_session("digest-2", m_now));
    EXPECT_EQ(audit_actions(), (std::vector<std::string>{"user.create", "session.create", "session.revoke",
                                                         "session.create", "session.create", "session.revoke-all"}));

    // Ended sessions go; the one still usable stays, and the audit log keeps every login.
    store().create_session({"digest-4", awa, "c4", m_now, m_now, "2026-11-29T22:00:00Z", "", ""},
                           audit("session.create", "user"));
    store().create_session({"digest-5", awa, "c5", m_now, m_now, "2026-11-29T11:00:00Z", "", ""},
                           audit("session.create", "user"));
    EXPECT_EQ(store().delete_ended_sessions("2026-11-29T12:00:00Z"), 4) << "three revoked, one expired";
    EXPECT_TRUE(store().find_active_session("digest-4", "2026-11-29T12:00:00Z"));
    EXPECT_EQ(store().delete_ended_sessions("2026-11-29T12:00:00Z"), 0);
    EXPECT_EQ(audit_actions().size(), 8U);
}

TEST_P(StoreConformance, ApiTokensKeepTheirScopesAndAreRevoked) {
    std::int64_t awa = user("awa@example.org");
    std::int64_t moussa = user("moussa@example.org");
    ApiTokenRecord kobo{0, awa, "Kobo hook", "sha-kobo", {"import", "stories:read"}, m_now, "", ""};
    kobo.id = store().create_api_token(kobo, audit("api_token.create", "api_token"));
    std::int64_t other = store().create_api_token({0, moussa, "report", "sha-report", {"stories:read"}, m_now, "", ""},
                                                  audit("api_token.create", "api_token"));
    EXPECT_EQ(store().find_active_api_token("sha-kobo"), kobo);
    EXPECT_EQ(store().find_api_token(kobo.id), kobo);
    EXPECT_FALSE(store().find_api_token(other + 100));
    EXPECT_EQ(store().api_tokens().size(), 2u);
    ASSERT_EQ(store().api_tokens(moussa).size(), 1u);
    EXPECT_EQ(store().api_tokens(moussa)[0].id, other);
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(1)).at(0).target_id, std::to_string(other));
    EXPECT_EQ(error_kind_of([&] {
                  store().create_api_token({0, awa, "x", "sha-x", {"two words"}, m_now, "", ""},
                                           audit("api_token.create", "api_token"));
              }),
              ErrorKind::InvalidRequest);

    store().touch_api_token(kobo.id, "2026-11-29T10:05:00Z");
    EXPECT_EQ(store().find_api_token(kobo.id)->last_used_at, "2026-11-29T10:05:00Z");

    EXPECT_TRUE(store().revoke_api_token(kobo.id, "2026-11-29T11:00:00Z", audit("api_token.revoke", "api_token")));
    EXPECT_FALSE(store().revoke_api_token(kobo.id, "2026-11-29T11:00:00Z", audit("api_token.revoke", "api_token")));
    EXPECT_FALSE(store().revoke_api_token(other + 100, m_now, audit("api_token.revoke", "api_token")));
    EXPECT_FALSE(store().find_active_api_token("sha-kobo"));
    EXPECT_EQ(store().find_api_token(kobo.id)->revoked_at, "2026-11-29T11:00:00Z");
    EXPECT_TRUE(store().find_active_api_token("sha-report"));
}

TEST_P(StoreConformance, InvitationsAreUsedOnceAndExpire) {
    Organisation think_peace = organisation("Think Peace", "partner");
    InvitationRecord invitation{
        0, "sha-invite", "Awa@Example.org", think_peace.id, "contributor", m_now, "2026-12-06T10:00:00Z", "", 0};
    invitation.id = store().create_invitation(invitation, audit("invitation.create", "invitation"));
    EXPECT_EQ(store().find_open_invitation("sha-invite", m_now), invitation);
    EXPECT_FALSE(store().find_open_invitation("sha-invite", "2026-12-06T10:00:00Z")) << "expired";
    EXPECT_FALSE(store().find_open_invitation("sha-other", m_now));
    EXPECT_EQ(error_kind_of([&] {
                  store().create_invitation({0, "sha-2", "x@example.org", think_peace.id + 100, "viewer", m_now,
                                             "2026-12-06T10:00:00Z", "", 0},
                                            audit("invitation.create", "invitation"));
              }),
              ErrorKind::NotFound);

    // Too late: nothing is created and the invitation stays unused.
    NewUser late{"ignored@example.org", "Awa", "$argon2id$x", "2026-12-07T10:00:00Z", {}};
    EXPECT_EQ(error_kind_of([&] { store().accept_invitation("sha-invite", late, audit("invitation.accept", "user")); }),
              ErrorKind::NotFound);
    EXPECT_FALSE(store().find_user_by_email("awa@example.org"));

    NewUser in_time{"ignored@example.org", "Awa", "$argon2id$x", "2026-11-30T10:00:00Z", {{999, "coordinator"}}};
    std::int64_t awa = store().accept_invitation("sha-invite", in_time, audit("invitation.accept", "user"));
    std::optional<User> created = store().find_user(awa);
    ASSERT_TRUE(created);
    EXPECT_EQ(created->email, "Awa@Example.org") << "the invitation's address, not another";
    EXPECT_EQ(created->memberships,
              (std::vector<UserMembership>{{think_peace.id, "Think Peace", "partner", "contributor"}}));
    EXPECT_FALSE(store().find_open_invitation("sha-invite", "2026-11-30T10:00:00Z")) << "used";
    EXPECT_EQ(
        error_kind_of([&] { store().accept_invitation("sha-invite", in_time, audit("invitation.accept", "user")); }),
        ErrorKind::NotFound);
}

TEST_P(StoreConformance, OpenInvitationsAreListedAndEndWhenExpiredEarly) {
    Organisation think_peace = organisation("Think Peace", "partner");
    auto invite = [&](const std::string& digest, const std::string& email) {
        return store().create_invitation(
            {0, digest, email, think_peace.id, "viewer", m_now, "2026-12-06T10:00:00Z", "", 0},
            audit("invitation.create", "invitation"));
    };
    std::int64_t first = invite("sha-1", "a@example.org");
    std::int64_t second = invite("sha-2", "b@example.org");
    auto open = store().open_invitations(m_now);
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].id, second) << "newest first";
    EXPECT_TRUE(store().open_invitations("2026-12-06T10:00:00Z").empty()) << "expired";

    std::size_t entries = audit_actions().size();
    EXPECT_TRUE(store().expire_invitation(first, m_now, audit("invitation.revoke", "invitation")));
    EXPECT_FALSE(store().find_open_invitation("sha-1", m_now)) << "its link opens nothing any more";
    ASSERT_EQ(store().open_invitations(m_now).size(), 1u);
    EXPECT_EQ(audit_actions().size(), entries + 1);
    EXPECT_FALSE(store().expire_invitation(first, m_now, audit("invitation.revoke", "invitation")));
    EXPECT_FALSE(store().expire_invitation(second + 100, m_now, audit("invitation.revoke", "invitation")));
    EXPECT_EQ(audit_actions().size(), entries + 1) << "nothing changed, nothing written";
}

TEST_P(StoreConformance, AMembershipIsSetOncePerOrganisation) {
    Organisation hsc = organisation("HSC", "member");
    Organisation cordaid = organisation("Cordaid", "member");
    std::int64_t moussa = user("moussa@example.org", {{hsc.id, "reviewer"}});
    store().set_membership(moussa, {cordaid.id, "viewer"}, audit("user.role-set", "user"));
    store().set_membership(moussa, {hsc.id, "viewer"}, audit("user.role-set", "user"));
    EXPECT_EQ(store().find_user(moussa)->memberships,
              (std::vector<UserMembership>{{cordaid.id, "Cordaid", "member", "viewer"},
                                           {hsc.id, "HSC", "member", "viewer"}}));
    EXPECT_EQ(error_kind_of([&] {
                  store().set_membership(moussa, {cordaid.id + 100, "viewer"}, audit("x", "user"));
              }),
              ErrorKind::NotFound);
    EXPECT_EQ(error_kind_of([&] {
                  store().set_membership(moussa + 100, {cordaid.id, "viewer"}, audit("x", "user"));
              }),
              ErrorKind::NotFound);
}

TEST_P(StoreConformance, AnInvitationForATakenAddressIsNotUsedUp) {
    Organisation think_peace = organisation("Think Peace", "partner");
    user("awa@example.org");
    store().create_invitation(
        {0, "sha-invite", "AWA@example.org", think_peace.id, "viewer", m_now, "2026-12-06T10:00:00Z", "", 0},
        audit("invitation.create", "invitation"));
    NewUser account{"", "Awa", "$argon2id$x", m_now, {}};
    EXPECT_EQ(
        error_kind_of([&] { store().accept_invitation("sha-invite", account, audit("invitation.accept", "user")); }),
        ErrorKind::Conflict);
    EXPECT_TRUE(store().find_open_invitation("sha-invite", m_now));
}

TEST_P(StoreConformance, FailedLoginsAreCountedWithinTheWindow) {
    std::vector<std::string> keys = {"account:awa@example.org", "address:10.0.0.1"};
    auto failures = store().record_login_failure(keys, "2026-11-29T10:00:00Z", "2026-11-29T09:45:00Z",
                                                 audit("session.login-failed", "user"));
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[0], (LoginFailureRecord{"account:awa@example.org", 1, "2026-11-29T10:00:00Z", ""}));
    EXPECT_EQ(failures[1].key, "address:10.0.0.1");

    failures = store().record_login_failure({keys[0]}, "2026-11-29T10:05:00Z", "2026-11-29T09:50:00Z",
                                            audit("session.login-failed", "user"));
    EXPECT_EQ(failures.at(0).count, 2);
    store().lock_login(keys[0], "2026-11-29T10:06:00Z");
    EXPECT_EQ(store().login_failures(keys),
              (std::vector<LoginFailureRecord>{{keys[0], 2, "2026-11-29T10:05:00Z", "2026-11-29T10:06:00Z"},
                                               {keys[1], 1, "2026-11-29T10:00:00Z", ""}}));

    // 15 minutes after the lock ended, counting starts over.
    failures = store().record_login_failure({keys[0]}, "2026-11-29T10:22:00Z", "2026-11-29T10:07:00Z",
                                            audit("session.login-failed", "user"));
    EXPECT_EQ(failures.at(0), (LoginFailureRecord{keys[0], 1, "2026-11-29T10:22:00Z", ""}));

    store().clear_login_failures(keys[0]);
    EXPECT_EQ(store().login_failures(keys).size(), 1u);
    EXPECT_TRUE(store().login_failures({"account:nobody@example.org"}).empty());
    EXPECT_EQ(audit_actions().size(), 3u);
}

// ------------------------------------------------------------------------------------------------------------
// Audit log

TEST_P(StoreConformance, TheAuditLogReadsBackNewestFirst) {
    AuditEntry first = audit("story.export", "story", R"({"format":"pdf"})");
    first.target_id = "7";
    first.actor_user_id = user("awa@example.org");
    first.actor = "awa@example.org";
    first.address = "196.200.1.2";
    first.id = store().append_audit(first);
    AuditEntry second = audit("system.start");
    second.actor = "system";
    second.id = store().append_audit(second);

    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(10));
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].id, second.id);
    EXPECT_EQ(entries[0].action, "system.start");
    EXPECT_EQ(entries[0].actor_user_id, 0);
    EXPECT_EQ(entries[0].detail, "{}");
    EXPECT_EQ(entries[1].id, first.id);
    EXPECT_EQ(entries[1].at, m_now);
    EXPECT_EQ(entries[1].actor_user_id, first.actor_user_id);
    EXPECT_EQ(entries[1].actor, "awa@example.org");
    EXPECT_EQ(entries[1].address, "196.200.1.2");
    EXPECT_EQ(entries[1].action, "story.export");
    EXPECT_EQ(entries[1].target_type, "story");
    EXPECT_EQ(entries[1].target_id, "7");
    EXPECT_EQ(nlohmann::json::parse(entries[1].detail), nlohmann::json({{"format", "pdf"}}));
    EXPECT_EQ(entries[2].action, "user.create");
    EXPECT_EQ(entries[2].target_id, std::to_string(first.actor_user_id)) << "filled in with the created id";

    auto page = store().audit_entries({1, second.id});
    ASSERT_EQ(page.size(), 1u);
    EXPECT_EQ(page[0].id, first.id);
    EXPECT_EQ(error_kind_of([&] { store().append_audit(AuditEntry{}); }), ErrorKind::InvalidRequest);
}

TEST_P(StoreConformance, TheAuditLogIsAppendOnly) {
    store().append_audit(audit("story.export", "story"));
    EXPECT_FALSE(raw_sql_succeeds("UPDATE audit_log SET action = 'nothing'"));
    EXPECT_FALSE(raw_sql_succeeds("DELETE FROM audit_log"));
    EXPECT_TRUE(raw_sql_succeeds("SELECT count(*) FROM audit_log")) << "the raw connection itself works";
    reopen();
    ASSERT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(10)).size(), 1u);
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(10))[0].action, "story.export");
}

TEST_P(StoreConformance, StoryWritesAreAuditedWithTheStoryTheyMade) {
    SaveRequest request = request_for({.title = "Une école"});
    request.audit = audit("story.create", "story");
    std::int64_t id = store().create_story(request);

    SaveRequest imported = request_for({.title = "Importée"});
    imported.audit = audit("story.import", "story", R"({"file":"rapport.docx"})");
    std::int64_t imported_id = store().import_story(imported, {"cafe", "rapport.docx"}).story_id;
    EXPECT_FALSE(store().import_story(imported, {"cafe", "rapport.docx"}).created);

    SaveRequest stale = request_for({.title = "Perdue"});
    stale.audit = audit("story.save", "story");
    EXPECT_EQ(error_kind_of([&] { store().save_revision(id, stale, 5); }), ErrorKind::Conflict);
    EXPECT_EQ(store().save_revision(id, stale, 1), 2);
    store().set_status(id, core::WorkflowState::Submitted, audit("story.status", "story"));
    store().set_tags(id, {"paix"}, audit("story.tags", "story"));

    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(10));
    std::vector<std::pair<std::string, std::string>> seen;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        seen.emplace_back(it->action, it->target_id);
    }
    std::string story = std::to_string(id);
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::string>>{{"story.create", story},
                                                                      {"story.import", std::to_string(imported_id)},
                                                                      {"story.save", story},
                                                                      {"story.status", story},
                                                                      {"story.tags", story}}))
        << "a duplicate import and a refused save write nothing";
}

TEST_P(StoreConformance, SummariesCarryTheirOrganisationIds) {
    std::int64_t id = create({.partner = "Think Peace", .member = "HSC"});
    std::int64_t unknown = create({.partner = "", .member = ""});
    std::optional<StorySummary> summary = store().find_story(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->partner_id, store().find_organisation("Think Peace")->id);
    EXPECT_EQ(summary->member_id, store().find_organisation("HSC")->id);
    EXPECT_EQ(store().find_story(unknown)->partner_id, 0);
    EXPECT_EQ(store().find_story(unknown)->member_id, 0);
    EXPECT_EQ(store().list_stories({})[0].partner_id, summary->partner_id);
}

// ------------------------------------------------------------------------------------------------------------
// Durability

TEST_P(StoreConformance, ReopeningKeepsEverything) {
    SaveRequest request = request_for({.title = "Les femmes de Gao", .body = "La paix revient."});
    std::int64_t id = store().create_story(request);
    store().save_revision(id, request_for({.title = "Les femmes de Gao (v2)", .body = "La paix revient."}), 1);
    store().set_tags(id, {"paix"}, test_audit("story.tags"));
    store().set_status(id, core::WorkflowState::Submitted, test_audit("story.status"));
    store().put_attachment({{"abc123", "image/webp", 320, 200}, "webp bytes"});
    store().import_story(request_for({}), {"feedbeef", "x.txt"});

    reopen();
    ASSERT_TRUE(store().find_story(id));
    EXPECT_EQ(store().find_story(id)->title, "Les femmes de Gao (v2)");
    EXPECT_EQ(store().find_story(id)->status, core::WorkflowState::Submitted);
    EXPECT_EQ(store().find_story(id)->tags, std::vector<std::string>{"paix"});
    EXPECT_EQ(store().revision(id, 1).story, request.story);
    EXPECT_EQ(store().history(id).size(), 2u);
    EXPECT_EQ(store().story_count(), 2);
    EXPECT_EQ(store().find_attachment("abc123")->bytes, "webp bytes");
    EXPECT_FALSE(store().import_story(request_for({}), {"feedbeef", "x.txt"}).created);
    EXPECT_EQ(ids_of(search("femmes paix")), std::vector<std::int64_t>{id});
    EXPECT_EQ(store().organisations().size(), 2u);
}

TEST_P(StoreConformance, ReopeningKeepsAccounts) {
    Organisation hsc = organisation("HSC", "member");
    Organisation think_peace = organisation("Think Peace", "partner", {hsc.id});
    std::int64_t awa = user("awa@example.org", {{think_peace.id, "contributor"}});
    store().create_session({"s1", awa, "c1", m_now, m_now, "2026-11-29T22:00:00Z", "", ""},
                           audit("session.create", "user"));
    store().create_api_token({0, awa, "kobo", "t1", {"import"}, m_now, "", ""}, audit("api_token.create", "api_token"));

    reopen();
    EXPECT_EQ(store().find_user_by_email("AWA@example.org")->memberships.at(0).organisation_id, think_peace.id);
    EXPECT_TRUE(store().find_active_session("s1", m_now));
    EXPECT_TRUE(store().find_active_api_token("t1"));
    EXPECT_EQ(store().partner_links(), (std::vector<PartnerLink>{{hsc.id, think_peace.id}}));
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(10)).size(), 5u);
}

TEST_P(StoreConformance, WebhooksKeepTheirSecretAndAreAuditedWithoutIt) {
    std::int64_t coordinator = user("coordinator@example.org");
    WebhookSubscription hook{0,
                             "https://hooks.example.org/in",
                             {"story.created", "story.transitioned"},
                             "the-secret",
                             true,
                             coordinator,
                             m_now,
                             ""};
    hook.id =
        store().create_webhook(hook, audit("webhook.create", "webhook", R"({"url": "https://hooks.example.org/in"})"));
    std::int64_t cli_hook = store().create_webhook(
        {0, "http://127.0.0.1:9/h", {"story.updated"}, "s2", true, 0, m_now, ""}, audit("webhook.create", "webhook"));
    EXPECT_EQ(store().find_webhook(hook.id), hook) << "the secret must come back: deliveries are signed with it";
    EXPECT_FALSE(store().find_webhook(cli_hook + 100));
    ASSERT_EQ(store().webhooks().size(), 2u);
    EXPECT_EQ(store().webhooks()[1].created_by, 0) << "from the command line";
    auto entries = store().audit_entries(storybank::store::AuditQuery::newest(2));
    EXPECT_EQ(entries.at(1).target_id, std::to_string(hook.id));
    for (const auto& entry : entries) {
        EXPECT_EQ(entry.detail.find("secret"), std::string::npos) << entry.detail;
    }
    EXPECT_EQ(error_kind_of([&] {
                  store().create_webhook({0, "", {"story.created"}, "s", true, 0, m_now, ""}, audit("webhook.create"));
              }),
              ErrorKind::InvalidRequest);
    EXPECT_EQ(error_kind_of([&] {
                  store().create_webhook({0, "http://x.org/", {}, "s", true, 0, m_now, ""}, audit("webhook.create"));
              }),
              ErrorKind::InvalidRequest);
    // A broken audit entry: the subscription is not stored either.
    EXPECT_ANY_THROW(store().create_webhook({0, "http://x.org/", {"story.created"}, "s", true, 0, m_now, ""},
                                            audit("webhook.create", "webhook", "[1]")));
    EXPECT_EQ(store().webhooks().size(), 2u);
}

TEST_P(StoreConformance, WebhookEventsGoOnlyToActiveSubscribers) {
    std::int64_t created = store().create_webhook({0, "http://a.example/", {"story.created"}, "a", true, 0, m_now, ""},
                                                  audit("webhook.create", "webhook"));
    std::int64_t all = store().create_webhook(
        {0, "http://b.example/", {"story.created", "story.updated", "story.transitioned"}, "b", true, 0, m_now, ""},
        audit("webhook.create", "webhook"));
    std::int64_t prefix = store().create_webhook({0, "http://c.example/", {"story.update"}, "c", true, 0, m_now, ""},
                                                 audit("webhook.create", "webhook"));
    EXPECT_EQ(store().enqueue_webhook_event("story.created", "evt_1", R"({"id":"evt_1"})", m_now), 2);
    EXPECT_EQ(store().enqueue_webhook_event("story.updated", "evt_2", R"({"id":"evt_2"})", m_now), 1)
        << "events are whole words: story.update does not match story.updated";
    EXPECT_EQ(store().enqueue_webhook_event("story.updated", "evt_2", R"({"id":"evt_2"})", m_now), 0)
        << "an event is queued once per subscription";
    EXPECT_TRUE(store().disable_webhook(created, m_now, audit("webhook.disable", "webhook")));
    EXPECT_FALSE(store().disable_webhook(created, m_now, audit("webhook.disable", "webhook"))) << "disabled already";
    EXPECT_EQ(error_kind_of([&] { store().disable_webhook(all + 100, m_now, audit("webhook.disable", "webhook")); }),
              ErrorKind::NotFound);
    EXPECT_EQ(store().enqueue_webhook_event("story.created", "evt_3", "{}", m_now), 1);
    EXPECT_FALSE(store().find_webhook(created)->active);

    // The disabled subscription's pending delivery is given up, not left waiting.
    auto failed = store().webhook_deliveries({created, true, 50, 0});
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].state, DeliveryState::Failed);
    EXPECT_EQ(store().webhook_deliveries({prefix, false, 50, 0}).size(), 0u);
    auto due = store().due_webhook_deliveries(m_now, 10);
    ASSERT_EQ(due.size(), 3u);
    for (const auto& delivery : due) {
        EXPECT_EQ(delivery.subscription_id, all);
        EXPECT_EQ(delivery.url, "http://b.example/");
        EXPECT_EQ(delivery.secret, "b");
    }
    EXPECT_EQ(due[0].event_id, "evt_1") << "oldest first";
    EXPECT_EQ(due[0].payload, R"({"id":"evt_1"})");
}

TEST_P(StoreConformance, WebhookAttemptsAreCountedAndScheduled) {
    std::int64_t hook = store().create_webhook({0, "http://a.example/", {"story.created"}, "a", true, 0, m_now, ""},
                                               audit("webhook.create", "webhook"));
    ASSERT_EQ(store().enqueue_webhook_event("story.created", "evt_1", "{}", m_now), 1);
    EXPECT_EQ(store().next_webhook_attempt_at(), m_now);
    std::int64_t id = store().due_webhook_deliveries(m_now, 10).at(0).id;

    store().record_webhook_attempt({id, DeliveryState::Pending, m_now, "2026-11-29T10:00:30Z", 500, "HTTP 500"});
    EXPECT_TRUE(store().due_webhook_deliveries(m_now, 10).empty()) << "not due before its next attempt";
    EXPECT_EQ(store().next_webhook_attempt_at(), "2026-11-29T10:00:30Z");
    auto retried = store().due_webhook_deliveries("2026-11-29T10:00:30Z", 10);
    ASSERT_EQ(retried.size(), 1u);
    EXPECT_EQ(retried[0].attempts, 1);
    EXPECT_EQ(retried[0].last_status, 500);
    EXPECT_EQ(retried[0].last_error, "HTTP 500");

    store().record_webhook_attempt({id, DeliveryState::Delivered, "2026-11-29T10:00:31Z", "", 204, ""});
    auto log = store().webhook_deliveries({hook, false, 50, 0});
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].state, DeliveryState::Delivered);
    EXPECT_EQ(log[0].attempts, 2);
    EXPECT_EQ(log[0].delivered_at, "2026-11-29T10:00:31Z");
    EXPECT_EQ(log[0].last_error, "");
    EXPECT_EQ(log[0].next_attempt_at, "");
    EXPECT_FALSE(store().next_webhook_attempt_at());
    EXPECT_TRUE(store().webhook_deliveries({hook, true, 50, 0}).empty()) << "delivered is not failed";
    EXPECT_EQ(error_kind_of([&] {
                  store().record_webhook_attempt({id + 100, DeliveryState::Failed, m_now, "", 0, "x"});
              }),
              ErrorKind::NotFound);
}

TEST_P(StoreConformance, ReopeningKeepsTheWebhookOutbox) {
    std::int64_t hook = store().create_webhook({0, "http://a.example/", {"story.created"}, "a", true, 0, m_now, ""},
                                               audit("webhook.create", "webhook"));
    store().enqueue_webhook_event("story.created", "evt_1", R"({"a":1})", m_now);
    reopen();
    auto due = store().due_webhook_deliveries(m_now, 10);
    ASSERT_EQ(due.size(), 1u) << "a restart loses nothing";
    EXPECT_EQ(due[0].subscription_id, hook);
    EXPECT_EQ(due[0].payload, R"({"a":1})");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::Values(Backend::Sqlite), backend_name);

}  // namespace
}  // namespace storybank::store
