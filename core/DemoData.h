#pragma once

#include <map>
#include <string>

#include "Catalog.h"
#include "GapService.h"
#include "OpinionService.h"
#include "UniformityService.h"
#include "UserRepository.h"
#include "UserService.h"

namespace lacuna {

/// Seeds a store for a newcomer to click through: users for every city role in three cities, the
/// committee-level users, a handful of realistic Persian gaps in several states, an adverse ruling
/// and a published advisory opinion.
class DemoData {
public:
    DemoData(UserService& users, UserRepository& userRepository, GapService& gaps,
             UniformityService& uniformity, OpinionService& opinions, const Catalog& catalog,
             const PasswordHasher& hasher);

    /// Seeds with `password` for every demo user; returns false (and seeds nothing) when the store
    /// was seeded already, so a second instance may start with the same command.
    bool seed(const std::string& password);

    /// The demo usernames, for the README and the start-up message.
    static std::vector<std::string> usernames();

private:
    UserService& _users;
    UserRepository& _userRepository;
    GapService& _gaps;
    UniformityService& _uniformity;
    OpinionService& _opinions;
    const Catalog& _catalog;
    const PasswordHasher& _hasher;
};

}  // namespace lacuna
