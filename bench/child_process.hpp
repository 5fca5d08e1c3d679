// Running a reference tool (or storybank itself) as a child process from a benchmark, with its peak memory.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace storybank::bench {

struct ChildOutcome {
    int exit_status = 127;  ///< 127: could not start; 128: killed by a signal
    double peak_mb = 0;     ///< the child's peak resident memory
};

/// Runs a command without a shell, its output to /dev/null.
inline ChildOutcome run_quietly(const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    argv.reserve(arguments.size() + 1);
    for (const auto& argument : arguments) {
        argv.push_back(const_cast<char*>(argument.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int spawn_error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ChildOutcome outcome;
    if (spawn_error != 0) {
        return outcome;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    outcome.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    outcome.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return outcome;
}

}  // namespace storybank::bench
