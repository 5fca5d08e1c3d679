#include "cli/commands.hpp"
#include "core/error.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>

namespace storybank::cli {
namespace {

CLI::Option* add_setting(CLI::App& app, std::string_view name, std::string& value) {
    const OptionSpec& spec = option_spec(name);
    value = std::string(spec.default_value);
    return app.add_option(std::string(spec.flag), value, std::string(spec.description))
        ->envname(std::string(spec.environment))
        ->capture_default_str();
}

CLI::Option* add_setting(CLI::App& app, std::string_view name, int& value) {
    const OptionSpec& spec = option_spec(name);
    value = std::stoi(std::string(spec.default_value));
    return app.add_option(std::string(spec.flag), value, std::string(spec.description))
        ->envname(std::string(spec.environment))
        ->capture_default_str();
}

void add_filters(CLI::App& command, FilterArguments& filter) {
    command.add_option("--country", filter.country, "Only stories from this country (ISO code, e.g. ML)");
    command.add_option("--partner", filter.partner, "Only stories of this partner NGO");
    command.add_option("--member", filter.member, "Only stories of this consortium member");
    command.add_option("--template", filter.template_id, "Only stories in this template");
    command.add_option("--language", filter.language, "Only stories written in this language (fr, en, …)");
    command.add_option("--year", filter.year, "Only stories of this year");
    command.add_option("--tag", filter.tag, "Only stories with this tag");
    command.add_option("--status", filter.status, "Only stories in this state (draft, submitted, approved, …)");
}

void add_selection(CLI::App& command, SelectionArguments& selection) {
    add_filters(command, selection.filter);
    command.add_option("--query", selection.query, "Only stories matching this full-text search, best first");
    command.add_option("--id", selection.ids, "These stories, in this order (repeat, or 3,8,12)")
        ->delimiter(',')
        ->check(CLI::PositiveNumber);
}

int run(int argc, char** argv) {
    CLI::App app{
        "storybank — collect, review, search and publish the success stories of an NGO consortium.\n"
        "Stories are kept in a data folder (one SQLite file); every save is a new revision.",
        "storybank"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "storybank 0.1.0");

    GlobalOptions options;
    std::string data_dir;
    std::string templates_dir;
    add_setting(app, "data", data_dir);
    add_setting(app, "lang", options.language)->check(CLI::IsMember({"fr", "en", "test"}));
    add_setting(app, "templates", templates_dir);
    add_setting(app, "photo-max-edge", options.photo_max_edge)->check(CLI::Range(64, 16384));
    add_setting(app, "photo-max-mb", options.photo_max_mb)->check(CLI::Range(1, 1024));
    add_setting(app, "password-hashes", options.password_hashes)->check(CLI::Range(1, 64));
    ServeOptions serve;

    std::function<int()> command;

    ParseArguments parse;
    auto* parse_command =
        app.add_subcommand("parse", "Read a story file and print its canonical JSON (nothing is stored)");
    parse_command->add_option("file", parse.file, "The story: .txt, .md, .docx, .odt or .pdf")->required();
    parse_command->add_option("--template", parse.template_id, "Template of the story (default: success-story)");
    parse_command->add_option("--media-dir", parse.media_dir,
                              "Write the story's processed photos here as <sha256>.<ext>");
    parse_command->add_flag("--compact", parse.compact, "One line of JSON instead of indented");
    parse_command->callback([&] { command = [&] { return run_parse(options, parse); }; });

    ImportArguments import;
    auto* import_command =
        app.add_subcommand("import", "Store story files as drafts; a file imported before is not added again");
    import_command->add_option("files", import.files, "Story files (.txt, .md, .docx, .odt, .pdf), or folders")
        ->required();
    import_command->add_option("--template", import.template_id, "Template of the stories (default: success-story)");
    import_command->add_flag("-r,--recursive", import.recursive,
                             "Also import the story files in the folders' sub-folders");
    import_command->add_option("--report", import.report, "Write what happened to each file to this JSON file");
    add_setting(*import_command, "jobs", import.jobs)->check(CLI::Range(0, 64));
    import_command->callback([&] { command = [&] { return run_import(options, import); }; });

    ListArguments list;
    auto* list_command = app.add_subcommand("list", "List stored stories: id, status, title, partner, place");
    add_filters(*list_command, list.filter);
    list_command->add_option("--limit", list.limit, "At most this many")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    list_command->add_option("--after", list.after, "Only stories with a greater id (paging)");
    list_command->add_flag("--json", list.json, "Print JSON");
    list_command->callback([&] { command = [&] { return run_list(options, list); }; });

    ShowArguments show;
    auto* show_command = app.add_subcommand("show", "Print a story (its current revision, or --revision N)");
    show_command->add_option("id", show.id, "Story id")->required()->check(CLI::PositiveNumber);
    show_command->add_option("--revision", show.revision, "Revision number (default: the current one)");
    show_command->add_option("--format", show.format, "json, md or html")->capture_default_str();
    show_command->callback([&] { command = [&] { return run_show(options, show); }; });

    std::int64_t history_id = 0;
    auto* history_command = app.add_subcommand("history", "List a story's revisions: number, date, author, note");
    history_command->add_option("id", history_id, "Story id")->required()->check(CLI::PositiveNumber);
    history_command->callback([&] { command = [&] { return run_history(options, history_id); }; });

    MoveArguments move_arguments;
    auto* move_command = app.add_subcommand(
        "move", "Move a story along the workflow (draft, submitted, changes_requested, approved, published, archived)");
    move_command->add_option("id", move_arguments.id, "Story id")->required()->check(CLI::PositiveNumber);
    move_command->add_option("--to", move_arguments.to, "The state to move it to")->required();
    move_command->add_option("--reason", move_arguments.reason,
                             "Why: required to ask for changes, to archive and to withdraw a published story");
    move_command->callback([&] { command = [&] { return run_move(options, move_arguments); }; });

    SearchArguments search;
    auto* search_command = app.add_subcommand(
        "search", "Full-text search, accents and word endings ignored: words, \"phrases\", OR, -excluded");
    search_command->add_option("query", search.query, "What to look for")->required();
    add_filters(*search_command, search.filter);
    search_command->add_option("--limit", search.limit, "At most this many results")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    search_command->add_flag("--json", search.json, "Print JSON");
    search_command->callback([&] { command = [&] { return run_search(options, search); }; });

    ExportArguments export_arguments;
    auto* export_command = app.add_subcommand(
        "export", "Write a story as pdf, docx, md, html or json (personal data included unless --public)");
    export_command->add_option("id", export_arguments.id, "Story id")->required()->check(CLI::PositiveNumber);
    export_command->add_option("--format", export_arguments.format, "pdf, docx, md, html or json")->required();
    export_command->add_option("--revision", export_arguments.revision, "Revision number (default: the current one)");
    export_command->add_option("-o,--output", export_arguments.output, "File to write (default: standard output)");
    export_command->add_option("--paper", export_arguments.paper, "Paper of pdf and docx: a4 or letter")
        ->capture_default_str();
    export_command->add_flag("--public", export_arguments.public_profile,
                             "As for the public: no contact details or personal fields, no testimony or photo "
                             "without consent");
    export_command->callback([&] { command = [&] { return run_export(options, export_arguments); }; });

    BookletArguments booklet;
    auto* booklet_command = app.add_subcommand(
        "booklet",
        "Compile stories into a donor booklet (PDF: cover, contents, chapters, index; or DOCX), public by default");
    add_selection(*booklet_command, booklet.selection);
    booklet_command->add_option("--title", booklet.title, "Title on the cover")->required();
    booklet_command->add_option("--consortium", booklet.consortium,
                                "Consortium on the cover (default: the member most stories name)");
    booklet_command->add_option("--period", booklet.period, "Period on the cover (default: the stories' years)");
    booklet_command->add_option("-o,--output", booklet.output, "File to write: .pdf or .docx")->required();
    booklet_command->add_option("--format", booklet.format, "pdf or docx (default: from the file's extension)");
    booklet_command->add_option("--paper", booklet.paper, "a4 or letter")->capture_default_str();
    booklet_command->add_flag("--with-personal-data", booklet.with_personal_data,
                              "Keep contact details, personal fields and testimonies and photos without consent "
                              "(for internal use only)");
    booklet_command->callback([&] { command = [&] { return run_booklet(options, booklet); }; });

    ExportDataArguments export_data;
    auto* export_data_command = app.add_subcommand(
        "export-data", "Write stories as data: csv, xlsx, json or ndjson (one story at a time, any number)");
    add_selection(*export_data_command, export_data.selection);
    export_data_command->add_option("--format", export_data.format, "csv, xlsx, json or ndjson")->required();
    export_data_command->add_option("-o,--output", export_data.output, "File to write (default: standard output)");
    export_data_command->add_flag("--excel-fr", export_data.excel_fr,
                                  "CSV for a French Excel: semicolons and CRLF line ends");
    export_data_command->add_flag("--public", export_data.public_profile,
                                  "As for the public: no contact details or personal fields, no testimony or photo "
                                  "without consent");
    export_data_command->callback([&] { command = [&] { return run_export_data(options, export_data); }; });

    auto* serve_command =
        app.add_subcommand("serve", "Serve the stories over HTTP: JSON API under /api/v1 and web pages");
    add_setting(*serve_command, "host", serve.host);
    add_setting(*serve_command, "port", serve.port)->check(CLI::Range(0, 65535));
    add_setting(*serve_command, "threads", serve.threads)->check(CLI::Range(2, 1024));
    add_setting(*serve_command, "base-url", serve.base_url);
    add_setting(*serve_command, "webhook-private-addresses", serve.webhook_private_addresses)
        ->check(CLI::IsMember({"refuse", "allow"}));
    serve_command->callback([&] { command = [&] { return run_serve(options, serve); }; });

    auto* templates_command = app.add_subcommand("templates", "List the story templates");
    templates_command->callback([&] { command = [&] { return run_templates(options); }; });

    std::string template_id;
    auto* template_command = app.add_subcommand("template", "Work with one template");
    template_command->require_subcommand(1);
    auto* template_show = template_command->add_subcommand("show", "Print a template's JSON");
    template_show->add_option("id", template_id, "Template id")->required();
    template_show->callback([&] { command = [&] { return run_template_show(options, template_id); }; });

    auto* config_command = app.add_subcommand("config", "Show the configuration");
    config_command->require_subcommand(1);
    auto* config_show = config_command->add_subcommand("show", "Print every setting with its value");
    config_show->callback([&] { command = [&] { return run_config_show(options, serve); }; });

    AdminArguments admin;
    auto* admin_command = app.add_subcommand("admin", "Administrators of the consortium");
    admin_command->require_subcommand(1);
    auto* admin_create = admin_command->add_subcommand(
        "create", "Create an administrator: a coordinator of the lead organisation (made when missing)");
    admin_create->add_option("--email", admin.email, "E-mail address, used to log in")->required();
    admin_create->add_option("--name", admin.name, "Name shown to others")->required();
    admin_create->add_option("--password-file", admin.password_file,
                             "Read the password from this file's first line (default: type it twice)");
    admin_create->add_option("--org", admin.organisation,
                             "The lead organisation (default: the existing lead, or a new one called Consortium)");
    admin_create->callback([&] { command = [&] { return run_admin_create(options, admin); }; });

    auto* org_command = app.add_subcommand("org", "Organisations: the lead, members and partner NGOs");
    org_command->require_subcommand(1);
    OrganisationArguments organisation;
    auto* org_add = org_command->add_subcommand("add", "Add an organisation, or set its kind and partners");
    org_add->add_option("name", organisation.name, "Its name")->required();
    org_add->add_option("--kind", organisation.kind, "lead, member or partner")->required();
    org_add->add_option("--works-with", organisation.works_with,
                        "For a partner: a member it works with (repeat for several)");
    org_add->callback([&] { command = [&] { return run_org_add(options, organisation); }; });
    auto* org_list = org_command->add_subcommand("list", "List organisations: id, name, kind, who they work with");
    org_list->callback([&] { command = [&] { return run_org_list(options); }; });

    auto* user_command = app.add_subcommand("user", "Accounts and their role in an organisation");
    user_command->require_subcommand(1);
    UserArguments user;
    auto* user_add = user_command->add_subcommand("add", "Create an account with a role in an organisation");
    user_add->add_option("email", user.email, "E-mail address, used to log in")->required();
    user_add->add_option("--org", user.organisation, "The organisation")->required();
    user_add->add_option("--role", user.role, "contributor, reviewer, coordinator or viewer")->required();
    user_add->add_option("--name", user.name, "Name shown to others");
    user_add->add_option("--password-file", user.password_file,
                         "Read the password from this file's first line (default: type it twice)");
    user_add->callback([&] { command = [&] { return run_user_add(options, user); }; });
    std::string user_organisation;
    auto* user_list = user_command->add_subcommand("list", "List accounts: id, e-mail, name, roles");
    user_list->add_option("--org", user_organisation, "Only the accounts of this organisation");
    user_list->callback([&] { command = [&] { return run_user_list(options, user_organisation); }; });
    InviteArguments invite;
    auto* user_invite =
        user_command->add_subcommand("invite", "Print a one-time link with which someone creates their account");
    user_invite->add_option("email", invite.email, "Their e-mail address")->required();
    user_invite->add_option("--org", invite.organisation, "The organisation")->required();
    user_invite->add_option("--role", invite.role, "contributor, reviewer, coordinator or viewer")->required();
    user_invite->add_option("--days", invite.days, "Days the link stays valid")->capture_default_str();
    add_setting(*user_invite, "base-url", invite.base_url);
    user_invite->callback([&] { command = [&] { return run_user_invite(options, invite); }; });
    std::string disabled_email;
    auto* user_disable =
        user_command->add_subcommand("disable", "Disable an account; its sessions and API tokens end too");
    user_disable->add_option("email", disabled_email, "E-mail address")->required();
    user_disable->callback([&] { command = [&] { return run_user_disable(options, disabled_email); }; });

    auto* token_command = app.add_subcommand("token", "API tokens for integrations (KoboToolbox, scripts)");
    token_command->require_subcommand(1);
    TokenArguments token;
    auto* token_create = token_command->add_subcommand("create", "Create a token and print it (once)");
    token_create->add_option("--user", token.user, "The account whose rights the token carries")->required();
    token_create->add_option("--name", token.name, "What it is for")->required();
    token_create->add_option("--scope", token.scopes, "stories:read, stories:write or import (repeat for several)")
        ->required();
    token_create->callback([&] { command = [&] { return run_token_create(options, token); }; });
    std::string token_user;
    auto* token_list =
        token_command->add_subcommand("list", "List tokens: id, user, name, scopes, created, last used, revoked");
    token_list->add_option("--user", token_user, "Only this account's tokens");
    token_list->callback([&] { command = [&] { return run_token_list(options, token_user); }; });
    std::int64_t token_id = 0;
    auto* token_revoke = token_command->add_subcommand("revoke", "Revoke a token at once");
    token_revoke->add_option("id", token_id, "Token id (token list)")->required()->check(CLI::PositiveNumber);
    token_revoke->callback([&] { command = [&] { return run_token_revoke(options, token_id); }; });

    auto* webhook_command = app.add_subcommand("webhook", "Webhooks: tell other systems when stories change");
    webhook_command->require_subcommand(1);
    WebhookArguments webhook;
    auto* webhook_add =
        webhook_command->add_subcommand("add", "Subscribe a URL to story events and print its secret (once)");
    webhook_add->add_option("url", webhook.url, "The receiver's http:// or https:// address")->required();
    webhook_add
        ->add_option("--events", webhook.events, "story.created, story.updated, story.transitioned (comma-separated)")
        ->required()
        ->delimiter(',');
    webhook_add->callback([&] { command = [&] { return run_webhook_add(options, webhook); }; });
    auto* webhook_list =
        webhook_command->add_subcommand("list", "List webhooks: id, URL, events, created, disabled (never the secret)");
    webhook_list->callback([&] { command = [&] { return run_webhook_list(options); }; });
    auto* webhook_disable =
        webhook_command->add_subcommand("disable", "Stop a webhook; pending deliveries are dropped");
    webhook_disable->add_option("id", webhook.id, "Webhook id (webhook list)")->required()->check(CLI::PositiveNumber);
    webhook_disable->callback([&] { command = [&] { return run_webhook_disable(options, webhook.id); }; });
    auto* webhook_deliveries = webhook_command->add_subcommand(
        "deliveries", "The delivery log, newest first: id, webhook, event, state, attempts, last status, last error");
    webhook_deliveries->add_flag("--failed", webhook.failed, "Only deliveries given up after the last attempt");
    webhook_deliveries->add_option("--webhook", webhook.id, "Only this webhook's")->check(CLI::PositiveNumber);
    webhook_deliveries->add_option("--limit", webhook.limit, "At most this many")->check(CLI::Range(1, 10000));
    webhook_deliveries->callback([&] { command = [&] { return run_webhook_deliveries(options, webhook); }; });

    AuditArguments audit;
    auto* audit_command =
        app.add_subcommand("audit", "Print the audit log, newest first: who changed what, when, from where");
    audit_command->add_option("--limit", audit.limit, "At most this many entries")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    audit_command->add_flag("--json", audit.json, "Print JSON");
    audit_command->callback([&] { command = [&] { return run_audit(options, audit); }; });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }
    options.data_dir = data_dir;
    if (!templates_dir.empty()) {
        options.templates_dir = templates_dir;
    }
    return command ? command() : 0;
}

}  // namespace
}  // namespace storybank::cli

int main(int argc, char** argv) {
    try {
        return storybank::cli::run(argc, argv);
    } catch (const storybank::Error& error) {
        std::cerr << "storybank: " << error.public_message() << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "storybank: internal error: " << error.what() << '\n';
        return 1;
    }
}
