#include "ingest/photo_captions.hpp"

#include <algorithm>
#include <optional>

namespace storybank::ingest {
namespace {

using Kind = DocumentLine::Kind;

std::optional<std::size_t> next_non_blank(const std::vector<DocumentLine>& lines, std::size_t from) {
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (lines[i].kind != Kind::Blank) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> previous_non_blank(const std::vector<DocumentLine>& lines, std::size_t before) {
    for (std::size_t i = before; i-- > 0;) {
        if (lines[i].kind != Kind::Blank) {
            return i;
        }
    }
    return std::nullopt;
}

bool is_uncaptioned_image(const DocumentLine& line) {
    return line.kind == Kind::Image && line.text.empty();
}

/// A maximal sequence of pictures that may take captions, or of paragraphs.
struct Run {
    PhotoCandidate::Kind kind;
    std::size_t begin;
    std::size_t end;
    std::size_t size() const { return end - begin; }
};

bool pairable(const PhotoCandidate& candidate) {
    return candidate.kind == PhotoCandidate::Kind::Paragraph || (candidate.text.empty() && candidate.in_photos_field);
}

}  // namespace

void attach_styled_captions(std::vector<DocumentLine>& lines) {
    std::vector<bool> used(lines.size(), false);
    auto free_caption = [&](std::optional<std::size_t> at) {
        return at && lines[*at].kind == Kind::Caption && !used[*at] && !lines[*at].text.empty();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_uncaptioned_image(lines[i])) {
            continue;
        }
        std::optional<std::size_t> after = next_non_blank(lines, i + 1);
        std::optional<std::size_t> before = previous_non_blank(lines, i);
        std::optional<std::size_t> chosen;
        if (free_caption(after)) {
            chosen = after;
            // "caption, picture, caption, picture": the caption after this picture belongs to the next one.
            std::optional<std::size_t> beyond = next_non_blank(lines, *after + 1);
            if (free_caption(before) && beyond && is_uncaptioned_image(lines[*beyond])) {
                chosen = before;
            }
        } else if (free_caption(before)) {
            chosen = before;
        }
        if (chosen) {
            lines[i].text = lines[*chosen].text;
            used[*chosen] = true;
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!used[i]) {
            if (kept != i) {
                lines[kept] = std::move(lines[i]);
            }
            ++kept;
        }
    }
    lines.resize(kept);
}

std::vector<PairedPhoto> pair_photo_captions(const std::vector<PhotoCandidate>& candidates) {
    using CandidateKind = PhotoCandidate::Kind;
    // Runs of pairable candidates; a picture that cannot take a caption stands alone and breaks runs.
    std::vector<Run> runs;
    std::size_t paragraphs = 0;
    std::size_t pictures = 0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const PhotoCandidate& candidate = candidates[i];
        if (!pairable(candidate)) {
            runs.push_back({CandidateKind::Image, i, i});  // empty: takes nothing
            continue;
        }
        (candidate.kind == CandidateKind::Paragraph ? paragraphs : pictures) += 1;
        if (!runs.empty() && runs.back().kind == candidate.kind && runs.back().end == i && runs.back().size() > 0) {
            runs.back().end = i + 1;
        } else {
            runs.push_back({candidate.kind, i, i + 1});
        }
    }
    auto is_pictures = [](const Run& run) { return run.kind == CandidateKind::Image && run.size() > 0; };
    auto is_paragraphs = [](const Run& run) { return run.kind == CandidateKind::Paragraph; };

    bool captions_before = false;
    if (paragraphs > 0 && paragraphs == pictures) {
        auto first =
            std::find_if(runs.begin(), runs.end(), [&](const Run& r) { return is_pictures(r) || is_paragraphs(r); });
        auto last =
            std::find_if(runs.rbegin(), runs.rend(), [&](const Run& r) { return is_pictures(r) || is_paragraphs(r); });
        captions_before = first != runs.end() && is_paragraphs(*first) && is_pictures(*last);
    }

    std::vector<std::optional<std::size_t>> caption_of(candidates.size());
    std::vector<bool> used(candidates.size(), false);
    auto pair_in_order = [&](const Run& pictures_run, const Run& paragraphs_run, bool align_to_end) {
        std::vector<std::size_t> free;
        for (std::size_t p = paragraphs_run.begin; p < paragraphs_run.end; ++p) {
            if (!used[p]) {
                free.push_back(p);
            }
        }
        std::size_t count = std::min(free.size(), pictures_run.size());
        std::size_t offset = align_to_end ? free.size() - count : 0;
        for (std::size_t k = 0; k < count; ++k) {
            caption_of[pictures_run.begin + k] = free[offset + k];
            used[free[offset + k]] = true;
        }
    };
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (!is_pictures(runs[r])) {
            continue;
        }
        const bool paragraphs_after = r + 1 < runs.size() && is_paragraphs(runs[r + 1]);
        const bool paragraphs_before = r > 0 && is_paragraphs(runs[r - 1]);
        if (captions_before) {
            if (paragraphs_before) {
                pair_in_order(runs[r], runs[r - 1], false);
            }
        } else if (paragraphs_after) {
            pair_in_order(runs[r], runs[r + 1], false);
        } else if (paragraphs_before) {
            pair_in_order(runs[r], runs[r - 1], true);
        }
    }

    std::vector<PairedPhoto> photos;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const PhotoCandidate& candidate = candidates[i];
        if (candidate.kind == CandidateKind::Paragraph) {
            if (!used[i]) {
                photos.push_back({candidate.text, "", candidate.location});
            }
            continue;
        }
        std::string caption = candidate.text;
        if (caption.empty() && caption_of[i]) {
            caption = candidates[*caption_of[i]].text;
        }
        if (caption.empty()) {
            caption = candidate.alt_text;
        }
        photos.push_back({caption, candidate.image, candidate.location});
    }
    return photos;
}

}  // namespace storybank::ingest
