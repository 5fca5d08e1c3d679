#include "ingest/xml_document.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace storybank::ingest {
namespace {

std::string refusal(std::string_view xml) {
    try {
        parse_xml_part(xml, "story.docx", "word/document.xml");
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput);
        EXPECT_NE(error.public_message().find("'story.docx'"), std::string::npos) << error.public_message();
        EXPECT_NE(error.public_message().find("word/document.xml"), std::string::npos) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << "not refused: " << xml.substr(0, 80);
    return {};
}

std::string nested(std::size_t depth) {
    std::string xml;
    for (std::size_t i = 0; i < depth; ++i) {
        xml += "<w:sdt>";
    }
    for (std::size_t i = 0; i < depth; ++i) {
        xml += "</w:sdt>";
    }
    return xml;
}

TEST(XmlDocument, KeepsWhitespaceOnlyText) {
    // pandoc writes the space between two runs as a run of its own.
    auto document = parse_xml_part(R"(<p><t>a</t><t xml:space="preserve"> </t><t>b</t></p>)", "f.docx", "p.xml");
    pugi::xml_node space = document->child("p").first_child().next_sibling();
    EXPECT_STREQ(space.text().get(), " ");
}

TEST(XmlDocument, RefusesBillionLaughs) {
    const std::string xml = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol">)"
                            R"(<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">)"
                            R"(<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">)"
                            R"(<!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)"
                            R"(<w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>)";
    EXPECT_NE(refusal(xml).find("DOCTYPE"), std::string::npos);
}

TEST(XmlDocument, RefusesExternalEntity) {
    const std::string xml = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
                            R"(<w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>)";
    std::string message = refusal(xml);
    EXPECT_NE(message.find("DOCTYPE"), std::string::npos) << message;
    EXPECT_EQ(message.find("root:"), std::string::npos) << message;
}

TEST(XmlDocument, RefusesDoctypeWithoutEntities) {
    EXPECT_NE(refusal("<!DOCTYPE html><html/>").find("DOCTYPE"), std::string::npos);
}

TEST(XmlDocument, RefusesDeepNestingWithoutCrashing) {
    std::string message = refusal(nested(100'000));
    EXPECT_NE(message.find("1000 levels"), std::string::npos) << message;
}

TEST(XmlDocument, AcceptsNestingUpToTheLimit) {
    EXPECT_NO_THROW(parse_xml_part(nested(kMaxXmlDepth), "f.docx", "word/document.xml"));
    refusal(nested(kMaxXmlDepth + 1));
}

TEST(XmlDocument, RefusesMoreMarkupThanAStoryNeeds) {
    std::string xml = "<w:body>";
    xml.reserve(4 * kMaxXmlMarkup + 20);
    for (std::size_t i = 0; i < kMaxXmlMarkup; ++i) {
        xml += "<a/>";
    }
    xml += "</w:body>";
    std::string message = refusal(xml);
    EXPECT_NE(message.find("elements and attributes"), std::string::npos) << message;
}

TEST(XmlDocument, ReportsWhereTheXmlIsBroken) {
    std::string message = refusal("<w:document><w:body></w:document>");
    EXPECT_NE(message.find("not well-formed"), std::string::npos) << message;
    EXPECT_NE(message.find("at byte"), std::string::npos) << message;
}

TEST(XmlDocument, LocalName) {
    EXPECT_EQ(local_name("w:p"), "p");
    EXPECT_EQ(local_name("p"), "p");
}

}  // namespace
}  // namespace storybank::ingest
