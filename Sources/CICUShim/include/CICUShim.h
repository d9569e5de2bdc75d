/*
 * CICUShim: the only code in tolk that sees ICU. Everything here uses plain C types and opaque
 * handles so that Swift modules never import an ICU header (Foundation on Linux ships its own ICU,
 * whose headers clash with the system's).
 *
 * Status codes: every function that can fail returns an int32_t status. 0 means success (ICU warnings
 * are reported as success); a positive value is an ICU UErrorCode; TOLK_E_* values are the shim's own.
 * tolk_status_name() names any of them.
 */
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The shim's own errors (ICU's UErrorCode values are all below 0x10000). */
enum {
    TOLK_E_ARGUMENT = 0x10001,   /**< a NULL handle, a negative length or an unknown kind */
    TOLK_E_MEMORY = 0x10002,     /**< malloc failed */
    TOLK_E_TOO_LONG = 0x10003,   /**< the text does not fit ICU's int32_t lengths */
};

/** Names a status code ("U_ILLEGAL_ARGUMENT_ERROR", "TOLK_E_MEMORY", ...). */
const char *tolk_status_name(int32_t status);

/** Writes the ICU version in use ("72.1") into buffer (NUL-terminated). */
void tolk_icu_version(char *buffer, int32_t capacity);

/* ---- Break iteration ---------------------------------------------------------------------- */

typedef struct TolkBreaker TolkBreaker;

enum {
    TOLK_BREAK_CHARACTER = 0,
    TOLK_BREAK_WORD = 1,
    TOLK_BREAK_LINE = 2,
    TOLK_BREAK_SENTENCE = 3,
};

/** Opens a break iterator of `kind` for an ICU locale id ("nb", "vi", "" for root). */
int32_t tolk_breaker_open(int32_t kind, const char *locale, TolkBreaker **out);

/** Closes a breaker; NULL is ignored. */
void tolk_breaker_close(TolkBreaker *breaker);

/**
 * Gives the breaker a text: `length` bytes of valid UTF-8. The breaker copies the text (as UTF-16),
 * so the caller's buffer may be freed afterwards. Iteration restarts at offset 0. When
 * `lineBreaksAsSpaces` is non-zero, CR and LF are shown to ICU as spaces (soft line breaks).
 */
int32_t tolk_breaker_set_utf8(TolkBreaker *breaker, const uint8_t *text, int32_t length,
                              int32_t lineBreaksAsSpaces);

/**
 * Gives `breaker` the same text as `source` (copied, so each breaker owns its text), saving the
 * UTF-8 decoding when two iterators walk one text. Iteration restarts at offset 0.
 */
int32_t tolk_breaker_copy_text(TolkBreaker *breaker, const TolkBreaker *source);

/**
 * Fills `offsets` with up to `capacity` boundaries after the current position, as UTF-8 byte
 * offsets into the text, and (when `statuses` is not NULL) each boundary's ICU rule status
 * (for word breaks: 0-99 none, 100-199 number, 200-299 letter, 300+ kana/ideographic).
 * `*count` receives the number written; 0 means the end of the text was reached.
 */
int32_t tolk_breaker_next(TolkBreaker *breaker, int32_t *offsets, int32_t *statuses,
                          int32_t capacity, int32_t *count);

/* ---- Normalisation and case folding (UTF-16 in, UTF-16 out) -------------------------------- */

enum {
    TOLK_FORM_NFC = 0,
    TOLK_FORM_NFD = 1,
    TOLK_FORM_NFKC = 2,
    TOLK_FORM_NFKD = 3,
};

/**
 * Normalises `source` into `destination`. When `capacity` is too small, returns
 * U_BUFFER_OVERFLOW_ERROR with the needed length in `*length`; call again with a larger buffer.
 */
int32_t tolk_normalize(int32_t form, const uint16_t *source, int32_t sourceLength,
                       uint16_t *destination, int32_t capacity, int32_t *length);

/** Sets `*result` to 1 when `source` is already in `form`, else 0. */
int32_t tolk_is_normalized(int32_t form, const uint16_t *source, int32_t sourceLength,
                           int32_t *result);

/** Full Unicode case folding; buffer contract as tolk_normalize. */
int32_t tolk_fold_case(const uint16_t *source, int32_t sourceLength,
                       uint16_t *destination, int32_t capacity, int32_t *length);

/* ---- Transliteration ------------------------------------------------------------------------ */

typedef struct TolkTransliterator TolkTransliterator;

/** Opens an ICU transliterator by id, e.g. "NFKC; Latin-ASCII". */
int32_t tolk_transliterator_open(const char *identifier, TolkTransliterator **out);

/** Closes a transliterator; NULL is ignored. */
void tolk_transliterator_close(TolkTransliterator *transliterator);

/** Transliterates `source` into `destination`; buffer contract as tolk_normalize. */
int32_t tolk_transliterate(TolkTransliterator *transliterator, const uint16_t *source,
                           int32_t sourceLength, uint16_t *destination, int32_t capacity,
                           int32_t *length);

#ifdef __cplusplus
}
#endif

#endif
