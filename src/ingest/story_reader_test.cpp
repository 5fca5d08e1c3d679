#include "ingest/story_reader.hpp"

#include "core/error.hpp"
#include "ingest/test_documents.hpp"
#include "ingest/test_template.hpp"

#include <gtest/gtest.h>

namespace storybank::ingest {
namespace {

using testing::read_source_file;
using testing::success_story_template;

core::Story read(const std::string& name, const std::string& bytes) {
    return read_story({name, bytes}, success_story_template());
}

TEST(StoryReader, ReadsTheSeedStory) {
    core::Story story = read("think-peace-mali.txt", read_source_file("tests/data/think-peace-mali.txt"));
    EXPECT_EQ(story.template_id, "success-story");
    EXPECT_EQ(story.language, "fr");
    const auto& author = std::get<core::Person>(*story.find("author"));
    EXPECT_EQ(author.name, "Abdoul Kassim FOMBA");
    EXPECT_EQ(author.function, "Coordonnateur National Think Peace");
    const auto& contact = std::get<core::Contact>(*story.find("contact"));
    EXPECT_EQ(contact.phones, std::vector<std::string>{"+22379959269"});
    EXPECT_EQ(contact.emails, std::vector<std::string>{"fomba3@hotmail.com"});
    EXPECT_EQ(story.text("consortium_member"), "Human Security Collective (HSC)");
    EXPECT_EQ(story.text("partner_ngo"), "Think Peace");
    const auto& locality = std::get<core::Place>(*story.find("locality"));
    EXPECT_EQ(locality, (core::Place{"Bamako", "ML", "Bamako en République du Mali"}));
    EXPECT_EQ(story.text("title"), "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT");
    EXPECT_TRUE(story.text("introduction").starts_with("Depuis 2012, le Mali a connu"));
    EXPECT_TRUE(story.text("lessons").starts_with("*La réalisation des deux ateliers"));
    const auto& quotes = std::get<core::QuoteList>(*story.find("quotes"));
    ASSERT_EQ(quotes.size(), 1U);
    EXPECT_TRUE(quotes[0].text.starts_with("La sensibilisation à la base des thèmes appris"));
    EXPECT_TRUE(quotes[0].text.ends_with("dans cette crise"));
    EXPECT_EQ(quotes[0].speaker, "Aissata KANE");
    EXPECT_EQ(quotes[0].role,
              "Trésorière Adjointe du Réseau Paix et Sécurité des Femmes dans l'espace CEDEAO/ REPSFECO");
    const auto& photos = std::get<core::PhotoList>(*story.find("photos"));
    ASSERT_EQ(photos.size(), 3U);
    EXPECT_TRUE(photos[0].caption.starts_with("Image de la cérémonie d'ouverture de l'atelier"));
    for (const auto& problem : story.problems) {
        ADD_FAILURE() << "unexpected problem " << problem.field << " " << problem.message_id;
    }
}

TEST(StoryReader, KeepsMarkdownStructure) {
    const std::string markdown =
        "| Rubrique | Réponse |\n|---|---|\n| Nom et fonction de l'auteur | Awa KONÉ, animatrice |\n"
        "| Localité | Gao |\n\n## Titre\n\nLe titre\n\n## Leçons apprises\n\nLeçons apprises : \n\n"
        "1. Premier point.\n2) Deuxième point.\n- Troisième point.\n";
    core::Story story = read("story.md", markdown);
    EXPECT_EQ(story.text("lessons"), "1. Premier point.\n2) Deuxième point.\n- Troisième point.");
    EXPECT_EQ(std::get<core::Person>(*story.find("author")).name, "Awa KONÉ");
    for (const auto& problem : story.problems) {
        // Neither the table's header row nor the heading followed by its label is a problem.
        EXPECT_NE(problem.message_id, "text-not-attributed") << problem.location;
        EXPECT_NE(problem.message_id, "field-repeated") << problem.field;
    }
}

std::string refusal(const std::string& name, const std::string& bytes) {
    try {
        read(name, bytes);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput);
        EXPECT_NE(error.public_message().find("'" + name + "'"), std::string::npos) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << name << " was not refused";
    return {};
}

const std::string& seed_docx() {
    static const std::string kSeed = read_source_file("tests/golden/parse/seed-as-word.docx");
    return kSeed;
}

TEST(StoryReader, ReadsAFileByWhatItIsNotByItsName) {
    const std::string text = read_source_file("tests/data/think-peace-mali.txt");
    EXPECT_EQ(sniff_file_kind({"story.docx", text}), FileKind::PlainText);
    EXPECT_EQ(sniff_file_kind({"story.txt", seed_docx()}), FileKind::Docx);
    EXPECT_EQ(sniff_file_kind({"story.docx", read_source_file("tests/golden/parse/seed-libreoffice.odt")}),
              FileKind::Odt);
    const core::Story from_text = read("story.docx", text);
    const core::Story from_docx = read("story.txt", seed_docx());
    EXPECT_EQ(from_text.fields, from_docx.fields);
    EXPECT_EQ(from_docx.text("title"), "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT");
}

TEST(StoryReader, TellsAZipThatIsNoDocument) {
    EXPECT_EQ(sniff_file_kind({"story.docx", testing::make_zip({{"notes.txt", "x"}})}), FileKind::Zip);
    EXPECT_EQ(
        sniff_file_kind({"sheet.ods", testing::make_odt("", "", {}, "application/vnd.oasis.opendocument.spreadsheet")}),
        FileKind::Zip);
    std::string message = refusal("story.docx", testing::make_zip({{"notes.txt", "x"}}));
    EXPECT_NE(message.find("not a story document"), std::string::npos) << message;
}

TEST(StoryReader, RefusesOldWordAndEncryptedOffice) {
    std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(1024, '\0');
    std::string message = refusal("rapport.doc", ole + "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0");
    EXPECT_NE(message.find("old Word (.doc) file or a password-protected document; save it as .docx"),
              std::string::npos)
        << message;
    // Word saves a password-protected .docx as an OLE file holding an EncryptedPackage stream.
    std::string locked = ole;
    for (char c : std::string("EncryptedPackage")) {
        locked += c;
        locked += '\0';
    }
    message = refusal("histoire.docx", locked);
    EXPECT_NE(message.find("protected by a password"), std::string::npos) << message;
}

TEST(StoryReader, RefusesDamagedDocuments) {
    std::string message = refusal("cut.docx", seed_docx().substr(0, seed_docx().size() / 2));
    EXPECT_NE(message.find("damaged ZIP archive"), std::string::npos) << message;
    message = refusal("bomb.docx", testing::zip_bomb());
    EXPECT_NE(message.find("zip bomb"), std::string::npos) << message;
}

TEST(StoryReader, KeepsThePictureOfEachPhoto) {
    StoryDocument document = read_story_document({"seed.docx", seed_docx()}, success_story_template());
    const auto& photos = std::get<core::PhotoList>(*document.story.find("photos"));
    ASSERT_EQ(photos.size(), 3U);
    ASSERT_EQ(document.photo_images.size(), 3U);
    EXPECT_EQ(photos[0].caption,
              "Image de la cérémonie d'ouverture de l'atelier de l'élaboration du plan d'action du réseau Think "
              "Peace/ARC");
    for (std::size_t i = 0; i < photos.size(); ++i) {
        EXPECT_FALSE(photos[i].attachment.has_value());  // media:: decides what becomes an attachment
        ASSERT_TRUE(document.photo_images[i].has_value()) << i;
    }
    EXPECT_EQ(document.photo_images[0]->name, "word/media/image1.jpeg");
    EXPECT_EQ(document.photo_images[2]->name, "word/media/image3.png");
    EXPECT_TRUE(document.photo_images[2]->bytes.starts_with("\x89PNG"));

    // A text story's photos are captions without pictures.
    StoryDocument text = read_story_document({"seed.txt", read_source_file("tests/data/think-peace-mali.txt")},
                                             success_story_template());
    ASSERT_EQ(text.photo_images.size(), 3U);
    EXPECT_FALSE(text.photo_images[0].has_value());
}

TEST(StoryReader, WarnsOfALinkedPictureAndKeepsItsCaption) {
    const std::string body =
        R"(<w:p><w:r><w:t>Titre : Un titre</w:t></w:r></w:p><w:p><w:r><w:t>Photos</w:t></w:r></w:p>)"
        R"(<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rId7"/>)"
        R"(</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>)"
        R"(<w:p><w:r><w:t>Le marché de Gao</w:t></w:r></w:p>)";
    const std::string relationships =
        R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" )"
        R"(Target="http://198.51.100.7/photo.jpg" TargetMode="External"/>)";
    StoryDocument document =
        read_story_document({"lien.docx", testing::make_docx(body, relationships)}, success_story_template());
    const auto& photos = std::get<core::PhotoList>(*document.story.find("photos"));
    ASSERT_EQ(photos.size(), 1U);
    EXPECT_EQ(photos[0].caption, "Le marché de Gao");
    ASSERT_EQ(document.photo_images.size(), 1U);
    EXPECT_FALSE(document.photo_images[0].has_value());
    bool warned = false;
    for (const auto& problem : document.story.problems) {
        warned = warned || (problem.message_id == "image-not-embedded" &&
                            problem.params.at("target") == "http://198.51.100.7/photo.jpg");
    }
    EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace storybank::ingest
