#include "kt_icu.h"
#include <climits>
#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/stringpiece.h>

extern "C" int32_t kt_nfkc_casefold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    static const icu::Normalizer2 *n = icu::Normalizer2::getNFKCCasefoldInstance(st);
    if (U_FAILURE(st) || n == nullptr) { *err = st; return INT32_MIN; }
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dst), dstCap);
    n->normalizeUTF8(0, icu::StringPiece(reinterpret_cast<const char *>(src), srcLen), sink, nullptr, st);
    if (U_FAILURE(st)) { *err = st; return INT32_MIN; }
    *err = 0;
    return sink.Overflowed() ? -sink.NumberOfBytesAppended() : sink.NumberOfBytesWritten();
}
