#include "ingest/odt_reader.hpp"

#include "core/error.hpp"
#include "ingest/detail/xml_nodes.hpp"
#include "ingest/document_images.hpp"
#include "ingest/document_lines.hpp"
#include "ingest/inline_text.hpp"
#include "ingest/style_names.hpp"
#include "ingest/xml_document.hpp"
#include "ingest/zip_archive.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <vector>

namespace storybank::ingest {
namespace {

using detail::child;
using detail::is;
using detail::value;

constexpr std::string_view kTextMediaType = "application/vnd.oasis.opendocument.text";
constexpr int kMaxChain = 16;
constexpr std::uint64_t kMaxMediaTypeBytes = 1024;
/// text:s c="…": a hostile count must not blow a paragraph up.
constexpr int kMaxSpaces = 64;

struct OdtStyle {
    std::string name;  ///< display name, lower-cased ("heading 1", "caption")
    std::string parent;
    bool automatic = false;
    std::optional<bool> bold;
    std::optional<bool> italic;
};

/// Styles of one family, by their internal name.
using StyleFamily = std::map<std::string, OdtStyle, std::less<>>;

/// Per list style, whether each level numbers its items (1-based levels, as ODF counts them).
using ListStyles = std::map<std::string, std::map<int, bool>, std::less<>>;

/// ODF escapes spaces and other characters in style names: "Heading_20_1" is "Heading 1".
std::string decode_style_name(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned code = 0;
        if (name[i] == '_' && i + 3 < name.size() && name[i + 3] == '_') {
            auto [end, error] = std::from_chars(name.data() + i + 1, name.data() + i + 3, code, 16);
            if (error == std::errc() && end == name.data() + i + 3 && code >= 0x20 && code < 0x80) {
                out += static_cast<char>(code);
                i += 3;
                continue;
            }
        }
        out += name[i];
    }
    return out;
}

int to_int(std::string_view text, int fallback) {
    int out = fallback;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() ? out : fallback;
}

/// Reads style:style and text:list-style elements of an office:styles or office:automatic-styles element.
void load_styles(const pugi::xml_node& container,
                 bool automatic,
                 StyleFamily& paragraph_styles,
                 StyleFamily& text_styles,
                 ListStyles& list_styles) {
    for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
        if (is(node, "list-style")) {
            auto& levels = list_styles[std::string(value(node, "name"))];
            for (pugi::xml_node level = node.first_child(); level; level = level.next_sibling()) {
                int index = to_int(value(level, "level"), 1);
                // num-format "" means the level shows no number.
                levels[index] = is(level, "list-level-style-number") && !value(level, "num-format").empty();
            }
            continue;
        }
        if (!is(node, "style")) {
            continue;
        }
        std::string_view family = value(node, "family");
        StyleFamily* styles = family == "paragraph" ? &paragraph_styles : family == "text" ? &text_styles : nullptr;
        if (styles == nullptr) {
            continue;
        }
        OdtStyle style;
        std::string_view display = value(node, "display-name");
        style.name = lower_ascii(display.empty() ? decode_style_name(value(node, "name")) : std::string(display));
        style.parent = value(node, "parent-style-name");
        style.automatic = automatic;
        if (pugi::xml_node properties = child(node, "text-properties")) {
            std::string_view weight = value(properties, "font-weight");
            if (!weight.empty()) {
                style.bold = weight == "bold" || (weight.size() == 3 && weight >= "600");
            }
            std::string_view font_style = value(properties, "font-style");
            if (!font_style.empty()) {
                style.italic = font_style == "italic" || font_style == "oblique";
            }
        }
        (*styles)[std::string(value(node, "name"))] = std::move(style);
    }
}

/// ODF collapses white space in text like HTML does (text:s and text:tab are the explicit forms).
void add_collapsed(InlineText& text, std::string_view raw, Emphasis emphasis) {
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    if (space) {
        out += ' ';
    }
    text.add(out, emphasis);
}

bool is_external(std::string_view href) {
    return href.find("://") != std::string_view::npos || href.starts_with("/") || href.starts_with("../") ||
           href.starts_with("file:") || href.starts_with("data:") || href.starts_with("\\\\");
}

struct ParagraphState : ParagraphExtras {
    InlineText text;
    std::string location;
    bool caption = false;
    bool number_dropped = false;
};

/// The list a paragraph is in: its style and, per level, how many items went by.
struct ListContext {
    std::string style;
    int level = 0;
    std::map<int, int>* counters = nullptr;
    bool first_paragraph_of_item = false;
};

class OdtReader {
public:
    explicit OdtReader(const SourceFile& file)
        : m_file(file), m_archive(file.bytes, file.name), m_images(m_archive, m_document) {}

    DocumentText read() {
        check_media_type();
        if (auto styles = m_archive.read_if_present("styles.xml", kMaxXmlPartBytes)) {
            auto document = parse_xml_part(*styles, m_file.name, "styles.xml");
            pugi::xml_node root = child(*document, "document-styles");
            load_styles(child(root, "styles"), false, m_paragraph_styles, m_text_styles, m_list_styles);
        }
        auto content = parse_xml_part(m_archive.read("content.xml", kMaxXmlPartBytes), m_file.name, "content.xml");
        pugi::xml_node root = child(*content, "document-content");
        load_styles(child(root, "automatic-styles"), true, m_paragraph_styles, m_text_styles, m_list_styles);
        pugi::xml_node text = child(child(root, "body"), "text");
        if (!text) {
            throw Error(ErrorKind::UnreadableInput,
                        "'" + m_file.name + "' is an OpenDocument file without text (no office:text in content.xml)");
        }
        read_blocks(text, m_document.lines, nullptr);
        m_document.lines_join_into_paragraphs = false;
        return std::move(m_document);
    }

private:
    void check_media_type() {
        std::optional<std::string> media_type = m_archive.read_if_present("mimetype", kMaxMediaTypeBytes);
        if (media_type) {
            std::string_view type = *media_type;
            while (!type.empty() && (type.back() == '\n' || type.back() == '\r' || type.back() == ' ')) {
                type.remove_suffix(1);
            }
            // .odt, .ott (template) and .odm (master document) share the text format.
            if (!type.starts_with(kTextMediaType)) {
                throw Error(ErrorKind::UnreadableInput, "'" + m_file.name +
                                                            "' is an OpenDocument file of another kind (" +
                                                            std::string(type.substr(0, 80)) +
                                                            "), not a text document; save the story as .odt or .docx");
            }
        }
        if (!m_archive.contains("content.xml")) {
            throw Error(ErrorKind::UnreadableInput,
                        "'" + m_file.name +
                            "' is a ZIP archive without an OpenDocument text inside (no "
                            "content.xml); save the story as .odt or .docx and import that");
        }
    }

    // Block level.
    void read_blocks(const pugi::xml_node& container, std::vector<DocumentLine>& out, ListContext* list) {
        for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
            if (is(node, "p") || is(node, "h")) {
                read_paragraph(node, out, list);
                if (list != nullptr) {
                    list->first_paragraph_of_item = false;
                }
            } else if (is(node, "list")) {
                read_list(node, out, list);
            } else if (is(node, "table")) {
                read_table(node, out);
            } else if (is(node, "section") || is(node, "index-body") || is(node, "table-of-content") ||
                       is(node, "illustration-index") || is(node, "alphabetical-index")) {
                read_blocks(node, out, list);
            } else if (is(node, "frame") || is(node, "a") || is(node, "g") || is(node, "custom-shape")) {
                // A frame anchored to the page sits among paragraphs.
                ParagraphState state;
                state.location = "paragraph " + std::to_string(m_paragraphs + 1);
                read_drawing(node, state);
                append(state.images, out);
                append(state.boxed, out);
            }
            // text:tracked-changes holds deleted text; text:sequence-decls and forms hold none.
        }
    }

    void read_list(const pugi::xml_node& list, std::vector<DocumentLine>& out, ListContext* outer) {
        std::map<int, int> counters;
        ListContext context;
        context.style = value(list, "style-name");
        if (context.style.empty() && outer != nullptr) {
            context.style = outer->style;
        }
        context.level = outer != nullptr ? outer->level + 1 : 1;
        context.counters = outer != nullptr ? outer->counters : &counters;
        (*context.counters)[context.level] = 0;
        for (pugi::xml_node item = list.first_child(); item; item = item.next_sibling()) {
            if (is(item, "list-item") || is(item, "list-header")) {
                context.first_paragraph_of_item = is(item, "list-item");
                read_blocks(item, out, &context);
            }
        }
    }

    std::string list_marker(ListContext& list) {
        bool numbered = false;
        if (auto style = m_list_styles.find(list.style); style != m_list_styles.end()) {
            auto level = style->second.find(list.level);
            numbered = level != style->second.end() && level->second;
        }
        int& count = (*list.counters)[list.level];
        ++count;
        return numbered ? std::to_string(count) + ". " : "- ";
    }

    void read_table(const pugi::xml_node& table, std::vector<DocumentLine>& out) {
        for (pugi::xml_node node = table.first_child(); node; node = node.next_sibling()) {
            if (is(node, "table-row")) {
                read_row(node, false, out);
            } else if (is(node, "table-header-rows")) {
                for (pugi::xml_node row = node.first_child(); row; row = row.next_sibling()) {
                    if (is(row, "table-row")) {
                        read_row(row, true, out);
                    }
                }
            } else if (is(node, "table-rows") || is(node, "table-row-group")) {
                read_table(node, out);
            }
        }
    }

    // table:number-rows-repeated and number-columns-repeated are not honoured: a hostile count would
    // multiply the text, and a story's tables do not repeat rows.
    void read_row(const pugi::xml_node& row, bool header, std::vector<DocumentLine>& out) {
        std::vector<std::vector<DocumentLine>> cells;
        for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
            if (is(cell, "table-cell")) {
                cells.emplace_back();
                read_blocks(cell, cells.back(), nullptr);
            }
        }
        append_table_row(std::move(cells), header, out);
    }

    void read_paragraph(const pugi::xml_node& paragraph, std::vector<DocumentLine>& out, ListContext* list) {
        ParagraphState state;
        state.location = "paragraph " + std::to_string(++m_paragraphs);
        check_paragraph_count(m_paragraphs, m_file.name);
        std::string_view style = value(paragraph, "style-name");
        state.caption = paragraph_style_is(style, is_caption_style_name);
        read_inline(paragraph, state, paragraph_emphasis(style));

        std::string text = state.text.markdown();
        if (state.number_dropped) {
            while (!text.empty() && (text.front() == ' ' || text.front() == ':' || text.front() == '.' ||
                                     text.front() == '-' || text.front() == '\t')) {
                text.erase(0, 1);
            }
        }
        DocumentLine line;
        line.location = state.location;
        line.text = tidy_paragraph(text);
        if (line.text.empty()) {
            line.kind = DocumentLine::Kind::Blank;
        } else if (state.caption) {
            line.kind = DocumentLine::Kind::Caption;
        } else if (is(paragraph, "h") || paragraph_style_is(style, is_heading_style_name)) {
            line.kind = DocumentLine::Kind::Heading;
        } else if (list != nullptr && list->first_paragraph_of_item) {
            line.kind = DocumentLine::Kind::ListItem;
            line.text = list_marker(*list) + line.text;
        } else if (std::optional<std::string> item = typed_list_item(line.text)) {
            // Dashes and numbers typed by hand make a list as much as the list tool does.
            line.kind = DocumentLine::Kind::ListItem;
            line.text = std::move(*item);
        }
        append_paragraph(std::move(line), state, out);
    }

    // Inline level.
    void read_inline(const pugi::xml_node& container, ParagraphState& state, Emphasis emphasis) {
        for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                add_collapsed(state.text, node.value(), emphasis);
            } else if (is(node, "span")) {
                read_inline(node, state, span_emphasis(value(node, "style-name"), emphasis));
            } else if (is(node, "a") || is(node, "meta") || is(node, "ruby") || is(node, "ruby-base") ||
                       is(node, "date") || is(node, "time") || is(node, "page-number") || is(node, "author-name") ||
                       is(node, "title") || is(node, "subject") || is(node, "chapter") || is(node, "reference-ref") ||
                       is(node, "bookmark-ref") || is(node, "sequence-ref") || is(node, "note-ref") ||
                       is(node, "user-defined") || is(node, "variable-get") || is(node, "text-input")) {
                read_inline(node, state, emphasis);
            } else if (is(node, "s")) {
                int count = std::clamp(to_int(value(node, "c"), 1), 1, kMaxSpaces);
                state.text.add(std::string(static_cast<std::size_t>(count), ' '), emphasis);
            } else if (is(node, "tab")) {
                state.text.add("\t", emphasis);
            } else if (is(node, "line-break")) {
                state.text.add("\n", emphasis);
            } else if (is(node, "sequence")) {
                read_inline(node, state, emphasis);
                if (state.caption) {
                    state.text.clear();
                    state.number_dropped = true;
                }
            } else if (is(node, "frame") || is(node, "g") || is(node, "custom-shape")) {
                read_drawing(node, state);
            }
            // text:note (footnotes), text:bookmark*, text:change*, text:soft-page-break, office:annotation and
            // text:number (a cached list number) add no text of the paragraph.
        }
    }

    void read_drawing(const pugi::xml_node& node, ParagraphState& state) {
        if (is(node, "a") || is(node, "g")) {
            for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
                if (is(c, "frame") || is(c, "g") || is(c, "custom-shape") || is(c, "a")) {
                    read_drawing(c, state);
                }
            }
            return;
        }
        if (is(node, "custom-shape")) {
            read_blocks(node, state.boxed, nullptr);
            return;
        }
        std::string alt(child(node, "desc").text().get());
        if (alt.empty()) {
            alt = child(node, "title").text().get();
        }
        // A frame may hold the same picture twice (an SVG and a bitmap replacement): keep one, a bitmap if any.
        pugi::xml_node picture;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (is(c, "image") && (!picture || lower_ascii(value(picture, "href")).ends_with(".svg"))) {
                picture = c;
            }
        }
        if (picture) {
            std::string_view href = value(picture, "href");
            while (href.starts_with("./")) {
                href.remove_prefix(2);
            }
            DocumentLine line =
                href.empty() ? m_images.missing("(" + std::string(value(node, "name")) + ")", alt, state.location)
                : is_external(href) ? m_images.linked(href, alt, state.location)
                                    : m_images.embedded(href, alt, state.location);
            if (state.images.empty()) {
                state.text_before_images = !state.text.blank();
            }
            state.images.push_back(std::move(line));
        }
        if (pugi::xml_node box = child(node, "text-box")) {
            read_blocks(box, state.boxed, nullptr);
        }
    }

    /// Emphasis of a whole paragraph, from its automatic style only: LibreOffice writes direct formatting of a
    /// whole paragraph there, while a named style's boldness (a heading's) is not the author's emphasis.
    Emphasis paragraph_emphasis(std::string_view style_name) const {
        auto style = m_paragraph_styles.find(style_name);
        if (style == m_paragraph_styles.end() || !style->second.automatic) {
            return {};
        }
        return {style->second.bold.value_or(false), style->second.italic.value_or(false)};
    }

    /// Emphasis inside a text:span: its style over its parents (character styles such as "Emphasis"),
    /// on top of what surrounds it.
    Emphasis span_emphasis(std::string_view style_name, Emphasis around) const {
        std::optional<bool> bold;
        std::optional<bool> italic;
        std::string_view name = style_name;
        for (int depth = 0; depth < kMaxChain && !name.empty(); ++depth) {
            auto style = m_text_styles.find(name);
            if (style == m_text_styles.end()) {
                break;
            }
            bold = bold ? bold : style->second.bold;
            italic = italic ? italic : style->second.italic;
            name = style->second.parent;
        }
        return {bold.value_or(around.bold), italic.value_or(around.italic)};
    }

    bool paragraph_style_is(std::string_view style_name, bool (*test)(std::string_view)) const {
        std::string_view name = style_name;
        for (int depth = 0; depth < kMaxChain && !name.empty(); ++depth) {
            auto style = m_paragraph_styles.find(name);
            if (style == m_paragraph_styles.end()) {
                return test(lower_ascii(decode_style_name(name)));
            }
            if (test(style->second.name)) {
                return true;
            }
            name = style->second.parent;
        }
        return false;
    }

    static void append(std::vector<DocumentLine>& from, std::vector<DocumentLine>& to) {
        for (auto& line : from) {
            to.push_back(std::move(line));
        }
        from.clear();
    }

    const SourceFile& m_file;
    ZipArchive m_archive;
    DocumentText m_document;
    DocumentImages m_images;
    StyleFamily m_paragraph_styles;
    StyleFamily m_text_styles;
    ListStyles m_list_styles;
    int m_paragraphs = 0;
};

}  // namespace

DocumentText read_odt_document(const SourceFile& file) {
    return OdtReader(file).read();
}

}  // namespace storybank::ingest
