#include "MailDispatcher.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <sstream>

#include "JalaliDate.h"
#include "JsonText.h"
#include "PersianText.h"

namespace lacuna {
namespace {

/// An SMTP session that upgrades itself with STARTTLS (RFC 3207) checking the server's certificate against
/// the name it was reached by. Poco's SecureSMTPClientSession, made over a socket connected with a timeout,
/// has no name to check: it checks the certificate against the server's IP address, which a certificate
/// issued to a mail server's name does not hold, and sends no server name (SNI).
class SmtpSession : public Poco::Net::SMTPClientSession {
public:
    using SMTPClientSession::SMTPClientSession;

    void startTls(const std::string& host, const Poco::Net::Context::Ptr& context) {
        std::string response;
        if (!isPositiveCompletion(sendCommand("STARTTLS", response)))
            throw Poco::IOException("the SMTP server does not offer STARTTLS: " + response);
        socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
        // What the server said before is forgotten (RFC 3207 4.2), and a server may refuse mail until it is
        // greeted again over the private channel (Postfix does).
        login();
    }
};

constexpr std::size_t BATCH = 32;
constexpr std::int64_t LEASE_MS = 10 * 60 * 1000;  // an instance that dies mid-attempt frees it after this
constexpr std::size_t ERROR_MAX = 500;

/// Where a record's page is, under the site's address.
std::string pageUrl(const std::string& baseUrl, const std::string& entityType, std::int64_t id) {
    const std::string plural = entityType == "gap"         ? "gaps"
                               : entityType == "bill"      ? "bills"
                               : entityType == "meeting"   ? "meetings"
                               : entityType == "ruling"    ? "rulings"
                               : entityType == "opinion"   ? "opinions"
                               : entityType == "precedent" ? "precedents"
                                                           : "";
    if (plural.empty()) return baseUrl + "/";
    return baseUrl + "/" + plural + "/" + std::to_string(id);
}

/// What an action in «waiting for you» asks of the person.
std::string actionLabel(const InboxAction& a) {
    if (a.kind == "vote") return "رأی شما در جلسه کمیسیون";
    if (a.kind == "consultation") return "پیشنهاد و رتبه‌بندی دستور جلسه";
    if (a.kind == "deadline") return "مهلت";
    return "اقدام شما";
}

std::string actionUrl(const std::string& baseUrl, const InboxAction& a) {
    if (a.kind == "vote") return pageUrl(baseUrl, "meeting", a.meetingId);
    return pageUrl(baseUrl, a.entityType, a.entityId);
}

std::string subjectOf(const Digest& d) {
    const std::size_t count = d.entries.size() + d.actions.size();
    if (d.frequency == "daily")
        return "خلاصه روزانه لاکونا، " + jalaliDay(d.at) + " (" + persianDigits(std::to_string(count)) +
               " مورد)";
    if (d.frequency == "weekly")
        return "خلاصه هفتگی لاکونا، " + jalaliDay(d.at) + " (" + persianDigits(std::to_string(count)) +
               " مورد)";
    if (d.entries.size() == 1) {
        const DigestEntry& e = d.entries.front();
        return "لاکونا: " + e.reference + (e.title.empty() ? "" : " — " + e.title);
    }
    return "لاکونا: " + persianDigits(std::to_string(d.entries.size())) + " پرونده تغییر کرد";
}

/// `text` as RFC 2047 encoded words (UTF-8, base64) for a header, each word whole characters and at most 75
/// characters long, folded onto continuation lines.
std::string encodedWords(const std::string& text) {
    constexpr std::size_t MAX_BYTES = 45;  // 60 characters of base64 + 12 of =?UTF-8?B?…?= ≤ 75
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.size(), pos + MAX_BYTES);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        std::ostringstream encoded;
        Poco::Base64Encoder encoder(encoded);
        encoder.rdbuf()->setLineLength(0);
        encoder << text.substr(pos, end - pos);
        encoder.close();
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + encoded.str() + "?=";
        pos = end;
    }
    return out;
}

const char* const BODY_STYLE =
    "font-family:Vazirmatn,Tahoma,'DejaVu Sans',sans-serif;direction:rtl;text-align:right;line-height:1.9;"
    "color:#1b1b1b;margin:0;padding:16px";

/// The start of a message to `username` under `subject`: `m.html` opens the right-to-left page with the
/// subject as its heading, `m.text` the plain part, each with the greeting.
void openMessage(OutgoingMail& m, const std::string& subject, const std::string& username) {
    m.subject = subject;
    m.html =
        "<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width\">\n<title>" +
        htmlEscape(subject) + "</title>\n</head>\n<body dir=\"rtl\" style=\"" + BODY_STYLE +
        "\">\n<h1 style=\"font-size:1.25em\">" + htmlEscape(subject) + "</h1>\n<p>" + "<bdi>" +
        htmlEscape(username) + "</bdi> گرامی، این پیام را لاکونا برای شما فرستاده است.</p>\n";
    m.text = subject + "\n\n" + username + " گرامی، این پیام را لاکونا برای شما فرستاده است.\n";
}

/// The end of the message: a footnote `before` «صفحه ایمیل» `after`, the words linking to the mail page.
void closeMessage(OutgoingMail& m, const std::string& baseUrl, const std::string& before,
                  const std::string& after) {
    const std::string settings = baseUrl + "/mail";
    m.html += "<p style=\"color:#555;font-size:.9em;border-top:1px solid #ccc;padding-top:.6em\">" +
              htmlEscape(before) + "<a href=\"" + htmlEscape(settings) + "\">صفحه ایمیل</a>" +
              htmlEscape(after) + ".</p>\n</body>\n</html>\n";
    m.text += "\n--\n" + before + "صفحه ایمیل" + after + ":\n" + settings + "\n";
}

/// What a notice of the account says besides what happened: its subject, what followed from it (a new
/// password ends sessions; ending sessions is itself the news) and what to do if it was not them.
struct NoticeWords {
    std::string subject;
    std::string followed;
    std::string warning;
};

NoticeWords noticeWords(const AccountNotice& n) {
    if (n.kind == "session_ended" || n.kind == "sessions_ended")
        return {
            n.kind == "session_ended"
                ? "لاکونا: یکی از نشست‌های حساب شما بسته شد"
                : "لاکونا: نشست‌های حساب شما بسته شد",
            "",
            n.by.empty()
                ? "اگر این کار را شما یا به خواست شما نکرده‌اند، همین حالا گذرواژه خود را عوض کنید و به "
                  "مدیر سامانه خبر دهید: ممکن است کسی دیگر به یکی از نشست‌های شما یا گذرواژه شما راه "
                  "یافته باشد."
                : "اگر چرایی آن را نمی‌دانید، از مدیر سامانه بپرسید."};
    return {
        "لاکونا: گذرواژه حساب شما عوض شد",
        n.keptOwnSession
            ? " همه نشست‌های دیگر حساب بسته شد؛ تنها نشستی که این کار را کرد باز ماند."
            : " همه نشست‌های حساب بسته شد؛ با گذرواژه تازه دوباره وارد شوید.",
        "اگر این کار را شما یا به خواست شما نکرده‌اند، همین حالا به مدیر سامانه خبر دهید: ممکن است کسی دیگر "
        "گذرواژه شما را داشته باشد."};
}

}  // namespace

OutgoingMail renderDigest(const Digest& d, const std::string& baseUrl) {
    OutgoingMail m;
    openMessage(m, subjectOf(d), d.username);
    std::string html = std::move(m.html);
    std::string text = std::move(m.text);
    if (!d.entries.empty()) {
        html += "<h2 style=\"font-size:1.1em\">آنچه تغییر کرد</h2>\n<ul>\n";
        text += "\nآنچه تغییر کرد\n";
        for (const DigestEntry& e : d.entries) {
            const std::string url = pageUrl(baseUrl, e.entityType, e.entityId);
            const std::string name = e.reference + (e.title.empty() ? "" : " — " + e.title);
            std::string changes;
            for (const std::string& c : e.changes) changes += (changes.empty() ? "" : "؛ ") + c;
            const std::string when = jalaliDayTime(e.lastAt);
            const std::string count =
                e.count > 1 ? " (" + persianDigits(std::to_string(e.count)) + " رویداد)" : std::string();
            html +=
                "<li style=\"margin-bottom:.6em\"><a href=\"" + htmlEscape(url) + "\"><bdi>" +
                htmlEscape(name) + "</bdi></a>" +
                (e.state.empty() ? "" : " <span style=\"color:#555\">[" + htmlEscape(e.state) + "]</span>") +
                "<br>" + htmlEscape(changes) + count + " <span style=\"color:#555\">— " + htmlEscape(when) +
                "</span></li>\n";
            text += "\n* " + name + (e.state.empty() ? "" : " [" + e.state + "]") + "\n  " + changes + count +
                    " — " + when + "\n  " + url + "\n";
        }
        html += "</ul>\n";
    }
    if (!d.actions.empty()) {
        html += "<h2 style=\"font-size:1.1em\">منتظر شما</h2>\n<ul>\n";
        text += "\nمنتظر شما\n";
        for (const InboxAction& a : d.actions) {
            const std::string url = actionUrl(baseUrl, a);
            const std::string name = (a.reference.empty() ? "" : a.reference + " — ") + a.title;
            const std::string due = a.dueAt ? "، تا " + jalaliDayTime(*a.dueAt) : std::string();
            html += "<li style=\"margin-bottom:.6em\"><a href=\"" + htmlEscape(url) + "\"><bdi>" +
                    htmlEscape(name) + "</bdi></a><br>" + htmlEscape(actionLabel(a) + due) + "</li>\n";
            text += "\n* " + name + "\n  " + actionLabel(a) + due + "\n  " + url + "\n";
        }
        html += "</ul>\n";
    }
    m.html = std::move(html);
    m.text = std::move(text);
    closeMessage(m, baseUrl, "چگونگی دریافت این پیام‌ها را در ",
                 " لاکونا تغییر دهید");
    return m;
}

OutgoingMail renderAccountNotice(const AccountNotice& n, const std::string& baseUrl) {
    const NoticeWords words = noticeWords(n);
    OutgoingMail m;
    openMessage(m, words.subject, n.username);
    // What happened, in either part: in HTML every piece escaped, and the ISO time, the names and the
    // addresses (left-to-right runs in a right-to-left sentence) isolated.
    const auto whatHappened = [&](bool html) {
        const auto plain = [&](const std::string& s) { return html ? htmlEscape(s) : s; };
        const auto ltr = [&](const std::string& s) {
            return html ? "<bdi dir=\"ltr\">" + htmlEscape(s) + "</bdi>" : s;
        };
        const std::string when = plain(jalaliDayTime(n.at)) + " (" + ltr(formatIsoUtc(n.at)) + ")";
        const std::string where = n.clientAddress.empty() ? "" : "، از نشانی " + ltr(n.clientAddress);
        const std::string admin = "مدیر سامانه، " + ltr(n.by) + "، در " + when;
        if (n.kind == "session_ended")
            return admin + " نشستی از حساب شما را بست" + where + ". آن نشست" +
                   (n.sessionClient.empty() ? "" : " از نشانی " + ltr(n.sessionClient)) +
                   " وارد شده بود؛ نشست‌های دیگر شما باز است.";
        if (n.kind == "sessions_ended" && n.by.empty())
            return "همه نشست‌های دیگر حساب شما در " + when +
                   " یک‌جا بسته شد" + where + "؛ تنها نشستی که این کار را کرد باز ماند.";
        if (n.kind == "sessions_ended")
            return admin + " همه نشست‌های حساب شما را بست" + where +
                   "؛ برای ادامه دوباره وارد شوید.";
        if (n.kind == "password_changed")
            return "گذرواژه حساب شما در " + when + " با گذرواژه پیشین عوض شد" + where + ".";
        if (!n.by.empty())
            return admin + " گذرواژه تازه‌ای برای حساب شما گذاشت" + where +
                   ".";
        return "گذرواژه حساب شما در " + when + " از خط فرمان کارساز لاکونا عوض شد.";
    };
    const std::string account = baseUrl + "/account";
    m.html += "<p>" + whatHappened(true) + htmlEscape(words.followed) + "</p>\n<p><strong>" +
              htmlEscape(words.warning) + "</strong></p>\n<p><a href=\"" + htmlEscape(account) +
              "\">حساب من در لاکونا</a></p>\n";
    m.text += "\n" + whatHappened(false) + words.followed + "\n\n" + words.warning +
              "\n\nحساب من در لاکونا:\n" + account + "\n";
    closeMessage(
        m, baseUrl,
        "این پیام را هر بار که گذرواژه شما عوض شود یا نشست‌های شما برایتان بسته شود، به نشانی‌ای که در ",
        " داده‌اید می‌فرستیم، هر چه برای خبرها برگزیده باشید");
    return m;
}

MailDispatcher::MailDispatcher(MailService& service, MailRepository& mail, const MailConfig& config,
                               const Clock& clock)
    : _service(service), _mail(mail), _config(config), _clock(clock) {}

MailDispatcher::~MailDispatcher() { stop(); }

const Poco::Net::Context::Ptr& MailDispatcher::tlsContext() {
    // Made once, at the first STARTTLS (a pass holds _pass), not for every message: it reads the system's
    // CAs. The server's certificate must chain to one of them or to one in ca_file, and be valid for the name
    // the server is reached by, a server on loopback included (VERIFY_STRICT: Poco's relaxed mode checks no
    // name on loopback).
    if (!_tls)
        _tls = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, _config.smtp.caFile,
                                      Poco::Net::Context::VERIFY_STRICT, 9, true);
    return _tls;
}

void MailDispatcher::start() {
    if (_config.dispatch) _poller.start(_config.pollMs, [this] { runOnce(); });
}

void MailDispatcher::stop() { _poller.stop(); }

int MailDispatcher::runOnce() {
    std::lock_guard pass(_pass);
    const std::string baseUrl = _config.baseUrl;
    _composed += static_cast<std::uint64_t>(
        _service.composeDue([&](const Digest& d) { return renderDigest(d, baseUrl); }));
    int attempts = 0;
    const std::int64_t now = _clock.nowMs();
    for (const OutgoingMail& m : _mail.due(now, BATCH)) {
        if (!_mail.claim(m.id, m.nextAttemptAt, now + LEASE_MS)) continue;  // another instance has it
        attempt(m);
        ++attempts;
    }
    return attempts;
}

void MailDispatcher::send(const OutgoingMail& m) {
    using Poco::Net::MailMessage;
    MailMessage message;
    message.setSender(_config.fromName.empty()
                          ? _config.fromAddress
                          : encodedWords(_config.fromName) + " <" + _config.fromAddress + ">");
    message.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.recipient));
    message.setSubject(encodedWords(m.subject));
    message.setDate(Poco::Timestamp::fromEpochTime(_clock.nowMs() / 1000));
    // The same id on every attempt: a resend after a lost answer is one message to the receiver.
    const std::string domain = _config.fromAddress.substr(_config.fromAddress.rfind('@') + 1);
    message.set("Message-ID", "<lacuna-mail-" + std::to_string(m.id) + "@" + domain + ">");
    message.set("Auto-Submitted", "auto-generated");
    message.set("Content-Language", "fa");
    message.setContentType("multipart/alternative");
    message.addContent(new Poco::Net::StringPartSource(m.text, "text/plain; charset=UTF-8"),
                       MailMessage::ENCODING_BASE64);
    message.addContent(new Poco::Net::StringPartSource(m.html, "text/html; charset=UTF-8"),
                       MailMessage::ENCODING_BASE64);

    const Poco::Timespan timeout(_config.smtp.timeoutSeconds, 0);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(_config.smtp.host, static_cast<Poco::UInt16>(_config.smtp.port)),
                   timeout);
    SmtpSession session(socket);
    session.setTimeout(timeout);
    session.login();
    if (_config.smtp.starttls) session.startTls(_config.smtp.host, tlsContext());
    if (!_config.smtp.username.empty())
        session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, _config.smtp.username, _config.smtp.password);
    session.sendMessage(message);
    session.close();
}

void MailDispatcher::attempt(const OutgoingMail& m) {
    std::string error;
    try {
        send(m);
        _mail.sent(m.id, _clock.nowMs());
        _sent.fetch_add(1, std::memory_order_relaxed);
        return;
    } catch (const Poco::Exception& e) {
        error = e.displayText();
    } catch (const std::exception& e) {
        error = e.what();
    }
    // What a server answered may be any bytes: kept as valid UTF-8, cut on a character boundary.
    error = utf8Prefix(validUtf8(error), ERROR_MAX);
    const int attemptsMade = m.attempts + 1;
    const std::optional<std::int64_t> retry = retryAt(
        attemptsMade, _config.maxAttempts, _config.backoffBaseMs, _config.backoffMaxMs, _clock.nowMs());
    _mail.failed(m.id, error, retry);
    _failed.fetch_add(1, std::memory_order_relaxed);
    Poco::Logger::get("lacuna").warning(Poco::format("mail %?d to user %?d failed (attempt %d, %s): %s", m.id,
                                                     m.userId, attemptsMade,
                                                     std::string(retry ? "will retry" : "given up"), error));
}

}  // namespace lacuna
