#include "ingest/odt_reader.hpp"

#include "core/error.hpp"
#include "ingest/test_documents.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using Kind = DocumentLine::Kind;
using testing::make_odt;

constexpr std::string_view kStyles =
    R"(<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>)"
    R"(<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>)"
    R"(<style:style style:name="T3" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>)"
    R"(<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">)"
    R"(<style:text-properties fo:font-style="italic"/></style:style>)"
    R"(<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Figure"/>)"
    R"(<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Heading_20_2"/>)"
    R"(<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>)"
    R"(<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>)";

DocumentText read(std::string_view text, const std::vector<testing::ZipEntry>& extra = {}) {
    return read_odt_document({"story.odt", make_odt(text, kStyles, extra)});
}

std::vector<std::string> texts(const DocumentText& document) {
    static const char* const kKinds[] = {"text", "blank", "heading", "list", "image", "header", "caption"};
    std::vector<std::string> out;
    for (const auto& line : document.lines) {
        if (line.kind != Kind::Blank) {
            out.push_back(std::string(kKinds[static_cast<int>(line.kind)]) + "|" +
                          (line.kind == Kind::Image ? line.image : line.text));
        }
    }
    return out;
}

std::string refusal(const std::string& bytes) {
    try {
        read_odt_document({"hostile.odt", bytes});
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput);
        EXPECT_NE(error.public_message().find("'hostile.odt'"), std::string::npos) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << "not refused";
    return {};
}

TEST(OdtReader, ReadsEmphasisFromAutomaticStyles) {
    DocumentText document = read(
        R"(<text:p>Titre : <text:span text:style-name="T2">LE TITRE</text:span></text:p>)"
        R"(<text:p text:style-name="P1">Tout en italique, sauf <text:span text:style-name="T1">Aissata KANE</text:span>.</text:p>)"
        R"(<text:p><text:span text:style-name="T1">gras <text:span text:style-name="T3">normal</text:span></text:span></text:p>)");
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"text|Titre : *LE TITRE*", "text|*Tout en italique, sauf **Aissata KANE**.*",
                                        "text|**gras** normal"}));
    EXPECT_EQ(document.lines[0].location, "paragraph 1");
}

TEST(OdtReader, ReadsSpacesTabsAndLineBreaks) {
    DocumentText document = read(
        "<text:p>Localité<text:tab/>Bamako</text:p>"
        "<text:p>Abdoul<text:s/>Kassim<text:s text:c=\"3\"/>FOMBA<text:line-break/>Coordonnateur</text:p>"
        "<text:p>Un texte\n      sur deux lignes<text:soft-page-break/> du fichier</text:p>");
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"text|Localité\tBamako", "text|Abdoul Kassim FOMBA\nCoordonnateur",
                                        "text|Un texte sur deux lignes du fichier"}));
}

TEST(OdtReader, ReadsHeadingsListsAndCaptions) {
    DocumentText document = read(
        R"(<text:h text:outline-level="1">1. SOMMAIRE</text:h><text:p text:style-name="P3">Par style</text:p>)"
        R"(<text:list text:style-name="L1"><text:list-item><text:p>Premier</text:p></text:list-item>)"
        R"(<text:list-item><text:p>Second</text:p></text:list-item></text:list>)"
        R"(<text:list text:style-name="L2"><text:list-item><text:p>Puce</text:p></text:list-item></text:list>)"
        R"(<text:p text:style-name="P2">Figure <text:sequence text:name="Figure" style:num-format="1">1</text:sequence>: Atelier</text:p>)");
    EXPECT_EQ(texts(document), (std::vector<std::string>{"heading|1. SOMMAIRE", "heading|Par style", "list|1. Premier",
                                                         "list|2. Second", "list|- Puce", "caption|Atelier"}));
}

TEST(OdtReader, ReadsTablesRowByRow) {
    DocumentText document = read(
        R"(<table:table><table:table-column table:number-columns-repeated="2"/>)"
        R"(<table:table-header-rows><table:table-row><table:table-cell><text:p>Rubrique</text:p></table:table-cell>)"
        R"(<table:table-cell><text:p>Réponse</text:p></table:table-cell></table:table-row></table:table-header-rows>)"
        R"(<table:table-row table:number-rows-repeated="1000000"><table:table-cell><text:p>Localité</text:p></table:table-cell>)"
        R"(<table:table-cell><text:p>Bamako</text:p></table:table-cell><table:covered-table-cell/></table:table-row>)"
        R"(</table:table>)");
    // A hostile repeat count does not multiply the row.
    EXPECT_EQ(texts(document), (std::vector<std::string>{"header|Rubrique\tRéponse", "text|Localité\tBamako"}));
}

TEST(OdtReader, LeavesTrackedDeletionsAndNotesOut) {
    DocumentText document = read(
        R"(<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Ségou</text:p>)"
        R"(</text:deletion></text:changed-region></text:tracked-changes>)"
        R"(<text:p><text:change text:change-id="c1"/>Bamako<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>)"
        R"(<text:note-body><text:p>Une note</text:p></text:note-body></text:note></text:p>)");
    EXPECT_EQ(texts(document), (std::vector<std::string>{"text|Bamako"}));
}

TEST(OdtReader, EmbedsPicturesAndNeverFetchesLinkedOnes) {
    DocumentText document = read(
        R"(<text:p><draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/photo.png"/>)"
        R"(<svg:title>Atelier</svg:title><svg:desc>Atelier de Bamako</svg:desc></draw:frame></text:p>)"
        R"(<text:p><draw:frame draw:name="Image2"><draw:image xlink:href="https://example.org/photo.jpg"/></draw:frame></text:p>)"
        R"(<text:p><draw:frame draw:name="Image3"><draw:image xlink:href="../photos/gao.jpg"/></draw:frame></text:p>)"
        R"(<text:p><draw:frame draw:name="Image4"><draw:image xlink:href="Pictures/absent.png"/></draw:frame></text:p>)",
        {{"Pictures/photo.png", testing::tiny_png()}});
    EXPECT_EQ(texts(document), (std::vector<std::string>{"image|Pictures/photo.png", "image|", "image|", "image|"}));
    EXPECT_EQ(document.lines[0].alt_text, "Atelier de Bamako");
    ASSERT_EQ(document.images.size(), 1U);
    EXPECT_EQ(document.images[0].bytes, testing::tiny_png());
    ASSERT_EQ(document.problems.size(), 3U);
    EXPECT_EQ(document.problems[0].message_id, "image-not-embedded");
    EXPECT_EQ(document.problems[0].params.at("target"), "https://example.org/photo.jpg");
    EXPECT_EQ(document.problems[1].params.at("target"), "../photos/gao.jpg");
    EXPECT_EQ(document.problems[2].message_id, "image-missing");
}

TEST(OdtReader, ReadsACaptionedFrameAsLibreOfficeWritesIt) {
    DocumentText document = read(
        R"(<text:p><draw:frame draw:name="Cadre1"><draw:text-box><text:p text:style-name="P2">)"
        R"(<draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/photo.png"/></draw:frame><text:line-break/>)"
        R"(Figure <text:sequence text:name="Figure">1</text:sequence>: Atelier de Gao</text:p></draw:text-box></draw:frame></text:p>)",
        {{"Pictures/photo.png", testing::tiny_png()}});
    EXPECT_EQ(texts(document), (std::vector<std::string>{"image|Pictures/photo.png", "caption|Atelier de Gao"}));
}

TEST(OdtReader, RefusesAnotherKindOfOpenDocument) {
    std::string message = refusal(make_odt("", "", {}, "application/vnd.oasis.opendocument.spreadsheet"));
    EXPECT_NE(message.find("opendocument.spreadsheet"), std::string::npos) << message;
}

TEST(OdtReader, RefusesEntityTricksAndDeepNesting) {
    std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY a "aaaa">]>)"
        R"(<office:document-content><office:body><office:text><text:p>&a;</text:p></office:text></office:body></office:document-content>)";
    std::string message =
        refusal(testing::make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", laughs}}));
    EXPECT_NE(message.find("DOCTYPE"), std::string::npos) << message;
    std::string deep;
    for (int i = 0; i < 100'000; ++i) {
        deep += R"(<text:span text:style-name="T)" + std::to_string(i) + R"(">)";
    }
    for (int i = 0; i < 100'000; ++i) {
        deep += "</text:span>";
    }
    message = refusal(make_odt("<text:p>" + deep + "</text:p>"));
    EXPECT_NE(message.find("content.xml"), std::string::npos) << message;
    EXPECT_NE(message.find("levels deep"), std::string::npos) << message;
}

}  // namespace
}  // namespace storybank::ingest
