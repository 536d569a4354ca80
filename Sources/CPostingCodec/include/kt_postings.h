// Posting-block kernels for SearchIndex: unpacking 128 bit-packed values, written in C so that every
// width gets its own fully unrolled (and vectorisable) copy.
#ifndef KT_POSTINGS_H
#define KT_POSTINGS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Reads 128 values of `bits` bits (0…32) from the packed block at `p` (16 × bits bytes, all of which must be
/// readable; four interleaved lanes, value i in lane i % 4, each lane a little-endian stream of `bits` 32-bit
/// words, word t of lane l at 32-bit slot 4t + l) into `out`. Returns 0, or -1 (out untouched) for a width over 32.
int kt_unpack128(const uint8_t *p, int bits, uint32_t *out);

/// Unpacks 128 gaps of `bits` bits into documents: doc[i] = doc[i-1] + gap[i] + 1, the document before the
/// first being `previous` (UINT32_MAX: none, so the first gap is the first document). Returns the last
/// document as a 64-bit value (above UINT32_MAX when the block overflows), or -1 for a width over 32.
int64_t kt_unpack_docs128(const uint8_t *p, int bits, uint32_t previous, uint32_t *out);

/// Writes 128 values of `bits` bits (1…32; each below 2^bits) as a packed block of 16 × bits bytes at `out`
/// (the layout `kt_unpack128` reads). Returns 0, or -1 (nothing written) for a width outside 1…32.
int kt_pack128(const uint32_t *values, int bits, uint8_t *out);

#ifdef __cplusplus
}
#endif

#endif
