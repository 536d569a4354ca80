// See kt_postings.h.
#include "kt_postings.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline uint64_t load64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;  // little-endian hosts only (x86-64, arm64)
}

static inline uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

// Four groups of 32 values; a group of w-bit values is exactly w 32-bit words. With `w` a constant the
// loop unrolls into shifts and masks.
static inline __attribute__((always_inline)) void unpack_w(const uint8_t *p, const int w, uint32_t *out) {
    const uint64_t mask = w == 32 ? 0xFFFFFFFFull : ((1ull << w) - 1);
    for (int g = 0; g < 4; g++) {
        const uint8_t *words = p + g * w * 4;
        uint32_t *o = out + g * 32;
#pragma clang loop unroll(full)
        for (int j = 0; j < 32; j++) {
            const int bit = j * w;
            const int at = (bit >> 5) << 2;
            const uint64_t v = at + 8 <= w * 4 ? load64(words + at) : (uint64_t)load32(words + at);
            o[j] = (uint32_t)((v >> (bit & 31)) & mask);
        }
    }
}

int kt_pack128(const uint32_t *values, int bits, uint8_t *out) {
    if (bits < 1 || bits > 32) return -1;
    uint64_t acc = 0;
    int have = 0;
    int o = 0;
    for (int i = 0; i < 128; i++) {
        acc |= (uint64_t)values[i] << have;
        have += bits;
        if (have >= 32) {
            const uint32_t word = (uint32_t)acc;
            memcpy(out + o, &word, 4);
            o += 4;
            acc >>= 32;
            have -= 32;
        }
    }
    return 0;  // 128 × bits is a multiple of 32: nothing is left over
}

int kt_unpack128(const uint8_t *p, int bits, uint32_t *out) {
    switch (bits) {
    case 0:
        memset(out, 0, 128 * sizeof(uint32_t));
        return 0;
    case 1: unpack_w(p, 1, out); return 0;
    case 2: unpack_w(p, 2, out); return 0;
    case 3: unpack_w(p, 3, out); return 0;
    case 4: unpack_w(p, 4, out); return 0;
    case 5: unpack_w(p, 5, out); return 0;
    case 6: unpack_w(p, 6, out); return 0;
    case 7: unpack_w(p, 7, out); return 0;
    case 8: unpack_w(p, 8, out); return 0;
    case 9: unpack_w(p, 9, out); return 0;
    case 10: unpack_w(p, 10, out); return 0;
    case 11: unpack_w(p, 11, out); return 0;
    case 12: unpack_w(p, 12, out); return 0;
    case 13: unpack_w(p, 13, out); return 0;
    case 14: unpack_w(p, 14, out); return 0;
    case 15: unpack_w(p, 15, out); return 0;
    case 16: unpack_w(p, 16, out); return 0;
    case 17: unpack_w(p, 17, out); return 0;
    case 18: unpack_w(p, 18, out); return 0;
    case 19: unpack_w(p, 19, out); return 0;
    case 20: unpack_w(p, 20, out); return 0;
    case 21: unpack_w(p, 21, out); return 0;
    case 22: unpack_w(p, 22, out); return 0;
    case 23: unpack_w(p, 23, out); return 0;
    case 24: unpack_w(p, 24, out); return 0;
    case 25: unpack_w(p, 25, out); return 0;
    case 26: unpack_w(p, 26, out); return 0;
    case 27: unpack_w(p, 27, out); return 0;
    case 28: unpack_w(p, 28, out); return 0;
    case 29: unpack_w(p, 29, out); return 0;
    case 30: unpack_w(p, 30, out); return 0;
    case 31: unpack_w(p, 31, out); return 0;
    case 32: unpack_w(p, 32, out); return 0;
    default:
        return -1;
    }
}

int64_t kt_unpack_docs128(const uint8_t *p, int bits, uint32_t previous, uint32_t *out) {
    if (kt_unpack128(p, bits, out) != 0) return -1;
    // The running sums below use wrapping 32-bit lanes. When 128 gaps of this width cannot carry the block past
    // 2^32 − 1 (the usual case: a width well below 24 bits), the last running sum is the last document;
    // otherwise the gaps are first added up in 64 bits (a sum the compiler vectorises).
    const int64_t start = previous == UINT32_MAX ? -1 : (int64_t)previous;
    int64_t last = -1;
    if (bits > 24 || start + 128 * ((int64_t)1 << bits) > (int64_t)UINT32_MAX) {
        uint64_t gaps = 0;
        for (int i = 0; i < 128; i++) gaps += out[i];
        last = start + (int64_t)gaps + 128;
    }
    // doc[i] = previous + Σ_{k ≤ i} (gap[k] + 1), in wrapping 32-bit arithmetic (previous UINT32_MAX: −1).
#if defined(__SSE2__)
    __m128i run = _mm_set1_epi32((int)previous);
    const __m128i one = _mm_set1_epi32(1);
    for (int i = 0; i < 128; i += 4) {
        __m128i x = _mm_add_epi32(_mm_loadu_si128((const __m128i *)(out + i)), one);
        x = _mm_add_epi32(x, _mm_slli_si128(x, 4));
        x = _mm_add_epi32(x, _mm_slli_si128(x, 8));
        x = _mm_add_epi32(x, run);
        _mm_storeu_si128((__m128i *)(out + i), x);
        run = _mm_shuffle_epi32(x, 0xFF);
    }
#else
    uint32_t d = previous;
    for (int i = 0; i < 128; i++) {
        d += out[i] + 1;
        out[i] = d;
    }
#endif
    return last >= 0 ? last : (int64_t)out[127];
}
