#include "core/story.hpp"

#include <algorithm>

namespace storybank::core {

const FieldValue* Story::find(std::string_view key) const {
    for (const auto& [field_key, value] : fields) {
        if (field_key == key) {
            return &value;
        }
    }
    return nullptr;
}

void Story::set(std::string key, FieldValue value) {
    for (auto& [field_key, existing] : fields) {
        if (field_key == key) {
            existing = std::move(value);
            return;
        }
    }
    fields.emplace_back(std::move(key), std::move(value));
}

bool Story::erase(std::string_view key) {
    auto found = std::find_if(fields.begin(), fields.end(), [&](const auto& entry) { return entry.first == key; });
    if (found == fields.end()) {
        return false;
    }
    fields.erase(found);
    return true;
}

std::string_view Story::text(std::string_view key) const {
    const FieldValue* value = find(key);
    if (value == nullptr) {
        return {};
    }
    if (const auto* text = std::get_if<std::string>(value)) {
        return *text;
    }
    return {};
}

bool is_empty(const FieldValue& value) {
    struct Visitor {
        bool operator()(const std::string& text) const { return text.empty(); }
        bool operator()(const Person& person) const { return person.name.empty() && person.function.empty(); }
        bool operator()(const Contact& contact) const { return contact.phones.empty() && contact.emails.empty(); }
        bool operator()(const Place& place) const { return place.name.empty() && place.text.empty(); }
        bool operator()(const QuoteList& quotes) const { return quotes.empty(); }
        bool operator()(const PhotoList& photos) const { return photos.empty(); }
    };
    return std::visit(Visitor{}, value);
}

}  // namespace storybank::core
