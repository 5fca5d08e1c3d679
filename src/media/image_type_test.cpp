#include "media/image_type.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace storybank::media {
namespace {

using namespace std::string_literals;

// An ISO-BMFF file start: an ftyp box with its major brand, minor version 0 and compatible brands.
std::string ftyp(std::string_view major, const std::vector<std::string>& compatible) {
    std::string box = "ftyp" + std::string(major) + "\0\0\0\0"s;
    for (const auto& brand : compatible) {
        box += brand;
    }
    auto size = static_cast<std::uint32_t>(box.size() + 4);
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((size >> shift) & 0xffU);
    }
    return out + box + "\0\0\0\x08meta"s;
}

TEST(ImageType, SniffsTheTypeFromTheBytesOnly) {
    struct Case {
        std::string_view name;
        std::string bytes;
        ImageType expected;
    };
    const Case kCases[] = {
        {"JPEG (JFIF)", "\xff\xd8\xff\xe0\x00\x10JFIF\0"s, ImageType::Jpeg},
        {"JPEG (Exif)",
         "\xff\xd8\xff\xe1\x12\x34"
         "Exif\0\0"s,
         ImageType::Jpeg},
        {"PNG", "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"s, ImageType::Png},
        {"GIF87a", "GIF87a\x40\x00"s, ImageType::Gif},
        {"GIF89a", "GIF89a\x40\x00"s, ImageType::Gif},
        {"WebP", "RIFF\x24\x00\x00\x00WEBPVP8 "s, ImageType::WebP},
        {"HEIC major brand heic", ftyp("heic", {"mif1", "heic"}), ImageType::Heic},
        {"HEIC major brand heix", ftyp("heix", {"mif1"}), ImageType::Heic},
        {"HEIF major brand mif1 with heic", ftyp("mif1", {"mif1", "heic", "miaf"}), ImageType::Heic},
        {"HEIF major brand mif1 alone", ftyp("mif1", {"mif1"}), ImageType::Heic},
        {"HEIF sequence msf1", ftyp("msf1", {"msf1", "hevc"}), ImageType::Heic},
        {"AVIF", ftyp("avif", {"mif1", "avif", "miaf"}), ImageType::Unknown},
        {"AVIF behind mif1", ftyp("mif1", {"mif1", "avif"}), ImageType::Unknown},
        {"MP4 video", ftyp("isom", {"isom", "iso2", "mp41"}), ImageType::Unknown},
        {"ftyp box shorter than its fixed part",
         "\0\0\0\x0c"
         "ftypheic\0\0\0\0"s,
         ImageType::Unknown},
        {"WAV (RIFF but not WebP)", "RIFF\x24\x00\x00\x00WAVEfmt "s, ImageType::Unknown},
        {"BMP", "BM\x36\x03\0\0\0\0\0\0\x36\0\0\0"s, ImageType::Unknown},
        {"TIFF", "II*\0\x08\0\0\0"s, ImageType::Unknown},
        {"PDF", "%PDF-1.7\n"s, ImageType::Unknown},
        {"text", "Photo de l'atelier de Bamako"s, ImageType::Unknown},
        {"empty", ""s, ImageType::Unknown},
        {"JPEG start cut after two bytes", "\xff\xd8"s, ImageType::Unknown},
        {"PNG signature cut", "\x89PNG\r\n"s, ImageType::Unknown},
        {"RIFF cut before the form type", "RIFF\x24\x00"s, ImageType::Unknown},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(sniff_image_type(test_case.bytes), test_case.expected) << test_case.name;
    }
}

std::string fixture(const std::string& name) {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    std::ifstream in(std::string(root != nullptr ? root : ".") + "/tests/data/photos/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TEST(ImageType, SniffsFilesMadeByImageMagickAndExiftool) {
    struct Case {
        std::string name;
        ImageType expected;
    };
    const Case kCases[] = {
        {"gps-orientation-6.jpg", ImageType::Jpeg},
        {"transparent.png", ImageType::Png},
        {"photo.webp", ImageType::WebP},
        {"photo.heic", ImageType::Heic},
        {"animated.gif", ImageType::Gif},
        {"not-a-photo.bmp", ImageType::Unknown},
    };
    for (const auto& test_case : kCases) {
        std::string bytes = fixture(test_case.name);
        ASSERT_FALSE(bytes.empty()) << "missing fixture tests/data/photos/" << test_case.name;
        EXPECT_EQ(sniff_image_type(bytes), test_case.expected) << test_case.name;
    }
}

TEST(ImageType, NamesMediaTypesAndFormats) {
    struct Case {
        ImageType type;
        std::string_view media_type;
        std::string_view name;
    };
    const Case kCases[] = {
        {ImageType::Jpeg, "image/jpeg", "JPEG"}, {ImageType::Png, "image/png", "PNG"},
        {ImageType::WebP, "image/webp", "WebP"}, {ImageType::Heic, "image/heic", "HEIC"},
        {ImageType::Gif, "image/gif", "GIF"},    {ImageType::Unknown, "application/octet-stream", "unknown"},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(media_type_of(test_case.type), test_case.media_type) << test_case.name;
        EXPECT_EQ(image_type_name(test_case.type), test_case.name);
    }
}

TEST(ImageType, DescribesWhatARefusedFileLooksLike) {
    struct Case {
        std::string_view name;
        std::string bytes;
        std::string_view expected;
    };
    const Case kCases[] = {
        {"BMP", fixture("not-a-photo.bmp"), "a BMP image"},
        {"TIFF little-endian", "II*\0\x08\0\0\0"s, "a TIFF image"},
        {"TIFF big-endian", "MM\0*\0\0\0\x08"s, "a TIFF image"},
        {"AVIF", ftyp("avif", {"mif1", "avif"}), "an AVIF image"},
        {"PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"s, "a PDF document"},
        {"DOCX", "PK\x03\x04\x14\0\x06\0"s, "a ZIP archive (a Word or OpenDocument file?)"},
        {"SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"s, "an SVG or XML file"},
        {"text", "Légende : atelier de Bamako\n"s, "text"},
        {"binary noise", "\x01\x02\x03\x04\x05\x00\xfe"s, ""},
        {"empty", ""s, ""},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(describe_unsupported_format(test_case.bytes), test_case.expected) << test_case.name;
    }
}

}  // namespace
}  // namespace storybank::media
