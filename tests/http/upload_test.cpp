// Uploads over a real socket: a Word story becomes a draft with its problems, a photo joins a story without its
// metadata, photos are served only to those who may see them.
#include "consortium.hpp"

#include <gtest/gtest.h>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;
using Json = nlohmann::json;

constexpr const char* kStoryWithoutPartner =
    "Nom et fonction de l'auteur : Moussa KEITA, animateur\n"
    "Contact de l'auteur : +223 76 00 00 02\n"
    "Localité : Mopti, Mali\n"
    "Titre : La digue de Mopti\n"
    "Introduction\nLes champs étaient inondés chaque année.\n"
    "Description de la solution\nUne digue a été construite avec les villages.\n"
    "Changement apporté\nLa récolte est sauvée.\n";

class UploadTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>("upload-test");
        s_consortium = std::make_unique<Consortium>(*s_server);
    }
    static void TearDownTestSuite() {
        s_consortium.reset();
        s_server.reset();
    }

    static httplib::Result upload(const std::string& path,
                                  const Credentials& credentials,
                                  httplib::MultipartFormDataItems items,
                                  const std::string& if_match = "") {
        httplib::Headers headers = credentials.headers();
        if (!if_match.empty()) {
            headers.emplace("If-Match", if_match);
        }
        return s_server->client().Post(path, headers, items);
    }
    static int status_of(const httplib::Result& result) { return result ? result->status : 0; }
    static std::string data(const std::string& path) {
        return storybank::testing::read_bytes(storybank::testing::source_dir() + "/" + path);
    }

    static inline std::unique_ptr<TestServer> s_server;
    static inline std::unique_ptr<Consortium> s_consortium;
};

TEST_F(UploadTest, AWordStoryBecomesADraftWithItsProblems) {
    std::string docx = data("tests/golden/parse/english-word-kaya.docx");
    const Credentials& coordinator = s_consortium->as("coordinator@lead.org");
    auto result = upload("/api/v1/documents", coordinator,
                         {{"file", docx, "C:\\Users\\awa\\kaya.docx",
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}});
    ASSERT_EQ(status_of(result), 201) << (result ? result->body : "");
    Json body = Json::parse(result->body);
    EXPECT_TRUE(body["created"].get<bool>());
    EXPECT_EQ(body["story"]["fields"]["partner_ngo"], "Association Zood-Nooma");
    EXPECT_TRUE(body["story"].contains("problems"));
    std::int64_t id = body["story_id"];
    EXPECT_EQ(result->get_header_value("Location"), "/api/v1/stories/" + std::to_string(id));

    // The same bytes again: the same story, nothing new.
    auto again = upload("/api/v1/documents", coordinator, {{"file", docx, "kaya-copie.docx", ""}});
    ASSERT_EQ(status_of(again), 200);
    EXPECT_FALSE(Json::parse(again->body)["created"].get<bool>());
    EXPECT_EQ(Json::parse(again->body)["story_id"], id);

    // A partner's writer may not file a story for another NGO, nor learn whose the file was.
    const Credentials& writer = s_consortium->as("writer@thinkpeace.org");
    auto refused = upload("/api/v1/documents", writer, {{"file", docx, "kaya.docx", ""}});
    EXPECT_EQ(status_of(refused), 403) << refused->body;
    EXPECT_EQ(refused->body.find("Zood"), std::string::npos);
}

TEST_F(UploadTest, AWritersUploadIsFiledUnderTheirNgo) {
    const Credentials& writer = s_consortium->as("writer@thinkpeace.org");
    auto result = upload("/api/v1/documents", writer, {{"file", kStoryWithoutPartner, "mopti.txt", "text/plain"}});
    ASSERT_EQ(status_of(result), 201) << result->body;
    EXPECT_EQ(Json::parse(result->body)["story"]["fields"]["partner_ngo"], "Think Peace");
    EXPECT_EQ(status_of(upload("/api/v1/documents", {}, {{"file", kStoryWithoutPartner, "mopti.txt", ""}})), 401);
}

TEST_F(UploadTest, BadUploadsAreRefusedByName) {
    const Credentials& writer = s_consortium->as("writer@thinkpeace.org");
    auto damaged =
        upload("/api/v1/documents", writer, {{"file", std::string("PK\x03\x04 broken", 11), "rapport.docx", ""}});
    ASSERT_EQ(status_of(damaged), 422);
    EXPECT_NE(Json::parse(damaged->body)["message"].get<std::string>().find("rapport.docx"), std::string::npos);
    auto no_file = upload("/api/v1/documents", writer, {{"other", "x", "", ""}});
    EXPECT_EQ(status_of(no_file), 400);
    auto json_instead = s_server->client().Post("/api/v1/documents", writer.headers(), "{}", "application/json");
    EXPECT_EQ(status_of(json_instead), 400);
}

TEST_F(UploadTest, APhotoJoinsTheStoryWithoutItsMetadata) {
    std::int64_t id = s_consortium->write("writer@thinkpeace.org", "Le jardin de Kayes");
    const Credentials& writer = s_consortium->as("writer@thinkpeace.org");
    std::string jpeg = data("tests/data/photos/gps-orientation-6.jpg");
    ASSERT_NE(jpeg.find("GPS"), std::string::npos) << "the fixture carries GPS tags";
    std::string path = "/api/v1/stories/" + std::to_string(id) + "/photos";
    httplib::MultipartFormDataItems items = {{"file", jpeg, "jardin.jpg", "image/jpeg"},
                                             {"caption", "Les femmes au jardin", "", ""},
                                             {"consent", "false", "", ""}};
    EXPECT_EQ(status_of(upload(path, writer, items)), 428) << "a photo is a change: it names the revision";
    auto added = upload(path, writer, items, "\"1\"");
    ASSERT_EQ(status_of(added), 201) << added->body;
    EXPECT_EQ(added->get_header_value("ETag"), "\"2\"");
    Json photo = Json::parse(added->body)["fields"]["photos"][0];
    EXPECT_EQ(photo["caption"], "Les femmes au jardin");
    std::string sha = photo["attachment"]["sha256"];

    auto bytes = s_server->client().Get(path + "/" + sha, writer.headers());
    ASSERT_EQ(status_of(bytes), 200);
    EXPECT_EQ(bytes->get_header_value("Content-Type"), "image/jpeg");
    EXPECT_EQ(bytes->body.find("GPS"), std::string::npos) << "location stripped";
    EXPECT_EQ(bytes->body.find("Exif"), std::string::npos) << "no metadata at all";
    auto small = s_server->client().Get(path + "/" + sha + "?size=thumbnail", writer.headers());
    ASSERT_EQ(status_of(small), 200);
    EXPECT_LE(small->body.size(), bytes->body.size()) << "a photo this small is its own thumbnail";

    // Published, the photo without consent stays private: the public gets neither the photo nor its caption.
    EXPECT_EQ(s_consortium->move("writer@thinkpeace.org", id, "submitted"), 200);
    EXPECT_EQ(s_consortium->move("reviewer@hsc.org", id, "approved"), 200);
    EXPECT_EQ(s_consortium->move("coordinator@lead.org", id, "published"), 200);
    EXPECT_EQ(status_of(s_server->client().Get(path + "/" + sha)), 404);
    auto public_story = s_server->client().Get("/api/v1/stories/" + std::to_string(id));
    ASSERT_EQ(status_of(public_story), 200);
    EXPECT_EQ(public_story->body.find("Les femmes au jardin"), std::string::npos);
    EXPECT_EQ(status_of(s_server->client().Get(path + "/" + sha, writer.headers())), 200);

    auto not_a_photo = upload(
        "/api/v1/stories/" + std::to_string(s_consortium->write("writer@thinkpeace.org", "Sans photo")) + "/photos",
        writer, {{"file", "not an image at all", "notes.jpg", "image/jpeg"}}, "\"1\"");
    ASSERT_EQ(status_of(not_a_photo), 422);
    EXPECT_NE(Json::parse(not_a_photo->body)["message"].get<std::string>().find("notes.jpg"), std::string::npos);
}

}  // namespace
