// Kills `storybank import` with SIGKILL in the middle of a batch and checks that the store still opens with
// every story the command had acknowledged (printed) intact, and that running the same import again
// finishes the job without duplicates.
#include "import_process.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace storybank::testing;

constexpr int kFileCount = 300;
constexpr int kKillAfterAcknowledged = 40;

TEST(KillDuringImport, AcknowledgedStoriesSurviveAndARerunFinishesTheJob) {
    fs::path work = fs::temp_directory_path() / ("storybank-kill-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work / "stories");
    std::vector<std::string> arguments = {"--data", (work / "data").string(), "import"};
    for (int i = 0; i < kFileCount; ++i) {
        fs::path file = work / "stories" / ("story-" + std::to_string(i) + ".txt");
        std::ofstream(file) << numbered_story_text(i);
        arguments.push_back(file.string());
    }

    int output = -1;
    pid_t child = spawn_storybank(arguments, output);
    ASSERT_GT(child, 0);
    std::string printed;
    std::array<char, 4096> buffer{};
    while (parse_acknowledgements(printed).size() < static_cast<std::size_t>(kKillAfterAcknowledged)) {
        ssize_t count = read(output, buffer.data(), buffer.size());
        ASSERT_GT(count, 0) << "storybank import ended before it could be killed:\n" << printed;
        printed.append(buffer.data(), static_cast<std::size_t>(count));
    }
    kill(child, SIGKILL);
    for (ssize_t count = read(output, buffer.data(), buffer.size()); count > 0;
         count = read(output, buffer.data(), buffer.size())) {
        printed.append(buffer.data(), static_cast<std::size_t>(count));
    }
    close(output);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before the kill; raise kFileCount";

    std::map<std::string, std::int64_t> acknowledged = parse_acknowledgements(printed);
    ASSERT_GE(acknowledged.size(), static_cast<std::size_t>(kKillAfterAcknowledged));
    {
        auto store = storybank::store::sqlite::SqliteStore::open(work / "data");
        EXPECT_LT(store->story_count(), kFileCount);
        for (const auto& [file, id] : acknowledged) {
            auto number = file.substr(file.rfind('-') + 1);
            number = number.substr(0, number.find('.'));
            auto summary = store->find_story(id);
            ASSERT_TRUE(summary.has_value()) << file << " was acknowledged as story " << id << " but is missing";
            EXPECT_EQ(summary->title, "Histoire numéro " + number);
            EXPECT_EQ(store->revision(id).story.text("title"), "Histoire numéro " + number);
        }
    }

    // The same command again: what was stored is recognised, the rest is imported, nothing twice.
    pid_t rerun = spawn_storybank(arguments, output);
    ASSERT_GT(rerun, 0);
    printed.clear();
    for (ssize_t count = read(output, buffer.data(), buffer.size()); count > 0;
         count = read(output, buffer.data(), buffer.size())) {
        printed.append(buffer.data(), static_cast<std::size_t>(count));
    }
    close(output);
    waitpid(rerun, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    auto store = storybank::store::sqlite::SqliteStore::open(work / "data");
    EXPECT_EQ(store->story_count(), kFileCount);
    for (const auto& [file, id] : acknowledged) {
        EXPECT_EQ(parse_acknowledgements(printed).at(file), id) << file;
    }
    fs::remove_all(work);
}

}  // namespace
