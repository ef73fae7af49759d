#pragma once

// Certificates made for a test: a certificate authority of its own and server certificates it signs, written
// as PEM files in a temporary directory (OpenSSL's API; nothing is read from or written to the system's).
#include <Poco/TemporaryFile.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace lacuna::test {

class TestCertificates {
public:
    /// A new certificate authority named `caName`.
    explicit TestCertificates(const std::string& caName) : _caKey(newKey()), _ca(X509_new(), X509_free) {
        _dir.createDirectories();
        fill(_ca.get(), caName, 1);
        X509_set_issuer_name(_ca.get(), X509_get_subject_name(_ca.get()));
        X509_set_pubkey(_ca.get(), _caKey.get());
        extend(_ca.get(), _ca.get(), NID_basic_constraints, "critical,CA:TRUE");
        extend(_ca.get(), _ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
        sign(_ca.get());
        _caFile = write("ca.pem", [&](FILE* f) { return PEM_write_X509(f, _ca.get()); });
    }

    /// The authority's certificate as a PEM file.
    const std::string& caFile() const { return _caFile; }

    /// A server certificate the authority signs for `subjectAltName` (e.g. "DNS:localhost"): the paths of
    /// its certificate and its private key, as PEM files.
    std::pair<std::string, std::string> server(const std::string& name, const std::string& subjectAltName) {
        const auto key = newKey();
        const std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
        fill(cert.get(), name, ++_serial);
        X509_set_issuer_name(cert.get(), X509_get_subject_name(_ca.get()));
        X509_set_pubkey(cert.get(), key.get());
        extend(cert.get(), _ca.get(), NID_basic_constraints, "critical,CA:FALSE");
        extend(cert.get(), _ca.get(), NID_ext_key_usage, "serverAuth");
        extend(cert.get(), _ca.get(), NID_subject_alt_name, subjectAltName);
        sign(cert.get());
        return {write(name + ".pem", [&](FILE* f) { return PEM_write_X509(f, cert.get()); }),
                write(name + ".key", [&](FILE* f) {
                    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
                })};
    }

private:
    using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

    static Key newKey() {
        Key key(EVP_RSA_gen(2048), EVP_PKEY_free);
        if (!key) throw std::runtime_error("no RSA key");
        return key;
    }
    static void fill(X509* cert, const std::string& commonName, long serial) {
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), serial);
        X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), 7 * 24 * 3600);
        X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
    }
    static void extend(X509* cert, X509* issuer, int nid, const std::string& value) {
        X509V3_CTX ctx;
        X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
        if (!ext) throw std::runtime_error("bad extension " + value);
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
    void sign(X509* cert) {
        if (X509_sign(cert, _caKey.get(), EVP_sha256()) <= 0) throw std::runtime_error("cannot sign");
    }
    template <typename Write>
    std::string write(const std::string& name, Write pem) {
        const std::string path = _dir.path() + "/" + name;
        const std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "w"), std::fclose);
        if (!f || pem(f.get()) != 1) throw std::runtime_error("cannot write " + path);
        return path;
    }

    Poco::TemporaryFile _dir;
    Key _caKey;
    std::unique_ptr<X509, decltype(&X509_free)> _ca;
    std::string _caFile;
    long _serial = 1;
};

}  // namespace lacuna::test
