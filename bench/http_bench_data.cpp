// Makes the data folder of the HTTP load benchmark (bench/http_load_bench.sh): COUNT stories of about 2 KB written
// through the Store, the first one published so that anyone may read it. Prints the published story's id.
//
//   http_bench_data DATA_DIR COUNT
//
// Stories are generated from a seeded RNG, so two runs make the same folder. Each create_story is its own
// transaction, as in production; the folder is meant to be made once and reused (the script caches it).
#include "core/story_index.hpp"
#include "core/workflow.hpp"
#include "service/template_catalog.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <vector>

namespace {

using storybank::core::Contact;
using storybank::core::Person;
using storybank::core::Place;
using storybank::core::QuoteList;

const std::vector<std::string> kWords = {
    "village",    "femmes",   "paix",      "école",     "dialogue",    "jeunes",       "médiation",
    "conflit",    "eau",      "puits",     "marché",    "formation",   "leaders",      "radio",
    "réseau",     "Ségou",    "Mopti",     "Gao",       "éleveurs",    "cultivateurs", "association",
    "santé",      "sécurité", "confiance", "autorités", "coutumières", "atelier",      "sensibilisation",
    "extrémisme", "violence", "cohésion",  "sociale",   "projet",      "changement"};

std::string words(std::mt19937& random, int count) {
    std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
    std::string text;
    for (int index = 0; index < count; ++index) {
        text += (index == 0 ? "" : " ") + kWords[pick(random)];
    }
    return text + ".";
}

storybank::store::SaveRequest story(std::mt19937& random,
                                    int number,
                                    const storybank::service::TemplateCatalog& templates) {
    storybank::store::SaveRequest request;
    auto& story = request.story;
    story.template_id = "success-story";
    story.language = "fr";
    story.set("author", Person{"Awa TRAORÉ", "animatrice"});
    story.set("contact", Contact{{"+22376" + std::to_string(100000 + number % 900000)}, {"awa@example.org"}});
    story.set("partner_ngo", number % 2 == 0 ? "Think Peace" : "Réseau Paix et Sécurité des Femmes");
    story.set("consortium_member", "Human Security Collective (HSC)");
    story.set("locality", Place{"Ségou", "ML", "Ségou, Mali"});
    story.set("title", "Histoire " + std::to_string(number) + " : " + words(random, 6));
    story.set("introduction", words(random, 60));
    story.set("solution", words(random, 120));
    story.set("change", words(random, 80));
    story.set("lessons", words(random, 40));
    story.set("quotes", QuoteList{{words(random, 15), "Aissata KANE", "présidente"}});
    request.index = storybank::core::make_index_entry(story, templates.get(story.template_id));
    request.author = "bench";
    request.note = "generated";
    return request;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: http_bench_data DATA_DIR COUNT\n");
        return 2;
    }
    try {
        const int count = std::stoi(argv[2]);
        auto templates = storybank::service::TemplateCatalog::load();
        auto store = storybank::store::sqlite::SqliteStore::open(argv[1]);
        std::mt19937 random(20261129);
        auto started = std::chrono::steady_clock::now();
        std::int64_t first = 0;
        for (int number = 0; number < count; ++number) {
            std::int64_t id = store->create_story(story(random, number, templates));
            first = first == 0 ? id : first;
        }
        storybank::store::AuditEntry audit;
        audit.at = "2026-11-29T10:00:00Z";
        audit.actor = "bench";
        audit.action = "story.transition";
        audit.target_type = "story";
        audit.target_id = std::to_string(first);
        store->set_status(first, storybank::core::WorkflowState::Published, audit);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "wrote %d stories in %.1f s into %s; story %lld published\n", count, seconds, argv[1],
                     static_cast<long long>(first));
        std::printf("%lld\n", static_cast<long long>(first));
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "http_bench_data: %s\n", error.what());
        return 1;
    }
}
