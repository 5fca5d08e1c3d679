#include "ingest/pdf_layout.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <sstream>

namespace storybank::ingest {
namespace {

using Kind = DocumentLine::Kind;

/// Text drawn at (x, top), each character 0.5 em wide and a space 0.25 em: simple, exact geometry.
struct Text {
    double x = 72;
    double top = 100;
    std::string words;
    double size = 12;
    Emphasis emphasis = {};
};

constexpr double kPageWidth = 595;
constexpr double kPageHeight = 842;

double width_of(const std::string& word, double size) {
    std::size_t points = 0;
    for (char c : word) {
        points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return 0.5 * size * static_cast<double>(points);
}

/// A page whose words come in the order given, as the text layer's reading order (poppler reads a table's
/// columns one after the other: give the labels first, then the values).
PdfPage page_of(const std::vector<Text>& texts) {
    PdfPage page{kPageWidth, kPageHeight, {}};
    std::size_t order = 0;
    for (const auto& text : texts) {
        std::istringstream in(text.words);
        std::vector<std::string> words;
        for (std::string word; in >> word;) {
            words.push_back(word);
        }
        double x = text.x;
        for (std::size_t i = 0; i < words.size(); ++i) {
            PdfWord word;
            word.text = words[i];
            word.left = x;
            word.right = x + width_of(words[i], text.size);
            word.top = text.top;
            word.bottom = text.top + 1.2 * text.size;
            word.font_size = text.size;
            word.emphasis = text.emphasis;
            word.space_after = i + 1 < words.size();
            word.order = order++;
            page.words.push_back(word);
            x = word.right + 0.25 * text.size;
        }
    }
    return page;
}

std::vector<std::string> texts(const std::vector<DocumentLine>& lines) {
    static const char* const kKinds[] = {"text", "blank", "heading", "list", "image", "header", "caption"};
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const auto& line : lines) {
        out.push_back(std::string(kKinds[static_cast<int>(line.kind)]) + "|" + line.text);
    }
    return out;
}

std::vector<std::string> lay_out(const std::vector<std::vector<Text>>& pages) {
    std::vector<PdfPage> pdf_pages;
    pdf_pages.reserve(pages.size());
    for (const auto& page : pages) {
        pdf_pages.push_back(page_of(page));
    }
    return texts(lay_out_pdf(pdf_pages));
}

/// 75 characters of 6 points from x = 72: a line that runs to the right margin of an A4 page (523).
const std::string kFullLine = "Depuis 2012, le Mali a connu une crise multidimensionnelle sans precedent,";

TEST(PdfLayout, ReadsATopAlignedTableAsTabRows) {
    // Word's default table: cells without padding, every line 14.4 points below the one before.
    EXPECT_EQ(lay_out({{{72, 100, "Nom et fonction de l'auteur:"},
                        {72, 128.8, "Contact de l'auteur: (Tel et"},
                        {72, 143.2, "email)"},
                        {72, 157.6, "Localité"},
                        {250, 100, "Abdoul Kassim FOMBA"},
                        {250, 114.4, "Coordonnateur National Think Peace"},
                        {250, 128.8, "+223 79 95 92 69"},
                        {250, 157.6, "Bamako en République du Mali"}}}),
              (std::vector<std::string>{
                  "text|Nom et fonction de l'auteur:\tAbdoul Kassim FOMBA\n\nCoordonnateur National Think Peace",
                  "text|Contact de l'auteur: (Tel et email)\t+223 79 95 92 69",
                  "text|Localité\tBamako en République du Mali"}));
}

TEST(PdfLayout, ReadsALabelCentredBesideItsValue) {
    // LibreOffice centres a cell's text: the label sits between the two lines of the value, and a label on two
    // lines around a value on one.
    EXPECT_EQ(lay_out({{{72, 107, "Nom et fonction de l'auteur:"},
                        {72, 131, "Contact de l'auteur: (Tel"},
                        {72, 145, "et email)"},
                        {72, 162, "Localité"},
                        {250, 100, "Abdoul Kassim FOMBA Coordonnateur National"},
                        {250, 114, "Think Peace"},
                        {250, 138, "+223 79 95 92 69"},
                        {250, 162, "Bamako"}}}),
              (std::vector<std::string>{
                  "text|Nom et fonction de l'auteur:\tAbdoul Kassim FOMBA Coordonnateur National Think Peace",
                  "text|Contact de l'auteur: (Tel et email)\t+223 79 95 92 69", "text|Localité\tBamako"}));
}

TEST(PdfLayout, ReadsAValueThatStartsAboveItsLabel) {
    // Chromium centres too, with lines that do not overlap: the value's first line comes before the label.
    EXPECT_EQ(lay_out({{{72, 117, "Nom et fonction de l'auteur:"},
                        {72, 151, "Localité"},
                        {250, 100, "Abdoul Kassim FOMBA"},
                        {250, 117, "Coordonnateur National"},
                        {250, 151, "Bamako"}}}),
              (std::vector<std::string>{"text|Nom et fonction de l'auteur:\tAbdoul Kassim FOMBA Coordonnateur National",
                                        "text|Localité\tBamako"}));
}

TEST(PdfLayout, TakesABoldFirstRowForTheTableHeader) {
    const Emphasis bold{true, false};
    EXPECT_EQ(lay_out({{{120, 100, "Rubrique", 12, bold},
                        {72, 130, "Localité"},
                        {72, 150, "Membre du Consortium"},
                        {300, 100, "Réponse", 12, bold},
                        {250, 130, "Bamako"},
                        {250, 150, "HSC"}}}),
              (std::vector<std::string>{"header|Rubrique\tRéponse", "text|Localité\tBamako",
                                        "text|Membre du Consortium\tHSC"}));
}

TEST(PdfLayout, ReadsATabStopAsATab) {
    EXPECT_EQ(lay_out({{{72, 100, "Localité :"}, {200, 100, "Gao"}, {72, 130, "Une phrase du texte."}}}),
              (std::vector<std::string>{"text|Localité :\tGao", "text|Une phrase du texte."}));
}

TEST(PdfLayout, JoinsLinesIntoParagraphs) {
    EXPECT_EQ(lay_out({{{72, 100, kFullLine},
                        {72, 114.4, "avec des pertes en vies humaines."},
                        // The line above stopped short of the margin although "Dans" would have fitted.
                        {72, 128.8, "Dans le cadre de l'accord pour la Paix."},
                        // A paragraph gap.
                        {72, 160, "Tout constat fait."}}}),
              (std::vector<std::string>{"text|" + kFullLine + " avec des pertes en vies humaines.",
                                        "text|Dans le cadre de l'accord pour la Paix.", "text|Tout constat fait."}));
}

TEST(PdfLayout, JoinsWordsCutAtTheLineEnd) {
    EXPECT_EQ(lay_out({{{72, 100, "Depuis 2012, le Mali a connu une crise multidimensionnelle dans les commu-"},
                        {72, 114.4, "nautés du Nord. Le réseau Think Peace-ARC contre l'extrémisme violent, peut-"},
                        {72, 128.8, "être, avec le partenaire Think Peace/ARC et les membres de THINK PEACE-"},
                        {72, 143.2, "ARC à Bamako."}}}),
              (std::vector<std::string>{"text|Depuis 2012, le Mali a connu une crise multidimensionnelle dans les "
                                        "communautés du Nord. Le réseau Think Peace-ARC contre l'extrémisme violent, "
                                        "peut-être, avec le partenaire Think Peace/ARC et les membres de THINK "
                                        "PEACE-ARC à Bamako."}));
}

TEST(PdfLayout, GoesOnOverAPageBreakOnlyFromAFullLine) {
    EXPECT_EQ(
        lay_out({{{72, 100, "Photos"}, {72, 800, "Image de la cérémonie d'ouverture de l'atelier de l'élabo du"}},
                 {{72, 40, "réseau Think Peace/ARC"}, {72, 200, "Lors des travaux de groupe."}},
                 {{72, 40, "Acteurs nationaux."}}}),
        (std::vector<std::string>{
            "text|Photos", "text|Image de la cérémonie d'ouverture de l'atelier de l'élabo du réseau Think Peace/ARC",
            "text|Lors des travaux de groupe.", "text|Acteurs nationaux."}));
}

TEST(PdfLayout, LeavesOutRunningHeadersFootersAndPageNumbers) {
    std::vector<std::vector<Text>> pages;
    for (int page = 1; page <= 3; ++page) {
        pages.push_back({{72, 30, "Think Peace – rapport annuel"},
                         {72, 150, "Texte de la page " + std::to_string(page) + "."},
                         {280, 800, "Page " + std::to_string(page) + " sur 3"}});
    }
    pages.push_back({{72, 150, "Dernière page."}, {290, 810, "- 4 -"}});
    EXPECT_EQ(lay_out(pages), (std::vector<std::string>{"text|Texte de la page 1.", "text|Texte de la page 2.",
                                                        "text|Texte de la page 3.", "text|Dernière page."}));
}

TEST(PdfLayout, MakesListItemsOfBullets) {
    EXPECT_EQ(lay_out({{{72, 100, "Les comités :"},
                        {72, 114.4, "•"},
                        {90, 114.4, "au moins deux femmes par comité ;"},
                        {72, 128.8, "•"},
                        {90, 128.8, "un appel chaque semaine."},
                        {72, 143.2, "1."},
                        {90, 143.2, "Premier point."}}}),
              (std::vector<std::string>{"text|Les comités :", "list|- au moins deux femmes par comité ;",
                                        "list|- un appel chaque semaine.", "list|1. Premier point."}));
}

TEST(PdfLayout, TellsHeadingsAndKeepsEmphasis) {
    const Emphasis bold{true, false};
    const Emphasis italic{false, true};
    EXPECT_EQ(lay_out({{{72, 60, "FORMAT DE COLLECTE", 18, bold},
                        {72, 100, "1. SOMMAIRE", 12, bold},
                        {72, 130, "Titre :"},
                        {120, 130, "ENGAGEMENT DU RESEAU", 12, italic},
                        {72, 160, "« Une citation » "},
                        {180, 160, "Aissata KANE", 12, Emphasis{true, true}},
                        {249, 160, ", trésorière.", 12, italic}}}),
              (std::vector<std::string>{"heading|FORMAT DE COLLECTE", "heading|1. SOMMAIRE",
                                        "text|Titre : *ENGAGEMENT DU RESEAU*",
                                        "text|« Une citation » ***Aissata KANE**, trésorière.*"}));
}

TEST(PdfLayout, TakesTheNumberOffACaption) {
    EXPECT_EQ(lay_out({{{72, 100, "Photo 1 : Le marché de Gao"}, {72, 200, "Figure 2. Le fleuve"}}}),
              (std::vector<std::string>{"caption|Le marché de Gao", "caption|Le fleuve"}));
}

TEST(PdfLayout, IgnoresWordsWithoutAPlace) {
    PdfPage page = page_of({{72, 100, "Titre : Un titre"}});
    PdfWord broken = page.words.front();
    broken.top = std::numeric_limits<double>::quiet_NaN();
    page.words.push_back(broken);
    broken = page.words.front();
    broken.bottom = broken.top - 5;
    page.words.push_back(broken);
    EXPECT_EQ(texts(lay_out_pdf({page})), (std::vector<std::string>{"text|Titre : Un titre"}));
    EXPECT_TRUE(lay_out_pdf({}).empty());
    EXPECT_TRUE(lay_out_pdf({PdfPage{}}).empty());
}

TEST(PdfLayout, CountsAWordDrawnTwiceOnce) {
    PdfPage page = page_of({{72, 100, "Localité"}});
    PdfWord again = page.words.front();
    again.left += 0.3;
    again.right += 0.3;
    page.words.push_back(again);
    EXPECT_EQ(texts(lay_out_pdf({page})), (std::vector<std::string>{"text|Localité"}));
}

TEST(PdfLayout, CleansWordsAndReadsFontNames) {
    EXPECT_EQ(clean_pdf_word("ﬁnance"), "finance");
    EXPECT_EQ(clean_pdf_word("\xEF\x82\xB7"), "•");  // U+F0B7, Symbol's bullet
    EXPECT_EQ(clean_pdf_word("a\x01z"), "az");
    EXPECT_EQ(clean_pdf_word("com\xC2\xAD"), "com\xC2\xAD");
    EXPECT_EQ(clean_pdf_word("co\xC2\xADmmu"), "commu");
    EXPECT_EQ(clean_pdf_word("\xFF"), "\xEF\xBF\xBD");
    EXPECT_EQ(emphasis_of_font("BAAAAA+DejaVuSerif-BoldItalic"), (Emphasis{true, true}));
    EXPECT_EQ(emphasis_of_font("Arial,Bold"), (Emphasis{true, false}));
    EXPECT_EQ(emphasis_of_font("MinionPro-It"), (Emphasis{false, true}));
    EXPECT_EQ(emphasis_of_font("TimesNewRomanPS-ItalicMT"), (Emphasis{false, true}));
    EXPECT_EQ(emphasis_of_font("CAAAAA+NotoSans-Regular"), (Emphasis{false, false}));
    EXPECT_EQ(emphasis_of_font(""), (Emphasis{false, false}));
}

}  // namespace
}  // namespace storybank::ingest
