#pragma once

#include "core/problem.hpp"
#include "core/story.hpp"
#include "core/template.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storybank::ingest {

/// Problems found while parsing one field's value are appended here, already naming the field.
using ProblemSink = std::vector<core::Problem>;

/// "Abdoul Kassim FOMBA Coordonnateur National Think Peace", "Awa Traoré, chargée de suivi",
/// "Awa Traoré – Chargée de suivi", or name and function on two lines.
core::Person parse_person(std::string_view value, const std::string& field, ProblemSink& problems);

/// Phones (E.164, read with the region of `region_hint`) and e-mails in free text.
core::Contact parse_contact(std::string_view value,
                            std::string_view region_hint,
                            const std::string& field,
                            ProblemSink& problems);

/// "Bamako en République du Mali" → {Bamako, ML, text as written}.
core::Place parse_place(std::string_view value,
                        std::string_view language,
                        const std::string& field,
                        ProblemSink& problems);

/// "12/03/2024", "2024-03-12", "mars 2024", "March 2024", "2024" → ISO 8601 ("2024-03-12", "2024-03", "2024").
/// Keeps the text as written, with a warning, when it is not a date.
std::string parse_date(std::string_view value, const std::string& field, ProblemSink& problems);

/// The key of the choice whose label or alias the value names, else the value with a warning.
std::string parse_choice(std::string_view value, const core::FieldDefinition& field, ProblemSink& problems);

/// Testimonies in rich text: « … », “ … ” or "…" followed by **Name**, role / — Name, role / (Name, role).
/// The text itself is not changed.
std::vector<core::Quote> find_quotes(std::string_view rich_text);

/// Emphasis markers around a whole short value removed: "*TITRE*" → "TITRE".
std::string strip_enclosing_emphasis(std::string_view value);

}  // namespace storybank::ingest
