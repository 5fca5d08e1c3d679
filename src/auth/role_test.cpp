#include "auth/role.hpp"

#include <gtest/gtest.h>

namespace storybank::auth {
namespace {

TEST(Role, NamesRoundTrip) {
    for (Role role : all_roles()) {
        EXPECT_EQ(parse_role(role_name(role)), role) << role_name(role);
    }
    EXPECT_EQ(role_name(Role::Contributor), "contributor");
    EXPECT_EQ(role_name(Role::Reviewer), "reviewer");
    EXPECT_EQ(role_name(Role::Coordinator), "coordinator");
    EXPECT_EQ(role_name(Role::Viewer), "viewer");
    EXPECT_EQ(all_roles().size(), 4u);
}

TEST(Role, UnknownNamesAreRefused) {
    for (std::string_view name : {"", "admin", "Reviewer", "coordinator ", "lecteur"}) {
        EXPECT_FALSE(parse_role(name)) << name;
    }
}

TEST(OrganisationKind, NamesRoundTrip) {
    for (auto kind : {OrganisationKind::Lead, OrganisationKind::Member, OrganisationKind::Partner}) {
        EXPECT_EQ(parse_organisation_kind(organisation_kind_name(kind)), kind);
    }
    EXPECT_FALSE(parse_organisation_kind("donor"));
    EXPECT_FALSE(parse_organisation_kind(""));
}

TEST(Role, WhereEachRoleMayBeHeld) {
    struct Case {
        Role role;
        OrganisationKind kind;
        bool allowed;
    };
    const Case kCases[] = {
        {Role::Coordinator, OrganisationKind::Lead, true},     {Role::Coordinator, OrganisationKind::Member, false},
        {Role::Coordinator, OrganisationKind::Partner, false}, {Role::Reviewer, OrganisationKind::Lead, true},
        {Role::Reviewer, OrganisationKind::Member, true},      {Role::Reviewer, OrganisationKind::Partner, false},
        {Role::Contributor, OrganisationKind::Partner, true},  {Role::Contributor, OrganisationKind::Member, true},
        {Role::Viewer, OrganisationKind::Partner, true},       {Role::Viewer, OrganisationKind::Lead, true},
    };
    for (const auto& test_case : kCases) {
        EXPECT_EQ(is_role_allowed_in(test_case.role, test_case.kind), test_case.allowed)
            << role_name(test_case.role) << " in " << organisation_kind_name(test_case.kind);
    }
}

}  // namespace
}  // namespace storybank::auth
