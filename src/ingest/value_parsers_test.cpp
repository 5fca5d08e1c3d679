#include "ingest/value_parsers.hpp"

#include "ingest/test_template.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

TEST(PersonParser, SplitsNameAndFunction) {
    struct Case {
        const char* value;
        const char* name;
        const char* function;
    };
    const Case kCases[] = {
        {"Abdoul Kassim FOMBA Coordonnateur National Think Peace", "Abdoul Kassim FOMBA",
         "Coordonnateur National Think Peace"},
        {"Awa Traoré, chargée de suivi-évaluation", "Awa Traoré", "chargée de suivi-évaluation"},
        {"Awa Traoré – Chargée de programme", "Awa Traoré", "Chargée de programme"},
        {"TRAORÉ Awa Chargée de programme", "TRAORÉ Awa", "Chargée de programme"},
        {"Moussa Diallo Coordinateur ARC", "Moussa Diallo", "Coordinateur ARC"},
        {"Fatimata OUÉDRAOGO\nPrésidente de l'association", "Fatimata OUÉDRAOGO", "Présidente de l'association"},
        {"John SMITH Programme Officer", "John SMITH", "Programme Officer"},
        {"Jean-Baptiste OUÉDRAOGO Programme Manager, Social Cohesion", "Jean-Baptiste OUÉDRAOGO",
         "Programme Manager, Social Cohesion"},
        {"Ibrahim Moussa HAMANI, Responsable suivi-évaluation", "Ibrahim Moussa HAMANI",
         "Responsable suivi-évaluation"},
        {"Fatoumata DIALLO épouse KEÏTA, Présidente", "Fatoumata DIALLO épouse KEÏTA", "Présidente"},
    };
    for (const auto& c : kCases) {
        ProblemSink problems;
        core::Person person = parse_person(c.value, "author", problems);
        EXPECT_EQ(person.name, c.name) << c.value;
        EXPECT_EQ(person.function, c.function) << c.value;
        EXPECT_TRUE(problems.empty()) << c.value;
    }
    ProblemSink problems;
    EXPECT_EQ(parse_person("Awa Traoré", "author", problems).name, "Awa Traoré");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message_id, "author-function-missing");
}

TEST(ContactParser, FindsPhonesAndEmails) {
    ProblemSink problems;
    core::Contact contact =
        parse_contact("Tel : 76 12 34 56 / +226 70 11 22 33 ; Awa.Traore@Example.org", "ML", "contact", problems);
    EXPECT_EQ(contact.phones, (std::vector<std::string>{"+22376123456", "+22670112233"}));
    EXPECT_EQ(contact.emails, std::vector<std::string>{"awa.traore@example.org"});
    EXPECT_TRUE(problems.empty());
    contact = parse_contact("12 34 56 7 et awa@", "ML", "contact", problems);
    EXPECT_TRUE(contact.phones.empty());
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0].message_id, "email-invalid");
    EXPECT_EQ(problems[1].message_id, "phone-invalid");
}

TEST(PlaceParser, SplitsPlaceAndCountry) {
    struct Case {
        const char* value;
        const char* name;
        const char* country;
    };
    const Case kCases[] = {
        {"Bamako en République du Mali", "Bamako", "ML"},
        {"Dori, Burkina Faso", "Dori", "BF"},
        {"Ségou (Mali)", "Ségou", "ML"},
        {"Niamey", "Niamey", "NE"},
        {"Commune de Kati, région de Koulikoro, Mali", "Commune de Kati, région de Koulikoro", "ML"},
        {"Sénégal", "Sénégal", "SN"},
        {"Kinshasa, RDC", "Kinshasa", "CD"},
    };
    for (const auto& c : kCases) {
        ProblemSink problems;
        core::Place place = parse_place(c.value, "fr", "locality", problems);
        EXPECT_EQ(place.name, c.name) << c.value;
        EXPECT_EQ(place.country, c.country) << c.value;
        EXPECT_EQ(place.text, c.value);
        EXPECT_TRUE(problems.empty()) << c.value;
    }
    ProblemSink problems;
    EXPECT_EQ(parse_place("Village de Koro-Kanda", "fr", "locality", problems).country, "");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message_id, "locality-country-unknown");
}

TEST(DateParser, ReadsCommonForms) {
    struct Case {
        const char* value;
        const char* expected;
    };
    const Case kCases[] = {
        {"12/03/2024", "2024-03-12"},     {"2024-03-12", "2024-03-12"}, {"12 mars 2024", "2024-03-12"},
        {"March 12, 2024", "2024-03-12"}, {"mars 2024", "2024-03"},     {"2023", "2023"},
        {"1er août 2022", "2022-08-01"},
    };
    for (const auto& c : kCases) {
        ProblemSink problems;
        EXPECT_EQ(parse_date(c.value, "date", problems), c.expected) << c.value;
        EXPECT_TRUE(problems.empty()) << c.value;
    }
    ProblemSink problems;
    EXPECT_EQ(parse_date("31/02/2024", "date", problems), "31/02/2024");
    EXPECT_EQ(problems.size(), 1U);
}

TEST(ChoiceParser, MatchesLabelsAndAliases) {
    const auto& field = *testing::most_significant_change_template().find_field("domain");
    ProblemSink problems;
    EXPECT_EQ(parse_choice("Participation des femmes", field, problems), "women-participation");
    EXPECT_EQ(parse_choice("jeunesse", field, problems), "youth-engagement");
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(parse_choice("Agriculture", field, problems), "Agriculture");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message_id, "choice-unknown");
}

TEST(QuoteFinder, FindsTestimoniesWithTheirSpeakers) {
    struct Case {
        const char* text;
        const char* quote;
        const char* speaker;
        const char* role;
    };
    const Case kCases[] = {
        {"Il dit « Nous avons enfin un puits au village » **Awa KONÉ**, présidente des femmes.",
         "Nous avons enfin un puits au village", "Awa KONÉ", "présidente des femmes"},
        {"“Our children go to school again” — Mariam Sow, teacher. Then more.", "Our children go to school again",
         "Mariam Sow", "teacher"},
        {"\"Le dialogue a remplacé la méfiance\" (Ibrahim Maïga, chef de village)",
         "Le dialogue a remplacé la méfiance", "Ibrahim Maïga", "chef de village"},
        {"« Nous avons enfin un puits », explique **Awa KONÉ**, présidente des femmes.", "Nous avons enfin un puits",
         "Awa KONÉ", "présidente des femmes"},
        {"« Le marché est à nous tous », témoigne Ali Hamani, commerçant. Puis il sourit.", "Le marché est à nous tous",
         "Ali Hamani", "commerçant"},
        {"“We share the river now,” says Amadou Soumana, fisherman.", "We share the river now", "Amadou Soumana",
         "fisherman"},
    };
    for (const auto& c : kCases) {
        auto quotes = find_quotes(c.text);
        ASSERT_EQ(quotes.size(), 1U) << c.text;
        EXPECT_EQ(quotes[0].text, c.quote);
        EXPECT_EQ(quotes[0].speaker, c.speaker);
        EXPECT_EQ(quotes[0].role, c.role);
    }
    EXPECT_TRUE(find_quotes("le fonds dénommé \" Peace Building Fund \" dans les zones").empty());
    EXPECT_TRUE(find_quotes("« Une phrase sans auteur qui reste dans le texte. »").empty());
    EXPECT_TRUE(find_quotes("« Une phrase citée assez longue », dit le rapport de la mairie.").empty());
}

}  // namespace
}  // namespace storybank::ingest
