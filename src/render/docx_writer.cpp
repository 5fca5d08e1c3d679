#include "render/docx_writer.hpp"

#include "core/error.hpp"
#include "render/booklet_index.hpp"

#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace storybank::render {
namespace {

constexpr std::string_view kNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr long long kEmuPerPoint = 12700;

/// Text as XML character data; control characters XML cannot hold are dropped.
std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') {
                    out += c;
                }
        }
    }
    return out;
}

std::string run(std::string_view text, bool bold = false, bool italic = false) {
    std::string properties;
    if (bold || italic) {
        properties = std::string("<w:rPr>") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "</w:rPr>";
    }
    return "<w:r>" + properties + "<w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r>";
}

std::string paragraph(std::string_view style, std::string_view runs) {
    std::string properties = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/></w:pPr>";
    return "<w:p>" + properties + std::string(runs) + "</w:p>";
}

constexpr std::string_view kPageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";

struct Media {
    std::string name;  ///< word/media/<name>
    std::string bytes;
};

class DocumentBuilder {
public:
    DocumentBuilder(const DocumentLabels& labels, const PhotoBytes& photo_bytes)
        : m_labels(labels), m_photo_bytes(photo_bytes) {}

    void title_page(const std::string& title, std::size_t count) {
        m_body += paragraph("Title", run(title));
        m_body += paragraph("Subtitle", run(std::to_string(count) + " " + m_labels.stories));
        m_body += kPageBreak;
        m_contents_at = m_body.size();
    }

    /// A story; `chapter` > 0 marks its title with a bookmark for the booklet's contents and index.
    void story(const StoryLayout& story, bool page_break_before, std::size_t chapter = 0) {
        if (page_break_before) {
            m_body += kPageBreak;
        }
        if (chapter > 0) {
            std::string id = std::to_string(chapter);
            m_body += paragraph("Title", "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + bookmark(chapter) + "\"/>" +
                                             run(story.title) + "<w:bookmarkEnd w:id=\"" + id + "\"/>");
        } else {
            m_body += paragraph("Title", run(story.title));
        }
        if (story.omitted) {
            m_body += paragraph("Note", run(m_labels.omitted_note, false, true));
        }
        if (!story.summary.empty()) {
            m_body += paragraph("Heading1", run(story.summary_heading));
            summary(story);
        }
        if (!story.case_heading.empty() && !story.sections.empty()) {
            m_body += paragraph("Heading1", run(story.case_heading));
        }
        for (const auto& section : story.sections) {
            m_body += paragraph("Heading2", run(section.heading));
            for (const auto& block : section.paragraphs) {
                std::string runs;
                for (const auto& piece : block.runs) {
                    runs += run(piece.text, piece.bold, piece.italic);
                }
                switch (block.kind) {
                    case BlockKind::ListItem:
                        m_body += paragraph("ListBullet", run("\u2022\t") + runs);
                        break;
                    case BlockKind::Quote:
                        m_body += paragraph("Quote", runs);
                        break;
                    case BlockKind::Heading:
                    case BlockKind::Paragraph:
                        m_body += paragraph("", runs);
                        break;
                }
            }
        }
        if (!story.quotes.empty()) {
            m_body += paragraph("Heading2", run(story.quotes_heading));
            // One paragraph per testimony, written the way the collection form has them (« words » then the
            // speaker in bold and the role), which is also how the reader recognises a testimony.
            for (const auto& quote : story.quotes) {
                std::string runs = run("\u00AB " + quote.text + " \u00BB ") + run(quote.speaker, true);
                if (!quote.role.empty()) {
                    runs += run(", " + quote.role);
                }
                m_body += paragraph("Quote", runs);
            }
        }
        if (!story.photos.empty()) {
            m_body += paragraph("Heading2", run(story.photos_heading));
            for (const auto& photo : story.photos) {
                image(photo);
                m_body += paragraph("Caption", run(photo.caption));
            }
        }
    }

    /// A booklet's contents, after the title page, and its index by country and partner at the end. Page numbers
    /// are PAGEREF fields: the word processor lays out the pages, so it fills them in (LibreOffice when it opens
    /// the file, Word when it updates fields, which settings.xml asks it to do on opening).
    void contents_and_index(const std::vector<BookletChapter>& chapters) {
        std::string contents = paragraph("Title", run(m_labels.contents));
        for (std::size_t index = 0; index < chapters.size(); ++index) {
            const BookletChapter& chapter = chapters[index];
            contents += entry("ContentsEntry", chapter.title, index + 1);
            std::string detail = chapter.partner;
            if (!chapter.place.empty()) {
                detail += (detail.empty() ? "" : "  \u00B7  ") + chapter.place;
            }
            if (!detail.empty()) {
                contents += paragraph("ContentsDetail", run(detail));
            }
        }
        m_body.insert(m_contents_at, contents + std::string(kPageBreak));
        m_body += std::string(kPageBreak) + paragraph("Title", run(m_labels.index));
        for (auto [heading, key] : {std::pair{&m_labels.index_by_country, &BookletChapter::country},
                                    std::pair{&m_labels.index_by_partner, &BookletChapter::partner}}) {
            m_body += paragraph("Heading1", run(*heading));
            for (const IndexGroup& group : index_groups(chapters, key, m_labels.unknown, m_labels.language)) {
                m_body += paragraph("IndexGroup", run(group.name));
                for (std::size_t index : group.chapters) {
                    m_body += entry("ContentsEntry", chapters[index].title, index + 1);
                }
            }
        }
    }

    const std::string& body() const { return m_body; }
    const std::vector<Media>& media() const { return m_media; }
    std::string relationships() const {
        std::string out = std::string(kXmlDeclaration) +
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rIdStyles\" "
                          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                          "Target=\"styles.xml\"/>"
                          "<Relationship Id=\"rIdFooter\" "
                          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
                          "Target=\"footer1.xml\"/>"
                          "<Relationship Id=\"rIdSettings\" "
                          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
                          "Target=\"settings.xml\"/>";
        for (const auto& [sha256, id] : m_image_ids) {
            out += "<Relationship Id=\"";
            out += id;
            out +=
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                "Target=\"media/";
            out += sha256;
            out += ".jpeg\"/>";
        }
        return out + "</Relationships>";
    }

private:
    static std::string bookmark(std::size_t chapter) { return "story_" + std::to_string(chapter); }

    /// A line of the contents or the index: the title, linked to its chapter, a dotted leader and its page.
    static std::string entry(std::string_view style, const std::string& title, std::size_t chapter) {
        std::string name = bookmark(chapter);
        return paragraph(style, "<w:hyperlink w:anchor=\"" + name + "\" w:history=\"1\">" + run(title) +
                                    "</w:hyperlink><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                                    "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF " +
                                    name +
                                    " \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                                    "<w:r><w:t>" +
                                    std::to_string(chapter) +
                                    "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }

    void summary(const StoryLayout& story) {
        const int label_width = 3100;
        const int value_width = 6200;
        m_body +=
            "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
            "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F3A5F\"/>"
            "<w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1F3A5F\"/>"
            "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C9D1DB\"/>"
            "</w:tblBorders><w:tblCellMar><w:top w:w=\"80\" w:type=\"dxa\"/><w:left w:w=\"110\" w:type=\"dxa\"/>"
            "<w:bottom w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"110\" w:type=\"dxa\"/></w:tblCellMar>"
            "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"" +
            std::to_string(label_width) + "\"/><w:gridCol w:w=\"" + std::to_string(value_width) + "\"/></w:tblGrid>";
        for (const auto& row : story.summary) {
            m_body += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(label_width) +
                      "\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F6\"/></w:tcPr>" +
                      paragraph("TableLabel", run(row.label, true)) + "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"" +
                      std::to_string(value_width) + "\" w:type=\"dxa\"/></w:tcPr>" +
                      paragraph("TableValue", run(row.as_written)) + "</w:tc></w:tr>";
        }
        m_body += "</w:tbl>" + paragraph("", "");
    }

    void image(const PhotoBlock& photo) {
        std::optional<std::string> bytes;
        if (photo.attachment && photo.attachment->media_type == "image/jpeg" && photo.attachment->width > 0 &&
            photo.attachment->height > 0 && m_photo_bytes) {
            bytes = m_photo_bytes(*photo.attachment);
        }
        if (!bytes) {
            return;
        }
        const std::string& sha256 = photo.attachment->sha256;
        auto found = m_image_ids.find(sha256);
        if (found == m_image_ids.end()) {
            found = m_image_ids.emplace(sha256, "rIdImage" + std::to_string(m_image_ids.size() + 1)).first;
            m_media.push_back({sha256 + ".jpeg", std::move(*bytes)});
        }
        // As in the PDF: small pictures are not blown up past one point per pixel.
        double width = std::min(430.0, static_cast<double>(photo.attachment->width));
        double height = width * photo.attachment->height / photo.attachment->width;
        if (height > 300) {
            height = 300;
            width = height * photo.attachment->width / photo.attachment->height;
        }
        std::string cx = std::to_string(static_cast<long long>(width) * kEmuPerPoint);
        std::string cy = std::to_string(static_cast<long long>(height) * kEmuPerPoint);
        std::string id = std::to_string(++m_drawing_count);
        m_body +=
            "<w:p><w:pPr><w:pStyle w:val=\"Photo\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" "
            "distL=\"0\" distR=\"0\"><wp:extent cx=\"" +
            cx + "\" cy=\"" + cy + "\"/><wp:docPr id=\"" + id + "\" name=\"Photo " + id + "\" descr=\"" +
            xml_escape(photo.caption) +
            "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"" +
            id + "\" name=\"" + sha256 + ".jpeg\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" +
            found->second +
            "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
            "y=\"0\"/><a:ext cx=\"" +
            cx + "\" cy=\"" + cy +
            "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    }

private:  // data
    const DocumentLabels& m_labels;
    const PhotoBytes& m_photo_bytes;
    std::string m_body;
    std::size_t m_contents_at = 0;  ///< where a booklet's contents go: after the title page
    std::vector<Media> m_media;
    std::map<std::string, std::string> m_image_ids;  ///< sha256 → relationship id
    int m_drawing_count = 0;
};

std::string styles_xml() {
    auto style = [](std::string_view id, std::string_view name, std::string_view paragraph_properties,
                    std::string_view run_properties) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + std::string(id) + "\"><w:name w:val=\"" +
               std::string(name) + "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" +
               std::string(paragraph_properties) + "</w:pPr><w:rPr>" + std::string(run_properties) +
               "</w:rPr></w:style>";
    };
    return std::string(kXmlDeclaration) + "<w:styles" + std::string(kNamespaces) +
           "><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Noto Serif\" w:hAnsi=\"Noto Serif\" "
           "w:cs=\"Noto Serif\" w:eastAsia=\"Noto Serif\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
           "<w:color w:val=\"1C2430\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"140\" "
           "w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
           "<w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>" +
           style("Title", "Title", "<w:jc w:val=\"left\"/><w:spacing w:after=\"240\"/>",
                 "<w:b/><w:color w:val=\"1F3A5F\"/><w:sz w:val=\"40\"/>") +
           style("Subtitle", "Subtitle", "<w:jc w:val=\"left\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"24\"/>") +
           style("Heading1", "heading 1",
                 "<w:keepNext/><w:jc w:val=\"left\"/><w:spacing w:before=\"320\" w:after=\"120\"/>"
                 "<w:outlineLvl w:val=\"0\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:b/><w:caps/><w:color "
                 "w:val=\"B5542D\"/><w:spacing w:val=\"20\"/><w:sz w:val=\"18\"/>") +
           style("Heading2", "heading 2",
                 "<w:keepNext/><w:jc w:val=\"left\"/><w:spacing w:before=\"280\" w:after=\"100\"/>"
                 "<w:outlineLvl w:val=\"1\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:b/><w:color w:val=\"1F3A5F\"/><w:sz "
                 "w:val=\"25\"/>") +
           style("Quote", "Quote",
                 "<w:jc w:val=\"left\"/><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"10\" "
                 "w:color=\"B5542D\"/></w:pBdr><w:ind w:left=\"567\" w:right=\"454\"/><w:spacing w:after=\"60\"/>",
                 "<w:i/><w:sz w:val=\"23\"/>") +
           style("QuoteAttribution", "Quote attribution",
                 "<w:jc w:val=\"left\"/><w:ind w:left=\"567\"/><w:spacing w:after=\"240\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"17\"/>") +
           style("Caption", "caption", "<w:jc w:val=\"center\"/><w:spacing w:before=\"60\" w:after=\"280\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:i/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"17\"/>") +
           style("Photo", "Photo", "<w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>", "") +
           style("ListBullet", "List Bullet", "<w:jc w:val=\"left\"/><w:ind w:left=\"425\" w:hanging=\"283\"/>", "") +
           style("Note", "Note", "<w:jc w:val=\"left\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF4E0\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"17\"/>") +
           style("TableLabel", "Table label", "<w:jc w:val=\"left\"/><w:spacing w:after=\"0\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"1F3A5F\"/><w:sz "
                 "w:val=\"17\"/>") +
           style("TableValue", "Table value", "<w:jc w:val=\"left\"/><w:spacing w:after=\"0\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:sz w:val=\"19\"/>") +
           style("ContentsEntry", "toc 1",
                 "<w:keepNext/><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9350\"/></w:tabs>"
                 "<w:jc w:val=\"left\"/><w:spacing w:before=\"100\" w:after=\"0\"/>",
                 "") +
           style("ContentsDetail", "Contents detail", "<w:jc w:val=\"left\"/><w:spacing w:after=\"60\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"16\"/>") +
           style("IndexGroup", "Index heading",
                 "<w:keepNext/><w:jc w:val=\"left\"/><w:spacing w:before=\"200\" w:after=\"40\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:b/><w:caps/><w:color "
                 "w:val=\"B5542D\"/><w:sz w:val=\"17\"/>") +
           style("Footer", "footer", "<w:jc w:val=\"right\"/><w:spacing w:after=\"0\"/>",
                 "<w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\"/><w:color w:val=\"5C6673\"/><w:sz "
                 "w:val=\"15\"/>") +
           "</w:styles>";
}

std::string footer_xml(const std::string& footer, const std::string& page_label) {
    std::string text = footer.empty() ? page_label + " " : footer + "  \u00B7  " + page_label + " ";
    return std::string(kXmlDeclaration) + "<w:ftr" + std::string(kNamespaces) +
           "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" + run(text) +
           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
           "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";
}

/// A ZIP archive built in memory with libzip; the one place this module calls it.
class ZipBuilder {
public:
    ZipBuilder() {
        zip_error_t error;
        zip_error_init(&error);
        m_source = zip_source_buffer_create(nullptr, 0, 0, &error);
        zip_error_fini(&error);
        if (m_source == nullptr) {
            throw Error(ErrorKind::Internal, "cannot start the Word document", "zip_source_buffer_create");
        }
        zip_source_keep(m_source);
        m_archive = zip_open_from_source(m_source, ZIP_TRUNCATE, nullptr);
        if (m_archive == nullptr) {
            zip_source_free(m_source);
            throw Error(ErrorKind::Internal, "cannot start the Word document", "zip_open_from_source");
        }
    }
    ~ZipBuilder() {
        if (m_archive != nullptr) {
            zip_discard(m_archive);
        }
        zip_source_free(m_source);
    }
    ZipBuilder(const ZipBuilder&) = delete;
    ZipBuilder& operator=(const ZipBuilder&) = delete;

    /// libzip reads the buffer at close time, so the bytes are kept here until then.
    void add(const std::string& name, std::string bytes, bool compress = true) {
        m_buffers.push_back(std::make_unique<std::string>(std::move(bytes)));
        const std::string& kept = *m_buffers.back();
        zip_source_t* source = zip_source_buffer(m_archive, kept.data(), kept.size(), 0);
        zip_int64_t index = source != nullptr ? zip_file_add(m_archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            zip_source_free(source);
            throw Error(ErrorKind::Internal, "cannot add '" + name + "' to the Word document", zip_strerror(m_archive));
        }
        if (!compress) {
            zip_set_file_compression(m_archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
        }
    }

    std::string finish() {
        if (zip_close(m_archive) != 0) {
            throw Error(ErrorKind::Internal, "cannot finish the Word document", zip_strerror(m_archive));
        }
        m_archive = nullptr;
        std::string out;
        if (zip_source_open(m_source) != 0) {
            throw Error(ErrorKind::Internal, "cannot read the Word document back", "zip_source_open");
        }
        char buffer[65536];
        for (zip_int64_t count = zip_source_read(m_source, buffer, sizeof buffer); count > 0;
             count = zip_source_read(m_source, buffer, sizeof buffer)) {
            out.append(buffer, static_cast<std::size_t>(count));
        }
        zip_source_close(m_source);
        return out;
    }

private:  // data
    zip_source_t* m_source = nullptr;
    zip_t* m_archive = nullptr;
    std::vector<std::unique_ptr<std::string>> m_buffers;
};

}  // namespace

std::string write_docx(std::size_t count,
                       const StoryLoader& load,
                       const DocumentLabels& labels,
                       const PhotoBytes& photo_bytes,
                       const DocxOptions& options,
                       const Progress& progress) {
    DocumentBuilder builder(labels, photo_bytes);
    std::string title = options.title;
    bool booklet = options.booklet;
    if (booklet) {
        builder.title_page(options.title, count);
    }
    std::vector<BookletChapter> chapters;
    for (std::size_t index = 0; index < count; ++index) {
        StoryLayout story = load(index);
        if (title.empty()) {
            title = story.title;
        }
        builder.story(story, index > 0, booklet ? index + 1 : 0);
        if (booklet) {
            chapters.push_back(chapter_of(story));
        }
        if (progress) {
            progress(index + 1, count);
        }
    }
    if (booklet) {
        builder.contents_and_index(chapters);
    }
    bool letter = options.paper == PaperSize::Letter;
    std::string document = std::string(kXmlDeclaration) + "<w:document" + std::string(kNamespaces) + "><w:body>" +
                           builder.body() +
                           "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"" +
                           (letter ? "12240" : "11906") + "\" w:h=\"" + (letter ? "15840" : "16838") +
                           "\"/><w:pgMar w:top=\"1304\" w:right=\"1247\" w:bottom=\"1304\" w:left=\"1247\" "
                           "w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";

    ZipBuilder zip;
    zip.add("[Content_Types].xml",
            std::string(kXmlDeclaration) +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                "<Override PartName=\"/word/document.xml\" "
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                "<Override PartName=\"/word/styles.xml\" "
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                "<Override PartName=\"/word/footer1.xml\" "
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
                "<Override PartName=\"/word/settings.xml\" "
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
                "<Override PartName=\"/docProps/core.xml\" "
                "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>");
    zip.add("_rels/.rels",
            std::string(kXmlDeclaration) +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                "Target=\"word/document.xml\"/><Relationship Id=\"rId2\" "
                "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
                "Target=\"docProps/core.xml\"/></Relationships>");
    zip.add("docProps/core.xml",
            std::string(kXmlDeclaration) +
                "<cp:coreProperties "
                "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
                xml_escape(title) + "</dc:title><dc:creator>storybank</dc:creator></cp:coreProperties>");
    zip.add("word/document.xml", std::move(document));
    zip.add("word/styles.xml", styles_xml());
    // A booklet's page numbers are fields: ask Word to update them when the file is opened.
    zip.add("word/settings.xml", std::string(kXmlDeclaration) + "<w:settings" + std::string(kNamespaces) + ">" +
                                     (booklet ? "<w:updateFields w:val=\"true\"/>" : "") + "</w:settings>");
    zip.add("word/footer1.xml", footer_xml(options.footer, labels.page));
    zip.add("word/_rels/document.xml.rels", builder.relationships());
    for (const auto& media : builder.media()) {
        zip.add("word/media/" + media.name, media.bytes, false);
    }
    return zip.finish();
}

}  // namespace storybank::render
