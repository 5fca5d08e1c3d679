#include "ingest/pdf_page.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>
#include <cstdint>

namespace storybank::ingest {
namespace {

constexpr char32_t kSoftHyphen = 0xAD;

/// The code point starting at `i` of valid UTF-8 and its length in bytes.
std::pair<char32_t, std::size_t> decode_at(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - i);
    char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    return {code, length};
}

void append_utf8(char32_t code, std::string& out) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

/// Symbol, Wingdings and OpenSymbol put their glyphs at U+F0xx; these are the ones used as list bullets.
bool is_symbol_bullet(char32_t code) {
    switch (code) {
        case 0xF0B7:  // Symbol •
        case 0xF0A7:  // Wingdings ▪
        case 0xF0A8:
        case 0xF06C:  // Wingdings ●
        case 0xF06E:  // Wingdings ■
        case 0xF075:
        case 0xF076:  // Wingdings ❖
        case 0xF0D8:  // Wingdings ➢
        case 0xF0FC:  // Wingdings ✓
        case 0xF0E0:  // Wingdings →
            return true;
        default:
            return false;
    }
}

std::string_view ligature(char32_t code) {
    switch (code) {
        case 0xFB00:
            return "ff";
        case 0xFB01:
            return "fi";
        case 0xFB02:
            return "fl";
        case 0xFB03:
            return "ffi";
        case 0xFB04:
            return "ffl";
        case 0xFB05:
        case 0xFB06:
            return "st";
        default:
            return {};
    }
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

}  // namespace

std::string clean_pdf_word(std::string_view utf8) {
    const std::string valid = text::normalize_nfc(utf8);
    std::string out;
    std::string_view text = valid;
    for (std::size_t i = 0; i < text.size();) {
        auto [code, length] = decode_at(text, i);
        i += length;
        if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0)) {
            continue;
        }
        if (code == kSoftHyphen) {
            if (i == text.size()) {
                append_utf8(code, out);
            }
            continue;
        }
        if (std::string_view letters = ligature(code); !letters.empty()) {
            out += letters;
        } else if (is_symbol_bullet(code)) {
            out += "•";
        } else if (code >= 0xF000 && code <= 0xF0FF) {
            continue;  // a glyph-font decoration
        } else {
            append_utf8(code, out);
        }
    }
    return out;
}

Emphasis emphasis_of_font(std::string_view font_name) {
    // "ABCDEF+" is the subset prefix of an embedded font.
    if (font_name.size() > 7 && font_name[6] == '+') {
        font_name.remove_prefix(7);
    }
    const std::string name = lower_ascii(font_name);
    const std::size_t cut = name.find_last_of("-,");
    const std::string_view style =
        cut == std::string::npos ? std::string_view(name) : std::string_view(name).substr(cut + 1);
    Emphasis emphasis;
    for (std::string_view weight : {"bold", "black", "heavy", "demi", "semibold"}) {
        emphasis.bold = emphasis.bold || name.find(weight) != std::string::npos;
    }
    emphasis.italic = name.find("italic") != std::string::npos || name.find("oblique") != std::string::npos ||
                      (cut != std::string::npos && (style.ends_with("it") || style.ends_with("ita")));
    return emphasis;
}

}  // namespace storybank::ingest
