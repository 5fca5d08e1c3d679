// Running `storybank import` as a child process and reading what it acknowledged, for the tests that
// interrupt or kill it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace storybank::testing {

inline std::string storybank_binary() {
    const char* path = std::getenv("STORYBANK_BINARY");
    return path != nullptr ? path : STORYBANK_DEFAULT_BINARY;
}

/// A small story whose title carries its number, so a stored story can be matched to its file.
inline std::string numbered_story_text(int number) {
    return "Nom et fonction de l'auteur : Awa TRAORÉ, animatrice\nLocalité : Ségou, Mali\nTitre : Histoire numéro " +
           std::to_string(number) +
           "\nIntroduction\nLe village manquait d'eau potable.\nDescription de la solution\nUn puits a été creusé "
           "avec les habitants.\nChangement apporté\nLes enfants vont à l'école au lieu de chercher l'eau.\n";
}

/// Starts storybank with the arguments; its standard output comes back through `output`, its standard error
/// through `errors` when that is not null.
inline pid_t spawn_storybank(const std::vector<std::string>& arguments, int& output, int* errors = nullptr) {
    int out_pipe[2];
    int err_pipe[2] = {-1, -1};
    if (pipe(out_pipe) != 0 || (errors != nullptr && pipe(err_pipe) != 0)) {
        return -1;
    }
    pid_t child = fork();
    if (child == 0) {
        dup2(out_pipe[1], STDOUT_FILENO);
        close(out_pipe[0]);
        close(out_pipe[1]);
        if (errors != nullptr) {
            dup2(err_pipe[1], STDERR_FILENO);
            close(err_pipe[0]);
            close(err_pipe[1]);
        }
        std::vector<char*> argv;
        std::string program = storybank_binary();
        argv.push_back(program.data());
        std::vector<std::string> copies = arguments;
        for (auto& argument : copies) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    output = out_pipe[0];
    if (errors != nullptr) {
        close(err_pipe[1]);
        *errors = err_pipe[0];
    }
    return child;
}

/// Reads a descriptor to its end and closes it.
inline std::string read_to_end(int descriptor) {
    std::string text;
    char buffer[4096];
    for (ssize_t count = read(descriptor, buffer, sizeof buffer); count > 0;
         count = read(descriptor, buffer, sizeof buffer)) {
        text.append(buffer, static_cast<std::size_t>(count));
    }
    close(descriptor);
    return text;
}

/// "file: 12 imported, …" → file → 12. A partial last line is not an acknowledgement.
inline std::map<std::string, std::int64_t> parse_acknowledgements(const std::string& text) {
    std::map<std::string, std::int64_t> acknowledged;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            break;
        }
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::size_t colon = line.find(": ");
        if (colon == std::string::npos || line.starts_with(" ")) {
            continue;
        }
        acknowledged[line.substr(0, colon)] = std::stoll(line.substr(colon + 2));
    }
    return acknowledged;
}

}  // namespace storybank::testing
