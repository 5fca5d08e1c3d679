#include "ingest/docx_styles.hpp"

#include "ingest/detail/xml_nodes.hpp"
#include "ingest/style_names.hpp"

#include <algorithm>
#include <charconv>

namespace storybank::ingest {
namespace {

using detail::attribute;
using detail::child;
using detail::is;
using detail::value;

constexpr int kMaxChain = 16;

/// w:b, w:i: on when present, unless w:val says otherwise.
std::optional<bool> toggle(const pugi::xml_node& properties, std::string_view name) {
    pugi::xml_node property = child(properties, name);
    if (!property) {
        return std::nullopt;
    }
    std::string_view val = value(property, "val");
    return !(val == "0" || val == "false" || val == "off" || val == "none");
}

int to_int(std::string_view text, int fallback) {
    int out = fallback;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() ? out : fallback;
}

}  // namespace

void DocxStyles::load(const pugi::xml_document& styles) {
    for (pugi::xml_node node = child(styles, "styles").first_child(); node; node = node.next_sibling()) {
        if (!is(node, "style")) {
            continue;
        }
        std::string id(value(node, "styleId"));
        Style style;
        style.name = lower_ascii(value(child(node, "name"), "val"));
        style.based_on = value(child(node, "basedOn"), "val");
        pugi::xml_node paragraph = child(node, "pPr");
        std::string_view outline = value(child(paragraph, "outlineLvl"), "val");
        style.outline = !outline.empty() && to_int(outline, 9) < 9;
        if (pugi::xml_node numbering = child(paragraph, "numPr")) {
            std::string num_id(value(child(numbering, "numId"), "val"));
            if (!num_id.empty()) {
                style.numbering = {{num_id, to_int(value(child(numbering, "ilvl"), "val"), 0)}};
            }
        }
        pugi::xml_node run = child(node, "rPr");
        style.bold = toggle(run, "b");
        style.italic = toggle(run, "i");
        if (value(node, "type") == "paragraph" && (value(node, "default") == "1" || value(node, "default") == "true")) {
            m_default_paragraph = id;
        }
        m_styles.emplace(std::move(id), std::move(style));
    }
}

template <typename Visit>
void DocxStyles::for_chain(std::string_view style_id, Visit visit) const {
    std::string_view id = style_id;
    for (int depth = 0; depth < kMaxChain && !id.empty(); ++depth) {
        auto found = m_styles.find(id);
        if (found == m_styles.end()) {
            // A style id Word wrote without defining it: judge it by the id itself ("Heading1", "Caption").
            if (depth == 0) {
                Style guessed;
                guessed.name = lower_ascii(style_id);
                visit(guessed);
            }
            return;
        }
        if (visit(found->second)) {
            return;
        }
        id = found->second.based_on;
    }
}

bool DocxStyles::is_heading(std::string_view style_id) const {
    bool heading = false;
    for_chain(style_id, [&](const Style& style) {
        heading = is_heading_style_name(style.name) || style.outline;
        return heading;
    });
    return heading;
}

bool DocxStyles::is_caption(std::string_view style_id) const {
    bool caption = false;
    for_chain(style_id, [&](const Style& style) {
        caption = is_caption_style_name(style.name);
        return caption;
    });
    return caption;
}

Emphasis DocxStyles::emphasis(std::string_view style_id) const {
    std::optional<bool> bold;
    std::optional<bool> italic;
    for_chain(style_id, [&](const Style& style) {
        bold = bold ? bold : style.bold;
        italic = italic ? italic : style.italic;
        return bold && italic;
    });
    return {bold.value_or(false), italic.value_or(false)};
}

std::optional<std::pair<std::string, int>> DocxStyles::numbering(std::string_view style_id) const {
    std::optional<std::pair<std::string, int>> found;
    for_chain(style_id, [&](const Style& style) {
        found = style.numbering;
        return found.has_value();
    });
    return found;
}

void DocxNumbering::load(const pugi::xml_document& numbering) {
    pugi::xml_node root = child(numbering, "numbering");
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
        if (is(node, "abstractNum")) {
            std::array<Level, kLevels> levels{};
            for (pugi::xml_node level = node.first_child(); level; level = level.next_sibling()) {
                int index = to_int(value(level, "ilvl"), -1);
                if (!is(level, "lvl") || index < 0 || index >= kLevels) {
                    continue;
                }
                auto& target = levels[static_cast<std::size_t>(index)];
                if (std::string_view format = value(child(level, "numFmt"), "val"); !format.empty()) {
                    target.format = format;
                }
                target.start = to_int(value(child(level, "start"), "val"), 1);
            }
            m_abstract[std::string(value(node, "abstractNumId"))] = levels;
        } else if (is(node, "num")) {
            std::string id(value(node, "numId"));
            m_abstract_of[id] = value(child(node, "abstractNumId"), "val");
            for (pugi::xml_node override_node = node.first_child(); override_node;
                 override_node = override_node.next_sibling()) {
                if (is(override_node, "lvlOverride")) {
                    if (pugi::xml_node start = child(override_node, "startOverride")) {
                        m_start_override[id][to_int(value(override_node, "ilvl"), 0)] = to_int(value(start, "val"), 1);
                    }
                }
            }
        }
    }
}

std::string DocxNumbering::next_marker(const std::string& num_id, int level) {
    level = std::clamp(level, 0, kLevels - 1);
    const auto at = static_cast<std::size_t>(level);
    Level format;
    if (auto abstract = m_abstract_of.find(num_id); abstract != m_abstract_of.end()) {
        if (auto levels = m_abstract.find(abstract->second); levels != m_abstract.end()) {
            format = levels->second[at];
        }
    }
    if (auto override_start = m_start_override[num_id].find(level); override_start != m_start_override[num_id].end()) {
        format.start = override_start->second;
    }
    auto [counters, inserted] = m_counters.try_emplace(num_id);
    if (inserted) {
        counters->second.fill(0);
    }
    auto& count = counters->second;
    count[at] = count[at] == 0 ? format.start : count[at] + 1;
    for (std::size_t deeper = at + 1; deeper < count.size(); ++deeper) {
        count[deeper] = 0;
    }
    if (format.format == "decimal" || format.format == "decimalZero") {
        return std::to_string(count[at]) + ". ";
    }
    return "- ";
}

}  // namespace storybank::ingest
