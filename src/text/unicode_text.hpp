#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace storybank::text {

/// NFC form of UTF-8 text (invalid sequences become U+FFFD).
std::string normalize_nfc(std::string_view utf8);

/// A key for comparing names and labels: NFC, case-folded, accents removed, œ→oe, typographic quotes,
/// apostrophes and dashes made plain, no-break spaces made spaces, runs of spaces collapsed, trimmed.
/// "  Localité\u00A0:" → "localite :", "Côte d’Ivoire" → "cote d'ivoire".
std::string fold_for_matching(std::string_view utf8);

bool is_valid_utf8(std::string_view bytes);

enum class SourceEncoding : std::uint8_t { Utf8, Utf8WithBom, Utf16LittleEndian, Utf16BigEndian, Windows1252 };

std::string_view source_encoding_name(SourceEncoding encoding);

struct DecodedText {
    std::string utf8;
    SourceEncoding encoding = SourceEncoding::Utf8;
};

/// Turns the bytes of a text file into UTF-8: a UTF-8 or UTF-16 byte-order mark is honoured; valid UTF-8 is
/// kept; anything else is read as Windows-1252 (what Word and Notepad write on French Windows).
/// Throws Error(UnreadableInput) for UTF-16 with an odd byte count or broken surrogates.
DecodedText decode_text(std::string_view bytes);

/// Collapses runs of spaces and tabs (and no-break spaces that are not before French punctuation) into one
/// space and trims both ends. Line breaks are kept.
std::string tidy_spaces(std::string_view utf8);

/// True for a word of at least two letters none of which is lower-case: "FOMBA", "TRAORÉ", "N'DIAYE".
bool is_upper_case_word(std::string_view utf8);

/// True when the first letter of the text is lower-case.
bool starts_with_lower_case(std::string_view utf8);

/// Number of Unicode code points.
std::size_t code_point_count(std::string_view utf8);

}  // namespace storybank::text
