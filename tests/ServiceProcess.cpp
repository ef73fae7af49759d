#include "ServiceProcess.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <istream>
#include <stdexcept>

namespace lacuna::test {

ServiceProcess::ServiceProcess(const std::vector<std::string>& arguments,
                               const std::map<std::string, std::string>& environment, int startSeconds) {
    std::vector<std::string> args = {"serve", "--port", "0"};
    args.insert(args.end(), arguments.begin(), arguments.end());
    Poco::Process::Env env(environment.begin(), environment.end());
    _handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(LACUNA_BINARY, args, LACUNA_SOURCE_DIR, nullptr, &_out, &_out, env));
    _running = true;
    // Read with a deadline, not through a blocking stream: a service that hangs while starting (a lock it
    // waits for, a store that never answers) fails the test with what it printed, instead of stalling it.
    const int fd = _out.readHandle();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(startSeconds);
    const std::string marker = "listening on http://";
    std::string pending;
    for (;;) {
        for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
            const std::string line = pending.substr(0, end);
            pending.erase(0, end + 1);
            _output += line + "\n";
            const auto at = line.find(marker);
            if (at == std::string::npos) continue;
            const auto colon = line.find(':', at + marker.size());
            _port = std::stoi(line.substr(colon + 1));
            _later = pending;
            _drain = std::thread([this] {
                Poco::PipeInputStream rest(_out);
                std::string line;
                while (std::getline(rest, line)) {
                    std::lock_guard lock(_laterMutex);
                    _later += line + "\n";
                    _printed.notify_all();
                }
            });
            return;
        }
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            kill();
            throw std::runtime_error("lacuna did not listen within " + std::to_string(startSeconds) +
                                     " s; it printed:\n" + _output + pending);
        }
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
        char chunk[4096];
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the process closed its output: it exited
        pending.append(chunk, static_cast<std::size_t>(n));
    }
    _handle->wait();
    _running = false;
    // std::runtime_error: its what() carries the message (a Poco exception's says only "Runtime exception")
    throw std::runtime_error("lacuna exited before listening:\n" + _output + pending);
}

ServiceProcess::~ServiceProcess() {
    if (_running) kill();
    if (_drain.joinable()) _drain.join();
}

bool ServiceProcess::waitForOutput(const std::string& text, int seconds) {
    std::unique_lock lock(_laterMutex);
    return _printed.wait_for(lock, std::chrono::seconds(seconds),
                             [&] { return _later.find(text) != std::string::npos; });
}

std::string ServiceProcess::laterOutput() {
    std::lock_guard lock(_laterMutex);
    return _later;
}

void ServiceProcess::stopped() {
    _running = false;
    if (_drain.joinable()) _drain.join();  // the pipe reaches its end once the process is gone
}

void ServiceProcess::kill() {
    Poco::Process::kill(*_handle);
    _handle->wait();
    stopped();
}

int ServiceProcess::terminate() {
    Poco::Process::requestTermination(_handle->id());
    const int code = _handle->wait();
    stopped();
    return code;
}

Watchdog::Watchdog(int seconds, std::function<std::string()> report, std::function<void()> cleanup) {
    _thread = std::thread([this, seconds, report = std::move(report), cleanup = std::move(cleanup)] {
        std::unique_lock lock(_mutex);
        if (_disarmed.wait_for(lock, std::chrono::seconds(seconds), [this] { return _done; })) return;
        std::cerr << "watchdog: the test ran for more than " << seconds << " s; where it stood:\n"
                  << report() << std::endl;
        if (cleanup) cleanup();
        std::_Exit(70);
    });
}

Watchdog::~Watchdog() {
    {
        std::lock_guard lock(_mutex);
        _done = true;
    }
    _disarmed.notify_all();
    _thread.join();
}

std::string tail(const std::string& text, std::size_t bytes) {
    return text.size() <= bytes ? text : "…" + text.substr(text.size() - bytes);
}

std::string fileTail(const std::string& path, std::size_t bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "(" + path + " cannot be read)\n";
    return tail(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()), bytes);
}

CommandResult runLacuna(const std::vector<std::string>& arguments,
                        const std::map<std::string, std::string>& environment) {
    Poco::Pipe out;
    Poco::Process::Env env(environment.begin(), environment.end());
    Poco::ProcessHandle handle =
        Poco::Process::launch(LACUNA_BINARY, arguments, LACUNA_SOURCE_DIR, nullptr, &out, &out, env);
    CommandResult result;
    Poco::PipeInputStream in(out);
    Poco::StreamCopier::copyToString(in, result.output);
    result.code = handle.wait();
    return result;
}

std::string runScript(const std::string& script, const std::vector<std::string>& arguments) {
    const std::string scripts = Poco::Environment::get("LACUNA_SCRIPTS", LACUNA_SOURCE_DIR "/scripts");
    std::vector<std::string> command{scripts + "/" + script};
    command.insert(command.end(), arguments.begin(), arguments.end());
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch("bash", command, nullptr, &out, &out);
    Poco::PipeInputStream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // std::runtime_error: Catch shows its what(), the script's own words
    if (handle.wait() != 0) throw std::runtime_error(script + " " + arguments.front() + " failed: " + text);
    return text;
}

std::string mariadbScript(const std::vector<std::string>& arguments) {
    return runScript("mariadb.sh", arguments);
}

void controlTestMariadb(const std::string& command) {
    const std::string dir = Poco::Environment::get("LACUNA_TEST_MARIADB_DIR", "");
    if (dir.empty())
        throw Poco::RuntimeException("LACUNA_TEST_MARIADB_DIR is not set (scripts/test.sh sets it)");
    mariadbScript({command, dir});
}

}  // namespace lacuna::test
