#include "ingest/field_locator.hpp"

#include "text/unicode_text.hpp"

#include <algorithm>
#include <cctype>

namespace storybank::ingest {
namespace {

struct Word {
    std::string folded;  ///< compared form; empty for pure punctuation
    std::size_t begin;
    std::size_t end;
};

bool is_space_at(std::string_view text, std::size_t i, std::size_t& width) {
    // A line break inside a paragraph (Word's Shift+Enter, a table cell's paragraphs) separates words too.
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
        width = 1;
        return true;
    }
    if (text.substr(i).starts_with("\xC2\xA0")) {
        width = 2;
        return true;
    }
    if (text.substr(i).starts_with("\xE2\x80\xAF")) {
        width = 3;
        return true;
    }
    return false;
}

std::string strip_marks(std::string_view word) {
    std::string folded = text::fold_for_matching(word);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c == '*' || c == '_' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':' || c == '"' || c == '`') {
            continue;
        }
        out += c;
    }
    // Dashes standing alone ("Introduction – question") are punctuation, not words.
    if (out == "-" || out == "/" || out == "." || out == ",") {
        return {};
    }
    return out;
}

/// The words of a line, up to `max_words` that are not pure punctuation: a label sits at the start of a line, so
/// the rest of a long paragraph need not be folded.
std::vector<Word> split_words(std::string_view text, std::size_t max_words = SIZE_MAX) {
    std::vector<Word> words;
    std::size_t i = 0;
    std::size_t counted = 0;
    while (i < text.size() && counted < max_words) {
        std::size_t width = 0;
        if (is_space_at(text, i, width)) {
            i += width;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && !is_space_at(text, i, width)) {
            ++i;
        }
        words.push_back({strip_marks(text.substr(start, i - start)), start, i});
        counted += words.back().folded.empty() ? 0 : 1;
    }
    return words;
}

/// "2.1", "1.", "1)", "II.", "A)", "a." — numbering in front of a heading.
bool is_numbering(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    char last = word.back();
    std::string_view body = word;
    if (last == '.' || last == ')' || last == '-') {
        body.remove_suffix(1);
    }
    if (body.empty()) {
        return false;
    }
    bool digits = std::all_of(body.begin(), body.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
    if (digits) {
        return true;
    }
    bool roman = std::all_of(body.begin(), body.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
    if (roman && body.size() <= 4 && (last == '.' || last == ')' || last == '-')) {
        return true;
    }
    return body.size() == 1 && std::isalpha(static_cast<unsigned char>(body[0])) && (last == '.' || last == ')');
}

/// HTML tags such as <i>…</i> left by copy-paste from Word forms, replaced by spaces.
std::string without_html_tags(std::string_view line) {
    std::string out(line);
    std::size_t open = out.find('<');
    while (open != std::string::npos) {
        std::size_t close = out.find('>', open);
        if (close == std::string::npos) {
            break;
        }
        std::string_view tag = std::string_view(out).substr(open + 1, close - open - 1);
        bool looks_like_tag = !tag.empty() && tag.size() < 20 &&
                              (std::isalpha(static_cast<unsigned char>(tag[0])) || tag[0] == '/') &&
                              tag.find(' ') == std::string_view::npos;
        if (looks_like_tag) {
            out.replace(open, close - open + 1, std::string(close - open + 1, ' '));
        }
        open = out.find('<', open + 1);
    }
    return out;
}

bool is_short_field(core::FieldType type) {
    using core::FieldType;
    return type != FieldType::RichText && type != FieldType::Quotes && type != FieldType::Photos;
}

/// "Label:", "**Label:**", "__Label :__": the label part ends with a colon, maybe inside emphasis marks.
bool ends_with_colon(std::string_view label_part) {
    while (!label_part.empty() && (label_part.back() == '*' || label_part.back() == '_' || label_part.back() == ' ')) {
        label_part.remove_suffix(1);
    }
    return label_part.ends_with(":");
}

/// The first word of a complement the template does not spell out after a label: "Contact *de la
/// narratrice*", "Nom et fonction *de l'auteure*", "Photos *of the workshop*". Folded form.
bool is_linking_word(std::string_view folded) {
    return folded == "de" || folded == "du" || folded == "des" || folded == "of" || folded.starts_with("d'");
}

constexpr std::size_t kMaxComplementWords = 3;

/// Strips leading separators from a value: ":", "–", "-", and the emphasis markers they sit in.
std::string clean_value(std::string_view value) {
    std::string out = text::tidy_spaces(value);
    for (;;) {
        std::size_t before = out.size();
        for (std::string_view prefix :
             {":", "\xE2\x80\x93", "\xE2\x80\x94", "- ", "**", "__", "\t", "\xC2\xA0", "\xE2\x80\xAF"}) {
            if (out.starts_with(prefix) && !(prefix == "**" && out.size() > 2 && out[2] != ' ' && out[2] != ':')) {
                out.erase(0, prefix.size());
                out = text::tidy_spaces(out);
            }
        }
        if (out.size() == before) {
            break;
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> label_words(std::string_view text) {
    std::vector<std::string> out;
    for (auto& word : split_words(without_html_tags(text))) {
        if (!word.folded.empty()) {
            out.push_back(std::move(word.folded));
        }
    }
    return out;
}

FieldLocator::FieldLocator(const core::Template& story_template) : m_template(story_template) {
    for (const auto& title : story_template.form_titles) {
        add_variant(title, LabelMatch::Kind::FormTitle, nullptr, nullptr, "");
    }
    for (const auto& section : story_template.sections) {
        for (const auto& [language, label] : section.label.by_language) {
            add_variant(label, LabelMatch::Kind::Section, nullptr, &section, language);
        }
        for (const auto& alias : section.aliases) {
            add_variant(alias, LabelMatch::Kind::Section, nullptr, &section, "");
        }
    }
    for (const auto& field : story_template.fields) {
        for (const auto& [language, label] : field.label.by_language) {
            add_variant(label, LabelMatch::Kind::Field, &field, nullptr, language);
        }
        for (const auto& alias : field.aliases) {
            add_variant(alias, LabelMatch::Kind::Field, &field, nullptr, "");
        }
    }
    // Longest first, so "Description de la solution" wins over "Description".
    std::stable_sort(m_variants.begin(), m_variants.end(),
                     [](const Variant& a, const Variant& b) { return a.words.size() > b.words.size(); });
    m_longest_variant = m_variants.empty() ? 0 : m_variants.front().words.size();
}

void FieldLocator::add_variant(std::string_view label,
                               LabelMatch::Kind kind,
                               const core::FieldDefinition* field,
                               const core::SectionDefinition* section,
                               std::string language) {
    std::vector<std::string> words = label_words(label);
    if (!words.empty()) {
        m_variants.push_back({std::move(words), kind, field, section, std::move(language)});
    }
}

LabelMatch FieldLocator::match(std::string_view raw_line, bool allow_complement) const {
    const std::string line = without_html_tags(raw_line);
    // Room for numbering in front, the longest label, a bracketed hint and a complement ("de la narratrice").
    std::vector<Word> all_words = split_words(line, m_longest_variant + kMaxComplementWords + 8);
    // Skip numbering and pure punctuation in front ("2.1", "1.", "#", "-", "**").
    std::size_t first = 0;
    while (first < all_words.size() && (all_words[first].folded.empty() ||
                                        is_numbering(std::string_view(line).substr(
                                            all_words[first].begin, all_words[first].end - all_words[first].begin)))) {
        ++first;
    }
    std::vector<const Word*> words;
    for (std::size_t i = first; i < all_words.size(); ++i) {
        words.push_back(&all_words[i]);
    }
    if (words.empty()) {
        return {};
    }

    // How many of the line's words the variant's words take up (skipping punctuation-only words inside the
    // line), or 0 when the line does not start with the variant.
    auto matched_words = [&words](const Variant& variant) -> std::size_t {
        std::size_t k = 0;
        std::size_t position = 0;
        while (k < variant.words.size() && position < words.size()) {
            if (words[position]->folded.empty()) {
                ++position;
                continue;
            }
            if (words[position]->folded != variant.words[k]) {
                break;
            }
            ++k;
            ++position;
        }
        return k < variant.words.size() ? 0 : position;
    };

    for (const auto& variant : m_variants) {
        std::size_t position = matched_words(variant);
        if (position == 0) {
            continue;
        }
        std::size_t label_end = words[position - 1]->end;
        // A bracketed hint right after the label: "Contact de l'auteur (Tel et email)".
        if (position < words.size() && line[words[position]->begin] == '(') {
            std::size_t close = line.find(')', words[position]->begin);
            if (close != std::string::npos && close - words[position]->begin < 80) {
                label_end = close + 1;
                while (position < words.size() && words[position]->begin < label_end) {
                    ++position;
                }
            }
        }
        std::string_view rest = std::string_view(line).substr(label_end);
        std::string value = clean_value(rest);
        bool has_value = !value.empty() && value != "*" && value != "**";
        LabelMatch result;
        result.kind = variant.kind;
        result.field = variant.field;
        result.section = variant.section;
        result.language = variant.language;
        if (!has_value) {
            return result;
        }
        if (variant.kind == LabelMatch::Kind::FormTitle) {
            return result;  // "FORMAT DE COLLECTE … (SUCCESS STORIES)": the rest is part of the title
        }
        if (variant.kind == LabelMatch::Kind::Section) {
            continue;  // a section label followed by text is an ordinary sentence
        }
        // Text after the label: an explicit separator (tab, colon, dash) makes it the value; without one,
        // only short fields take it ("Localité Bamako"), so sentences that begin with a word like
        // "Introduction" stay sentences.
        const std::size_t separator = rest.find_first_not_of(' ');
        bool separated = separator != std::string_view::npos && (rest[separator] == '\t' || rest[separator] == '\n');
        separated = separated || ends_with_colon(std::string_view(line).substr(0, label_end)) ||
                    value != text::tidy_spaces(rest);
        if (!separated && !is_short_field(variant.field->type)) {
            continue;
        }
        if (!separated) {
            // Without a separator the value must look like one: not a lower-case continuation of a sentence.
            if (text::starts_with_lower_case(value)) {
                continue;
            }
        }
        result.value = std::move(value);
        return result;
    }

    // A label of a short field with a complement the template does not spell out, then a colon: "Contact de
    // la narratrice : 62 45 78 19", "Nom et fonction de l'auteure :". The colon is required, so that
    // sentences such as "Changement de comportement des jeunes" stay sentences.
    if (!allow_complement) {
        return {};
    }
    for (const auto& variant : m_variants) {
        if (variant.kind != LabelMatch::Kind::Field || !is_short_field(variant.field->type)) {
            continue;
        }
        std::size_t position = matched_words(variant);
        if (position == 0 || position >= words.size() || !is_linking_word(words[position]->folded)) {
            continue;
        }
        std::size_t colon = std::string::npos;
        for (std::size_t i = position, extra = 0; i < words.size() && extra <= kMaxComplementWords; ++i) {
            std::string_view word = std::string_view(line).substr(words[i]->begin, words[i]->end - words[i]->begin);
            if (std::size_t at = word.find(':'); at != std::string_view::npos) {
                colon = words[i]->begin + at + 1;
                break;
            }
            extra += words[i]->folded.empty() ? 0 : 1;
        }
        if (colon == std::string::npos) {
            continue;
        }
        LabelMatch result;
        result.kind = variant.kind;
        result.field = variant.field;
        result.language = variant.language;
        result.value = clean_value(std::string_view(line).substr(colon));
        if (result.value == "*" || result.value == "**") {
            result.value.clear();
        }
        return result;
    }
    return {};
}

}  // namespace storybank::ingest
