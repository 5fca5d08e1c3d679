// docs/api-access.md, row by row and column by column, against a real server: the table is the specification.
#include "consortium.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace {

using namespace storybank;
using storybank::testing::Consortium;
using storybank::testing::Credentials;
using storybank::testing::TestServer;
using Json = nlohmann::json;

struct Row {
    std::string method;
    std::string path;
    std::string body;
    std::string state;          ///< "-" for no story
    std::vector<int> statuses;  ///< one per caller, in the table's order
};

const std::vector<std::string> kCallers = {"",
                                           "donor@bailleur.org",
                                           "writer@thinkpeace.org",
                                           "writer@autre.org",
                                           "reviewer@hsc.org",
                                           "reviewer@cordaid.org",
                                           "coordinator@lead.org"};

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream stream(line.substr(1));
    std::string cell;
    while (std::getline(stream, cell, '|')) {
        std::size_t start = cell.find_first_not_of(' ');
        std::size_t end = cell.find_last_not_of(' ');
        out.push_back(start == std::string::npos ? std::string() : cell.substr(start, end - start + 1));
    }
    return out;
}

std::vector<Row> matrix_rows() {
    std::stringstream document(
        storybank::testing::read_bytes(storybank::testing::source_dir() + "/docs/api-access.md"));
    std::vector<Row> rows;
    std::string line;
    bool in_matrix = false;
    while (std::getline(document, line)) {
        if (line == "## The matrix") {
            in_matrix = true;
            continue;
        }
        if (!in_matrix || !line.starts_with("| `")) {
            continue;
        }
        auto row_cells = cells(line);
        EXPECT_EQ(row_cells.size(), 2 + kCallers.size()) << line;
        if (row_cells.size() != 2 + kCallers.size()) {
            continue;
        }
        std::string request = row_cells[0].substr(1, row_cells[0].size() - 2);  // without the backticks
        Row row;
        std::size_t space = request.find(' ');
        row.method = request.substr(0, space);
        std::string rest = request.substr(space + 1);
        std::size_t body_start = rest.find(' ');
        row.path = rest.substr(0, body_start);
        row.body = body_start == std::string::npos ? std::string() : rest.substr(body_start + 1);
        row.state = row_cells[1];
        for (std::size_t i = 2; i < row_cells.size(); ++i) {
            row.statuses.push_back(std::stoi(row_cells[i]));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

class AccessMatrixTest : public storybank::testing::ConsortiumTest {
protected:
    AccessMatrixTest() : ConsortiumTest("access-matrix-test") {}

    int send(const Row& row, const std::string& caller) {
        std::int64_t id = row.state == "-" ? 0 : m_consortium->story_in(row.state, "Histoire de la matrice");
        std::string path = row.path;
        if (std::size_t at = path.find("{id}"); at != std::string::npos) {
            path.replace(at, 4, std::to_string(id));
        }
        httplib::Headers headers = caller.empty() ? httplib::Headers{} : m_consortium->as(caller).headers();
        auto client = m_server->client();
        std::string body = row.body;
        if (body == "@story") {
            auto read =
                client.Get("/api/v1/stories/" + std::to_string(id), m_consortium->as("coordinator@lead.org").headers());
            Json story = Json::parse(read->body);
            story["fields"]["title"] = "Titre changé";
            body = story.dump();
            headers.emplace("If-Match", "\"1\"");
        }
        httplib::Result result = [&] {
            if (body == "@photo") {
                headers.emplace("If-Match", "\"1\"");
                std::string jpeg = storybank::testing::read_bytes(storybank::testing::source_dir() +
                                                                  "/tests/data/photos/gps-orientation-6.jpg");
                return client.Post(path, headers,
                                   httplib::MultipartFormDataItems{{"file", jpeg, "photo.jpg", "image/jpeg"},
                                                                   {"caption", "Au marché", "", ""}});
            }
            if (row.method == "POST") {
                return client.Post(path, headers, body, "application/json");
            }
            if (row.method == "PUT") {
                return client.Put(path, headers, body, "application/json");
            }
            if (row.method == "DELETE") {
                return client.Delete(path, headers);
            }
            return client.Get(path, headers);
        }();
        return result ? result->status : 0;
    }
};

TEST_F(AccessMatrixTest, EveryRouteAnswersEachCallerAsTheTableSays) {
    auto rows = matrix_rows();
    ASSERT_GE(rows.size(), 25U) << "docs/api-access.md lost its rows";
    int cells_checked = 0;
    for (const auto& row : rows) {
        for (std::size_t caller = 0; caller < kCallers.size(); ++caller) {
            int status = send(row, kCallers[caller]);
            EXPECT_EQ(status, row.statuses[caller])
                << row.method << " " << row.path << " " << row.body << " on a " << row.state << " story, as "
                << (kCallers[caller].empty() ? "anonymous" : kCallers[caller]);
            ++cells_checked;
        }
    }
    EXPECT_EQ(cells_checked, static_cast<int>(rows.size() * kCallers.size()));
}

}  // namespace
