#include "ingest/pdf_reader.hpp"

#include "core/error.hpp"
#include "ingest/document_lines.hpp"
#include "ingest/pdf_layout.hpp"
#include "ingest/pdf_page.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace storybank::ingest {
namespace {

/// The end-of-file marker must be within the last 1024 bytes; some producers pad a little more.
constexpr std::size_t kEndMarkerZone = 4096;
/// Poppler's complaints kept for the log, per document.
constexpr std::size_t kMaxMessages = 10;

// Poppler reports what it finds wrong through one global function, on the thread that reads. Each read
// collects its own messages for the log; nothing goes to stderr.
thread_local std::vector<std::string>* t_messages = nullptr;

void collect_message(const std::string& message, void* /*closure*/) {
    if (t_messages != nullptr && t_messages->size() < kMaxMessages) {
        t_messages->push_back(message);
    }
}

class PopplerMessages {
public:
    PopplerMessages() {
        static std::once_flag installed;
        std::call_once(installed, [] { poppler::set_debug_error_function(collect_message, nullptr); });
        t_messages = &m_messages;
    }
    ~PopplerMessages() { t_messages = nullptr; }
    PopplerMessages(const PopplerMessages&) = delete;
    PopplerMessages& operator=(const PopplerMessages&) = delete;

    std::string joined() const {
        std::string out;
        for (const auto& message : m_messages) {
            out += (out.empty() ? "" : "; ") + message;
        }
        return out;
    }

private:
    std::vector<std::string> m_messages;
};

std::string utf8_of(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();  // not NUL-terminated
    return std::string(bytes.begin(), bytes.end());
}

bool has_end_marker(std::string_view bytes) {
    const std::string_view tail = bytes.size() > kEndMarkerZone ? bytes.substr(bytes.size() - kEndMarkerZone) : bytes;
    return tail.find("%%EOF") != std::string_view::npos;
}

/// Pictures are image XObjects, and those are streams, whose dictionaries a PDF never compresses (object
/// streams cannot hold streams): their "/Subtype /Image" is in the file as it is.
bool holds_pictures(std::string_view bytes) {
    constexpr std::string_view kSubtype = "/Subtype";
    for (std::size_t at = bytes.find(kSubtype); at != std::string_view::npos; at = bytes.find(kSubtype, at)) {
        at += kSubtype.size();
        std::size_t value = at;
        while (value < bytes.size() && (bytes[value] == ' ' || bytes[value] == '\r' || bytes[value] == '\n' ||
                                        bytes[value] == '\t' || bytes[value] == '\f' || bytes[value] == '\0')) {
            ++value;
        }
        if (bytes.substr(value).starts_with("/Image")) {
            return true;
        }
    }
    return false;
}

[[noreturn]] void refuse(const SourceFile& file, const std::string& what, const std::string& detail = {}) {
    throw Error(ErrorKind::UnreadableInput, "'" + file.name + "' " + what, detail);
}

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// The bytes of `utf8` from code point `first` up to (not including) code point `last`.
std::string code_point_range(std::string_view utf8, std::size_t first, std::size_t last) {
    std::size_t point = 0;
    std::size_t begin = utf8.size();
    std::size_t end = utf8.size();
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) {
            continue;
        }
        if (point == first) {
            begin = i;
        }
        if (point == last) {
            end = i;
            break;
        }
        ++point;
    }
    return std::string(utf8.substr(begin, end - begin));
}

bool is_empty(const poppler::rectf& box) {
    return box.x() == 0 && box.y() == 0 && box.width() == 0 && box.height() == 0;
}

PdfWord word_from(const std::string& text,
                  const poppler::rectf& box,
                  double font_size,
                  Emphasis emphasis,
                  std::size_t order) {
    PdfWord word;
    word.text = clean_pdf_word(text);
    word.left = box.left();
    word.top = box.top();
    word.right = box.right();
    word.bottom = box.bottom();
    word.font_size = font_size;
    word.emphasis = emphasis;
    word.order = order;
    return word;
}

/// One text box as words: a box whose glyphs change font ("KANE" in bold then "," in italic) is split where the
/// font changes, so that the emphasis is the author's to the letter.
void add_words(const poppler::text_box& box, std::size_t order, std::vector<PdfWord>& out) {
    const std::string raw = utf8_of(box.text());
    if (raw.empty()) {
        return;
    }
    const poppler::rectf bbox = box.bbox();
    // Poppler keeps one font entry and one glyph box per code point of the text; get_font_name() does not
    // check its index, so the count is checked against the glyph boxes before any glyph is looked at.
    const std::size_t glyphs = code_points(raw);
    const bool per_glyph =
        box.has_font_info() && glyphs > 0 && !is_empty(box.char_bbox(glyphs - 1)) && is_empty(box.char_bbox(glyphs));
    if (!per_glyph) {
        out.push_back(word_from(raw, bbox, bbox.height(), {}, order));
        out.back().space_after = box.has_space_after();
        return;
    }
    const double font_size = box.get_font_size();
    std::size_t run_start = 0;
    std::string font = box.get_font_name(0);
    for (std::size_t glyph = 1; glyph <= glyphs; ++glyph) {
        std::string next_font = glyph < glyphs ? box.get_font_name(static_cast<int>(glyph)) : std::string();
        if (glyph < glyphs && next_font == font) {
            continue;
        }
        poppler::rectf first = box.char_bbox(run_start);
        poppler::rectf last = box.char_bbox(glyph - 1);
        poppler::rectf run_box =
            glyph == glyphs && run_start == 0
                ? bbox
                : poppler::rectf(first.left(), bbox.top(), last.right() - first.left(), bbox.height());
        out.push_back(
            word_from(code_point_range(raw, run_start, glyph), run_box, font_size, emphasis_of_font(font), order));
        out.back().space_after = glyph == glyphs && box.has_space_after();
        font = std::move(next_font);
        run_start = glyph;
    }
}

/// The text of a page in the order it is drawn: cheap (no reading order is worked out), so it measures a page
/// before the costly word boxes are asked for.
void check_page_size(const poppler::page& page,
                     int number,
                     std::size_t& characters_left,
                     const SourceFile& file,
                     const PdfLimits& limits) {
    const std::size_t characters = page.text(poppler::rectf(), poppler::page::raw_order_layout).size();
    if (characters > limits.max_page_characters) {
        refuse(file, "has a page (page " + std::to_string(number) +
                         ") holding far more text than a page of a story (over " +
                         std::to_string(limits.max_page_characters) +
                         " characters); export the story alone again from Word, or send the .docx");
    }
    if (characters > characters_left) {
        refuse(file, "holds far more text than a story (over " + std::to_string(limits.max_characters) +
                         " characters); send the story alone");
    }
    characters_left -= characters;
}

PdfPage read_page(const poppler::page& page) {
    PdfPage out;
    const poppler::rectf box = page.page_rect();
    out.width = box.width();
    out.height = box.height();
    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        // Text set sideways (a stamp in the margin) is not part of the running text.
        if (boxes[i].rotation() == 0) {
            add_words(boxes[i], i, out.words);
        }
    }
    std::erase_if(out.words, [](const PdfWord& word) { return word.text.empty(); });
    return out;
}

}  // namespace

DocumentText read_pdf_document(const SourceFile& file, const PdfLimits& limits) {
    if (file.bytes.size() > limits.max_bytes || file.bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        refuse(file, "is larger than " + std::to_string(limits.max_bytes / (std::size_t{1024} * 1024)) +
                         " MB, far more than a story; send the story alone, with its photos as separate files");
    }
    if (!has_end_marker(file.bytes)) {
        refuse(file,
               "is cut short: the end of the PDF file is missing, as after an interrupted download or copy; send the "
               "complete file again, or the .docx it was made from");
    }
    PopplerMessages messages;
    // load_from_raw_data reads `file.bytes` in place: they outlive the document.
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(file.bytes.data(), static_cast<int>(file.bytes.size())));
    if (!document) {
        refuse(file,
               "is a damaged PDF file that cannot be opened; export it again from Word (File › Save As › PDF), or "
               "send the .docx it was made from",
               messages.joined());
    }
    if (document->is_locked()) {
        refuse(file,
               "is protected by a password; open it, save it again without the password (or print it to a new PDF), "
               "or send the .docx it was made from");
    }
    const int page_count = document->pages();
    if (page_count <= 0) {
        refuse(file, "is a damaged PDF file: it has no pages; export it again from Word, or send the .docx",
               messages.joined());
    }
    if (page_count > limits.max_pages) {
        refuse(file, "has " + std::to_string(page_count) + " pages, more than the " + std::to_string(limits.max_pages) +
                         " a story may have; send the story alone");
    }

    std::vector<PdfPage> pages;
    std::size_t characters_left = limits.max_characters;
    bool any_text = false;
    for (int i = 0; i < page_count; ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page) {
            continue;
        }
        check_page_size(*page, i + 1, characters_left, file, limits);
        pages.push_back(read_page(*page));
        any_text = any_text || !pages.back().words.empty();
    }
    if (!any_text) {
        refuse(file,
               "is a scanned image without text: its pages hold no text that can be read; export it again from Word "
               "(File › Save As › PDF), or send the .docx",
               messages.joined());
    }

    DocumentText out;
    out.lines = lay_out_pdf(pages);
    check_paragraph_count(static_cast<int>(std::min<std::size_t>(out.lines.size(), INT_MAX)), file.name);
    out.lines_join_into_paragraphs = false;
    if (holds_pictures(file.bytes)) {
        out.problems.push_back({"", core::Severity::Warning, "pdf-photos-not-extracted", {{"file", file.name}}, ""});
    }
    return out;
}

}  // namespace storybank::ingest
