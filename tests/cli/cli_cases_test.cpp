// Runs the built storybank binary for each folder of tests/cli/cases and checks its exit status, standard
// output and standard error. A case folder holds:
//   args                      the command line after "storybank" (one line; {data} and {source} are replaced)
//   setup                     optional: command lines run first, one per line, each must exit 0
//   expected_exit             the exit status (default 0)
//   expected_stdout           optional: the exact standard output
//   expected_stdout_contains  optional: lines that must each appear in standard output
//   expected_stderr_contains  optional: lines that must each appear in standard error
//   expected_stderr_lines     optional: the number of lines standard error must have
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string source_dir() {
    // Test discovery runs without ctest's environment, so the source tree is also compiled in.
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    return root != nullptr ? root : STORYBANK_DEFAULT_SOURCE_DIR;
}

std::string binary() {
    const char* path = std::getenv("STORYBANK_BINARY");
    return path != nullptr ? path : STORYBANK_DEFAULT_BINARY;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string trim(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream stream(text);
    std::string line;
    while (std::getline(stream, line)) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::string substitute(std::string text, const std::string& data) {
    for (const auto& [placeholder, value] :
         {std::pair<std::string, std::string>{"{data}", data}, {"{source}", source_dir()}}) {
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

struct Outcome {
    int exit_status = -1;
    std::string out;
    std::string err;
};

Outcome run(const std::string& arguments, const fs::path& work) {
    fs::path out_file = work / "stdout";
    fs::path err_file = work / "stderr";
    std::string command = "cd '" + source_dir() + "' && '" + binary() + "' " + arguments + " </dev/null >'" +
                          out_file.string() + "' 2>'" + err_file.string() + "'";
    int status = std::system(command.c_str());
    Outcome outcome;
    outcome.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    outcome.out = read_text(out_file);
    outcome.err = read_text(err_file);
    return outcome;
}

std::vector<std::string> case_names() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(source_dir()) / "tests/cli/cases")) {
        if (entry.is_directory()) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

class CliCase : public ::testing::TestWithParam<std::string> {};

TEST_P(CliCase, BehavesAsRecorded) {
    fs::path folder = fs::path(source_dir()) / "tests/cli/cases" / GetParam();
    fs::path work = fs::temp_directory_path() / ("storybank-cli-" + GetParam() + "-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    std::string data = (work / "data").string();

    if (fs::exists(folder / "setup")) {
        for (const auto& line : lines_of(read_text(folder / "setup"))) {
            Outcome setup = run(substitute(line, data), work);
            ASSERT_EQ(setup.exit_status, 0) << "setup failed: " << line << "\n" << setup.err;
        }
    }
    Outcome outcome = run(substitute(trim(read_text(folder / "args")), data), work);
    int expected_exit = fs::exists(folder / "expected_exit") ? std::stoi(read_text(folder / "expected_exit")) : 0;
    EXPECT_EQ(outcome.exit_status, expected_exit) << "stdout:\n" << outcome.out << "\nstderr:\n" << outcome.err;
    if (fs::exists(folder / "expected_stdout")) {
        EXPECT_EQ(trim(outcome.out), trim(substitute(read_text(folder / "expected_stdout"), data)));
    }
    if (fs::exists(folder / "expected_stdout_contains")) {
        for (const auto& line : lines_of(substitute(read_text(folder / "expected_stdout_contains"), data))) {
            EXPECT_NE(outcome.out.find(line), std::string::npos) << "missing in stdout: " << line << "\n"
                                                                 << outcome.out;
        }
    }
    if (fs::exists(folder / "expected_stderr_contains")) {
        for (const auto& line : lines_of(substitute(read_text(folder / "expected_stderr_contains"), data))) {
            EXPECT_NE(outcome.err.find(line), std::string::npos) << "missing in stderr: " << line << "\n"
                                                                 << outcome.err;
        }
    }
    if (fs::exists(folder / "expected_stderr_lines")) {
        EXPECT_EQ(lines_of(outcome.err).size(),
                  static_cast<std::size_t>(std::stoi(read_text(folder / "expected_stderr_lines"))))
            << outcome.err;
    }
    if (!HasFailure()) {
        fs::remove_all(work);
    }
}

INSTANTIATE_TEST_SUITE_P(Cases,
                         CliCase,
                         ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& case_info) {
                             std::string name = case_info.param;
                             for (char& c : name) {
                                 if (!std::isalnum(static_cast<unsigned char>(c))) {
                                     c = '_';
                                 }
                             }
                             return name;
                         });

}  // namespace
