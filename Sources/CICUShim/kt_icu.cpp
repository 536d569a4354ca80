// ICU behind a plain-C interface (see include/kt_icu.h). Swift never imports ICU headers: Debian renames
// ICU's C symbols (ucol_open → ucol_open_72) and Foundation's own _FoundationICU module clashes with them.
#include "kt_icu.h"
#include <climits>
#include <cstring>
#include <string>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

namespace {

const icu::Normalizer2 *instance(int32_t form, UErrorCode &st) {
    switch (form) {
    case KT_NFC: return icu::Normalizer2::getNFCInstance(st);
    case KT_NFD: return icu::Normalizer2::getNFDInstance(st);
    case KT_NFKC: return icu::Normalizer2::getNFKCInstance(st);
    case KT_NFKC_CASEFOLD: return icu::Normalizer2::getNFKCCasefoldInstance(st);
    default: st = U_ILLEGAL_ARGUMENT_ERROR; return nullptr;
    }
}

int32_t copyOut(const std::string &s, uint8_t *dst, int32_t dstCap) {
    if (s.size() > static_cast<size_t>(INT32_MAX)) return INT32_MIN;
    int32_t n = static_cast<int32_t>(s.size());
    if (n > dstCap) return -n;
    if (n > 0) std::memcpy(dst, s.data(), static_cast<size_t>(n));
    return n;
}

bool isFoldedDiacritic(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

} // namespace

extern "C" int32_t kt_normalize_utf8(int32_t form, const uint8_t *src, int32_t srcLen, uint8_t *dst,
                                     int32_t dstCap, int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2 *n = instance(form, st);
    if (U_FAILURE(st) || n == nullptr) { *err = st; return INT32_MIN; }
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dst), dstCap);
    n->normalizeUTF8(0, icu::StringPiece(reinterpret_cast<const char *>(src), srcLen), sink, nullptr, st);
    if (U_FAILURE(st)) { *err = st; return INT32_MIN; }
    *err = 0;
    return sink.Overflowed() ? -sink.NumberOfBytesAppended() : sink.NumberOfBytesWritten();
}

extern "C" int32_t kt_nfkc_casefold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap,
                                         int32_t *err) {
    return kt_normalize_utf8(KT_NFKC_CASEFOLD, src, srcLen, dst, dstCap, err);
}

extern "C" int32_t kt_danish_fold_utf8(const uint8_t *src, int32_t srcLen, uint8_t *dst, int32_t dstCap,
                                       int32_t *err) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2 *cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(st);
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(st);
    if (U_FAILURE(st) || cf == nullptr || nfd == nullptr || nfc == nullptr) { *err = st; return INT32_MIN; }

    icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(reinterpret_cast<const char *>(src), srcLen));
    icu::UnicodeString folded = cf->normalize(in, st);
    icu::UnicodeString decomposed = nfd->normalize(folded, st);
    if (U_FAILURE(st)) { *err = st; return INT32_MIN; }

    icu::UnicodeString out;
    bool afterBase = false;   // the previous code point is a base letter that a first mark may still modify
    int32_t i = 0;
    const int32_t len = decomposed.length();
    while (i < len) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (isFoldedDiacritic(c)) {
            if (afterBase && out.length() > 0) {
                const int32_t last = out.length() - 1;
                const UChar base = out.charAt(last);
                UChar replacement = 0;
                if (base == u'a' && c == 0x030A) replacement = 0x00E5;                      // a + ring → å
                else if (base == u'a' && c == 0x0308) replacement = 0x00E6;                 // ä → æ
                else if (base == u'o' && (c == 0x0308 || c == 0x030B)) replacement = 0x00F8; // ö ő → ø
                else if (base == u'u' && (c == 0x0308 || c == 0x030B)) replacement = u'y';   // ü ű → y
                if (replacement != 0) out.setCharAt(last, replacement);
            }
            afterBase = false;
            continue;  // every other diacritic is dropped
        }
        afterBase = true;
        switch (c) {
        case 0x00F0: out.append(u'd'); break;                   // ð
        case 0x0111: out.append(u'd'); break;                   // đ
        case 0x00FE: out.append(u't').append(u'h'); break;      // þ
        case 0x0153: out.append(u'o').append(u'e'); break;      // œ
        case 0xA733: out.append(static_cast<UChar>(0x00E5)); break; // ꜳ (danMARC2 @å: aa that files as å)
        case 0x0142: out.append(u'l'); break;                   // ł
        case 0x0127: out.append(u'h'); break;                   // ħ
        case 0x0167: out.append(u't'); break;                   // ŧ
        case 0x0131: out.append(u'i'); break;                   // ı
        default: out.append(c); break;
        }
    }
    icu::UnicodeString composed = nfc->normalize(out, st);
    if (U_FAILURE(st)) { *err = st; return INT32_MIN; }
    std::string utf8;
    composed.toUTF8String(utf8);
    *err = 0;
    return copyOut(utf8, dst, dstCap);
}
