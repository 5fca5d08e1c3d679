// lay_out_pdf on pages of words whose places, sizes, fonts and texts come from the input: the layout rules
// (lines, table rows, paragraphs, headers and footers) on any geometry, NaN and infinity included, without
// poppler in the way. Every 8 bytes make one word:
//   0     flags: 1 new page, 2 bold, 4 italic, 8 space after, high nibble added to the reading order
//   1-2   left, 3-4 top (points × 64; 0xFFFF is infinity for left, NaN for top)
//   5     width (half points), 6 font size (eighths of a point)
//   7     the text: a word of kWords, or else the next 3 input bytes, cleaned as the reader cleans words
// Nothing here throws; any exception, crash or undefined behaviour is a finding.
#include "ingest/pdf_layout.hpp"

#include "ingest/pdf_page.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t kWordBytes = 8;
constexpr std::size_t kMaxPages = 8;

constexpr std::array<std::string_view, 40> kWords = {
    "Nom",    "et",      "fonction", "de",     "l'auteur:", "Localité", "Bamako", "•",      "-",      "1.",
    "a)",     "commu-",  "nautés",   "peut-",  "être",      "Photo",    "1",      ":",      "Page",   "2",
    "sur",    "«",       "»",        "KANE",   ",",         "\xC2\xAD", "Titre",  "Photos", "ﬁn",     "\xEF\x82\xB7",
    "Figure", "Contact", "(Tel",     "email)", "-",         "3",        "/",      "iv.",    "PEACE-", "ARC"};

std::uint16_t read16(const std::uint8_t* at) {
    return static_cast<std::uint16_t>(at[0] << 8 | at[1]);
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer calls the target by this name.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storybank::ingest;
    std::vector<PdfPage> pages(1, PdfPage{595, 842, {}});
    std::size_t order = 0;
    for (std::size_t at = 0; at + kWordBytes <= size; at += kWordBytes) {
        const std::uint8_t* word_bytes = data + at;
        const std::uint8_t flags = word_bytes[0];
        if ((flags & 1) != 0 && pages.size() < kMaxPages) {
            pages.push_back(PdfPage{595, 842, {}});
        }
        PdfWord word;
        const std::uint16_t left = read16(word_bytes + 1);
        const std::uint16_t top = read16(word_bytes + 3);
        word.left = left == 0xFFFF ? std::numeric_limits<double>::infinity() : left / 64.0;
        word.top = top == 0xFFFF ? std::numeric_limits<double>::quiet_NaN() : top / 64.0;
        word.font_size = word_bytes[6] / 8.0;
        word.right = word.left + word_bytes[5] / 2.0;
        word.bottom = word.top + 1.2 * word.font_size;
        word.emphasis = {(flags & 2) != 0, (flags & 4) != 0};
        word.space_after = (flags & 8) != 0;
        order += static_cast<std::size_t>(flags >> 4);
        word.order = order;
        const std::uint8_t text = word_bytes[7];
        if (text < kWords.size()) {
            word.text = std::string(kWords[text]);
        } else if (at + kWordBytes + 3 <= size) {
            word.text = clean_pdf_word(std::string_view(reinterpret_cast<const char*>(data + at + kWordBytes), 3));
        }
        if (!word.text.empty()) {
            pages.back().words.push_back(std::move(word));
        }
    }
    lay_out_pdf(pages);
    return 0;
}
