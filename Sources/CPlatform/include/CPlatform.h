/* System calls that Swift's Glibc module does not expose. No ICU here. */
#ifndef CPLATFORM_H
#define CPLATFORM_H

/* Swaps the two existing paths `a` and `b` in one atomic step (Linux renameat2 with
   RENAME_EXCHANGE, macOS renamex_np with RENAME_SWAP). Returns 0, or -1 with errno set
   (ENOSYS or EINVAL where the file system cannot). */
int tolk_exchange_paths(const char *a, const char *b);

/* Has blocks of 512 KiB and more mapped on their own and given back to the system when freed
   (glibc; elsewhere nothing). glibc otherwise raises that threshold when a mapped block is freed, so
   a long document's large arrays end up in the heap, where freeing them leaves holes, not room.
   (1 MiB and more kept a streamed text's 256 KB blocks' arrays in the heap: 8 MiB more at peak.) */
void tolk_map_large_blocks(void);

#endif
