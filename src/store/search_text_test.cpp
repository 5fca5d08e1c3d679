#include "store/search_text.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

namespace storybank::store {
namespace {

SearchTerm word(std::string text) {
    return {std::move(text), SearchTerm::Kind::Word};
}

SearchTerm phrase(std::string text) {
    return {std::move(text), SearchTerm::Kind::Phrase};
}

std::string describe(const SearchText& search) {
    auto term_text = [](const SearchTerm& term) {
        return term.kind == SearchTerm::Kind::Phrase ? "\"" + term.text + "\"" : term.text;
    };
    std::string out = "all_of:";
    for (const auto& group : search.all_of) {
        out += " [";
        for (const auto& term : group) {
            out += (out.back() == '[' ? "" : " | ") + term_text(term);
        }
        out += "]";
    }
    out += " none_of:";
    for (const auto& term : search.none_of) {
        out += " " + term_text(term);
    }
    return out;
}

struct Case {
    const char* name;
    const char* text;
    SearchText expected;
};

const Case kCases[] = {
    {"words are ANDed", "femmes paix", {{{word("femmes")}, {word("paix")}}, {}}},
    {"phrase kept together", "\"la paix\" femmes", {{{phrase("la paix")}, {word("femmes")}}, {}}},
    {"OR joins two terms", "ecole OR cantine repas", {{{word("ecole"), word("cantine")}, {word("repas")}}, {}}},
    {"OR chains", "a OR b OR c", {{{word("a"), word("b"), word("c")}}, {}}},
    {"OR with a phrase", "\"a b\" OR c", {{{phrase("a b"), word("c")}}, {}}},
    {"leading minus excludes", "paix -guerre", {{{word("paix")}}, {word("guerre")}}},
    {"NOT excludes the next term", "NOT guerre paix", {{{word("paix")}}, {word("guerre")}}},
    {"minus before a phrase", "paix -\"guerre civile\"", {{{word("paix")}}, {phrase("guerre civile")}}},
    {"only exclusions", "-guerre", {{}, {word("guerre")}}},
    {"AND is implicit", "femmes AND paix", {{{word("femmes")}, {word("paix")}}, {}}},
    {"lower-case or is a word", "or argent", {{{word("or")}, {word("argent")}}, {}}},
    {"dangling OR at the end", "paix OR", {{{word("paix")}}, {}}},
    {"dangling OR at the start", "OR paix", {{{word("paix")}}, {}}},
    {"OR before an exclusion", "paix OR -guerre", {{{word("paix")}}, {word("guerre")}}},
    {"hyphen inside a word stays", "anti-extrémisme", {{{word("anti-extrémisme")}}, {}}},
    {"apostrophe stays", "l'école", {{{word("l'école")}}, {}}},
    {"column filter is two words", "title:paix", {{{word("title")}, {word("paix")}}, {}}},
    {"NEAR is a word", "NEAR(femmes paix)", {{{word("NEAR")}, {word("femmes")}, {word("paix")}}, {}}},
    {"prefix star is punctuation", "paix*", {{{word("paix")}}, {}}},
    {"caret is punctuation", "^paix", {{{word("paix")}}, {}}},
    {"brackets and OR alone", ") OR (", {}},
    {"star alone", "*", {}},
    {"empty", "", {}},
    {"spaces only", "   \t ", {}},
    {"lone minus", "- paix", {{{word("paix")}}, {}}},
    {"French quotes only", "« » …", {}},
    {"empty phrase dropped", "\"\" paix", {{{word("paix")}}, {}}},
    {"word then phrase without space", "a\"b c\"", {{{word("a")}, {phrase("b c")}}, {}}},
    {"plus and braces", "+{paix}", {{{word("paix")}}, {}}},
};

TEST(SearchText, ParsesTable) {
    for (const auto& test_case : kCases) {
        SearchText parsed = parse_search_text(test_case.text);
        EXPECT_EQ(describe(parsed), describe(test_case.expected)) << test_case.name << ": " << test_case.text;
        EXPECT_EQ(parsed, test_case.expected) << test_case.name;
    }
}

TEST(SearchText, UnbalancedQuotesAreAnInvalidRequestSayingSo) {
    for (const char* text : {"\"", "femmes \"paix", "\"a\" \"b", "-\""}) {
        try {
            parse_search_text(text);
            ADD_FAILURE() << "expected an error for " << text;
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::InvalidRequest) << text;
            EXPECT_NE(error.public_message().find("quote"), std::string::npos) << error.public_message();
        }
    }
}

TEST(SearchText, RefusesOverlongTextAndTooManyTerms) {
    std::string long_text(kMaxSearchTextBytes + 1, 'a');
    EXPECT_THROW(parse_search_text(long_text), Error);

    std::string many_words;
    for (std::size_t index = 0; index <= kMaxSearchTerms; ++index) {
        many_words += "w" + std::to_string(index) + " ";
    }
    try {
        parse_search_text(many_words);
        ADD_FAILURE() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::InvalidRequest);
        EXPECT_NE(error.public_message().find("too many words"), std::string::npos) << error.public_message();
    }
}

}  // namespace
}  // namespace storybank::store
