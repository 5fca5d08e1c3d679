#include "core/story_json.hpp"

#include "core/error.hpp"
#include "core/message_catalog.hpp"

#include <nlohmann/json.hpp>

namespace storybank::core {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "storybank.story/1";

Json value_to_json(const FieldValue& value) {
    struct Visitor {
        Json operator()(const std::string& text) const { return text; }
        Json operator()(const Person& person) const { return {{"name", person.name}, {"function", person.function}}; }
        Json operator()(const Contact& contact) const {
            return {{"phones", contact.phones}, {"emails", contact.emails}};
        }
        Json operator()(const Place& place) const {
            return {{"name", place.name}, {"country", place.country}, {"text", place.text}};
        }
        Json operator()(const QuoteList& quotes) const {
            Json out = Json::array();
            for (const auto& quote : quotes) {
                Json entry = {{"text", quote.text}, {"speaker", quote.speaker}, {"role", quote.role}};
                if (quote.consent) {
                    entry["consent"] = true;
                }
                out.push_back(std::move(entry));
            }
            return out;
        }
        Json operator()(const PhotoList& photos) const {
            Json out = Json::array();
            for (const auto& photo : photos) {
                Json entry = {{"caption", photo.caption}, {"attachment", nullptr}};
                if (photo.attachment) {
                    entry["attachment"] = {{"sha256", photo.attachment->sha256},
                                           {"media_type", photo.attachment->media_type},
                                           {"width", photo.attachment->width},
                                           {"height", photo.attachment->height}};
                }
                if (photo.consent) {
                    entry["consent"] = true;
                }
                out.push_back(std::move(entry));
            }
            return out;
        }
    };
    return std::visit(Visitor{}, value);
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw Error(ErrorKind::InvalidRequest, "story JSON: '" + where + "' " + what);
}

std::string string_at(const Json& object, const char* key, const std::string& where) {
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return {};
    }
    if (!found->is_string()) {
        fail(where + "." + key, "must be a string");
    }
    return found->get<std::string>();
}

std::vector<std::string> strings_at(const Json& object, const char* key, const std::string& where) {
    std::vector<std::string> out;
    auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        return out;
    }
    if (!found->is_array()) {
        fail(where + "." + key, "must be a list of strings");
    }
    for (const auto& item : *found) {
        if (!item.is_string()) {
            fail(where + "." + key, "must be a list of strings");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

/// A field's value from JSON, its shape told by the JSON itself (readers of any template can store any
/// shape; the template check happens in service).
FieldValue value_from_json(const Json& value, const std::string& where) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_object()) {
        if (value.contains("phones") || value.contains("emails")) {
            return Contact{strings_at(value, "phones", where), strings_at(value, "emails", where)};
        }
        if (value.contains("country") || value.contains("text")) {
            return Place{string_at(value, "name", where), string_at(value, "country", where),
                         string_at(value, "text", where)};
        }
        if (value.contains("name") || value.contains("function")) {
            return Person{string_at(value, "name", where), string_at(value, "function", where)};
        }
        fail(where, "is an object of an unknown shape");
    }
    if (value.is_array()) {
        bool photos = !value.empty() && value.front().is_object() && value.front().contains("caption");
        if (photos) {
            PhotoList out;
            for (std::size_t i = 0; i < value.size(); ++i) {
                const auto& item = value[i];
                std::string item_where = where + "[" + std::to_string(i) + "]";
                if (!item.is_object()) {
                    fail(item_where, "must be an object");
                }
                Photo photo;
                photo.caption = string_at(item, "caption", item_where);
                photo.consent = item.value("consent", false);
                auto attachment = item.find("attachment");
                if (attachment != item.end() && attachment->is_object()) {
                    Attachment stored;
                    stored.sha256 = string_at(*attachment, "sha256", item_where + ".attachment");
                    stored.media_type = string_at(*attachment, "media_type", item_where + ".attachment");
                    stored.width = attachment->value("width", 0);
                    stored.height = attachment->value("height", 0);
                    photo.attachment = stored;
                }
                out.push_back(std::move(photo));
            }
            return out;
        }
        QuoteList out;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto& item = value[i];
            std::string item_where = where + "[" + std::to_string(i) + "]";
            if (!item.is_object()) {
                fail(item_where, "must be an object");
            }
            out.push_back(Quote{string_at(item, "text", item_where), string_at(item, "speaker", item_where),
                                string_at(item, "role", item_where), item.value("consent", false)});
        }
        return out;
    }
    fail(where, "must be a string, an object or a list");
}

}  // namespace

std::string to_canonical_json(const Story& story,
                              const MessageCatalog& messages,
                              std::string_view message_language,
                              JsonLayout layout) {
    Json document;
    document["schema"] = kSchema;
    document["template"] = story.template_id;
    document["language"] = story.language;
    Json fields = Json::object();
    for (const auto& [key, value] : story.fields) {
        fields[key] = value_to_json(value);
    }
    document["fields"] = std::move(fields);
    Json problems = Json::array();
    for (const auto& problem : story.problems) {
        Json entry = {{"field", problem.field},
                      {"severity", severity_name(problem.severity)},
                      {"message", messages.render(message_language, problem.message_id, problem.params)},
                      {"message_id", problem.message_id}};
        if (!problem.params.empty()) {
            entry["params"] = problem.params;
        }
        if (!problem.location.empty()) {
            entry["location"] = problem.location;
        }
        problems.push_back(std::move(entry));
    }
    document["problems"] = std::move(problems);
    return document.dump(layout == JsonLayout::Indented ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

Story story_from_json(std::string_view json_text) {
    Json document = Json::parse(json_text, nullptr, false);
    if (document.is_discarded()) {
        throw Error(ErrorKind::InvalidRequest, "story JSON: the text is not valid JSON");
    }
    if (!document.is_object()) {
        throw Error(ErrorKind::InvalidRequest, "story JSON: expected an object with 'template' and 'fields'");
    }
    Story story;
    story.template_id = string_at(document, "template", "story");
    story.language = string_at(document, "language", "story");
    auto fields = document.find("fields");
    if (fields != document.end() && !fields->is_null()) {
        if (!fields->is_object()) {
            fail("fields", "must be an object");
        }
        for (const auto& [key, value] : fields->items()) {
            if (value.is_null()) {
                continue;
            }
            story.set(key, value_from_json(value, "fields." + key));
        }
    }
    auto problems = document.find("problems");
    if (problems != document.end() && problems->is_array()) {
        for (const auto& item : *problems) {
            if (!item.is_object()) {
                continue;
            }
            Problem problem;
            problem.field = string_at(item, "field", "problems");
            problem.severity = string_at(item, "severity", "problems") == "error" ? Severity::Error : Severity::Warning;
            problem.message_id = string_at(item, "message_id", "problems");
            problem.location = string_at(item, "location", "problems");
            auto params = item.find("params");
            if (params != item.end() && params->is_object()) {
                for (const auto& [name, param] : params->items()) {
                    if (param.is_string()) {
                        problem.params[name] = param.get<std::string>();
                    }
                }
            }
            story.problems.push_back(std::move(problem));
        }
    }
    return story;
}

}  // namespace storybank::core
