// Story documents, booklets and data exports over a real socket, each checked with the rights of its caller:
// what a caller may not see is not in it, and personal data only for those who may see stories as written.
#include "consortium.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;

class DocumentRoutesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_server = std::make_unique<TestServer>("document-routes-test");
        s_consortium = std::make_unique<Consortium>(*s_server);
        s_draft = s_consortium->write("writer@thinkpeace.org", "Brouillon du puits de Ségou");
        // Published after an edit, so that it has an earlier revision that only its writers' side may read.
        s_published = s_consortium->write("writer@thinkpeace.org", "Le dialogue de Mopti");
        auto edited =
            s_server->client().Put("/api/v1/stories/" + std::to_string(s_published),
                                   with_if_match(s_consortium->as("writer@thinkpeace.org").headers(), "\"1\""),
                                   Consortium::story_json("Le dialogue de Mopti publié"), "application/json");
        EXPECT_TRUE(edited && edited->status == 200) << (edited ? edited->body : "no answer");
        EXPECT_EQ(s_consortium->move("writer@thinkpeace.org", s_published, "submitted"), 200);
        EXPECT_EQ(s_consortium->move("reviewer@hsc.org", s_published, "approved"), 200);
        EXPECT_EQ(s_consortium->move("coordinator@lead.org", s_published, "published"), 200);
        s_other = s_consortium->write("writer@autre.org", "Brouillon d'une autre ONG", "Autre ONG");
    }
    static void TearDownTestSuite() {
        s_consortium.reset();
        s_server.reset();
    }
    static httplib::Headers with_if_match(httplib::Headers headers, const std::string& etag) {
        headers.emplace("If-Match", etag);
        return headers;
    }
    static int status_of(const httplib::Result& result) { return result ? result->status : 0; }
    static httplib::Result get(const std::string& path, const std::string& email = "") {
        Credentials credentials = email.empty() ? Credentials{} : s_consortium->as(email);
        return s_server->client().Get(path, credentials.headers());
    }
    static std::string story_path(std::int64_t id, const std::string& query) {
        return "/api/v1/stories/" + std::to_string(id) + "/export?" + query;
    }
    /// The text of a PDF as pdftotext reads it.
    static std::string pdf_text(const std::string& pdf) {
        std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("storybank-document-routes-" + std::to_string(::getpid()) + ".pdf");
        std::ofstream(file, std::ios::binary) << pdf;
        std::string text;
        FILE* pipe = popen(("pdftotext -enc UTF-8 '" + file.string() + "' -").c_str(), "r");
        std::array<char, 4096> buffer{};
        for (std::size_t got = 0; pipe != nullptr && (got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
            text.append(buffer.data(), got);
        }
        EXPECT_EQ(pipe != nullptr ? pclose(pipe) : -1, 0) << "pdftotext could not read the PDF";
        std::filesystem::remove(file);
        return text;
    }
    static std::string id_text(std::int64_t id) { return std::to_string(id); }
    /// The booklet selection of both stories, the published one first.
    static std::string both_ids() { return "&id=" + id_text(s_published) + "&id=" + id_text(s_draft); }

    static inline std::unique_ptr<TestServer> s_server;
    static inline std::unique_ptr<Consortium> s_consortium;
    static inline std::int64_t s_draft = 0;
    static inline std::int64_t s_published = 0;
    static inline std::int64_t s_other = 0;
};

TEST_F(DocumentRoutesTest, TheWriterDownloadsTheirStoryAsPdfWithTheContactUnlessPublic) {
    auto pdf = get(story_path(s_draft, "format=pdf"), "writer@thinkpeace.org");
    ASSERT_EQ(status_of(pdf), 200) << (pdf ? pdf->body : "");
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->get_header_value("Content-Disposition"),
              "attachment; filename=\"story-" + id_text(s_draft) + ".pdf\"");
    ASSERT_TRUE(pdf->body.starts_with("%PDF-"));
    std::string text = pdf_text(pdf->body);
    EXPECT_NE(text.find("Brouillon du puits de Ségou"), std::string::npos) << text;
    EXPECT_NE(text.find("awa@example.org"), std::string::npos) << "the writer may see the contact";

    auto public_pdf = get(story_path(s_draft, "format=pdf&public=true"), "writer@thinkpeace.org");
    ASSERT_EQ(status_of(public_pdf), 200);
    std::string public_text = pdf_text(public_pdf->body);
    EXPECT_NE(public_text.find("Brouillon du puits de Ségou"), std::string::npos);
    EXPECT_EQ(public_text.find("awa@example.org"), std::string::npos) << public_text;
    EXPECT_EQ(public_text.find("76000001"), std::string::npos) << public_text;
}

TEST_F(DocumentRoutesTest, EachFormatHasItsMediaTypeAndLanguage) {
    struct Case {
        const char* format;
        const char* media_type;
        const char* start;
    };
    for (const Case& c :
         {Case{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
          Case{"md", "text/markdown; charset=utf-8", "# Brouillon du puits"},
          Case{"html", "text/html; charset=utf-8", "<!DOCTYPE html>"}, Case{"json", "application/json", "{"}}) {
        auto answer = get(story_path(s_draft, std::string("format=") + c.format), "writer@thinkpeace.org");
        ASSERT_EQ(status_of(answer), 200) << c.format << ": " << (answer ? answer->body : "");
        EXPECT_TRUE(answer->get_header_value("Content-Type").starts_with(c.media_type))
            << c.format << ": " << answer->get_header_value("Content-Type");
        EXPECT_TRUE(answer->body.starts_with(c.start)) << c.format << ": " << answer->body.substr(0, 80);
    }
    auto english = get(story_path(s_draft, "format=md&lang=en"), "writer@thinkpeace.org");
    auto french = get(story_path(s_draft, "format=md&lang=fr"), "writer@thinkpeace.org");
    ASSERT_EQ(status_of(english), 200);
    ASSERT_EQ(status_of(french), 200);
    EXPECT_NE(english->body, french->body) << "labels follow ?lang=";

    auto unknown = get(story_path(s_draft, "format=odt"), "writer@thinkpeace.org");
    ASSERT_EQ(status_of(unknown), 400);
    EXPECT_NE(unknown->body.find("odt"), std::string::npos) << unknown->body;
    EXPECT_EQ(status_of(get(story_path(s_draft, "format=md&lang=de"), "writer@thinkpeace.org")), 400);
    EXPECT_EQ(status_of(get(story_path(s_draft, "format=pdf&paper=a5"), "writer@thinkpeace.org")), 400);
}

TEST_F(DocumentRoutesTest, WhoMayNotSeeAStoryCannotDownloadIt) {
    EXPECT_EQ(status_of(get(story_path(s_draft, "format=md"))), 404) << "anonymous, a draft";
    EXPECT_EQ(status_of(get(story_path(s_draft, "format=md"), "reviewer@cordaid.org")), 404) << "another member";
    EXPECT_EQ(status_of(get(story_path(s_draft, "format=md"), "donor@bailleur.org")), 404) << "a donor, a draft";
    EXPECT_EQ(status_of(get(story_path(s_other, "format=md"), "writer@thinkpeace.org")), 404) << "another NGO";
    EXPECT_EQ(status_of(get(story_path(999999, "format=md"), "coordinator@lead.org")), 404);

    for (const std::string& reader : {std::string(), std::string("donor@bailleur.org")}) {
        auto published = get(story_path(s_published, "format=md"), reader);
        ASSERT_EQ(status_of(published), 200) << reader;
        EXPECT_NE(published->body.find("Le dialogue de Mopti publié"), std::string::npos);
        EXPECT_EQ(published->body.find("awa@example.org"), std::string::npos) << reader << ": " << published->body;
        EXPECT_EQ(status_of(get(story_path(s_published, "format=md&revision=1"), reader)), 404)
            << "earlier revisions are for those who see the story as written";
    }
    auto coordinator = get(story_path(s_published, "format=md"), "coordinator@lead.org");
    ASSERT_EQ(status_of(coordinator), 200);
    EXPECT_NE(coordinator->body.find("awa@example.org"), std::string::npos);
}

TEST_F(DocumentRoutesTest, ABookletHoldsWhatItsReaderMaySeeAndPersonalDataOnlyWhenAllowed) {
    std::string ids = both_ids();
    auto booklet = get("/api/v1/booklet?title=Rapport%202026" + ids, "coordinator@lead.org");
    ASSERT_EQ(status_of(booklet), 200) << (booklet ? booklet->body : "");
    EXPECT_EQ(booklet->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(booklet->get_header_value("Content-Disposition"), "attachment; filename=\"booklet-2026-11-29.pdf\"");
    EXPECT_EQ(std::stoul(booklet->get_header_value("Content-Length")), booklet->body.size());
    std::string text = pdf_text(booklet->body);
    EXPECT_NE(text.find("Rapport 2026"), std::string::npos);
    EXPECT_NE(text.find("Le dialogue de Mopti publié"), std::string::npos);
    EXPECT_NE(text.find("Brouillon du puits de Ségou"), std::string::npos);
    EXPECT_EQ(text.find("awa@example.org"), std::string::npos) << "public unless asked";

    auto personal = get("/api/v1/booklet?title=Interne&personal_data=include" + ids, "coordinator@lead.org");
    ASSERT_EQ(status_of(personal), 200);
    EXPECT_NE(pdf_text(personal->body).find("awa@example.org"), std::string::npos);

    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X" + ids)), 404) << "a draft named to an anonymous reader";
    auto donor = get("/api/v1/booklet?title=Bailleur&id=" + id_text(s_published) + "&personal_data=include",
                     "donor@bailleur.org");
    EXPECT_EQ(status_of(donor), 403) << (donor ? donor->body : "");
    auto anonymous = get("/api/v1/booklet?title=Public&format=docx&status=published");
    ASSERT_EQ(status_of(anonymous), 200) << (anonymous ? anonymous->body : "");
    EXPECT_TRUE(anonymous->body.starts_with("PK"));
    EXPECT_EQ(anonymous->get_header_value("Content-Disposition"), "attachment; filename=\"booklet-2026-11-29.docx\"");

    auto untitled = get("/api/v1/booklet?id=" + id_text(s_published), "coordinator@lead.org");
    ASSERT_EQ(status_of(untitled), 400);
    EXPECT_NE(untitled->body.find("title"), std::string::npos);
    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X&q=zzzintrouvable", "coordinator@lead.org")), 400)
        << "nothing matches";
    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X&format=odt", "coordinator@lead.org")), 400);
}

/// Width and height from a PNG's header chunk (IHDR, big-endian, right after the signature).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
    auto word = [&](std::size_t at) {
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            value = (value << 8) | static_cast<unsigned char>(png.at(at + i));
        }
        return value;
    };
    return {word(16), word(20)};
}

TEST_F(DocumentRoutesTest, ABookletPreviewIsOnePageAsAnImageWithTheBookletsRights) {
    std::string ids = both_ids();
    auto cover = get("/api/v1/booklet?title=Rapport%202026&format=png" + ids, "coordinator@lead.org");
    ASSERT_EQ(status_of(cover), 200) << (cover ? cover->body : "");
    EXPECT_EQ(cover->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(cover->get_header_value("Cache-Control"), "no-store");
    ASSERT_TRUE(cover->body.starts_with("\x89PNG\r\n\x1a\n"));
    auto [width, height] = png_size(cover->body);
    EXPECT_EQ(width, 800U) << "the default width";
    EXPECT_NEAR(static_cast<double>(height) / width, 297.0 / 210.0, 0.01) << "an A4 page's proportions";
    EXPECT_GT(cover->body.size(), 5000U) << "a drawn cover, not a blank page";
    int pages = std::stoi(cover->get_header_value("X-Page-Count"));
    EXPECT_GE(pages, 4) << "cover, contents, two chapters, index";

    auto contents = get("/api/v1/booklet?title=Rapport%202026&format=png&page=2&width=400&paper=letter" + ids,
                        "coordinator@lead.org");
    ASSERT_EQ(status_of(contents), 200);
    EXPECT_EQ(png_size(contents->body).first, 400U);
    EXPECT_NEAR(static_cast<double>(png_size(contents->body).second) / 400, 11.0 / 8.5, 0.01) << "US letter";
    EXPECT_NE(contents->body, cover->body);

    auto beyond =
        get("/api/v1/booklet?title=Rapport&format=png&page=" + std::to_string(pages + 1) + ids, "coordinator@lead.org");
    ASSERT_EQ(status_of(beyond), 400);
    EXPECT_NE(beyond->body.find(std::to_string(pages) + " pages"), std::string::npos) << beyond->body;
    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X&format=png&width=5000" + ids, "coordinator@lead.org")), 400);
    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X&format=png" + ids)), 404)
        << "a draft named to an anonymous reader";
    EXPECT_EQ(status_of(get("/api/v1/booklet?title=X&format=png&personal_data=include&id=" + id_text(s_published),
                            "donor@bailleur.org")),
              403);
}

TEST_F(DocumentRoutesTest, DataExportsHoldOnlyTheStoriesTheCallerSees) {
    auto csv = get("/api/v1/export?format=csv", "writer@thinkpeace.org");
    ASSERT_EQ(status_of(csv), 200) << (csv ? csv->body : "");
    EXPECT_TRUE(csv->get_header_value("Content-Type").starts_with("text/csv"));
    EXPECT_TRUE(csv->body.starts_with("\xEF\xBB\xBF")) << "UTF-8 with a BOM, for spreadsheets";
    EXPECT_NE(csv->body.find("Brouillon du puits de Ségou"), std::string::npos);
    EXPECT_NE(csv->body.find("Le dialogue de Mopti publié"), std::string::npos);
    EXPECT_EQ(csv->body.find("Brouillon d'une autre ONG"), std::string::npos) << "another NGO's draft";
    EXPECT_EQ(csv->body.find("awa@example.org"), std::string::npos) << "public unless asked";

    auto excel = get("/api/v1/export?format=csv&excel_fr=true&status=published", "coordinator@lead.org");
    ASSERT_EQ(status_of(excel), 200);
    EXPECT_NE(excel->body.find(';'), std::string::npos);
    EXPECT_NE(excel->body.find("\r\n"), std::string::npos);
    EXPECT_EQ(excel->body.find("Brouillon du puits"), std::string::npos) << "filtered on status";

    auto ndjson = get("/api/v1/export?format=ndjson&personal_data=include", "coordinator@lead.org");
    ASSERT_EQ(status_of(ndjson), 200);
    EXPECT_EQ(std::count(ndjson->body.begin(), ndjson->body.end(), '\n'), 3) << ndjson->body;
    EXPECT_NE(ndjson->body.find("awa@example.org"), std::string::npos);

    auto xlsx = get("/api/v1/export?format=xlsx", "donor@bailleur.org");
    ASSERT_EQ(status_of(xlsx), 200);
    EXPECT_TRUE(xlsx->body.starts_with("PK"));
    EXPECT_EQ(xlsx->get_header_value("Content-Disposition"), "attachment; filename=\"stories-2026-11-29.xlsx\"");

    EXPECT_EQ(status_of(get("/api/v1/export?format=csv&personal_data=include", "donor@bailleur.org")), 403)
        << "a donor sees published stories, but only their public text";
    EXPECT_EQ(status_of(get("/api/v1/export?format=csv&id=" + id_text(s_other), "writer@thinkpeace.org")), 404);
    auto bad = get("/api/v1/export?format=ods", "writer@thinkpeace.org");
    ASSERT_EQ(status_of(bad), 400);
    EXPECT_NE(bad->body.find("ods"), std::string::npos) << bad->body;
}

}  // namespace
