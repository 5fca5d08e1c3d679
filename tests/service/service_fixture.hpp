#pragma once

// A fresh SQLite store in a temporary folder (kept when a test fails), a clock that only moves when told, and a
// cheap password hasher: what the service tests share.
#include "auth/password_hasher.hpp"
#include "auth/password_policy.hpp"
#include "service/account_service.hpp"
#include "service/iso_time.hpp"
#include "service/manual_clock.hpp"
#include "service/password_policy_loader.hpp"
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <unistd.h>

namespace storybank::service {

/// 2026-11-29T10:00:00Z
inline const std::chrono::system_clock::time_point kStart = std::chrono::system_clock::from_time_t(1795946400);

class ServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter = 0;
        m_data_dir = std::filesystem::temp_directory_path() /
                     ("storybank-service-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(m_data_dir);
        m_store = store::sqlite::SqliteStore::open(m_data_dir, [this] { return m_clock.now_iso8601(); });
        m_accounts = std::make_unique<AccountService>(*m_store, m_clock, m_hasher, policy());
    }

    void TearDown() override {
        m_accounts.reset();
        m_store.reset();
        if (HasFailure()) {
            std::cerr << "data folder kept for inspection: " << m_data_dir << "\n";
        } else {
            std::filesystem::remove_all(m_data_dir);
        }
    }

    static const auth::PasswordPolicy& policy() {
        static const auth::PasswordPolicy kPolicy = load_password_policy();
        return kPolicy;
    }

    AccountService& accounts() { return *m_accounts; }
    store::Store& store() { return *m_store; }

    /// The message IDs of problems, in order.
    static std::vector<std::string> ids(const std::vector<core::Problem>& problems) {
        std::vector<std::string> found;
        for (const auto& problem : problems) {
            found.push_back(problem.message_id);
        }
        return found;
    }

    /// Audit actions, oldest first.
    std::vector<std::string> audit_actions() {
        std::vector<std::string> actions;
        for (const auto& entry : store().audit_entries(storybank::store::AuditQuery::newest(10000))) {
            actions.insert(actions.begin(), entry.action);
        }
        return actions;
    }

    static constexpr const char* kPassword = "le fleuve Niger à Ségou";

    ManualClock m_clock{kStart};
    auth::PasswordHasher m_hasher{2, auth::PasswordHashCost::Minimal};
    std::filesystem::path m_data_dir;
    std::unique_ptr<store::sqlite::SqliteStore> m_store;
    std::unique_ptr<AccountService> m_accounts;
};

}  // namespace storybank::service
