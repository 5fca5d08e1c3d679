// StoryService with accounts: imports and creations are audited with their actor, and story_for() shows each
// reader what docs/authorization.md allows.
#include "core/error.hpp"
#include "service/story_file_reader.hpp"
#include "service/story_service.hpp"
#include "service/template_catalog.hpp"
#include "service_fixture.hpp"

namespace storybank::service {
namespace {

class StoryAccessTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        m_stories = std::make_unique<StoryService>(store(), m_templates, m_clock, m_reader);
        Actor cli = Actor::command_line();
        ASSERT_TRUE(accounts().add_organisation(cli, "Consortium", "lead", {}).ok());
        ASSERT_TRUE(accounts().add_organisation(cli, "HSC", "member", {}).ok());
        ASSERT_TRUE(accounts().add_organisation(cli, "Cordaid", "member", {}).ok());
        ASSERT_TRUE(accounts().add_organisation(cli, "Think Peace", "partner", {"Cordaid"}).ok());
        ASSERT_TRUE(accounts().add_organisation(cli, "Réseau Femmes", "partner", {"HSC"}).ok());
        auto author = accounts().add_user(cli, {"awa@example.org", "Awa", kPassword, "Think Peace", "contributor"});
        ASSERT_TRUE(author.ok());
        m_author = *author.value;
    }

    /// A story of Think Peace (partner) and HSC (member), with a contact that only some may see.
    std::int64_t think_peace_story() {
        core::Story story;
        story.template_id = "success-story";
        story.language = "fr";
        story.set("title", std::string("Les femmes de Gao"));
        story.set("partner_ngo", std::string("Think Peace"));
        story.set("consortium_member", std::string("HSC"));
        story.set("contact", core::Contact{{"+22376000000"}, {"awa@example.org"}});
        return m_stories->create_story(story, Actor(m_author, "awa@example.org", "10.0.0.1"), "written online");
    }

    auth::Subject subject(const std::string& email, const std::string& organisation, const std::string& role) {
        auto added = accounts().add_user(Actor::command_line(), {email, "", kPassword, organisation, role});
        EXPECT_TRUE(added.ok()) << email;
        return accounts().subject_of(*store().find_user(*added.value));
    }

    static store::AuditEntry status_audit() {
        store::AuditEntry entry;
        entry.at = format_iso8601(kStart);
        entry.actor = "cli";
        entry.action = "story.status";
        entry.target_type = "story";
        return entry;
    }

    static bool has_contact(const core::Revision& revision) { return revision.story.find("contact") != nullptr; }

    template <typename Function>
    static bool not_found(Function&& function) {
        try {
            function();
        } catch (const Error& error) {
            return error.kind() == ErrorKind::NotFound;
        }
        return false;
    }

    TemplateCatalog m_templates = TemplateCatalog::load();
    StoryFileReader m_reader{m_templates};
    std::unique_ptr<StoryService> m_stories;
    std::int64_t m_author = 0;
};

TEST_F(StoryAccessTest, CreationsAndImportsAreAuditedWithTheirActor) {
    std::int64_t id = think_peace_story();
    auto entry = store().audit_entries(storybank::store::AuditQuery::newest(1)).at(0);
    EXPECT_EQ(entry.action, "story.create");
    EXPECT_EQ(entry.target_id, std::to_string(id));
    EXPECT_EQ(entry.actor, "awa@example.org");
    EXPECT_EQ(entry.actor_user_id, m_author);
    EXPECT_EQ(entry.address, "10.0.0.1");
    EXPECT_EQ(store().history(id).at(0).author, "awa@example.org");

    std::string text =
        "Titre : Un puits à Mopti\nIntroduction : Le village manquait d'eau.\nDescription de la solution : Un "
        "puits.\nChangement apporté : De l'eau.\n";
    auto report = m_stories->import_file({"puits.txt", text}, "", "cli");
    ASSERT_TRUE(report.created);
    auto imported = store().audit_entries(storybank::store::AuditQuery::newest(1)).at(0);
    EXPECT_EQ(imported.action, "story.import");
    EXPECT_EQ(imported.actor, "cli");
    EXPECT_EQ(imported.actor_user_id, 0);
    EXPECT_EQ(imported.target_id, std::to_string(report.story_id));
    EXPECT_NE(imported.detail.find("\"file\":\"puits.txt\""), std::string::npos) << imported.detail;

    std::size_t entries = store().audit_entries(storybank::store::AuditQuery::newest(100)).size();
    EXPECT_FALSE(m_stories->import_file({"puits.txt", text}, "", "cli").created);
    EXPECT_EQ(store().audit_entries(storybank::store::AuditQuery::newest(100)).size(), entries)
        << "a file imported before changes nothing";
}

TEST_F(StoryAccessTest, EachReaderSeesWhatTheMatrixAllows) {
    std::int64_t id = think_peace_story();
    auth::Subject contributor = subject("c@tp.org", "Think Peace", "contributor");
    auth::Subject outsider = subject("c@rf.org", "Réseau Femmes", "contributor");
    auth::Subject own_reviewer = subject("r@hsc.org", "HSC", "reviewer");
    auth::Subject partner_reviewer = subject("r@cordaid.org", "Cordaid", "reviewer");
    auth::Subject coordinator = subject("admin@consortium.org", "Consortium", "coordinator");
    auth::Subject viewer = subject("donor@example.org", "HSC", "viewer");
    auth::Subject anonymous;

    // A draft: its authors and the coordinators only.
    EXPECT_TRUE(has_contact(m_stories->story_for(contributor, id)));
    EXPECT_TRUE(has_contact(m_stories->story_for(coordinator, id)));
    for (const auth::Subject* reader : {&outsider, &own_reviewer, &partner_reviewer, &viewer, &anonymous}) {
        EXPECT_TRUE(not_found([&] { m_stories->story_for(*reader, id); }));
    }
    EXPECT_TRUE(not_found([&] { m_stories->story_for(coordinator, id + 100); }));

    // Submitted: the reviewers of HSC (its member) and of Cordaid (works with Think Peace) see it all.
    store().set_status(id, core::WorkflowState::Submitted, status_audit());
    EXPECT_TRUE(has_contact(m_stories->story_for(own_reviewer, id)));
    EXPECT_TRUE(has_contact(m_stories->story_for(partner_reviewer, id)));
    EXPECT_TRUE(not_found([&] { m_stories->story_for(viewer, id); }));

    // Published: everyone, personal data removed for those without see-personal-data.
    store().set_status(id, core::WorkflowState::Published, status_audit());
    for (const auth::Subject* reader : {&outsider, &viewer, &anonymous}) {
        core::Revision seen = m_stories->story_for(*reader, id);
        EXPECT_FALSE(has_contact(seen));
        EXPECT_NE(seen.story.find("title"), nullptr);
    }
    EXPECT_TRUE(has_contact(m_stories->story_for(partner_reviewer, id)));

    // A public reader gets the published revision, not the ones before it.
    EXPECT_TRUE(not_found([&] { m_stories->story_for(anonymous, id, 2); }));
    EXPECT_NO_THROW(m_stories->story_for(anonymous, id, 1));
}

TEST_F(StoryAccessTest, PublicReadersSeeNoTestimonyOrPhotoWithoutConsent) {
    core::Story story;
    story.template_id = "success-story";
    story.language = "fr";
    story.set("title", std::string("Les femmes de Gao"));
    story.set("lessons", std::string("Les ateliers ont aidé. « Nous parlons enfin » **Awa KONÉ**, animatrice. Fin."));
    story.set("quotes", core::QuoteList{{"Nous parlons enfin", "Awa KONÉ", "animatrice", false},
                                        {"Merci", "Oumar DIALLO", "maire", true}});
    story.set("photos", core::PhotoList{{"Atelier", std::nullopt, false}, {"Marché", std::nullopt, true}});
    std::int64_t id = m_stories->create_story(story, Actor(m_author, "awa@example.org", "10.0.0.1"), "online");
    store().set_status(id, core::WorkflowState::Published, status_audit());

    core::Revision seen = m_stories->story_for(auth::Subject{}, id);
    const auto* quotes = std::get_if<core::QuoteList>(seen.story.find("quotes"));
    ASSERT_NE(quotes, nullptr);
    ASSERT_EQ(quotes->size(), 1u);
    EXPECT_EQ(quotes->front().speaker, "Oumar DIALLO");
    const auto* photos = std::get_if<core::PhotoList>(seen.story.find("photos"));
    ASSERT_NE(photos, nullptr);
    ASSERT_EQ(photos->size(), 1u);
    EXPECT_EQ(photos->front().caption, "Marché");
    std::string lessons(seen.story.text("lessons"));
    EXPECT_EQ(lessons.find("KONÉ"), std::string::npos) << lessons;
    EXPECT_EQ(lessons.find("parlons"), std::string::npos) << lessons;
    EXPECT_NE(lessons.find("Fin."), std::string::npos) << lessons;
}

TEST_F(StoryAccessTest, FactsComeFromTheSummary) {
    std::int64_t id = think_peace_story();
    auth::StoryFacts facts = story_facts(*store().find_story(id));
    EXPECT_EQ(facts.partner_id, store().find_organisation("Think Peace")->id);
    EXPECT_EQ(facts.member_id, store().find_organisation("HSC")->id);
    EXPECT_EQ(facts.status, core::WorkflowState::Draft);
}

}  // namespace
}  // namespace storybank::service
