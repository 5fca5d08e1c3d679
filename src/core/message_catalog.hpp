#pragma once

#include <map>
#include <string>
#include <string_view>

namespace storybank::core {

/// Translated messages by language and message ID, from resources/i18n/<lang>.json. Falls back to English,
/// then to the ID itself, so a missing translation shows something recognisable instead of nothing.
class MessageCatalog {
public:
    /// Adds (or replaces) a language from the text of its JSON file: {"message-id": "text with {param}"}.
    /// Throws Error(Internal) when the text is not such an object.
    void add_language(const std::string& language, std::string_view json_text);

    bool has_language(std::string_view language) const;

    /// The message in `language` with each {name} replaced by params[name].
    std::string render(std::string_view language,
                       std::string_view message_id,
                       const std::map<std::string, std::string>& params = {}) const;

private:  // data
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> m_messages;
};

}  // namespace storybank::core
