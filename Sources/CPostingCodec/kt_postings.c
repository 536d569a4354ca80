// See kt_postings.h.
#include "kt_postings.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;  // little-endian hosts only (x86-64, arm64)
}

// The layout is "vertical": value i sits in lane i % 4 at place i / 4, and each lane's 32 values form a
// bit stream of `w` 32-bit words, word t of lane l stored at 32-bit slot 4t + l. One 128-bit load thus brings
// word t of all four lanes, and each shift-and-mask yields four consecutive values, in order.

#if defined(__SSE2__)
// With `w` a constant the loop unrolls into immediate shifts: about three vector operations per four values.
static inline __attribute__((always_inline)) void unpack_w(const uint8_t *p, const int w, uint32_t *out) {
    const __m128i mask = _mm_set1_epi32(w == 32 ? -1 : (int)((1u << w) - 1));
    const __m128i *in = (const __m128i *)p;
    __m128i cur = _mm_loadu_si128(in);
    int shift = 0;
    int t = 0;
#pragma clang loop unroll(full)
    for (int j = 0; j < 32; j++) {
        __m128i v;
        if (shift + w <= 32) {
            v = shift == 0 ? cur : _mm_srli_epi32(cur, shift);
            if (shift + w < 32) v = _mm_and_si128(v, mask);
            shift += w;
            if (shift == 32 && j < 31) {
                t++;
                cur = _mm_loadu_si128(in + t);
                shift = 0;
            }
        } else {
            // The value straddles two words of its lane.
            v = _mm_srli_epi32(cur, shift);
            t++;
            cur = _mm_loadu_si128(in + t);
            v = _mm_and_si128(_mm_or_si128(v, _mm_slli_epi32(cur, 32 - shift)), mask);
            shift = shift + w - 32;
        }
        _mm_storeu_si128((__m128i *)(out + 4 * j), v);
    }
}
#else
static inline __attribute__((always_inline)) void unpack_w(const uint8_t *p, const int w, uint32_t *out) {
    const uint64_t mask = w == 32 ? 0xFFFFFFFFull : ((1ull << w) - 1);
#pragma clang loop unroll(full)
    for (int j = 0; j < 32; j++) {
        const int bit = j * w;
        const int t = bit >> 5;
        const int sh = bit & 31;
        for (int lane = 0; lane < 4; lane++) {
            uint64_t v = load32(p + (4 * t + lane) * 4);
            if (sh + w > 32) v |= (uint64_t)load32(p + (4 * (t + 1) + lane) * 4) << 32;
            out[4 * j + lane] = (uint32_t)((v >> sh) & mask);
        }
    }
}
#endif

int kt_pack128(const uint32_t *values, int bits, uint8_t *out) {
    if (bits < 1 || bits > 32) return -1;
    for (int lane = 0; lane < 4; lane++) {
        uint64_t acc = 0;
        int have = 0;
        int t = 0;
        for (int j = 0; j < 32; j++) {
            acc |= (uint64_t)values[4 * j + lane] << have;
            have += bits;
            if (have >= 32) {
                const uint32_t word = (uint32_t)acc;
                memcpy(out + (4 * t + lane) * 4, &word, 4);
                t++;
                acc >>= 32;
                have -= 32;
            }
        }
    }
    return 0;  // 32 × bits is a multiple of 32 in every lane: nothing is left over
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

#if defined(__SSE2__)
// Unpacking fused with the running sums: each group of four gaps becomes four documents in registers
// (gap + 1, two shifted adds for the prefix sums, plus the previous group's last document).
static inline __attribute__((always_inline)) void unpack_docs_w(
    const uint8_t *p, const int w, uint32_t previous, uint32_t *out) {
    const __m128i mask = _mm_set1_epi32(w == 32 ? -1 : (int)((1u << w) - 1));
    const __m128i one = _mm_set1_epi32(1);
    const __m128i *in = (const __m128i *)p;
    __m128i run = _mm_set1_epi32((int)previous);
    __m128i cur = w == 0 ? _mm_setzero_si128() : _mm_loadu_si128(in);
    int shift = 0;
    int t = 0;
#pragma clang loop unroll(full)
    for (int j = 0; j < 32; j++) {
        __m128i v;
        if (w == 0) {
            v = cur;
        } else if (shift + w <= 32) {
            v = shift == 0 ? cur : _mm_srli_epi32(cur, shift);
            if (shift + w < 32) v = _mm_and_si128(v, mask);
            shift += w;
            if (shift == 32 && j < 31) {
                t++;
                cur = _mm_loadu_si128(in + t);
                shift = 0;
            }
        } else {
            v = _mm_srli_epi32(cur, shift);
            t++;
            cur = _mm_loadu_si128(in + t);
            v = _mm_and_si128(_mm_or_si128(v, _mm_slli_epi32(cur, 32 - shift)), mask);
            shift = shift + w - 32;
        }
        __m128i x = _mm_add_epi32(v, one);
        x = _mm_add_epi32(x, _mm_slli_si128(x, 4));
        x = _mm_add_epi32(x, _mm_slli_si128(x, 8));
        x = _mm_add_epi32(x, run);
        _mm_storeu_si128((__m128i *)(out + 4 * j), x);
        run = _mm_shuffle_epi32(x, 0xFF);
    }
}
#endif

int64_t kt_unpack_docs128(const uint8_t *p, int bits, uint32_t previous, uint32_t *out) {
    if (bits < 0 || bits > 32) return -1;
    // doc[i] = previous + Σ_{k ≤ i} (gap[k] + 1), in wrapping 32-bit arithmetic (previous UINT32_MAX: −1).
    // When 128 gaps of this width cannot carry the block past 2^32 − 1 (the usual case: a width well below 24
    // bits), the last running sum is the last document.
    const int64_t start = previous == UINT32_MAX ? -1 : (int64_t)previous;
    const int fits = bits <= 24 && start + 128 * ((int64_t)1 << bits) <= (int64_t)UINT32_MAX;
#if defined(__SSE2__)
    if (fits) {
        switch (bits) {
        case 0: unpack_docs_w(p, 0, previous, out); break;
        case 1: unpack_docs_w(p, 1, previous, out); break;
        case 2: unpack_docs_w(p, 2, previous, out); break;
        case 3: unpack_docs_w(p, 3, previous, out); break;
        case 4: unpack_docs_w(p, 4, previous, out); break;
        case 5: unpack_docs_w(p, 5, previous, out); break;
        case 6: unpack_docs_w(p, 6, previous, out); break;
        case 7: unpack_docs_w(p, 7, previous, out); break;
        case 8: unpack_docs_w(p, 8, previous, out); break;
        case 9: unpack_docs_w(p, 9, previous, out); break;
        case 10: unpack_docs_w(p, 10, previous, out); break;
        case 11: unpack_docs_w(p, 11, previous, out); break;
        case 12: unpack_docs_w(p, 12, previous, out); break;
        case 13: unpack_docs_w(p, 13, previous, out); break;
        case 14: unpack_docs_w(p, 14, previous, out); break;
        case 15: unpack_docs_w(p, 15, previous, out); break;
        case 16: unpack_docs_w(p, 16, previous, out); break;
        case 17: unpack_docs_w(p, 17, previous, out); break;
        case 18: unpack_docs_w(p, 18, previous, out); break;
        case 19: unpack_docs_w(p, 19, previous, out); break;
        case 20: unpack_docs_w(p, 20, previous, out); break;
        case 21: unpack_docs_w(p, 21, previous, out); break;
        case 22: unpack_docs_w(p, 22, previous, out); break;
        case 23: unpack_docs_w(p, 23, previous, out); break;
        default: unpack_docs_w(p, 24, previous, out); break;
        }
        return (int64_t)out[127];
    }
#endif
    // Wide gaps (or no SSE2): unpack, add the gaps up in 64 bits when they could pass 2^32, then the sums.
    if (kt_unpack128(p, bits, out) != 0) return -1;
    int64_t last = -1;
    if (!fits) {
        uint64_t gaps = 0;
        for (int i = 0; i < 128; i++) gaps += out[i];
        last = start + (int64_t)gaps + 128;
    }
    uint32_t d = previous;
    for (int i = 0; i < 128; i++) {
        d += out[i] + 1;
        out[i] = d;
    }
    return last >= 0 ? last : (int64_t)out[127];
}
