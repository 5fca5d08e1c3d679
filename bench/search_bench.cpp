// Store::search next to a raw FTS5 query on the same rows (CONVENTIONS.md §8.9). See bench/README.md.
//
// The data: N synthetic French-like stories of about 5 KB (seeded, Zipf-distributed words: a few hundred real
// French words with accents plus pseudo-words). It is generated once per size into
// $TMPDIR/storybank-search-bench-<N>/ and reused by later runs (delete the folder to regenerate).
// The raw reference is the only code outside src/store/sqlite that includes sqlite3.h: it is the baseline the
// store is measured against, so it has to talk to SQLite directly.
#include "core/error.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using storybank::store::SaveRequest;
using storybank::store::SearchQuery;
using storybank::store::sqlite::SqliteStore;

constexpr std::uint32_t kSeed = 20261129;
constexpr int kPseudoWordCount = 4000;
constexpr int kResultLimit = 20;
constexpr int kRounds = 5;  // each query is timed this many times

const char* const kFrenchWords[] = {
    "de",
    "la",
    "le",
    "et",
    "les",
    "des",
    "en",
    "du",
    "un",
    "une",
    "à",
    "pour",
    "dans",
    "par",
    "sur",
    "au",
    "avec",
    "que",
    "qui",
    "est",
    "sont",
    "ont",
    "été",
    "a",
    "ce",
    "cette",
    "ces",
    "leur",
    "leurs",
    "nous",
    "ils",
    "elles",
    "plus",
    "comme",
    "mais",
    "aussi",
    "entre",
    "après",
    "avant",
    "depuis",
    "grâce",
    "sans",
    "très",
    "tous",
    "toutes",
    "femmes",
    "hommes",
    "enfants",
    "jeunes",
    "filles",
    "garçons",
    "famille",
    "familles",
    "village",
    "villages",
    "communauté",
    "communautés",
    "région",
    "cercle",
    "commune",
    "quartier",
    "école",
    "écoles",
    "élèves",
    "maître",
    "santé",
    "centre",
    "maternité",
    "sage-femme",
    "vaccination",
    "nutrition",
    "malnutrition",
    "eau",
    "puits",
    "forage",
    "hygiène",
    "assainissement",
    "latrines",
    "récolte",
    "récoltes",
    "semences",
    "mil",
    "sorgho",
    "riz",
    "maïs",
    "arachide",
    "coton",
    "élevage",
    "bétail",
    "pâturage",
    "marché",
    "marchés",
    "commerce",
    "revenus",
    "épargne",
    "crédit",
    "tontine",
    "coopérative",
    "groupement",
    "association",
    "réseau",
    "comité",
    "gestion",
    "formation",
    "formations",
    "atelier",
    "ateliers",
    "sensibilisation",
    "plaidoyer",
    "dialogue",
    "médiation",
    "réconciliation",
    "paix",
    "sécurité",
    "conflit",
    "conflits",
    "violence",
    "violences",
    "extrémisme",
    "violent",
    "radicalisation",
    "prévention",
    "cohésion",
    "sociale",
    "tolérance",
    "confiance",
    "autorités",
    "chefs",
    "traditionnels",
    "religieux",
    "imams",
    "leaders",
    "maire",
    "préfet",
    "gouverneur",
    "État",
    "justice",
    "droits",
    "citoyenneté",
    "élections",
    "gouvernance",
    "participation",
    "décision",
    "changement",
    "changements",
    "résultat",
    "résultats",
    "impact",
    "succès",
    "leçons",
    "apprises",
    "difficultés",
    "défis",
    "solution",
    "solutions",
    "problème",
    "problèmes",
    "crise",
    "déplacés",
    "réfugiés",
    "retour",
    "accueil",
    "terre",
    "terres",
    "foncier",
    "agriculteurs",
    "éleveurs",
    "transhumance",
    "pêcheurs",
    "fleuve",
    "Niger",
    "Mali",
    "Bamako",
    "Gao",
    "Mopti",
    "Tombouctou",
    "Ségou",
    "Kidal",
    "Ménaka",
    "Niamey",
    "Tillabéri",
    "Ouagadougou",
    "Dori",
    "Burkina",
    "Sahel",
    "projet",
    "programme",
    "activités",
    "partenaires",
    "ONG",
    "consortium",
    "bailleurs",
    "financement",
    "appui",
    "soutien",
    "accompagnement",
    "suivi",
    "évaluation",
    "rapport",
    "témoignage",
    "histoire",
    "vie",
    "année",
    "années",
    "mois",
    "jour",
    "aujourd'hui",
    "maintenant",
    "ensemble",
    "nouveau",
    "nouvelle",
    "première",
    "grande",
    "petite",
    "important",
    "importante",
    "possible",
    "difficile",
    "meilleure",
    "beaucoup",
    "peu",
    "chaque",
    "autre",
    "autres",
    "même",
    "travail",
    "emploi",
    "apprentissage",
    "couture",
    "couturière",
    "artisanat",
    "savon",
    "transformation",
    "karité",
    "jardin",
    "maraîchage",
    "légumes",
    "oignons",
    "radio",
    "émission",
    "théâtre",
    "sport",
    "football",
    "jeunesse",
    "volontaires",
    "bénévoles",
    "mobilisation",
    "rencontre",
    "réunion",
    "assemblée",
    "discussion",
    "écoute",
    "parole",
    "voix",
    "vérité",
    "respect",
    "dignité",
    "espoir",
    "avenir",
};

/// Two-word queries over mid-frequency words, the kind a reviewer types; every one matches at both sizes.
const char* const kQueries[] = {
    "femmes paix",       "école enfants",        "santé maternité",
    "récolte semences",  "conflit médiation",    "jeunes formation",
    "eau puits",         "violence prévention",  "marché revenus",
    "comité gestion",    "réconciliation chefs", "élevage pâturage",
    "sécurité dialogue", "coopérative épargne",  "radio sensibilisation",
    "déplacés retour",   "leaders religieux",    "couture apprentissage",
    "cohésion sociale",  "autorités confiance",
};

/// Samples word indexes with a Zipf distribution (s = 1): the first words are very common, most are rare.
class ZipfSampler {
public:
    explicit ZipfSampler(std::size_t count) {
        double total = 0;
        for (std::size_t rank = 1; rank <= count; ++rank) {
            total += 1.0 / static_cast<double>(rank);
            m_cumulative.push_back(total);
        }
        for (double& value : m_cumulative) {
            value /= total;
        }
    }
    std::size_t operator()(std::mt19937& random) {
        double draw = std::uniform_real_distribution<double>(0.0, 1.0)(random);
        return static_cast<std::size_t>(std::lower_bound(m_cumulative.begin(), m_cumulative.end(), draw) -
                                        m_cumulative.begin());
    }

private:  // data
    std::vector<double> m_cumulative;
};

class TextGenerator {
public:
    TextGenerator() : m_random(kSeed), m_sampler(std::size(kFrenchWords) + kPseudoWordCount) {
        m_words.assign(std::begin(kFrenchWords), std::end(kFrenchWords));
        // Real words are shuffled into the Zipf ranks among pseudo-words, so frequent words are not only
        // function words.
        const char* syllables[] = {"ba", "ko", "ri", "ma", "dou", "sé", "ni", "ga", "tè", "lo", "fa", "ké", "zou"};
        std::uniform_int_distribution<std::size_t> syllable(0, std::size(syllables) - 1);
        std::uniform_int_distribution<int> length(2, 4);
        for (int index = 0; index < kPseudoWordCount; ++index) {
            std::string word;
            for (int part = length(m_random); part > 0; --part) {
                word += syllables[syllable(m_random)];
            }
            m_words.push_back(word);
        }
        std::shuffle(m_words.begin() + 40, m_words.end(), m_random);  // keep the 40 function words most common
    }

    std::string sentence_run(int word_count) {
        std::string text;
        bool capitalise = true;
        for (int index = 0; index < word_count; ++index) {
            std::string word = m_words[m_sampler(m_random)];
            if (capitalise && !word.empty() && word[0] >= 'a' && word[0] <= 'z') {
                word[0] = static_cast<char>(word[0] - 'a' + 'A');
            }
            text += capitalise || index == 0 ? "" : " ";
            if (capitalise && index != 0) {
                text += " ";
            }
            text += word;
            capitalise = std::uniform_int_distribution<int>(0, 11)(m_random) == 0;
            if (capitalise) {
                text += ".";
            }
        }
        return text + ".";
    }

    SaveRequest story(int number) {
        SaveRequest request;
        std::string title = sentence_run(8);
        std::string summary = sentence_run(60);
        std::string body = sentence_run(650);
        std::string quotes = sentence_run(40);
        request.story.template_id = "success-story";
        request.story.language = "fr";
        request.story.set("title", title);
        request.story.set("introduction", summary);
        request.story.set("solution", body);
        request.story.set("quotes", storybank::core::QuoteList{{quotes, "Aissata KANE", "présidente"}});
        request.index.title = title;
        request.index.country = number % 3 == 0 ? "NE" : "ML";
        request.index.partner_ngo = number % 2 == 0 ? "Think Peace" : "Réseau Paix et Sécurité des Femmes";
        request.index.year = 2018 + number % 8;
        request.index.search_title = title;
        request.index.search_summary = summary;
        request.index.search_body = body;
        request.index.search_quotes = quotes;
        request.author = "bench";
        return request;
    }

private:  // data
    std::mt19937 m_random;
    ZipfSampler m_sampler;
    std::vector<std::string> m_words;
};

void check(int result, sqlite3* database, const char* what) {
    if (result != SQLITE_OK && result != SQLITE_DONE && result != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(database));
    }
}

/// The raw FTS5 reference: the same four columns, plain unicode61 without stemming, no other tables.
class Reference {
public:
    explicit Reference(const std::filesystem::path& file) {
        check(sqlite3_open(file.c_str(), &m_database), m_database, "open reference");
        check(sqlite3_exec(m_database,
                           "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           "CREATE VIRTUAL TABLE IF NOT EXISTS ref USING fts5(title, summary, body, quotes, "
                           "tokenize = \"unicode61 remove_diacritics 2\")",
                           nullptr, nullptr, nullptr),
              m_database, "create reference");
        check(sqlite3_prepare_v2(m_database,
                                 "SELECT rowid, bm25(ref, 10.0, 3.0, 1.0, 2.0) AS score, "
                                 "snippet(ref, -1, '[', ']', '…', 16) FROM ref WHERE ref MATCH ? "
                                 "ORDER BY score LIMIT 20",
                                 -1, &m_query, nullptr),
              m_database, "prepare reference query");
    }
    ~Reference() {
        sqlite3_finalize(m_query);
        sqlite3_close(m_database);
    }
    Reference(const Reference&) = delete;
    Reference& operator=(const Reference&) = delete;

    void load(const std::vector<SaveRequest>& stories, std::int64_t first_rowid) {
        sqlite3_stmt* insert = nullptr;
        check(sqlite3_exec(m_database, "BEGIN", nullptr, nullptr, nullptr), m_database, "begin");
        check(sqlite3_prepare_v2(m_database, "INSERT INTO ref (rowid, title, summary, body, quotes) VALUES (?,?,?,?,?)",
                                 -1, &insert, nullptr),
              m_database, "prepare insert");
        std::int64_t rowid = first_rowid;
        for (const auto& story : stories) {
            sqlite3_bind_int64(insert, 1, rowid++);
            const std::string* columns[] = {&story.index.search_title, &story.index.search_summary,
                                            &story.index.search_body, &story.index.search_quotes};
            for (int column = 0; column < 4; ++column) {
                sqlite3_bind_text(insert, column + 2, columns[column]->c_str(),
                                  static_cast<int>(columns[column]->size()), SQLITE_STATIC);
            }
            check(sqlite3_step(insert), m_database, "insert");
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        check(sqlite3_exec(m_database, "COMMIT", nullptr, nullptr, nullptr), m_database, "commit");
    }

    /// Runs a query to the end; returns the number of rows.
    int search(const std::string& text) {
        sqlite3_bind_text(m_query, 1, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        int rows = 0;
        int result = SQLITE_OK;
        while ((result = sqlite3_step(m_query)) == SQLITE_ROW) {
            benchmark::DoNotOptimize(sqlite3_column_text(m_query, 2));
            ++rows;
        }
        check(result, m_database, "reference query");
        sqlite3_reset(m_query);
        return rows;
    }

private:  // data
    sqlite3* m_database = nullptr;
    sqlite3_stmt* m_query = nullptr;
};

/// The store and the reference for one size, generated on first use and kept in the temp folder.
struct Dataset {
    std::unique_ptr<SqliteStore> store;
    std::unique_ptr<Reference> reference;
};

Dataset& dataset(int size) {
    static std::map<int, Dataset> datasets;
    auto found = datasets.find(size);
    if (found != datasets.end()) {
        return found->second;
    }
    std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("storybank-search-bench-" + std::to_string(size));
    std::filesystem::path complete = folder / "complete";
    if (!std::filesystem::exists(complete)) {
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
        auto started = std::chrono::steady_clock::now();
        auto store = SqliteStore::open(folder / "store");
        Reference reference(folder / "reference.sqlite3");
        TextGenerator generator;
        constexpr int kBatch = 1000;
        double reference_seconds = 0;
        for (int first = 0; first < size; first += kBatch) {
            std::vector<SaveRequest> batch;
            for (int number = first; number < std::min(size, first + kBatch); ++number) {
                batch.push_back(generator.story(number));
            }
            std::int64_t first_id = 0;
            for (const auto& request : batch) {
                std::int64_t id = store->create_story(request);
                first_id = first_id == 0 ? id : first_id;
            }
            auto reference_started = std::chrono::steady_clock::now();
            reference.load(batch, first_id);
            reference_seconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - reference_started).count();
        }
        double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "loaded %d stories in %.1f s (of which raw FTS5 reference %.1f s) into %s\n", size, total,
                     reference_seconds, folder.c_str());
        std::ofstream(complete) << size << "\n";
    } else {
        std::fprintf(stderr, "reusing %d stories from %s\n", size, folder.c_str());
    }
    Dataset& loaded = datasets[size];
    loaded.store = SqliteStore::open(folder / "store");
    loaded.reference = std::make_unique<Reference>(folder / "reference.sqlite3");
    return loaded;
}

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    auto index = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

std::map<std::pair<std::string, int>, double> g_p99;  // (benchmark, size) → p99 ms, for the ratio at the end

template <typename Search>
void time_queries(benchmark::State& state, const char* name, Search&& search_once) {
    int size = static_cast<int>(state.range(0));
    // Verify before timing: every query must find something, or the figures would time empty work.
    for (const char* query : kQueries) {
        if (search_once(query) == 0) {
            state.SkipWithError((std::string("no result for '") + query + "'").c_str());
            return;
        }
    }
    std::vector<double> latencies;
    for (auto _ : state) {
        for (int round = 0; round < kRounds; ++round) {
            for (const char* query : kQueries) {
                auto started = std::chrono::steady_clock::now();
                benchmark::DoNotOptimize(search_once(query));
                latencies.push_back(
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
            }
        }
    }
    state.counters["p50_ms"] = percentile(latencies, 0.50);
    state.counters["p99_ms"] = percentile(latencies, 0.99);
    state.counters["queries"] = static_cast<double>(latencies.size());
    g_p99[{name, size}] = percentile(latencies, 0.99);
}

void store_search(benchmark::State& state) {
    Dataset& data = dataset(static_cast<int>(state.range(0)));
    time_queries(state, "store", [&](const char* text) {
        SearchQuery query;
        query.text = text;
        query.limit = kResultLimit;
        return static_cast<int>(data.store->search(query).hits.size());
    });
}

void raw_fts5_reference(benchmark::State& state) {
    Dataset& data = dataset(static_cast<int>(state.range(0)));
    time_queries(state, "reference", [&](const char* text) { return data.reference->search(text); });
}

// One iteration = every query kRounds times; the counters are per query.
BENCHMARK(raw_fts5_reference)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(store_search)->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const storybank::Error& error) {
        std::fprintf(stderr, "search_bench: %s (%s)\n", error.public_message().c_str(), error.detail().c_str());
        return 1;
    }
    benchmark::Shutdown();
    for (int size : {10'000, 100'000}) {
        auto store = g_p99.find({"store", size});
        auto reference = g_p99.find({"reference", size});
        if (store == g_p99.end() || reference == g_p99.end()) {
            continue;
        }
        double ratio = store->second / reference->second;
        std::printf(
            "size %d: Store::search p99 %.1f ms, raw FTS5 p99 %.1f ms, ratio %.2f (goals: p99 <= 50 ms at "
            "100k, ratio <= 1.3): %s\n",
            size, store->second, reference->second, ratio,
            ratio <= 1.3 && (size < 100'000 || store->second <= 50.0) ? "met" : "NOT met");
    }
    return 0;
}
