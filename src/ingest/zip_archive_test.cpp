#include "ingest/zip_archive.hpp"

#include "core/error.hpp"
#include "ingest/test_documents.hpp"

#include <gtest/gtest.h>

#include <random>

namespace storybank::ingest {
namespace {

using testing::make_zip;
using testing::ZipEntry;

constexpr std::uint64_t kMegabyte = 1024 * 1024;

/// The public message of the Error(UnreadableInput) that `read` throws, or "" (with a failure) when none.
template <typename Read>
std::string refusal(Read read) {
    try {
        read();
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << "nothing was refused";
    return {};
}

std::string incompressible(std::size_t size, unsigned seed) {
    std::mt19937 random(seed);
    std::string out(size, '\0');
    for (auto& c : out) {
        c = static_cast<char>(random() & 0xFF);
    }
    return out;
}

TEST(ZipArchive, ListsAndReadsEntries) {
    ZipArchive archive(make_zip({{"a.txt", "alpha"}, {"dir/B.xml", "<b/>"}}), "story.docx");
    EXPECT_EQ(archive.entry_names(), (std::vector<std::string>{"a.txt", "dir/B.xml"}));
    EXPECT_EQ(archive.read("a.txt"), "alpha");
    // OPC part names are case-insensitive and may be written with a leading slash.
    EXPECT_EQ(archive.read("/dir/b.xml"), "<b/>");
    EXPECT_FALSE(archive.read_if_present("missing.xml").has_value());
    EXPECT_EQ(archive.total_inflated(), 9U);
}

TEST(ZipArchive, MissingEntryIsNamed) {
    ZipArchive archive(make_zip({{"a.txt", "alpha"}}), "story.docx");
    std::string message = refusal([&] { archive.read("word/document.xml"); });
    EXPECT_NE(message.find("'story.docx'"), std::string::npos) << message;
    EXPECT_NE(message.find("word/document.xml"), std::string::npos) << message;
}

TEST(ZipArchive, RefusesAZipBombByItsRatio) {
    const std::string& bomb = testing::zip_bomb();
    ASSERT_LT(bomb.size(), 2 * kMegabyte);
    ZipArchive archive(bomb, "bomb.docx");
    std::string message = refusal([&] { archive.read("word/document.xml"); });
    EXPECT_NE(message.find("'bomb.docx'"), std::string::npos) << message;
    EXPECT_NE(message.find("zip bomb"), std::string::npos) << message;
    // Stopped as soon as the ratio was passed, long before the 300 MB.
    EXPECT_LT(archive.total_inflated(), 64 * kMegabyte);
}

TEST(ZipArchive, RefusesMoreThanTheTotalLimitWhateverTheRatio) {
    ZipLimits limits;
    limits.max_ratio = 1e9;
    ZipArchive archive(testing::zip_bomb(), "bomb.docx", limits);
    std::string message = refusal([&] { archive.read("word/document.xml"); });
    EXPECT_NE(message.find("more than 200 MB"), std::string::npos) << message;
    EXPECT_LE(archive.total_inflated(), 200 * kMegabyte + 64 * 1024);
}

TEST(ZipArchive, CountsTheTotalAcrossEntries) {
    ZipLimits limits;
    limits.max_total_bytes = kMegabyte;
    std::vector<ZipEntry> entries;
    for (unsigned i = 0; i < 3; ++i) {
        entries.push_back({"part" + std::to_string(i), incompressible(400 * 1024, i)});
    }
    ZipArchive archive(make_zip(entries), "parts.odt", limits);
    archive.read("part0");
    archive.read("part1");
    std::string message = refusal([&] { archive.read("part2"); });
    EXPECT_NE(message.find("more than 1 MB"), std::string::npos) << message;
}

TEST(ZipArchive, RatioIsCheckedOnlyPastItsFloor) {
    // 100:1 is not unusual for a small XML part, and 20 MB of zeros is a bomb however small.
    ZipArchive archive(make_zip({{"small.xml", "", 512 * 1024}, {"big.xml", "", 20 * kMegabyte}}), "x.docx");
    EXPECT_EQ(archive.read("small.xml").size(), 512U * 1024);
    std::string message = refusal([&] { archive.read("big.xml"); });
    EXPECT_NE(message.find("'big.xml'"), std::string::npos) << message;
    EXPECT_NE(message.find("100 times"), std::string::npos) << message;
}

TEST(ZipArchive, RefusesAnEntryPastItsOwnLimit) {
    ZipArchive archive(make_zip({{"content.xml", std::string(5000, 'x')}}), "big.odt");
    EXPECT_EQ(archive.read("content.xml", 5000).size(), 5000U);
    std::string message = refusal([&] { archive.read("content.xml", 4999); });
    EXPECT_NE(message.find("('content.xml') larger than 4999 bytes"), std::string::npos) << message;
}

TEST(ZipArchive, ReadsALargeOrdinaryEntry) {
    std::string text;
    while (text.size() < 3 * kMegabyte) {
        text += incompressible(64, static_cast<unsigned>(text.size())) + " la paix et la sécurité ";
    }
    ZipArchive archive(make_zip({{"word/media/image1.jpeg", text}}), "photos.docx");
    EXPECT_EQ(archive.read("word/media/image1.jpeg"), text);
}

TEST(ZipArchive, RefusesTooManyEntries) {
    std::vector<ZipEntry> entries;
    for (int i = 0; i <= 10'000; ++i) {
        entries.push_back({"e" + std::to_string(i), ""});
    }
    std::string archive = make_zip(entries);
    std::string message = refusal([&] { ZipArchive(archive, "many.docx"); });
    EXPECT_NE(message.find("10001 parts"), std::string::npos) << message;
}

TEST(ZipArchive, RefusesTruncatedArchive) {
    std::string whole = make_zip({{"word/document.xml", std::string(5000, 'a')}, {"b", "bbb"}});
    for (std::size_t keep : {whole.size() / 2, whole.size() - 10, std::size_t{30}}) {
        std::string message = refusal([&] { ZipArchive(whole.substr(0, keep), "cut.docx"); });
        EXPECT_NE(message.find("'cut.docx' is a damaged ZIP archive"), std::string::npos) << message;
        EXPECT_NE(message.find("save it again"), std::string::npos) << message;
    }
}

TEST(ZipArchive, RefusesCorruptData) {
    std::string text = incompressible(20'000, 7);
    std::string archive = make_zip({{"word/document.xml", text}});
    // Flip bytes in the middle of the compressed data, past the local header.
    for (std::size_t i = 200; i < 260; ++i) {
        archive[i] = static_cast<char>(archive[i] ^ 0x5A);
    }
    ZipArchive zip(archive, "flipped.docx");
    std::string message = refusal([&] { zip.read("word/document.xml"); });
    EXPECT_NE(message.find("'flipped.docx' is a damaged ZIP archive"), std::string::npos) << message;
    EXPECT_NE(message.find("word/document.xml"), std::string::npos) << message;
}

TEST(ZipArchive, RefusesEncryptedEntry) {
    if (!testing::can_encrypt()) {
        GTEST_SKIP() << "this libzip cannot write encrypted entries";
    }
    ZipArchive archive(make_zip({{"word/document.xml", "<w:document/>", 0, true}}), "locked.docx");
    std::string message = refusal([&] { archive.read("word/document.xml"); });
    EXPECT_NE(message.find("'locked.docx' is protected by a password"), std::string::npos) << message;
}

TEST(ZipArchive, RefusesWhatIsNotAZip) {
    std::string message = refusal([] { ZipArchive("PK\x03\x04 but nothing else", "fake.docx"); });
    EXPECT_NE(message.find("'fake.docx' is a damaged ZIP archive"), std::string::npos) << message;
}

}  // namespace
}  // namespace storybank::ingest
