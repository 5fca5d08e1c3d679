// Text parse throughput: a story file (bytes) → core::Story with its problems, through the whole reader
// (decoding, label finding, value parsing, quotes, language detection). Reported as stories/s and bytes/s on
// the seed story and on generated stories of about 5 KB, beside pandoc turning the seed into plain text. Goal:
// ≥ 2,000 stories/s on one core.
#include "core/error.hpp"
#include "service/story_service.hpp"
#include "service/template_catalog.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace {

std::string source_dir() {
    const char* root = std::getenv("STORYBANK_SOURCE_DIR");
    return root != nullptr ? root : STORYBANK_DEFAULT_SOURCE_DIR;
}

std::string seed_story() {
    std::ifstream in(source_dir() + "/tests/data/think-peace-mali.txt", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const char* const kWords[] = {
    "les",         "femmes",      "du",       "village",      "ont",       "créé",      "une",
    "coopérative", "pour",        "la",       "paix",         "et",        "le",        "dialogue",
    "entre",       "communautés", "éleveurs", "agriculteurs", "jeunes",    "formation", "médiation",
    "conflit",     "sécurité",    "école",    "santé",        "puits",     "récolte",   "marché",
    "autorités",   "réseau",      "atelier",  "plaidoyer",    "confiance",
};

std::string paragraph(std::mt19937& random, int words) {
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
    std::string out = "Depuis";
    for (int i = 0; i < words; ++i) {
        out += ' ';
        out += kWords[pick(random)];
    }
    return out + ".";
}

std::string generated_story(int number) {
    std::mt19937 random(static_cast<unsigned>(number));
    std::string out = "FORMAT DE COLLECTE DES HISTOIRES DE VIE (SUCCESS STORIES)\n\n1. SOMMAIRE\n\n";
    out += "Nom et fonction de l'auteur :\tAwa TRAORÉ Chargée de suivi-évaluation\n";
    out += "Contact de l'auteur :\t76 12 34 56 awa.traore@exemple.org\n";
    out += "Membre du Consortium :\tFondation pour la Paix au Sahel\n";
    out += "Nom de l'ONG partenaire :\tAssociation Benkadi\n";
    out += "Localité :\tSégou, Mali\n\n2. DESCRIPTION DU CAS\n\n";
    out += "Titre : Histoire numéro " + std::to_string(number) + "\n\n";
    for (const char* label : {"Introduction – question/problème clé à traiter", "Description de la solution",
                              "Changement apporté", "Leçons apprises"}) {
        out += std::string(label) + "\n\n";
        for (int i = 0; i < 3; ++i) {
            out += paragraph(random, 60) + "\n\n";
        }
    }
    out +=
        "« Nous avons appris à nous parler » **Fatoumata DIALLO**, présidente des femmes.\n\nPhotos\n\nLa "
        "coopérative\n";
    return out;
}

void parse_files(benchmark::State& state,
                 const std::vector<std::string>& files,
                 const std::string& name = "story.txt") {
    static const storybank::service::TemplateCatalog kCatalog = storybank::service::TemplateCatalog::load();
    // Check the result before timing: a fast wrong answer must not pass.
    storybank::core::Story check = storybank::service::parse_story_file({name, files.front()}, kCatalog, "");
    if (check.find("title") == nullptr || check.find("author") == nullptr || check.find("quotes") == nullptr) {
        state.SkipWithError("the reader did not find the expected fields");
        return;
    }
    std::size_t bytes = 0;
    std::size_t index = 0;
    for (auto _ : state) {
        const std::string& file = files[index++ % files.size()];
        auto story = storybank::service::parse_story_file({name, file}, kCatalog, "");
        benchmark::DoNotOptimize(story);
        bytes += file.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["stories_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void ParseSeedStory(benchmark::State& state) {
    parse_files(state, {seed_story()});
}

void ParseGeneratedStories(benchmark::State& state) {
    std::vector<std::string> files;
    for (int i = 0; i < 64; ++i) {
        files.push_back(generated_story(i));
    }
    state.counters["average_bytes"] = static_cast<double>(files.front().size());
    parse_files(state, files);
}

/// The reference: what a user runs today just to get the text out of a story file, pandoc, on the same seed.
/// It does far less (no fields, no phones, no language) and is still the yardstick for "fast enough".
void PandocReference(benchmark::State& state) {
    if (std::system("pandoc --version > /dev/null 2>&1") != 0) {
        state.SkipWithError("pandoc is not installed: no reference figure");
        return;
    }
    std::filesystem::path file = std::filesystem::temp_directory_path() / "storybank-parse-bench-seed.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << seed_story();
    }
    std::string command = "pandoc -f markdown -t plain '" + file.string() + "' -o /dev/null";
    for (auto _ : state) {
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("pandoc failed on the seed story");
            break;
        }
    }
    state.counters["stories_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    std::filesystem::remove(file);
}

std::vector<std::filesystem::path> word_files() {
    std::vector<std::filesystem::path> files;
    for (const char* name :
         {"seed-as-word.docx", "seed-libreoffice.docx", "seed-pandoc.docx", "english-word-kaya.docx"}) {
        files.push_back(std::filesystem::path(source_dir()) / "tests/golden/parse" / name);
    }
    return files;
}

/// Word stories (made by Word-style OOXML, LibreOffice and pandoc): text, emphasis, tables and fields, photos
/// left undecoded (photo processing has its own benchmark).
void ParseWordStories(benchmark::State& state) {
    std::vector<std::string> files;
    for (const auto& path : word_files()) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        files.push_back(buffer.str());
    }
    parse_files(state, files, "story.docx");
}

/// The reference for Word files: pandoc's Markdown of the same files, what a user runs just to get the text out.
void PandocWordReference(benchmark::State& state) {
    if (std::system("pandoc --version > /dev/null 2>&1") != 0) {
        state.SkipWithError("pandoc is not installed: no reference figure");
        return;
    }
    auto files = word_files();
    std::size_t index = 0;
    for (auto _ : state) {
        std::string command = "pandoc -t markdown '" + files[index++ % files.size()].string() + "' -o /dev/null";
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("pandoc failed on a Word story");
            break;
        }
    }
    state.counters["stories_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(ParseSeedStory)->Unit(benchmark::kMicrosecond);
BENCHMARK(ParseGeneratedStories)->Unit(benchmark::kMicrosecond);
BENCHMARK(PandocReference)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();
BENCHMARK(ParseWordStories)->Unit(benchmark::kMicrosecond);
BENCHMARK(PandocWordReference)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();
BENCHMARK_MAIN();
