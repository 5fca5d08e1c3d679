// The audit log, for coordinators.
#include "http/json_io.hpp"
#include "http/route_context.hpp"

#include <httplib.h>

namespace storybank::http {

void install_audit_routes(RouteContext& context) {
    context.server.Get("/api/v1/audit", [&context](const httplib::Request& request, httplib::Response& response) {
        Caller caller = context.caller(request);
        const service::Principal& principal = caller.signed_in();
        store::AuditQuery query;
        query.limit = int_parameter(request, "limit", 100, 1, 1000);
        query.before_id = request.has_param("before") ? parse_id(request.get_param_value("before"), "before") : 0;
        query.target_type = request.get_param_value("target_type");
        query.target_id = request.get_param_value("target_id");
        query.action = request.get_param_value("action");
        response.set_content(audit_entries_to_json(context.accounts.audit_entries_for(principal, query), query.limit),
                             std::string(kJson));
    });
}

}  // namespace storybank::http
