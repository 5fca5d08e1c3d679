#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace storybank::cli {

/// "[#######.....] 420/1000" on standard error, redrawn in place, for long exports. Draws nothing when
/// standard error is not a terminal (scripts, tests), and at most ten times a second.
class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(std::size_t done, std::size_t total);

private:  // data
    std::string m_label;
    bool m_terminal = false;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

}  // namespace storybank::cli
