#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "MailRepository.h"
#include "OutgoingMail.h"
#include "User.h"

namespace lacuna {

/// A change to how an account signs in, as its owner is told of it.
struct AccountNotice {
    std::string username;  ///< whose account
    /// password_changed: by its owner, with the current password; password_reset: by an admin, or from the
    /// server's command line; sessions_ended: every live session at once, by the owner (but the one they
    /// used) or by an admin; session_ended: one session, by an admin (the owner ending one of theirs is not
    /// told)
    std::string kind;
    std::string by;               ///< the admin who did it; "" for the owner or the command line
    std::string clientAddress;    ///< where the request came from; "" from the command line
    bool keptOwnSession = false;  ///< the owner's session that made the change stays signed in
    std::string sessionClient;    ///< session_ended: where the ended session had signed in
    std::int64_t at = 0;
};

/// Turns a notice into the message's words: its subject and both parts.
using NoticeRenderer = std::function<OutgoingMail(const AccountNotice& notice)>;

/// Tells a person by e-mail of every change to how their account signs in, and of their sessions ended for
/// them, so that a change they did not make is noticed (a stolen session could end the owner's): at the
/// address they gave on the mail page, whatever they chose for news (this is not news one can turn off). The
/// message is put in the outbox in the transaction of the change itself.
class AccountNotices {
public:
    AccountNotices(MailRepository& mail, NoticeRenderer render) : _mail(mail), _render(std::move(render)) {}

    /// The message telling `user` of `notice`; none when they gave no address or the account is disabled
    /// (a disabled account is mailed nothing).
    std::optional<OutgoingMail> compose(const User& user, const AccountNotice& notice) const;

private:
    MailRepository& _mail;
    NoticeRenderer _render;
};

}  // namespace lacuna
