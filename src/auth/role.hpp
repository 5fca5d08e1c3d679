#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace storybank::auth {

/// What a person may do within one organisation. Stored by name ("contributor", …); the numeric values are
/// not persisted.
enum class Role : std::uint8_t {
    Contributor = 0,  ///< partner staff: writes and submits their organisation's stories
    Reviewer = 1,     ///< a member's M&E officer: reviews the stories of the partners the member works with
    Coordinator = 2,  ///< the consortium lead: sees everything, publishes, archives, administers
    Viewer = 3,       ///< a donor or guest: published stories only, personal data removed
};

/// "contributor", "reviewer", "coordinator", "viewer".
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
std::span<const Role> all_roles();

/// The place of an organisation in a consortium. Stored by name, like Role.
enum class OrganisationKind : std::uint8_t {
    Lead = 0,     ///< the consortium lead
    Member = 1,   ///< a consortium member (works with several partners)
    Partner = 2,  ///< a partner NGO (may work with several members)
};

/// "lead", "member", "partner".
std::string_view organisation_kind_name(OrganisationKind kind);
std::optional<OrganisationKind> parse_organisation_kind(std::string_view name);

/// Whether a role makes sense in an organisation of this kind: coordinators belong to the lead, reviewers to
/// the lead or a member; contributors and viewers anywhere. Granting a coordinator's reach (every story) to a
/// partner's account is far more likely a mistake than a wish.
bool is_role_allowed_in(Role role, OrganisationKind kind);

}  // namespace storybank::auth
