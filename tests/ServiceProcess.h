#pragma once

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lacuna::test {

/// A `lacuna serve` child process on a free port, as an operator would start it.
class ServiceProcess {
public:
    /// Starts `lacuna serve --port 0 <arguments>` with `environment` added, and waits until it
    /// listens (throws when it exits first, or does not listen within `startSeconds` — then it is
    /// killed —, with what it printed).
    ServiceProcess(const std::vector<std::string>& arguments,
                   const std::map<std::string, std::string>& environment, int startSeconds = 240);
    ~ServiceProcess();

    int port() const { return _port; }
    int pid() const { return _handle->id(); }
    /// What the process printed up to the moment it listened.
    const std::string& startOutput() const { return _output; }
    /// Waits until the process has printed `text` (after it listened); false after `seconds`.
    bool waitForOutput(const std::string& text, int seconds);
    /// What the service printed after it began listening.
    std::string laterOutput();
    /// SIGKILL, no goodbye.
    void kill();
    /// SIGTERM, then waits; returns the exit code.
    int terminate();

private:
    void stopped();

    std::unique_ptr<Poco::ProcessHandle> _handle;
    Poco::Pipe _out;
    int _port = 0;
    std::string _output;
    bool _running = false;
    std::thread _drain;  ///< keeps reading what the process prints, so its writes never block
    std::mutex _laterMutex;
    std::condition_variable _printed;
    std::string _later;  ///< what it printed after listening
};

/// Ends the test process with a report when a test outlives `seconds`: CTest's own timeout would kill it
/// without a word of where it stood. Disarmed when it goes out of scope.
class Watchdog {
public:
    /// `report` says where the test stands; `cleanup` stops what the test started outside the process.
    Watchdog(int seconds, std::function<std::string()> report, std::function<void()> cleanup = {});
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::mutex _mutex;
    std::condition_variable _disarmed;
    bool _done = false;
    std::thread _thread;
};

/// The last `bytes` of `text` (all of it when shorter), for a report.
std::string tail(const std::string& text, std::size_t bytes);

/// The last `bytes` of the file at `path`, or a line saying it cannot be read.
std::string fileTail(const std::string& path, std::size_t bytes);

/// What a `lacuna` command (not serve) printed, and how it exited.
struct CommandResult {
    int code = -1;
    std::string output;  ///< standard output and standard error, as they came
};

/// Runs `lacuna <arguments>` with `environment` and waits for it to end.
CommandResult runLacuna(const std::vector<std::string>& arguments,
                        const std::map<std::string, std::string>& environment);

/// Runs `scripts/<script> <arguments>` (LACUNA_SCRIPTS or the source tree's) and returns what it printed
/// (throws when it fails).
std::string runScript(const std::string& script, const std::vector<std::string>& arguments);

/// Runs `scripts/mariadb.sh <arguments>` and returns what it printed (throws when it fails).
std::string mariadbScript(const std::vector<std::string>& arguments);

/// Runs `scripts/mariadb.sh <command> <the test server's directory>` (start, stop, kill).
void controlTestMariadb(const std::string& command);

}  // namespace lacuna::test
