#include "ingest/docx_reader.hpp"

#include "core/error.hpp"
#include "ingest/document_lines.hpp"
#include "ingest/test_documents.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using Kind = DocumentLine::Kind;
using testing::make_docx;
using testing::ZipEntry;

DocumentText read(std::string_view body,
                  std::string_view relationships = {},
                  const std::vector<ZipEntry>& extra = {},
                  std::string_view styles = {}) {
    return read_docx_document({"story.docx", make_docx(body, relationships, extra, styles)});
}

/// The lines that are not blank, as "kind|text" for short comparisons.
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

std::string paragraph(std::string_view runs, std::string_view properties = {}) {
    return "<w:p>" + (properties.empty() ? std::string() : "<w:pPr>" + std::string(properties) + "</w:pPr>") +
           std::string(runs) + "</w:p>";
}

std::string run(std::string_view text, std::string_view properties = {}) {
    return "<w:r>" + (properties.empty() ? std::string() : "<w:rPr>" + std::string(properties) + "</w:rPr>") +
           R"(<w:t xml:space="preserve">)" + std::string(text) + "</w:t></w:r>";
}

std::string refusal(const std::string& bytes) {
    try {
        read_docx_document({"hostile.docx", bytes});
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput);
        EXPECT_NE(error.public_message().find("'hostile.docx'"), std::string::npos) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << "not refused";
    return {};
}

std::string picture(std::string_view attribute, std::string_view description = {}) {
    return R"(<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Image 1" descr=")" + std::string(description) +
           R"("/><a:graphic><a:graphicData><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="photo.jpg" descr="photo.jpg"/>)"
           R"(</pic:nvPicPr><pic:blipFill><a:blip )" +
           std::string(attribute) +
           R"(/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>)";
}

constexpr std::string_view kImageRelationships =
    R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>)"
    R"(<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://example.org/photo.jpg" TargetMode="External"/>)";

TEST(DocxReader, MergesRunsWordSplitAndNestsEmphasis) {
    DocumentText document =
        read(paragraph(run("La réa", "<w:i/>") + R"(<w:proofErr w:type="spellStart"/>)" + run("lisation « ", "<w:i/>") +
                       R"(<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>)" +
                       run("Aissata", "<w:b/><w:i/>") + run(" KANE", "<w:b/><w:i/>") + R"(<w:bookmarkEnd w:id="0"/>)" +
                       run(" », rôle.", "<w:i/>")));
    EXPECT_EQ(texts(document), (std::vector<std::string>{"text|*La réalisation « **Aissata KANE** », rôle.*"}));
    EXPECT_FALSE(document.lines_join_into_paragraphs);
    EXPECT_EQ(document.lines[0].location, "paragraph 1");
}

TEST(DocxReader, PutsNoEmphasisAroundWhitespace) {
    DocumentText document = read(paragraph(run("Titre :") + run(" ", "<w:i/>") + run("LE TITRE ", "<w:i/>") +
                                           run("suite", R"(<w:b w:val="0"/>)")) +
                                 paragraph(run("gras", "<w:b/>") + run(" ", "<w:b/>")));
    EXPECT_EQ(texts(document), (std::vector<std::string>{"text|Titre : *LE TITRE* suite", "text|**gras**"}));
}

TEST(DocxReader, ReadsTabsBreaksSymbolsAndHyphens) {
    DocumentText document =
        read(paragraph(run("Localité") + "<w:r><w:tab/></w:r>" + run("Bamako")) +
             paragraph(run("Abdoul Kassim FOMBA") + "<w:r><w:br/></w:r>" + run("Coordonnateur")) +
             paragraph(run("Voir ") + R"(<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>)" + run(" Think") +
                       "<w:r><w:noBreakHyphen/></w:r>" + run("Peace") + "<w:r><w:softHyphen/></w:r>" + run("ARC")));
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"text|Localité\tBamako", "text|Abdoul Kassim FOMBA\nCoordonnateur",
                                        "text|Voir → Think-PeaceARC"}));
}

TEST(DocxReader, LeavesDeletionsAndHiddenTextOut) {
    DocumentText document =
        read(paragraph(R"(<w:del w:id="1" w:author="A"><w:r><w:delText>Ségou</w:delText></w:r></w:del>)"
                       R"(<w:ins w:id="2" w:author="A">)" +
                       run("Bamako") + "</w:ins>" + R"(<w:moveFrom w:id="3" w:author="A">)" + run(" ailleurs") +
                       "</w:moveFrom>" + run(" caché", "<w:vanish/>") + run(" visible", R"(<w:vanish w:val="0"/>)") +
                       R"(<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> lien</w:t></w:r></w:hyperlink>)"));
    EXPECT_EQ(texts(document), (std::vector<std::string>{"text|Bamako visible lien"}));
}

TEST(DocxReader, FindsHeadingsAndCaptionsByStyleName) {
    const std::string styles =
        R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre1"/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Lgende"><w:name w:val="caption"/></w:style>)"
        R"(<w:style w:type="character" w:styleId="Accentuation"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>)";
    DocumentText document = read(paragraph(run("SOMMAIRE"), R"(<w:pStyle w:val="Titre1"/>)") +
                                     paragraph(run("Hérité"), R"(<w:pStyle w:val="MonTitre"/>)") +
                                     paragraph(run("Par niveau"), R"(<w:outlineLvl w:val="2"/>)") +
                                     paragraph(run("Sans styles.xml"), R"(<w:pStyle w:val="Heading2"/>)") +
                                     paragraph(run("Légende"), R"(<w:pStyle w:val="Lgende"/>)") +
                                     paragraph(run("Normal ") + run("accent", R"(<w:rStyle w:val="Accentuation"/>)")),
                                 {}, {}, styles);
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"heading|SOMMAIRE", "heading|Hérité", "heading|Par niveau",
                                        "heading|Sans styles.xml", "caption|Légende", "text|Normal *accent*"}));
}

TEST(DocxReader, NumbersListItems) {
    const std::string numbering =
        R"(<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
        R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>)"
        R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>)"
        R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
        R"(</w:numbering>)";
    auto item = [](std::string_view text, std::string_view num_id) {
        return paragraph(run(text),
                         R"(<w:numPr><w:ilvl w:val="0"/><w:numId w:val=")" + std::string(num_id) + R"("/></w:numPr>)");
    };
    DocumentText document = read(item("Premier", "1") + item("Deuxième", "1") + item("Puce", "2") + item("Sans", "0") +
                                     paragraph(run("– tiret tapé")) + paragraph(run("3) numéro tapé")),
                                 {}, {{"word/numbering.xml", numbering}});
    EXPECT_EQ(texts(document), (std::vector<std::string>{"list|1. Premier", "list|2. Deuxième", "list|- Puce",
                                                         "text|Sans", "list|- tiret tapé", "list|3) numéro tapé"}));
}

TEST(DocxReader, ReadsTablesRowByRow) {
    auto cell = [](std::string_view content) { return "<w:tc>" + std::string(content) + "</w:tc>"; };
    const std::string table =
        R"(<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>)"
        R"(<w:tr><w:trPr><w:tblHeader/></w:trPr>)" +
        cell(paragraph(run("Rubrique"))) + cell(paragraph(run("Réponse"))) + "</w:tr><w:tr>" +
        cell(paragraph(run("Localité"))) + cell(paragraph(run("Bamako"))) + "</w:tr><w:tr>" +
        cell(paragraph(run("Introduction"))) + cell(paragraph(run("Un.")) + paragraph(run("Deux."))) + "</w:tr><w:tr>" +
        cell(paragraph(run("2. DESCRIPTION DU CAS"), R"(<w:pStyle w:val="Heading1"/>)")) + cell(paragraph("")) +
        "</w:tr><w:tr>" + cell(paragraph("")) + cell(paragraph("")) + "</w:tr></w:tbl>";
    EXPECT_EQ(texts(read(table)),
              (std::vector<std::string>{"header|Rubrique\tRéponse", "text|Localité\tBamako",
                                        "text|Introduction\tUn.\n\nDeux.", "heading|2. DESCRIPTION DU CAS"}));
}

TEST(DocxReader, ReadsATextBoxOnceAfterItsAnchor) {
    const std::string box =
        R"(<w:p><w:r><w:t>Avant</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">)"
        R"(<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>)" +
        paragraph(run("Dans la boîte")) +
        R"(</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>)"
        R"(</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>)" +
        paragraph(run("Dans la boîte")) +
        R"(</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>)";
    EXPECT_EQ(texts(read(box + paragraph(run("Après")))),
              (std::vector<std::string>{"text|Avant", "text|Dans la boîte", "text|Après"}));
}

TEST(DocxReader, TakesTheFallbackWhenTheChoiceGivesNothing) {
    const std::string alternate =
        R"(<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w15"><w15:unknown/></mc:Choice>)"
        R"(<mc:Fallback><w:t>repli</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>)";
    EXPECT_EQ(texts(read(alternate)), (std::vector<std::string>{"text|repli"}));
}

TEST(DocxReader, EmbedsPicturesInDocumentOrder) {
    const std::string vml = R"(<w:r><w:pict><v:shape><v:imagedata r:id="rId5" o:title="x"/></v:shape></w:pict></w:r>)";
    DocumentText document = read(
        paragraph(picture(R"(r:embed="rId5")", "Une image contenant personne. Description générée automatiquement")) +
            paragraph(run("Texte avant ") + picture(R"(r:embed="rId5")", "Atelier de Bamako")) + paragraph(vml),
        kImageRelationships, {{"word/media/image1.png", testing::tiny_png()}});
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"image|word/media/image1.png", "text|Texte avant",
                                        "image|word/media/image1.png", "image|word/media/image1.png"}));
    // Word's generated description is no caption; the file name in pic:cNvPr is none either.
    EXPECT_EQ(document.lines[0].alt_text, "");
    EXPECT_EQ(document.lines[2].alt_text, "Atelier de Bamako");
    ASSERT_EQ(document.images.size(), 1U);  // read once, however often it is shown
    EXPECT_EQ(document.images[0].name, "word/media/image1.png");
    EXPECT_EQ(document.images[0].bytes, testing::tiny_png());
    EXPECT_TRUE(document.problems.empty());
}

TEST(DocxReader, NeverFetchesLinkedPictures) {
    DocumentText document = read(paragraph(picture(R"(r:embed="rId6")")) + paragraph(picture(R"(r:link="rId6")")) +
                                     paragraph(picture(R"(r:embed="rId404")")),
                                 kImageRelationships);
    EXPECT_TRUE(document.images.empty());
    ASSERT_EQ(document.problems.size(), 3U);
    EXPECT_EQ(document.problems[0].message_id, "image-not-embedded");
    EXPECT_EQ(document.problems[0].params.at("target"), "https://example.org/photo.jpg");
    EXPECT_EQ(document.problems[0].location, "paragraph 1");
    EXPECT_EQ(document.problems[1].message_id, "image-not-embedded");
    EXPECT_EQ(document.problems[2].message_id, "image-missing");
    // The photos stay, without a picture: their captions still count.
    EXPECT_EQ(texts(document), (std::vector<std::string>{"image|", "image|", "image|"}));
}

TEST(DocxReader, DropsTheNumberOfACaption) {
    const std::string styles = R"(<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>)";
    const std::string complex_field =
        run("Photo ") +
        R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ Photo \* ARABIC </w:instrText></w:r>)"
        R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r>)" +
        run("2") + R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)" + run(" : Atelier de Gao");
    const std::string simple_field = run("Figure ") + R"(<w:fldSimple w:instr=" SEQ Figure \* ARABIC ">)" + run("3") +
                                     "</w:fldSimple>" + run(". Marché");
    DocumentText document =
        read(paragraph(complex_field, R"(<w:pStyle w:val="Caption"/>)") +
                 paragraph(simple_field, R"(<w:pStyle w:val="Caption"/>)") + paragraph(simple_field),
             {}, {}, styles);
    EXPECT_EQ(texts(document),
              (std::vector<std::string>{"caption|Atelier de Gao", "caption|Marché", "text|Figure 3. Marché"}));
}

TEST(DocxReader, RefusesAnArchiveWithoutADocument) {
    std::string message = refusal(testing::make_zip({{"content.txt", "bonjour"}}));
    EXPECT_NE(message.find("without a Word document inside"), std::string::npos) << message;
}

TEST(DocxReader, RefusesAZipBomb) {
    std::string message = refusal(testing::zip_bomb());
    EXPECT_NE(message.find("zip bomb"), std::string::npos) << message;
}

TEST(DocxReader, RefusesEntityTricks) {
    const std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
        R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>)";
    const std::string external =
        R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>)";
    for (const std::string& xml : {laughs, external}) {
        std::string message = refusal(testing::make_zip({{"word/document.xml", xml}}));
        EXPECT_NE(message.find("DOCTYPE"), std::string::npos) << message;
        EXPECT_NE(message.find("word/document.xml"), std::string::npos) << message;
    }
}

TEST(DocxReader, RefusesDeepNestingWithoutCrashing) {
    // Numbered, so that the part does not also pack like a zip bomb and is refused for its depth.
    std::string body;
    for (int i = 0; i < 100'000; ++i) {
        body += R"(<w:sdt w:id=")" + std::to_string(i) + R"("><w:sdtContent>)";
    }
    for (int i = 0; i < 100'000; ++i) {
        body += "</w:sdtContent></w:sdt>";
    }
    std::string message = refusal(make_docx(body));
    EXPECT_NE(message.find("levels deep"), std::string::npos) << message;
}

TEST(DocxReader, RefusesMoreParagraphsThanAStoryCouldHave) {
    std::string body;
    for (int i = 0; i <= kMaxParagraphs; ++i) {
        body += R"(<w:p w:rsidR=")" + std::to_string(i) + R"("/>)";
    }
    std::string message = refusal(make_docx(body));
    EXPECT_NE(message.find("paragraphs"), std::string::npos) << message;
}

TEST(DocxReader, ReadsTablesNestedAsDeepAsAllowed) {
    // Each table level is three elements (tbl, tr, tc): about 330 levels fit under the depth limit.
    std::string open;
    std::string close;
    for (int i = 0; i < 320; ++i) {
        open += "<w:tbl><w:tr><w:tc>";
        close += "</w:tc></w:tr></w:tbl>";
    }
    DocumentText document = read(open + paragraph(run("au fond")) + close);
    EXPECT_EQ(texts(document), (std::vector<std::string>{"text|au fond"}));
}

TEST(DocxReader, FindsTheMainPartThroughThePackageRelationships) {
    std::string docx = testing::make_zip({
        {"_rels/.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>)"},
        {"word/document2.xml",
         R"(<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>strict</w:t></w:r></w:p></w:body></w:document>)"},
    });
    EXPECT_EQ(texts(read_docx_document({"strict.docx", docx})), (std::vector<std::string>{"text|strict"}));
}

}  // namespace
}  // namespace storybank::ingest
