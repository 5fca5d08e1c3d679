// `storybank import` on folders: what is taken and left, the JSON report, duplicates, failures, and Ctrl-C
// (SIGINT) stopping cleanly with everything acknowledged stored and a rerun finishing the job.
#include "import_process.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace storybank::testing;
using Json = nlohmann::json;

struct Finished {
    int exit_status = -1;
    std::string out;
    std::string err;
};

Finished run_storybank(const std::vector<std::string>& arguments) {
    int output = -1;
    int errors = -1;
    pid_t child = spawn_storybank(arguments, output, &errors);
    Finished finished;
    // stderr is small here (a few lines), so reading stdout first cannot block the child.
    finished.out = read_to_end(output);
    finished.err = read_to_end(errors);
    int status = 0;
    waitpid(child, &status, 0);
    finished.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return finished;
}

Json read_json(const fs::path& path) {
    std::ifstream in(path);
    return Json::parse(in);
}

class ImportBatchTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_work = fs::temp_directory_path() / ("storybank-batch-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_work);
        fs::create_directories(m_work / "stories" / "2024");
    }
    void TearDown() override { fs::remove_all(m_work); }

    void write(const fs::path& relative, const std::string& bytes) {
        std::ofstream(m_work / relative, std::ios::binary) << bytes;
    }

    fs::path m_work;
};

TEST_F(ImportBatchTest, FolderImportReportsEveryFile) {
    write("stories/a.txt", numbered_story_text(1));
    write("stories/b.md", numbered_story_text(2));
    write("stories/copy-of-a.txt", numbered_story_text(1));       // same bytes: a duplicate, not a second story
    write("stories/broken.docx", "PK\x03\x04 not really a zip");  // fails, named
    write("stories/photo.jpg", "\xFF\xD8\xFF\xE0 a photo beside the stories");  // not a story file: ignored
    write("stories/.hidden.txt", numbered_story_text(9));                       // hidden: ignored silently
    write("stories/2024/c.txt", numbered_story_text(3));                        // only with --recursive
    std::string data = (m_work / "data").string();
    std::string report = (m_work / "report.json").string();

    Finished flat = run_storybank(
        {"--data", data, "--lang", "en", "import", (m_work / "stories").string(), "--report", report, "--jobs", "2"});
    EXPECT_EQ(flat.exit_status, 1) << flat.err;  // one file failed
    EXPECT_NE(flat.err.find("broken.docx"), std::string::npos) << flat.err;
    EXPECT_NE(flat.err.find("1 file(s) in the folders ignored"), std::string::npos) << flat.err;
    EXPECT_NE(flat.err.find("4 file(s) in"), std::string::npos) << flat.err;
    Json first = read_json(report);
    EXPECT_EQ(first["total"], 4);
    // The numbered stories leave required fields empty: they are imported with problems.
    EXPECT_EQ(first["counts"]["imported"].get<int>() + first["counts"]["imported_with_problems"].get<int>(), 2);
    EXPECT_EQ(first["counts"]["duplicate"], 1);
    EXPECT_EQ(first["counts"]["failed"], 1);
    EXPECT_EQ(first["interrupted"], false);
    for (const auto& file : first["files"]) {
        if (file["outcome"] == "failed") {
            EXPECT_NE(file["path"].get<std::string>().find("broken.docx"), std::string::npos);
            EXPECT_FALSE(file["reason"].get<std::string>().empty());
        } else {
            EXPECT_GT(file["story_id"].get<int>(), 0);
        }
    }

    Finished deep = run_storybank(
        {"--data", data, "--lang", "en", "import", (m_work / "stories").string(), "--recursive", "--report", report});
    EXPECT_EQ(deep.exit_status, 1);
    Json second = read_json(report);
    EXPECT_EQ(second["total"], 5);
    // Only 2024/c.txt is new.
    EXPECT_EQ(second["counts"]["imported"].get<int>() + second["counts"]["imported_with_problems"].get<int>(), 1);
    EXPECT_EQ(second["counts"]["duplicate"], 3);
    EXPECT_EQ(second["counts"]["failed"], 1);

    auto store = storybank::store::sqlite::SqliteStore::open(m_work / "data");
    EXPECT_EQ(store->story_count(), 3);
}

TEST_F(ImportBatchTest, InterruptStopsCleanlyAndARerunFinishes) {
    constexpr int kFiles = 400;
    for (int i = 0; i < kFiles; ++i) {
        write("stories/story-" + std::to_string(1000 + i) + ".txt", numbered_story_text(i));
    }
    std::vector<std::string> arguments = {"--data", (m_work / "data").string(),    "--lang", "en",
                                          "import", (m_work / "stories").string(), "--jobs", "2"};
    int output = -1;
    int errors = -1;
    pid_t child = spawn_storybank(arguments, output, &errors);
    ASSERT_GT(child, 0);
    std::string printed;
    char buffer[4096];
    while (parse_acknowledgements(printed).size() < 20) {
        ssize_t count = read(output, buffer, sizeof buffer);
        ASSERT_GT(count, 0) << "the import ended before it could be interrupted";
        printed.append(buffer, static_cast<std::size_t>(count));
    }
    kill(child, SIGINT);
    printed += read_to_end(output);
    std::string err = read_to_end(errors);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "Ctrl-C must end the import itself, not kill it";
    if (WEXITSTATUS(status) == 0) {
        GTEST_SKIP() << "the import finished before the interrupt arrived";
    }
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_NE(err.find("Import interrupted"), std::string::npos) << err;

    std::map<std::string, std::int64_t> acknowledged = parse_acknowledgements(printed);
    {
        auto store = storybank::store::sqlite::SqliteStore::open(m_work / "data");
        // Every story stored was acknowledged before the command ended, and nothing else was stored.
        EXPECT_EQ(store->story_count(), static_cast<std::int64_t>(acknowledged.size()));
        EXPECT_LT(store->story_count(), kFiles);
    }

    Finished rerun = run_storybank(arguments);
    EXPECT_EQ(rerun.exit_status, 0) << rerun.err;
    auto store = storybank::store::sqlite::SqliteStore::open(m_work / "data");
    EXPECT_EQ(store->story_count(), kFiles);
    std::map<std::string, std::int64_t> second = parse_acknowledgements(rerun.out);
    for (const auto& [file, id] : acknowledged) {
        EXPECT_EQ(second.at(file), id) << file << " was imported twice";
    }
}

}  // namespace
