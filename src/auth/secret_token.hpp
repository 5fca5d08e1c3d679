#pragma once

#include <string>
#include <string_view>

namespace storybank::auth {

/// A random secret handed to someone once (a session cookie, an API token, an invitation link) and kept by the
/// server only as its SHA-256, so that a copy of the database opens no account.
class SecretToken {
public:
    /// 32 random bytes as unpadded base64url: 43 characters, safe in URLs, cookies and headers.
    static SecretToken generate();

    /// The text to give out, once. Never stored, never logged.
    const std::string& text() const { return m_text; }
    /// What the server keeps: the SHA-256 of the text as 64 lower-case hex digits.
    std::string digest() const;

    /// The digest of a token someone presents (hex SHA-256 of its text).
    static std::string digest_of(std::string_view text);
    /// Whether a presented token is the one whose digest was stored. Takes the same time wherever the digests
    /// differ, so a timing attack learns nothing.
    static bool matches(std::string_view text, std::string_view stored_digest);

private:
    explicit SecretToken(std::string text) : m_text(std::move(text)) {}

private:  // data
    std::string m_text;
};

/// Equality of two strings in a time that depends on their length only.
bool equal_in_constant_time(std::string_view left, std::string_view right);

}  // namespace storybank::auth
