#include "text/language_detector.hpp"

#include <libexttextcat/textcat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace storybank::text {
namespace {

constexpr const char* kFingerprintDirectory = "/usr/share/libexttextcat/";
// The languages stories are written in across West and Central Africa, and those they are most often confused
// with. Comparing against all 164 fingerprints made language detection most of the parse time; 20 are enough.
constexpr const char* kFingerprints =
    "fr.lm fr--utf8\nen.lm en--utf8\nar.lm ar--utf8\npt.lm pt--utf8\nes.lm es--utf8\nde.lm de--utf8\n"
    "it.lm it--utf8\nnl.lm nl--utf8\nbm.lm bm--utf8\nha-NG.lm ha-NG-utf8\nmos.lm mos--utf8\nln.lm ln--utf8\n"
    "sw.lm sw--utf8\nrw.lm rw--utf8\nsg.lm sg--utf8\nso.lm so--utf8\nam.lm am--utf8\nti.lm ti--utf8\n"
    "yo.lm yo--utf8\nee.lm ee--utf8\nak.lm ak--utf8\n";
// Enough text to classify reliably, and a bound on the time spent: the first few kilobytes decide.
constexpr std::size_t kMaxSampleBytes = 1024;
constexpr std::size_t kMinSampleBytes = 40;

/// One classifier per thread: a textcat handle is not safe to share, and a lock would serialise parallel imports.
struct Classifier {
    void* handle = nullptr;
    Classifier() {
        // libexttextcat only reads its language list from a file, so the list is written to a private one.
        std::ostringstream name;
        name << "storybank-textcat-" << ::getpid() << '-' << std::this_thread::get_id() << ".conf";
        std::filesystem::path path = std::filesystem::temp_directory_path() / name.str();
        {
            std::ofstream out(path);
            out << kFingerprints;
        }
        handle = special_textcat_Init(path.c_str(), kFingerprintDirectory);
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
    ~Classifier() {
        if (handle != nullptr) {
            textcat_Done(handle);
        }
    }
    Classifier(const Classifier&) = delete;
    Classifier& operator=(const Classifier&) = delete;
};

}  // namespace

std::string detect_language(std::string_view text) {
    if (text.size() < kMinSampleBytes) {
        return {};
    }
    std::string sample(text.substr(0, kMaxSampleBytes));
    // Do not cut a UTF-8 sequence in half.
    while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) {
        sample.pop_back();
    }
    if (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0x80) != 0) {
        sample.pop_back();
    }
    thread_local Classifier classifier;
    if (classifier.handle == nullptr) {
        return {};
    }
    const char* answer = textcat_Classify(classifier.handle, sample.data(), sample.size());
    std::string result = answer == nullptr ? "" : answer;
    // The answer looks like "[fr--utf8]" or "[en--utf8][sco--utf8]"; the first is the best.
    if (result.size() < 3 || result.front() != '[') {
        return {};
    }
    std::size_t end = result.find_first_of("-]", 1);
    if (end == std::string::npos) {
        return {};
    }
    std::string code = result.substr(1, end - 1);
    return code;
}

}  // namespace storybank::text
