#include "media/photo_processor.hpp"

#include "core/error.hpp"
#include "media/detail/vips_runtime.hpp"

#include <glib.h>
#include <gtest/gtest.h>
#include <vips/vips8>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace storybank::media {
namespace {

using vips::VImage;

std::string fixture(const std::string& name) {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    std::ifstream in(std::string(root != nullptr ? root : ".") + "/tests/data/photos/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string take_blob(VipsBlob* blob) {
    std::size_t length = 0;
    const void* data = vips_blob_get(blob, &length);
    std::string bytes(static_cast<const char*>(data), length);
    vips_area_unref(&blob->area);
    return bytes;
}

// A plain sRGB image of one colour per band value, e.g. {200, 30, 30} for red.
VImage solid(int width, int height, const std::vector<double>& colour) {
    return VImage::black(width, height)
        .new_from_image(colour)
        .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

std::string jpeg_of(const VImage& image) {
    return take_blob(image.jpegsave_buffer(VImage::option()->set("Q", 90)));
}

std::string png_of(const VImage& image) {
    return take_blob(image.pngsave_buffer());
}

VImage decode(const std::string& bytes) {
    return VImage::new_from_buffer(bytes, "");
}

// The metadata fields vips finds in an image that could say where, when or by whom it was taken.
std::vector<std::string> sensitive_fields(const std::string& bytes) {
    VImage image = decode(bytes);
    gchar** fields = vips_image_get_fields(image.get_image());
    std::vector<std::string> found;
    for (gchar** field = fields; *field != nullptr; ++field) {
        std::string_view name(*field);
        if (name.starts_with("exif-") || name.starts_with("xmp-") || name.starts_with("iptc-") ||
            name.starts_with("icc-") || name.find("comment") != std::string_view::npos || name == "orientation") {
            found.emplace_back(name);
        }
    }
    g_strfreev(fields);
    return found;
}

// ISO 3309 CRC-32, as PNG chunks need it.
std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xffffffffU;
    for (char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1U) ^ (0xedb88320U & (0U - (crc & 1U)));
        }
    }
    return ~crc;
}

std::string big_endian_32(std::uint32_t value) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        out += static_cast<char>((value >> static_cast<unsigned>(shift)) & 0xffU);
    }
    return out;
}

std::string png_chunk(std::string_view type, std::string_view data) {
    std::string body = std::string(type) + std::string(data);
    return big_endian_32(static_cast<std::uint32_t>(data.size())) + body + big_endian_32(crc32(body));
}

// A valid PNG header declaring width × height RGB pixels, followed by a few bytes of image data: the shape of a
// decompression bomb, in under 100 bytes.
std::string png_declaring(std::uint32_t width, std::uint32_t height) {
    std::string header = big_endian_32(width) + big_endian_32(height) + std::string("\x08\x02\x00\x00\x00", 5);
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", header) +
           png_chunk("IDAT", std::string("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9)) + png_chunk("IEND", "");
}

// A small baseline JPEG whose frame header (SOF0) is rewritten to declare width × height: the scan data still
// holds 16 × 16 pixels, so decoding it would fail as damaged rather than as too large.
std::string jpeg_declaring(int width, int height) {
    std::string bytes = jpeg_of(solid(16, 16, {90, 90, 90}));
    std::size_t frame = bytes.find("\xff\xc0");
    if (frame == std::string::npos) {
        return {};
    }
    bytes[frame + 5] = static_cast<char>(height >> 8);
    bytes[frame + 6] = static_cast<char>(height & 0xff);
    bytes[frame + 7] = static_cast<char>(width >> 8);
    bytes[frame + 8] = static_cast<char>(width & 0xff);
    return bytes;
}

// The public message of the Error that processing `bytes` throws, or "" (and a test failure) when none is thrown.
std::string refusal(const PhotoProcessor& processor, std::string_view name, std::string_view bytes) {
    try {
        processor.process(name, bytes);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput) << error.public_message();
        return error.public_message();
    }
    ADD_FAILURE() << "'" << name << "' was accepted";
    return {};
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

class PhotoProcessorTest : public ::testing::Test {
public:
    static void SetUpTestSuite() { detail::start_vips(); }

protected:
    void TearDown() override {
        if (m_temp_dir.empty()) {
            return;
        }
        if (HasFailure()) {
            std::fprintf(stderr, "kept %s\n", m_temp_dir.c_str());
        } else {
            std::filesystem::remove_all(m_temp_dir);
        }
    }

    std::filesystem::path temp_dir() {
        if (m_temp_dir.empty()) {
            static std::atomic<int> counter = 0;
            m_temp_dir = std::filesystem::temp_directory_path() /
                         ("storybank-media-test-" +
                          std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
                          std::to_string(getpid()) + "-" + std::to_string(++counter));
            std::filesystem::create_directories(m_temp_dir);
        }
        return m_temp_dir;
    }

    PhotoProcessor m_processor;
    std::filesystem::path m_temp_dir;
};

TEST_F(PhotoProcessorTest, AcceptsEachTypeFromItsBytes) {
    struct Case {
        std::string file;
        ImageType type;
        std::string_view media_type;
        int width;
        int height;
    };
    // HEIC comes from ImageMagick's libheif encoder (make_photos.sh); vips decodes it through its heif module.
    const Case kCases[] = {
        {"gps-orientation-6.jpg", ImageType::Jpeg, "image/jpeg", 120, 160},
        {"transparent.png", ImageType::Png, "image/png", 64, 48},
        {"photo.webp", ImageType::WebP, "image/jpeg", 64, 48},
        {"photo.heic", ImageType::Heic, "image/jpeg", 64, 48},
        {"animated.gif", ImageType::Gif, "image/jpeg", 64, 48},
    };
    for (const auto& test_case : kCases) {
        // A misleading name changes nothing: the bytes decide.
        ProcessedPhoto processed = m_processor.process("upload.bin", fixture(test_case.file));
        EXPECT_EQ(processed.source_type, test_case.type) << test_case.file;
        EXPECT_EQ(processed.photo.media_type, test_case.media_type) << test_case.file;
        EXPECT_EQ(processed.photo.extension, test_case.media_type == "image/png" ? "png" : "jpg") << test_case.file;
        EXPECT_EQ(processed.photo.width, test_case.width) << test_case.file;
        EXPECT_EQ(processed.photo.height, test_case.height) << test_case.file;
        VImage stored = decode(processed.photo.bytes);
        EXPECT_EQ(stored.width(), test_case.width) << test_case.file;
        EXPECT_EQ(stored.height(), test_case.height) << test_case.file;
        EXPECT_EQ(sniff_image_type(processed.thumbnail.bytes),
                  test_case.media_type == "image/png" ? ImageType::Png : ImageType::Jpeg)
            << test_case.file;
    }
}

TEST_F(PhotoProcessorTest, RefusesOtherFormatsWhateverTheirName) {
    struct Case {
        std::string name;
        std::string bytes;
        std::string_view looks_like;
    };
    const Case kCases[] = {
        {"not-a-photo.jpg", fixture("not-a-photo.bmp"), "(it looks like a BMP image)"},
        {"legende.jpg", "Photo de l'atelier de Bamako, mars 2024\n", "(it looks like text)"},
        {"scan.png", std::string("II*\0\x08\0\0\0", 8), "(it looks like a TIFF image)"},
        {"rapport.heic", "%PDF-1.7\n", "(it looks like a PDF document)"},
        {"noise.gif", std::string("\x01\x02\x03\x00\xfe", 5), "image; save it as JPEG"},
    };
    for (const auto& test_case : kCases) {
        std::string message = refusal(m_processor, test_case.name, test_case.bytes);
        EXPECT_TRUE(contains(message, "photo '" + test_case.name + "' is not a JPEG, PNG, WebP, HEIC or GIF image"))
            << message;
        EXPECT_TRUE(contains(message, test_case.looks_like)) << message;
        EXPECT_TRUE(contains(message, "save it as JPEG and add it again")) << message;
    }
}

TEST_F(PhotoProcessorTest, TurnsAPhotoUprightByItsExifOrientation) {
    // Stored 160 × 120, red left half, blue right half, Orientation 6 (rotate 90° clockwise): upright, red is on top.
    ProcessedPhoto processed = m_processor.process("portrait.jpg", fixture("gps-orientation-6.jpg"));
    ASSERT_EQ(processed.photo.width, 120);
    ASSERT_EQ(processed.photo.height, 160);
    EXPECT_EQ(processed.thumbnail.width, 120);
    EXPECT_EQ(processed.thumbnail.height, 160);
    for (const EncodedImage* image : {&processed.photo, &processed.thumbnail}) {
        VImage upright = decode(image->bytes);
        std::vector<double> top = upright.getpoint(60, 20);
        std::vector<double> bottom = upright.getpoint(60, 140);
        ASSERT_EQ(top.size(), 3U);
        EXPECT_GT(top[0], 150.0) << "top should be red";
        EXPECT_LT(top[2], 80.0) << "top should be red";
        EXPECT_GT(bottom[2], 150.0) << "bottom should be blue";
        EXPECT_LT(bottom[0], 80.0) << "bottom should be blue";
    }
}

TEST_F(PhotoProcessorTest, ScalesALargePhotoDownToTheMaximumEdgeAndMakesAThumbnail) {
    struct Case {
        std::string_view name;
        std::string bytes;
        int width, height, thumbnail_width, thumbnail_height;
    };
    VImage orientation_6 = solid(4000, 3000, {60, 120, 180}).copy();
    orientation_6.set("orientation", 6);
    const Case kCases[] = {
        {"12 MP landscape JPEG", jpeg_of(solid(4000, 3000, {60, 120, 180})), 2048, 1536, 320, 240},
        {"12 MP JPEG tagged rotate 90°", jpeg_of(orientation_6), 1536, 2048, 240, 320},
        {"tall PNG", png_of(solid(1000, 3000, {200, 200, 40})), 683, 2048, 107, 320},
    };
    for (const auto& test_case : kCases) {
        ProcessedPhoto processed = m_processor.process(test_case.name, test_case.bytes);
        EXPECT_EQ(processed.photo.width, test_case.width) << test_case.name;
        EXPECT_EQ(processed.photo.height, test_case.height) << test_case.name;
        EXPECT_EQ(processed.thumbnail.width, test_case.thumbnail_width) << test_case.name;
        EXPECT_EQ(processed.thumbnail.height, test_case.thumbnail_height) << test_case.name;
        VImage thumbnail = decode(processed.thumbnail.bytes);
        EXPECT_EQ(thumbnail.width(), test_case.thumbnail_width) << test_case.name;
        EXPECT_EQ(thumbnail.height(), test_case.thumbnail_height) << test_case.name;
    }
}

TEST_F(PhotoProcessorTest, NeverEnlargesASmallPhoto) {
    struct Case {
        int width, height, thumbnail_width, thumbnail_height;
    };
    const Case kCases[] = {{300, 200, 300, 200}, {640, 480, 320, 240}, {2048, 100, 320, 16}};
    for (const auto& test_case : kCases) {
        ProcessedPhoto processed =
            m_processor.process("small.jpg", jpeg_of(solid(test_case.width, test_case.height, {10, 200, 10})));
        EXPECT_EQ(processed.photo.width, test_case.width);
        EXPECT_EQ(processed.photo.height, test_case.height);
        EXPECT_EQ(processed.thumbnail.width, test_case.thumbnail_width) << test_case.width;
        EXPECT_EQ(processed.thumbnail.height, test_case.thumbnail_height) << test_case.width;
    }
}

const char* const kMetadataFixtures[] = {"gps-orientation-6.jpg", "transparent.png", "photo.webp", "photo.heic",
                                         "animated.gif"};
// vips 8.14's GIF loader does not read GIF comments or XMP, so only exiftool can see what animated.gif carries.
const char* const kFixturesWithMetadataVipsReads[] = {"gps-orientation-6.jpg", "transparent.png", "photo.webp",
                                                      "photo.heic"};

TEST_F(PhotoProcessorTest, StoredCopiesHaveNoMetadataLeftForVips) {
    for (std::string file : kFixturesWithMetadataVipsReads) {
        std::string original = fixture(file);
        // The fixture must carry metadata, or this test would pass for nothing.
        EXPECT_FALSE(sensitive_fields(original).empty()) << file << " has no metadata to remove";
        ProcessedPhoto processed = m_processor.process(file, original);
        for (const std::string* bytes : {&processed.photo.bytes, &processed.thumbnail.bytes}) {
            std::vector<std::string> left = sensitive_fields(*bytes);
            EXPECT_TRUE(left.empty()) << file << " still has " << ::testing::PrintToString(left);
        }
    }
}

// exiftool knows far more metadata containers than vips (maker notes, every XMP and IPTC variant, PNG text
// chunks, RIFF chunks, HEIF boxes): the independent check that nothing is left.
std::string exiftool_json(const std::filesystem::path& file) {
    std::string command = "exiftool -j -a -G1 '" + file.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return {};
    }
    std::string output;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        output.append(buffer.data(), read);
    }
    pclose(pipe);
    return output;
}

bool exiftool_available() {
    return std::system("exiftool -ver >/dev/null 2>&1") == 0;
}

TEST_F(PhotoProcessorTest, ExiftoolFindsNoGpsExifXmpOrIptcInTheStoredCopies) {
    if (!exiftool_available()) {
        GTEST_SKIP() << "exiftool is not installed (package libimage-exiftool-perl)";
    }
    // Group names as `exiftool -G1` prints them, and values written by make_photos.sh.
    const std::string_view kTraces[] = {"GPS",         "IFD0",    "ExifIFD", "XMP",   "IPTC",
                                        "ICC_Profile", "Comment", "Awa",     "Tecno", "Bamako"};
    for (std::string file : kMetadataFixtures) {
        std::filesystem::path original_path = temp_dir() / ("original-" + file);
        std::ofstream(original_path, std::ios::binary) << fixture(file);
        std::string original = exiftool_json(original_path);
        EXPECT_TRUE(contains(original, "Awa")) << file << ": exiftool sees no metadata in the fixture\n" << original;

        ProcessedPhoto processed = m_processor.process(file, fixture(file));
        for (const EncodedImage* image : {&processed.photo, &processed.thumbnail}) {
            std::filesystem::path stored_path =
                temp_dir() / ((image == &processed.photo ? "stored." : "thumbnail.") + image->extension);
            std::ofstream(stored_path, std::ios::binary) << image->bytes;
            std::string stored = exiftool_json(stored_path);
            ASSERT_TRUE(contains(stored, "\"SourceFile\"")) << "exiftool did not read " << stored_path << "\n"
                                                            << stored;
            for (std::string_view trace : kTraces) {
                EXPECT_FALSE(contains(stored, trace)) << file << ": '" << trace << "' left in\n" << stored;
            }
        }
    }
}

TEST_F(PhotoProcessorTest, ConvertsCmykAndIccTaggedImagesToSrgb) {
    VImage red = solid(64, 48, {200, 30, 30});
    VImage cmyk = red.icc_transform("cmyk", VImage::option()->set("input_profile", "srgb")->set("embed", true));
    VImage cmyk_without_profile = cmyk.copy();
    cmyk_without_profile.remove("icc-profile-data");
    struct Case {
        std::string_view name;
        std::string bytes;
    };
    const Case kCases[] = {
        {"CMYK JPEG with its ICC profile", jpeg_of(cmyk)},
        {"CMYK JPEG without a profile", jpeg_of(cmyk_without_profile)},
    };
    for (const auto& test_case : kCases) {
        ASSERT_EQ(decode(test_case.bytes).interpretation(), VIPS_INTERPRETATION_CMYK) << test_case.name;
        ProcessedPhoto processed = m_processor.process(test_case.name, test_case.bytes);
        VImage stored = decode(processed.photo.bytes);
        EXPECT_EQ(stored.bands(), 3) << test_case.name;
        EXPECT_EQ(stored.interpretation(), VIPS_INTERPRETATION_sRGB) << test_case.name;
        std::vector<double> pixel = stored.getpoint(32, 24);
        ASSERT_EQ(pixel.size(), 3U) << test_case.name;
        EXPECT_GT(pixel[0], 150.0) << test_case.name << ": red should stay red";
        EXPECT_LT(pixel[1], 90.0) << test_case.name;
        EXPECT_LT(pixel[2], 90.0) << test_case.name;
        EXPECT_TRUE(sensitive_fields(processed.photo.bytes).empty()) << test_case.name;
    }
}

TEST_F(PhotoProcessorTest, ConvertsSixteenBitImagesToEightBit) {
    VImage deep = (solid(64, 48, {128, 64, 32}).cast(VIPS_FORMAT_USHORT) * 257)
                      .cast(VIPS_FORMAT_USHORT)
                      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_RGB16));
    ProcessedPhoto processed = m_processor.process("deep.png", png_of(deep));
    EXPECT_EQ(processed.photo.media_type, "image/jpeg");
    VImage stored = decode(processed.photo.bytes);
    EXPECT_EQ(stored.format(), VIPS_FORMAT_UCHAR);
    std::vector<double> pixel = stored.getpoint(32, 24);
    ASSERT_EQ(pixel.size(), 3U);
    EXPECT_NEAR(pixel[0], 128.0, 4.0);
    EXPECT_NEAR(pixel[1], 64.0, 4.0);
    EXPECT_NEAR(pixel[2], 32.0, 4.0);
}

TEST_F(PhotoProcessorTest, KeepsTransparencyAsPngAndStoresOpaqueAlphaAsJpeg) {
    ProcessedPhoto transparent = m_processor.process("transparent.png", fixture("transparent.png"));
    EXPECT_EQ(transparent.photo.media_type, "image/png");
    EXPECT_EQ(transparent.thumbnail.media_type, "image/png");
    VImage stored = decode(transparent.photo.bytes);
    ASSERT_EQ(stored.bands(), 4);
    EXPECT_EQ(stored.getpoint(10, 24)[3], 255.0);
    EXPECT_NEAR(stored.getpoint(54, 24)[3], 64.0, 2.0);

    VImage opaque_rgba = solid(64, 48, {30, 30, 200, 255});
    ProcessedPhoto opaque = m_processor.process("screenshot.png", png_of(opaque_rgba));
    EXPECT_EQ(opaque.photo.media_type, "image/jpeg");
    EXPECT_EQ(opaque.photo.extension, "jpg");
    EXPECT_EQ(decode(opaque.photo.bytes).bands(), 3);
}

TEST_F(PhotoProcessorTest, KeepsTheFirstFrameOfAnAnimatedGif) {
    ProcessedPhoto processed = m_processor.process("animated.gif", fixture("animated.gif"));
    VImage stored = decode(processed.photo.bytes);
    EXPECT_EQ(stored.height(), 48);
    std::vector<double> pixel = stored.getpoint(32, 24);
    ASSERT_EQ(pixel.size(), 3U);
    EXPECT_GT(pixel[0], 150.0) << "the first frame is red";
    EXPECT_LT(pixel[2], 80.0) << "the first frame is red";
}

TEST_F(PhotoProcessorTest, RefusesAnImageDeclaringTooManyPixelsBeforeDecodingIt) {
    struct Case {
        std::string_view name;
        std::string bytes;
        std::string_view expected;
    };
    const Case kCases[] = {
        {"bomb.png", png_declaring(20000, 20000),
         "photo 'bomb.png' declares 20000 × 20000 pixels (400 megapixels); the limit is 100 megapixels"},
        {"bomb.jpg", jpeg_declaring(12000, 10000),
         "photo 'bomb.jpg' declares 12000 × 10000 pixels (120 megapixels); the limit is 100 megapixels"},
        {"just-over.png", png_declaring(10001, 10000), "(100.01 megapixels); the limit is 100 megapixels"},
    };
    for (const auto& test_case : kCases) {
        ASSERT_LT(test_case.bytes.size(), 1000U) << test_case.name;
        std::string message = refusal(m_processor, test_case.name, test_case.bytes);
        EXPECT_TRUE(contains(message, test_case.expected)) << message;
        EXPECT_TRUE(contains(message, "resize it and add it again")) << message;
    }
    // The same check with a lower limit, on a real photo.
    PhotoProcessor strict(PhotoLimits{.max_pixels = 10'000});
    std::string message = refusal(strict, "portrait.jpg", fixture("gps-orientation-6.jpg"));
    EXPECT_TRUE(contains(message, "declares 160 × 120 pixels (0.02 megapixels); the limit is 0.01 megapixels"))
        << message;
}

TEST_F(PhotoProcessorTest, RefusesAFileOverTheSizeLimitBeforeLookingAtIt) {
    constexpr std::size_t kHugeBytes = 27'577'549;  // 26.3 MB
    std::string huge = "\xff\xd8\xff\xe0";
    huge.resize(kHugeBytes, '\0');
    std::string message = refusal(m_processor, "huge.jpg", huge);
    EXPECT_TRUE(contains(message, "photo 'huge.jpg' is 26.3 MB; the limit is 25 MB")) << message;

    PhotoProcessor strict(PhotoLimits{.max_file_bytes = 4000});
    message = refusal(strict, "portrait.jpg", fixture("gps-orientation-6.jpg"));
    EXPECT_TRUE(contains(message, "is 0.004 MB; the limit is 0.0038 MB")) << message;
    EXPECT_NO_THROW(strict.process("small.png", fixture("transparent.png")));
}

TEST_F(PhotoProcessorTest, RefusesTruncatedAndCorruptFilesWithAClearMessage) {
    struct Case {
        std::string name;
        std::string bytes;
    };
    std::string large = jpeg_of(VImage::gaussnoise(1200, 900).cast(VIPS_FORMAT_UCHAR));
    std::string corrupt = fixture("gps-orientation-6.jpg");
    corrupt.replace(corrupt.size() - 400, 300, std::string(300, '\x00'));
    std::vector<Case> cases = {
        {"truncated-large.jpg", large.substr(0, large.size() * 6 / 10)},
        {"corrupt.jpg", corrupt},
        {"jpeg-marker-only.jpg", std::string("\xff\xd8\xff", 3)},
    };
    for (std::string file : kMetadataFixtures) {
        std::string bytes = fixture(file);
        cases.push_back({"half-of-" + file, bytes.substr(0, bytes.size() / 2)});
    }
    for (const auto& test_case : cases) {
        try {
            m_processor.process(test_case.name, test_case.bytes);
            ADD_FAILURE() << test_case.name << " was accepted";
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::UnreadableInput) << test_case.name;
            EXPECT_TRUE(contains(error.public_message(), "photo '" + test_case.name + "' is damaged or truncated"))
                << error.public_message();
            EXPECT_TRUE(contains(error.public_message(), "save it again")) << error.public_message();
            EXPECT_TRUE(contains(error.detail(), "decoder: ")) << test_case.name << ": " << error.detail();
        }
    }
}

TEST_F(PhotoProcessorTest, RefusesAnEmptyFile) {
    std::string message = refusal(m_processor, "IMG_0042.jpg", "");
    EXPECT_TRUE(contains(message, "photo 'IMG_0042.jpg' is empty (0 bytes)")) << message;
}

TEST_F(PhotoProcessorTest, ProcessesPhotosOnSeveralThreadsAtOnce) {
    std::vector<std::string> inputs;
    std::vector<std::string> expected;
    for (std::string file : kMetadataFixtures) {
        inputs.push_back(fixture(file));
        expected.push_back(m_processor.process(file, inputs.back()).photo.bytes);
    }
    inputs.push_back(fixture("gps-orientation-6.jpg").substr(0, 2000));  // failures on some threads too
    constexpr int kThreads = 4;
    constexpr int kRounds = 5;
    std::atomic<int> same = 0;
    std::atomic<int> refused = 0;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int thread = 0; thread < kThreads; ++thread) {
        threads.emplace_back([&] {
            for (int round = 0; round < kRounds; ++round) {
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    try {
                        std::string stored = m_processor.process("photo", inputs[i]).photo.bytes;
                        if (i < expected.size() && stored == expected[i]) {
                            ++same;
                        }
                    } catch (const Error&) {
                        ++refused;
                    }
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(same.load(), kThreads * kRounds * static_cast<int>(expected.size()));
    EXPECT_EQ(refused.load(), kThreads * kRounds);
}

}  // namespace
}  // namespace storybank::media
