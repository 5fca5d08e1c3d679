#include "cli/progress_bar.hpp"

#include <cstdio>
#include <unistd.h>

namespace storybank::cli {

ProgressBar::ProgressBar(std::string label) : m_label(std::move(label)), m_terminal(isatty(2) != 0) {}

ProgressBar::~ProgressBar() {
    if (m_drawn) {
        std::fputc('\n', stderr);
    }
}

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (!m_terminal || total == 0) {
        return;
    }
    auto now = std::chrono::steady_clock::now();
    if (m_drawn && done < total && now - m_last < std::chrono::milliseconds(100)) {
        return;
    }
    m_last = now;
    constexpr std::size_t kWidth = 30;
    std::size_t filled = done * kWidth / total;
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu", m_label.c_str(), bar.c_str(), done, total);
    std::fflush(stderr);
    m_drawn = true;
}

}  // namespace storybank::cli
