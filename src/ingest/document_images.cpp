#include "ingest/document_images.hpp"

namespace storybank::ingest {
namespace {

constexpr std::size_t kMaxShownTarget = 120;

DocumentLine image_line(std::string image, std::string alt_text, std::string location) {
    DocumentLine line;
    line.kind = DocumentLine::Kind::Image;
    line.image = std::move(image);
    line.alt_text = std::move(alt_text);
    line.location = std::move(location);
    return line;
}

std::string shown(std::string_view target) {
    if (target.size() <= kMaxShownTarget) {
        return std::string(target);
    }
    std::size_t cut = kMaxShownTarget;
    while (cut > 0 && (static_cast<unsigned char>(target[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return std::string(target.substr(0, cut)) + "…";
}

}  // namespace

DocumentLine DocumentImages::embedded(std::string_view part_name, std::string alt_text, std::string location) {
    std::optional<std::string> stored = m_archive.find(part_name);
    if (!stored) {
        return missing(part_name, std::move(alt_text), std::move(location));
    }
    if (m_read.insert(*stored).second) {
        m_document.images.push_back({*stored, m_archive.read(*stored)});
    }
    return image_line(*stored, std::move(alt_text), std::move(location));
}

DocumentLine DocumentImages::linked(std::string_view target, std::string alt_text, std::string location) {
    m_document.problems.push_back(
        {"", core::Severity::Warning, "image-not-embedded", {{"target", shown(target)}}, location});
    return image_line("", std::move(alt_text), std::move(location));
}

DocumentLine DocumentImages::missing(std::string_view reference, std::string alt_text, std::string location) {
    m_document.problems.push_back(
        {"", core::Severity::Warning, "image-missing", {{"name", shown(reference)}}, location});
    return image_line("", std::move(alt_text), std::move(location));
}

}  // namespace storybank::ingest
