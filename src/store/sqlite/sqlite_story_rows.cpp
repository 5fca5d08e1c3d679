#include "store/sqlite/sqlite_story_rows.hpp"

#include "store/sqlite/sqlite_database.hpp"
#include "text/unicode_text.hpp"

#include <algorithm>

namespace storybank::store::sqlite::detail {
namespace {

/// Separates tag keys in the group_concat() of kSummaryColumns; tags are tidied text without control bytes.
constexpr char kTagSeparator = '\x1F';

void add_condition(FilterSql& filter, std::string_view condition) {
    if (!filter.condition.empty()) {
        filter.condition += " AND ";
    }
    filter.condition += condition;
}

std::string upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& character : out) {
        if (character >= 'a' && character <= 'z') {
            character = static_cast<char>(character - 'a' + 'A');
        }
    }
    return out;
}

std::string placeholders(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += i == 0 ? "?" : ", ?";
    }
    return out;
}

/// (grant OR grant …), each grant "state IN (…) AND (organisation condition)"; no grant lets nothing through.
void add_visibility(FilterSql& sql, const std::vector<VisibilityGrant>& grants) {
    std::string condition;
    for (const auto& grant : grants) {
        if (grant.states.empty() ||
            (!grant.any_organisation && grant.partner_ids.empty() && grant.member_ids.empty())) {
            continue;
        }
        std::string part = "s.status IN (" + placeholders(grant.states.size()) + ")";
        for (auto state : grant.states) {
            sql.values.emplace_back(std::string(core::workflow_state_name(state)));
        }
        if (!grant.any_organisation) {
            std::string organisations;
            if (!grant.partner_ids.empty()) {
                organisations = "s.partner_org_id IN (" + placeholders(grant.partner_ids.size()) + ")";
                for (auto id : grant.partner_ids) {
                    sql.values.emplace_back(id);
                }
            }
            if (!grant.member_ids.empty()) {
                organisations += (organisations.empty() ? "" : " OR ");
                organisations += "s.member_org_id IN (" + placeholders(grant.member_ids.size()) + ")";
                for (auto id : grant.member_ids) {
                    sql.values.emplace_back(id);
                }
            }
            part += " AND (" + organisations + ")";
        }
        condition += (condition.empty() ? "(" : " OR (") + part + ")";
    }
    add_condition(sql, condition.empty() ? "0" : "(" + condition + ")");
}

}  // namespace

const char* const kSummaryColumns =
    "s.id, s.template_id, s.status, s.current_revision, s.title, s.author, s.language, s.country, s.locality, "
    "coalesce(partner.name, ''), coalesce(member.name, ''), s.year, s.created_at, s.updated_at, s.error_count, "
    "s.warning_count, (SELECT group_concat(t.key, char(31)) FROM story_tags st JOIN tags t ON t.id = st.tag_id "
    "WHERE st.story_id = s.id), coalesce(s.partner_org_id, 0), coalesce(s.member_org_id, 0)";

const char* const kSummaryFrom =
    "FROM stories s LEFT JOIN organisations partner ON partner.id = s.partner_org_id "
    "LEFT JOIN organisations member ON member.id = s.member_org_id";

StorySummary read_summary(const Statement& statement) {
    StorySummary summary;
    summary.id = statement.column_int64(0);
    summary.template_id = statement.column_text(1);
    summary.status = core::parse_workflow_state(statement.column_text(2)).value_or(core::WorkflowState::Draft);
    summary.current_revision = statement.column_int(3);
    summary.title = statement.column_text(4);
    summary.author = statement.column_text(5);
    summary.language = statement.column_text(6);
    summary.country = statement.column_text(7);
    summary.locality = statement.column_text(8);
    summary.partner_ngo = statement.column_text(9);
    summary.consortium_member = statement.column_text(10);
    summary.year = statement.column_int(11);
    summary.created_at = statement.column_text(12);
    summary.updated_at = statement.column_text(13);
    summary.error_count = statement.column_int(14);
    summary.warning_count = statement.column_int(15);
    std::string tags = statement.column_text(16);
    std::size_t start = 0;
    while (start < tags.size()) {
        std::size_t end = std::min(tags.find(kTagSeparator, start), tags.size());
        summary.tags.push_back(tags.substr(start, end - start));
        start = end + 1;
    }
    std::sort(summary.tags.begin(), summary.tags.end());
    summary.partner_id = statement.column_int64(17);
    summary.member_id = statement.column_int64(18);
    return summary;
}

FilterSql filter_sql(const StoryFilter& filter) {
    FilterSql sql;
    if (!filter.country.empty()) {
        add_condition(sql, "s.country = ?");
        sql.values.emplace_back(upper_ascii(filter.country));
    }
    if (!filter.partner_ngo.empty()) {
        add_condition(sql, "s.partner_org_id = (SELECT id FROM organisations WHERE name_key = ?)");
        sql.values.emplace_back(text::fold_for_matching(filter.partner_ngo));
    }
    if (!filter.consortium_member.empty()) {
        add_condition(sql, "s.member_org_id = (SELECT id FROM organisations WHERE name_key = ?)");
        sql.values.emplace_back(text::fold_for_matching(filter.consortium_member));
    }
    if (!filter.template_id.empty()) {
        add_condition(sql, "s.template_id = ?");
        sql.values.emplace_back(filter.template_id);
    }
    if (!filter.language.empty()) {
        add_condition(sql, "s.language = ?");
        sql.values.emplace_back(filter.language);
    }
    if (filter.year != 0) {
        // A story without a date counts in the year it was created.
        add_condition(sql,
                      "(CASE WHEN s.year <> 0 THEN s.year ELSE CAST(substr(s.created_at, 1, 4) AS INTEGER) END) = ?");
        sql.values.emplace_back(std::int64_t{filter.year});
    }
    if (!filter.tag.empty()) {
        add_condition(sql,
                      "EXISTS (SELECT 1 FROM story_tags st JOIN tags t ON t.id = st.tag_id "
                      "WHERE st.story_id = s.id AND t.key = ?)");
        sql.values.emplace_back(text::tidy_spaces(text::normalize_nfc(filter.tag)));
    }
    if (filter.status) {
        add_condition(sql, "s.status = ?");
        sql.values.emplace_back(std::string(core::workflow_state_name(*filter.status)));
    }
    if (filter.visible_to) {
        add_visibility(sql, *filter.visible_to);
    }
    return sql;
}

int bind_filter(Statement& statement, int first_index, const FilterSql& filter) {
    int index = first_index;
    for (const auto& value : filter.values) {
        std::visit([&](const auto& bound) { statement.bind(index, bound); }, value);
        ++index;
    }
    return index;
}

}  // namespace storybank::store::sqlite::detail
