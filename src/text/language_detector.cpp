#include "text/language_detector.hpp"

#include <libexttextcat/textcat.h>

#include <memory>
#include <mutex>

namespace storybank::text {
namespace {

constexpr const char* kFingerprintConfig = "/usr/share/libexttextcat/fpdb.conf";
constexpr const char* kFingerprintDirectory = "/usr/share/libexttextcat/";
// Enough text to classify reliably, and a bound on the time spent: the first few kilobytes decide.
constexpr std::size_t kMaxSampleBytes = 4096;
constexpr std::size_t kMinSampleBytes = 40;

struct Classifier {
    void* handle = nullptr;
    std::mutex mutex;
    ~Classifier() {
        if (handle != nullptr) {
            textcat_Done(handle);
        }
    }
};

Classifier& classifier() {
    static Classifier instance;
    static std::once_flag once;
    std::call_once(once, [] { instance.handle = special_textcat_Init(kFingerprintConfig, kFingerprintDirectory); });
    return instance;
}

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
    Classifier& instance = classifier();
    if (instance.handle == nullptr) {
        return {};
    }
    std::string result;
    {
        std::lock_guard lock(instance.mutex);
        const char* answer = textcat_Classify(instance.handle, sample.data(), sample.size());
        result = answer == nullptr ? "" : answer;
    }
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
