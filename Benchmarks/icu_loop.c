/*
 * The baseline for `tolk tokenize` throughput: a minimal C loop over ICU's word and sentence break
 * iterators on the same input (UTF-8 read whole, converted to UTF-16 once), counting boundaries.
 * usage: icu_loop FILE LOCALE
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: %s FILE LOCALE\n", argv[0]); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(size);
    if (fread(bytes, 1, size, file) != (size_t)size) { perror("read"); return 2; }
    fclose(file);

    double start = now();
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8(NULL, 0, &units, bytes, (int32_t)size, &status);
    status = U_ZERO_ERROR;
    UChar *text = malloc(sizeof(UChar) * (units + 1));
    u_strFromUTF8(text, units + 1, &units, bytes, (int32_t)size, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "conversion: %s\n", u_errorName(status)); return 1; }

    long words = 0, sentences = 0;
    UBreakIterator *word = ubrk_open(UBRK_WORD, argv[2], text, units, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "word iterator: %s\n", u_errorName(status)); return 1; }
    for (int32_t b = ubrk_first(word); b != UBRK_DONE; b = ubrk_next(word)) {
        if (ubrk_getRuleStatus(word) != UBRK_WORD_NONE) words++;
    }
    UBreakIterator *sentence = ubrk_open(UBRK_SENTENCE, argv[2], text, units, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "sentence iterator: %s\n", u_errorName(status)); return 1; }
    for (int32_t b = ubrk_first(sentence); b != UBRK_DONE; b = ubrk_next(sentence)) sentences++;
    double seconds = now() - start;

    printf("icu_loop: %ld bytes, %ld word segments, %ld sentence boundaries, %.3f s, %.1f MB/s\n",
           size, words, sentences, seconds, size / seconds / 1e6);
    ubrk_close(word);
    ubrk_close(sentence);
    free(text);
    free(bytes);
    return 0;
}
