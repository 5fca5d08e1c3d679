// Bulk import: `storybank import FOLDER --jobs N` on 200 Word stories, each with three 12-megapixel phone photos
// (text and fields read, photos turned upright, scaled down, stripped, everything stored in SQLite), timed as a
// whole process with its peak memory. Reference in the same run, on the same files: what a person does today to
// get the same out of one such file — `pandoc FILE -t markdown --extract-media` for the text and photos, then
// ImageMagick `convert -auto-orient -resize 2048x2048> -strip` on each photo. Goals: files/s on 2 cores, and
// peak memory ≤ 300 MB.
#include "camera_photos.hpp"
#include "child_process.hpp"
#include "core/story.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <benchmark/benchmark.h>
#include <vips/vips8>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using storybank::bench::run_quietly;

constexpr int kFiles = 200;
constexpr int kDistinctPhotos = 12;
constexpr int kReferenceFiles = 10;  // the reference is slow: a sample, reported per file

struct Figures {
    double files_per_second = 0;
    double peak_mb = 0;
};
std::map<std::string, Figures> g_figures;

std::string source_dir() {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    return root != nullptr ? root : STORYBANK_DEFAULT_SOURCE_DIR;
}

std::string storybank_binary() {
    const char* path = std::getenv("STORYBANK_BINARY");
    return path != nullptr ? path : STORYBANK_DEFAULT_BINARY;
}

// Made once and kept under $TMPDIR (about 2.4 GB of Word files): delete the folder to make it again.
const fs::path& corpus() {
    static const fs::path kFolder = [] {
        fs::path folder = fs::temp_directory_path() / "storybank-import-bench";
        if (fs::exists(folder / "complete")) {
            return folder;
        }
        fs::remove_all(folder);
        fs::create_directories(folder / "photos");
        auto start = std::chrono::steady_clock::now();
        if (VIPS_INIT("import_bench") != 0) {
            std::fprintf(stderr, "import_bench: libvips does not start\n");
            std::exit(1);
        }
        for (int i = 0; i < kDistinctPhotos; ++i) {
            storybank::bench::write_camera_photo(folder / "photos" / ("photo-" + std::to_string(i) + ".jpg"), i, 4000,
                                                 3000);
        }
        auto made = run_quietly({"python3", source_dir() + "/bench/make_import_corpus.py", (folder / "photos").string(),
                                 (folder / "docs").string(), std::to_string(kFiles)});
        if (made.exit_status != 0) {
            std::fprintf(stderr, "import_bench: bench/make_import_corpus.py failed (is pandoc installed?)\n");
            std::exit(1);
        }
        std::FILE* marker = std::fopen((folder / "complete").c_str(), "w");
        if (marker != nullptr) {
            std::fclose(marker);
        }
        std::fprintf(stderr, "made %d Word stories with 3 photos of 4000 × 3000 each in %.0f s in %s\n", kFiles,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), folder.c_str());
        return folder;
    }();
    return kFolder;
}

/// Every file became a story whose three photos are stored upright at 2048 px.
bool import_is_complete(const fs::path& data) {
    auto store = storybank::store::sqlite::SqliteStore::open(data);
    if (store->story_count() != kFiles) {
        return false;
    }
    auto revision = store->revision(1);
    const auto* photos = std::get_if<storybank::core::PhotoList>(revision.story.find("photos"));
    if (photos == nullptr || photos->size() != 3) {
        return false;
    }
    for (const auto& photo : *photos) {
        if (!photo.attachment || photo.attachment->width != 1536 || photo.attachment->height != 2048) {
            return false;
        }
    }
    return true;
}

void storybank_import(benchmark::State& state) {
    const fs::path& folder = corpus();
    std::string jobs = std::to_string(state.range(0));
    fs::path data = folder / ("data-jobs-" + jobs);
    double seconds = 0;
    double peak = 0;
    for (auto _ : state) {
        fs::remove_all(data);
        auto start = std::chrono::steady_clock::now();
        auto outcome = run_quietly(
            {storybank_binary(), "--data", data.string(), "import", (folder / "docs").string(), "--jobs", jobs});
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(elapsed);
        seconds += elapsed;
        peak = std::max(peak, outcome.peak_mb);
        if (outcome.exit_status != 0) {
            state.SkipWithError("storybank import failed");
            return;
        }
    }
    if (!import_is_complete(data)) {
        state.SkipWithError("the import did not store 200 stories with three upright 1536 × 2048 photos each");
        return;
    }
    fs::remove_all(data);
    double files_per_second = kFiles * static_cast<double>(state.iterations()) / seconds;
    state.counters["files_per_s"] = files_per_second;
    state.counters["peak_MB"] = peak;
    g_figures["storybank --jobs " + jobs] = {files_per_second, peak};
}

void pandoc_and_convert_reference(benchmark::State& state) {
    const fs::path& folder = corpus();
    fs::path media = folder / "reference-media";
    double seconds = 0;
    double peak = 0;
    int files = 0;
    for (auto _ : state) {
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < kReferenceFiles; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "story-%04d.docx", i);
            fs::remove_all(media);
            auto text = run_quietly({"pandoc", (folder / "docs" / name).string(), "-t", "markdown",
                                     "--extract-media=" + media.string(), "-o", "/dev/null"});
            if (text.exit_status != 0) {
                state.SkipWithError("pandoc is missing or failed: no reference figure");
                return;
            }
            peak = std::max(peak, text.peak_mb);
            for (const auto& entry : fs::recursive_directory_iterator(media)) {
                if (!entry.is_regular_file()) {
                    continue;
                }
                auto convert = run_quietly({"convert", entry.path().string(), "-auto-orient", "-resize", "2048x2048>",
                                            "-strip", entry.path().string() + ".out.jpg"});
                if (convert.exit_status != 0) {
                    state.SkipWithError("ImageMagick convert is missing or failed: no reference figure");
                    return;
                }
                peak = std::max(peak, convert.peak_mb);
            }
            ++files;
        }
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(elapsed);
        seconds += elapsed;
    }
    fs::remove_all(media);
    g_figures["pandoc + convert"] = {files / seconds, peak};
    state.counters["files_per_s"] = files / seconds;
    state.counters["peak_MB"] = peak;
}

}  // namespace

BENCHMARK(storybank_import)->Arg(2)->Arg(1)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(pandoc_and_convert_reference)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    for (const auto& [name, figures] : g_figures) {
        std::printf("%-22s %6.2f files/s, peak memory %4.0f MB\n", name.c_str(), figures.files_per_second,
                    figures.peak_mb);
    }
    auto ours = g_figures.find("storybank --jobs 2");
    auto reference = g_figures.find("pandoc + convert");
    if (ours != g_figures.end()) {
        std::printf("peak memory goal (<= 300 MB with 2 jobs): %s\n", ours->second.peak_mb <= 300 ? "met" : "NOT met");
    }
    if (ours != g_figures.end() && reference != g_figures.end()) {
        std::printf("storybank is %.1f × the reference's files/s\n",
                    ours->second.files_per_second / reference->second.files_per_second);
    }
    return 0;
}
