#include "ingest/story_assembler.hpp"

#include "core/error.hpp"
#include "ingest/photo_captions.hpp"
#include "ingest/value_parsers.hpp"
#include "text/language_detector.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <map>

namespace storybank::ingest {
namespace {

using core::FieldType;

struct Paragraph {
    std::string text;
    bool list_item = false;
};

struct Gathered {
    std::vector<Paragraph> paragraphs;
    std::string location;  ///< where the field's label was
    int labels_seen = 0;
};

struct Orphan {
    std::string text;
    std::string location;
    bool heading = false;
};

constexpr std::size_t kMaxTitleLength = 200;
constexpr std::size_t kOrphanExcerptLength = 60;

/// How many paragraphs after its label a short field takes before the text is no longer its value.
std::size_t paragraph_capacity(FieldType type) {
    switch (type) {
        case FieldType::RichText:
        case FieldType::Quotes:
        case FieldType::Photos:
            return SIZE_MAX;
        case FieldType::Person:
            return 2;
        case FieldType::Contact:
            return 4;
        default:
            return 1;
    }
}

std::string join(const std::vector<Paragraph>& paragraphs, std::string_view separator) {
    std::string out;
    for (const auto& paragraph : paragraphs) {
        if (!out.empty()) {
            out += separator;
        }
        out += paragraph.text;
    }
    return out;
}

std::string join_rich_text(const std::vector<Paragraph>& paragraphs) {
    std::string out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i > 0) {
            // Items of one list stay together, one per line.
            out += paragraphs[i].list_item && paragraphs[i - 1].list_item ? "\n" : "\n\n";
        }
        out += paragraphs[i].text;
    }
    return out;
}

/// A value of a one-line field: line breaks (Word's soft breaks, the paragraphs of a table cell) become spaces.
std::string single_line(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return text::tidy_spaces(out);
}

/// A person written on several lines or paragraphs: name on the first, function on the next.
std::string person_lines(std::string_view text) {
    std::string out;
    for (char c : text::tidy_spaces(text)) {
        if (c == '\n' && out.ends_with('\n')) {
            continue;
        }
        out += c;
    }
    return out;
}

std::string excerpt(std::string_view text) {
    std::string out;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points > kOrphanExcerptLength) {
            return out + "…";
        }
        out += text[i];
    }
    return out;
}

}  // namespace

StoryAssembler::StoryAssembler(const core::Template& story_template)
    : m_template(story_template), m_locator(story_template) {}

core::Story StoryAssembler::assemble(const DocumentText& document, const std::string& file_name) const {
    return assemble_with_photos(document, file_name).story;
}

AssembledStory StoryAssembler::assemble_with_photos(const DocumentText& document, const std::string& file_name) const {
    std::vector<DocumentLine> lines = document.lines;
    attach_styled_captions(lines);
    std::vector<PhotoCandidate> photo_candidates;
    std::map<std::string, Gathered> gathered;
    std::vector<Orphan> orphans;
    std::map<std::string, int> label_languages;
    const core::FieldDefinition* current = nullptr;
    int fields_found = 0;

    Paragraph pending;
    std::string pending_location;
    auto flush = [&] {
        if (pending.text.empty()) {
            return;
        }
        if (current != nullptr) {
            auto& entry = gathered[current->key];
            if (current->type == FieldType::Photos) {
                photo_candidates.push_back(
                    {PhotoCandidate::Kind::Paragraph, pending.text, "", "", true, pending_location});
            }
            entry.paragraphs.push_back(std::move(pending));
            if (entry.paragraphs.size() >= paragraph_capacity(current->type)) {
                current = nullptr;
            }
        } else {
            orphans.push_back({std::move(pending.text), pending_location, false});
        }
        pending = {};
        pending_location.clear();
    };

    for (const auto& line : lines) {
        switch (line.kind) {
            case DocumentLine::Kind::Blank:
                flush();
                continue;
            case DocumentLine::Kind::Image: {
                flush();
                // Pictures pasted anywhere in the story are photos of the story too.
                const bool in_photos_field = current != nullptr && current->type == FieldType::Photos;
                photo_candidates.push_back({PhotoCandidate::Kind::Image, line.text, line.alt_text, line.image,
                                            in_photos_field, line.location});
                continue;
            }
            default:
                break;
        }
        // Outside running text, a label may carry a complement the template does not spell out.
        const bool in_running_text = current != nullptr && paragraph_capacity(current->type) == SIZE_MAX;
        LabelMatch match = m_locator.match(line.text, !in_running_text);
        if (match.kind == LabelMatch::Kind::None) {
            // The header row of a label/value table ("Rubrique | Réponse") is the table's structure, not text.
            if (line.kind == DocumentLine::Kind::TableHeader && current == nullptr) {
                flush();
                continue;
            }
            bool own_paragraph = !document.lines_join_into_paragraphs || line.kind != DocumentLine::Kind::Text ||
                                 (current != nullptr && current->type == FieldType::Photos);
            if (line.kind == DocumentLine::Kind::Heading && current == nullptr) {
                flush();
                orphans.push_back({line.text, line.location, true});
                continue;
            }
            if (own_paragraph || pending.list_item) {
                flush();
            }
            if (pending.text.empty()) {
                pending_location = line.location;
                pending.list_item = line.kind == DocumentLine::Kind::ListItem;
                pending.text = line.text;
            } else {
                pending.text += " " + line.text;
            }
            if (own_paragraph) {
                flush();
            }
            continue;
        }
        flush();
        switch (match.kind) {
            case LabelMatch::Kind::FormTitle:
                continue;
            case LabelMatch::Kind::Section:
                current = nullptr;
                continue;
            case LabelMatch::Kind::Field:
                break;
            case LabelMatch::Kind::None:
                continue;
        }
        ++fields_found;
        if (!match.language.empty()) {
            ++label_languages[match.language];
        }
        // A heading that names the field followed straight away by its label ("RAISON DE LA SÉLECTION", then
        // "Raison de la sélection : …") is one label, not a repeated field.
        const bool label_repeated_at_once = current == match.field && gathered[current->key].paragraphs.empty();
        current = match.field;
        Gathered& entry = gathered[current->key];
        if (!label_repeated_at_once && entry.labels_seen++ == 0) {
            entry.location = line.location;
        }
        if (!match.value.empty()) {
            pending.text = match.value;
            pending_location = line.location;
            flush();
            // "Localité<TAB>Bamako": the value is complete; what follows belongs to the next label.
            if (current != nullptr && current->type != FieldType::Person && current->type != FieldType::Contact &&
                paragraph_capacity(current->type) != SIZE_MAX) {
                current = nullptr;
            }
        }
    }
    flush();

    if (fields_found == 0) {
        throw Error(ErrorKind::UnreadableInput, "'" + file_name + "' does not look like a story in the format '" +
                                                    m_template.name.in("fr") + "': none of its labels (such as '" +
                                                    m_template.fields.front().label.in("fr") +
                                                    "') were found; check that it is a filled-in story form");
    }

    AssembledStory assembled;
    core::Story& story = assembled.story;
    story.template_id = m_template.id;
    story.problems = document.problems;

    // The language of the text, to label problems and to choose stemming; the labels' language otherwise.
    std::string all_rich_text;
    for (const auto& field : m_template.fields) {
        if (field.type == FieldType::RichText && gathered.contains(field.key)) {
            all_rich_text += join(gathered[field.key].paragraphs, "\n") + "\n";
        }
    }
    story.language = text::detect_language(all_rich_text);
    if (story.language.empty() && !label_languages.empty()) {
        auto best = label_languages.begin();
        for (auto it = label_languages.begin(); it != label_languages.end(); ++it) {
            best = it->second > best->second ? it : best;
        }
        story.language = best->first;
    }
    const std::string label_language = story.language == "en" ? "en" : "fr";

    // A title without its label: the first short unlabelled line (a Markdown heading first).
    const core::FieldDefinition* title_field = m_template.field_with_role(core::FieldRole::Title);
    if (title_field != nullptr &&
        (!gathered.contains(title_field->key) || gathered[title_field->key].paragraphs.empty())) {
        auto pick = orphans.end();
        for (auto it = orphans.begin(); it != orphans.end(); ++it) {
            bool short_line = text::code_point_count(it->text) <= kMaxTitleLength;
            if (short_line && (pick == orphans.end() || (it->heading && !pick->heading))) {
                pick = it;
            }
        }
        if (pick != orphans.end()) {
            gathered[title_field->key].paragraphs.push_back({pick->text, false});
            gathered[title_field->key].location = pick->location;
            orphans.erase(pick);
        }
    }

    std::string region;
    for (const auto& field : m_template.fields) {
        if (field.type == FieldType::Place && gathered.contains(field.key) && !gathered[field.key].paragraphs.empty()) {
            std::vector<core::Problem> ignored;
            region =
                parse_place(single_line(join(gathered[field.key].paragraphs, " ")), label_language, field.key, ignored)
                    .country;
            break;
        }
    }

    std::vector<core::Problem> value_problems;
    std::vector<core::Quote> quotes;
    for (const auto& field : m_template.fields) {
        auto found = gathered.find(field.key);
        const Gathered* entry = found == gathered.end() ? nullptr : &found->second;
        if (entry != nullptr && entry->labels_seen > 1) {
            value_problems.push_back({field.key,
                                      core::Severity::Warning,
                                      "field-repeated",
                                      {{"label", field.label.in(label_language)}},
                                      entry->location});
        }
        std::size_t problems_before = value_problems.size();
        bool has_text = entry != nullptr && !entry->paragraphs.empty();
        switch (field.type) {
            case FieldType::Text:
            case FieldType::Organisation:
                if (has_text) {
                    story.set(field.key, strip_enclosing_emphasis(single_line(join(entry->paragraphs, " "))));
                }
                break;
            case FieldType::RichText:
                if (has_text) {
                    std::string rich = text::tidy_spaces(join_rich_text(entry->paragraphs));
                    for (auto& quote : find_quotes(rich)) {
                        quotes.push_back(std::move(quote));
                    }
                    story.set(field.key, std::move(rich));
                }
                break;
            case FieldType::Person:
                if (has_text) {
                    story.set(field.key,
                              parse_person(person_lines(join(entry->paragraphs, "\n")), field.key, value_problems));
                }
                break;
            case FieldType::Contact:
                if (has_text) {
                    story.set(field.key, parse_contact(single_line(join(entry->paragraphs, " ")), region, field.key,
                                                       value_problems));
                }
                break;
            case FieldType::Place:
                if (has_text) {
                    story.set(field.key, parse_place(single_line(join(entry->paragraphs, " ")), label_language,
                                                     field.key, value_problems));
                }
                break;
            case FieldType::Date:
                if (has_text) {
                    story.set(field.key,
                              parse_date(single_line(join(entry->paragraphs, " ")), field.key, value_problems));
                }
                break;
            case FieldType::Choice:
                if (has_text) {
                    story.set(field.key,
                              parse_choice(single_line(join(entry->paragraphs, " ")), field, value_problems));
                }
                break;
            case FieldType::Quotes:
                // Testimonies written under their own label: found like those in the text, and a paragraph
                // without a recognisable speaker is kept as a testimony without one.
                if (has_text) {
                    for (const auto& paragraph : entry->paragraphs) {
                        auto found_quotes = find_quotes(paragraph.text);
                        if (found_quotes.empty()) {
                            quotes.push_back({strip_enclosing_emphasis(paragraph.text), "", ""});
                        }
                        for (auto& quote : found_quotes) {
                            // The same testimony in the text and under its own label is one testimony.
                            if (std::find(quotes.begin(), quotes.end(), quote) == quotes.end()) {
                                quotes.push_back(std::move(quote));
                            }
                        }
                    }
                }
                break;
            case FieldType::Photos: {
                // Only the first photos field of a template takes the pictures.
                if (&field != m_template.field_of_type(FieldType::Photos)) {
                    break;
                }
                core::PhotoList photos;
                for (const auto& paired : pair_photo_captions(photo_candidates)) {
                    photos.push_back({strip_enclosing_emphasis(single_line(paired.caption)), std::nullopt, false});
                    assembled.photo_images.push_back(paired.image);
                }
                if (!photos.empty()) {
                    story.set(field.key, std::move(photos));
                }
                break;
            }
        }
        for (std::size_t i = problems_before; i < value_problems.size(); ++i) {
            if (value_problems[i].location.empty() && entry != nullptr) {
                value_problems[i].location = entry->location;
            }
        }
    }
    if (const core::FieldDefinition* quotes_field = m_template.field_of_type(FieldType::Quotes)) {
        if (!quotes.empty()) {
            story.set(quotes_field->key, std::move(quotes));
        }
    }

    // Keep the template's order and report what is missing.
    std::vector<std::pair<std::string, core::FieldValue>> ordered;
    for (const auto& field : m_template.fields) {
        const core::FieldValue* value = story.find(field.key);
        if (value != nullptr && !core::is_empty(*value)) {
            ordered.emplace_back(field.key, *value);
            continue;
        }
        if (field.presence == core::Presence::Optional) {
            continue;
        }
        bool required = field.presence == core::Presence::Required;
        story.problems.push_back({field.key,
                                  required ? core::Severity::Error : core::Severity::Warning,
                                  required ? "field-missing-required" : "field-missing-recommended",
                                  {{"label", field.label.in(label_language)}},
                                  ""});
    }
    story.fields = std::move(ordered);
    for (auto& problem : value_problems) {
        story.problems.push_back(std::move(problem));
    }
    for (const auto& orphan : orphans) {
        story.problems.push_back(
            {"", core::Severity::Warning, "text-not-attributed", {{"text", excerpt(orphan.text)}}, orphan.location});
    }
    return assembled;
}

}  // namespace storybank::ingest
