#include "assets/assets.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

namespace storybank::assets {
namespace {

/// SHA-256 (FIPS 180-4), only to check the build-time ETags independently of the generator.
std::string sha256_hex(std::string_view bytes) {
    static constexpr std::array<std::uint32_t, 64> kRound = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    std::array<std::uint32_t, 8> state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    auto rotate = [](std::uint32_t value, int count) { return (value >> count) | (value << (32 - count)); };

    std::string message(bytes);
    std::uint64_t bit_length = static_cast<std::uint64_t>(bytes.size()) * 8;
    message += static_cast<char>(0x80);
    while (message.size() % 64 != 56) {
        message += '\0';
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
        message += static_cast<char>((bit_length >> shift) & 0xFF);
    }

    for (std::size_t block = 0; block < message.size(); block += 64) {
        std::array<std::uint32_t, 64> words{};
        for (std::size_t i = 0; i < 16; ++i) {
            for (std::size_t j = 0; j < 4; ++j) {
                words[i] = (words[i] << 8) | static_cast<unsigned char>(message[block + i * 4 + j]);
            }
        }
        for (std::size_t i = 16; i < 64; ++i) {
            std::uint32_t s0 = rotate(words[i - 15], 7) ^ rotate(words[i - 15], 18) ^ (words[i - 15] >> 3);
            std::uint32_t s1 = rotate(words[i - 2], 17) ^ rotate(words[i - 2], 19) ^ (words[i - 2] >> 10);
            words[i] = words[i - 16] + s0 + words[i - 7] + s1;
        }
        auto [a, b, c, d, e, f, g, h] = state;
        for (std::size_t i = 0; i < 64; ++i) {
            std::uint32_t t1 =
                h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + words[i];
            std::uint32_t t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        std::array<std::uint32_t, 8> added = {a, b, c, d, e, f, g, h};
        for (std::size_t i = 0; i < 8; ++i) {
            state[i] += added[i];
        }
    }

    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (std::uint32_t word : state) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            hex += kDigits[(word >> shift) & 0xF];
        }
    }
    return hex;
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        return std::nullopt;
    }
    return std::string((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream stream(file, std::ios::binary);
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Sets STORYBANK_ASSETS_DIR for the lifetime of the object.
class AssetsDirOverride {
public:
    explicit AssetsDirOverride(const std::filesystem::path& folder) {
        ::setenv("STORYBANK_ASSETS_DIR", folder.c_str(), 1);
    }
    ~AssetsDirOverride() { ::unsetenv("STORYBANK_ASSETS_DIR"); }
    AssetsDirOverride(const AssetsDirOverride&) = delete;
    AssetsDirOverride& operator=(const AssetsDirOverride&) = delete;
};

TEST(Assets, Sha256OfTheTestMatchesTheStandardVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Assets, EveryEtagIsTheHashOfTheServedBytes) {
    auto paths = list("");
    ASSERT_FALSE(paths.empty());
    for (std::string_view path : paths) {
        auto asset = find(path);
        ASSERT_TRUE(asset.has_value()) << path;
        EXPECT_EQ(asset->path, path);
        EXPECT_EQ(asset->etag, "\"" + sha256_hex(asset->bytes).substr(0, 16) + "\"") << path;
    }
}

TEST(Assets, EmbeddedBytesAreTheSourceFiles) {
    const char* source_dir = std::getenv("STORYBANK_SOURCE_DIR");
    if (source_dir == nullptr) {
        GTEST_SKIP() << "STORYBANK_SOURCE_DIR is not set (ctest sets it)";
    }
    for (std::string_view prefix : {"templates/", "i18n/"}) {
        for (std::string_view path : list(prefix)) {
            auto source = read_file(std::filesystem::path(source_dir) / "resources" / path);
            ASSERT_TRUE(source.has_value()) << path;
            EXPECT_EQ(find(path)->bytes, *source) << path << " differs from its source file; rebuild";
        }
    }
}

TEST(Assets, ListsBothTemplatesSorted) {
    auto templates = list("templates/");
    ASSERT_EQ(templates.size(), 2U);
    EXPECT_EQ(templates[0], "templates/most-significant-change.json");
    EXPECT_EQ(templates[1], "templates/success-story.json");
    EXPECT_TRUE(list("no-such-folder/").empty());
}

TEST(Assets, TranslationsAreEmbeddedAsJson) {
    for (std::string_view path : {"i18n/fr.json", "i18n/en.json", "i18n/qqq.json", "i18n/test.json"}) {
        auto asset = find(path);
        ASSERT_TRUE(asset.has_value()) << path;
        EXPECT_EQ(asset->media_type, "application/json") << path;
        EXPECT_FALSE(asset->bytes.empty()) << path;
    }
}

TEST(Assets, UnknownOrUnsafePathsAreNotFound) {
    struct Case {
        std::string_view name;
        std::string_view path;
    };
    const Case kCases[] = {
        {"unknown file", "templates/no-such-template.json"},
        {"empty", ""},
        {"folder only", "templates"},
        {"folder with slash", "templates/"},
        {"leading slash", "/templates/success-story.json"},
        {"parent", "templates/../i18n/fr.json"},
        {"dot", "./templates/success-story.json"},
        {"double slash", "templates//success-story.json"},
        {"backslash", "templates\\success-story.json"},
    };
    for (const auto& test_case : kCases) {
        EXPECT_FALSE(find(test_case.path).has_value()) << test_case.name;
    }
}

TEST(Assets, AssetsDirOverrideReadsFromDisk) {
    auto folder = std::filesystem::temp_directory_path() /
                  ("storybank-assets-test-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::remove_all(folder);
    write_file(folder / "resources/templates/success-story.json", R"({"id": "changed on disk"})");
    write_file(folder / "resources/templates/draft.json", "{}");
    write_file(folder / "outside.json", "{}");
    {
        AssetsDirOverride override_dir(folder);

        auto changed = find("templates/success-story.json");
        ASSERT_TRUE(changed.has_value());
        EXPECT_EQ(changed->bytes, R"({"id": "changed on disk"})");
        EXPECT_EQ(changed->media_type, "application/json");
        EXPECT_FALSE(find("templates/most-significant-change.json").has_value()) << "only the folder counts";
        EXPECT_FALSE(find("../outside.json").has_value());

        auto templates = list("templates/");
        ASSERT_EQ(templates.size(), 2U);
        EXPECT_EQ(templates[0], "templates/draft.json");
        EXPECT_EQ(templates[1], "templates/success-story.json");

        write_file(folder / "resources/templates/success-story.json", R"({"id": "changed again"})");
        auto again = find("templates/success-story.json");
        ASSERT_TRUE(again.has_value());
        EXPECT_EQ(again->bytes, R"({"id": "changed again"})");
        EXPECT_NE(again->etag, changed->etag);
        EXPECT_EQ(changed->bytes, R"({"id": "changed on disk"})") << "earlier views stay valid";
    }
    EXPECT_EQ(find("templates/success-story.json")->etag.front(), '"');
    EXPECT_NE(find("templates/success-story.json")->bytes, R"({"id": "changed again"})");
    if (!::testing::Test::HasFailure()) {
        std::filesystem::remove_all(folder);
    }
}

}  // namespace
}  // namespace storybank::assets
