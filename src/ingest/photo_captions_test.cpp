#include "ingest/photo_captions.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using Kind = DocumentLine::Kind;
using CandidateKind = PhotoCandidate::Kind;

DocumentLine line(Kind kind, std::string text, std::string image = {}) {
    DocumentLine out;
    out.kind = kind;
    out.text = std::move(text);
    out.image = std::move(image);
    return out;
}

PhotoCandidate picture(std::string image, bool in_photos_field = true, std::string caption = {}) {
    return {CandidateKind::Image, std::move(caption), "", std::move(image), in_photos_field, ""};
}

PhotoCandidate paragraph(std::string text) {
    return {CandidateKind::Paragraph, std::move(text), "", "", true, ""};
}

/// "caption=image" per photo.
std::vector<std::string> pairs(const std::vector<PhotoCandidate>& candidates) {
    std::vector<std::string> out;
    for (const auto& photo : pair_photo_captions(candidates)) {
        out.push_back(photo.caption + "=" + photo.image);
    }
    return out;
}

TEST(PhotoCaptions, AttachesStyledCaptionsToTheirPicture) {
    std::vector<DocumentLine> lines = {line(Kind::Text, "Avant"),
                                       line(Kind::Image, "", "a.png"),
                                       line(Kind::Blank, ""),
                                       line(Kind::Caption, "Légende A"),
                                       line(Kind::Caption, "Légende B"),
                                       line(Kind::Image, "", "b.png"),
                                       line(Kind::Image, "alt du Markdown", "c.png"),
                                       line(Kind::Caption, "Orpheline")};
    attach_styled_captions(lines);
    ASSERT_EQ(lines.size(), 6U);
    EXPECT_EQ(lines[1].text, "Légende A");  // the caption below comes first
    EXPECT_EQ(lines[3].image, "b.png");
    EXPECT_EQ(lines[3].text, "Légende B");  // nothing below: the one above
    EXPECT_EQ(lines[4].text, "alt du Markdown");
    EXPECT_EQ(lines[5].text, "Orpheline");  // a picture that has a caption takes no other
}

TEST(PhotoCaptions, CaptionsAboveTheirPictures) {
    std::vector<DocumentLine> lines = {line(Kind::Caption, "Un"), line(Kind::Image, "", "1.png"),
                                       line(Kind::Caption, "Deux"), line(Kind::Image, "", "2.png")};
    attach_styled_captions(lines);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].text, "Un");
    EXPECT_EQ(lines[1].text, "Deux");
}

TEST(PhotoCaptions, PairsPicturesAndParagraphs) {
    struct Case {
        const char* name;
        std::vector<PhotoCandidate> candidates;
        std::vector<std::string> expected;
    };
    const Case kCases[] = {
        {"picture then caption", {picture("1"), paragraph("Un"), picture("2"), paragraph("Deux")}, {"Un=1", "Deux=2"}},
        {"pictures then a list of captions",
         {picture("1"), picture("2"), picture("3"), paragraph("Un"), paragraph("Deux"), paragraph("Trois")},
         {"Un=1", "Deux=2", "Trois=3"}},
        {"captions then pictures",
         {paragraph("Un"), paragraph("Deux"), picture("1"), picture("2")},
         {"Un=1", "Deux=2"}},
        {"caption above each picture",
         {paragraph("Un"), picture("1"), paragraph("Deux"), picture("2")},
         {"Un=1", "Deux=2"}},
        {"captions without pictures", {paragraph("Un"), paragraph("Deux")}, {"Un=", "Deux="}},
        {"more captions than pictures", {picture("1"), paragraph("Un"), paragraph("Deux")}, {"Un=1", "Deux="}},
        {"picture with its own caption takes none", {picture("1", true, "Alt"), paragraph("Un")}, {"Alt=1", "Un="}},
        {"a picture in the story takes no paragraph of the photos",
         {picture("corps", false), paragraph("Un")},
         {"=corps", "Un="}},
    };
    for (const auto& test : kCases) {
        EXPECT_EQ(pairs(test.candidates), test.expected) << test.name;
    }
}

TEST(PhotoCaptions, AltTextIsTheLastResort) {
    PhotoCandidate alone = picture("1");
    alone.alt_text = "Description";
    EXPECT_EQ(pairs({alone}), (std::vector<std::string>{"Description=1"}));
    EXPECT_EQ(pairs({alone, paragraph("Légende")}), (std::vector<std::string>{"Légende=1"}));
}

}  // namespace
}  // namespace storybank::ingest
