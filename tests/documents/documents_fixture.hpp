// A store holding the Think Peace story exported by LibreOffice as Word (contact details, a testimony, three
// photos) and the demo stories, and the tools that check what storybank writes: pdftotext, qpdf, pdffonts,
// unzip, LibreOffice. Shared by the fast suite (label golden) and the LibreOffice suite (label slow).
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace storybank::testing {

namespace fs = std::filesystem;

inline std::string source_dir() {
    const char* dir = std::getenv("STORYBANK_SOURCE_DIR");
    return dir != nullptr ? dir : STORYBANK_DEFAULT_SOURCE_DIR;
}

inline std::string binary() {
    const char* path = std::getenv("STORYBANK_BINARY");
    return path != nullptr ? path : STORYBANK_DEFAULT_BINARY;
}

inline std::string shell_quoted(const std::string& text) {
    return "'" + text + "'";
}

struct Outcome {
    int status = -1;
    std::string out;
};

/// Runs a shell command; its standard output comes back, its standard error goes to the test log.
inline Outcome run(const std::string& command) {
    Outcome result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buffer[65536];
    for (std::size_t count = fread(buffer, 1, sizeof buffer, pipe); count > 0;
         count = fread(buffer, 1, sizeof buffer, pipe)) {
        result.out.append(buffer, count);
    }
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// Text with every kind of space, line break and hyphen removed: words a layout broke across lines (or
/// hyphenated) still match, whatever spaces French typography put around punctuation.
inline std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        unsigned char c = static_cast<unsigned char>(text[at]);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '-') {
            continue;
        }
        // U+00A0 (C2 A0), U+202F (E2 80 AF), U+00AD soft hyphen (C2 AD), U+2010 hyphen (E2 80 90)
        if (text.compare(at, 2, "\xC2\xA0") == 0 || text.compare(at, 2, "\xC2\xAD") == 0) {
            ++at;
            continue;
        }
        if (text.compare(at, 3, "\xE2\x80\xAF") == 0 || text.compare(at, 3, "\xE2\x80\x90") == 0) {
            at += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

class DocumentsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_work = fs::temp_directory_path() / ("storybank-documents-" + std::to_string(::getpid()));
        fs::remove_all(s_work);
        fs::create_directories(s_work);
        s_data = (s_work / "data").string();
        // Story 1: the Word export of the Think Peace form, with its three photos and the author's contacts.
        Outcome imported = run(storybank({"import", source_dir() + "/tests/golden/parse/seed-libreoffice.docx",
                                          source_dir() + "/demo/femmes-mediatrices-dori.txt",
                                          source_dir() + "/demo/teachers-peace-clubs-mopti.txt"}) +
                               " 2>&1");
        ASSERT_EQ(imported.status, 0) << imported.out;
    }
    static void TearDownTestSuite() {
        if (!s_failed) {
            fs::remove_all(s_work);
        } else {
            std::fprintf(stderr, "kept %s\n", s_work.c_str());
        }
    }
    void TearDown() override { s_failed = s_failed || HasFailure(); }

    /// The storybank command line for this store, arguments quoted.
    static std::string storybank(std::initializer_list<std::string> arguments) {
        std::string command = shell_quoted(binary()) + " --data " + shell_quoted(s_data) + " --lang fr";
        for (const auto& argument : arguments) {
            command += " " + shell_quoted(argument);
        }
        return command;
    }

public:
    static std::string command(std::initializer_list<std::string> arguments) { return storybank(arguments); }

protected:
    static fs::path output(const std::string& name) { return s_work / name; }

    /// pdftotext of a whole PDF, or of one page.
    static std::string pdf_text(const fs::path& pdf, int page = 0) {
        std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
        return run("pdftotext -enc UTF-8" + pages + " " + shell_quoted(pdf.string()) + " -").out;
    }

    /// A story as canonical JSON, as storybank exports it.
    static nlohmann::json story_json(const std::string& id) {
        return nlohmann::json::parse(run(storybank({"export", id, "--format", "json"})).out);
    }

    /// The page numbers that end the lines of a booklet's contents (page 2), in order: after spaces (our PDF) or
    /// a dotted leader (a word processor's). The running footer's "Page 2 / 9" is not one of them.
    static std::vector<int> contents_page_numbers(const fs::path& pdf) {
        std::string contents = run("pdftotext -layout -f 2 -l 2 " + shell_quoted(pdf.string()) + " -").out;
        EXPECT_NE(contents.find("Sommaire"), std::string::npos) << contents;
        std::vector<int> pages;
        std::regex numbered(R"((?:\s{3,}|\.{3,})\s*(\d+)\s*$)");
        std::istringstream lines(contents);
        for (std::string line; std::getline(lines, line);) {
            std::smatch match;
            if (line.find("Page ") == std::string::npos && std::regex_search(line, match, numbered)) {
                pages.push_back(std::stoi(match[1]));
            }
        }
        return pages;
    }

    /// Each story's title is on the page the contents give it, and the chapters come in order.
    static void expect_titles_on_contents_pages(const fs::path& pdf, const std::vector<std::string>& ids) {
        std::vector<int> pages = contents_page_numbers(pdf);
        ASSERT_EQ(pages.size(), ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::string title = story_json(ids[i])["fields"]["title"];
            EXPECT_NE(squeezed(pdf_text(pdf, pages[i])).find(squeezed(title)), std::string::npos)
                << "the contents put '" << title << "' on page " << pages[i] << ", but it is not there";
            if (i > 0) {
                EXPECT_GT(pages[i], pages[i - 1]);
            }
        }
    }

    static inline fs::path s_work;
    static inline std::string s_data;
    static inline bool s_failed = false;
};

// What the Think Peace story says, as pdftotext and unzip must find it.
inline constexpr const char* kPhone = "+22379959269";
inline constexpr const char* kEmail = "fomba3@hotmail.com";

}  // namespace storybank::testing
