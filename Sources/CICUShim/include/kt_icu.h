#ifndef KT_ICU_H
#define KT_ICU_H
#include <stdint.h>
/* ICU-free public interface: Swift sees only plain C types (see Docs/ and research/swift-tech.md §2). */
#ifdef __cplusplus
extern "C" {
#endif
/// NFC + case fold `src` (UTF-8) into `dst` (UTF-8). Returns bytes written, -needed if dstCap is too small,
/// or INT32_MIN on an ICU error (*err gets the UErrorCode).
int32_t kt_nfkc_casefold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap, int32_t *err);
#ifdef __cplusplus
}
#endif
#endif
