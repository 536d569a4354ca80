#ifndef KT_ICU_H
#define KT_ICU_H
#include <stdint.h>
/* ICU-free public interface: Swift sees only plain C types (see Docs/ANALYSIS.md and research/swift-tech.md §2).
 * Every function takes UTF-8 in (src, srcLen) and writes UTF-8 to (dst, dstCap). It returns the number of
 * bytes written, the negated number of bytes needed when dstCap is too small (nothing useful is written then),
 * or INT32_MIN on an ICU error, with *err set to the UErrorCode. Ill-formed UTF-8 is replaced by U+FFFD. */
#ifdef __cplusplus
extern "C" {
#endif

/* Normalisation forms for kt_normalize_utf8. */
enum {
    KT_NFC = 0,
    KT_NFD = 1,
    KT_NFKC = 2,
    KT_NFKC_CASEFOLD = 3
};

/* NFKC + full case folding (ICU's NFKC_Casefold). */
int32_t kt_nfkc_casefold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap, int32_t *err);

/* One of the forms above (KT_NFC, KT_NFD, KT_NFKC, KT_NFKC_CASEFOLD). */
int32_t kt_normalize_utf8(int32_t form, const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap,
                          int32_t *err);

/* Kartotek's Danish character folding: NFKC_Casefold, then ä→æ, ö ő→ø, ü ű→y, å kept, ð đ→d, þ→th, œ→oe,
 * ꜳ→å, ł→l, ħ→h, ŧ→t, ı→i, every other Latin/Greek/Cyrillic combining diacritic (U+0300–036F, U+1AB0–1AFF,
 * U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F) removed, then NFC. Marks of other scripts are kept.
 * The aa→å, ae→æ and oe→ø pair rules are not applied here (the Swift side applies them after folding). */
int32_t kt_danish_fold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap, int32_t *err);

#ifdef __cplusplus
}
#endif
#endif
