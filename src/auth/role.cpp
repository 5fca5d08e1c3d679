#include "auth/role.hpp"

#include <array>
#include <utility>

namespace storybank::auth {
namespace {

constexpr std::array kRoles = {Role::Contributor, Role::Reviewer, Role::Coordinator, Role::Viewer};

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames{{
    {Role::Contributor, "contributor"},
    {Role::Reviewer, "reviewer"},
    {Role::Coordinator, "coordinator"},
    {Role::Viewer, "viewer"},
}};

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 3> kKindNames{{
    {OrganisationKind::Lead, "lead"},
    {OrganisationKind::Member, "member"},
    {OrganisationKind::Partner, "partner"},
}};

template <typename Enum, std::size_t Size>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, Size>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value) {
            return name;
        }
    }
    return names.front().second;
}

template <typename Enum, std::size_t Size>
std::optional<Enum> value_in(const std::array<std::pair<Enum, std::string_view>, Size>& names, std::string_view name) {
    for (const auto& [value, candidate] : names) {
        if (candidate == name) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view role_name(Role role) {
    return name_in(kRoleNames, role);
}

std::optional<Role> parse_role(std::string_view name) {
    return value_in(kRoleNames, name);
}

std::span<const Role> all_roles() {
    return kRoles;
}

std::string_view organisation_kind_name(OrganisationKind kind) {
    return name_in(kKindNames, kind);
}

std::optional<OrganisationKind> parse_organisation_kind(std::string_view name) {
    return value_in(kKindNames, name);
}

bool is_role_allowed_in(Role role, OrganisationKind kind) {
    switch (role) {
        case Role::Coordinator:
            return kind == OrganisationKind::Lead;
        case Role::Reviewer:
            return kind == OrganisationKind::Lead || kind == OrganisationKind::Member;
        case Role::Contributor:
        case Role::Viewer:
            return true;
    }
    return false;
}

}  // namespace storybank::auth
