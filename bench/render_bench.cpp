// Documents out next to what users do today: storybank printing one story, and a 100-story booklet with photos,
// beside LibreOffice converting the equivalent Word document to PDF (soffice --headless, cold, as a user or a
// script runs it). Then the memory a 1,000-story booklet takes, measured on the storybank command itself.
#include "auth/content_hash.hpp"
#include "camera_photos.hpp"
#include "child_process.hpp"
#include "core/story_index.hpp"
#include "core/story_json.hpp"
#include "service/booklet.hpp"
#include "service/message_loader.hpp"
#include "service/story_export.hpp"
#include "service/template_catalog.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace storybank;

constexpr int kPhotoWidth = 1600;
constexpr int kPhotoHeight = 1200;
constexpr int kPhotosPerStory = 2;

std::string source_dir() {
    const char* dir = std::getenv("STORYBANK_SOURCE_DIR");
    return dir != nullptr ? dir : STORYBANK_DEFAULT_SOURCE_DIR;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const service::TemplateCatalog& templates() {
    static const service::TemplateCatalog catalog = service::TemplateCatalog::load();
    return catalog;
}

const core::MessageCatalog& messages() {
    static const core::MessageCatalog catalog = service::load_messages();
    return catalog;
}

/// A store of `count` copies of the Think Peace story, each with its own title and two camera-like 1600×1200
/// photos of its own (about 0.4 MB each, as the store keeps them), made once under $TMPDIR and reused.
store::Store& corpus(int count) {
    static std::map<int, std::unique_ptr<store::sqlite::SqliteStore>> stores;
    if (auto found = stores.find(count); found != stores.end()) {
        return *found->second;
    }
    static const bool vips_started = VIPS_INIT("render_bench") == 0;
    if (!vips_started) {
        throw std::runtime_error("libvips could not start");
    }
    fs::path dir = fs::temp_directory_path() / ("storybank-render-bench-" + std::to_string(count));
    auto store = store::sqlite::SqliteStore::open(dir);
    if (store->story_count() != count) {
        store.reset();
        fs::remove_all(dir);
        store = store::sqlite::SqliteStore::open(dir);
        auto started = std::chrono::steady_clock::now();
        core::Story seed = core::story_from_json(
            read_file(fs::path(source_dir()) / "tests/golden/parse/think-peace-mali.expected.json"));
        const core::Template& story_template = templates().get(seed.template_id);
        for (int number = 1; number <= count; ++number) {
            core::Story story = seed;
            story.set("title", std::string(seed.text("title")) + " (" + std::to_string(number) + ")");
            store::SaveRequest request;
            core::PhotoList photos = std::get<core::PhotoList>(*seed.find("photos"));
            photos.resize(kPhotosPerStory, photos.front());
            for (int index = 0; index < kPhotosPerStory; ++index) {
                vips::VImage frame = bench::camera_like_frame(number * 7 + index, kPhotoWidth, kPhotoHeight);
                VipsBlob* blob = frame.jpegsave_buffer(vips::VImage::option()->set("Q", 82)->set("strip", true));
                std::size_t size = 0;
                const void* data = vips_blob_get(blob, &size);
                std::string bytes(static_cast<const char*>(data), size);
                vips_area_unref(VIPS_AREA(blob));
                core::Attachment attachment{auth::sha256_hex(bytes), "image/jpeg", kPhotoWidth, kPhotoHeight};
                photos[static_cast<std::size_t>(index)].attachment = attachment;
                request.attachments.push_back({attachment, std::move(bytes), ""});
            }
            story.set("photos", photos);
            request.story = story;
            request.index = core::make_index_entry(story, story_template);
            request.author = "bench";
            request.note = "bench";
            store->create_story(request);
        }
        std::printf("made %d stories with %d photos each in %.1f s (%s)\n", count, kPhotosPerStory,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), dir.c_str());
    }
    return *stores.emplace(count, std::move(store)).first->second;
}

std::map<std::string, double> g_seconds;  ///< mean seconds per iteration, by benchmark

std::string story_document(store::Store& store, service::ExportFormat format) {
    core::Revision revision = store.revision(1);
    service::DocumentOptions options;
    options.date = "2026-11-29";
    options.photo_bytes = service::stored_photos(store);
    return service::export_story(revision.story, templates().get(revision.story.template_id), format, messages(), "fr",
                                 render::PersonalData::Include, options);
}

std::string booklet_document(store::Store& store, service::BookletFormat format) {
    service::BookletRequest request;
    request.title = "Rapport aux bailleurs";
    request.format = format;
    request.date = "2026-11-29";
    request.personal_data = render::PersonalData::Include;
    std::ostringstream out;
    service::write_booklet(store, templates(), messages(), request, out);
    return std::move(out).str();
}

/// soffice converting a Word file to PDF: a new process each time, as a user or a script runs it, with a private
/// profile that the check before timing has already created (a first start costs seconds more).
bool libreoffice_to_pdf(const fs::path& docx, const fs::path& work) {
    auto outcome = bench::run_quietly({"soffice", "-env:UserInstallation=file://" + (work / "profile").string(),
                                       "--headless", "--convert-to", "pdf", "--outdir", work.string(), docx.string()});
    fs::path pdf = work / (docx.stem().string() + ".pdf");
    bool converted = outcome.exit_status == 0 && fs::exists(pdf) && fs::file_size(pdf) > 1000;
    fs::remove(pdf);
    return converted;
}

template <typename Body>
void timed(benchmark::State& state, const std::string& name, Body&& body) {
    double total = 0;
    for (auto _ : state) {
        auto started = std::chrono::steady_clock::now();
        body();
        total += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    g_seconds[name] = total / static_cast<double>(state.iterations());
}

void storybank_story_pdf(benchmark::State& state) {
    store::Store& store = corpus(1);
    std::string pdf = story_document(store, service::ExportFormat::Pdf);
    if (!pdf.starts_with("%PDF") || pdf.size() < 2 * 100000) {
        state.SkipWithError("the story PDF does not hold its photos");
        return;
    }
    timed(state, "story", [&] { benchmark::DoNotOptimize(story_document(store, service::ExportFormat::Pdf)); });
    state.counters["pdf_kb"] = static_cast<double>(pdf.size()) / 1024;
}

void libreoffice_story_docx_to_pdf(benchmark::State& state) {
    store::Store& store = corpus(1);
    fs::path work = fs::temp_directory_path() / "storybank-render-bench-libreoffice";
    fs::create_directories(work);
    fs::path docx = work / "story.docx";
    std::ofstream(docx, std::ios::binary) << story_document(store, service::ExportFormat::Docx);
    if (!libreoffice_to_pdf(docx, work)) {
        state.SkipWithError("soffice is missing or could not convert the story");
        return;
    }
    timed(state, "story-reference", [&] { benchmark::DoNotOptimize(libreoffice_to_pdf(docx, work)); });
}

void storybank_booklet_pdf(benchmark::State& state) {
    store::Store& store = corpus(100);
    std::string pdf = booklet_document(store, service::BookletFormat::Pdf);
    if (!pdf.starts_with("%PDF") || pdf.size() < 100 * 2 * 100000) {
        state.SkipWithError("the booklet does not hold every story's photos");
        return;
    }
    timed(state, "booklet", [&] { benchmark::DoNotOptimize(booklet_document(store, service::BookletFormat::Pdf)); });
    state.counters["pdf_mb"] = static_cast<double>(pdf.size()) / 1024 / 1024;
}

void libreoffice_booklet_docx_to_pdf(benchmark::State& state) {
    store::Store& store = corpus(100);
    fs::path work = fs::temp_directory_path() / "storybank-render-bench-libreoffice";
    fs::create_directories(work);
    fs::path docx = work / "booklet.docx";
    std::ofstream(docx, std::ios::binary) << booklet_document(store, service::BookletFormat::Docx);
    timed(state, "booklet-reference", [&] {
        if (!libreoffice_to_pdf(docx, work)) {
            state.SkipWithError("soffice is missing or could not convert the booklet");
        }
    });
}

/// The storybank command compiling 1,000 stories (2,000 photos) into one PDF: its peak memory. Measured by
/// /usr/bin/time, not by wait4() here: Linux carries a process's peak over exec, so a child spawned from this
/// (by then large) benchmark would report this process's peak, not its own.
void storybank_booklet_1000_memory(benchmark::State& state) {
    corpus(1000);
    fs::path dir = fs::temp_directory_path() / "storybank-render-bench-1000";
    fs::path pdf = fs::temp_directory_path() / "storybank-render-bench-1000.pdf";
    fs::path peak_file = fs::temp_directory_path() / "storybank-render-bench-1000.peak";
    bench::ChildOutcome outcome;
    timed(state, "booklet-1000", [&] {
        outcome = bench::run_quietly({"/usr/bin/time", "-f", "%M", "-o", peak_file.string(), STORYBANK_DEFAULT_BINARY,
                                      "--data", dir.string(), "booklet", "--title", "Rapport aux bailleurs",
                                      "--with-personal-data", "-o", pdf.string()});
    });
    if (outcome.exit_status != 0 || !fs::exists(pdf)) {
        state.SkipWithError("storybank booklet failed on 1,000 stories (or /usr/bin/time is missing)");
        return;
    }
    double peak_mb = std::stod(read_file(peak_file)) / 1024;
    state.counters["peak_mb"] = peak_mb;
    state.counters["pdf_mb"] = static_cast<double>(fs::file_size(pdf)) / 1024 / 1024;
    g_seconds["booklet-1000-peak-mb"] = peak_mb;
    fs::remove(pdf);
    fs::remove(peak_file);
}

BENCHMARK(storybank_story_pdf)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(libreoffice_story_docx_to_pdf)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(storybank_booklet_pdf)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(libreoffice_booklet_docx_to_pdf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(storybank_booklet_1000_memory)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    auto ratio = [](const char* name, const char* reference, double goal) {
        if (g_seconds.count(name) == 0 || g_seconds.count(reference) == 0) {
            return;
        }
        double speedup = g_seconds[reference] / g_seconds[name];
        std::printf("%-12s storybank %.3f s, LibreOffice %.3f s: %.1fx faster (goal >= %.0fx) %s\n", name,
                    g_seconds[name], g_seconds[reference], speedup, goal, speedup >= goal ? "OK" : "MISSED");
    };
    ratio("story", "story-reference", 20);
    ratio("booklet", "booklet-reference", 10);
    if (g_seconds.count("booklet-1000-peak-mb") != 0) {
        double peak = g_seconds["booklet-1000-peak-mb"];
        std::printf("1,000-story booklet: %.1f s, peak %.0f MB (goal <= 200 MB) %s\n", g_seconds["booklet-1000"], peak,
                    peak <= 200 ? "OK" : "MISSED");
    }
    return 0;
}
