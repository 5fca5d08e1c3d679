// Photo processing: a 12-megapixel phone photo (4000 × 3000 JPEG, EXIF Orientation 6) → the stored copy (at most
// 2048 px, upright, sRGB, no metadata) and its 320 px thumbnail, through media::PhotoProcessor. Reference, on the
// same files in the same run: ImageMagick `convert IN -auto-orient -resize '2048x2048>' -strip OUT`, which makes
// the stored copy only. Both are wall time per photo with every core available (vips threads, ImageMagick
// OpenMP). Goal: storybank at least 3 × faster. The peak memory of each side is printed with the figures.
#include "camera_photos.hpp"
#include "child_process.hpp"
#include "core/error.hpp"
#include "media/detail/vips_runtime.hpp"
#include "media/photo_processor.hpp"

#include <benchmark/benchmark.h>
#include <vips/vips8>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using vips::VImage;

constexpr int kPhotoCount = 6;
constexpr int kWidth = 4000;
constexpr int kHeight = 3000;

struct Figures {
    double ms_per_photo = 0;
    double peak_mb = 0;
    double resident_before_mb = 0;  // storybank only: what the bench already held when processing started
};
std::map<std::string, Figures> g_figures;
std::filesystem::path g_photo_folder;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Made once per run in a fresh folder under $TMPDIR, which main() removes at the end.
const std::vector<std::filesystem::path>& photo_files() {
    static const std::vector<std::filesystem::path> kFiles = [] {
        storybank::media::detail::start_vips();
        auto folder = std::filesystem::temp_directory_path() / ("storybank-photo-bench-" + std::to_string(getpid()));
        std::filesystem::create_directories(folder / "out");
        g_photo_folder = folder;
        std::vector<std::filesystem::path> files;
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < kPhotoCount; ++i) {
            files.push_back(folder / ("photo-" + std::to_string(i) + ".jpg"));
            storybank::bench::write_camera_photo(files.back(), i, kWidth, kHeight);
        }
        std::fprintf(stderr, "made %d photos of %d × %d (%.1f MB each) in %.1f s in %s\n", kPhotoCount, kWidth, kHeight,
                     static_cast<double>(std::filesystem::file_size(files.front())) / 1e6,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), folder.c_str());
        return files;
    }();
    return kFiles;
}

// A line of /proc/self/status in MB: "VmRSS:" (resident now) or "VmHWM:" (peak since reset_peak_memory()).
// 0 when unknown (not Linux).
double status_mb(std::string_view key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with(key)) {
            return std::stod(line.substr(key.size())) / 1024.0;
        }
    }
    return 0;
}

// The peak of this process includes what the bench holds (input files, freed memory the allocator keeps), so
// it is reset just before timing and printed next to the resident size at that moment.
double reset_peak_memory() {
    std::ofstream("/proc/self/clear_refs") << "5";
    return status_mb("VmRSS:");
}

int run(const std::vector<std::string>& arguments) {
    return storybank::bench::run_quietly(arguments).exit_status;
}

std::vector<std::string> convert_command(const std::filesystem::path& in, const std::filesystem::path& out) {
    return {"convert", in.string(), "-auto-orient", "-resize", "2048x2048>", "-strip", out.string()};
}

void storybank_photo_processor(benchmark::State& state) {
    const auto& files = photo_files();
    std::vector<std::string> photos;
    photos.reserve(files.size());
    for (const auto& file : files) {
        photos.push_back(read_file(file));
    }
    const storybank::media::PhotoProcessor processor;
    // Check the result before timing: upright, scaled, metadata gone.
    auto check = processor.process("check.jpg", photos.front());
    if (check.photo.width != 1536 || check.photo.height != 2048 || check.thumbnail.height != 320 ||
        check.photo.bytes.find("Exif") != std::string::npos) {
        state.SkipWithError("the processor did not make an upright 1536 × 2048 copy without EXIF");
        return;
    }
    double resident_before = reset_peak_memory();
    std::size_t index = 0;
    auto start = std::chrono::steady_clock::now();
    for (auto _ : state) {
        auto processed = processor.process("photo.jpg", photos[index++ % photos.size()]);
        benchmark::DoNotOptimize(processed);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    g_figures["storybank"] = {seconds * 1000.0 / static_cast<double>(state.iterations()), status_mb("VmHWM:"),
                              resident_before};
    state.counters["input_MB"] = static_cast<double>(photos.front().size()) / 1e6;
    state.counters["photo_KB"] = static_cast<double>(check.photo.bytes.size()) / 1e3;
}

void imagemagick_convert_reference(benchmark::State& state) {
    const auto& files = photo_files();
    auto out = files.front().parent_path() / "out" / "check.jpg";
    if (run(convert_command(files.front(), out)) != 0) {
        state.SkipWithError("ImageMagick `convert` is missing or failed: no reference figure");
        return;
    }
    VImage made = VImage::new_from_file(out.c_str());
    if (made.width() != 1536 || made.height() != 2048) {
        state.SkipWithError("convert did not make an upright 1536 × 2048 copy");
        return;
    }
    std::size_t index = 0;
    auto start = std::chrono::steady_clock::now();
    for (auto _ : state) {
        const auto& file = files[index++ % files.size()];
        if (run(convert_command(file, out)) != 0) {
            state.SkipWithError("convert failed");
            return;
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    g_figures["imagemagick"] = {seconds * 1000.0 / static_cast<double>(state.iterations()),
                                static_cast<double>(children.ru_maxrss) / 1024.0};
}

}  // namespace

BENCHMARK(storybank_photo_processor)
    ->Iterations(benchmark::IterationCount{kPhotoCount} * 2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(imagemagick_convert_reference)->Iterations(kPhotoCount)->UseRealTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const storybank::Error& error) {
        std::fprintf(stderr, "photo_bench: %s (%s)\n", error.public_message().c_str(), error.detail().c_str());
        return 1;
    }
    benchmark::Shutdown();
    if (!g_photo_folder.empty()) {
        std::filesystem::remove_all(g_photo_folder);
    }
    auto ours = g_figures.find("storybank");
    auto reference = g_figures.find("imagemagick");
    if (ours != g_figures.end()) {
        std::printf(
            "storybank PhotoProcessor: %.0f ms per photo (stored copy + thumbnail), peak memory %.0f MB (%.0f MB "
            "held before processing)\n",
            ours->second.ms_per_photo, ours->second.peak_mb, ours->second.resident_before_mb);
    }
    if (reference != g_figures.end()) {
        std::printf("ImageMagick convert:      %.0f ms per photo (stored copy only), peak memory %.0f MB\n",
                    reference->second.ms_per_photo, reference->second.peak_mb);
    }
    if (ours != g_figures.end() && reference != g_figures.end()) {
        double ratio = reference->second.ms_per_photo / ours->second.ms_per_photo;
        std::printf("ratio %.1f × (goal: storybank >= 3 × faster): %s\n", ratio, ratio >= 3.0 ? "met" : "NOT met");
    }
    return 0;
}
