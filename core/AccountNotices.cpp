#include "AccountNotices.h"

namespace lacuna {

std::optional<OutgoingMail> AccountNotices::compose(const User& user, const AccountNotice& notice) const {
    if (user.disabledAt) return std::nullopt;
    const std::optional<MailPreference> preference = _mail.preference(user.id);
    if (!preference || preference->address.empty()) return std::nullopt;
    OutgoingMail message = _render(notice);
    message.userId = user.id;
    message.recipient = preference->address;
    message.nextAttemptAt = notice.at;
    message.createdAt = notice.at;
    return message;
}

}  // namespace lacuna
