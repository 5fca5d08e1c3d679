// docs/openapi.yaml is the API's contract: the server serves it, and every operation it documents exists and
// answers with one of the statuses documented for it.
#include "consortium.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::TestServer;

struct Operation {
    std::string path;
    std::string method;
    std::set<int> statuses;
};

/// The operations of the document, read line by line: the layout docs/openapi.yaml keeps (paths at two spaces,
/// methods at four, response codes quoted at eight).
std::vector<Operation> documented_operations(const std::string& yaml) {
    static const std::regex kPath(R"(^  (/[^:]+):\s*$)");
    static const std::regex kMethod(R"(^    (get|post|put|delete|patch):\s*$)");
    static const std::regex kStatus(R"re(^        "(\d{3})":)re");
    std::vector<Operation> operations;
    std::string path;
    std::istringstream lines(yaml);
    std::string line;
    bool in_paths = false;
    std::smatch match;
    while (std::getline(lines, line)) {
        if (line == "paths:") {
            in_paths = true;
        } else if (!line.empty() && line[0] != ' ') {
            in_paths = false;
        } else if (in_paths && std::regex_match(line, match, kPath)) {
            path = match[1];
        } else if (in_paths && std::regex_match(line, match, kMethod)) {
            operations.push_back({path, match[1], {}});
        } else if (in_paths && !operations.empty() && std::regex_search(line, match, kStatus)) {
            operations.back().statuses.insert(std::stoi(match[1]));
        }
    }
    return operations;
}

TEST(OpenApi, EveryDocumentedOperationExistsAndAnswersAsDocumented) {
    TestServer server("openapi-test");
    Consortium consortium(server);
    std::string yaml = storybank::testing::read_bytes(storybank::testing::source_dir() + "/docs/openapi.yaml");
    auto served = server.client().Get("/api/v1/openapi.yaml");
    ASSERT_TRUE(served);
    ASSERT_EQ(served->status, 200);
    EXPECT_EQ(served->body, yaml) << "the server serves the document of this build";

    auto operations = documented_operations(yaml);
    ASSERT_GE(operations.size(), 25U);
    std::int64_t story = consortium.story_in("approved", "Pour le contrat");
    int checked = 0;
    for (const auto& operation : operations) {
        std::string path = operation.path;
        path = std::regex_replace(path, std::regex(R"(\{id\})"), std::to_string(story));
        path = std::regex_replace(path, std::regex(R"(\{sha256\})"), std::string(64, '0'));
        path = std::regex_replace(path, std::regex(R"(\{template\})"), "success-story");
        // Logging out ends the coordinator's session: they log in again for the next operation.
        httplib::Headers headers = consortium.as("coordinator@lead.org").headers();
        auto client = server.client();
        auto send = [&]() {
            if (operation.method == "post") {
                return client.Post(path, headers, "{}", "application/json");
            }
            if (operation.method == "put") {
                return client.Put(path, headers, "{}", "application/json");
            }
            if (operation.method == "delete") {
                return client.Delete(path, headers);
            }
            return client.Get(path, headers);
        };
        httplib::Result result = send();
        ASSERT_TRUE(result) << operation.method << " " << path;
        EXPECT_TRUE(operation.statuses.contains(result->status))
            << operation.method << " " << operation.path << " answered " << result->status
            << ", which the document does not list: " << result->body;
        EXPECT_EQ(result->body.find("there is no such page"), std::string::npos)
            << operation.method << " " << operation.path << " is documented but not served";
        if (operation.path == "/api/v1/session" && operation.method == "delete") {
            consortium.forget("coordinator@lead.org");
        }
        ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>(operations.size()));
}

}  // namespace
