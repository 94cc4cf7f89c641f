// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <new>

namespace taglens::engine {

struct Sha256::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

// The calls below only fail when memory runs out or OpenSSL is broken; a wrong digest would be
// worse than stopping (digests name images in projects and check model files).
void check(int ok)
{
    if (ok != 1)
        throw std::bad_alloc();
}

} // namespace

Sha256::Sha256() : d(std::make_unique<Context>())
{
    if (!d->ctx)
        throw std::bad_alloc();
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    check(EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr));
}

void Sha256::addData(QByteArrayView data)
{
    if (!data.isEmpty())
        check(EVP_DigestUpdate(d->ctx, data.data(), size_t(data.size())));
}

QByteArray Sha256::result() const
{
    // Finalising ends a context, so finalise a copy and keep this one open for more data.
    Context copy;
    if (!copy.ctx)
        throw std::bad_alloc();
    check(EVP_MD_CTX_copy_ex(copy.ctx, d->ctx));
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    check(EVP_DigestFinal_ex(copy.ctx, reinterpret_cast<unsigned char *>(digest.data()), &length));
    digest.truncate(qsizetype(length));
    return digest;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 h;
    h.addData(data);
    return h.result();
}

QString Sha256::hex(QByteArrayView data)
{
    return QString::fromLatin1(hash(data).toHex());
}

} // namespace taglens::engine
