#include "ServiceProcess.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>

#include <csignal>
#include <istream>
#include <stdexcept>

namespace lacuna::test {

ServiceProcess::ServiceProcess(const std::vector<std::string>& arguments,
                               const std::map<std::string, std::string>& environment) {
    std::vector<std::string> args = {"serve", "--port", "0"};
    args.insert(args.end(), arguments.begin(), arguments.end());
    Poco::Process::Env env(environment.begin(), environment.end());
    _handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(LACUNA_BINARY, args, LACUNA_SOURCE_DIR, nullptr, &_out, &_out, env));
    _running = true;
    Poco::PipeInputStream in(_out);
    std::string line;
    const std::string marker = "listening on http://";
    while (std::getline(in, line)) {
        _output += line + "\n";
        const auto at = line.find(marker);
        if (at == std::string::npos) continue;
        const auto colon = line.find(':', at + marker.size());
        _port = std::stoi(line.substr(colon + 1));
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
    _handle->wait();
    _running = false;
    // std::runtime_error: its what() carries the message (a Poco exception's says only "Runtime exception")
    throw std::runtime_error("lacuna exited before listening:\n" + _output);
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
