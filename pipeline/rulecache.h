/*
 * rulecache — compiled rule patterns kept on disk between runs.
 *
 * minutes-extract compiles some three hundred patterns before it reads a
 * byte, about 50M instructions: more than the work of a small document,
 * and minutes-mine runs the chain once a document.  A rule cache keeps
 * the compiled codes (pcre2_serialize) in one file of a folder the caller
 * names, beside the exact text and flags each was compiled from.  A
 * pattern is taken from the cache only when its text and flags are the
 * same bytes; any other is compiled as usual, and the file is written
 * again (to a temporary name, then renamed) when the run compiled
 * anything or left an entry unused.  A file of another PCRE2 build or
 * version of the program, a damaged or truncated one (a checksum covers
 * it), or an unreadable folder is no error: the patterns are compiled.
 * So the cache changes nothing but start-up time.
 */
#ifndef MM_RULECACHE_H
#define MM_RULECACHE_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct rulecache;

/* The cache of the rules in rules_dir, kept in folder dir. */
struct rulecache *rulecache_open(const char *dir, const char *rules_dir);

/* The code of src compiled with flags (the caller's to free), or NULL
 * when the cache has none. */
pcre2_code *rulecache_get(struct rulecache *c, const char *src, size_t len,
    uint32_t flags);

/* Note that src with flags compiled to re (the cache keeps a copy). */
void rulecache_put(struct rulecache *c, const char *src, size_t len,
    uint32_t flags, const pcre2_code *re);

/* Write the file again when it is out of date and the rules loaded,
 * then free the cache. */
void rulecache_close(struct rulecache *c, int loaded);

#endif
