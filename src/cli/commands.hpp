#pragma once

#include "cli/options.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace storybank::cli {

struct ParseArguments {
    std::string file;
    std::string template_id;
    std::string media_dir;
    bool compact = false;
};

struct ImportArguments {
    std::vector<std::string> files;  ///< files, or folders whose story files are imported
    std::string template_id;
    bool recursive = false;
    std::string report;  ///< JSON report path; empty: none
    int jobs = 0;        ///< 0: one per core
};

struct FilterArguments {
    std::string country;
    std::string partner;
    std::string member;
    std::string template_id;
    std::string language;
    int year = 0;
    std::string tag;
    std::string status;
};

struct ListArguments {
    FilterArguments filter;
    int limit = 50;
    std::int64_t after = 0;
    bool json = false;
};

struct ShowArguments {
    std::int64_t id = 0;
    int revision = 0;
    std::string format = "json";
    std::string output;
};

struct SearchArguments {
    std::string query;
    FilterArguments filter;
    int limit = 20;
    bool json = false;
};

/// Which stories a booklet or a data export takes (service::StorySelection).
struct SelectionArguments {
    std::vector<std::int64_t> ids;
    std::string query;
    FilterArguments filter;
};

struct ExportArguments {
    std::int64_t id = 0;
    int revision = 0;
    std::string format;
    std::string output;
    std::string paper = "a4";
    bool public_profile = false;  ///< leave out personal data and what has no consent
};

struct BookletArguments {
    SelectionArguments selection;
    std::string title;
    std::string consortium;
    std::string period;
    std::string format;  ///< pdf or docx; empty: from the output's extension
    std::string output;
    std::string paper = "a4";
    bool with_personal_data = false;
};

struct ExportDataArguments {
    SelectionArguments selection;
    std::string format;
    std::string output;
    bool excel_fr = false;
    bool public_profile = false;
};

struct AdminArguments {
    std::string email;
    std::string name;
    std::string password_file;
    std::string organisation;  ///< the lead; empty: the existing lead, or a new one
};

struct OrganisationArguments {
    std::string name;
    std::string kind;
    std::vector<std::string> works_with;
};

struct UserArguments {
    std::string email;
    std::string organisation;
    std::string role;
    std::string name;
    std::string password_file;
};

struct InviteArguments {
    std::string email;
    std::string organisation;
    std::string role;
    int days = 7;
    std::string base_url;
};

struct TokenArguments {
    std::string user;
    std::string name;
    std::vector<std::string> scopes;
};

struct MoveArguments {
    std::int64_t id = 0;
    std::string to;
    std::string reason;
};

struct WebhookArguments {
    std::string url;
    std::vector<std::string> events;  ///< from --events a,b
    std::int64_t id = 0;              ///< for disable; for deliveries: one webhook's, 0 for all
    bool failed = false;              ///< deliveries: only those given up
    int limit = 50;
};

struct AuditArguments {
    int limit = 50;
    bool json = false;
};

int run_parse(const GlobalOptions& options, const ParseArguments& arguments);
int run_import(const GlobalOptions& options, const ImportArguments& arguments);
int run_list(const GlobalOptions& options, const ListArguments& arguments);
int run_show(const GlobalOptions& options, const ShowArguments& arguments);
int run_history(const GlobalOptions& options, std::int64_t id);
int run_move(const GlobalOptions& options, const MoveArguments& arguments);
int run_search(const GlobalOptions& options, const SearchArguments& arguments);
int run_export(const GlobalOptions& options, const ExportArguments& arguments);
int run_booklet(const GlobalOptions& options, const BookletArguments& arguments);
int run_export_data(const GlobalOptions& options, const ExportDataArguments& arguments);
int run_serve(const GlobalOptions& options, const ServeOptions& serve);
int run_templates(const GlobalOptions& options);
int run_template_show(const GlobalOptions& options, const std::string& id);
int run_config_show(const GlobalOptions& options, const ServeOptions& serve);
int run_admin_create(const GlobalOptions& options, const AdminArguments& arguments);
int run_org_add(const GlobalOptions& options, const OrganisationArguments& arguments);
int run_org_list(const GlobalOptions& options);
int run_user_add(const GlobalOptions& options, const UserArguments& arguments);
int run_user_list(const GlobalOptions& options, const std::string& organisation);
int run_user_invite(const GlobalOptions& options, const InviteArguments& arguments);
int run_user_disable(const GlobalOptions& options, const std::string& email);
int run_token_create(const GlobalOptions& options, const TokenArguments& arguments);
int run_token_list(const GlobalOptions& options, const std::string& user);
int run_token_revoke(const GlobalOptions& options, std::int64_t id);
int run_audit(const GlobalOptions& options, const AuditArguments& arguments);
int run_webhook_add(const GlobalOptions& options, const WebhookArguments& arguments);
int run_webhook_list(const GlobalOptions& options);
int run_webhook_disable(const GlobalOptions& options, std::int64_t id);
int run_webhook_deliveries(const GlobalOptions& options, const WebhookArguments& arguments);

}  // namespace storybank::cli
