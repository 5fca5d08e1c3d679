#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// The emphasis a run of a word-processor paragraph carries.
struct Emphasis {
    bool bold = false;
    bool italic = false;
    bool operator==(const Emphasis&) const = default;
};

/// Builds the text of one paragraph from formatted runs, writing emphasis as CommonMark (*italic*, **bold**),
/// the way the text reader keeps an author's emphasis. Adjacent runs with the same emphasis are merged (Word
/// splits words into several runs), markers hug the text (never " **" or "** ") and nest (italic around
/// bold), and whitespace alone never gets markers.
class InlineText {
public:
    void add(std::string_view text, Emphasis emphasis);
    /// Forgets everything added so far (a caption's "Figure 1:" before its text).
    void clear() { m_runs.clear(); }
    /// True while nothing but whitespace was added.
    bool blank() const;
    /// Bytes of text added so far (to tell whether a piece of markup added any).
    std::size_t length() const;
    std::string markdown() const;

private:
    struct Run {
        std::string text;
        Emphasis emphasis;
    };
    std::vector<Run> m_runs;
};

}  // namespace storybank::ingest
