#include "ingest/pdf_reader.hpp"

#include "core/error.hpp"
#include "ingest/story_reader.hpp"
#include "ingest/test_pdf.hpp"
#include "ingest/test_template.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using testing::make_pdf;
using testing::PdfPageSpec;
using testing::read_source_file;
using testing::success_story_template;

const std::string& seed_pdf() {
    static const std::string kSeed = read_source_file("tests/golden/parse/seed-libreoffice.pdf");
    return kSeed;
}

/// The public message of the Error(UnreadableInput) reading `bytes` throws; checks that it names the file.
std::string refusal(const std::string& name, const std::string& bytes, const PdfLimits& limits = {}) {
    try {
        read_pdf_document({name, bytes}, limits);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput);
        EXPECT_NE(error.public_message().find("'" + name + "'"), std::string::npos) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << name << " was not refused";
    return {};
}

/// A one-page story form in Helvetica, as the text layer of a simple PDF writer gives it.
std::vector<PdfPageSpec> small_form(bool picture = false) {
    PdfPageSpec page;
    page.picture = picture;
    page.texts = {{72, 72, 14, "Nom et fonction de l'auteur", true},
                  {300, 72, 12, "Awa KONÉ, animatrice"},
                  {72, 90, 12, "Localité"},
                  {300, 90, 12, "Gao, Mali"},
                  {72, 130, 12, "Titre : Le marché de Gao rouvre"},
                  {72, 160, 12, "Photos", true},
                  {72, 180, 12, "Le marché un jeudi matin"}};
    return {page};
}

TEST(PdfReader, ReadsTheSeedPrintedByLibreOffice) {
    StoryDocument document = read_story_document({"seed.pdf", seed_pdf()}, success_story_template());
    const core::Story& story = document.story;
    const auto& author = std::get<core::Person>(*story.find("author"));
    EXPECT_EQ(author.name, "Abdoul Kassim FOMBA");
    EXPECT_EQ(author.function, "Coordonnateur National Think Peace");
    EXPECT_EQ(std::get<core::Contact>(*story.find("contact")).phones, std::vector<std::string>{"+22379959269"});
    EXPECT_EQ(std::get<core::Place>(*story.find("locality")).country, "ML");
    EXPECT_EQ(story.text("title"), "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT");
    EXPECT_TRUE(story.text("lessons").starts_with("*La réalisation des deux ateliers"));
    const auto& photos = std::get<core::PhotoList>(*story.find("photos"));
    ASSERT_EQ(photos.size(), 3U);
    EXPECT_EQ(photos[1].caption,
              "Lors des travaux de groupe pour l'actualisation du plan d'action du réseau Think "
              "Peace /ARC");
    ASSERT_EQ(document.photo_images.size(), 3U);
    EXPECT_FALSE(document.photo_images[0].has_value());
    // The only problem: the pictures stay in the PDF.
    ASSERT_EQ(story.problems.size(), 1U);
    EXPECT_EQ(story.problems[0].message_id, "pdf-photos-not-extracted");
    EXPECT_EQ(story.problems[0].params.at("file"), "seed.pdf");
}

TEST(PdfReader, IsChosenByContentAndGivesLocations) {
    EXPECT_EQ(sniff_file_kind({"histoire.txt", seed_pdf()}), FileKind::Pdf);
    DocumentText document = read_pdf_document({"seed.pdf", seed_pdf()});
    ASSERT_FALSE(document.lines.empty());
    EXPECT_EQ(document.lines.front().location, "page 1, line 1");
    EXPECT_EQ(document.lines.front().kind, DocumentLine::Kind::Heading);
    EXPECT_FALSE(document.lines_join_into_paragraphs);
    EXPECT_TRUE(document.images.empty());
}

TEST(PdfReader, ReadsASimpleForm) {
    DocumentText document = read_pdf_document({"form.pdf", make_pdf(small_form())});
    std::vector<std::string> texts;
    for (const auto& line : document.lines) {
        texts.push_back(line.text);
    }
    EXPECT_EQ(texts,
              (std::vector<std::string>{"Nom et fonction de l'auteur\tAwa KONÉ, animatrice", "Localité\tGao, Mali",
                                        "Titre : Le marché de Gao rouvre", "Photos", "Le marché un jeudi matin"}));
    EXPECT_TRUE(document.problems.empty());  // no picture, nothing lost

    core::Story story = read_story({"form.pdf", make_pdf(small_form(true))}, success_story_template());
    const auto& photos = std::get<core::PhotoList>(*story.find("photos"));
    ASSERT_EQ(photos.size(), 1U);
    EXPECT_EQ(photos[0].caption, "Le marché un jeudi matin");
    EXPECT_FALSE(photos[0].attachment.has_value());
    int warnings = 0;
    for (const auto& problem : story.problems) {
        warnings += problem.message_id == "pdf-photos-not-extracted" ? 1 : 0;
    }
    EXPECT_EQ(warnings, 1);
}

TEST(PdfReader, RefusesAPasswordProtectedPdf) {
    std::string message = refusal("locked.pdf", read_source_file("tests/data/documents/pdf/locked.pdf"));
    EXPECT_NE(message.find("protected by a password"), std::string::npos) << message;
}

TEST(PdfReader, ReadsAPdfWithOnlyAnOwnerPassword) {
    // Restrictions on printing or copying need no password to read the text.
    core::Story story = read_story({"owner-only.pdf", read_source_file("tests/data/documents/pdf/owner-only.pdf")},
                                   success_story_template());
    EXPECT_EQ(story.text("title"), "Early warning committees keep the roads to Kaya open");
}

TEST(PdfReader, RefusesAScanWithoutText) {
    std::string message = refusal("scan.pdf", read_source_file("tests/data/documents/pdf/scanned.pdf"));
    EXPECT_NE(message.find("is a scanned image without text"), std::string::npos) << message;
    EXPECT_NE(message.find("send the .docx"), std::string::npos) << message;
    PdfPageSpec blank;
    blank.picture = true;
    message = refusal("blank.pdf", make_pdf({blank, blank}));
    EXPECT_NE(message.find("is a scanned image without text"), std::string::npos) << message;
}

TEST(PdfReader, RefusesACutShortPdf) {
    std::string message = refusal("cut.pdf", seed_pdf().substr(0, seed_pdf().size() / 2));
    EXPECT_NE(message.find("is cut short"), std::string::npos) << message;
    message = refusal("header.pdf", "%PDF-1.7\n");
    EXPECT_NE(message.find("is cut short"), std::string::npos) << message;
}

TEST(PdfReader, RefusesJunkBehindAPdfHeader) {
    std::string junk = "%PDF-1.7\n";
    for (int i = 0; i < 4000; ++i) {
        junk += static_cast<char>((i * 7919) % 251);
    }
    std::string message = refusal("junk.pdf", junk + "\n%%EOF\n");
    EXPECT_NE(message.find("is a damaged PDF file"), std::string::npos) << message;
    // Objects but no page: a catalog whose page tree is missing.
    message = refusal("empty.pdf",
                      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R "
                      ">>\n%%EOF\n");
    EXPECT_NE(message.find("is a damaged PDF file"), std::string::npos) << message;
}

TEST(PdfReader, RefusesMorePagesThanAStory) {
    std::vector<PdfPageSpec> pages(201, PdfPageSpec{{{72, 72, 12, "Une page."}}, false});
    std::string message = refusal("rapport.pdf", make_pdf(pages));
    EXPECT_NE(message.find("has 201 pages, more than the 200 a story may have"), std::string::npos) << message;
    pages.resize(3);
    message = refusal("court.pdf", make_pdf(pages), PdfLimits{.max_pages = 2});
    EXPECT_NE(message.find("has 3 pages"), std::string::npos) << message;
    message = refusal("mots.pdf", make_pdf(pages), PdfLimits{.max_characters = 20});
    EXPECT_NE(message.find("far more text than a story (over 20 characters)"), std::string::npos) << message;
    message = refusal("gros.pdf", make_pdf(pages), PdfLimits{.max_bytes = 100});
    EXPECT_NE(message.find("is larger than"), std::string::npos) << message;
}

TEST(PdfReader, RefusesAPageOfScatteredWordsBeforeWorkingOutItsReadingOrder) {
    // 40 000 characters in words strewn over one page: poppler's reading order would take minutes on it.
    PdfPageSpec page;
    for (int i = 0; i < 4000; ++i) {
        page.texts.push_back({20.0 + (i * 7919) % 540, 20.0 + (i * 104729) % 800, 6.0 + i % 7, "ab cd ef"});
    }
    std::string message = refusal("dense.pdf", make_pdf({page}));
    EXPECT_NE(message.find("has a page (page 1) holding far more text than a page of a story (over 30000 characters)"),
              std::string::npos)
        << message;
}

TEST(PdfReader, KeepsPopplerQuiet) {
    ::testing::internal::CaptureStderr();
    ::testing::internal::CaptureStdout();
    refusal("junk.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nendobj\nxref\nnonsense\n%%EOF\n");
    std::string cut = seed_pdf();
    cut.erase(cut.size() / 3, cut.size() / 3);  // the middle gone, the end kept: poppler rebuilds what it can
    try {
        read_pdf_document({"milieu.pdf", cut});
    } catch (const Error&) {
    }
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace storybank::ingest
