#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/rand.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>

// OpenSSL spells these as macros over SSL_CTX_ctrl / SSL_ctrl, which Swift
// cannot call; each wrapper is the macro and nothing else.
static inline long COpenSSL_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
static inline long COpenSSL_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int v) { return SSL_CTX_set_min_proto_version(ctx, v); }
static inline long COpenSSL_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int v) { return SSL_CTX_set_max_proto_version(ctx, v); }
static inline long COpenSSL_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long m) { return SSL_CTX_set_session_cache_mode(ctx, m); }
static inline long COpenSSL_SSL_CTX_sess_set_cache_size(SSL_CTX *ctx, long n) { return SSL_CTX_sess_set_cache_size(ctx, n); }
static inline long COpenSSL_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *s) { return SSL_CTX_set1_groups_list(ctx, s); }
static inline long COpenSSL_SSL_CTX_add_extra_chain_cert(SSL_CTX *ctx, X509 *x) { return SSL_CTX_add_extra_chain_cert(ctx, x); }
static inline long COpenSSL_SSL_CTX_clear_chain_certs(SSL_CTX *ctx) { return SSL_CTX_clear_chain_certs(ctx); }
static inline long COpenSSL_SSL_CTX_add0_chain_cert(SSL_CTX *ctx, X509 *x) { return SSL_CTX_add0_chain_cert(ctx, x); }
static inline int COpenSSL_SSL_CTX_set_app_data(SSL_CTX *ctx, void *p) { return SSL_CTX_set_app_data(ctx, p); }
static inline void *COpenSSL_SSL_CTX_get_app_data(const SSL_CTX *ctx) { return SSL_CTX_get_app_data(ctx); }
static inline int COpenSSL_SSL_set_app_data(SSL *ssl, void *p) { return SSL_set_app_data(ssl, p); }
static inline void *COpenSSL_SSL_get_app_data(const SSL *ssl) { return SSL_get_app_data(ssl); }
static inline long COpenSSL_SSL_set_mode(SSL *ssl, long mode) { return SSL_set_mode(ssl, mode); }

// The callback type of SSL_CTX_set_alpn_select_cb, spelled for Swift.
typedef int (*COpenSSL_alpn_select_cb)(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                                       const unsigned char *in, unsigned int inlen, void *arg);

// SSL_OP_* are built with a cast macro (SSL_OP_BIT) Swift does not import.
static const uint64_t COpenSSL_SSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;
static const uint64_t COpenSSL_SSL_OP_IGNORE_UNEXPECTED_EOF = SSL_OP_IGNORE_UNEXPECTED_EOF;
static const uint64_t COpenSSL_SSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;
static const uint64_t COpenSSL_SSL_OP_CIPHER_SERVER_PREFERENCE = SSL_OP_CIPHER_SERVER_PREFERENCE;

// Development certificates: EVP_EC_gen is a macro over the variadic
// EVP_PKEY_Q_keygen, which Swift cannot call.
static inline EVP_PKEY *COpenSSL_EVP_EC_gen(const char *curve) { return EVP_PKEY_Q_keygen(NULL, NULL, "EC", curve); }

// TLS 1.3 record-layer hand-off: the callback types, spelled for Swift.
typedef void (*COpenSSL_keylog_cb)(const SSL *ssl, const char *line);
typedef void (*COpenSSL_msg_cb)(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl, void *arg);
static inline long COpenSSL_SSL_set_msg_callback_arg(SSL *ssl, void *arg) { return SSL_set_msg_callback_arg(ssl, arg); }
static inline int COpenSSL_EVP_CIPHER_CTX_set_ivlen(EVP_CIPHER_CTX *ctx, int len) { return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, len, NULL); }
static inline int COpenSSL_EVP_CIPHER_CTX_get_tag(EVP_CIPHER_CTX *ctx, void *tag) { return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag); }
static inline int COpenSSL_EVP_CIPHER_CTX_set_tag(EVP_CIPHER_CTX *ctx, void *tag) { return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, tag); }
