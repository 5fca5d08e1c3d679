#include "render/rich_text.hpp"

#include <cmark.h>

#include <memory>

namespace storybank::render {
namespace {

struct Walker {
    std::vector<RichParagraph> paragraphs;
    int bold_depth = 0;
    int italic_depth = 0;
    int quote_depth = 0;
    int list_depth = 0;

    void append(std::string_view text) {
        if (paragraphs.empty()) {
            paragraphs.emplace_back();
        }
        auto& runs = paragraphs.back().runs;
        bool bold = bold_depth > 0;
        bool italic = italic_depth > 0;
        if (!runs.empty() && runs.back().bold == bold && runs.back().italic == italic) {
            runs.back().text += text;
        } else {
            runs.push_back({std::string(text), bold, italic});
        }
    }

    void start_block(BlockKind kind) {
        RichParagraph paragraph;
        if (kind == BlockKind::Paragraph && list_depth > 0) {
            kind = BlockKind::ListItem;
        } else if (kind == BlockKind::Paragraph && quote_depth > 0) {
            kind = BlockKind::Quote;
        }
        paragraph.kind = kind;
        paragraphs.push_back(std::move(paragraph));
    }

    void visit(cmark_node* node, cmark_event_type event) {
        bool entering = event == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_PARAGRAPH:
                if (entering) {
                    start_block(BlockKind::Paragraph);
                }
                break;
            case CMARK_NODE_HEADING:
                if (entering) {
                    start_block(BlockKind::Heading);
                }
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                quote_depth += entering ? 1 : -1;
                break;
            case CMARK_NODE_LIST:
                list_depth += entering ? 1 : -1;
                break;
            case CMARK_NODE_CODE_BLOCK:
                start_block(BlockKind::Paragraph);
                append(cmark_node_get_literal(node) != nullptr ? cmark_node_get_literal(node) : "");
                break;
            case CMARK_NODE_STRONG:
                bold_depth += entering ? 1 : -1;
                break;
            case CMARK_NODE_EMPH:
                italic_depth += entering ? 1 : -1;
                break;
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* literal = cmark_node_get_literal(node)) {
                    append(literal);
                }
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                append(" ");
                break;
            default:
                break;
        }
    }
};

}  // namespace

std::vector<RichParagraph> rich_text_paragraphs(std::string_view markdown) {
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
    Walker walker;
    if (!document) {
        return walker.paragraphs;
    }
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(document.get()), &cmark_iter_free);
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        walker.visit(cmark_iter_get_node(iter.get()), event);
    }
    std::erase_if(walker.paragraphs, [](const RichParagraph& paragraph) { return paragraph.runs.empty(); });
    return walker.paragraphs;
}

std::string plain_text(const std::vector<RichParagraph>& paragraphs) {
    std::string out;
    for (const auto& paragraph : paragraphs) {
        if (!out.empty()) {
            out += "\n\n";
        }
        if (paragraph.kind == BlockKind::ListItem) {
            out += "- ";
        }
        for (const auto& run : paragraph.runs) {
            out += run.text;
        }
    }
    return out;
}

}  // namespace storybank::render
