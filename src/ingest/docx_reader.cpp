#include "ingest/docx_reader.hpp"

#include "core/error.hpp"
#include "ingest/detail/xml_nodes.hpp"
#include "ingest/document_images.hpp"
#include "ingest/document_lines.hpp"
#include "ingest/docx_styles.hpp"
#include "ingest/inline_text.hpp"
#include "ingest/xml_document.hpp"
#include "ingest/zip_archive.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <vector>

namespace storybank::ingest {
namespace {

using detail::attribute;
using detail::child;
using detail::is;
using detail::value;

struct Relationship {
    std::string target;  ///< a part name inside the archive, or the external address as written
    bool external = false;
    std::string type;
};
using Relationships = std::map<std::string, Relationship, std::less<>>;

/// "word/" + "../media/x.png" → "media/x.png"; "/word/media/x.png" → "word/media/x.png".
std::string resolve_part(std::string_view folder, std::string_view target) {
    std::string joined =
        target.starts_with('/') ? std::string(target.substr(1)) : std::string(folder) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t slash = joined.find('/', start);
        std::string segment = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(std::move(segment));
        }
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& segment : segments) {
        out += (out.empty() ? "" : "/") + segment;
    }
    return out;
}

std::string folder_of(std::string_view part) {
    std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

/// "word/document.xml" → "word/_rels/document.xml.rels".
std::string relationships_part_of(std::string_view part) {
    std::size_t slash = part.rfind('/');
    std::string_view folder = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
    std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return std::string(folder) + "_rels/" + std::string(name) + ".rels";
}

Relationships read_relationships(ZipArchive& archive, std::string_view source_part) {
    Relationships out;
    std::string rels_part = relationships_part_of(source_part);
    std::optional<std::string> bytes = archive.read_if_present(rels_part, kMaxXmlPartBytes);
    if (!bytes) {
        return out;
    }
    auto rels = parse_xml_part(*bytes, archive.file_name(), rels_part);
    std::string folder = folder_of(source_part);
    for (pugi::xml_node node = child(*rels, "Relationships").first_child(); node; node = node.next_sibling()) {
        if (!is(node, "Relationship")) {
            continue;
        }
        Relationship relationship;
        relationship.external = value(node, "TargetMode") == "External";
        relationship.type = value(node, "Type");
        std::string_view target = value(node, "Target");
        relationship.target = relationship.external ? std::string(target) : resolve_part(folder, target);
        out.emplace(std::string(value(node, "Id")), std::move(relationship));
    }
    return out;
}

/// The main document part named by the package relationships, else the usual place.
std::string main_document_part(ZipArchive& archive) {
    for (const auto& entry : read_relationships(archive, "")) {
        const Relationship& relationship = entry.second;
        // Transitional and strict OOXML name the type differently but both end this way.
        if (!relationship.external && relationship.type.ends_with("/officeDocument")) {
            if (std::optional<std::string> stored = archive.find(relationship.target)) {
                return *stored;
            }
        }
    }
    return "word/document.xml";
}

/// A character of a symbol font (w:sym): the private-use code points of Symbol and Wingdings that stand for a
/// common character, else the character itself; other glyph-font decorations are left out.
std::string symbol_text(std::string_view hex) {
    unsigned code = 0;
    auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
    if (error != std::errc() || code == 0) {
        return {};
    }
    if (code >= 0xF000 && code <= 0xF0FF) {
        switch (code & 0xFF) {
            case 0xB7:
            case 0x9F:
                return "•";
            case 0xA7:
                return "▪";
            case 0xE0:
            case 0xAE:
                return "→";
            case 0xFC:
                return "✓";
            case 0x2D:
                return "-";
            default:
                return {};
        }
    }
    std::string out;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000 && (code < 0xD800 || code > 0xDFFF)) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return out;
}

/// Word's own alt text for pasted pictures ("Une image contenant personne… Description générée
/// automatiquement") describes nothing the author wrote.
bool is_generated_description(std::string_view text) {
    return text.find("automatiquement") != std::string_view::npos ||
           text.find("automatically generated") != std::string_view::npos;
}

/// Separators left at the start of a caption once its "Figure 1" is gone.
std::string without_leading_separators(std::string_view text) {
    for (;;) {
        bool stripped = false;
        for (std::string_view separator : {" ", "\t", ":", ".", "-", ")", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA0"}) {
            if (text.starts_with(separator)) {
                text.remove_prefix(separator.size());
                stripped = true;
            }
        }
        if (!stripped) {
            return std::string(text);
        }
    }
}

/// A field (w:fldChar begin … separate … end) being read, to spot caption numbers (SEQ fields).
struct OpenField {
    std::string instruction;
};

bool is_sequence_field(std::string_view instruction) {
    std::size_t start = instruction.find_first_not_of(' ');
    return start != std::string_view::npos && instruction.substr(start).starts_with("SEQ");
}

/// Everything gathered from one paragraph while its runs are read.
struct ParagraphState : ParagraphExtras {
    InlineText text;
    std::string location;
    bool caption = false;
    bool number_dropped = false;
    std::vector<OpenField> fields;
    Emphasis emphasis;  ///< of the run being read
};

class DocxReader {
public:
    explicit DocxReader(const SourceFile& file)
        : m_file(file), m_archive(file.bytes, file.name), m_images(m_archive, m_document) {}

    DocumentText read() {
        std::string part = main_document_part(m_archive);
        if (!m_archive.contains(part)) {
            throw Error(ErrorKind::UnreadableInput,
                        "'" + m_file.name + "' is a ZIP archive without a Word document inside (no '" + part +
                            "'); save the story as a Word document (.docx) and import that");
        }
        m_relationships = read_relationships(m_archive, part);
        if (auto styles = m_archive.read_if_present(folder_of(part) + "styles.xml", kMaxXmlPartBytes)) {
            m_styles.load(*parse_xml_part(*styles, m_file.name, folder_of(part) + "styles.xml"));
        }
        if (auto numbering = m_archive.read_if_present(folder_of(part) + "numbering.xml", kMaxXmlPartBytes)) {
            m_numbering.load(*parse_xml_part(*numbering, m_file.name, folder_of(part) + "numbering.xml"));
        }
        auto document = parse_xml_part(m_archive.read(part, kMaxXmlPartBytes), m_file.name, part);
        pugi::xml_node body = child(child(*document, "document"), "body");
        if (!body) {
            throw Error(ErrorKind::UnreadableInput, "'" + m_file.name + "' cannot be read: its part '" + part +
                                                        "' is not a Word document body; save it again with Word");
        }
        read_blocks(body, m_document.lines);
        m_document.lines_join_into_paragraphs = false;
        return std::move(m_document);
    }

private:
    // Block level: paragraphs, tables and the containers around them.
    void read_blocks(const pugi::xml_node& container, std::vector<DocumentLine>& out) {
        for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
            if (is(node, "p")) {
                read_paragraph(node, out);
            } else if (is(node, "tbl")) {
                read_table(node, out);
            } else if (is(node, "sdt")) {
                read_blocks(child(node, "sdtContent"), out);
            } else if (is(node, "customXml") || is(node, "ins") || is(node, "moveTo") || is(node, "sdtContent")) {
                read_blocks(node, out);
            } else if (is(node, "AlternateContent")) {
                std::size_t before = out.size();
                read_blocks(child(node, "Choice"), out);
                if (out.size() == before) {
                    read_blocks(child(node, "Fallback"), out);
                }
            }
            // w:del and w:moveFrom hold deleted text; w:sectPr, bookmarks and the like hold none.
        }
    }

    void read_table(const pugi::xml_node& table, std::vector<DocumentLine>& out) {
        for (pugi::xml_node node = table.first_child(); node; node = node.next_sibling()) {
            if (is(node, "tr")) {
                read_row(node, out);
            } else if (is(node, "sdt")) {
                read_table(child(node, "sdtContent"), out);
            } else if (is(node, "customXml") || is(node, "ins")) {
                read_table(node, out);
            }
        }
    }

    void read_row(const pugi::xml_node& row, std::vector<DocumentLine>& out) {
        const bool header = static_cast<bool>(child(child(row, "trPr"), "tblHeader"));
        std::vector<std::vector<DocumentLine>> cells;
        read_cells(row, cells);
        append_table_row(std::move(cells), header, out);
    }

    void read_cells(const pugi::xml_node& container, std::vector<std::vector<DocumentLine>>& cells) {
        for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
            if (is(node, "tc")) {
                cells.emplace_back();
                read_blocks(node, cells.back());
            } else if (is(node, "sdt")) {
                read_cells(child(node, "sdtContent"), cells);
            } else if (is(node, "customXml")) {
                read_cells(node, cells);
            }
        }
    }

    void read_paragraph(const pugi::xml_node& paragraph, std::vector<DocumentLine>& out) {
        ParagraphState state;
        state.location = "paragraph " + std::to_string(++m_paragraphs);
        check_paragraph_count(m_paragraphs, m_file.name);
        pugi::xml_node properties = child(paragraph, "pPr");
        std::string style(value(child(properties, "pStyle"), "val"));
        if (style.empty()) {
            style = m_styles.default_paragraph_style();
        }
        state.caption = m_styles.is_caption(style);
        read_inline(paragraph, state);

        std::string text = state.text.markdown();
        if (state.number_dropped) {
            text = without_leading_separators(text);
        }
        DocumentLine line;
        line.location = state.location;
        line.text = tidy_paragraph(text);
        std::string_view outline = value(child(properties, "outlineLvl"), "val");
        if (line.text.empty()) {
            line.kind = DocumentLine::Kind::Blank;
        } else if (state.caption) {
            line.kind = DocumentLine::Kind::Caption;
        } else if (m_styles.is_heading(style) || (!outline.empty() && outline != "9")) {
            line.kind = DocumentLine::Kind::Heading;
        } else if (auto numbering = list_numbering(properties, style)) {
            line.kind = DocumentLine::Kind::ListItem;
            line.text = m_numbering.next_marker(numbering->first, numbering->second) + line.text;
        } else if (std::optional<std::string> item = typed_list_item(line.text)) {
            // Dashes and numbers typed by hand make a list as much as the list tool does.
            line.kind = DocumentLine::Kind::ListItem;
            line.text = std::move(*item);
        }

        append_paragraph(std::move(line), state, out);
    }

    std::optional<std::pair<std::string, int>> list_numbering(const pugi::xml_node& properties,
                                                              const std::string& style) {
        if (pugi::xml_node numbering = child(properties, "numPr")) {
            std::string num_id(value(child(numbering, "numId"), "val"));
            if (num_id.empty() || num_id == "0") {
                return std::nullopt;  // numId 0 takes the style's numbering away
            }
            int level = 0;
            std::string_view ilvl = value(child(numbering, "ilvl"), "val");
            std::from_chars(ilvl.data(), ilvl.data() + ilvl.size(), level);
            return {{num_id, level}};
        }
        auto numbering = m_styles.numbering(style);
        if (numbering && numbering->first == "0") {
            return std::nullopt;
        }
        return numbering;
    }

    // Inline level: runs and the containers around them (hyperlinks, insertions, content controls, fields).
    void read_inline(const pugi::xml_node& container, ParagraphState& state) {
        for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
            if (is(node, "r")) {
                read_run(node, state);
            } else if (is(node, "hyperlink") || is(node, "smartTag") || is(node, "customXml") || is(node, "ins") ||
                       is(node, "moveTo") || is(node, "sdtContent") || is(node, "bdo") || is(node, "dir")) {
                read_inline(node, state);
            } else if (is(node, "sdt")) {
                read_inline(child(node, "sdtContent"), state);
            } else if (is(node, "fldSimple")) {
                read_inline(node, state);
                if (is_sequence_field(value(node, "instr"))) {
                    drop_caption_number(state);
                }
            } else if (is(node, "AlternateContent")) {
                read_alternate(node, state, &DocxReader::read_inline);
            }
        }
    }

    /// mc:AlternateContent holds the same content twice (a modern Choice, a legacy Fallback): read one.
    void read_alternate(const pugi::xml_node& alternate,
                        ParagraphState& state,
                        void (DocxReader::*read_part)(const pugi::xml_node&, ParagraphState&)) {
        const std::size_t text = state.text.length();
        const std::size_t images = state.images.size();
        const std::size_t boxed = state.boxed.size();
        (this->*read_part)(child(alternate, "Choice"), state);
        if (state.text.length() == text && state.images.size() == images && state.boxed.size() == boxed) {
            (this->*read_part)(child(alternate, "Fallback"), state);
        }
    }

    void read_run(const pugi::xml_node& run, ParagraphState& state) {
        pugi::xml_node properties = child(run, "rPr");
        if (pugi::xml_node hidden = child(properties, "vanish"); hidden && toggle_on(hidden)) {
            return;  // hidden text: not shown, not printed
        }
        Emphasis emphasis = m_styles.emphasis(value(child(properties, "rStyle"), "val"));
        if (pugi::xml_node bold = child(properties, "b")) {
            emphasis.bold = toggle_on(bold);
        }
        if (pugi::xml_node italic = child(properties, "i")) {
            emphasis.italic = toggle_on(italic);
        }
        state.emphasis = emphasis;
        read_run_content(run, state);
    }

    void read_run_content(const pugi::xml_node& run, ParagraphState& state) {
        for (pugi::xml_node node = run.first_child(); node; node = node.next_sibling()) {
            if (is(node, "t")) {
                state.text.add(node.text().get(), state.emphasis);
            } else if (is(node, "tab") || is(node, "ptab")) {
                state.text.add("\t", state.emphasis);
            } else if (is(node, "br") || is(node, "cr")) {
                state.text.add("\n", state.emphasis);
            } else if (is(node, "noBreakHyphen")) {
                state.text.add("-", state.emphasis);
            } else if (is(node, "sym")) {
                state.text.add(symbol_text(value(node, "char")), state.emphasis);
            } else if (is(node, "fldChar")) {
                read_field_char(node, state);
            } else if (is(node, "instrText")) {
                if (!state.fields.empty()) {
                    state.fields.back().instruction += node.text().get();
                }
            } else if (is(node, "drawing")) {
                DrawingAlt alt;
                read_drawing(node, state, alt);
            } else if (is(node, "pict")) {
                read_vml(node, state, "");
            } else if (is(node, "AlternateContent")) {
                read_alternate(node, state, &DocxReader::read_run_content);
            }
            // w:delText belongs to deletions; w:object is an embedded program object, not a photo.
        }
    }

    void read_field_char(const pugi::xml_node& node, ParagraphState& state) {
        std::string_view type = value(node, "fldCharType");
        if (type == "begin") {
            state.fields.push_back({});
        } else if (type == "end" && !state.fields.empty()) {
            const bool sequence = is_sequence_field(state.fields.back().instruction);
            state.fields.pop_back();
            if (sequence) {
                drop_caption_number(state);
            }
        }
    }

    /// "Figure 1: Atelier de Bamako": what comes before a caption's number is its label, not its text.
    static void drop_caption_number(ParagraphState& state) {
        if (state.caption) {
            state.text.clear();
            state.number_dropped = true;
        }
    }

    static bool toggle_on(const pugi::xml_node& property) {
        std::string_view val = value(property, "val");
        return !(val == "0" || val == "false" || val == "off" || val == "none");
    }

    // Pictures and text boxes.
    /// The alt text of the pictures of one w:drawing.
    struct DrawingAlt {
        std::string text;
        bool from_drawing = false;  ///< wp:docPr was seen: it, not pic:cNvPr, holds the alt text Word shows
    };

    void read_drawing(const pugi::xml_node& node, ParagraphState& state, DrawingAlt& alt) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) {
                continue;
            }
            // pic:cNvPr often holds just the name of the file the picture came from.
            if (is(c, "docPr") || (is(c, "cNvPr") && !alt.from_drawing)) {
                std::string_view description = value(c, "descr");
                if (description.empty()) {
                    description = value(c, "title");
                }
                alt.text = is_generated_description(description) ? std::string() : std::string(description);
                alt.from_drawing = alt.from_drawing || is(c, "docPr");
            } else if (is(c, "txbxContent")) {
                read_blocks(c, state.boxed);
            } else if (is(c, "blip")) {
                add_picture(value(c, "embed"), value(c, "link"), alt.text, state);
            } else {
                read_drawing(c, state, alt);
            }
        }
    }

    /// Legacy VML pictures (v:imagedata) and text boxes (v:textbox), as older Word versions and Fallbacks
    /// write them.
    void read_vml(const pugi::xml_node& node, ParagraphState& state, std::string_view alt) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) {
                continue;
            }
            std::string_view own_alt = value(c, "alt");
            std::string_view shape_alt = own_alt.empty() ? alt : own_alt;
            if (is(c, "txbxContent")) {
                read_blocks(c, state.boxed);
            } else if (is(c, "imagedata")) {
                std::string_view id = value(c, "id");
                if (id.empty()) {
                    id = value(c, "relid");
                }
                std::string_view link = value(c, "href");
                if (id.empty() && !link.empty()) {
                    note_picture(state, m_images.linked(link, std::string(shape_alt), state.location));
                } else {
                    add_picture(id, "", shape_alt, state);
                }
            } else {
                read_vml(c, state, shape_alt);
            }
        }
    }

    void add_picture(std::string_view embed, std::string_view link, std::string_view alt, ParagraphState& state) {
        std::string alt_text(is_generated_description(alt) ? std::string_view() : alt);
        std::string_view id = embed.empty() ? link : embed;
        if (id.empty()) {
            return;
        }
        auto relationship = m_relationships.find(id);
        if (relationship == m_relationships.end()) {
            note_picture(state, m_images.missing(id, alt_text, state.location));
        } else if (relationship->second.external) {
            note_picture(state, m_images.linked(relationship->second.target, alt_text, state.location));
        } else {
            note_picture(state, m_images.embedded(relationship->second.target, alt_text, state.location));
        }
    }

    static void note_picture(ParagraphState& state, DocumentLine line) {
        if (state.images.empty()) {
            state.text_before_images = !state.text.blank();
        }
        state.images.push_back(std::move(line));
    }

    const SourceFile& m_file;
    ZipArchive m_archive;
    DocumentText m_document;
    DocumentImages m_images;
    Relationships m_relationships;
    DocxStyles m_styles;
    DocxNumbering m_numbering;
    int m_paragraphs = 0;
};

}  // namespace

DocumentText read_docx_document(const SourceFile& file) {
    return DocxReader(file).read();
}

}  // namespace storybank::ingest
