#include "ingest/inline_text.hpp"

namespace storybank::ingest {
namespace {

/// Bytes of the whitespace (ASCII or no-break space, which CommonMark also counts) starting at `i`, or 0.
std::size_t space_at(std::string_view text, std::size_t i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        return 1;
    }
    return text.substr(i).starts_with("\xC2\xA0") ? 2 : 0;
}

/// Bytes of the whitespace ending just before `end`, or 0.
std::size_t space_before(std::string_view text, std::size_t end) {
    if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") {
        return 2;
    }
    char c = text[end - 1];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
}

std::size_t leading_space(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t width = space_at(text, i);
        if (width == 0) {
            break;
        }
        i += width;
    }
    return i;
}

bool is_blank(std::string_view text) {
    return leading_space(text) == text.size();
}

enum class Marker : char { Italic = '*', Bold = '+' };

std::string_view marker_text(Marker marker) {
    return marker == Marker::Bold ? "**" : "*";
}

bool wanted(Marker marker, Emphasis emphasis) {
    return marker == Marker::Bold ? emphasis.bold : emphasis.italic;
}

}  // namespace

void InlineText::add(std::string_view text, Emphasis emphasis) {
    if (text.empty()) {
        return;
    }
    if (!m_runs.empty() && m_runs.back().emphasis == emphasis) {
        m_runs.back().text += text;
        return;
    }
    m_runs.push_back({std::string(text), emphasis});
}

bool InlineText::blank() const {
    for (const auto& run : m_runs) {
        if (!is_blank(run.text)) {
            return false;
        }
    }
    return true;
}

std::size_t InlineText::length() const {
    std::size_t total = 0;
    for (const auto& run : m_runs) {
        total += run.text.size();
    }
    return total;
}

std::string InlineText::markdown() const {
    std::string out;
    std::vector<Marker> open;   // innermost last
    std::string pending_space;  // written after closing markers and before opening ones
    for (const auto& run : m_runs) {
        if (is_blank(run.text)) {
            pending_space += run.text;
            continue;
        }
        std::string_view text = run.text;
        const std::size_t begin = leading_space(text);
        std::size_t end = text.size();
        while (end > begin) {
            std::size_t width = space_before(text, end);
            if (width == 0) {
                break;
            }
            end -= width;
        }
        pending_space += text.substr(0, begin);

        // Close from the innermost marker down to the outermost one that must end, then reopen the inner ones
        // that go on.
        std::size_t keep = 0;
        while (keep < open.size() && wanted(open[keep], run.emphasis)) {
            ++keep;
        }
        std::vector<Marker> reopen;
        while (open.size() > keep) {
            out += marker_text(open.back());
            if (wanted(open.back(), run.emphasis)) {
                reopen.insert(reopen.begin(), open.back());
            }
            open.pop_back();
        }
        out += pending_space;
        pending_space.clear();
        for (Marker marker : reopen) {
            out += marker_text(marker);
            open.push_back(marker);
        }
        // Italic outside bold, so that "*text **name**, role*" reads as the author meant.
        for (Marker marker : {Marker::Italic, Marker::Bold}) {
            bool is_open = false;
            for (Marker m : open) {
                is_open = is_open || m == marker;
            }
            if (wanted(marker, run.emphasis) && !is_open) {
                out += marker_text(marker);
                open.push_back(marker);
            }
        }
        out += text.substr(begin, end - begin);
        pending_space = std::string(text.substr(end));
    }
    while (!open.empty()) {
        out += marker_text(open.back());
        open.pop_back();
    }
    return out + pending_space;
}

}  // namespace storybank::ingest
