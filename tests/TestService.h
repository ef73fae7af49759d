#pragma once

#include <functional>
#include <memory>

#include "AppConfig.h"
#include "FakeClock.h"
#include "HttpClient.h"
#include "LacunaService.h"
#include "Logs.h"
#include "TestStores.h"
#include "WebSite.h"

namespace lacuna::test {

/// The real service (API and pages), in-process on a free port, over a fresh store of `backend`, with a fake
/// clock and a cast of users: directors and experts in Tehran and Mashhad, the committee's secretary and
/// liaison officer, committee members of Tehran, Mashhad and Isfahan, observers, and an admin. Everyone's
/// password is PASSWORD.
class TestService {
public:
    static constexpr const char* PASSWORD = "correct horse 1";

    /// `adjust` may change the configuration before the service starts.
    explicit TestService(const std::string& backend = testBackend(), int threads = 64,
                         const std::function<void(AppConfig&)>& adjust = {}) {
        AppConfig config = baseConfig(threads);
        config.storage = freshStoreSettings(backend, _dir);
        if (adjust) adjust(config);
        create(config);
        const PasswordHasher hasher;
        const std::string hash = hasher.hash(PASSWORD);
        const auto add = [&](const std::string& name, const std::string& role,
                             std::optional<std::string> city) {
            _service->users().addUserWithHash({name, PASSWORD, {role}, std::move(city)}, hash);
        };
        add("admin", "admin", std::nullopt);
        add("tehran.director", "legal_director", "tehran");
        add("tehran.expert", "legal_expert", "tehran");
        add("tehran.observer", "observer", "tehran");
        add("mashhad.director", "legal_director", "mashhad");
        add("mashhad.member", "committee_member", "mashhad");
        add("tehran.member", "committee_member", "tehran");
        add("isfahan.member", "committee_member", "isfahan");
        add("secretary", "committee_secretary", std::nullopt);
        add("liaison", "liaison_officer", std::nullopt);
        add("observer", "observer", std::nullopt);
        _service->start();
        client = std::make_unique<HttpClient>(_service->port());
    }
    /// The service over a store that exists already (its users and sessions as they are there).
    TestService(const StoreSettings& existing, const std::function<void(AppConfig&)>& adjust) {
        AppConfig config = baseConfig(64);
        config.storage = existing;
        if (adjust) adjust(config);
        create(config);
        _service->start();
        client = std::make_unique<HttpClient>(_service->port());
    }
    ~TestService() { _service->stop(); }

    LacunaService& service() { return *_service; }
    const AppConfig& config() const { return _config; }
    /// Stops the service and starts a new one on the same store (a restart); tokens stay valid.
    void restart() {
        _service->stop();
        _service.reset();
        create(_config);
        _service->start();
        client = std::make_unique<HttpClient>(_service->port());
    }
    std::string token(const std::string& username) {
        auto it = _tokens.find(username);
        if (it == _tokens.end()) it = _tokens.emplace(username, client->login(username, PASSWORD)).first;
        return it->second;
    }

    /// Logs everyone in afresh on their next request (after the clock jumped past token expiry).
    void forgetTokens() { _tokens.clear(); }

    FakeClock clock;
    std::unique_ptr<HttpClient> client;

private:
    AppConfig baseConfig(int threads) {
        logs::discardOutput();
        AppConfig config = loadConfig(LACUNA_SOURCE_DIR "/config/lacuna.yaml");
        config.server.host = "127.0.0.1";
        config.server.port = 0;
        config.server.threads = threads;
        config.dataDir = _dir.path();
        return config;
    }
    void create(const AppConfig& config) {
        _config = config;
        _service = std::make_unique<LacunaService>(config, clock, installWebPages);
    }

    TempDir _dir;
    AppConfig _config;
    std::unique_ptr<LacunaService> _service;
    std::map<std::string, std::string> _tokens;
};

}  // namespace lacuna::test
