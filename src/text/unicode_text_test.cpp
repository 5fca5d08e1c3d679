#include "text/unicode_text.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

namespace storybank::text {
namespace {

TEST(UnicodeText, NormalizesToNfc) {
    EXPECT_EQ(normalize_nfc("Se\xCC\x81gou"), "S\xC3\xA9gou");
    EXPECT_EQ(normalize_nfc("déjà"), "déjà");
}

TEST(UnicodeText, FoldsForMatching) {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case kCases[] = {
        {"  Localité\u00A0:", "localite :"},
        {"Côte d’Ivoire", "cote d'ivoire"},
        {"Œuvre « cœur » — maïs", "oeuvre \" coeur \" - mais"},
        {"NOM ET FONCTION DE L'AUTEUR", "nom et fonction de l'auteur"},
        {"Se\xCC\x81gou\t\tMali", "segou mali"},
    };
    for (const auto& c : kCases) {
        EXPECT_EQ(fold_for_matching(c.input), c.expected) << c.input;
    }
}

TEST(UnicodeText, FoldsAsciiLikeTheFullPath) {
    // Pure ASCII takes a shortcut; a word with one accent takes the full path. Both must agree on the rest.
    const char* const kAscii[] = {"  Hello\tWORLD `x`  ", "A\x1F B\r\nC", "Nom-Prenom (Tel.)", ""};
    for (const char* ascii : kAscii) {
        std::string with_accent = std::string(ascii) + " é";
        std::string folded = fold_for_matching(with_accent);
        std::string expected = fold_for_matching(ascii);
        expected += expected.empty() ? "e" : " e";
        EXPECT_EQ(folded, expected) << ascii;
    }
    EXPECT_EQ(fold_for_matching("  Hello\tWORLD `x`  "), "hello world 'x'");
}

TEST(UnicodeText, DecodesBomsAndWindows1252) {
    EXPECT_EQ(decode_text("\xEF\xBB\xBFTitre").utf8, "Titre");
    EXPECT_EQ(decode_text("\xEF\xBB\xBFTitre").encoding, SourceEncoding::Utf8WithBom);
    auto utf16 =
        decode_text(std::string("\xFF\xFE"
                                "L\0"
                                "\xE9\0",
                                6));
    EXPECT_EQ(utf16.utf8, "Lé");
    EXPECT_EQ(utf16.encoding, SourceEncoding::Utf16LittleEndian);
    auto big_endian = decode_text(std::string("\xFE\xFF\0L\0\xE9", 6));
    EXPECT_EQ(big_endian.utf8, "Lé");
    auto latin = decode_text("Localit\xE9 \x93S\xE9gou\x94 \x80");
    EXPECT_EQ(latin.utf8, "Localité “Ségou” €");
    EXPECT_EQ(latin.encoding, SourceEncoding::Windows1252);
    EXPECT_THROW(decode_text("\xFF\xFE"
                             "abc"),
                 Error);
}

TEST(UnicodeText, TidiesSpaces) {
    EXPECT_EQ(tidy_spaces("  a \t b  \n  c  "), "a b\nc");
    EXPECT_EQ(tidy_spaces("Titre\u00A0: texte"), "Titre\u00A0: texte");
    EXPECT_EQ(tidy_spaces("mot\u00A0mot"), "mot mot");
}

TEST(UnicodeText, ValidatesUtf8) {
    EXPECT_TRUE(is_valid_utf8("éà"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));
    EXPECT_FALSE(is_valid_utf8("\xE9t\xE9"));
    EXPECT_EQ(code_point_count("Ségou"), 5U);
}

}  // namespace
}  // namespace storybank::text
