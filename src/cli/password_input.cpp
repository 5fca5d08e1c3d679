#include "cli/password_input.hpp"

#include "cli/composition.hpp"
#include "core/error.hpp"

#include <csignal>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace storybank::cli {
namespace {

/// The terminal settings before echo was turned off, for the Ctrl-C handler: a shell left without echo after an
/// interrupted prompt looks broken to whoever types next.
struct termios g_saved_terminal {};

extern "C" void restore_terminal_and_stop(int signal_number) {
    tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_terminal);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

/// Echo off for its lifetime (and on Ctrl-C), as passwords are typed.
class HiddenInput {
public:
    HiddenInput() {
        tcgetattr(STDIN_FILENO, &g_saved_terminal);
        m_previous_handler = std::signal(SIGINT, restore_terminal_and_stop);
        struct termios hidden = g_saved_terminal;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    ~HiddenInput() {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_terminal);
        std::signal(SIGINT, m_previous_handler);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

private:  // data
    void (*m_previous_handler)(int) = SIG_DFL;
};

std::string prompt_hidden(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    std::string line;
    {
        HiddenInput hidden;
        std::getline(std::cin, line);
    }
    std::cerr << '\n';
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

}  // namespace

std::string read_new_password(const std::string& password_file,
                              const core::MessageCatalog& messages,
                              std::string_view language) {
    if (!password_file.empty()) {
        std::string content = read_file(password_file);
        std::string password = content.substr(0, content.find('\n'));
        if (!password.empty() && password.back() == '\r') {
            password.pop_back();
        }
        return password;
    }
    if (isatty(STDIN_FILENO) == 0) {
        throw Error(ErrorKind::InvalidRequest, messages.render(language, "cli-password-no-terminal"));
    }
    std::string password = prompt_hidden(messages.render(language, "cli-password-prompt"));
    std::string again = prompt_hidden(messages.render(language, "cli-password-confirm"));
    if (password != again) {
        throw Error(ErrorKind::InvalidRequest, messages.render(language, "cli-password-mismatch"));
    }
    return password;
}

}  // namespace storybank::cli
