#include "text/unicode_text.hpp"

#include "core/error.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace storybank::text {
namespace {

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) {
        throw Error(ErrorKind::Internal, "Unicode normalisation is unavailable", u_errorName(status));
    }
    return *normalizer;
}

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) {
        throw Error(ErrorKind::Internal, "Unicode normalisation is unavailable", u_errorName(status));
    }
    return *normalizer;
}

void append_utf8(std::string& out, UChar32 code_point) {
    std::array<char, 4> buffer{};
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer.data()), length, 4, code_point, error);
    if (!error) {
        out.append(buffer.data(), static_cast<std::size_t>(length));
    }
}

// Windows-1252 0x80–0x9F; the rest of the upper half is Latin-1.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

std::string decode_utf16(std::string_view bytes, bool little_endian) {
    if (bytes.size() % 2 != 0) {
        throw Error(ErrorKind::UnreadableInput,
                    "the text is marked as UTF-16 but has an odd number of bytes; it is truncated or not UTF-16");
    }
    icu::UnicodeString unicode;
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        auto first = static_cast<unsigned char>(bytes[i]);
        auto second = static_cast<unsigned char>(bytes[i + 1]);
        auto unit = static_cast<char16_t>(little_endian ? (second << 8 | first) : (first << 8 | second));
        unicode.append(unit);
    }
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

}  // namespace

std::string normalize_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const auto& normalizer = nfc();
    if (normalizer.isNormalized(unicode, status) && U_SUCCESS(status)) {
        std::string out;
        unicode.toUTF8String(out);
        return out;
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString normalized = normalizer.normalize(unicode, status);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Internal, "Unicode normalisation failed", u_errorName(status));
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

namespace {

/// fold_for_matching for pure ASCII, which is most words: the same result without the round trip through UTF-16
/// and the normaliser, which dominated the time spent finding labels.
std::string fold_ascii_for_matching(std::string_view ascii) {
    std::string out;
    out.reserve(ascii.size());
    bool pending_space = false;
    for (char c : ascii) {
        bool is_space = c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1C' && c <= '\x1F');
        if (is_space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == '`') {
            out += '\'';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string fold_for_matching(std::string_view utf8) {
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return fold_ascii_for_matching(utf8);
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString decomposed = nfd().normalize(unicode, status);
    if (U_FAILURE(status)) {
        throw Error(ErrorKind::Internal, "Unicode normalisation failed", u_errorName(status));
    }
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue;
        }
        if (u_isWhitespace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        switch (c) {
            case 0x0153:  // œ
            case 0x0152:
                out += "oe";
                continue;
            case 0x00E6:  // æ
            case 0x00C6:
                out += "ae";
                continue;
            case 0x00DF:
                out += "ss";
                continue;
            case 0x2018:
            case 0x2019:
            case 0x02BC:
            case 0x00B4:
            case 0x0060:
                out += '\'';
                continue;
            case 0x201C:
            case 0x201D:
            case 0x00AB:
            case 0x00BB:
                out += '"';
                continue;
            case 0x2010:
            case 0x2011:
            case 0x2012:
            case 0x2013:
            case 0x2014:
            case 0x2212:
                out += '-';
                continue;
            default:
                break;
        }
        append_utf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    return out;
}

bool is_valid_utf8(std::string_view bytes) {
    int32_t i = 0;
    auto length = static_cast<int32_t>(bytes.size());
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

std::string_view source_encoding_name(SourceEncoding encoding) {
    switch (encoding) {
        case SourceEncoding::Utf8:
            return "UTF-8";
        case SourceEncoding::Utf8WithBom:
            return "UTF-8 (BOM)";
        case SourceEncoding::Utf16LittleEndian:
            return "UTF-16LE";
        case SourceEncoding::Utf16BigEndian:
            return "UTF-16BE";
        case SourceEncoding::Windows1252:
            return "Windows-1252";
    }
    return "UTF-8";
}

DecodedText decode_text(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        if (is_valid_utf8(bytes)) {
            return {std::string(bytes), SourceEncoding::Utf8WithBom};
        }
    } else if (bytes.starts_with("\xFF\xFE")) {
        return {decode_utf16(bytes.substr(2), true), SourceEncoding::Utf16LittleEndian};
    } else if (bytes.starts_with("\xFE\xFF")) {
        return {decode_utf16(bytes.substr(2), false), SourceEncoding::Utf16BigEndian};
    } else if (is_valid_utf8(bytes)) {
        return {std::string(bytes), SourceEncoding::Utf8};
    }
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (char byte : bytes) {
        auto value = static_cast<unsigned char>(byte);
        if (value < 0x80) {
            out += byte;
        } else if (value < 0xA0) {
            append_utf8(out, kWindows1252High[value - 0x80]);
        } else {
            append_utf8(out, value);
        }
    }
    return {std::move(out), SourceEncoding::Windows1252};
}

std::string tidy_spaces(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        char c = utf8[i];
        bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        // U+00A0 is C2 A0; keep it only where French typography wants it (before ; : ! ? » and after «).
        if (c == '\xC2' && i + 1 < utf8.size() && utf8[i + 1] == '\xA0') {
            std::string_view rest = utf8.substr(i + 2);
            bool before_punctuation = !rest.empty() && (rest[0] == ';' || rest[0] == ':' || rest[0] == '!' ||
                                                        rest[0] == '?' || rest.starts_with("\xC2\xBB"));
            bool after_guillemet = out.size() >= 2 && out.ends_with("\xC2\xAB");
            if (!before_punctuation && !after_guillemet) {
                is_space = true;
                ++i;
            }
        }
        if (is_space) {
            pending_space = true;
            continue;
        }
        if (c == '\n') {
            while (!out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            out += '\n';
            pending_space = false;
            continue;
        }
        if (pending_space && !out.empty() && out.back() != '\n') {
            out += ' ';
        }
        pending_space = false;
        out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
        out.pop_back();
    }
    std::size_t start = out.find_first_not_of(" \n");
    return start == std::string::npos ? std::string() : out.substr(start);
}

bool is_upper_case_word(std::string_view utf8) {
    int32_t i = 0;
    auto length = static_cast<int32_t>(utf8.size());
    const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
    int letters = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) {
            return false;
        }
        if (u_isalpha(c)) {
            if (u_islower(c)) {
                return false;
            }
            ++letters;
        }
    }
    return letters >= 2;
}

bool starts_with_lower_case(std::string_view utf8) {
    int32_t i = 0;
    auto length = static_cast<int32_t>(utf8.size());
    const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c >= 0 && u_isalpha(c)) {
            return u_islower(c) != 0;
        }
    }
    return false;
}

std::size_t code_point_count(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

}  // namespace storybank::text
