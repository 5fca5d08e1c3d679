#include "core/message_catalog.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

namespace storybank::core {

void MessageCatalog::add_language(const std::string& language, std::string_view json_text) {
    nlohmann::json document = nlohmann::json::parse(json_text, nullptr, false);
    if (!document.is_object()) {
        throw Error(ErrorKind::Internal, "the translation file for '" + language + "' is not a JSON object");
    }
    auto& messages = m_messages[language];
    for (const auto& [key, value] : document.items()) {
        if (value.is_string()) {
            messages[key] = value.get<std::string>();
        }
    }
}

bool MessageCatalog::has_language(std::string_view language) const {
    return m_messages.find(language) != m_messages.end();
}

std::string MessageCatalog::render(std::string_view language,
                                   std::string_view message_id,
                                   const std::map<std::string, std::string>& params) const {
    const std::string* pattern = nullptr;
    for (std::string_view candidate : {language, std::string_view("en")}) {
        auto messages = m_messages.find(candidate);
        if (messages == m_messages.end()) {
            continue;
        }
        auto found = messages->second.find(message_id);
        if (found != messages->second.end()) {
            pattern = &found->second;
            break;
        }
    }
    if (pattern == nullptr) {
        std::string fallback(message_id);
        for (const auto& [name, value] : params) {
            fallback += " " + name + "=" + value;
        }
        return fallback;
    }
    std::string out;
    out.reserve(pattern->size());
    for (std::size_t i = 0; i < pattern->size(); ++i) {
        char c = (*pattern)[i];
        if (c == '{') {
            auto close = pattern->find('}', i);
            if (close != std::string::npos) {
                auto param = params.find(pattern->substr(i + 1, close - i - 1));
                if (param != params.end()) {
                    out += param->second;
                    i = close;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

}  // namespace storybank::core
