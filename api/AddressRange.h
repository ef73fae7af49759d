#pragma once

#include <Poco/Net/IPAddress.h>

#include <optional>
#include <string>
#include <vector>

namespace lacuna {

/// A block of addresses written as an address (`10.0.0.5`, `::1`) or a CIDR block (`10.0.0.0/8`,
/// `fd00::/8`). An IPv4 address that reaches an IPv6 socket as `::ffff:a.b.c.d` is its IPv4 self.
class AddressRange {
public:
    /// The range `text` names, or nothing when it names none.
    static std::optional<AddressRange> parse(const std::string& text);
    bool contains(const Poco::Net::IPAddress& address) const;
    bool contains(const std::string& address) const;
    std::string str() const;

private:
    AddressRange(Poco::Net::IPAddress network, unsigned prefix);
    Poco::Net::IPAddress _network;  ///< with the host bits cleared
    unsigned _prefix;
};

/// Whether `address` is in any of `ranges`.
bool inAnyRange(const std::vector<AddressRange>& ranges, const std::string& address);

}  // namespace lacuna
