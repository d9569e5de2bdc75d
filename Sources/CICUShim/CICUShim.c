/* The ICU side of tolk. See include/CICUShim.h for the contract. */
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

/* ICU warnings (negative codes) count as success. */
static int32_t status_of(UErrorCode code) { return U_FAILURE(code) ? (int32_t)code : 0; }

const char *tolk_status_name(int32_t status) {
    switch (status) {
    case TOLK_E_ARGUMENT: return "TOLK_E_ARGUMENT";
    case TOLK_E_MEMORY: return "TOLK_E_MEMORY";
    case TOLK_E_TOO_LONG: return "TOLK_E_TOO_LONG";
    default: return u_errorName((UErrorCode)status);
    }
}

void tolk_icu_version(char *buffer, int32_t capacity) {
    if (buffer == NULL || capacity <= 0) return;
    UVersionInfo version;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, text);
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = '\0';
}

/* ---- Break iteration ---------------------------------------------------------------------- */

struct TolkBreaker {
    UBreakIterator *iterator;
    UChar *text;          /* the UTF-16 copy ICU iterates over (ICU keeps a pointer to it) */
    int32_t *utf8Offsets; /* utf8Offsets[i]: UTF-8 offset of UTF-16 index i (length + 1 entries) */
    int32_t capacity;     /* allocated UTF-16 units */
    int32_t length;       /* UTF-16 units in use */
    int32_t done;
};

int32_t tolk_breaker_open(int32_t kind, const char *locale, TolkBreaker **out) {
    if (out == NULL) return TOLK_E_ARGUMENT;
    *out = NULL;
    UBreakIteratorType type;
    switch (kind) {
    case TOLK_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
    case TOLK_BREAK_WORD: type = UBRK_WORD; break;
    case TOLK_BREAK_LINE: type = UBRK_LINE; break;
    case TOLK_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    default: return TOLK_E_ARGUMENT;
    }
    TolkBreaker *breaker = calloc(1, sizeof *breaker);
    if (breaker == NULL) return TOLK_E_MEMORY;
    UErrorCode code = U_ZERO_ERROR;
    breaker->iterator = ubrk_open(type, locale, NULL, 0, &code);
    if (U_FAILURE(code)) {
        free(breaker);
        return (int32_t)code;
    }
    breaker->done = 1;
    *out = breaker;
    return 0;
}

void tolk_breaker_close(TolkBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker->text);
    free(breaker->utf8Offsets);
    free(breaker);
}

static int32_t reserve(TolkBreaker *breaker, int32_t units) {
    if (units <= breaker->capacity) return 0;
    int32_t capacity = units < 256 ? 256 : units + units / 2;
    if (capacity < units) capacity = units; /* overflow guard */
    UChar *text = realloc(breaker->text, (size_t)capacity * sizeof(UChar));
    if (text == NULL) return TOLK_E_MEMORY;
    breaker->text = text;
    int32_t *offsets = realloc(breaker->utf8Offsets, ((size_t)capacity + 1) * sizeof(int32_t));
    if (offsets == NULL) return TOLK_E_MEMORY;
    breaker->utf8Offsets = offsets;
    breaker->capacity = capacity;
    return 0;
}

/* Number of bytes of the UTF-8 sequence starting with lead byte b (input is valid UTF-8). */
/* Hands the breaker's first `units` UTF-16 units to its iterator and rewinds it. */
static int32_t attach_text(TolkBreaker *breaker, int32_t units) {
    breaker->length = units;
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, breaker->text, units, &code);
    if (U_FAILURE(code)) return (int32_t)code;
    ubrk_first(breaker->iterator);
    breaker->done = 0;
    return 0;
}

/* Whether the eight bytes at p are all ASCII. */
static int eight_ascii(const uint8_t *p) {
    uint64_t word;
    memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ULL) == 0;
}

static int32_t utf8_sequence_length(uint8_t b) {
    if (b < 0x80) return 1;
    if (b < 0xE0) return 2;
    if (b < 0xF0) return 3;
    return 4;
}

int32_t tolk_breaker_set_utf8(TolkBreaker *breaker, const uint8_t *text, int32_t length,
                              int32_t lineBreaksAsSpaces) {
    if (breaker == NULL || length < 0 || (text == NULL && length > 0)) return TOLK_E_ARGUMENT;
    if (length > INT32_MAX / 2) return TOLK_E_TOO_LONG;
    /* UTF-16 never needs more units than UTF-8 has bytes. */
    int32_t status = reserve(breaker, length > 0 ? length : 1);
    if (status != 0) return status;
    int32_t units = 0;
    UChar lineBreak = lineBreaksAsSpaces ? ' ' : 0; /* what a line break becomes, 0 for itself */
    for (int32_t i = 0; i < length;) {
        /* ASCII fast path: eight bytes at a time while none has its high bit set. */
        while (i + 8 <= length && eight_ascii(text + i)) {
            for (int k = 0; k < 8; k++) {
                uint8_t c = text[i + k];
                breaker->utf8Offsets[units] = i + k;
                breaker->text[units++] = (lineBreak && (c == '\n' || c == '\r')) ? lineBreak : c;
            }
            i += 8;
        }
        if (i >= length) break;
        uint8_t b = text[i];
        if (b < 0x80) {
            breaker->utf8Offsets[units] = i;
            breaker->text[units++] = (lineBreak && (b == '\n' || b == '\r')) ? lineBreak : b;
            i += 1;
            continue;
        }
        int32_t n = utf8_sequence_length(b);
        if (i + n > length) return U_INVALID_CHAR_FOUND;
        UChar32 c;
        switch (n) {
        case 2: c = ((b & 0x1F) << 6) | (text[i + 1] & 0x3F); break;
        case 3: c = ((b & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F); break;
        default:
            c = ((b & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) | ((text[i + 2] & 0x3F) << 6) |
                (text[i + 3] & 0x3F);
            break;
        }
        breaker->utf8Offsets[units] = i;
        if (c > 0xFFFF) {
            breaker->text[units++] = U16_LEAD(c);
            breaker->utf8Offsets[units] = i;
            breaker->text[units++] = U16_TRAIL(c);
        } else {
            breaker->text[units++] = (UChar)c;
        }
        i += n;
    }
    breaker->utf8Offsets[units] = length;
    return attach_text(breaker, units);
}

int32_t tolk_breaker_copy_text(TolkBreaker *breaker, const TolkBreaker *source) {
    if (breaker == NULL || source == NULL) return TOLK_E_ARGUMENT;
    int32_t units = source->length;
    int32_t status = reserve(breaker, units > 0 ? units : 1);
    if (status != 0) return status;
    memcpy(breaker->text, source->text, (size_t)units * sizeof(UChar));
    memcpy(breaker->utf8Offsets, source->utf8Offsets, ((size_t)units + 1) * sizeof(int32_t));
    return attach_text(breaker, units);
}

int32_t tolk_breaker_next(TolkBreaker *breaker, int32_t *offsets, int32_t *statuses,
                          int32_t capacity, int32_t *count) {
    if (breaker == NULL || offsets == NULL || count == NULL || capacity <= 0) return TOLK_E_ARGUMENT;
    int32_t written = 0;
    while (!breaker->done && written < capacity) {
        int32_t boundary = ubrk_next(breaker->iterator);
        if (boundary == UBRK_DONE) {
            breaker->done = 1;
            break;
        }
        offsets[written] = breaker->utf8Offsets[boundary];
        if (statuses != NULL) statuses[written] = ubrk_getRuleStatus(breaker->iterator);
        written++;
    }
    *count = written;
    return 0;
}

/* ---- Normalisation and case folding -------------------------------------------------------- */

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *code) {
    switch (form) {
    case TOLK_FORM_NFC: return unorm2_getNFCInstance(code);
    case TOLK_FORM_NFD: return unorm2_getNFDInstance(code);
    case TOLK_FORM_NFKC: return unorm2_getNFKCInstance(code);
    case TOLK_FORM_NFKD: return unorm2_getNFKDInstance(code);
    default: *code = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

static int32_t check_buffers(const uint16_t *source, int32_t sourceLength, const uint16_t *destination,
                             int32_t capacity, const int32_t *length) {
    if (length == NULL || sourceLength < 0 || capacity < 0) return TOLK_E_ARGUMENT;
    if ((source == NULL && sourceLength > 0) || (destination == NULL && capacity > 0)) return TOLK_E_ARGUMENT;
    return 0;
}

int32_t tolk_normalize(int32_t form, const uint16_t *source, int32_t sourceLength,
                       uint16_t *destination, int32_t capacity, int32_t *length) {
    int32_t status = check_buffers(source, sourceLength, destination, capacity, length);
    if (status != 0) return status;
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &code);
    if (U_FAILURE(code)) return (int32_t)code;
    *length = unorm2_normalize(normalizer, source, sourceLength, destination, capacity, &code);
    return status_of(code);
}

int32_t tolk_is_normalized(int32_t form, const uint16_t *source, int32_t sourceLength, int32_t *result) {
    if (result == NULL || sourceLength < 0 || (source == NULL && sourceLength > 0)) return TOLK_E_ARGUMENT;
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &code);
    if (U_FAILURE(code)) return (int32_t)code;
    *result = unorm2_isNormalized(normalizer, source, sourceLength, &code) ? 1 : 0;
    return status_of(code);
}

int32_t tolk_fold_case(const uint16_t *source, int32_t sourceLength,
                       uint16_t *destination, int32_t capacity, int32_t *length) {
    int32_t status = check_buffers(source, sourceLength, destination, capacity, length);
    if (status != 0) return status;
    UErrorCode code = U_ZERO_ERROR;
    *length = u_strFoldCase(destination, capacity, source, sourceLength, U_FOLD_CASE_DEFAULT, &code);
    return status_of(code);
}

/* ---- Transliteration ------------------------------------------------------------------------ */

struct TolkTransliterator {
    UTransliterator *transliterator;
};

int32_t tolk_transliterator_open(const char *identifier, TolkTransliterator **out) {
    if (identifier == NULL || out == NULL) return TOLK_E_ARGUMENT;
    *out = NULL;
    int32_t idLength = (int32_t)strlen(identifier);
    UChar *id = malloc(((size_t)idLength + 1) * sizeof(UChar));
    if (id == NULL) return TOLK_E_MEMORY;
    u_charsToUChars(identifier, id, idLength);
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *transliterator = utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &code);
    free(id);
    if (U_FAILURE(code)) return (int32_t)code;
    TolkTransliterator *handle = malloc(sizeof *handle);
    if (handle == NULL) {
        utrans_close(transliterator);
        return TOLK_E_MEMORY;
    }
    handle->transliterator = transliterator;
    *out = handle;
    return 0;
}

void tolk_transliterator_close(TolkTransliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int32_t tolk_transliterate(TolkTransliterator *transliterator, const uint16_t *source,
                           int32_t sourceLength, uint16_t *destination, int32_t capacity,
                           int32_t *length) {
    if (transliterator == NULL) return TOLK_E_ARGUMENT;
    int32_t status = check_buffers(source, sourceLength, destination, capacity, length);
    if (status != 0) return status;
    /* utrans_transUChars works in place: copy the source into the destination first. The
       transliteration may grow the text, so ask for room beyond the source length. */
    if (capacity < sourceLength) {
        *length = sourceLength * 4 + 16;
        return U_BUFFER_OVERFLOW_ERROR;
    }
    if (sourceLength > 0) memmove(destination, source, (size_t)sourceLength * sizeof(UChar));
    int32_t textLength = sourceLength;
    int32_t limit = sourceLength;
    UErrorCode code = U_ZERO_ERROR;
    utrans_transUChars(transliterator->transliterator, destination, &textLength, capacity, 0, &limit, &code);
    if (code == U_BUFFER_OVERFLOW_ERROR) {
        *length = (textLength > capacity ? textLength : capacity * 2) + 16;
        return U_BUFFER_OVERFLOW_ERROR;
    }
    *length = textLength;
    return status_of(code);
}
