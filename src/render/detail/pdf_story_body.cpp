#include "render/detail/pdf_story_body.hpp"

#include "render/french_typography.hpp"

#include <glib.h>

#include <algorithm>

namespace storybank::render::detail {

TextStyle part_style() {
    return TextStyle{.family = "Noto Sans Bold",
                     .size = 8.5,
                     .colour = style::kAccent,
                     .align = Align::Left,
                     .line_spacing = 1.0,
                     .space_before = 16,
                     .space_after = 6};
}

namespace {

TextStyle body_style() {
    return TextStyle{.family = "Noto Serif",
                     .size = 10.5,
                     .colour = style::kInk,
                     .align = Align::Justify,
                     .line_spacing = 1.32,
                     .space_after = 7};
}

TextStyle heading_style() {
    return TextStyle{.family = "Noto Sans Bold",
                     .size = 12.5,
                     .colour = style::kHeading,
                     .align = Align::Left,
                     .line_spacing = 1.1,
                     .space_before = 14,
                     .space_after = 6};
}

std::string runs_markup(const RichParagraph& paragraph, std::string_view language) {
    std::string out;
    for (const auto& run : paragraph.runs) {
        out += run.italic ? "<i>" : "";
        out += run.bold ? "<b>" : "";
        out += markup_escape(printed(run.text, language));
        out += run.bold ? "</b>" : "";
        out += run.italic ? "</i>" : "";
    }
    return out;
}

/// A heading kept with what follows: it moves to the next page unless a few lines fit under it.
void heading(PdfCanvas& canvas, std::string_view markup, const TextStyle& style) {
    double height = canvas.measure(markup, style, canvas.content_width());
    canvas.space(style.space_before);
    canvas.ensure_space(height + style.space_after + 48);
    TextStyle placed = style;
    placed.space_before = 0;
    canvas.text_block(markup, placed);
}

void summary_table(PdfCanvas& canvas, const StoryLayout& story) {
    TextStyle label{
        .family = "Noto Sans Bold", .size = 8.5, .colour = style::kHeading, .align = Align::Left, .line_spacing = 1.15};
    TextStyle value = label;
    value.family = "Noto Sans";
    value.size = 9.5;
    value.colour = style::kInk;
    const double padding = 5.5;
    const double label_width = canvas.content_width() * 0.34;
    const double value_width = canvas.content_width() - label_width;
    const double x = canvas.left();
    for (std::size_t row = 0; row < story.summary.size(); ++row) {
        std::string label_markup = markup_escape(printed(story.summary[row].label, story.language));
        std::string value_markup = markup_escape(printed(story.summary[row].value, story.story_language));
        double height = std::max(canvas.measure(label_markup, label, label_width - 2 * padding),
                                 canvas.measure(value_markup, value, value_width - 2 * padding)) +
                        2 * padding;
        if (canvas.space_left() < height) {
            canvas.line(x, canvas.cursor(), x + canvas.content_width(), canvas.cursor(), 0.8, style::kHeading);
            canvas.new_page();
        }
        double y = canvas.cursor();
        canvas.fill_rectangle(x, y, label_width, height, style::kLabelShade);
        canvas.line(x, y, x + canvas.content_width(), y, row == 0 ? 0.8 : 0.4,
                    row == 0 ? style::kHeading : style::kRule);
        canvas.text_at(label_markup, label, x + padding, y + padding, label_width - 2 * padding);
        canvas.text_at(value_markup, value, x + label_width + padding, y + padding, value_width - 2 * padding);
        canvas.set_cursor(y + height);
    }
    if (!story.summary.empty()) {
        canvas.line(x, canvas.cursor(), x + canvas.content_width(), canvas.cursor(), 0.8, style::kHeading);
        canvas.space(8);
    }
}

void quotes(PdfCanvas& canvas, const StoryLayout& story) {
    if (story.quotes.empty()) {
        return;
    }
    heading(canvas, markup_escape(printed(story.quotes_heading, story.language)), heading_style());
    TextStyle quote = body_style();
    quote.size = 11.5;
    quote.align = Align::Left;
    quote.indent_left = 22;
    quote.indent_right = 18;
    quote.bar = true;
    quote.bar_colour = style::kAccent;
    quote.space_before = 4;
    quote.space_after = 2;
    quote.line_spacing = 1.28;
    TextStyle attribution = quote;
    attribution.family = "Noto Sans";
    attribution.size = 8.5;
    attribution.colour = style::kMuted;
    attribution.bar = false;
    attribution.space_before = 0;
    attribution.space_after = 12;
    for (const auto& item : story.quotes) {
        std::string text = printed("\u00AB " + item.text + " \u00BB", story.story_language);
        canvas.ensure_space(canvas.measure("<i>" + markup_escape(text) + "</i>", quote, canvas.content_width() - 40) +
                            24);
        canvas.text_block("<i>" + markup_escape(text) + "</i>", quote);
        std::string who = "\u2014 <b>" + markup_escape(item.speaker) + "</b>";
        if (!item.role.empty()) {
            who += ", " + markup_escape(printed(item.role, story.story_language));
        }
        canvas.text_block(who, attribution);
    }
}

void photos(PdfCanvas& canvas, const StoryLayout& story, const DocumentLabels& labels, const PhotoBytes& photo_bytes) {
    if (story.photos.empty()) {
        return;
    }
    heading(canvas, markup_escape(printed(story.photos_heading, story.language)), heading_style());
    TextStyle caption{.family = "Noto Sans Italic",
                      .size = 8.5,
                      .colour = style::kMuted,
                      .align = Align::Left,
                      .line_spacing = 1.2,
                      .space_before = 4,
                      .space_after = 14};
    const double max_height = 300;
    for (const auto& photo : story.photos) {
        std::optional<std::string> bytes;
        if (photo.attachment && photo.attachment->media_type == "image/jpeg" && photo.attachment->width > 0 &&
            photo_bytes) {
            // Measuring needs only the photo's size: the store keeps a story's photos with it, so the bytes are
            // fetched once, for the page that prints them.
            bytes = canvas.drawing() ? photo_bytes(*photo.attachment) : std::optional<std::string>(std::string());
        }
        std::string caption_markup = markup_escape(printed(photo.caption, story.story_language));
        if (!bytes) {
            std::string missing = markup_escape(printed(labels.photo_missing, story.language));
            if (!caption_markup.empty()) {
                missing.insert(0, caption_markup + "  ");
            }
            canvas.text_block(missing, caption);
            continue;
        }
        // Small pictures are not blown up past one point per pixel (72 dpi), where they would turn to mush.
        double width = std::min(canvas.content_width(), static_cast<double>(photo.attachment->width));
        double height = width * photo.attachment->height / photo.attachment->width;
        if (height > max_height) {
            height = max_height;
            width = height * photo.attachment->width / photo.attachment->height;
        }
        double caption_height = canvas.measure(caption_markup, caption, canvas.content_width());
        canvas.ensure_space(height + caption_height + caption.space_before + 4);
        double x = canvas.left() + (canvas.content_width() - width) / 2;
        canvas.jpeg(*bytes, *photo.attachment, x, canvas.cursor(), width, height);
        canvas.set_cursor(canvas.cursor() + height);
        TextStyle placed = caption;
        placed.align = Align::Centre;
        canvas.text_block(caption_markup, placed);
    }
}

}  // namespace

std::string printed(std::string_view text, std::string_view language) {
    return language == "fr" ? french_typography(text) : std::string(text);
}

std::string capitals(std::string_view text) {
    gchar* upper = g_utf8_strup(text.data(), static_cast<gssize>(text.size()));
    std::string out(upper);
    g_free(upper);
    return out;
}

void print_story(PdfCanvas& canvas,
                 const StoryLayout& story,
                 const DocumentLabels& labels,
                 const PhotoBytes& photo_bytes) {
    std::string kicker = story.kicker;
    for (const std::string* part : {&story.partner, &story.locality}) {
        if (!part->empty()) {
            kicker += "  \u00B7  " + *part;
        }
    }
    TextStyle kicker_style = part_style();
    kicker_style.space_before = 0;
    kicker_style.space_after = 8;
    canvas.text_block("<span letter_spacing=\"1200\">" + markup_escape(capitals(kicker)) + "</span>", kicker_style);

    TextStyle title{.family = "Noto Serif Bold",
                    .size = 21,
                    .colour = style::kHeading,
                    .align = Align::Left,
                    .line_spacing = 1.12,
                    .space_after = 10};
    canvas.text_block(markup_escape(printed(story.title, story.story_language)), title);
    canvas.fill_rectangle(canvas.left(), canvas.cursor(), 44, 2.5, style::kAccent);
    canvas.set_cursor(canvas.cursor() + 16);

    if (story.omitted) {
        TextStyle note{.family = "Noto Sans Italic",
                       .size = 8.5,
                       .colour = style::kMuted,
                       .align = Align::Left,
                       .line_spacing = 1.2,
                       .indent_left = 8,
                       .indent_right = 8,
                       .space_after = 12,
                       .shaded = true};
        canvas.text_block(markup_escape(printed(labels.omitted_note, story.language)), note);
    }

    if (!story.summary.empty()) {
        TextStyle part = part_style();
        part.space_before = 0;
        canvas.text_block("<span letter_spacing=\"1200\">" +
                              markup_escape(capitals(printed(story.summary_heading, story.language))) + "</span>",
                          part);
        summary_table(canvas, story);
    }
    if (!story.case_heading.empty() && !story.sections.empty()) {
        heading(canvas,
                "<span letter_spacing=\"1200\">" +
                    markup_escape(capitals(printed(story.case_heading, story.language))) + "</span>",
                part_style());
    }

    TextStyle body = body_style();
    TextStyle item = body;
    item.indent_left = 14;
    item.first_line_indent = -10;
    item.align = Align::Left;
    item.space_after = 3;
    TextStyle inner_quote = body;
    inner_quote.indent_left = 22;
    inner_quote.bar = true;
    for (const auto& section : story.sections) {
        heading(canvas, markup_escape(printed(section.heading, story.language)), heading_style());
        for (const auto& paragraph : section.paragraphs) {
            std::string markup = runs_markup(paragraph, story.story_language);
            switch (paragraph.kind) {
                case BlockKind::ListItem:
                    canvas.text_block("\u2022\u2002" + markup, item);
                    break;
                case BlockKind::Quote:
                    canvas.text_block("<i>" + markup + "</i>", inner_quote);
                    break;
                case BlockKind::Heading:
                    canvas.text_block("<b>" + markup + "</b>", body);
                    break;
                case BlockKind::Paragraph:
                    canvas.text_block(markup, body);
                    break;
            }
        }
    }
    quotes(canvas, story);
    photos(canvas, story, labels, photo_bytes);
}

}  // namespace storybank::render::detail
