// What storybank writes, checked with the tools donors' documents meet: pdftotext, qpdf, pdffonts and unzip.
// LibreOffice conversions, which are slow, are in documents_libreoffice_test.cpp.
#include "documents_fixture.hpp"

#include <nlohmann/json.hpp>

#include <regex>
#include <vector>

namespace storybank::testing {
namespace {

using Json = nlohmann::json;

std::string without_emphasis(std::string text) {
    std::erase_if(text, [](char c) { return c == '*' || c == '_'; });
    return text;
}

/// Every value of the story a reader must find in the printed document: short fields whole, rich text by its
/// opening words, the testimony's speaker and words, the photos' captions.
std::vector<std::string> expected_values(const Json& fields) {
    std::vector<std::string> values;
    for (const auto& [key, value] : fields.items()) {
        if (value.is_string()) {
            std::string text = without_emphasis(value.get<std::string>());
            values.push_back(text.substr(0, std::min<std::size_t>(text.size(), 80)));
        } else if (value.is_object()) {
            for (const char* part : {"name", "function"}) {
                if (value.contains(part) && !value[part].get<std::string>().empty()) {
                    values.push_back(value[part]);
                }
            }
            for (const char* list : {"phones", "emails"}) {
                if (value.contains(list)) {
                    for (const auto& item : value[list]) {
                        values.push_back(item);
                    }
                }
            }
        } else if (value.is_array()) {
            for (const auto& item : value) {
                for (const char* part : {"speaker", "caption"}) {
                    if (item.contains(part)) {
                        values.push_back(item[part]);
                    }
                }
                if (item.contains("text")) {
                    values.push_back(item["text"].get<std::string>().substr(0, 60));
                }
            }
        }
    }
    return values;
}

TEST_F(DocumentsTest, StoryPdfHasEveryFieldEmbeddedFontsAndPageNumbers) {
    fs::path pdf = output("story.pdf");
    Outcome exported = run(storybank({"export", "1", "--format", "pdf", "-o", pdf.string()}) + " 2>&1");
    ASSERT_EQ(exported.status, 0) << exported.out;

    std::string text = squeezed(pdf_text(pdf));
    Json fields = story_json("1")["fields"];
    ASSERT_TRUE(fields.contains("photos")) << fields.dump();
    for (const auto& value : expected_values(fields)) {
        EXPECT_NE(text.find(squeezed(value)), std::string::npos) << "pdftotext does not find: " << value;
    }
    for (const char* label : {"SOMMAIRE", "Introduction", "Leçons apprises", "Témoignages", "Photos"}) {
        EXPECT_NE(text.find(squeezed(label)), std::string::npos) << label;
    }
    EXPECT_NE(text.find("Page1/"), std::string::npos) << "no page number in the footer";
    EXPECT_NE(text.find(squeezed("Human Security Collective (HSC)")), std::string::npos);

    Outcome check = run("qpdf --check " + shell_quoted(pdf.string()) + " 2>&1");
    EXPECT_EQ(check.status, 0) << check.out;

    Outcome fonts = run("pdffonts " + shell_quoted(pdf.string()));
    ASSERT_EQ(fonts.status, 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int font_count = 0;
    while (std::getline(lines, line)) {
        if (line.starts_with("name") || line.starts_with("----")) {
            continue;
        }
        ++font_count;
        EXPECT_NE(line.find(" yes yes "), std::string::npos) << "font not embedded as a subset: " << line;
    }
    EXPECT_GE(font_count, 3) << fonts.out;

    Outcome images = run("pdfimages -list " + shell_quoted(pdf.string()));
    EXPECT_NE(images.out.find("jpeg"), std::string::npos) << "photos are not embedded as JPEG:\n" << images.out;
}

TEST_F(DocumentsTest, LetterPaperAndEnglishLabels) {
    fs::path pdf = output("letter.pdf");
    Outcome exported =
        run(shell_quoted(binary()) + " --data " + shell_quoted(s_data) +
            " --lang en export 2 --format pdf --paper letter -o " + shell_quoted(pdf.string()) + " 2>&1");
    ASSERT_EQ(exported.status, 0) << exported.out;
    Outcome info = run("pdfinfo " + shell_quoted(pdf.string()));
    EXPECT_NE(info.out.find("612 x 792 pts (letter)"), std::string::npos) << info.out;
    std::string text = squeezed(pdf_text(pdf));
    EXPECT_NE(text.find("Lessonslearned"), std::string::npos);
    EXPECT_EQ(text.find(squeezed("Leçons apprises")), std::string::npos);
}

TEST_F(DocumentsTest, PublicPdfDocxAndXlsxHaveNoContactDetailsAndSaySo) {
    fs::path pdf = output("public.pdf");
    fs::path docx = output("public.docx");
    fs::path xlsx = output("public.xlsx");
    ASSERT_EQ(run(storybank({"export", "1", "--format", "pdf", "--public", "-o", pdf.string()})).status, 0);
    ASSERT_EQ(run(storybank({"export", "1", "--format", "docx", "--public", "-o", docx.string()})).status, 0);
    ASSERT_EQ(run(storybank({"export-data", "--format", "xlsx", "--public", "-o", xlsx.string()})).status, 0);

    std::string pdf_words = pdf_text(pdf);
    std::string docx_xml = run("unzip -p " + shell_quoted(docx.string())).out;
    std::string xlsx_xml = run("unzip -p " + shell_quoted(xlsx.string())).out;
    ASSERT_FALSE(docx_xml.empty());
    ASSERT_FALSE(xlsx_xml.empty());
    for (const auto& [name, content] : {std::pair<std::string, std::string>{"PDF", squeezed(pdf_words)},
                                        {"DOCX", squeezed(docx_xml)},
                                        {"XLSX", squeezed(xlsx_xml)}}) {
        EXPECT_EQ(content.find(squeezed(kPhone)), std::string::npos) << "phone number in the public " << name;
        EXPECT_EQ(content.find("79959269"), std::string::npos) << "phone number in the public " << name;
        EXPECT_EQ(content.find(kEmail), std::string::npos) << "e-mail address in the public " << name;
        // The testimony and photos have no recorded consent: neither the speaker nor the captions may show.
        EXPECT_EQ(content.find("AissataKANE"), std::string::npos) << "testimony without consent in " << name;
    }
    EXPECT_NE(squeezed(pdf_words).find(squeezed("Version publique")), std::string::npos) << "no visible note";
    EXPECT_NE(squeezed(docx_xml).find(squeezed("Version publique")), std::string::npos) << "no visible note";
    EXPECT_EQ(squeezed(pdf_words).find(squeezed("cérémonie d'ouverture")), std::string::npos)
        << "photo caption without consent";
    EXPECT_NE(squeezed(pdf_words).find(squeezed("[témoignage retiré]")), std::string::npos);

    // The same documents for the consortium keep them.
    fs::path internal = output("internal.docx");
    ASSERT_EQ(run(storybank({"export", "1", "--format", "docx", "-o", internal.string()})).status, 0);
    EXPECT_NE(run("unzip -p " + shell_quoted(internal.string()) + " word/document.xml").out.find(kEmail),
              std::string::npos);
}

TEST_F(DocumentsTest, DocxReadsBackToTheSameFields) {
    fs::path docx = output("roundtrip.docx");
    ASSERT_EQ(run(storybank({"export", "1", "--format", "docx", "-o", docx.string()})).status, 0);
    Outcome listing = run("unzip -l " + shell_quoted(docx.string()));
    EXPECT_NE(listing.out.find("word/media/"), std::string::npos) << "photos not embedded:\n" << listing.out;

    Json original = story_json("1")["fields"];
    Outcome parsed = run(shell_quoted(binary()) + " --lang fr parse " + shell_quoted(docx.string()));
    ASSERT_EQ(parsed.status, 0) << parsed.out;
    Json again = Json::parse(parsed.out);
    EXPECT_TRUE(again["problems"].empty()) << again["problems"].dump(2);
    Json fields = again["fields"];
    // The photos are processed again on the way in (so their bytes, hence their SHA-256, may differ); their
    // captions and sizes must not.
    ASSERT_EQ(fields["photos"].size(), original["photos"].size());
    for (std::size_t i = 0; i < original["photos"].size(); ++i) {
        EXPECT_EQ(fields["photos"][i]["caption"], original["photos"][i]["caption"]) << i;
        ASSERT_TRUE(fields["photos"][i]["attachment"].is_object()) << "photo " << i << " not read back";
        EXPECT_EQ(fields["photos"][i]["attachment"]["width"], original["photos"][i]["attachment"]["width"]) << i;
    }
    fields.erase("photos");
    original.erase("photos");
    EXPECT_EQ(fields, original) << "read back:\n" << fields.dump(2) << "\nexported:\n" << original.dump(2);
}

TEST_F(DocumentsTest, BookletHasCoverContentsWithRightPagesChaptersAndIndex) {
    fs::path pdf = output("booklet.pdf");
    Outcome made = run(storybank({"booklet", "--id", "2,1,3", "--title", "Rapport aux bailleurs 2026", "--period",
                                  "2025–2026", "-o", pdf.string()}) +
                       " 2>&1");
    ASSERT_EQ(made.status, 0) << made.out;
    EXPECT_NE(made.out.find("3 histoire(s)"), std::string::npos) << made.out;
    EXPECT_EQ(run("qpdf --check " + shell_quoted(pdf.string())).status, 0);

    std::string cover = squeezed(pdf_text(pdf, 1));
    EXPECT_NE(cover.find(squeezed("Rapport aux bailleurs 2026")), std::string::npos) << cover;
    EXPECT_NE(cover.find("2025–2026"), std::string::npos) << cover;
    EXPECT_NE(cover.find(squeezed("3 histoires")), std::string::npos) << cover;

    // Page numbers at the end of the contents lines, in the order of the chapters.
    expect_titles_on_contents_pages(pdf, {"2", "1", "3"});

    std::string all = squeezed(pdf_text(pdf));
    for (const char* part : {"Index", "Par pays", "Par ONG partenaire", "MALI", "BURKINA FASO", "THINK PEACE"}) {
        EXPECT_NE(all.find(squeezed(part)), std::string::npos) << part;
    }
    EXPECT_EQ(all.find(squeezed(kPhone)), std::string::npos) << "a booklet is public unless asked otherwise";
    EXPECT_EQ(all.find(kEmail), std::string::npos);
}

TEST_F(DocumentsTest, BookletByQueryAndAsWord) {
    fs::path docx = output("booklet.docx");
    Outcome made =
        run(storybank({"booklet", "--query", "médiatrices", "--title", "Médiation", "-o", docx.string()}) + " 2>&1");
    ASSERT_EQ(made.status, 0) << made.out;
    std::string xml = run("unzip -p " + shell_quoted(docx.string()) + " word/document.xml").out;
    EXPECT_NE(xml.find("Les femmes médiatrices de Dori"), std::string::npos);
    EXPECT_NE(xml.find("Sommaire"), std::string::npos) << "a Word booklet has contents";
    EXPECT_NE(xml.find("PAGEREF story_1"), std::string::npos) << "with page numbers the word processor fills in";
    EXPECT_NE(xml.find("Par ONG partenaire"), std::string::npos) << "and an index";
    std::string settings = run("unzip -p " + shell_quoted(docx.string()) + " word/settings.xml").out;
    EXPECT_NE(settings.find("<w:updateFields w:val=\"true\"/>"), std::string::npos) << settings;
    EXPECT_EQ(xml.find("Peace clubs"), std::string::npos) << "a story the query does not match";

    Outcome nothing =
        run(storybank({"booklet", "--query", "introuvablexyz", "--title", "Vide", "-o", output("empty.pdf").string()}) +
            " 2>&1");
    EXPECT_EQ(nothing.status, 1);
    EXPECT_NE(nothing.out.find("no story matches"), std::string::npos) << nothing.out;
    EXPECT_FALSE(fs::exists(output("empty.pdf"))) << "a failed booklet leaves no file";
}

TEST_F(DocumentsTest, CsvHasBomHeadersAndExcelFrenchDialect) {
    Outcome csv = run(storybank({"export-data", "--format", "csv"}));
    ASSERT_EQ(csv.status, 0);
    ASSERT_TRUE(csv.out.starts_with("\xEF\xBB\xBF")) << "no UTF-8 byte order mark";
    EXPECT_NE(csv.out.find("N°,Statut,Langue,Nom et fonction de l'auteur"), std::string::npos)
        << csv.out.substr(0, 200);
    EXPECT_NE(csv.out.find("Les femmes médiatrices de Dori"), std::string::npos);
    EXPECT_EQ(csv.out.find("\r\n"), std::string::npos);

    Outcome excel = run(storybank({"export-data", "--format", "csv", "--excel-fr", "--status", "draft"}));
    ASSERT_EQ(excel.status, 0);
    EXPECT_NE(excel.out.find("N°;Statut;Langue;"), std::string::npos);
    EXPECT_NE(excel.out.find("\r\n"), std::string::npos);
    std::size_t rows = 0;
    for (std::size_t at = excel.out.find("\r\n"); at != std::string::npos; at = excel.out.find("\r\n", at + 2)) {
        ++rows;
    }
    EXPECT_GE(rows, 4u) << "a header and three stories, at least";
}

TEST_F(DocumentsTest, XlsxHasAStorySheetAndASheetPerList) {
    fs::path xlsx = output("stories.xlsx");
    ASSERT_EQ(run(storybank({"export-data", "--format", "xlsx", "-o", xlsx.string()})).status, 0);
    std::string workbook = run("unzip -p " + shell_quoted(xlsx.string()) + " xl/workbook.xml").out;
    for (const char* sheet : {"Histoires", "Témoignages", "Photos"}) {
        EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << workbook;
    }
    std::string first_sheet = run("unzip -p " + shell_quoted(xlsx.string()) + " xl/worksheets/sheet1.xml").out;
    EXPECT_NE(first_sheet.find("<pane ySplit=\"1\""), std::string::npos) << "header row not frozen";
    EXPECT_NE(first_sheet.find("<autoFilter"), std::string::npos) << "no autofilter";
    EXPECT_NE(first_sheet.find("<cols>"), std::string::npos) << "no column widths";
    std::string strings = run("unzip -p " + shell_quoted(xlsx.string()) + " xl/sharedStrings.xml").out;
    std::string cells = strings + first_sheet;
    EXPECT_NE(cells.find("Aissata KANE"), std::string::npos) << "the testimony sheet lacks the speaker";
}

TEST_F(DocumentsTest, JsonAndNdjsonCarryIdsAndCanonicalStories) {
    Outcome ndjson = run(storybank({"export-data", "--format", "ndjson"}));
    ASSERT_EQ(ndjson.status, 0);
    std::istringstream lines(ndjson.out);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        Json story = Json::parse(line);
        EXPECT_EQ(story["schema"], "storybank.story/1");
        EXPECT_EQ(story["id"], count + 1);
        EXPECT_EQ(story["status"], "draft");
        ++count;
    }
    EXPECT_EQ(count, 3);
    Outcome json = run(storybank({"export-data", "--format", "json", "--country", "BF"}));
    Json stories = Json::parse(json.out);
    ASSERT_EQ(stories.size(), 1u) << json.out;
    EXPECT_EQ(stories[0]["fields"]["locality"]["country"], "BF");
}

TEST_F(DocumentsTest, MarkdownAndHtmlExportsStayEscaped) {
    Outcome html = run(storybank({"export", "1", "--format", "html"}));
    ASSERT_EQ(html.status, 0);
    EXPECT_TRUE(html.out.starts_with("<!DOCTYPE html>"));
    EXPECT_EQ(html.out.find("<script"), std::string::npos);
    Outcome markdown = run(storybank({"export", "1", "--format", "md", "--public"}));
    EXPECT_EQ(markdown.out.find(kEmail), std::string::npos);
    EXPECT_NE(markdown.out.find("# ENGAGEMENT DU RESEAU"), std::string::npos);
    EXPECT_NE(markdown.out.find("Version publique"), std::string::npos) << "no visible note";
    Outcome public_html = run(storybank({"export", "1", "--format", "html", "--public"}));
    EXPECT_EQ(public_html.out.find(kPhone), std::string::npos);
    EXPECT_NE(public_html.out.find("<p class=\"note\">"), std::string::npos) << "no visible note";
}

}  // namespace
}  // namespace storybank::testing
