// E-mail: each person chooses how they hear of things (none, at once, a daily or a weekly digest); messages
// are composed once into an outbox in the store, sent through a real SMTP server on loopback (the sink),
// retried with backoff when it refuses, and survive a restart.
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>
#include <regex>
#include <thread>

#include "ApiHelpers.h"
#include "EveryEventType.h"
#include "JalaliDate.h"
#include "PageHelpers.h"
#include "SmtpSink.h"
#include "TestCertificates.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

constexpr std::int64_t HOUR = 3600LL * 1000;
constexpr const char* BASE_URL = "https://lacuna.example.ir";

/// The service sending to `sink`, its mail driven by the test (runMail), not by the background poll.
std::function<void(AppConfig&)> mailTo(const SmtpSink& sink) {
    const int port = sink.port();
    return [port](AppConfig& c) {
        c.mail.dispatch = false;
        c.mail.smtp.port = port;
        c.mail.smtp.username = "lacuna-mailer";
        c.mail.smtp.password = "smtp secret";
        c.mail.fromAddress = "lacuna@example.ir";
        c.mail.baseUrl = BASE_URL;
        c.mail.backoffBaseMs = 60000;
    };
}

/// RFC 2047 encoded words (=?UTF-8?Q?…?= or ?B?) decoded; the whitespace between two words dropped.
std::string decodeWords(const std::string& header) {
    static const std::regex WORD(R"(=\?([^?]+)\?([QqBb])\?([^?]*)\?=)");
    std::string out;
    auto begin = std::sregex_iterator(header.begin(), header.end(), WORD);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::string between = header.substr(last, it->position() - last);
        if (it == begin || between.find_first_not_of(" \t\r\n") != std::string::npos) out += between;
        const std::string text = (*it)[3];
        if ((*it)[2] == "B" || (*it)[2] == "b") {
            std::istringstream in(text);
            Poco::Base64Decoder decoder(in);
            Poco::StreamCopier::copyToString(decoder, out);
        } else {
            for (std::size_t i = 0; i < text.size(); ++i) {
                if (text[i] == '_')
                    out += ' ';
                else if (text[i] == '=' && i + 2 < text.size() + 0 && i + 2 <= text.size() - 1) {
                    out += static_cast<char>(Poco::NumberParser::parseHex(text.substr(i + 1, 2)));
                    i += 2;
                } else
                    out += text[i];
            }
        }
        last = it->position() + it->length();
    }
    return out + header.substr(last);
}

/// A received message read as a mail program reads it: its headers, and each part decoded.
struct Parsed {
    std::string rawSubject;
    std::map<std::string, std::string> parts;  ///< content type (without parameters) → decoded body
    std::string contentType;
    std::string subject;
};

class Parts : public Poco::Net::PartHandler {
public:
    explicit Parts(std::map<std::string, std::string>& out) : _out(out) {}
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string body;
        Poco::StreamCopier::copyToString(stream, body);
        const std::string type = header.get("Content-Type", "");
        _out[type.substr(0, type.find(';'))] = body;
    }

private:
    std::map<std::string, std::string>& _out;
};

Parsed parse(const ReceivedMail& mail) {
    Parsed p;
    std::istringstream in(mail.data);
    Parts handler(p.parts);
    Poco::Net::MailMessage message;
    message.read(in, handler);
    p.contentType = message.getContentType();
    // The header as sent, unfolded (Poco's reader keeps the folding's space between encoded words).
    std::istringstream lines(mail.data);
    std::string line;
    bool inSubject = false;
    while (std::getline(lines, line) && line != "\r") {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.starts_with("Subject:")) {
            p.rawSubject = line.substr(8);
            inSubject = true;
        } else if (inSubject && (line.starts_with(" ") || line.starts_with("\t"))) {
            p.rawSubject += line;
        } else {
            inSubject = false;
        }
    }
    p.subject = decodeWords(Poco::trim(p.rawSubject));
    return p;
}

Reply choose(TestService& t, const std::string& user, const std::string& body) {
    return put(t, user, "/api/v1/me/mail", body);
}

std::int64_t chooseFrequency(TestService& t, const std::string& user, const std::string& frequency) {
    const Reply current = t.client->get("/api/v1/me/mail", t.token(user));
    const Reply r =
        choose(t, user,
               withVersion(R"("address":")" + user + R"(@example.ir","frequency":")" + frequency + "\"",
                           versionOf(current)));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return versionOf(r);
}

Poco::JSON::Array::Ptr messages(TestService& t, const std::string& user) {
    const Reply r = t.client->get("/api/v1/me/mail/messages", t.token(user));
    REQUIRE(r.status == 200);
    return r.json()->getArray("items");
}

double metric(TestService& t, const std::string& series) {
    const Reply r = t.client->send("GET", "/metrics");
    REQUIRE(r.status == 200);
    std::istringstream in(r.body);
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
    FAIL("no series " << series);
    return 0;
}

}  // namespace

TEST_CASE(
    "a person chooses how they hear by e-mail; a bad choice is refused naming the field and stores nothing",
    "[http][mail]") {
    TestService t;
    const Reply none = t.client->get("/api/v1/me/mail", t.token("tehran.director"));
    REQUIRE(none.status == 200);
    CHECK(none.json()->getValue<std::string>("frequency") == "none");
    CHECK(versionOf(none) == 0);

    requireProblem(choose(t, "tehran.director",
                          R"({"address":"a@example.ir","frequency":"hourly","expected_version":0})"),
                   422, "frequency");
    requireProblem(choose(t, "tehran.director", R"({"frequency":"daily","expected_version":0})"), 422,
                   "address");
    for (const std::string& bad : std::vector<std::string>{
             "no-at-sign", "two@@example.ir", "a b@example.ir", "a@.example.ir", "a.@example.ir",
             "a@example.ir\r\nBcc: x@y.ir", "<a@example.ir>", std::string(250, 'a') + "@example.ir"}) {
        INFO(bad);
        Poco::JSON::Object body;
        body.set("address", bad);
        body.set("frequency", "immediate");
        body.set("expected_version", 0);
        std::ostringstream text;
        body.stringify(text);
        requireProblem(choose(t, "tehran.director", text.str()), 422, "address");
    }
    requireProblem(
        choose(t, "tehran.director", R"({"address":"a@example.ir","frequency":7,"expected_version":0})"), 400,
        "frequency");
    requireProblem(choose(t, "tehran.director", R"({"address":"a@example.ir","frequency":"daily"})"), 428);
    CHECK(t.client->get("/api/v1/me/mail", t.token("tehran.director")).body == none.body);
    CHECK(t.client->get("/api/v1/me/mail/history", t.token("tehran.director"))
              .json()
              ->getArray("items")
              ->size() == 0);

    const Reply chosen = choose(
        t, "tehran.director", R"({"address":" legal@tehran.ir ","frequency":"daily","expected_version":0})");
    INFO(chosen.body);
    REQUIRE(chosen.status == 200);
    CHECK(chosen.json()->getValue<std::string>("address") == "legal@tehran.ir");  // trimmed
    CHECK(chosen.json()->getValue<std::string>("frequency") == "daily");
    CHECK(versionOf(chosen) == 1);
    // A stale version is a conflict, and changes nothing.
    requireProblem(choose(t, "tehran.director",
                          R"({"address":"x@tehran.ir","frequency":"weekly","expected_version":0})"),
                   409);
    CHECK(t.client->get("/api/v1/me/mail", t.token("tehran.director")).body == chosen.body);
    // Each person has their own choice; each change is an audit event.
    CHECK(versionOf(t.client->get("/api/v1/me/mail", t.token("mashhad.director"))) == 0);
    const auto events =
        t.client->get("/api/v1/me/mail/history", t.token("tehran.director")).json()->getArray("items");
    REQUIRE(events->size() == 1);
    CHECK(events->getObject(0)->getValue<std::string>("type") == "changed");

    // The page: the choice as stored, a refusal beside its field with what was typed kept.
    Browser director(t, "tehran.director");
    const Reply page = director.get("/mail");
    REQUIRE(page.status == 200);
    CHECK(page.body.find("value=\"legal@tehran.ir\"") != std::string::npos);
    CHECK(page.body.find("value=\"daily\" checked") != std::string::npos);
    const Reply refused =
        director.post("/mail", {{"address", "نشانی بد"}, {"frequency", "weekly"}, {"expected_version", "1"}});
    CHECK(refused.status == 422);
    CHECK(refused.body.find("id=\"f-address\"") != std::string::npos);
    CHECK(refused.body.find("value=\"نشانی بد\"") != std::string::npos);
    CHECK(refused.body.find("value=\"weekly\" checked") != std::string::npos);
    CHECK(t.client->get("/api/v1/me/mail", t.token("tehran.director")).body == chosen.body);
    const Reply saved = director.post(
        "/mail", {{"address", "legal@tehran.ir"}, {"frequency", "weekly"}, {"expected_version", "1"}});
    CHECK(saved.status == 303);
    CHECK(t.client->get("/api/v1/me/mail", t.token("tehran.director"))
              .json()
              ->getValue<std::string>("frequency") == "weekly");
}

TEST_CASE(
    "at once: changes to a watched gap go out merged, through SMTP, with both parts, a UTF-8 subject and links",
    "[http][mail]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    const auto gap = createGap(t);  // the reporter watches it
    const std::string path = gapPath(gap);
    const std::string id = gap->getValue<std::string>("id");
    const std::string reference = gap->getValue<std::string>("reference");
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);  // before the choice: never mailed

    chooseFrequency(t, "tehran.director", "immediate");
    CHECK(t.service().runMail() == 0);
    CHECK(sink.received().empty());

    REQUIRE(fire(t, "secretary", path, "start_drafting", 2).status == 200);
    REQUIRE(saveDraft(t, path, 0, "متن اصلاحی کارشناس", "tehran.expert").status == 201);
    CHECK(t.service().runMail() == 1);
    const auto received = sink.received();
    REQUIRE(received.size() == 1);
    const ReceivedMail& mail = received.front();
    CHECK(mail.to == std::vector<std::string>{"<tehran.director@example.ir>"});
    CHECK(mail.from == "<lacuna@example.ir>");
    CHECK(mail.user == "lacuna-mailer");
    CHECK(mail.password == "smtp secret");

    const Parsed p = parse(mail);
    CHECK(p.contentType.starts_with("multipart/alternative"));
    CHECK(p.rawSubject.find("=?UTF-8?") != std::string::npos);  // encoded, not raw bytes
    INFO(p.subject);
    CHECK(p.subject.find(reference) != std::string::npos);
    CHECK(p.subject.find("لاکونا") != std::string::npos);
    REQUIRE(p.parts.count("text/plain"));
    REQUIRE(p.parts.count("text/html"));
    const std::string& text = p.parts.at("text/plain");
    const std::string& html = p.parts.at("text/html");
    const std::string link = std::string(BASE_URL) + "/gaps/" + id;
    CHECK(text.find(link) != std::string::npos);
    CHECK(html.find("href=\"" + link + "\"") != std::string::npos);
    CHECK(html.find("dir=\"rtl\"") != std::string::npos);
    CHECK(html.find("lang=\"fa\"") != std::string::npos);
    // Two changes of one gap are one entry, in the states' Persian names; the triage before the choice is not
    // there.
    CHECK(std::count(text.begin(), text.end() - 1, '*') == 1);
    CHECK(text.find("در حال تهیه پیش‌نویس") != std::string::npos);
    CHECK(text.find("۲ رویداد") != std::string::npos);
    CHECK(text.find("نسخه تازه پیش‌نویس ثبت شد") != std::string::npos);
    CHECK(text.find("بررسی اولیه‌شده» به") != std::string::npos);
    CHECK(text.find("از «گزارش‌شده»") == std::string::npos);

    const auto sent = messages(t, "tehran.director");
    REQUIRE(sent->size() == 1);
    CHECK(sent->getObject(0)->getValue<std::string>("state") == "sent");
    CHECK(metric(t, "lacuna_mail_attempts_total{outcome=\"sent\"}") == 1);

    // Nothing new, nothing sent. Mashhad's director watches the gap until Tehran makes it confidential: the
    // edit is Tehran's own (no news to its director), and Mashhad may no longer know of the gap, so neither
    // hears of it.
    CHECK(t.service().runMail() == 0);
    chooseFrequency(t, "mashhad.director", "immediate");
    REQUIRE(put(t, "mashhad.director", path + "/watch", "").status < 300);
    const std::int64_t version = versionOf(t.client->get(path, t.token("tehran.director")));
    const Reply secret = patch(t, "tehran.director", path, withVersion(R"("confidential":true)", version));
    INFO(secret.body);
    REQUIRE(secret.status == 200);
    REQUIRE(fire(t, "tehran.director", path, "submit_for_review", version + 1).status == 200);
    CHECK(t.service().runMail() == 0);
    CHECK(sink.received().size() == 1);
    CHECK(messages(t, "mashhad.director")->size() == 0);
}

TEST_CASE(
    "digests: daily from the hour and weekly on Saturday, each once across instances; a refusing server is "
    "retried with backoff, and a restart loses nothing",
    "[http][mail]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    // The clock starts on Thursday 1405-09-05, 12:30 in Tehran.
    chooseFrequency(t, "tehran.director", "daily");
    chooseFrequency(t, "mashhad.director", "weekly");
    const std::string path = gapPath(createGap(t));
    REQUIRE(put(t, "mashhad.director", path + "/watch", "").status < 300);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    CHECK(t.service().runMail() == 0);  // a rhythm starts at its next slot

    t.clock.set(FakeClock::START + 18 * HOUR + 29 * 60 * 1000);  // Friday 06:59
    CHECK(t.service().runMail() == 0);
    CHECK(sink.received().empty());

    // Friday 07:00: the daily digest is due; the server refuses the first attempt.
    sink.refuseNext(1);
    t.clock.advanceMs(60 * 1000);
    t.forgetTokens();
    CHECK(t.service().runMail() == 1);
    CHECK(sink.received().empty());
    auto queued = messages(t, "tehran.director");
    REQUIRE(queued->size() == 1);
    CHECK(queued->getObject(0)->getValue<std::string>("state") == "pending");
    CHECK(queued->getObject(0)->getValue<int>("attempts") == 1);
    CHECK(queued->getObject(0)->getValue<std::string>("last_error").find("451") != std::string::npos);
    CHECK(metric(t, "lacuna_mail_attempts_total{outcome=\"failed\"}") == 1);
    CHECK(metric(t, "lacuna_mail_outbox_pending") == 1);

    // A restart: the message waits in the store for its retry time, and is sent then, once.
    t.restart();
    t.service().runMail();
    CHECK(sink.received().empty());
    t.clock.advanceMs(60 * 1000);
    t.service().runMail();
    REQUIRE(sink.received().size() == 1);
    const Parsed daily = parse(sink.received().front());
    INFO(daily.subject << "\n" << daily.rawSubject);
    CHECK(daily.subject.find("خلاصه روزانه") != std::string::npos);
    CHECK(daily.parts.at("text/plain").find(std::string(BASE_URL) + path.substr(7)) != std::string::npos);
    CHECK(messages(t, "tehran.director")->getObject(0)->getValue<std::string>("state") == "sent");
    CHECK(metric(t, "lacuna_mail_outbox_pending") == 0);
    t.service().runMail();
    CHECK(sink.received().size() == 1);  // once a day

    // Saturday 07:00: the weekly digest and the next daily one, each composed once although two instances
    // compose at the same moment.
    REQUIRE(fire(t, "secretary", path, "start_drafting", 2).status == 200);
    TestService second(t.config().storage, mailTo(sink));
    t.clock.set(FakeClock::START + 42 * HOUR + 30 * 60 * 1000);  // Saturday 07:00
    second.clock.set(t.clock.nowMs());
    t.forgetTokens();
    std::thread other([&] { second.service().runMail(); });
    t.service().runMail();
    other.join();
    t.service().runMail();
    second.service().runMail();
    const auto all = sink.received();
    REQUIRE(all.size() == 3);
    std::map<std::string, int> byRecipient;
    for (const auto& m : all) {
        INFO(m.to.size() << " " << m.to.front() << "\n" << m.data.substr(0, 600));
        ++byRecipient[m.to.front()];
    }
    CHECK(byRecipient["<tehran.director@example.ir>"] == 2);
    CHECK(byRecipient["<mashhad.director@example.ir>"] == 1);
    for (const auto& m : all)
        if (m.to.front() == "<mashhad.director@example.ir>")
            CHECK(parse(m).subject.find("خلاصه هفتگی") != std::string::npos);
}

TEST_CASE(
    "STARTTLS: the server's certificate must be valid for its name and signed by a trusted CA; nothing "
    "goes in clear",
    "[http][mail][tls]") {
    TestCertificates certificates("Lacuna test CA");
    const auto [cert, key] = certificates.server("localhost", "DNS:localhost");
    const auto [otherCert, otherKey] = certificates.server("mail.other.test", "DNS:mail.other.test");
    const auto serverTls = [](const std::string& certFile, const std::string& keyFile) {
        return Poco::Net::Context::Ptr(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, keyFile,
                                                              certFile, "", Poco::Net::Context::VERIFY_NONE));
    };
    // One immediate message to Tehran's director through `sink`, the service reaching it as "localhost"
    // with STARTTLS and no AUTH; the message's state in the outbox after one attempt.
    const auto deliver = [&](SmtpSink& sink, const std::string& caFile) {
        TestService t(testBackend(), 64, [&](AppConfig& c) {
            mailTo(sink)(c);
            c.mail.smtp.host = "localhost";
            c.mail.smtp.starttls = true;
            c.mail.smtp.caFile = caFile;
            c.mail.smtp.username.clear();
            c.mail.smtp.password.clear();
        });
        const std::string path = gapPath(createGap(t));
        chooseFrequency(t, "tehran.director", "immediate");
        REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
        CHECK(t.service().runMail() == 1);
        const auto outbox = messages(t, "tehran.director");
        REQUIRE(outbox->size() == 1);
        return outbox->getObject(0);
    };

    SECTION("a certificate for the server's name, from the CA in ca_file: sent over TLS, greeted again") {
        SmtpSink sink(serverTls(cert, key));
        const auto message = deliver(sink, certificates.caFile());
        INFO(message->get("last_error").toString());
        CHECK(message->getValue<std::string>("state") == "sent");
        const auto received = sink.received();
        REQUIRE(received.size() == 1);
        CHECK(received.front().overTls);
        CHECK(received.front().to == std::vector<std::string>{"<tehran.director@example.ir>"});
        CHECK(received.front().data.find("Subject:") != std::string::npos);
    }
    SECTION("a certificate for another name: refused, nothing sent, retried later") {
        SmtpSink sink(serverTls(otherCert, otherKey));
        const auto message = deliver(sink, certificates.caFile());
        CHECK(message->getValue<std::string>("state") == "pending");
        CHECK(message->getValue<int>("attempts") == 1);
        CHECK(Poco::toLower(message->getValue<std::string>("last_error")).find("certificate") !=
              std::string::npos);
        CHECK(sink.received().empty());
    }
    SECTION("a CA the system does not trust, and no ca_file: refused, nothing sent") {
        SmtpSink sink(serverTls(cert, key));
        const auto message = deliver(sink, "");
        CHECK(message->getValue<std::string>("state") == "pending");
        CHECK(message->getValue<std::string>("last_error").find("certificate verify failed") !=
              std::string::npos);
        CHECK(sink.received().empty());
    }
    SECTION("a server that does not offer STARTTLS: nothing sent in clear") {
        SmtpSink sink;
        const auto message = deliver(sink, certificates.caFile());
        CHECK(message->getValue<std::string>("state") == "pending");
        CHECK(message->getValue<std::string>("last_error").find("STARTTLS") != std::string::npos);
        CHECK(sink.received().empty());
    }
}

TEST_CASE("a disabled account is mailed nothing", "[http][mail][account]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    const auto gap = createGap(t);  // the reporter watches it
    const std::string path = gapPath(gap);
    chooseFrequency(t, "tehran.director", "immediate");
    chooseFrequency(t, "tehran.expert", "immediate");
    REQUIRE(put(t, "tehran.expert", path + "/watch", "").status < 300);
    REQUIRE(setAccountStatus(t, "admin", "tehran.director", false, 1).status == 200);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    // The expert, watching too, hears of it; the disabled director does not.
    CHECK(t.service().runMail() == 1);
    const auto received = sink.received();
    REQUIRE(received.size() == 1);
    CHECK(received.front().to == std::vector<std::string>{"<tehran.expert@example.ir>"});
}

namespace {

/// The one message just received, as a mail program reads it.
Parsed onlyMessage(const SmtpSink& sink, std::size_t before) {
    const auto received = sink.received();
    REQUIRE(received.size() == before + 1);
    return parse(received.back());
}

/// What the outbox holds for `username` (read from the store: a disabled account cannot ask).
std::vector<OutgoingMail> outboxOf(TestService& t, const std::string& username) {
    return t.service().services().store.mail().messages(std::stoll(idOfUser(t, username)), 20);
}

}  // namespace

TEST_CASE("a change of password is mailed to the account's owner, whatever they chose for news",
          "[http][mail][account]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    // An address with no news wanted still hears of its password; an account with no address hears nothing.
    const Reply address = choose(
        t, "tehran.director", R"({"address":"director@tehran.ir","frequency":"none","expected_version":0})");
    REQUIRE(address.status == 200);
    chooseFrequency(t, "mashhad.director", "daily");
    const std::string own = t.token("tehran.director");
    const std::string when = jalaliDayTime(t.clock.nowMs()) + " (" + formatIsoUtc(t.clock.nowMs()) + ")";

    // Refused: nothing changed, nothing mailed.
    requireProblem(t.client->send("PUT", "/api/v1/me/password", own,
                                  R"({"current_password":"wrong horse 1","new_password":"a new password"})"),
                   422, "current_password");
    CHECK(outboxOf(t, "tehran.director").empty());

    SECTION("by the owner: when (Jalali and ISO) and from where, and that this session stays") {
        REQUIRE(t.client
                    ->send("PUT", "/api/v1/me/password", own,
                           R"({"current_password":"correct horse 1","new_password":"a new password"})")
                    .status == 204);
        const auto outbox = outboxOf(t, "tehran.director");
        REQUIRE(outbox.size() == 1);
        CHECK(outbox.front().digestKey == "account:2");  // the account's version after the change
        CHECK(t.service().runMail() == 1);
        const Parsed p = onlyMessage(sink, 0);
        CHECK(sink.received().back().to == std::vector<std::string>{"<director@tehran.ir>"});
        CHECK(p.subject == "لاکونا: گذرواژه حساب شما عوض شد");
        const std::string& text = p.parts.at("text/plain");
        const std::string& html = p.parts.at("text/html");
        INFO(text);
        CHECK(text.find("tehran.director گرامی") != std::string::npos);
        CHECK(text.find("گذرواژه حساب شما در " + when + " با گذرواژه پیشین عوض شد، از نشانی 127.0.0.1.") !=
              std::string::npos);
        CHECK(text.find("تنها نشستی که این کار را کرد باز ماند") != std::string::npos);
        CHECK(text.find("به مدیر سامانه خبر دهید") != std::string::npos);
        CHECK(text.find(std::string(BASE_URL) + "/account") != std::string::npos);
        CHECK(text.find("a new password") == std::string::npos);  // never the password itself
        CHECK(html.find("dir=\"rtl\"") != std::string::npos);
        CHECK(html.find("<bdi dir=\"ltr\">127.0.0.1</bdi>") != std::string::npos);
        CHECK(html.find("<bdi dir=\"ltr\">" + formatIsoUtc(t.clock.nowMs()) + "</bdi>") != std::string::npos);
        CHECK(html.find("a new password") == std::string::npos);
        // The daily digest's person did nothing: no message.
        CHECK(messages(t, "mashhad.director")->size() == 0);
    }

    SECTION("by an admin, who is named; every session ended") {
        REQUIRE(put(t, "admin", "/api/v1/users/" + idOfUser(t, "mashhad.director") + "/password",
                    R"({"password":"a new password"})")
                    .status == 204);
        CHECK(t.service().runMail() == 1);
        const Parsed p = onlyMessage(sink, 0);
        CHECK(sink.received().back().to == std::vector<std::string>{"<mashhad.director@example.ir>"});
        const std::string& text = p.parts.at("text/plain");
        INFO(text);
        CHECK(
            text.find(
                "مدیر سامانه، admin، در " + when +
                " گذرواژه تازه‌ای برای حساب شما گذاشت، از نشانی 127.0.0.1.") !=
            std::string::npos);
        CHECK(text.find("همه نشست‌های حساب بسته شد") != std::string::npos);
        CHECK(p.parts.at("text/html").find("<bdi dir=\"ltr\">admin</bdi>") != std::string::npos);
        CHECK(messages(t, "tehran.director")->size() == 0);
    }

    SECTION("from the command line") {
        t.service().users().resetPasswordUnchecked("tehran.director", "a new password");
        CHECK(t.service().runMail() == 1);
        const std::string text = onlyMessage(sink, 0).parts.at("text/plain");
        INFO(text);
        CHECK(text.find("گذرواژه حساب شما در " + when + " از خط فرمان کارساز لاکونا عوض شد.") !=
              std::string::npos);
        CHECK(text.find("نشانی") ==
              text.find("نشانی‌ای"));  // no client address: only the footnote's word
    }

    SECTION("no address, or a disabled account: the password changes, nothing is mailed") {
        for (const char* username : {"tehran.expert", "mashhad.director"}) {
            if (std::string(username) == "mashhad.director")
                REQUIRE(setAccountStatus(t, "admin", username, false,
                                         versionOf(t.client->get("/api/v1/users/" + idOfUser(t, username),
                                                                 t.token("admin"))))
                            .status == 200);
            REQUIRE(put(t, "admin", "/api/v1/users/" + idOfUser(t, username) + "/password",
                        R"({"password":"a new password"})")
                        .status == 204);
            CHECK(outboxOf(t, username).empty());
        }
        CHECK(t.service().runMail() == 0);
        CHECK(sink.received().empty());
        CHECK(loginStatus(t, "tehran.expert", "a new password") == 201);
    }
}

TEST_CASE("sessions ended for a person are mailed to them: all at once by anyone, one by an admin",
          "[http][mail][account]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    chooseFrequency(t, "tehran.director", "none");  // no news wanted: notices of the account still come
    const std::string own = t.token("tehran.director");
    const std::string director = idOfUser(t, "tehran.director");
    const std::string when = jalaliDayTime(t.clock.nowMs()) + " (" + formatIsoUtc(t.clock.nowMs()) + ")";
    const auto signInElsewhere = [&] { return t.client->login("tehran.director", TestService::PASSWORD); };
    const auto sessionIds = [&](const std::string& token) {
        std::vector<std::string> ids;
        const auto items = t.client->get("/api/v1/me/sessions", token).json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i)
            if (!items->getObject(i)->getValue<bool>("current"))
                ids.push_back(items->getObject(i)->getValue<std::string>("id"));
        return ids;
    };

    // Refused: nothing ended, nothing mailed.
    signInElsewhere();
    requireProblem(
        t.client->send("DELETE", "/api/v1/users/" + director + "/sessions", t.token("tehran.expert")), 403);
    CHECK(outboxOf(t, "tehran.director").empty());

    SECTION("by the owner, everywhere else: when and from where, and what to do if it was not them") {
        signInElsewhere();
        REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions", own).json()->getValue<int>("ended") == 2);
        const auto outbox = outboxOf(t, "tehran.director");
        REQUIRE(outbox.size() == 1);
        CHECK(outbox.front().digestKey == "account:2");  // the account's version after the change
        // Nothing left to end: no second message.
        REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions", own).json()->getValue<int>("ended") == 0);
        CHECK(outboxOf(t, "tehran.director").size() == 1);
        CHECK(t.service().runMail() == 1);
        const Parsed p = onlyMessage(sink, 0);
        CHECK(p.subject == "لاکونا: نشست‌های حساب شما بسته شد");
        const std::string& text = p.parts.at("text/plain");
        INFO(text);
        CHECK(
            text.find(
                "همه نشست‌های دیگر حساب شما در " + when +
                " یک‌جا بسته شد، از نشانی 127.0.0.1؛ تنها نشستی که این کار را کرد باز ماند.") !=
            std::string::npos);
        CHECK(text.find("همین حالا گذرواژه خود را عوض کنید") != std::string::npos);
        CHECK(text.find("با گذرواژه تازه") == std::string::npos);  // the password did not change
        CHECK(p.parts.at("text/html").find("<bdi dir=\"ltr\">127.0.0.1</bdi>") != std::string::npos);
    }

    SECTION("by an admin, everywhere, who is named") {
        REQUIRE(t.client->send("DELETE", "/api/v1/users/" + director + "/sessions", t.token("admin"))
                    .json()
                    ->getValue<int>("ended") == 2);
        CHECK(t.service().runMail() == 1);
        const Parsed p = onlyMessage(sink, 0);
        CHECK(sink.received().back().to == std::vector<std::string>{"<tehran.director@example.ir>"});
        CHECK(p.subject == "لاکونا: نشست‌های حساب شما بسته شد");
        const std::string& text = p.parts.at("text/plain");
        INFO(text);
        CHECK(
            text.find(
                "مدیر سامانه، admin، در " + when +
                " همه نشست‌های حساب شما را بست، از نشانی 127.0.0.1؛ برای ادامه دوباره وارد شوید.") !=
            std::string::npos);
        CHECK(text.find("از مدیر سامانه بپرسید") != std::string::npos);
        CHECK(p.parts.at("text/html").find("<bdi dir=\"ltr\">admin</bdi>") != std::string::npos);
    }

    SECTION("one session: by an admin the owner is told which; by the owner, not") {
        const std::vector<std::string> others = sessionIds(own);
        REQUIRE(others.size() == 1);
        REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions/" + others[0], own).status == 204);
        CHECK(outboxOf(t, "tehran.director").empty());
        signInElsewhere();
        const std::vector<std::string> again = sessionIds(own);
        REQUIRE(again.size() == 1);
        REQUIRE(
            t.client->send("DELETE", "/api/v1/users/" + director + "/sessions/" + again[0], t.token("admin"))
                .status == 204);
        CHECK(t.service().runMail() == 1);
        const Parsed p = onlyMessage(sink, 0);
        CHECK(p.subject == "لاکونا: یکی از نشست‌های حساب شما بسته شد");
        const std::string& text = p.parts.at("text/plain");
        INFO(text);
        CHECK(
            text.find(
                "مدیر سامانه، admin، در " + when + " نشستی از حساب شما را بست، از نشانی 127.0.0.1. آن نشست " +
                "از نشانی 127.0.0.1 وارد شده بود؛ نشست‌های دیگر شما باز است.") !=
            std::string::npos);
        CHECK(t.client->get("/api/v1/me", own).status == 200);  // this one goes on
    }

    SECTION("no address: the sessions end, nothing is mailed") {
        t.client->login("tehran.expert", TestService::PASSWORD);
        REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions", t.token("tehran.expert"))
                    .json()
                    ->getValue<int>("ended") == 1);
        CHECK(outboxOf(t, "tehran.expert").empty());
        CHECK(t.service().runMail() == 0);
    }
}

TEST_CASE("disabling an account withdraws the mail still waiting for it; enabling it brings none back",
          "[http][mail][account]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, mailTo(sink));
    chooseFrequency(t, "tehran.expert", "immediate");
    chooseFrequency(t, "tehran.director", "immediate");
    // Two notices wait in the outbox: the expert's, and the director's (who stays active).
    for (const char* username : {"tehran.expert", "tehran.director"})
        REQUIRE(put(t, "admin", "/api/v1/users/" + idOfUser(t, username) + "/password",
                    R"({"password":"a new password"})")
                    .status == 204);
    REQUIRE(outboxOf(t, "tehran.expert").size() == 1);
    CHECK(outboxOf(t, "tehran.expert").front().state == "pending");
    const auto version = [&] {
        return versionOf(t.client->get("/api/v1/users/" + idOfUser(t, "tehran.expert"), t.token("admin")));
    };
    REQUIRE(setAccountStatus(t, "admin", "tehran.expert", false, version()).status == 200);
    CHECK(outboxOf(t, "tehran.expert").front().state == "withdrawn");
    CHECK(outboxOf(t, "tehran.director").front().state == "pending");
    REQUIRE(setAccountStatus(t, "admin", "tehran.expert", true, version()).status == 200);
    CHECK(t.service().runMail() == 1);
    const auto received = sink.received();
    REQUIRE(received.size() == 1);
    CHECK(received.front().to == std::vector<std::string>{"<tehran.director@example.ir>"});
    CHECK(outboxOf(t, "tehran.expert").front().state == "withdrawn");
    // Not a failure to deliver: the outbox's backlog (and its alert) does not count it.
    CHECK(metric(t, "lacuna_mail_messages_failed") == 0);
}

namespace {

/// The service mailing to `sink`, giving a message up at its first refusal; the test delivers webhooks.
std::function<void(AppConfig&)> givingUpAtOnce(const SmtpSink& sink) {
    return [to = mailTo(sink)](AppConfig& c) {
        to(c);
        c.mail.maxAttempts = 1;
        c.webhooks.dispatch = false;
    };
}

/// Tehran's director and expert hear at once of a gap the director reports and the expert watches; the
/// sink refuses both messages of its triage, and they are given up. The gap's path.
std::string twoMessagesGivenUp(TestService& t, SmtpSink& sink) {
    chooseFrequency(t, "tehran.director", "immediate");
    chooseFrequency(t, "tehran.expert", "immediate");
    const std::string path = gapPath(createGap(t));
    REQUIRE(put(t, "tehran.expert", path + "/watch", "").status < 300);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    sink.refuseNext(2);
    REQUIRE(t.service().runMail() == 2);
    return path;
}

/// The outbox as the admin reads it through the API at `query`.
Poco::JSON::Object::Ptr outboxPage(TestService& t, const std::string& query = "") {
    const Reply r = t.client->get("/api/v1/mail/outbox" + query, t.token("admin"));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json();
}

/// The message of the outbox for `username` in `page`'s items.
Poco::JSON::Object::Ptr messageFor(const Poco::JSON::Object::Ptr& page, const std::string& username) {
    const auto items = page->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        if (items->getObject(i)->getObject("user")->getValue<std::string>("username") == username)
            return items->getObject(i);
    FAIL("no message for " << username);
    return nullptr;
}

}  // namespace

TEST_CASE("the admins' outbox: every message by state, and one given up on sent again to the address now",
          "[http][mail][outbox]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, givingUpAtOnce(sink));
    const std::string path = twoMessagesGivenUp(t, sink);
    REQUIRE(sink.received().empty());

    const auto failed = outboxPage(t);
    REQUIRE(failed->getArray("items")->size() == 2);
    CHECK(failed->isNull("next_cursor"));
    CHECK(failed->getObject("backlog")->getValue<int>("failed") == 2);
    CHECK(failed->getObject("backlog")->getValue<int>("pending") == 0);
    const auto first = failed->getArray("items")->getObject(0);
    const auto second = failed->getArray("items")->getObject(1);
    CHECK(first->getValue<std::int64_t>("id") > second->getValue<std::int64_t>("id"));  // newest first
    const auto director = messageFor(failed, "tehran.director");
    const std::string directorId = director->getValue<std::string>("id");
    const std::string expertId = messageFor(failed, "tehran.expert")->getValue<std::string>("id");
    CHECK(director->getValue<std::string>("state") == "failed");
    CHECK(director->getValue<std::string>("kind") == "digest");
    CHECK(director->getValue<std::string>("recipient") == "tehran.director@example.ir");
    CHECK(director->getValue<int>("attempts") == 1);
    CHECK(director->getValue<int>("retries") == 0);
    CHECK(director->getValue<std::string>("last_error").find("451") != std::string::npos);
    CHECK(director->getObject("user")->getValue<std::string>("id") == idOfUser(t, "tehran.director"));
    CHECK_FALSE(director->has("text"));  // the list leaves the texts out

    // One message alone carries its plain text; its history is empty until it is put back.
    const Reply one = t.client->get("/api/v1/mail/outbox/" + directorId, t.token("admin"));
    REQUIRE(one.status == 200);
    CHECK(one.json()->getValue<std::string>("text").find(path.substr(7)) != std::string::npos);
    CHECK(t.client->get("/api/v1/mail/outbox/" + directorId + "/history", t.token("admin"))
              .json()
              ->getArray("items")
              ->size() == 0);

    // Pages of one: the cursor leads to the older message, and no further.
    const auto page1 = outboxPage(t, "?state=failed&limit=1");
    REQUIRE(page1->getArray("items")->size() == 1);
    REQUIRE_FALSE(page1->isNull("next_cursor"));
    const auto page2 =
        outboxPage(t, "?state=failed&limit=1&cursor=" + page1->getValue<std::string>("next_cursor"));
    REQUIRE(page2->getArray("items")->size() == 1);
    CHECK(page2->getArray("items")->getObject(0)->getValue<std::int64_t>("id") ==
          second->getValue<std::int64_t>("id"));
    CHECK(page2->isNull("next_cursor"));
    CHECK(outboxPage(t, "?state=sent")->getArray("items")->size() == 0);

    // Refused, each naming what is wrong, and nothing changed.
    const std::string admin = t.token("admin");
    requireProblem(t.client->get("/api/v1/mail/outbox", t.token("tehran.director")), 403);
    requireProblem(t.client->get("/api/v1/mail/outbox/" + directorId, t.token("secretary")), 403);
    requireProblem(t.client->get("/api/v1/mail/outbox?state=lost", admin), 400, "state");
    requireProblem(t.client->get("/api/v1/mail/outbox?limit=0", admin), 400, "limit");
    requireProblem(t.client->get("/api/v1/mail/outbox?limit=101", admin), 400, "limit");
    requireProblem(t.client->get("/api/v1/mail/outbox?cursor=abc", admin), 400, "cursor");
    requireProblem(t.client->get("/api/v1/mail/outbox?colour=red", admin), 400, "colour");
    requireProblem(t.client->get("/api/v1/mail/outbox/999999", admin), 404);
    requireProblem(t.client->post("/api/v1/mail/outbox/999999/retry", admin, ""), 404);
    requireProblem(
        t.client->post("/api/v1/mail/outbox/" + directorId + "/retry", t.token("tehran.director"), ""), 403);
    requireProblem(t.client->post("/api/v1/mail/outbox/" + directorId + "/retry", "", ""), 401);
    CHECK(messageFor(outboxPage(t), "tehran.director")->getValue<std::string>("state") == "failed");

    // The director corrects the address; the admin puts the message back, to the address now.
    const Reply current = t.client->get("/api/v1/me/mail", t.token("tehran.director"));
    REQUIRE(
        choose(t, "tehran.director",
               withVersion(R"("address":"director@tehran.ir","frequency":"immediate")", versionOf(current)))
            .status == 200);
    const Reply retried = t.client->post("/api/v1/mail/outbox/" + directorId + "/retry", admin, "");
    INFO(retried.body);
    REQUIRE(retried.status == 200);
    CHECK(retried.json()->getValue<std::string>("state") == "pending");
    CHECK(retried.json()->getValue<std::string>("recipient") == "director@tehran.ir");
    CHECK(retried.json()->getValue<int>("retries") == 1);
    CHECK(retried.json()->getValue<int>("attempts") == 1);
    // A second click finds it waiting: refused, and no second event.
    requireProblem(t.client->post("/api/v1/mail/outbox/" + directorId + "/retry", admin, ""), 409);
    const auto events =
        t.client->get("/api/v1/mail/outbox/" + directorId + "/history", admin).json()->getArray("items");
    REQUIRE(events->size() == 1);
    const auto event = events->getObject(0);
    CHECK(event->getValue<std::string>("type") == "retried");
    CHECK(event->getObject("actor")->getValue<std::string>("username") == "admin");
    CHECK(event->getValue<std::string>("from_state") == "failed");
    CHECK(event->getValue<std::string>("to_state") == "pending");
    CHECK(event->getObject("data")->getValue<bool>("address_changed"));
    CHECK(event->getObject("data")->getValue<int>("attempts") == 1);
    std::ostringstream data;
    event->getObject("data")->stringify(data);
    CHECK(data.str().find("@") == std::string::npos);  // the address stays out of the audit data
    CHECK(outboxPage(t)->getObject("backlog")->getValue<int>("pending") == 1);

    // It goes, once, to the address now, under the same Message-ID.
    CHECK(t.service().runMail() == 1);
    auto received = sink.received();
    REQUIRE(received.size() == 1);
    CHECK(received.front().to == std::vector<std::string>{"<director@tehran.ir>"});
    CHECK(received.front().data.find("Message-ID: <lacuna-mail-" + directorId + "@example.ir>") !=
          std::string::npos);
    const auto sent = messageFor(outboxPage(t), "tehran.director");
    CHECK(sent->getValue<std::string>("state") == "sent");
    CHECK(sent->getValue<int>("attempts") == 2);
    requireProblem(t.client->post("/api/v1/mail/outbox/" + directorId + "/retry", admin, ""), 409);
    CHECK(outboxPage(t, "?state=sent")->getArray("items")->size() == 1);

    // The expert's digest: not while the account is disabled, nor once they stopped hearing by e-mail.
    const auto expertVersion = [&] {
        return versionOf(t.client->get("/api/v1/users/" + idOfUser(t, "tehran.expert"), admin));
    };
    REQUIRE(setAccountStatus(t, "admin", "tehran.expert", false, expertVersion()).status == 200);
    requireProblem(t.client->post("/api/v1/mail/outbox/" + expertId + "/retry", admin, ""), 409);
    REQUIRE(setAccountStatus(t, "admin", "tehran.expert", true, expertVersion()).status == 200);
    t.forgetTokens();  // disabling ended the expert's session
    chooseFrequency(t, "tehran.expert", "none");
    requireProblem(t.client->post("/api/v1/mail/outbox/" + expertId + "/retry", admin, ""), 409);
    const auto expert = messageFor(outboxPage(t), "tehran.expert");
    CHECK(expert->getValue<std::string>("state") == "failed");
    CHECK(expert->getValue<int>("retries") == 0);
    CHECK(t.client->get("/api/v1/mail/outbox/" + expertId + "/history", admin)
              .json()
              ->getArray("items")
              ->size() == 0);
    chooseFrequency(t, "tehran.expert", "immediate");
    CHECK(t.client->post("/api/v1/mail/outbox/" + expertId + "/retry", admin, "").status == 200);
    CHECK(t.service().runMail() == 1);
    received = sink.received();
    REQUIRE(received.size() == 2);
    CHECK(received.back().to == std::vector<std::string>{"<tehran.expert@example.ir>"});
}

TEST_CASE("the outbox page lists the messages by state, with a button that sends a failed one again",
          "[http][web][mail][outbox]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, givingUpAtOnce(sink));
    twoMessagesGivenUp(t, sink);
    const auto failed = outboxPage(t);
    const std::string directorId = messageFor(failed, "tehran.director")->getValue<std::string>("id");
    const std::string expertId = messageFor(failed, "tehran.expert")->getValue<std::string>("id");

    const Browser admin(t, "admin");
    const Reply page = admin.get("/admin/mail?state=failed");
    requireSecureHtml(page);
    CHECK(page.body.find("tehran.director@example.ir") != std::string::npos);
    CHECK(page.body.find(">tehran.expert</a>") != std::string::npos);
    CHECK(page.body.find("action=\"/admin/mail/" + directorId + "/retry\"") != std::string::npos);
    CHECK(page.body.find("ناموفق: <strong>۲</strong>") != std::string::npos);
    CHECK(page.body.find("href=\"/admin/mail?state=failed\" aria-current=\"true\"") != std::string::npos);
    CHECK(admin.get("/admin/mail?state=sent").body.find("نامه‌ای در این وضعیت نیست") !=
          std::string::npos);
    CHECK(admin.get("/admin/mail?state=lost").status == 400);
    CHECK(admin.get("/admin/users").body.find("href=\"/admin/mail\"") != std::string::npos);

    // Only an admin, and only from the page itself.
    CHECK(Browser(t, "tehran.director").get("/admin/mail").status == 403);
    CHECK(Browser(t, "tehran.director").post("/admin/mail/" + directorId + "/retry", {}).status == 403);
    CHECK(admin.post("/admin/mail/" + directorId + "/retry", {}, false).status == 403);
    CHECK(messageFor(outboxPage(t), "tehran.director")->getValue<std::string>("state") == "failed");

    const Reply retried = admin.post("/admin/mail/" + directorId + "/retry", {});
    REQUIRE(retried.status == 303);
    CHECK(retried.header("Location") == "/admin/mail?state=failed&retried=" + directorId + "#messages");
    CHECK(messageFor(outboxPage(t), "tehran.director")->getValue<std::string>("state") == "pending");
    CHECK(admin.get("/admin/mail?state=failed&retried=" + directorId).body.find("به صف ارسال برگشت") !=
          std::string::npos);
    // A second click, and a disabled account: the page says why, in Persian.
    const Reply again = admin.post("/admin/mail/" + directorId + "/retry", {});
    CHECK(again.header("Location") == "/admin/mail?state=failed&refused=not_failed#messages");
    REQUIRE(setAccountStatus(
                t, "admin", "tehran.expert", false,
                versionOf(t.client->get("/api/v1/users/" + idOfUser(t, "tehran.expert"), t.token("admin"))))
                .status == 200);
    const Reply disabled = admin.post("/admin/mail/" + expertId + "/retry", {});
    CHECK(disabled.header("Location") == "/admin/mail?state=failed&refused=account_disabled#messages");
    CHECK(
        admin.get("/admin/mail?state=failed&refused=account_disabled").body.find("حساب گیرنده غیرفعال است") !=
        std::string::npos);
    CHECK(messageFor(outboxPage(t), "tehran.expert")->getValue<std::string>("state") == "failed");
}

TEST_CASE("every event of an account and of its mail can be subscribed to by name",
          "[http][webhooks][account]") {
    SmtpSink sink;
    TestService t(testBackend(), 64, givingUpAtOnce(sink));
    EveryEventType every(t);
    const std::string admin = t.token("admin");
    const Reply added = t.client->post(
        "/api/v1/users", admin,
        R"({"username":"tehran.second","password":"a first password","roles":["legal_expert"],)"
        R"("municipality":"tehran"})");
    REQUIRE(added.status == 201);
    const std::string path = "/api/v1/users/" + added.json()->getValue<std::string>("id");
    REQUIRE(put(t, "admin", path, withVersion(R"("roles":["legal_director"],"municipality":"tehran")", 1))
                .status == 200);
    REQUIRE(put(t, "admin", path + "/status", withVersion(R"("active":false)", 2)).status == 200);
    REQUIRE(put(t, "admin", path + "/status", withVersion(R"("active":true)", 3)).status == 200);
    const std::string second = t.client->login("tehran.second", "a first password");
    REQUIRE(t.client->post("/api/v1/me/calendar-feed", second, "").status < 300);
    REQUIRE(t.client
                ->send("PUT", "/api/v1/me/password", second,
                       R"({"current_password":"a first password","new_password":"a second password"})")
                .status == 204);
    const std::string other = t.client->login("tehran.second", "a second password");
    const auto sessions = t.client->get("/api/v1/me/sessions", second).json()->getArray("items");
    for (std::size_t i = 0; i < sessions->size(); ++i)
        if (!sessions->getObject(i)->getValue<bool>("current"))
            REQUIRE(t.client
                        ->send("DELETE",
                               "/api/v1/me/sessions/" + sessions->getObject(i)->getValue<std::string>("id"),
                               second)
                        .status == 204);
    CHECK(meStatus(t, other) == 401);
    const std::string third = t.client->login("tehran.second", "a second password");
    REQUIRE(t.client->send("DELETE", path + "/sessions", admin).status == 200);
    CHECK(meStatus(t, third) == 401);
    REQUIRE(choose(t, "tehran.director",
                   withVersion(R"("address":"director@tehran.ir","frequency":"immediate")", 0))
                .status == 200);
    REQUIRE(put(t, "admin", path + "/password", R"({"password":"a third password"})").status == 204);
    // The director hears of a change at once; the server refuses, the admin puts the message back.
    const std::string gap = gapPath(createGap(t));
    REQUIRE(fire(t, "secretary", gap, "triage", 1).status == 200);
    sink.refuseNext(1);
    REQUIRE(t.service().runMail() == 1);
    const std::string message =
        messageFor(outboxPage(t, "?state=failed"), "tehran.director")->getValue<std::string>("id");
    REQUIRE(t.client->post("/api/v1/mail/outbox/" + message + "/retry", admin, "").status == 200);

    const std::multiset<std::string> types = every.check();
    for (const char* type :
         {"user.created", "user.changed", "user.disabled", "user.enabled", "user.feed_reset",
          "user.password_changed", "user.session_ended", "user.sessions_ended", "user.password_reset",
          "mail_preference.changed", "mail_message.retried", "gap.created", "gap.transition"})
        CHECK(types.count(type) == 1);
}
