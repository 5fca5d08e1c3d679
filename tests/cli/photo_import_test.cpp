// A Word story whose pasted photo carries GPS and an EXIF orientation: `parse --media-dir` writes the photo
// upright with no metadata at all, and `import` stores it (and its thumbnail) with the story.
#include "import_process.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace storybank::testing;
using Json = nlohmann::json;

std::string source_dir() {
    const char* dir = std::getenv("STORYBANK_SOURCE_DIR");
    return dir != nullptr ? dir : STORYBANK_DEFAULT_SOURCE_DIR;
}

std::string command_output(const std::string& command, int* exit_status = nullptr) {
    std::string output;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return output;
    }
    char buffer[4096];
    for (std::size_t count = fread(buffer, 1, sizeof buffer, pipe); count > 0;
         count = fread(buffer, 1, sizeof buffer, pipe)) {
        output.append(buffer, count);
    }
    int status = pclose(pipe);
    if (exit_status != nullptr) {
        *exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return output;
}

class PhotoImportTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_work = fs::temp_directory_path() / ("storybank-photo-" + std::to_string(::getpid()));
        fs::remove_all(m_work);
        fs::create_directories(m_work);
        m_docx = m_work / "kaya-with-gps.docx";
        // The English Word fixture with its first picture swapped for a photo that has GPS and Orientation 6.
        std::string script =
            "import sys, zipfile\n"
            "src, photo, out = sys.argv[1:4]\n"
            "with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:\n"
            "    for item in zin.infolist():\n"
            "        data = open(photo, 'rb').read() if item.filename == 'word/media/image1.jpeg' else zin.read(item)\n"
            "        zout.writestr(item, data)\n";
        std::ofstream(m_work / "swap.py") << script;
        int status = -1;
        command_output("python3 '" + (m_work / "swap.py").string() + "' '" + source_dir() +
                           "/tests/golden/parse/english-word-kaya.docx' '" + source_dir() +
                           "/tests/data/photos/gps-orientation-6.jpg' '" + m_docx.string() + "'",
                       &status);
        ASSERT_EQ(status, 0) << "could not build the test document";
    }
    void TearDown() override { fs::remove_all(m_work); }

    fs::path m_work;
    fs::path m_docx;
};

TEST_F(PhotoImportTest, ParseWritesUprightPhotosWithoutMetadata) {
    fs::path media = m_work / "media";
    int status = -1;
    std::string json = command_output("'" + storybank_binary() + "' --lang en parse '" + m_docx.string() +
                                          "' --media-dir '" + media.string() + "' 2>/dev/null",
                                      &status);
    ASSERT_EQ(status, 0) << json;
    Json story = Json::parse(json);
    const Json& first = story["fields"]["photos"][0];
    EXPECT_EQ(first["caption"], "Kaya market on a Thursday morning");
    ASSERT_TRUE(first["attachment"].is_object()) << first.dump();
    // 160 × 120 with Orientation 6 is a portrait photo once turned upright.
    EXPECT_EQ(first["attachment"]["width"], 120);
    EXPECT_EQ(first["attachment"]["height"], 160);
    EXPECT_EQ(first["attachment"]["media_type"], "image/jpeg");

    fs::path written = media / (first["attachment"]["sha256"].get<std::string>() + ".jpg");
    ASSERT_TRUE(fs::exists(written)) << written;
    if (command_output("command -v exiftool").empty()) {
        GTEST_SKIP() << "exiftool is not installed: metadata not checked with it";
    }
    std::string tags = command_output("exiftool -j -G1 -a '" + written.string() + "'");
    EXPECT_EQ(tags.find("GPS"), std::string::npos) << tags;
    EXPECT_EQ(tags.find("Orientation"), std::string::npos) << tags;
    EXPECT_EQ(tags.find("EXIF"), std::string::npos) << tags;
    EXPECT_EQ(tags.find("XMP"), std::string::npos) << tags;
}

TEST_F(PhotoImportTest, ImportStoresPhotoAndThumbnailWithTheStory) {
    std::string data = (m_work / "data").string();
    int status = -1;
    std::string out = command_output(
        "'" + storybank_binary() + "' --data '" + data + "' import '" + m_docx.string() + "' 2>&1", &status);
    ASSERT_EQ(status, 0) << out;
    auto store = storybank::store::sqlite::SqliteStore::open(data);
    ASSERT_EQ(store->story_count(), 1);
    auto revision = store->revision(1);
    const auto* photos = std::get_if<storybank::core::PhotoList>(revision.story.find("photos"));
    ASSERT_NE(photos, nullptr);
    ASSERT_FALSE(photos->empty());
    ASSERT_TRUE(photos->front().attachment.has_value());
    auto stored = store->find_attachment(photos->front().attachment->sha256);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->attachment.width, 120);
    EXPECT_FALSE(stored->thumbnail_sha256.empty());
    EXPECT_TRUE(store->find_attachment(stored->thumbnail_sha256).has_value());
    // The stored bytes have no EXIF block at all (APP1 "Exif").
    EXPECT_EQ(stored->bytes.find("Exif"), std::string::npos);
}

}  // namespace
