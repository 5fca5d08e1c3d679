// Golden tests of the readers: every story in tests/golden/parse is read as `storybank parse` reads it and
// compared with its <case>.expected.json.
//
// A case is a .txt, .md, .docx, .odt or .pdf file (the documents are made by
// tests/data/documents/make_documents.sh).
// Beside it:
//   <case>.expected.json  the canonical JSON expected (compared semantically, key order free), or
//                         {"error": "…"} when the file must be refused as not being a story. For a document,
//                         "photo_images" also lists the picture that came with each photo ({name, bytes}, or
//                         null), as ingest::read_story_document returns them; a document's expected file keeps
//                         its extension (<case>.docx.expected.json), since one story is often saved both ways;
//   <case>.args           optional command-line options, e.g. "--template most-significant-change".
//
// STORYBANK_SOURCE_DIR (set by ctest) locates the source tree. With STORYBANK_REBASELINE=1 the expected
// files are rewritten from what the reader produces now: review the diff before committing it.

#include "core/error.hpp"
#include "core/message_catalog.hpp"
#include "core/story_json.hpp"
#include "ingest/source_file.hpp"
#include "ingest/story_reader.hpp"
#include "service/message_loader.hpp"
#include "service/story_service.hpp"
#include "service/template_catalog.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace storybank {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct GoldenCase {
    std::string name;  ///< file name without extension
    fs::path story;    ///< the .txt, .md, .docx, .odt or .pdf file
};

bool is_document(const fs::path& path) {
    return path.extension() == ".docx" || path.extension() == ".odt" || path.extension() == ".pdf";
}

/// How gtest names a case in its messages (instead of a byte dump).
void PrintTo(const GoldenCase& test_case, std::ostream* out) {
    *out << test_case.story.filename().string();
}

fs::path source_dir() {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    if (root != nullptr && *root != '\0') {
        return root;
    }
#ifdef STORYBANK_DEFAULT_SOURCE_DIR
    return STORYBANK_DEFAULT_SOURCE_DIR;  // test discovery runs without the ctest environment
#else
    return ".";
#endif
}

fs::path cases_dir() {
    return source_dir() / "tests" / "golden" / "parse";
}

std::vector<GoldenCase> find_cases() {
    std::vector<GoldenCase> cases;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(cases_dir(), error)) {
        const fs::path& path = entry.path();
        if (entry.is_regular_file() && (path.extension() == ".txt" || path.extension() == ".md" || is_document(path))) {
            cases.push_back({path.stem().string(), path});
        }
    }
    std::sort(cases.begin(), cases.end(), [](const GoldenCase& a, const GoldenCase& b) { return a.name < b.name; });
    return cases;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Options from <case>.args: only "--template ID" is understood.
std::string template_of(const GoldenCase& test_case) {
    fs::path args = test_case.story;
    args.replace_extension(".args");
    std::istringstream words(read_file(args));
    std::string word;
    std::string template_id;
    while (words >> word) {
        if (word == "--template") {
            words >> template_id;
        } else if (word.starts_with("--template=")) {
            template_id = word.substr(std::string_view("--template=").size());
        } else {
            ADD_FAILURE() << args << ": unknown option '" << word << "'";
        }
    }
    return template_id;
}

/// What the reader makes of the case: the canonical JSON, or {"error": message} when it refuses the file.
json read_case(const GoldenCase& test_case) {
    static const service::TemplateCatalog kCatalog = service::TemplateCatalog::load();
    static const core::MessageCatalog kMessages = service::load_messages();
    // The bare file name, as a user would pass it, so messages do not depend on where the tree is.
    ingest::SourceFile file{test_case.story.filename().string(), read_file(test_case.story)};
    try {
        const std::string template_id = template_of(test_case);
        core::Story story = service::parse_story_file(file, kCatalog, template_id);
        json out = json::parse(core::to_canonical_json(story, kMessages, "fr"));
        if (is_document(test_case.story)) {
            const core::Template& story_template =
                template_id.empty() ? kCatalog.default_template() : kCatalog.get(template_id);
            json images = json::array();
            for (const auto& image : ingest::read_story_document(file, story_template).photo_images) {
                images.push_back(image ? json{{"name", image->name}, {"bytes", image->bytes.size()}} : json());
            }
            out["photo_images"] = std::move(images);
        }
        return out;
    } catch (const Error& error) {
        return json{{"error", error.public_message()}};
    }
}

std::string show(const json& value) {
    std::string text = value.dump();
    constexpr std::size_t kMaxShown = 300;
    return text.size() > kMaxShown ? text.substr(0, kMaxShown) + "…" : text;
}

/// The first place where two JSON values differ, as "path: expected … but got …"; empty when equal.
std::string first_difference(const json& expected, const json& actual, const std::string& path) {
    if (expected.type() != actual.type()) {
        return path + ": expected " + show(expected) + " but got " + show(actual);
    }
    if (expected.is_object()) {
        for (const auto& [key, value] : expected.items()) {
            if (!actual.contains(key)) {
                return path + "/" + key + ": missing (expected " + show(value) + ")";
            }
            if (std::string diff = first_difference(value, actual.at(key), path + "/" + key); !diff.empty()) {
                return diff;
            }
        }
        for (const auto& [key, value] : actual.items()) {
            if (!expected.contains(key)) {
                return path + "/" + key + ": unexpected " + show(value);
            }
        }
        return {};
    }
    if (expected.is_array()) {
        const std::size_t common = std::min(expected.size(), actual.size());
        for (std::size_t i = 0; i < common; ++i) {
            if (std::string diff = first_difference(expected[i], actual[i], path + "/" + std::to_string(i));
                !diff.empty()) {
                return diff;
            }
        }
        if (expected.size() != actual.size()) {
            return path + ": expected " + std::to_string(expected.size()) + " items but got " +
                   std::to_string(actual.size()) +
                   (actual.size() > common ? ", first extra " + show(actual[common])
                                           : ", first missing " + show(expected[common]));
        }
        return {};
    }
    if (expected != actual) {
        return path + ": expected " + show(expected) + " but got " + show(actual);
    }
    return {};
}

fs::path expected_path_of(const GoldenCase& test_case) {
    fs::path expected_path = test_case.story;
    if (is_document(test_case.story)) {
        return expected_path += ".expected.json";
    }
    return expected_path.replace_extension(".expected.json");
}

class GoldenParse : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenParse, MatchesExpectedJson) {
    const GoldenCase& test_case = GetParam();
    const fs::path expected_path = expected_path_of(test_case);
    json actual = read_case(test_case);

    const char* rebaseline = std::getenv("STORYBANK_REBASELINE");
    if (rebaseline != nullptr && std::string_view(rebaseline) == "1") {
        std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
        out << actual.dump(2, ' ', false) << '\n';
        ASSERT_TRUE(out.good()) << "cannot write " << expected_path;
        GTEST_SKIP() << "rewrote " << expected_path;
    }

    ASSERT_TRUE(fs::exists(expected_path))
        << expected_path << " is missing; run with STORYBANK_REBASELINE=1 to create it, then review it";
    json expected;
    try {
        expected = json::parse(read_file(expected_path));
    } catch (const json::parse_error& error) {
        FAIL() << expected_path << " is not valid JSON: " << error.what();
    }
    std::string diff = first_difference(expected, actual, "");
    EXPECT_TRUE(diff.empty()) << test_case.story.filename().string() << " differs from "
                              << expected_path.filename().string() << " at " << diff;
}

std::string test_name(const ::testing::TestParamInfo<GoldenCase>& info) {
    std::string name;
    for (char c : info.param.name) {
        name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
    }
    return name + "_" + info.param.story.extension().string().substr(1);
}

INSTANTIATE_TEST_SUITE_P(Stories, GoldenParse, ::testing::ValuesIn(find_cases()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenParse);

}  // namespace
}  // namespace storybank
