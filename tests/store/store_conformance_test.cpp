// The behaviour every Store backend must have. One suite, value-parameterised over backends (only SQLite for now);
// a backend that cannot pass a case lists it with a reason in backend_skips.json. Each test gets a fresh data
// folder, kept when the test fails. Backend-specific cases (locking, damaged files, schema versions) live beside
// the backend, e.g. src/store/sqlite/sqlite_store_test.cpp.
#include "core/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
    EXPECT_EQ(error_kind_of([&] { store().set_status(id + 100, core::WorkflowState::Approved); }), ErrorKind::NotFound);
    EXPECT_EQ(error_kind_of([&] { store().set_tags(id + 100, {"paix"}); }), ErrorKind::NotFound);
    std::string message;
    EXPECT_EQ(error_kind_of([&] { store().revision(id, 7); }, &message), ErrorKind::NotFound);
    EXPECT_NE(message.find("revision 7"), std::string::npos) << message;
    EXPECT_EQ(store().story_count(), 1);
}

TEST_P(StoreConformance, StatusChangesAreStoredAndFiltered) {
    std::int64_t draft = create({});
    std::int64_t approved = create({});
    m_now = "2026-12-02T09:00:00Z";
    store().set_status(approved, core::WorkflowState::Approved);
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
    store().set_tags(tagged, {"paix", "femmes", "paix", " "});
    EXPECT_EQ(store().find_story(tagged)->tags, (std::vector<std::string>{"femmes", "paix"}));
    EXPECT_TRUE(store().find_story(untagged)->tags.empty());

    ListQuery query;
    query.filter.tag = "paix";
    EXPECT_EQ(ids_of(store().list_stories(query)), std::vector<std::int64_t>{tagged});

    store().set_tags(tagged, {"éducation"});
    EXPECT_EQ(store().find_story(tagged)->tags, std::vector<std::string>{"éducation"});
    EXPECT_TRUE(store().list_stories(query).empty());
    store().set_tags(tagged, {});
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
    store().set_tags(niger, {"jeunesse"});
    store().set_status(mali, core::WorkflowState::Published);

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
// Durability

TEST_P(StoreConformance, ReopeningKeepsEverything) {
    SaveRequest request = request_for({.title = "Les femmes de Gao", .body = "La paix revient."});
    std::int64_t id = store().create_story(request);
    store().save_revision(id, request_for({.title = "Les femmes de Gao (v2)", .body = "La paix revient."}), 1);
    store().set_tags(id, {"paix"});
    store().set_status(id, core::WorkflowState::Submitted);
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

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::Values(Backend::Sqlite), backend_name);

}  // namespace
}  // namespace storybank::store
